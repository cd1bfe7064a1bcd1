/**
 * The audit trail: event types and ids only. The event shape has no field that could hold a
 * subject, a body, a file name, an address, a phone number or a code, so the log holds ids, not
 * personal data, and stays that way after a purge (the ids then point at nothing).
 *
 * Events are append-only and hash-chained (see audit-chain.ts). Retention: each event is kept for
 * AUDIT_RETENTION_DAYS after it happened, then the retention purge deletes it from the start of
 * the chain and moves the chain's anchor, so what remains still verifies.
 */
import { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../stores/schema';
import { appendToChain } from './audit-chain';

/** A year of evidence for the yearly audit, plus a month to export it. */
export const AUDIT_RETENTION_DAYS = 395;

export type AuditType =
  | 'message.created'
  | 'message.sealed'
  | 'message.revoked'
  | 'message.expired'
  | 'message.purged'
  | 'code.sent'
  | 'code.failed'
  | 'recipient.verified'
  | 'recipient.locked'
  | 'recipient.unlocked'
  | 'message.opened'
  | 'part.downloaded'
  /** A data-subject request (access, rectification, erasure, objection) was answered. */
  | 'request.handled'
  /** A recipient's data was erased at their request (the row is now a tombstone). */
  | 'recipient.erased'
  /** A sender's account data was erased at their request. */
  | 'sender.erased'
  /** A sender account was deleted 30 days after its organisation's contract ended. */
  | 'sender.deleted'
  | 'organisation.deleted'
  /** Retention deleted the oldest audit events; the chain's anchor moved. */
  | 'audit.pruned'
  /** An administrator exported the organisation's audit log. */
  | 'audit.exported';

export interface AuditEvent {
  type: AuditType;
  organisationId?: string | null;
  messageId?: string | null;
  recipientId?: string | null;
  senderId?: string | null;
}

/**
 * Appends one event. Inside a transaction it joins it (the event commits or rolls back with the
 * change it records); otherwise it runs in one of its own.
 */
export async function audit(db: Kysely<Database> | Transaction<Database>, at: number, event: AuditEvent): Promise<void> {
  await auditMany(db, at, [event]);
}

/** Appends several events at once, in order, under one lock of the chain's head. */
export async function auditMany(db: Kysely<Database> | Transaction<Database>, at: number, events: AuditEvent[]): Promise<void> {
  if (!events.length) return;
  const fields = events.map((event) => ({
    at,
    type: event.type,
    organisation_id: event.organisationId ?? null,
    message_id: event.messageId ?? null,
    recipient_id: event.recipientId ?? null,
    sender_id: event.senderId ?? null,
  }));
  if (db.isTransaction) await appendToChain(db as Transaction<Database>, fields);
  else await db.transaction().execute((trx) => appendToChain(trx, fields));
}

export interface AuditRecord {
  seq: number;
  at: string;
  type: string;
  organisationId: string | null;
  messageId: string | null;
  recipientId: string | null;
  senderId: string | null;
  prevHash: string;
  hash: string;
}

/** One organisation's events with `from <= at < to`, in chain order, read in pages. */
export async function* organisationEvents(
  db: Kysely<Database>,
  query: { organisationId: string; from: number; to: number },
  pageSize = 500,
): AsyncGenerator<AuditRecord> {
  let last = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organisation_id', '=', query.organisationId)
      .where('seq', '>', last)
      .where('at', '>=', query.from)
      .where('at', '<', query.to)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      yield {
        seq: Number(r.seq),
        at: new Date(r.at).toISOString(),
        type: r.type,
        organisationId: r.organisation_id,
        messageId: r.message_id,
        recipientId: r.recipient_id,
        senderId: r.sender_id,
        prevHash: r.prev_hash?.toString('hex') ?? '',
        hash: r.hash?.toString('hex') ?? '',
      };
      last = Number(r.seq);
    }
    if (rows.length < pageSize) return;
  }
}

const CSV_COLUMNS = ['seq', 'at', 'type', 'organisationId', 'messageId', 'recipientId', 'senderId', 'prevHash', 'hash'] as const;

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) gets a leading apostrophe first (OWASP CSV injection). Ids are
 * base64url and may start with "-": in CSV such an id carries that apostrophe; the JSON export
 * is the verbatim, machine-readable form.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The events as CSV: a header row, then one row per event, CRLF line ends. */
export function auditCsv(events: AsyncIterable<AuditRecord>): Readable {
  return Readable.from(
    (async function* () {
      yield `${CSV_COLUMNS.join(',')}\r\n`;
      for await (const e of events) yield `${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\r\n`;
    })(),
    { objectMode: false },
  );
}

/** The events as one JSON document, `{ organisationId, from, to, events: [...] }`, written as they are read. */
export function auditJson(events: AsyncIterable<AuditRecord>, meta: { organisationId: string; from: string; to: string | null }): Readable {
  return Readable.from(
    (async function* () {
      yield `{"organisationId":${JSON.stringify(meta.organisationId)},"from":${JSON.stringify(meta.from)},"to":${JSON.stringify(meta.to)},"events":[`;
      let first = true;
      for await (const e of events) {
        yield `${first ? '' : ','}${JSON.stringify(e)}`;
        first = false;
      }
      yield ']}';
    })(),
    { objectMode: false },
  );
}
