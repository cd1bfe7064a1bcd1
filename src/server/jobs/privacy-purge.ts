/**
 * Retention for data-subject requests: proofs of an address go when their code and session have
 * ended; answered requests, which by then hold only kind, status and times, go after the audit
 * retention. Open requests stay until an administrator answers them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../stores/schema';

const DAY = 24 * 60 * 60 * 1000;

export async function purgePrivacyRecords(db: Kysely<Database>, now: number, keepHandledDays: number) {
  const challenges = await db
    .deleteFrom('privacy_challenges')
    .where('expires_at', '<=', now)
    .where((eb) => eb.or([eb('session_expires_at', 'is', null), eb('session_expires_at', '<=', now)]))
    .executeTakeFirst();
  const requests = await db
    .deleteFrom('privacy_requests')
    .where('status', '!=', 'open')
    .where('handled_at', '<=', now - keepHandledDays * DAY)
    .executeTakeFirst();
  return { privacyChallengesDeleted: Number(challenges.numDeletedRows), privacyRequestsDeleted: Number(requests.numDeletedRows) };
}
