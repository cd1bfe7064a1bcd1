/**
 * The audit trail: event types and ids only. The event shape has no field that could hold a
 * subject, a body, a file name, an address or a code.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../stores/schema';

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
  | 'part.downloaded';

export interface AuditEvent {
  type: AuditType;
  organisationId?: string | null;
  messageId?: string | null;
  recipientId?: string | null;
  senderId?: string | null;
}

export async function audit(db: Kysely<Database> | Transaction<Database>, at: number, event: AuditEvent) {
  await db
    .insertInto('audit_events')
    .values({
      at,
      type: event.type,
      organisation_id: event.organisationId ?? null,
      message_id: event.messageId ?? null,
      recipient_id: event.recipientId ?? null,
      sender_id: event.senderId ?? null,
    })
    .execute();
}
