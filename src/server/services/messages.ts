/**
 * The sender's side of a secure message: create (with a fresh server share), upload encrypted
 * parts, seal, list with per-recipient status, revoke, unlock a locked recipient.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '../../shared/errors';
import { wrapServerShare } from '../../shared/crypto';
import { normalisePhone } from '../../shared/phone';
import type {
  CreateMessageRequest,
  CreateMessageResponse,
  MessageSummary,
  RecipientStatus,
} from '../../shared/protocol/api';
import { blobKey } from '../stores/blob-store';
import { hmac, newCode } from '../secrets';
import { audit } from './audit';
import type { ServiceDeps } from './deps';
import type { Sender } from './senders';

const DAY = 24 * 60 * 60 * 1000;
const newId = () => randomBytes(16).toString('base64url');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function accessCodeHash(codeKey: Uint8Array, recipientId: string, code: string) {
  return hmac(codeKey, 'access-code', recipientId, code);
}

export class MessageService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(sender: Sender, req: CreateMessageRequest): Promise<CreateMessageResponse> {
    const { config, db, now } = this.deps;
    if (req.parts.length > config.limits.maxParts) {
      throw new AppError('bad_request', `At most ${config.limits.maxParts} parts per message.`);
    }
    req.parts.forEach((p, i) => {
      if (p.size > config.limits.maxPartBytes) {
        throw new AppError('payload_too_large', `Part ${i} exceeds the limit of ${config.limits.maxPartBytes} bytes.`);
      }
    });
    const days = req.expiresInDays ?? config.expiry.defaultDays;
    if (days > config.expiry.maxDays) {
      throw new AppError('bad_request', `Messages expire after at most ${config.expiry.maxDays} days.`);
    }
    const seen = new Set<string>();
    const recipients = req.recipients.map((r) => {
      const email = r.email.trim().toLowerCase();
      if (seen.has(email)) throw new AppError('bad_request', 'Each recipient may appear only once.');
      seen.add(email);
      let phone: string | null = null;
      if (r.method === 'sms') {
        const parsed = r.phone ? normalisePhone(r.phone) : null;
        if (!parsed || !parsed.ok) {
          throw new AppError('bad_request', 'SMS verification needs a valid mobile number.', { field: 'phone' });
        }
        phone = parsed.e164;
      }
      const id = newId();
      const accessCode = r.method === 'access_code' ? newCode() : undefined;
      return { id, name: r.name.trim(), email, method: r.method, phone, accessCode };
    });

    const id = newId();
    const share = new Uint8Array(randomBytes(32));
    const wrapped = await wrapServerShare(config.shareKey, id, share);
    const createdAt = now();
    const expiresAt = createdAt + days * DAY;
    const totalSize = req.parts.reduce((sum, p) => sum + p.size, 0);
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('messages')
        .values({
          id,
          organisation_id: sender.organisationId,
          sender_id: sender.id,
          status: 'draft',
          wrapped_share: Buffer.from(wrapped),
          part_count: req.parts.length,
          total_size: totalSize,
          locale: req.locale ?? 'nl',
          created_at: createdAt,
          expires_at: expiresAt,
          finalised_at: null,
          revoked_at: null,
        })
        .execute();
      await trx
        .insertInto('message_parts')
        .values(req.parts.map((p, idx) => ({ message_id: id, idx, size: p.size, uploaded_at: null })))
        .execute();
      await trx
        .insertInto('recipients')
        .values(
          recipients.map((r) => ({
            id: r.id,
            message_id: id,
            name: r.name,
            email: r.email,
            method: r.method,
            phone: r.phone,
            access_code_hash: r.accessCode ? accessCodeHash(config.codeKey, r.id, r.accessCode) : null,
            failures: 0,
            locked_at: null,
            code_sent_at: null,
            verified_at: null,
            opened_at: null,
            downloaded_at: null,
            browser: null,
            device: null,
            erased_at: null,
          })),
        )
        .execute();
      await audit(trx, createdAt, { type: 'message.created', organisationId: sender.organisationId, messageId: id, senderId: sender.id });
    });
    return {
      id,
      serverShare: Buffer.from(share).toString('base64url'),
      expiresAt: new Date(expiresAt).toISOString(),
      recipients: recipients.map((r) => ({ id: r.id, email: r.email, method: r.method, ...(r.accessCode ? { accessCode: r.accessCode } : {}) })),
    };
  }

  /** The sender's own draft; anything else is "not found" so ids of others cannot be probed. */
  private async ownDraft(sender: Sender, id: string) {
    const message = await this.deps.db.kysely
      .selectFrom('messages')
      .select(['id', 'status', 'part_count', 'expires_at'])
      .where('id', '=', id)
      .where('sender_id', '=', sender.id)
      .executeTakeFirst();
    if (!message) throw new AppError('not_found', 'No such message.');
    if (message.status !== 'draft') throw new AppError('message_not_draft', 'The message is already sealed or revoked.');
    return message;
  }

  async uploadPart(sender: Sender, id: string, index: number, body: Readable, contentLength: number | null) {
    await this.ownDraft(sender, id);
    const part = await this.deps.db.kysely
      .selectFrom('message_parts')
      .select(['size'])
      .where('message_id', '=', id)
      .where('idx', '=', index)
      .executeTakeFirst();
    if (!part) throw new AppError('not_found', 'No such part.');
    if (contentLength !== null && contentLength !== part.size) {
      throw new AppError('upload_size_mismatch', `Part ${index} was declared as ${part.size} bytes.`);
    }
    await this.deps.blobs.put(blobKey(id, index), body, part.size);
    await this.deps.db.kysely
      .updateTable('message_parts')
      .set({ uploaded_at: this.deps.now() })
      .where('message_id', '=', id)
      .where('idx', '=', index)
      .execute();
  }

  async finalise(sender: Sender, id: string) {
    await this.ownDraft(sender, id);
    const db = this.deps.db.kysely;
    const missing = await db
      .selectFrom('message_parts')
      .select('idx')
      .where('message_id', '=', id)
      .where('uploaded_at', 'is', null)
      .orderBy('idx')
      .execute();
    if (missing.length) {
      throw new AppError('upload_incomplete', 'Not every part has been uploaded.', { missingParts: missing.map((m) => m.idx) });
    }
    const at = this.deps.now();
    const updated = await db
      .updateTable('messages')
      .set({ status: 'sealed', finalised_at: at })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('message_not_draft', 'The message is already sealed or revoked.');
    await audit(db, at, { type: 'message.sealed', organisationId: sender.organisationId, messageId: id, senderId: sender.id });
    return { id, status: 'sealed' as const };
  }

  async list(sender: Sender, limit = 50): Promise<MessageSummary[]> {
    const db = this.deps.db.kysely;
    const now = this.deps.now();
    const messages = await db
      .selectFrom('messages')
      .select(['id', 'status', 'created_at', 'expires_at', 'total_size'])
      .where('sender_id', '=', sender.id)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    if (!messages.length) return [];
    const recipients = await db
      .selectFrom('recipients')
      .select(['id', 'message_id', 'name', 'email', 'method', 'code_sent_at', 'verified_at', 'opened_at', 'downloaded_at', 'locked_at', 'erased_at'])
      .where('message_id', 'in', messages.map((m) => m.id))
      .execute();
    return messages.map((m) => ({
      id: m.id,
      status: m.status === 'sealed' && m.expires_at <= now ? 'expired' : m.status,
      createdAt: new Date(m.created_at).toISOString(),
      expiresAt: new Date(m.expires_at).toISOString(),
      totalSize: m.total_size,
      recipients: recipients
        .filter((r) => r.message_id === m.id)
        .map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          method: r.method,
          status: recipientStatus(r),
          verifiedAt: iso(r.verified_at),
          openedAt: iso(r.opened_at),
          downloadedAt: iso(r.downloaded_at),
        })),
    }));
  }

  async revoke(sender: Sender, id: string) {
    const db = this.deps.db.kysely;
    const at = this.deps.now();
    const message = await db
      .selectFrom('messages')
      .select(['id', 'status'])
      .where('id', '=', id)
      .where('sender_id', '=', sender.id)
      .executeTakeFirst();
    if (!message) throw new AppError('not_found', 'No such message.');
    if (message.status !== 'revoked') {
      // The ciphertext and open sessions go at once; the row stays as a tombstone for the sender's list.
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('messages')
          .set({ status: 'revoked', revoked_at: at, wrapped_share: Buffer.alloc(0) })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('sessions').where('message_id', '=', id).execute();
        await trx.deleteFrom('verifications').where('message_id', '=', id).execute();
        await audit(trx, at, { type: 'message.revoked', organisationId: sender.organisationId, messageId: id, senderId: sender.id });
      });
      await this.deps.blobs.deletePrefix(`${id}/`);
    }
    return { id, status: 'revoked' as const };
  }

  async unlock(sender: Sender, id: string, recipientId: string) {
    const db = this.deps.db.kysely;
    const row = await db
      .selectFrom('recipients')
      .innerJoin('messages', 'messages.id', 'recipients.message_id')
      .select(['recipients.id', 'recipients.method', 'recipients.erased_at', 'messages.status'])
      .where('recipients.id', '=', recipientId)
      .where('messages.id', '=', id)
      .where('messages.sender_id', '=', sender.id)
      .executeTakeFirst();
    // An erased recipient is a tombstone: there is nobody left to re-issue access to.
    if (!row || row.erased_at !== null) throw new AppError('not_found', 'No such recipient.');
    if (row.status !== 'sealed' && row.status !== 'draft') throw new AppError('message_unavailable', 'The message is no longer available.');
    // Re-issuing means a fresh start: failures reset, and an access code is replaced by a new one.
    const accessCode = row.method === 'access_code' ? newCode() : undefined;
    await db
      .updateTable('recipients')
      .set({
        failures: 0,
        locked_at: null,
        ...(accessCode ? { access_code_hash: accessCodeHash(this.deps.config.codeKey, recipientId, accessCode) } : {}),
      })
      .where('id', '=', recipientId)
      .execute();
    await audit(db, this.deps.now(), { type: 'recipient.unlocked', organisationId: sender.organisationId, messageId: id, recipientId, senderId: sender.id });
    return accessCode ? { accessCode } : {};
  }
}

function recipientStatus(r: {
  erased_at: number | null;
  locked_at: number | null;
  downloaded_at: number | null;
  opened_at: number | null;
  verified_at: number | null;
  code_sent_at: number | null;
}): RecipientStatus {
  if (r.erased_at !== null) return 'erased';
  if (r.locked_at !== null) return 'locked';
  if (r.downloaded_at !== null) return 'downloaded';
  if (r.opened_at !== null) return 'opened';
  if (r.verified_at !== null) return 'verified';
  if (r.code_sent_at !== null) return 'code_sent';
  return 'pending';
}
