import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { openDb, type Db } from '../stores/db';
import type { BlobStore } from '../stores/blob-store';
import { verifyChain } from '../services/audit-chain';
import { audit } from '../services/audit';
import { ACCOUNT_GRACE_MS, DRAFT_MAX_AGE_MS, purgeExpired, type PurgeReport } from './retention-purge';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2025-03-01T09:00:00Z');
const newId = () => randomBytes(16).toString('base64url');
const silent = { info() {}, warn() {}, error() {} };

class MemoryBlobs implements BlobStore {
  readonly blobs = new Map<string, Buffer>();
  async put(key: string, body: Readable, _size: number) {
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(c as Buffer);
    this.blobs.set(key, Buffer.concat(chunks));
  }
  async get(key: string) {
    const b = this.blobs.get(key);
    return b ? Readable.from([b]) : null;
  }
  async deletePrefix(prefix: string) {
    const keys = [...this.blobs.keys()].filter((k) => k.startsWith(prefix));
    keys.forEach((k) => this.blobs.delete(k));
    return keys.length;
  }
  keysOf(id: string) {
    return [...this.blobs.keys()].filter((k) => k.startsWith(`${id}/`));
  }
}

/** Fails (or never returns, as if the process died) at the nth deletePrefix call. */
class FaultyBlobs extends MemoryBlobs {
  calls = 0;
  constructor(
    private readonly at: number,
    private readonly fault: 'throw' | 'die-before' | 'die-after',
  ) {
    super();
  }
  override async deletePrefix(prefix: string) {
    if (++this.calls !== this.at) return super.deletePrefix(prefix);
    if (this.fault === 'throw') throw new Error('disk unavailable');
    if (this.fault === 'die-after') await super.deletePrefix(prefix);
    return new Promise<number>(() => {});
  }
}

describe('retention purge', () => {
  let dir: string;
  let db: Db;
  let blobs: MemoryBlobs;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sealpost-purge-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    await db?.close();
    db = await openDb({ engine: 'sqlite', file: join(dir, `${newId()}.db`) });
    blobs = new MemoryBlobs();
  });
  after(async () => db?.close());

  const purge = (at: number, store: BlobStore = blobs, extra: { signal?: AbortSignal; auditRetentionDays?: number; pageSize?: number } = {}) =>
    purgeExpired({ db, blobs: store, log: silent }, { now: at, ...extra });

  async function organisation(contractEndsAt: number | null = null) {
    const org = newId();
    await db.kysely.insertInto('organisations').values({ id: org, name: 'Zorggroep', tenant_id: org, contract_ends_at: contractEndsAt, created_at: T0, settings: null }).execute();
    return org;
  }

  async function sender(org: string) {
    const id = newId();
    await db.kysely
      .insertInto('senders')
      .values({ id, organisation_id: org, issuer: 'local', tid: 'local', oid: id, name: 'Anna de Vries', email: 'anna@zorg.example', outlook_host: null, outlook_version: null, outlook_platform: null, browser: 'Edge', device: 'desktop', created_at: T0, last_seen_at: T0 })
      .execute();
    return id;
  }

  /** A message with two uploaded parts, an SMS recipient who opened it, a verification and a session. */
  async function message(org: string, senderId: string, status: 'draft' | 'sealed' | 'revoked', opts: { createdAt?: number; days?: number; store?: MemoryBlobs } = {}) {
    const id = newId();
    const createdAt = opts.createdAt ?? T0;
    const recipientId = newId();
    await db.kysely
      .insertInto('messages')
      .values({ id, organisation_id: org, sender_id: senderId, status, wrapped_share: randomBytes(60), part_count: 2, total_size: 300, locale: 'nl', created_at: createdAt, expires_at: createdAt + (opts.days ?? 14) * DAY, finalised_at: status === 'draft' ? null : createdAt, revoked_at: null })
      .execute();
    await db.kysely.insertInto('message_parts').values([0, 1].map((idx) => ({ message_id: id, idx, size: 150, uploaded_at: createdAt }))).execute();
    await db.kysely
      .insertInto('recipients')
      .values({ id: recipientId, message_id: id, name: 'Jan Jansen', email: 'jan@client.example', method: 'sms', phone: '+31612345678', access_code_hash: randomBytes(32), failures: 1, locked_at: null, code_sent_at: createdAt, verified_at: createdAt, opened_at: createdAt, downloaded_at: null, browser: 'Firefox', device: 'mobile' })
      .execute();
    await db.kysely.insertInto('verifications').values({ id: newId(), message_id: id, recipient_id: recipientId, subject_hash: randomBytes(32), code_hash: randomBytes(32), tries: 0, created_at: createdAt, expires_at: createdAt + 600_000, used_at: createdAt }).execute();
    await db.kysely.insertInto('sessions').values({ token_hash: randomBytes(32), message_id: id, recipient_id: recipientId, created_at: createdAt, expires_at: createdAt + 1_800_000 }).execute();
    for (const idx of [0, 1]) await (opts.store ?? blobs).put(`${id}/${idx}`, Readable.from([randomBytes(150)]), 150);
    return { id, recipientId };
  }

  async function world() {
    const org = await organisation();
    const s = await sender(org);
    return { org, s };
  }

  const row = (id: string) => db.kysely.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  const count = async (table: 'sessions' | 'verifications' | 'message_parts', id: string) =>
    (await db.kysely.selectFrom(table).select('message_id').where('message_id', '=', id).execute()).length;

  async function assertTombstone(id: string, status: 'expired' | 'revoked', store: MemoryBlobs = blobs) {
    const m = (await row(id))!;
    assert.equal(m.status, status);
    assert.equal(m.wrapped_share.length, 0);
    assert.notEqual(m.purged_at, null);
    assert.equal(m.total_size, 300);
    assert.equal(m.created_at, T0);
    assert.deepEqual(store.keysOf(id), []);
    assert.equal(await count('sessions', id), 0);
    assert.equal(await count('verifications', id), 0);
    assert.equal(await count('message_parts', id), 0);
    const recipients = await db.kysely.selectFrom('recipients').selectAll().where('message_id', '=', id).execute();
    assert.equal(recipients.length, 1);
    const r = recipients[0]!;
    assert.deepEqual(
      { name: r.name, email: r.email, phone: r.phone, hash: r.access_code_hash, browser: r.browser, device: r.device },
      { name: '', email: '', phone: null, hash: null, browser: null, device: null },
    );
    // What the sender's list shows survives: the method and when it was opened.
    assert.equal(r.method, 'sms');
    assert.equal(r.opened_at, T0);
  }

  it('turns expired and revoked messages into tombstones without personal data, keeping status, sizes and dates', async () => {
    const { org, s } = await world();
    const expired = await message(org, s, 'sealed', { days: 7 });
    const revoked = await message(org, s, 'revoked');
    const report = await purge(T0 + 8 * DAY);
    await assertTombstone(expired.id, 'expired');
    await assertTombstone(revoked.id, 'revoked');
    assert.deepEqual([report.scanned, report.deleted, report.failed], [2, 2, 0]);
    assert.equal(report.details.messagesTombstoned, 2);
    assert.equal(report.details.blobsDeleted, 4);
  });

  it('leaves live messages, young drafts and their blobs, recipients and sessions alone', async () => {
    const { org, s } = await world();
    const live = await message(org, s, 'sealed', { days: 14 });
    const draft = await message(org, s, 'draft', { createdAt: T0 + 13 * DAY });
    const report = await purge(T0 + 13 * DAY + DRAFT_MAX_AGE_MS - 1);
    assert.deepEqual([report.scanned, report.deleted, report.failed], [0, 0, 0]);
    for (const m of [live, draft]) {
      assert.equal((await row(m.id))!.purge_started_at, null);
      assert.equal((await row(m.id))!.wrapped_share.length, 60);
      assert.equal(blobs.keysOf(m.id).length, 2);
      assert.equal(await count('sessions', m.id), 1);
    }
    const jan = await db.kysely.selectFrom('recipients').select('phone').where('id', '=', live.recipientId).executeTakeFirst();
    assert.equal(jan?.phone, '+31612345678');
  });

  it('deletes drafts left unsealed for a day entirely, blobs included', async () => {
    const { org, s } = await world();
    const draft = await message(org, s, 'draft');
    const report = await purge(T0 + DRAFT_MAX_AGE_MS);
    assert.equal(await row(draft.id), undefined);
    assert.deepEqual(blobs.keysOf(draft.id), []);
    assert.equal((await db.kysely.selectFrom('recipients').select('id').where('message_id', '=', draft.id).execute()).length, 0);
    assert.deepEqual([report.scanned, report.deleted, report.details.draftsDeleted], [1, 1, 1]);
  });

  it('deletes sender accounts with all their messages 30 days after the contract ends, and not a moment before', async () => {
    const ended = T0 + 20 * DAY;
    const org = await organisation(ended);
    const [a, b] = [await sender(org), await sender(org)];
    const live = await message(org, a, 'sealed', { createdAt: T0 + 40 * DAY });
    await message(org, b, 'revoked');
    const other = await world();
    const kept = await message(other.org, other.s, 'sealed', { createdAt: T0 + 40 * DAY });

    const early = await purge(ended + ACCOUNT_GRACE_MS - 1);
    assert.equal(early.details.sendersDeleted, 0);
    assert.equal((await db.kysely.selectFrom('senders').select('id').where('organisation_id', '=', org).execute()).length, 2);

    const report = await purge(ended + ACCOUNT_GRACE_MS);
    assert.equal((await db.kysely.selectFrom('senders').select('id').where('organisation_id', '=', org).execute()).length, 0);
    assert.equal((await db.kysely.selectFrom('messages').select('id').where('organisation_id', '=', org).execute()).length, 0);
    assert.equal(await db.kysely.selectFrom('organisations').select('id').where('id', '=', org).executeTakeFirst(), undefined);
    assert.deepEqual(blobs.keysOf(live.id), []);
    assert.equal(blobs.keysOf(kept.id).length, 2);
    assert.deepEqual(
      [report.details.accountMessagesDeleted, report.details.sendersDeleted, report.details.organisationsDeleted],
      [2, 2, 1],
    );
    assert.deepEqual([report.scanned, report.deleted, report.failed], [5, 5, 0]);
  });

  it('keeps an account while one of its messages could not be deleted, and finishes it on the next run', async () => {
    const ended = T0;
    const org = await organisation(ended);
    const s = await sender(org);
    const faulty = new FaultyBlobs(2, 'throw');
    for (let i = 0; i < 3; i++) await message(org, s, 'sealed', { store: faulty });
    const first = await purge(ended + ACCOUNT_GRACE_MS, faulty, { pageSize: 1 });
    // Three messages scanned, one failed; the account and organisation wait for it.
    assert.deepEqual([first.scanned, first.deleted, first.failed], [5, 2, 3]);
    assert.notEqual(await db.kysely.selectFrom('senders').select('id').where('id', '=', s).executeTakeFirst(), undefined);
    const second = await purge(ended + ACCOUNT_GRACE_MS, faulty, { pageSize: 1 });
    assert.deepEqual([second.scanned, second.deleted, second.failed], [3, 3, 0]);
    assert.deepEqual([...faulty.blobs.keys()], []);
    assert.equal((await purge(ended + ACCOUNT_GRACE_MS, faulty)).scanned, 0);
  });

  it('is idempotent: a second run finds nothing and deletes nothing', async () => {
    const { org, s } = await world();
    await message(org, s, 'sealed', { days: 1 });
    await message(org, s, 'revoked');
    await message(org, s, 'draft');
    const first = await purge(T0 + 2 * DAY);
    assert.equal(first.deleted, 3);
    const second = await purge(T0 + 2 * DAY);
    assert.deepEqual([second.scanned, second.deleted, second.failed, second.details.blobsDeleted], [0, 0, 0, 0]);
  });

  it('keeps a message whose blob deletion failed closed and unreadable, reports it failed, and the next run finishes it', async () => {
    const { org, s } = await world();
    const faulty = new FaultyBlobs(2, 'throw');
    const ms = [];
    for (let i = 0; i < 3; i++) ms.push(await message(org, s, 'sealed', { days: 1, store: faulty }));
    const first = await purge(T0 + 2 * DAY, faulty);
    assert.deepEqual([first.scanned, first.deleted, first.failed], [3, 2, 1]);
    const stuck = ms.find((m) => faulty.keysOf(m.id).length > 0)!;
    const m = (await row(stuck.id))!;
    // Nothing readable is left: no share to decrypt with, no session, no way to verify.
    assert.equal(m.status, 'expired');
    assert.equal(m.wrapped_share.length, 0);
    assert.notEqual(m.purge_started_at, null);
    assert.equal(m.purged_at, null);
    assert.equal(await count('sessions', stuck.id), 0);
    assert.equal(await count('verifications', stuck.id), 0);

    const second = await purge(T0 + 2 * DAY, faulty);
    assert.deepEqual([second.scanned, second.deleted, second.failed], [1, 1, 0]);
    for (const x of ms) await assertTombstone(x.id, 'expired', faulty);
    assert.equal((await purge(T0 + 2 * DAY, faulty)).scanned, 0);
  });

  it('finishes after a run that died midway, before or after deleting a blob, and reports a message whose blob was already gone', async () => {
    for (const fault of ['die-before', 'die-after'] as const) {
      const { org, s } = await world();
      const store = new FaultyBlobs(2, fault);
      const ms = [];
      for (let i = 0; i < 3; i++) ms.push(await message(org, s, 'draft', { store }));
      // The first run never returns, as if the process were killed inside the blob store.
      const dead = purge(T0 + 2 * DAY, store);
      const outcome = await Promise.race([dead.then(() => 'returned'), new Promise((r) => setTimeout(() => r('stuck'), 200))]);
      assert.equal(outcome, 'stuck');
      // The page was closed before any blob was touched: nothing readable, nothing finished.
      const left = await db.kysely.selectFrom('messages').select(['id', 'purge_started_at', 'wrapped_share']).where('id', 'in', ms.map((m) => m.id)).execute();
      assert.equal(left.length, 3, fault);
      assert.ok(left.every((m) => m.purge_started_at !== null && m.wrapped_share.length === 0));
      assert.deepEqual(await db.kysely.selectFrom('sessions').select('message_id').where('message_id', 'in', ms.map((m) => m.id)).execute(), []);

      const next = await purge(T0 + 2 * DAY, store);
      assert.deepEqual([next.scanned, next.deleted, next.failed], [3, 3, 0], fault);
      assert.equal(next.details.blobsDeleted, fault === 'die-after' ? 2 : 4);
      for (const m of ms) {
        assert.equal(await row(m.id), undefined);
        assert.deepEqual(store.keysOf(m.id), []);
      }
    }
  });

  it('stops between pages when asked to and leaves the rest for the next run', async () => {
    const { org, s } = await world();
    for (let i = 0; i < 5; i++) await message(org, s, 'revoked');
    const stop = new AbortController();
    const store = new (class extends MemoryBlobs {
      override async deletePrefix(prefix: string) {
        stop.abort();
        return blobs.deletePrefix(prefix);
      }
    })();
    const first = await purge(T0, store, { signal: stop.signal, pageSize: 2 });
    assert.equal(first.details.aborted, true);
    assert.deepEqual([first.scanned, first.deleted], [2, 2]);
    const rest = await purge(T0, blobs, { pageSize: 2 });
    assert.deepEqual([rest.scanned, rest.deleted, rest.details.aborted], [3, 3, false]);
  });

  it('records expiry and purge in the audit log with ids only, and the chain still verifies', async () => {
    const { org, s } = await world();
    const m = await message(org, s, 'sealed', { days: 1 });
    await purge(T0 + 2 * DAY);
    const events = await db.kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    assert.deepEqual(events.map((e) => e.type), ['message.expired', 'message.purged']);
    for (const e of events) assert.deepEqual([e.organisation_id, e.message_id, e.sender_id, e.recipient_id], [org, m.id, s, null]);
    const text = JSON.stringify(events);
    for (const personal of ['Jan', 'jan@client.example', '+316', 'Anna']) assert.ok(!text.includes(personal));
    assert.equal((await verifyChain(db.kysely)).ok, true);
  });

  it('deletes audit events past their retention from the start of the chain and leaves a chain that verifies', async () => {
    for (let i = 0; i < 30; i++) await audit(db.kysely, T0 + i * DAY, { type: 'code.sent', messageId: newId() });
    const report: PurgeReport = await purge(T0 + 40 * DAY, blobs, { auditRetentionDays: 20 });
    // Events of days 0-19 are older than 20 days at day 40.
    assert.equal(report.details.auditEventsPruned, 20);
    const left = await db.kysely.selectFrom('audit_events').select(['seq', 'type']).orderBy('seq').execute();
    assert.equal(left[0]!.seq, 21);
    assert.equal(left.at(-1)!.type, 'audit.pruned');
    const verified = await verifyChain(db.kysely);
    assert.deepEqual([verified.ok, verified.anchorSeq, verified.checked], [true, 20, 11]);
    assert.equal((await purge(T0 + 40 * DAY, blobs, { auditRetentionDays: 20 })).details.auditEventsPruned, 0);
  });
});
