/**
 * Proving an e-mail address for a data-subject request: a six-digit code by e-mail, then a short
 * session. The same rules as recipient verification (NIST SP 800-63B): codes from a CSPRNG, valid
 * 10 minutes, single use, at most 5 tries, kept only as an HMAC and compared in constant time.
 *
 * No enumeration: every address gets the same answer and a code, whether or not the service holds
 * anything about it. Only the owner of the mailbox sees the code, and the owner is entitled to
 * hear "nothing is held". Codes per address are limited, so the form cannot be used to flood a
 * mailbox.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { PrivacyChallengeResponse, PrivacySession } from '../../../shared/protocol/privacy-api';
import { privacyCodeEmail } from '../../notify/messages';
import { hmac, newCode, newToken, safeEqual, tokenHash } from '../../secrets';
import type { ServiceDeps } from '../deps';
import { CODE_TTL_MS, TRIES_PER_CODE } from '../recipient-access';

export const PRIVACY_SESSION_TTL_MS = 15 * 60 * 1000;
export const CHALLENGES_PER_WINDOW = 3;
export const CHALLENGE_WINDOW_MS = 15 * 60 * 1000;

const newId = () => randomBytes(16).toString('base64url');

export function normaliseAddress(email: string): string {
  return email.trim().toLowerCase();
}

export class PrivacyChallenges {
  constructor(private readonly deps: ServiceDeps) {}

  async start(email: string, locale: 'nl' | 'en'): Promise<PrivacyChallengeResponse> {
    const { db, now, config } = this.deps;
    const address = normaliseAddress(email);
    const subject = hmac(config.codeKey, 'privacy-subject', address);
    const at = now();
    const recent = await db.kysely
      .selectFrom('privacy_challenges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject_hash', '=', subject)
      .where('created_at', '>', at - CHALLENGE_WINDOW_MS)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= CHALLENGES_PER_WINDOW) {
      throw new AppError('rate_limited', 'Too many codes requested for this address; try again in a few minutes.');
    }
    const id = newId();
    const code = newCode();
    await db.kysely
      .insertInto('privacy_challenges')
      .values({
        id,
        address,
        subject_hash: subject,
        code_hash: hmac(config.codeKey, 'privacy-code', id, code),
        tries: 0,
        created_at: at,
        expires_at: at + CODE_TTL_MS,
        used_at: null,
        token_hash: null,
        session_expires_at: null,
      })
      .execute();
    // After the answer, so that delivery time tells nothing.
    setImmediate(() => {
      this.deps.notifiers.mail
        .send({ to: address, ...privacyCodeEmail(locale, code) })
        .catch((err: unknown) => this.deps.log.error({ err: { name: (err as Error)?.name }, challengeId: id }, 'privacy code delivery failed'));
    });
    return { challengeId: id, expiresAt: new Date(at + CODE_TTL_MS).toISOString() };
  }

  async verify(challengeId: string, code: string): Promise<PrivacySession> {
    const { db, now, config } = this.deps;
    const at = now();
    const row = await db.kysely
      .selectFrom('privacy_challenges')
      .select(['id', 'code_hash', 'tries', 'expires_at', 'used_at'])
      .where('id', '=', challengeId)
      .executeTakeFirst();
    const given = hmac(config.codeKey, 'privacy-code', challengeId, code);
    if (!row) {
      safeEqual(null, given);
      throw new AppError('invalid_code', 'The code is not correct.', { triesLeft: 0 });
    }
    if (row.used_at !== null || row.expires_at <= at) throw new AppError('code_expired', 'The code has expired; request a new one.');
    const counted = await db.kysely
      .updateTable('privacy_challenges')
      .set((eb) => ({ tries: eb('tries', '+', 1) }))
      .where('id', '=', row.id)
      .where('tries', '<', TRIES_PER_CODE)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) !== 1) throw new AppError('code_expired', 'Too many tries for this code; request a new one.');
    if (!safeEqual(row.code_hash, given)) {
      throw new AppError('invalid_code', 'The code is not correct.', { triesLeft: Math.max(0, TRIES_PER_CODE - row.tries - 1) });
    }
    const token = newToken();
    const used = await db.kysely
      .updateTable('privacy_challenges')
      .set({ used_at: at, token_hash: tokenHash(token), session_expires_at: at + PRIVACY_SESSION_TTL_MS })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('code_expired', 'The code has already been used.');
    return { token, expiresAt: new Date(at + PRIVACY_SESSION_TTL_MS).toISOString() };
  }

  /** The address a live privacy session proved. */
  async address(bearer: string | undefined): Promise<string> {
    if (!bearer) throw new AppError('unauthenticated', 'Confirm your e-mail address first.');
    const row = await this.deps.db.kysely
      .selectFrom('privacy_challenges')
      .select(['address', 'session_expires_at'])
      .where('token_hash', '=', tokenHash(bearer))
      .executeTakeFirst();
    if (!row || row.session_expires_at === null) throw new AppError('unauthenticated', 'Confirm your e-mail address first.');
    if (row.session_expires_at <= this.deps.now()) throw new AppError('session_expired', 'The session has expired; confirm your address again.');
    return row.address;
  }

  async end(bearer: string | undefined): Promise<void> {
    if (!bearer) return;
    await this.deps.db.kysely.deleteFrom('privacy_challenges').where('token_hash', '=', tokenHash(bearer)).execute();
  }

  /** Ends every session of an address (after an erasure nothing should stay open). */
  async endAll(address: string): Promise<void> {
    await this.deps.db.kysely.deleteFrom('privacy_challenges').where('address', '=', address).execute();
  }
}
