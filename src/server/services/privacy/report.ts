/**
 * Everything the service holds about one e-mail address, as the portable export
 * (`sealpost-personal-data/1`). With `organisationId` only that organisation's records: what an
 * administrator may see.
 */
import type { Kysely } from 'kysely';
import type { PersonalData, PrivacyRequestSummary, RecipientRecord, SenderRecord } from '../../../shared/protocol/privacy-api';
import type { Database, PrivacyRequestsTable } from '../../stores/schema';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
/** Enough for any real person's history; the export says when it was cut. */
const MAX_AUDIT_EVENTS = 5000;

export interface Scope {
  organisationId?: string;
}

export async function recipientRecords(db: Kysely<Database>, address: string, scope: Scope): Promise<RecipientRecord[]> {
  let q = db
    .selectFrom('recipients')
    .innerJoin('messages', 'messages.id', 'recipients.message_id')
    .innerJoin('organisations', 'organisations.id', 'messages.organisation_id')
    .innerJoin('senders', 'senders.id', 'messages.sender_id')
    .select([
      'organisations.name as organisation',
      'senders.name as sender_name',
      'senders.email as sender_email',
      'messages.id as message_id',
      'messages.status',
      'messages.created_at',
      'messages.expires_at',
      'recipients.id',
      'recipients.name',
      'recipients.email',
      'recipients.method',
      'recipients.phone',
      'recipients.code_sent_at',
      'recipients.verified_at',
      'recipients.opened_at',
      'recipients.downloaded_at',
      'recipients.failures',
      'recipients.locked_at',
      'recipients.browser',
      'recipients.device',
    ])
    .where('recipients.email', '=', address)
    .where('recipients.erased_at', 'is', null);
  if (scope.organisationId) q = q.where('messages.organisation_id', '=', scope.organisationId);
  const rows = await q.orderBy('messages.created_at', 'desc').execute();
  return rows.map((r) => ({
    organisation: r.organisation,
    sender: { name: r.sender_name, email: r.sender_email },
    messageId: r.message_id,
    messageStatus: r.status,
    sentAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    recipientId: r.id,
    name: r.name,
    email: r.email,
    method: r.method,
    phone: r.phone,
    codeSentAt: isoOrNull(r.code_sent_at),
    verifiedAt: isoOrNull(r.verified_at),
    openedAt: isoOrNull(r.opened_at),
    downloadedAt: isoOrNull(r.downloaded_at),
    failedAttempts: r.failures,
    lockedAt: isoOrNull(r.locked_at),
    browser: r.browser,
    device: r.device,
  }));
}

export async function senderRecords(db: Kysely<Database>, address: string, scope: Scope): Promise<SenderRecord[]> {
  let q = db
    .selectFrom('senders')
    .innerJoin('organisations', 'organisations.id', 'senders.organisation_id')
    .select((eb) => [
      'organisations.name as organisation',
      'senders.id',
      'senders.issuer',
      'senders.tid',
      'senders.oid',
      'senders.name',
      'senders.email',
      'senders.outlook_host',
      'senders.outlook_version',
      'senders.outlook_platform',
      'senders.browser',
      'senders.device',
      'senders.created_at',
      'senders.last_seen_at',
      eb.selectFrom('messages').select((m) => m.fn.countAll<number>().as('n')).whereRef('messages.sender_id', '=', 'senders.id').as('messages_sent'),
    ])
    .where('senders.email', '=', address);
  if (scope.organisationId) q = q.where('senders.organisation_id', '=', scope.organisationId);
  const rows = await q.execute();
  return rows.map((s) => ({
    organisation: s.organisation,
    accountId: s.id,
    signIn: s.issuer,
    tenantId: s.tid,
    objectId: s.issuer === 'azure' ? s.oid : null,
    name: s.name,
    email: s.email,
    outlook: { host: s.outlook_host, version: s.outlook_version, platform: s.outlook_platform },
    browser: s.browser,
    device: s.device,
    createdAt: iso(s.created_at),
    lastSeenAt: iso(s.last_seen_at),
    messagesSent: Number(s.messages_sent ?? 0),
  }));
}

export function requestSummary(r: Pick<PrivacyRequestsTable, 'id' | 'type' | 'subject_kind' | 'source' | 'status' | 'created_at' | 'due_at' | 'handled_at'>): PrivacyRequestSummary {
  return {
    id: r.id,
    type: r.type,
    subjectKind: r.subject_kind,
    source: r.source,
    status: r.status,
    createdAt: iso(r.created_at),
    dueAt: iso(r.due_at),
    handledAt: isoOrNull(r.handled_at),
  };
}

export async function personalData(
  db: Kysely<Database>,
  input: { address: string; at: number; productEmailsOff: boolean; scope: Scope },
): Promise<PersonalData> {
  const { address, scope } = input;
  const [asRecipient, asSender] = await Promise.all([recipientRecords(db, address, scope), senderRecords(db, address, scope)]);
  let requests = db.selectFrom('privacy_requests').selectAll().where('subject_email', '=', address);
  if (scope.organisationId) requests = requests.where('organisation_id', '=', scope.organisationId);
  const recipientIds = asRecipient.map((r) => r.recipientId);
  const senderIds = asSender.map((s) => s.accountId);
  const events =
    recipientIds.length || senderIds.length
      ? await db
          .selectFrom('audit_events')
          .select(['at', 'type', 'message_id'])
          .where((eb) =>
            eb.or([
              ...(recipientIds.length ? [eb('recipient_id', 'in', recipientIds)] : []),
              ...(senderIds.length ? [eb('sender_id', 'in', senderIds)] : []),
            ]),
          )
          .orderBy('seq')
          .limit(MAX_AUDIT_EVENTS)
          .execute()
      : [];
  return {
    format: 'sealpost-personal-data/1',
    generatedAt: iso(input.at),
    email: address,
    productEmailsOff: input.productEmailsOff,
    asRecipient,
    asSender,
    requests: (await requests.orderBy('created_at').execute()).map(requestSummary),
    auditEvents: events.map((e) => ({ at: iso(e.at), type: e.type, messageId: e.message_id })),
  };
}
