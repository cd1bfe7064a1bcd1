/**
 * Data-subject requests: access (and the portable export), rectification, erasure and objection,
 * for recipients and senders, by the person themselves or by an administrator of the
 * organisation, and the organisation's queue with each request's 48-hour deadline.
 *
 * Every request is recorded per organisation whose records it touched. While a request is open the
 * row says whom it is about and what was asked; once handled it keeps only its kind, status and
 * times. A self-service request is handled at once. One thing cannot be self-service: a new mobile
 * number for a recipient changes where their codes go, so a person who proved only their mailbox
 * must not be able to set it. It is queued for the sending organisation, which checks it with the
 * person and applies it (or rejects it).
 *
 * Erasure of a recipient runs in one transaction: codes and sessions go, the rows lose name,
 * address, number, code hash, browser details and times, and stay as tombstones marked erased,
 * so the sender's overview shows "erased" and no personal data. Downloads in flight are cut; a
 * message left with no readable recipient expires at once and the purge deletes its ciphertext.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import { normalisePhone } from '../../../shared/phone';
import type {
  AdminPrivacyRequest,
  AdminPrivacyResponse,
  AdminQueueEntry,
  EraseResponse,
  PersonalData,
  PrivacyRequestType,
  RectifyRequest,
  RectifyResponse,
} from '../../../shared/protocol/privacy-api';
import type { Database, PrivacyRequestsTable } from '../../stores/schema';
import { auditMany } from '../audit';
import type { ActiveDownloads } from '../active-downloads';
import type { ServiceDeps } from '../deps';
import type { Sender, SenderService } from '../senders';
import { normaliseAddress, type PrivacyChallenges } from './challenges';
import type { ProductMail } from './product-mail';
import { personalData, requestSummary, type Scope } from './report';

/** The answer the privacy notice promises. */
export const ANSWER_WITHIN_MS = 48 * 60 * 60 * 1000;

const newId = () => randomBytes(16).toString('base64url');
type Db = Kysely<Database> | Transaction<Database>;
/** Who runs a request. An administrator's run collects the request rows it writes in `recorded`. */
export type Actor = { source: 'self' } | { source: 'admin'; admin: Sender; recorded?: PrivacyRequestsTable[] };
type SubjectKind = 'recipient' | 'sender';

export class PrivacyRequests {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: {
      challenges: PrivacyChallenges;
      productMail: ProductMail;
      senders: SenderService;
      downloads: ActiveDownloads;
    },
  ) {}

  private get db() {
    return this.deps.db.kysely;
  }

  // ------------------------------------------------------------ access

  async report(address: string, scope: Scope = {}): Promise<PersonalData> {
    const a = normaliseAddress(address);
    return personalData(this.db, { address: a, at: this.deps.now(), productEmailsOff: await this.parts.productMail.isOff(a), scope });
  }

  /** The portable copy; recorded as an access request in each organisation that holds records. */
  async export(address: string, actor: Actor = { source: 'self' }, scope: Scope = {}, subjectKind: SubjectKind = 'recipient'): Promise<PersonalData> {
    const data = await this.report(address, scope);
    const orgs = await this.organisationsOf(normaliseAddress(address), scope);
    await this.db.transaction().execute((trx) => this.recordHandled(trx, orgs, 'access', actor, subjectKind));
    return data;
  }

  // ------------------------------------------------------------ rectification

  async rectifyRecipient(address: string, change: RectifyRequest, actor: Actor = { source: 'self' }, scope: Scope = {}): Promise<RectifyResponse> {
    const a = normaliseAddress(address);
    const phone = change.phone === undefined ? undefined : this.phone(change.phone);
    const at = this.deps.now();
    const applied: string[] = [];
    const queued: RectifyResponse['queued'] = [];
    const rows = await this.recipientRows(this.db, a, scope);
    if (!rows.length) throw new AppError('not_found', 'No recipient data is held for this address.');
    if (phone !== undefined && !rows.some((r) => r.method === 'sms')) {
      throw new AppError('bad_request', 'No mobile number is held for this address: messages to it do not use text-message codes.', { field: 'phone' });
    }
    await this.db.transaction().execute(async (trx) => {
      if (change.name !== undefined) {
        await trx.updateTable('recipients').set({ name: change.name.trim() }).where('id', 'in', rows.map((r) => r.id)).execute();
        applied.push('name');
      }
      if (phone !== undefined && actor.source === 'admin') {
        await this.applyPhone(trx, a, phone, actor.admin.organisationId);
        applied.push('phone');
      }
      if (applied.length) await this.recordHandled(trx, rows.map((r) => r.organisation_id), 'rectify', actor, 'recipient');
      if (phone !== undefined && actor.source === 'self') {
        for (const org of new Set(rows.filter((r) => r.method === 'sms').map((r) => r.organisation_id))) {
          const row = this.requestRow(org, 'recipient', 'rectify', 'self', 'open', at, { subject_email: a, requested_change: JSON.stringify({ phone }) });
          await trx.insertInto('privacy_requests').values(row).execute();
          queued.push(requestSummary(row));
        }
      }
    });
    return { applied, queued };
  }

  private phone(input: string): string {
    const parsed = normalisePhone(input);
    if (!parsed.ok) throw new AppError('bad_request', 'Give a valid mobile number.', { field: 'phone', reason: parsed.reason });
    return parsed.e164;
  }

  /** A new number for the SMS recipients of one organisation; codes already sent to the old one stop working. */
  private async applyPhone(trx: Db, address: string, phone: string, organisationId: string) {
    const ids = (await this.recipientRows(trx, address, { organisationId })).filter((r) => r.method === 'sms').map((r) => r.id);
    if (!ids.length) return;
    await trx.updateTable('recipients').set({ phone }).where('id', 'in', ids).execute();
    await trx.updateTable('verifications').set({ used_at: this.deps.now() }).where('recipient_id', 'in', ids).where('used_at', 'is', null).execute();
  }

  // ------------------------------------------------------------ erasure

  async eraseRecipient(address: string, actor: Actor = { source: 'self' }, scope: Scope = {}): Promise<EraseResponse> {
    const a = normaliseAddress(address);
    const at = this.deps.now();
    const erased = await this.db.transaction().execute(async (trx) => {
      const rows = await this.recipientRows(trx, a, scope);
      if (!rows.length) return [];
      const ids = rows.map((r) => r.id);
      await trx.deleteFrom('sessions').where('recipient_id', 'in', ids).execute();
      await trx.deleteFrom('verifications').where('recipient_id', 'in', ids).execute();
      await trx
        .updateTable('recipients')
        .set({
          name: '',
          email: '',
          phone: null,
          access_code_hash: null,
          browser: null,
          device: null,
          code_sent_at: null,
          verified_at: null,
          opened_at: null,
          downloaded_at: null,
          failures: 0,
          locked_at: null,
          erased_at: at,
        })
        .where('id', 'in', ids)
        .execute();
      // A message nobody can read any more expires now; the purge then deletes its ciphertext.
      const messageIds = [...new Set(rows.map((r) => r.message_id))];
      await trx
        .updateTable('messages')
        .set({ expires_at: at })
        .where('id', 'in', messageIds)
        .where('expires_at', '>', at)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('recipients').select('id').whereRef('recipients.message_id', '=', 'messages.id').where('recipients.erased_at', 'is', null))))
        .execute();
      // Open requests about this address have nothing left to apply to.
      let open = trx
        .updateTable('privacy_requests')
        .set({ status: 'rejected', subject_email: null, requested_change: null, handled_at: at })
        .where('subject_email', '=', a)
        .where('status', '=', 'open')
        .where('subject_kind', '=', 'recipient');
      if (scope.organisationId) open = open.where('organisation_id', '=', scope.organisationId);
      await open.execute();
      await this.recordHandled(trx, rows.map((r) => r.organisation_id), 'erase', actor, 'recipient');
      await auditMany(
        trx,
        at,
        rows.map((r) => ({ type: 'recipient.erased' as const, organisationId: r.organisation_id, messageId: r.message_id, recipientId: r.id })),
      );
      return ids;
    });
    this.parts.downloads.cut(erased);
    if (actor.source === 'self') await this.parts.challenges.endAll(a);
    return { erasedRecords: erased.length };
  }

  /**
   * Erases sender accounts: the rows stay as tombstones (their messages belong to the organisation
   * until they expire) without name, address, directory ids or client details.
   */
  async eraseSenders(senderIds: string[], actor: Actor): Promise<EraseResponse> {
    if (!senderIds.length) return { erasedRecords: 0 };
    const at = this.deps.now();
    const rows = await this.db.selectFrom('senders').select(['id', 'organisation_id']).where('id', 'in', senderIds).execute();
    await this.db.transaction().execute(async (trx) => {
      for (const row of rows) {
        await trx
          .updateTable('senders')
          .set({
            name: '',
            email: '',
            tid: null,
            oid: `erased:${newId()}`,
            outlook_host: null,
            outlook_version: null,
            outlook_platform: null,
            browser: null,
            device: null,
            last_seen_at: at,
          })
          .where('id', '=', row.id)
          .execute();
      }
      await this.recordHandled(trx, rows.map((r) => r.organisation_id), 'erase', actor, 'sender');
      await auditMany(trx, at, rows.map((r) => ({ type: 'sender.erased' as const, organisationId: r.organisation_id, senderId: r.id })));
    });
    rows.forEach((r) => this.parts.senders.forget(r.id));
    return { erasedRecords: rows.length };
  }

  // ------------------------------------------------------------ objection

  async object(address: string, off: boolean, actor: Actor = { source: 'self' }, scope: Scope = {}, subjectKind: SubjectKind = 'recipient'): Promise<void> {
    const a = normaliseAddress(address);
    await this.parts.productMail.setOff(a, off);
    const orgs = await this.organisationsOf(a, scope);
    await this.db.transaction().execute((trx) => this.recordHandled(trx, orgs, 'object', actor, subjectKind));
  }

  // ------------------------------------------------------------ the administrator's queue

  async queue(admin: Sender, status: 'open' | 'all'): Promise<AdminQueueEntry[]> {
    let q = this.db.selectFrom('privacy_requests').selectAll().where('organisation_id', '=', admin.organisationId);
    if (status === 'open') q = q.where('status', '=', 'open');
    const rows = await q.orderBy('due_at').limit(500).execute();
    return rows.map((r) => this.queueEntry(r));
  }

  private queueEntry(r: PrivacyRequestsTable): AdminQueueEntry {
    return {
      ...requestSummary(r),
      overdue: r.status === 'open' && r.due_at < this.deps.now(),
      email: r.subject_email,
      requestedChange: r.requested_change ? (JSON.parse(r.requested_change) as { phone?: string; name?: string }) : null,
    };
  }

  /** An administrator runs a request for a person, within the organisation's own records. */
  async run(admin: Sender, req: AdminPrivacyRequest): Promise<AdminPrivacyResponse> {
    const recorded: PrivacyRequestsTable[] = [];
    const actor: Actor = { source: 'admin', admin, recorded };
    const scope = { organisationId: admin.organisationId };
    const address = normaliseAddress(req.email);
    let data: PersonalData | undefined;
    let erasedRecords: number | undefined;
    if (req.type === 'access') {
      data = await this.export(address, actor, scope, req.subjectKind);
    } else if (req.type === 'object') {
      await this.object(address, req.productEmailsOff ?? true, actor, scope, req.subjectKind);
    } else if (req.subjectKind === 'recipient') {
      if (req.type === 'rectify') {
        if (req.name === undefined && req.phone === undefined) throw new AppError('bad_request', 'Give the corrected name or mobile number.');
        await this.rectifyRecipient(address, { name: req.name, phone: req.phone }, actor, scope);
      } else {
        erasedRecords = (await this.eraseRecipient(address, actor, scope)).erasedRecords;
      }
    } else {
      const senders = await this.db.selectFrom('senders').select('id').where('email', '=', address).where('organisation_id', '=', admin.organisationId).execute();
      if (!senders.length) throw new AppError('not_found', 'No account with this address in your organisation.');
      if (req.type === 'rectify') {
        throw new AppError('conflict', "A sender's name and address come from the sign-in (Microsoft Entra ID) and are refreshed at every sign-in: correct them in the directory.");
      }
      erasedRecords = (await this.eraseSenders(senders.map((s) => s.id), actor)).erasedRecords;
    }
    // A request that found nothing in the organisation is still answered, and still on record.
    const row = recorded[0] ?? (await this.insertHandled(this.db, admin.organisationId, req.type, actor, req.subjectKind));
    return { request: this.queueEntry(row), ...(data ? { data } : {}), ...(erasedRecords !== undefined ? { erasedRecords } : {}) };
  }

  async complete(admin: Sender, id: string): Promise<AdminQueueEntry> {
    return this.close(admin, id, 'completed');
  }

  async reject(admin: Sender, id: string): Promise<AdminQueueEntry> {
    return this.close(admin, id, 'rejected');
  }

  private async close(admin: Sender, id: string, status: 'completed' | 'rejected'): Promise<AdminQueueEntry> {
    const at = this.deps.now();
    const row = await this.db.transaction().execute(async (trx) => {
      const open = await trx.selectFrom('privacy_requests').selectAll().where('id', '=', id).where('organisation_id', '=', admin.organisationId).executeTakeFirst();
      if (!open) throw new AppError('not_found', 'No such request.');
      if (open.status !== 'open') throw new AppError('conflict', 'This request has already been handled.');
      if (status === 'completed' && open.type === 'rectify' && open.requested_change && open.subject_email) {
        const change = JSON.parse(open.requested_change) as { phone?: string };
        if (change.phone) await this.applyPhone(trx, open.subject_email, change.phone, admin.organisationId);
      }
      const closed = await trx
        .updateTable('privacy_requests')
        .set({ status, subject_email: null, requested_change: null, handled_at: at, handled_by: admin.id })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .returningAll()
        .executeTakeFirstOrThrow();
      await auditMany(trx, at, [{ type: 'request.handled', organisationId: admin.organisationId, senderId: admin.id }]);
      return closed;
    });
    return this.queueEntry(row);
  }

  // ------------------------------------------------------------ helpers

  private async recipientRows(db: Db, address: string, scope: Scope) {
    let q = db
      .selectFrom('recipients')
      .innerJoin('messages', 'messages.id', 'recipients.message_id')
      .select(['recipients.id', 'recipients.message_id', 'recipients.method', 'messages.organisation_id'])
      .where('recipients.email', '=', address)
      .where('recipients.erased_at', 'is', null);
    if (scope.organisationId) q = q.where('messages.organisation_id', '=', scope.organisationId);
    return q.execute();
  }

  /** Organisations holding records about the address, as recipient or as sender (repeats included). */
  private async organisationsOf(address: string, scope: Scope): Promise<string[]> {
    const recipients = await this.recipientRows(this.db, address, scope);
    let senders = this.db.selectFrom('senders').select('organisation_id').where('email', '=', address);
    if (scope.organisationId) senders = senders.where('organisation_id', '=', scope.organisationId);
    return [...recipients.map((r) => r.organisation_id), ...(await senders.execute()).map((s) => s.organisation_id)];
  }

  private requestRow(
    organisationId: string,
    subjectKind: SubjectKind,
    type: PrivacyRequestType,
    source: 'self' | 'admin',
    status: 'open' | 'completed',
    at: number,
    extra: Partial<PrivacyRequestsTable> = {},
  ): PrivacyRequestsTable {
    return {
      id: newId(),
      organisation_id: organisationId,
      subject_kind: subjectKind,
      type,
      source,
      status,
      subject_email: null,
      requested_change: null,
      created_at: at,
      due_at: at + ANSWER_WITHIN_MS,
      handled_at: status === 'open' ? null : at,
      handled_by: null,
      ...extra,
    };
  }

  private async insertHandled(trx: Db, organisationId: string, type: PrivacyRequestType, actor: Actor, subjectKind: SubjectKind = 'recipient') {
    const at = this.deps.now();
    const row = this.requestRow(organisationId, subjectKind, type, actor.source, 'completed', at, {
      handled_by: actor.source === 'admin' ? actor.admin.id : null,
    });
    await trx.insertInto('privacy_requests').values(row).execute();
    await auditMany(trx, at, [{ type: 'request.handled', organisationId, senderId: actor.source === 'admin' ? actor.admin.id : null }]);
    if (actor.source === 'admin') actor.recorded?.push(row);
    return row;
  }

  /** A handled request in each organisation concerned (each once, however often it is listed), with its audit event. */
  private async recordHandled(trx: Db, organisationIds: string[], type: PrivacyRequestType, actor: Actor, subjectKind: SubjectKind = 'recipient') {
    for (const org of new Set(organisationIds)) await this.insertHandled(trx, org, type, actor, subjectKind);
  }
}
