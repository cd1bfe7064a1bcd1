/**
 * The audit log on both engines: a hash chain that never forks under concurrent writers, that
 * `audit:verify` walks to the first broken link (changed, removed, inserted or moved events, a cut
 * tail), that survives retention, and the administrator's CSV and JSON export.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { audit, auditMany, csvCell } from '../src/server/services/audit';
import { chainHash, pruneChain, verifyChain } from '../src/server/services/audit-chain';
import { auditRoutes } from '../src/server/routes/audit';
import { registerAuth } from '../src/server/plugins/auth';
import { registerErrorHandling } from '../src/server/plugins/errors';
import { DevIdentityProvider } from '../src/server/auth/dev-identity';
import { SenderService } from '../src/server/services/senders';
import { purgeExpired } from '../src/server/jobs/retention-purge';
import { migrations } from '../src/server/stores/migrations';
import type { Database } from '../src/server/stores/schema';
import { PG_URL, postgresAvailable, signIn, startService, suiteService, NO_RATE_LIMITS, waitForCode, type Engine, type TestService } from './support/service';
import { fetchPart, sendSample, startVerification, verify } from './support/flow';

const DAY = 24 * 60 * 60 * 1000;
const newId = () => randomBytes(16).toString('base64url');

describe('CSV cells of the audit export', () => {
  it('quotes cells per RFC 4180 and keeps spreadsheets from running formulas', () => {
    assert.equal(csvCell('message.opened'), 'message.opened');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(42), '42');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\r\nlines'), '"two\r\nlines"');
    assert.equal(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
    assert.equal(csvCell('+31612345678'), "'+31612345678");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
  });
});

/** Appends APPENDS events from a separate process, started with the service's configuration. */
const CHILD_APPENDER = `
const base = 'file://' + process.cwd() + '/';
const { loadConfig } = await import(new URL('src/server/config.ts', base).href);
const { openDb } = await import(new URL('src/server/stores/db.ts', base).href);
const { audit } = await import(new URL('src/server/services/audit.ts', base).href);
const db = await openDb(loadConfig().database);
process.stdout.write('ready\\n');
await Promise.all(Array.from({ length: Number(process.env.APPENDS) }, () => audit(db.kysely, Date.now(), { type: 'code.sent' })));
await db.close();
`;

/** The environment a command-line tool needs to reach the test service's database. */
function cliEnv(svc: TestService): NodeJS.ProcessEnv {
  const database = svc.config.database;
  return {
    ...process.env,
    NODE_ENV: 'test',
    SEALPOST_DATA_DIR: svc.dataDir,
    LOG_LEVEL: 'warn',
    ...(database.engine === 'sqlite' ? { DATABASE_URL: `sqlite:${database.file}` } : { DATABASE_URL: PG_URL, DATABASE_SCHEMA: database.schema! }),
  };
}

/** A database at migration 002 (before the chain), for the upgrade test. */
async function databaseBeforeChain(engine: Engine): Promise<{ kysely: Kysely<Database>; schema?: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sealpost-upgrade-'));
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(join(dir, 'old.db')) }) });
    return { kysely, drop: async () => (await kysely.destroy(), rmSync(dir, { recursive: true, force: true })) };
  }
  const schema = `upgrade_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` }) }) });
  return {
    kysely,
    schema,
    drop: async () => {
      await kysely.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

for (const [engine, ready] of [['sqlite', async () => true], ['postgres', postgresAvailable]] as const) {
  describe(`upgrading the audit log on ${engine}`, () => {
    it('chains the events written before the chain existed, in order, and verifies them', async (t) => {
      if (!(await ready())) return t.skip(`${engine} not available`);
      const { kysely, schema, drop } = await databaseBeforeChain(engine);
      try {
        const all = migrations(engine);
        // Bookkeeping pinned to the test's schema, as openDb does.
        const upTo = (name: string) =>
          new Migrator({
            db: kysely,
            ...(schema ? { migrationTableSchema: schema } : {}),
            provider: { getMigrations: async () => Object.fromEntries(Object.entries(all).filter(([k]) => k <= name)) },
          });
        assert.equal((await upTo('002_organisation_settings').migrateToLatest()).error, undefined);
        for (let i = 0; i < 7; i++) {
          await sql`insert into audit_events (at, type, message_id) values (${1000 + i}, ${'code.sent'}, ${newId()})`.execute(kysely);
        }
        assert.equal((await upTo('003_audit_chain_and_retention').migrateToLatest()).error, undefined);
        const report = await verifyChain(kysely);
        assert.deepEqual([report.ok, report.checked, report.headSeq], [true, 7, 7]);
        await audit(kysely, 2000, { type: 'message.opened' });
        assert.deepEqual([(await verifyChain(kysely)).ok, (await verifyChain(kysely)).headSeq], [true, 8]);
      } finally {
        await drop();
      }
    });
  });
}

function auditSuite(engine: Engine, ready: () => Promise<boolean>) {
  describe(`audit log on ${engine}`, () => {
    let svc: TestService;
    const clock = Date.parse('2025-05-01T08:00:00Z');

    const it_ = suiteService(
      engine,
      ready,
      () =>
        startService(engine, {
          env: NO_RATE_LIMITS,
          build: { now: () => clock },
        }),
      (started) => {
        svc = started;
      },
    );
    const db = () => svc.db.kysely;
    const events = () => db().selectFrom('audit_events').selectAll().orderBy('seq').execute();

    /** A fresh chain for tests that tamper: the table and head row go back to empty. */
    async function resetChain() {
      await db().deleteFrom('audit_events').execute();
      await db().updateTable('audit_chain').set({ head_seq: 0, head_hash: Buffer.alloc(32), anchor_seq: 0, anchor_hash: Buffer.alloc(32), anchored_at: null }).execute();
    }
    async function appendMany(n: number) {
      for (let i = 0; i < n; i++) await audit(db(), clock + i, { type: 'code.sent', messageId: newId(), recipientId: newId() });
    }

    it_('chains every event of a secure-send flow and verifies the chain', async () => {
      const token = await signIn(svc.baseUrl);
      const sent = await sendSample(svc.baseUrl, token, [{ name: 'Jan Jansen', email: 'jan@client.example', method: 'sms', phone: '06 1234 5678' }]);
      const start = await startVerification(svc.baseUrl, sent.id, 'jan@client.example');
      const ok = await verify(svc.baseUrl, sent.id, start.body.verificationId, await waitForCode(svc.smsOutbox, '+31612345678'));
      assert.equal((await fetchPart(svc.baseUrl, sent.id, 0, ok.body.sessionToken)).status, 200);
      const rows = await events();
      const types = rows.filter((r) => r.message_id === sent.id).map((r) => r.type);
      for (const t of ['message.created', 'message.sealed', 'code.sent', 'recipient.verified', 'message.opened']) assert.ok(types.includes(t), t);
      rows.forEach((r, i) => {
        assert.equal(Number(r.seq), i + 1, 'sequence numbers have no gaps');
        assert.deepEqual(r.prev_hash, i === 0 ? Buffer.alloc(32) : rows[i - 1]!.hash);
      });
      const report = await verifyChain(db());
      assert.deepEqual([report.ok, report.checked, report.headSeq], [true, rows.length, rows.length]);
      assert.equal(report.headHash, rows.at(-1)!.hash!.toString('hex'));
    });

    it_('never forks under concurrent writers in one process, inside and outside transactions', async () => {
      const before = (await events()).length;
      const writes = [];
      for (let i = 0; i < 120; i++) {
        writes.push(
          i % 3
            ? audit(db(), clock, { type: 'message.opened', messageId: newId() })
            : db().transaction().execute((trx) => audit(trx, clock, { type: 'part.downloaded', messageId: newId() })),
        );
      }
      await Promise.all(writes);
      const rows = await events();
      assert.equal(rows.length, before + 120);
      assert.deepEqual(rows.map((r) => Number(r.seq)), rows.map((_, i) => i + 1));
      assert.equal(new Set(rows.map((r) => r.prev_hash!.toString('hex'))).size, rows.length, 'no two events share a predecessor');
      assert.equal((await verifyChain(db())).ok, true);
    });

    it_('never forks when another process appends at the same time', async (t) => {
      const before = (await events()).length;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD_APPENDER], {
        env: { ...cliEnv(svc), APPENDS: '150' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
        child.on('exit', () => reject(new Error(`the other process ended early: ${stderr}`)));
      });
      await Promise.all(Array.from({ length: 150 }, () => audit(db(), clock, { type: 'message.opened', messageId: newId() })));
      assert.equal(await exited, 0, stderr);
      const rows = await events();
      assert.equal(rows.length, before + 300);
      assert.deepEqual(rows.map((r) => Number(r.seq)), rows.map((_, i) => i + 1));
      const mixed = rows.slice(before).filter((r, i, all) => i > 0 && r.type !== all[i - 1]!.type).length;
      t.diagnostic(`${engine}: the two processes took turns ${mixed} times`);
      assert.equal((await verifyChain(db())).ok, true);
    });

    it_('reports a changed field at the event that was changed', async () => {
      await resetChain();
      await appendMany(10);
      await db().updateTable('audit_events').set({ type: 'message.created' }).where('seq', '=', 4).execute();
      const report = await verifyChain(db(), 3);
      assert.equal(report.ok, false);
      assert.equal(report.firstBreak?.seq, 4);
      assert.match(report.firstBreak!.reason, /was changed/);
      assert.equal(report.checked, 3);
    });

    it_('reports a changed event whose hash was recomputed at the event after it', async () => {
      await resetChain();
      await appendMany(10);
      const [e] = await db().selectFrom('audit_events').selectAll().where('seq', '=', 6).execute();
      const forged = { ...e!, seq: 6, recipient_id: newId() };
      await db().updateTable('audit_events').set({ recipient_id: forged.recipient_id, hash: chainHash(e!.prev_hash!, forged) }).where('seq', '=', 6).execute();
      assert.equal((await verifyChain(db())).firstBreak?.seq, 7);
    });

    it_('reports an event deleted from the middle', async () => {
      await resetChain();
      await appendMany(10);
      await db().deleteFrom('audit_events').where('seq', '=', 5).execute();
      const report = await verifyChain(db());
      assert.equal(report.firstBreak?.seq, 6);
      assert.match(report.firstBreak!.reason, /removed, inserted or changed/);
    });

    it_('reports an event inserted in the middle, even with the later events renumbered', async () => {
      await resetChain();
      await appendMany(10);
      for (let seq = 10; seq > 5; seq--) await db().updateTable('audit_events').set({ seq: seq + 1 }).where('seq', '=', seq).execute();
      const [prev] = await db().selectFrom('audit_events').selectAll().where('seq', '=', 5).execute();
      const fake = { seq: 6, at: clock, type: 'recipient.verified', organisation_id: null, message_id: newId(), recipient_id: newId(), sender_id: null };
      await db().insertInto('audit_events').values({ ...fake, prev_hash: prev!.hash, hash: chainHash(prev!.hash!, fake) }).execute();
      const report = await verifyChain(db());
      assert.equal(report.firstBreak?.seq, 7, 'the forged event links, the one it displaced no longer does');
    });

    it_('reports events removed from the end or added after the head', async () => {
      await resetChain();
      await appendMany(10);
      await db().deleteFrom('audit_events').where('seq', '>=', 9).execute();
      const cut = await verifyChain(db());
      assert.equal(cut.ok, false);
      assert.match(cut.firstBreak!.reason, /at the end were removed/);

      await resetChain();
      await appendMany(5);
      const [last] = await db().selectFrom('audit_events').selectAll().where('seq', '=', 5).execute();
      const extra = { seq: 6, at: clock, type: 'code.sent', organisation_id: null, message_id: null, recipient_id: null, sender_id: null };
      await db().insertInto('audit_events').values({ ...extra, prev_hash: last!.hash, hash: chainHash(last!.hash!, extra) }).execute();
      assert.match((await verifyChain(db())).firstBreak!.reason, /added outside the chain/);
    });

    it_('keeps the chain verifiable after retention deletes its oldest events, and still catches tampering after the anchor', async () => {
      await resetChain();
      for (let i = 0; i < 25; i++) await audit(db(), clock + i * DAY, { type: 'code.failed', messageId: newId() });
      const pruned = await pruneChain(db(), clock + 10 * DAY, clock + 40 * DAY, 4);
      assert.deepEqual([pruned.deleted, pruned.brokenAt], [10, null]);
      const report = await verifyChain(db());
      assert.deepEqual([report.ok, report.anchorSeq, report.checked], [true, 10, 15]);
      await db().updateTable('audit_events').set({ at: clock }).where('seq', '=', 11).execute();
      assert.equal((await verifyChain(db())).firstBreak?.seq, 11);
      // Retention stops before a broken link instead of deleting the evidence.
      const stopped = await pruneChain(db(), clock + 30 * DAY, clock + 60 * DAY);
      assert.deepEqual([stopped.deleted, stopped.brokenAt?.seq], [0, 11]);
    });

    it_('audit:verify exits 0 for an intact chain and 1 naming the first broken seq', async () => {
      await resetChain();
      await appendMany(30);
      const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env: cliEnv(svc), encoding: 'utf8' });
      const good = run();
      assert.equal(good.status, 0, good.stderr);
      assert.deepEqual([JSON.parse(good.stdout).ok, JSON.parse(good.stdout).checked], [true, 30]);
      await db().updateTable('audit_events').set({ message_id: newId() }).where('seq', '=', 17).execute();
      const bad = run();
      assert.equal(bad.status, 1);
      assert.equal(JSON.parse(bad.stdout).firstBreak.seq, 17);
      assert.match(bad.stderr, /broken at seq 17/);
    });

    it_('holds ids and no personal data once a message is purged', async () => {
      const token = await signIn(svc.baseUrl, 'piet.bakker@zorg.example', 'Piet Bakker');
      const sent = await sendSample(svc.baseUrl, token, [{ name: 'Karel Appel', email: 'karel@client.example', method: 'sms', phone: '06 2345 6789' }]);
      await startVerification(svc.baseUrl, sent.id, 'karel@client.example');
      await waitForCode(svc.smsOutbox, '+31623456789');
      const report = await purgeExpired({ db: svc.db, blobs: svc.deps.blobs, log: svc.app.log }, { now: clock + 30 * DAY });
      assert.ok(report.deleted >= 1);
      const rows = await events();
      const mine = rows.filter((r) => r.message_id === sent.id).map((r) => r.type);
      assert.deepEqual(mine.slice(-2), ['message.expired', 'message.purged']);
      const text = JSON.stringify(rows);
      for (const personal of ['Karel', 'karel@', '23456789', 'Piet', 'piet.bakker', 'Uitslag']) assert.ok(!text.includes(personal), personal);
    });

    describe('export', () => {
      let app: FastifyInstance;
      let dev: DevIdentityProvider;
      before(async () => {
        if (!svc) return; // the engine is not available: the tests skip
        // The route on its own, over the service's database and clock, with the service's auth.
        app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } } });
        registerErrorHandling(app);
        dev = new DevIdentityProvider(svc.config.codeKey, svc.config.publicUrl);
        registerAuth(app, [dev], new SenderService(svc.deps));
        auditRoutes(app, svc.deps);
        await app.ready();
      });
      after(async () => app?.close());
      const get = async (url: string, token?: string) => app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      const adminOf = async (organisation: string, email = `admin@${organisation.toLowerCase().replace(/\W/g, '')}.example`) =>
        (await dev.signIn(email, 'Beheerder', organisation, true)).token;

      it_("gives an administrator the organisation's events, and only those, as streamed CSV and JSON", async () => {
        const admin = await adminOf('Export BV');
        const stranger = await adminOf('Andere BV');
        await get('/api/audit', admin);
        await get('/api/audit', stranger);
        const [mine, theirs] = await Promise.all(
          ['Export BV', 'Andere BV'].map(async (name) => (await db().selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id),
        );
        // Far from the service clock, so the exports above (stamped with it) stay out of range.
        const start = clock + 100 * DAY;
        // 800 events, four per millisecond, 600 of them this organisation's: more than one page of the export.
        for (let ms = 0; ms < 200; ms++) {
          const batch = [0, 1, 2, 3].map((k) => ({ type: k % 2 ? ('message.opened' as const) : ('code.sent' as const), organisationId: k ? mine : theirs, messageId: newId() }));
          await auditMany(db(), start + ms, batch);
        }

        const json = await get(`/api/audit?format=json&from=${new Date(start).toISOString()}&to=${new Date(start + 200).toISOString()}`, admin);
        assert.equal(json.statusCode, 200);
        assert.match(String(json.headers['content-type']), /^application\/json/);
        assert.match(String(json.headers['content-disposition']), /^attachment; filename="sealpost-audit-.*\.json"$/);
        const body = json.json() as { organisationId: string; events: { seq: number; type: string; organisationId: string; hash: string; prevHash: string }[] };
        assert.equal(body.organisationId, mine);
        assert.equal(body.events.length, 600);
        assert.ok(body.events.every((e) => e.organisationId === mine && /^[0-9a-f]{64}$/.test(e.hash)));
        assert.deepEqual(body.events.map((e) => e.seq), [...body.events.map((e) => e.seq)].sort((a, b) => a - b));

        const csv = await get(`/api/audit?format=csv&from=${new Date(start).toISOString()}&to=${new Date(start + 10).toISOString()}`, admin);
        assert.equal(csv.statusCode, 200);
        assert.match(String(csv.headers['content-type']), /^text\/csv/);
        const lines = csv.body.split('\r\n');
        assert.equal(lines[0], 'seq,at,type,organisationId,messageId,recipientId,senderId,prevHash,hash');
        assert.equal(lines.at(-1), '', 'every row ends with CRLF');
        assert.equal(lines.length - 2, 30, 'events from start to start+10 (exclusive) of this organisation');
        assert.ok(lines.slice(1, -1).every((l) => l.split(',').length === 9));
      });

      it_('records each export in the audit log', async () => {
        const admin = await adminOf('Export BV');
        const before = (await events()).filter((e) => e.type === 'audit.exported').length;
        await get('/api/audit?format=csv', admin);
        const exported = (await events()).filter((e) => e.type === 'audit.exported');
        assert.equal(exported.length, before + 1);
        assert.notEqual(exported.at(-1)!.sender_id, null);
      });

      it_('refuses senders who are not administrators and callers without a token', async () => {
        const sender = (await dev.signIn('medewerker@export.example', 'Medewerker', 'Export BV', false)).token;
        const forbidden = await get('/api/audit', sender);
        assert.deepEqual([forbidden.statusCode, forbidden.json().code], [403, 'forbidden']);
        assert.equal((await get('/api/audit')).statusCode, 401);
      });

      it_('answers bad parameters with 400 and never a 5xx', async () => {
        const admin = await adminOf('Export BV');
        for (const query of ['format=xml', 'from=yesterday', 'to=2025-13-01T00:00:00Z', 'from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z', 'limit=5', 'format=csv&format=json']) {
          const r = await get(`/api/audit?${query}`, admin);
          assert.equal(r.statusCode, 400, query);
          assert.equal(r.json().code, 'bad_request', query);
        }
      });
    });
  });
}

auditSuite('sqlite', async () => true);
auditSuite('postgres', postgresAvailable);
