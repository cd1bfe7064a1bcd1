/**
 * Retention on both engines, through the real service: expired and revoked messages purged to
 * tombstones, a purge that breaks off halfway and is finished by the next, the in-service
 * schedule (no overlap, one process at a time on PostgreSQL), the command with its explicit clock,
 * and a timing figure.
 */
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { purgeExpired, type PurgeReport } from '../src/server/jobs/retention-purge';
import { startRetentionScheduler, withPurgeLock } from '../src/server/jobs/scheduler';
import type { BlobStore } from '../src/server/stores/blob-store';
import { openDb } from '../src/server/stores/db';
import { verifyChain } from '../src/server/services/audit-chain';
import { PG_URL, postgresAvailable, signIn, startService, suiteService, NO_RATE_LIMITS, waitForCode, type Engine, type TestService } from './support/service';
import { bytesAttachment, fetchPart, sendSample, startVerification, verify } from './support/flow';

const DAY = 24 * 60 * 60 * 1000;
const PHONE = '+31612345678';
const JAN = { name: 'Jan Jansen', email: 'jan@client.example', method: 'sms' as const, phone: '06 1234 5678' };
const newId = () => randomBytes(16).toString('base64url');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wraps a blob store so that the nth deletePrefix call fails. */
function failingAt(inner: BlobStore, n: number): BlobStore & { calls: number } {
  return {
    calls: 0,
    put: (key, body, size) => inner.put(key, body, size),
    get: (key) => inner.get(key),
    async deletePrefix(prefix) {
      if (++this.calls === n) throw new Error('blob store unavailable');
      return inner.deletePrefix(prefix);
    },
  };
}

function retentionSuite(engine: Engine, ready: () => Promise<boolean>) {
  describe(`retention on ${engine}`, () => {
    let svc: TestService;
    let token: string;
    let clock = Date.parse('2025-04-01T08:00:00Z');

    const it_ = suiteService(
      engine,
      ready,
      () =>
        startService(engine, {
          env: NO_RATE_LIMITS,
          build: { now: () => clock },
        }),
      async (started) => {
        svc = started;
        token = await signIn(svc.baseUrl);
      },
    );
    const deps = () => ({ db: svc.db, blobs: svc.deps.blobs, log: svc.app.log });
    const purge = (blobs: BlobStore = svc.deps.blobs) => purgeExpired({ ...deps(), blobs }, { now: clock });
    const auth = () => ({ authorization: `Bearer ${token}` });
    const list = async () =>
      ((await fetch(`${svc.baseUrl}/api/messages`, { headers: auth() }).then((r) => r.json())) as {
        messages: { id: string; status: string; totalSize: number; recipients: { name: string; email: string; status: string }[] }[];
      }).messages;
    const send = (days = 1) =>
      sendSample(svc.baseUrl, token, [JAN], [bytesAttachment('uitslag.pdf', 'application/pdf', randomBytes(20_000))]).then(async (sent) => {
        // sendSample uses the default expiry; pin it to `days` so tests control when it ends.
        await svc.db.kysely.updateTable('messages').set({ expires_at: clock + days * DAY }).where('id', '=', sent.id).execute();
        return sent;
      });
    const blobCount = async (id: string) => {
      let n = 0;
      for (const i of [0, 1]) {
        const stream = await svc.deps.blobs.get(`${id}/${i}`);
        if (!stream) continue;
        n++;
        stream.on('error', () => {}).destroy();
      }
      return n;
    };

    it_('purges an expired message: recipients get the one vague answer, the sender keeps an anonymous tombstone, the ciphertext is gone', async () => {
      const sent = await send(1);
      const n = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
      const start = await startVerification(svc.baseUrl, sent.id, JAN.email);
      const ok = await verify(svc.baseUrl, sent.id, start.body.verificationId, await waitForCode(svc.smsOutbox, PHONE, n));
      assert.equal((await fetchPart(svc.baseUrl, sent.id, 0, ok.body.sessionToken)).status, 200);
      assert.equal(await blobCount(sent.id), 2);

      clock += DAY;
      const report = await purge();
      assert.ok(report.deleted >= 1 && report.failed === 0, JSON.stringify(report));
      assert.equal(await blobCount(sent.id), 0);
      const unknown = await fetch(`${svc.baseUrl}/api/r/${newId()}`).then(async (r) => [r.status, await r.json()]);
      const purged = await fetch(`${svc.baseUrl}/api/r/${sent.id}`).then(async (r) => [r.status, await r.json()]);
      assert.deepEqual(purged, unknown);
      assert.equal((await fetchPart(svc.baseUrl, sent.id, 0, ok.body.sessionToken)).status, 401);

      const tomb = (await list()).find((m) => m.id === sent.id)!;
      assert.equal(tomb.status, 'expired');
      assert.ok(tomb.totalSize > 20_000);
      assert.deepEqual(tomb.recipients.map((r) => [r.name, r.email, r.status]), [['', '', 'opened']]);
      const row = await svc.db.kysely.selectFrom('recipients').selectAll().where('message_id', '=', sent.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.phone, row.browser, row.device, row.access_code_hash], [null, null, null, null]);
      assert.equal((await svc.db.kysely.selectFrom('messages').select('wrapped_share').where('id', '=', sent.id).executeTakeFirstOrThrow()).wrapped_share.length, 0);
      assert.equal((await verifyChain(svc.db.kysely)).ok, true);
    });

    it_("purges a revoked message's recipient data at once, and a second run deletes nothing", async () => {
      const sent = await send(30);
      await fetch(`${svc.baseUrl}/api/messages/${sent.id}/revoke`, { method: 'POST', headers: auth() });
      const first = await purge();
      assert.equal(first.details.messagesTombstoned, 1);
      const tomb = (await list()).find((m) => m.id === sent.id)!;
      assert.equal(tomb.status, 'revoked');
      assert.deepEqual(tomb.recipients.map((r) => r.email), ['']);
      const second = await purge();
      assert.deepEqual([second.scanned, second.deleted, second.failed], [0, 0, 0]);
    });

    it_('finishes the job after a run whose blob store failed midway, and nothing was readable in between', async () => {
      const sent = await Promise.all([send(1), send(1), send(1)]);
      clock += DAY;
      const faulty = failingAt(svc.deps.blobs, 2);
      const first = await purge(faulty);
      assert.deepEqual([first.scanned, first.deleted, first.failed], [3, 2, 1]);
      const stuck = await svc.db.kysely
        .selectFrom('messages')
        .select(['id', 'wrapped_share', 'purged_at'])
        .where('id', 'in', sent.map((s) => s.id))
        .where('purged_at', 'is', null)
        .execute();
      assert.equal(stuck.length, 1);
      assert.equal(stuck[0]!.wrapped_share.length, 0, 'the share is gone before any blob is touched');
      assert.equal(await blobCount(stuck[0]!.id), 2);
      const next = await purge();
      assert.deepEqual([next.scanned, next.deleted, next.failed], [1, 1, 0]);
      for (const s of sent) assert.equal(await blobCount(s.id), 0);
      assert.equal((await purge()).scanned, 0);
    });

    it_('runs on an interval without ever overlapping itself, and stops on close', async () => {
      let inFlight = 0;
      let maxInFlight = 0;
      let runs = 0;
      let lastSignal: AbortSignal | null = null;
      const empty = await purge();
      const scheduler = startRetentionScheduler(
        { ...deps(), now: () => clock },
        {
          firstDelayMs: 0,
          intervalMs: 5,
          jitterMs: 5,
          purge: async (_now, signal) => {
            lastSignal = signal;
            runs++;
            maxInFlight = Math.max(maxInFlight, ++inFlight);
            await sleep(25);
            inFlight--;
            return empty;
          },
        },
      );
      await sleep(30);
      const a = scheduler.runNow();
      assert.equal(scheduler.runNow(), a, 'asking during a run joins that run');
      await sleep(150);
      await scheduler.stop();
      assert.equal(lastSignal!.aborted, true, 'stopping asks the current run to stop between items');
      const after = runs;
      assert.ok(after >= 3, `ran ${after} times`);
      assert.equal(maxInFlight, 1);
      await sleep(60);
      assert.equal(runs, after, 'no run after stop');
    });

    it_('purges on its own once the schedule comes round', async () => {
      const sent = await send(1);
      clock += DAY;
      const scheduler = startRetentionScheduler({ ...deps(), now: () => clock }, { firstDelayMs: 0, jitterMs: 0, intervalMs: 50 });
      try {
        for (let i = 0; i < 100 && (await blobCount(sent.id)) > 0; i++) await sleep(20);
        assert.equal(await blobCount(sent.id), 0);
      } finally {
        await scheduler.stop();
      }
    });

    it_(engine === 'postgres' ? 'lets one process at a time purge, through a PostgreSQL advisory lock' : 'needs no lock on SQLite', async () => {
      const other = await openDb(svc.config.database);
      try {
        let inner: Awaited<ReturnType<typeof withPurgeLock>> | null = null;
        const outer = await withPurgeLock(svc.db, async () => {
          inner = await withPurgeLock(other, async () => 'second');
          return 'first';
        });
        assert.deepEqual(outer, { ran: true, value: 'first' });
        assert.deepEqual(inner, engine === 'postgres' ? { ran: false } : { ran: true, value: 'second' });
        assert.deepEqual(await withPurgeLock(other, async () => 'later'), { ran: true, value: 'later' }, 'the lock is released');
        if (engine === 'postgres') {
          // Two schedulers asked at the same moment: one purges, the other skips its turn.
          const empty = await purge();
          const options = { firstDelayMs: 60_000, purge: async () => (await sleep(50), empty) };
          const a = startRetentionScheduler({ ...deps(), now: () => clock }, options);
          const b = startRetentionScheduler({ ...deps(), db: other, now: () => clock }, options);
          const outcomes = await Promise.all([a.runNow(), b.runNow()]);
          await Promise.all([a.stop(), b.stop()]);
          assert.deepEqual(outcomes.map((o) => o === null).sort(), [false, true]);
        }
      } finally {
        await other.close();
      }
    });

    it_('runs as a command with an explicit clock and prints its report as JSON', async () => {
      const sent = await send(3);
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        SEALPOST_DATA_DIR: svc.dataDir,
        LOG_LEVEL: 'warn',
        ...(svc.config.database.engine === 'sqlite'
          ? { DATABASE_URL: `sqlite:${svc.config.database.file}` }
          : { DATABASE_URL: PG_URL, DATABASE_SCHEMA: svc.config.database.schema! }),
      };
      const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/purge.ts', ...args], { env, encoding: 'utf8' });
      const early = run('--now', new Date(clock + 2 * DAY).toISOString());
      assert.equal(early.status, 0, early.stderr);
      assert.equal(await blobCount(sent.id), 2, 'not yet expired at that clock');
      const due = run('--now', new Date(clock + 3 * DAY).toISOString());
      assert.equal(due.status, 0, due.stderr);
      const report = JSON.parse(due.stdout) as PurgeReport & { now: string };
      assert.equal(report.now, new Date(clock + 3 * DAY).toISOString());
      assert.deepEqual([report.scanned, report.deleted, report.failed], [1, 1, 0]);
      assert.equal(await blobCount(sent.id), 0);
      const bad = run('--now', 'tomorrow');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--now must be an ISO time/);
    });

    it_('purges a few hundred expired messages with their blobs in well under a minute', async (t) => {
      const sender = await svc.db.kysely.selectFrom('senders').select(['id', 'organisation_id']).executeTakeFirstOrThrow();
      const n = 300;
      const rows = Array.from({ length: n }, () => ({ id: newId(), recipient: newId() }));
      await svc.db.kysely.transaction().execute(async (trx) => {
        for (const { id, recipient } of rows) {
          await trx
            .insertInto('messages')
            .values({ id, organisation_id: sender.organisation_id, sender_id: sender.id, status: 'sealed', wrapped_share: randomBytes(60), part_count: 2, total_size: 8192, locale: 'nl', created_at: clock, expires_at: clock + DAY, finalised_at: clock, revoked_at: null })
            .execute();
          await trx.insertInto('message_parts').values([0, 1].map((idx) => ({ message_id: id, idx, size: 4096, uploaded_at: clock }))).execute();
          await trx
            .insertInto('recipients')
            .values({ id: recipient, message_id: id, name: 'Jan Jansen', email: 'jan@client.example', method: 'sms', phone: PHONE, access_code_hash: null, failures: 0, locked_at: null, code_sent_at: null, verified_at: null, opened_at: null, downloaded_at: null, browser: null, device: null })
            .execute();
        }
      });
      for (const { id } of rows) for (const idx of [0, 1]) await svc.deps.blobs.put(`${id}/${idx}`, Readable.from([randomBytes(4096)]), 4096);
      clock += DAY;
      const started = performance.now();
      const report = await purge();
      const ms = Math.round(performance.now() - started);
      t.diagnostic(`${engine}: purged ${report.deleted} messages (${report.details.blobsDeleted} blobs) in ${ms} ms`);
      assert.equal(report.deleted, n);
      assert.equal(report.details.blobsDeleted, 2 * n);
      assert.ok(ms < 60_000);
      assert.equal((await verifyChain(svc.db.kysely)).ok, true);
    });
  });
}

retentionSuite('sqlite', async () => true);
retentionSuite('postgres', postgresAvailable);
