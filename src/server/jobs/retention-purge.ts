/**
 * The retention purge: deletes what the service no longer needs, at a clock the caller gives.
 *
 * - Expired (sealed, past `expires_at`) and revoked messages become tombstones: ciphertext blobs,
 *   the wrapped server share, part rows, verification records and sessions go; recipient rows stay
 *   as anonymous rows (name, e-mail address, phone number, access-code hash, browser and device
 *   emptied) that keep only the method and the status times, so the sender's list can still show
 *   "2 recipients, one opened" for the message id, with its status, sizes and dates.
 * - Drafts never sealed within DRAFT_MAX_AGE_MS of their creation are deleted entirely, blobs too.
 * - Organisations whose contract ended ACCOUNT_GRACE_MS ago are deleted with their sender accounts
 *   and every message of those accounts (blobs too).
 * - Audit events older than the audit retention are deleted from the start of the chain.
 *
 * Crash safety: messages go, a page at a time, through three steps, each safe to repeat.
 *   1. close: one transaction stamps `purge_started_at`, empties the wrapped share (without it the
 *      ciphertext cannot be decrypted by anyone) and deletes sessions and verification records.
 *   2. blobs: `deletePrefix("<id>/")` per message; a blob already gone is fine, and a failure
 *      holds back only that message.
 *   3. finish: one transaction deletes the rows (drafts, accounts) or anonymises the recipients and
 *      stamps `purged_at` (tombstones), and appends `message.purged` to the audit log.
 * A run killed anywhere leaves a message either untouched, or closed and still selected by the
 * next run (`purge_started_at` set, `purged_at` not), which redoes the remaining steps. Rows are
 * deleted only after the blobs, so no blob is ever left without the row that leads to it.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../stores/schema';
import type { Db } from '../stores/db';
import type { BlobStore } from '../stores/blob-store';
import { audit, auditMany, AUDIT_RETENTION_DAYS, type AuditType } from '../services/audit';
import { pruneChain } from '../services/audit-chain';
import { purgePrivacyRecords } from './privacy-purge';

const DAY = 24 * 60 * 60 * 1000;
/** A draft is a message being uploaded; one still unsealed after a day was abandoned. */
export const DRAFT_MAX_AGE_MS = DAY;
/** Sender data is kept until 30 days after the organisation's contract or trial ends. */
export const ACCOUNT_GRACE_MS = 30 * DAY;
const EMPTY = Buffer.alloc(0);

export interface PurgeDeps {
  db: Db;
  blobs: BlobStore;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

export interface PurgeOptions {
  /** The clock of this run (epoch ms): what is due is decided against it and every stamp uses it. */
  now: number;
  /** Stops the run between two items (service shutdown); the rest is left for the next run. */
  signal?: AbortSignal;
  auditRetentionDays?: number;
  pageSize?: number;
}

/**
 * What a run did. Items are messages, sender accounts and organisations.
 * - `scanned`: items found due for deletion at `now` (including ones an earlier run left half done).
 * - `deleted`: items this run finished: a tombstone made, or a draft, message, account or
 *   organisation deleted. A message whose blobs were already gone counts here too.
 * - `failed`: items that hit an error (logged by id) and stay due for the next run, plus accounts
 *   and organisations kept because one of their messages or accounts failed.
 * `scanned - deleted - failed` is what another purge process finished first; 0 when runs do not overlap.
 */
export interface PurgeReport {
  scanned: number;
  deleted: number;
  failed: number;
  details: {
    messagesTombstoned: number;
    draftsDeleted: number;
    accountMessagesDeleted: number;
    sendersDeleted: number;
    organisationsDeleted: number;
    /** Blobs removed by the blob store (0 for a message whose blobs were already gone). */
    blobsDeleted: number;
    auditEventsPruned: number;
    /** Proofs of an address whose code and session ended. */
    privacyChallengesDeleted: number;
    /** Answered data-subject requests older than the audit retention. */
    privacyRequestsDeleted: number;
    /** 'stopped_at_break': retention stopped before a broken link of the chain (see audit:verify). */
    auditPrune: 'ok' | 'stopped_at_break' | 'failed';
    /** The run was stopped before it was through; the rest is left for the next run. */
    aborted: boolean;
  };
}

type Mode = 'tombstone' | 'delete';
interface Due {
  id: string;
  organisation_id: string;
  sender_id: string;
}

export async function purgeExpired(deps: PurgeDeps, options: PurgeOptions): Promise<PurgeReport> {
  return new Purge(deps, options).run();
}

class Purge {
  private readonly report: PurgeReport = {
    scanned: 0,
    deleted: 0,
    failed: 0,
    details: {
      messagesTombstoned: 0,
      draftsDeleted: 0,
      accountMessagesDeleted: 0,
      sendersDeleted: 0,
      organisationsDeleted: 0,
      blobsDeleted: 0,
      auditEventsPruned: 0,
      privacyChallengesDeleted: 0,
      privacyRequestsDeleted: 0,
      auditPrune: 'ok',
      aborted: false,
    },
  };
  private readonly now: number;
  private readonly page: number;
  /** Messages that failed in this run: a later phase of the same run does not try them again. */
  private readonly failedMessages = new Set<string>();

  constructor(
    private readonly deps: PurgeDeps,
    private readonly options: PurgeOptions,
  ) {
    this.now = options.now;
    this.page = options.pageSize ?? 100;
  }

  private get db() {
    return this.deps.db.kysely;
  }

  private stopped() {
    if (this.options.signal?.aborted) this.report.details.aborted = true;
    return this.report.details.aborted;
  }

  async run(): Promise<PurgeReport> {
    await this.accounts();
    await this.drafts();
    await this.tombstones();
    if (!this.stopped()) await this.privacyRecords();
    if (!this.stopped()) await this.auditLog();
    return this.report;
  }

  /** Pages of rows in id order, so that an item that failed is not picked up again in this run. */
  private async *pages<T extends { id: string }>(query: (after: string) => Promise<T[]>): AsyncGenerator<T[]> {
    let after = '';
    for (;;) {
      if (this.stopped()) return;
      const rows = await query(after);
      if (rows.length) yield rows;
      if (rows.length < this.page) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  private messagePages(filter: (q: SelectQueryBuilder<Database, 'messages', Due>) => SelectQueryBuilder<Database, 'messages', Due>) {
    return this.pages((after) =>
      filter(this.db.selectFrom('messages').select(['id', 'organisation_id', 'sender_id'])).where('id', '>', after).orderBy('id').limit(this.page).execute(),
    );
  }

  private async accounts() {
    const cutoff = this.now - ACCOUNT_GRACE_MS;
    const organisations = this.pages((after) =>
      this.db
        .selectFrom('organisations')
        .select('id')
        .where('contract_ends_at', 'is not', null)
        .where('contract_ends_at', '<=', cutoff)
        .where('id', '>', after)
        .orderBy('id')
        .limit(this.page)
        .execute(),
    );
    for await (const page of organisations) {
      for (const org of page) {
        if (this.stopped()) return;
        this.report.scanned++;
        let complete = true;
        const senders = this.pages((after) =>
          this.db.selectFrom('senders').select('id').where('organisation_id', '=', org.id).where('id', '>', after).orderBy('id').limit(this.page).execute(),
        );
        for await (const some of senders) for (const sender of some) complete = (await this.sender(org.id, sender.id)) && complete;
        if (this.stopped()) return;
        if (!complete) {
          this.report.failed++;
          continue;
        }
        await this.attempt({ organisationId: org.id }, async () => {
          const gone = await this.db.transaction().execute(async (trx) => {
            // Only once nothing refers to it: a sender signing in meanwhile keeps it for the next run.
            const r = await trx
              .deleteFrom('organisations')
              .where('id', '=', org.id)
              .where(({ not, exists, selectFrom }) => not(exists(selectFrom('senders').select('id').where('organisation_id', '=', org.id))))
              .where(({ not, exists, selectFrom }) => not(exists(selectFrom('messages').select('id').where('organisation_id', '=', org.id))))
              .executeTakeFirst();
            if (Number(r.numDeletedRows) !== 1) return false;
            await audit(trx, this.now, { type: 'organisation.deleted', organisationId: org.id });
            return true;
          });
          if (gone) this.count('organisationsDeleted', 1);
        });
      }
    }
  }

  /** Deletes one sender account and all its messages; false when something is left. */
  private async sender(organisationId: string, senderId: string): Promise<boolean> {
    if (this.stopped()) return false;
    this.report.scanned++;
    let complete = true;
    const messages = this.messagePages((q) => q.where('sender_id', '=', senderId));
    for await (const page of messages) complete = (await this.messages(page, 'delete', 'accountMessagesDeleted')) && complete;
    if (this.stopped()) return false;
    if (!complete) {
      this.report.failed++;
      return false;
    }
    return this.attempt({ senderId }, async () => {
      const gone = await this.db.transaction().execute(async (trx) => {
        const r = await trx
          .deleteFrom('senders')
          .where('id', '=', senderId)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('messages').select('id').where('sender_id', '=', senderId))))
          .executeTakeFirst();
        if (Number(r.numDeletedRows) !== 1) return false;
        await audit(trx, this.now, { type: 'sender.deleted', organisationId, senderId });
        return true;
      });
      if (gone) this.count('sendersDeleted', 1);
    });
  }

  private async drafts() {
    const cutoff = this.now - DRAFT_MAX_AGE_MS;
    const due = this.messagePages((q) =>
      q.where('status', '=', 'draft').where((eb) => eb.or([eb('created_at', '<=', cutoff), eb('purge_started_at', 'is not', null)])),
    );
    for await (const page of due) await this.messages(page, 'delete', 'draftsDeleted');
  }

  private async tombstones() {
    const due = this.messagePages((q) =>
      q
        .where('purged_at', 'is', null)
        .where('status', '!=', 'draft')
        .where((eb) => eb.or([eb('status', '=', 'revoked'), eb('expires_at', '<=', this.now), eb('purge_started_at', 'is not', null)])),
    );
    for await (const page of due) await this.messages(page, 'tombstone', 'messagesTombstoned');
  }

  /** One page of messages through close, blobs, finish; false when any of them failed. */
  private async messages(due: Due[], mode: Mode, counter: 'messagesTombstoned' | 'draftsDeleted' | 'accountMessagesDeleted'): Promise<boolean> {
    const page = due.filter((m) => !this.failedMessages.has(m.id));
    const complete = page.length === due.length;
    if (!page.length) return false;
    this.report.scanned += page.length;
    const at = this.now;
    const ids = page.map((m) => m.id);
    const byId = new Map(page.map((m) => [m.id, m]));
    const event = (type: AuditType, id: string) => {
      const m = byId.get(id)!;
      return { type, organisationId: m.organisation_id, messageId: id, senderId: m.sender_id };
    };

    const closed = await this.attempt({ messageIds: ids }, () =>
      this.db.transaction().execute(async (trx) => {
        // A sealed message that reached its end is now expired, also in the sender's list.
        const expired = mode === 'tombstone' ? await trx.updateTable('messages').set({ status: 'expired' }).where('id', 'in', ids).where('status', '=', 'sealed').returning('id').execute() : [];
        await trx
          .updateTable('messages')
          .set((eb) => ({ purge_started_at: eb.fn.coalesce('purge_started_at', eb.val(at)), wrapped_share: EMPTY }))
          .where('id', 'in', ids)
          .execute();
        await trx.deleteFrom('sessions').where('message_id', 'in', ids).execute();
        await trx.deleteFrom('verifications').where('message_id', 'in', ids).execute();
        await auditMany(trx, at, expired.map((r) => event('message.expired', r.id)));
      }),
    );
    if (!closed) return false;

    const cleared: string[] = [];
    for (const id of ids) {
      const ok = await this.attempt({ messageIds: [id] }, async () => {
        this.report.details.blobsDeleted += await this.deps.blobs.deletePrefix(`${id}/`);
      });
      if (ok) cleared.push(id);
    }
    if (!cleared.length) return false;

    const finished = await this.attempt({ messageIds: cleared }, async () => {
      const done = await this.db.transaction().execute(async (trx) => {
        let ended: string[];
        if (mode === 'delete') {
          // Parts, recipients, verifications and sessions go with the rows (foreign keys cascade).
          ended = (await trx.deleteFrom('messages').where('id', 'in', cleared).returning('id').execute()).map((r) => r.id);
        } else {
          ended = (await trx.updateTable('messages').set({ purged_at: at }).where('id', 'in', cleared).where('purged_at', 'is', null).returning('id').execute()).map((r) => r.id);
          if (ended.length) {
            await trx
              .updateTable('recipients')
              .set({ name: '', email: '', phone: null, access_code_hash: null, browser: null, device: null })
              .where('message_id', 'in', ended)
              .execute();
            // Again: a verification that raced the close step must not outlive the message.
            await trx.deleteFrom('sessions').where('message_id', 'in', ended).execute();
            await trx.deleteFrom('verifications').where('message_id', 'in', ended).execute();
            await trx.deleteFrom('message_parts').where('message_id', 'in', ended).execute();
          }
        }
        await auditMany(trx, at, ended.map((id) => event('message.purged', id)));
        return ended;
      });
      this.count(counter, done.length);
    });
    return complete && finished && cleared.length === ids.length;
  }

  private count(
    counter: Exclude<keyof PurgeReport['details'], 'blobsDeleted' | 'auditEventsPruned' | 'auditPrune' | 'aborted' | 'privacyChallengesDeleted' | 'privacyRequestsDeleted'>,
    n: number,
  ) {
    this.report.deleted += n;
    this.report.details[counter] += n;
  }

  /** Runs one step for some items; a failure is logged by id only, counted per item, and left for the next run. */
  private async attempt(ids: { messageIds: string[] } | { senderId: string } | { organisationId: string }, work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (err) {
      if ('messageIds' in ids) ids.messageIds.forEach((id) => this.failedMessages.add(id));
      this.report.failed += 'messageIds' in ids ? ids.messageIds.length : 1;
      this.deps.log.error({ ...ids, err: errorSummary(err) }, 'retention purge: step failed, left for the next run');
      return false;
    }
  }

  private async privacyRecords() {
    try {
      Object.assign(this.report.details, await purgePrivacyRecords(this.db, this.now, this.options.auditRetentionDays ?? AUDIT_RETENTION_DAYS));
    } catch (err) {
      this.report.failed += 1;
      this.deps.log.error({ err: errorSummary(err) }, 'retention purge: deleting ended privacy challenges and old requests failed');
    }
  }

  private async auditLog() {
    const days = this.options.auditRetentionDays ?? AUDIT_RETENTION_DAYS;
    try {
      const { deleted, brokenAt } = await pruneChain(this.db, this.now - days * DAY, this.now);
      this.report.details.auditEventsPruned = deleted;
      if (deleted > 0) await audit(this.db, this.now, { type: 'audit.pruned' });
      if (brokenAt) {
        this.report.details.auditPrune = 'stopped_at_break';
        this.deps.log.error({ seq: brokenAt.seq }, 'retention purge: the audit chain is broken; old events are kept until it is examined');
      }
    } catch (err) {
      this.report.details.auditPrune = 'failed';
      this.deps.log.error({ err: errorSummary(err) }, 'retention purge: pruning the audit log failed');
    }
  }
}

/** Error name and code only: messages of storage errors can carry paths or values. */
function errorSummary(err: unknown) {
  return err instanceof Error ? { name: err.name, code: (err as { code?: unknown }).code } : { name: 'unknown' };
}
