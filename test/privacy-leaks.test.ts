/**
 * "Minimal metadata" as a property the code proves: a full send, verify, read and download flow
 * runs on the real service with distinctive content, a browser user-agent and a client address
 * forwarded by a trusted proxy. Then every byte the service kept (database files including the
 * WAL, the blob store, the captured logs; on PostgreSQL every row of every table) is searched for
 * the plaintext, the codes, the secrets, the address and the user-agent, raw and encoded.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { decodeContent, decryptBytes, fromBase64Url, parseLink, partLabel } from '../src/shared/crypto';
import { sendSecure } from '../src/shared/protocol/sender-client';
import { isDeclaredLogKey } from '../src/shared/privacy';
import { postgresAvailable, startService, waitForCode, type Engine, type TestService } from './support/service';
import { bytesAttachment } from './support/flow';

const tag = randomBytes(6).toString('hex');
const CLIENT_IP = '203.0.113.77';
const USER_AGENT = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 LeakProbe/${tag}`;
const PHONE = '+31612345678';
const RECIPIENT = { name: `Jan Lektest ${tag}`, email: `jan.lektest.${tag}@client.example`, method: 'sms' as const, phone: '06 1234 5678' };
const PIET = { name: 'Piet', email: `piet.${tag}@client.example`, method: 'access_code' as const };

/** What must never be found, and the forms it could take. */
interface Needle {
  what: string;
  bytes: Uint8Array;
  /**
   * Decimal codes only count as whole numbers, so that a timestamp cannot contain one by chance,
   * and not inside a bytea that PostgreSQL renders as hex (`\\x0a3f…`): in the hex of a few hundred
   * kilobytes of ciphertext, some six digits between two letters turn up in about one run in a
   * few hundred. A code stored in a bytea still shows, in the table's raw values.
   */
  digits?: boolean;
}

const text = (what: string, value: string): Needle => ({ what, bytes: Buffer.from(value, 'utf8') });
const forms = (n: Needle): { form: string; bytes: Buffer }[] => {
  const raw = Buffer.from(n.bytes);
  return [
    { form: 'raw', bytes: raw },
    { form: 'hex', bytes: Buffer.from(raw.toString('hex')) },
    { form: 'base64url', bytes: Buffer.from(raw.toString('base64url')) },
    { form: 'base64', bytes: Buffer.from(raw.toString('base64').replace(/=+$/, '')) },
  ];
};

/** Every needle found in `source`, as "what (form) in source". */
function findLeaks(source: string, data: Buffer, needles: readonly Needle[]): string[] {
  const found: string[] = [];
  const latin1 = data.toString('latin1');
  const upper = latin1.toUpperCase();
  const withoutHexBytea = latin1.replace(/\\\\x[0-9a-f]+/g, '');
  for (const n of needles) {
    for (const f of forms(n)) {
      const hit = n.digits
        ? new RegExp(`(?<![0-9])${f.bytes.toString('latin1')}(?![0-9])`).test(withoutHexBytea)
        : data.includes(f.bytes) || (f.form === 'hex' && upper.includes(f.bytes.toString('latin1').toUpperCase()));
      if (hit) found.push(`${n.what} (${f.form}) in ${source}`);
    }
  }
  return found;
}

function filesUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

interface FlowResult {
  needles: Needle[];
  /** Allowed in the database (category C), never in logs. */
  logOnlyNeedles: Needle[];
}

/** Sender and recipient as a browser behind a proxy would be: same user-agent, same forwarded address. */
async function runFlow(svc: TestService): Promise<FlowResult> {
  const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': CLIENT_IP };
  const browserFetch: typeof fetch = (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    browserFetch(`${svc.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify(body) });

  const signIn = (await (await post('/api/auth/dev/sign-in', { email: `anna.${tag}@zorg.example`, name: 'Anna de Vries', organisation: 'Zorggroep Lek' })).json()) as { token: string };
  const auth = { authorization: `Bearer ${signIn.token}` };
  const client = await browserFetch(`${svc.baseUrl}/api/me/client`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ outlookHost: 'OutlookWebApp', outlookVersion: '16.0', outlookPlatform: 'OfficeOnline', browser: 'edge', device: 'desktop' }),
  });
  assert.equal(client.status, 204);

  const subject = `Uitslag lektest onderwerp ${tag}`;
  const body = `Vertrouwelijke lektest inhoud ${tag}`;
  const fileName = `lektest-bijlage-${tag}.pdf`;
  const marker = `LEKTEST-BIJLAGE-INHOUD-${tag}`;
  const content = new Uint8Array(Buffer.concat([Buffer.from(marker), randomBytes(70_000), Buffer.from(marker)]));
  const sent = await sendSecure(
    { baseUrl: svc.baseUrl, token: signIn.token, fetch: browserFetch },
    { subject, html: `<p>${body}</p>`, text: body, from: { name: 'Anna de Vries', email: `anna.${tag}@zorg.example` }, attachments: [bytesAttachment(fileName, 'application/pdf', content)] },
    [RECIPIENT, PIET],
    { locale: 'nl' },
  );
  const { linkSecret } = parseLink(sent.link)!;
  const accessCode = sent.recipients.find((r) => r.method === 'access_code')!.accessCode!;

  // A stray query string (as a mail client or proxy might add) must not reach the log either.
  assert.equal((await browserFetch(`${svc.baseUrl}/api/r/${sent.id}?probe=${tag}-query`)).status, 200);

  const before = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
  const start = (await (await post(`/api/r/${sent.id}/verifications`, { email: RECIPIENT.email.toUpperCase(), locale: 'nl' })).json()) as { verificationId: string };
  const code = await waitForCode(svc.smsOutbox, PHONE, before);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  assert.equal((await post(`/api/r/${sent.id}/verifications/${start.verificationId}/verify`, { code: wrong })).status, 401);
  const ok = (await (await post(`/api/r/${sent.id}/verifications/${start.verificationId}/verify`, { code })).json()) as { sessionToken: string; serverShare: string };
  const session = { authorization: `Bearer ${ok.sessionToken}` };
  assert.equal((await browserFetch(`${svc.baseUrl}/api/r/${sent.id}/session`, { headers: session })).status, 200);

  const km = { linkSecret, serverShare: fromBase64Url(ok.serverShare), messageId: sent.id };
  const part = async (i: number) => new Uint8Array(await (await browserFetch(`${svc.baseUrl}/api/r/${sent.id}/parts/${i}`, { headers: session })).arrayBuffer());
  const opened = decodeContent(await decryptBytes(km, partLabel(0), await part(0)));
  assert.equal(opened.subject, subject, 'the flow really delivered the message');
  assert.equal(opened.attachments[0]!.name, fileName);
  assert.deepEqual(await decryptBytes(km, partLabel(1), await part(1)), content);

  const piet = (await (await post(`/api/r/${sent.id}/verifications`, { email: PIET.email })).json()) as { verificationId: string };
  assert.equal((await post(`/api/r/${sent.id}/verifications/${piet.verificationId}/verify`, { code: accessCode })).status, 200);
  const list = await browserFetch(`${svc.baseUrl}/api/messages`, { headers: auth });
  assert.equal(((await list.json()) as { messages: { recipients: { status: string }[] }[] }).messages[0]!.recipients.some((r) => r.status === 'downloaded'), true);
  // The recipient asks for their data: the privacy code and session token must not be kept either.
  const mailBefore = (await svc.mailOutbox()).filter((e) => e.to === RECIPIENT.email).length;
  const challenge = (await (await post('/api/privacy/challenges', { email: RECIPIENT.email, locale: 'nl' })).json()) as { challengeId: string };
  const privacyCode = await waitForCode(svc.mailOutbox, RECIPIENT.email, mailBefore);
  const privacy = (await (await post(`/api/privacy/challenges/${challenge.challengeId}/verify`, { code: privacyCode })).json()) as { token: string };
  const mine = await browserFetch(`${svc.baseUrl}/api/privacy/me/export`, { headers: { authorization: `Bearer ${privacy.token}` } });
  assert.equal(((await mine.json()) as { asRecipient: unknown[] }).asRecipient.length, 1);
  // The code-delivery bookkeeping runs after the answer; let it land before looking.
  await new Promise((r) => setTimeout(r, 200));
  // The service did see the forwarded address: requests from it were counted under its own key.
  const remaining = async (f: typeof fetch, extra: Record<string, string> = {}) =>
    Number((await f(`${svc.baseUrl}/healthz`, { headers: extra })).headers.get('x-ratelimit-remaining'));
  assert.ok((await remaining(fetch, { 'x-forwarded-for': '198.51.100.9' })) > (await remaining(browserFetch)) + 10);

  return {
    needles: [
      text('subject', subject),
      text('body', body),
      text('attachment name', fileName),
      text('attachment content marker', marker),
      { what: 'attachment content bytes', bytes: content.subarray(30_000, 30_048) },
      { what: 'SMS code', bytes: Buffer.from(code), digits: true },
      { what: 'access code', bytes: Buffer.from(accessCode), digits: true },
      { what: 'link secret', bytes: linkSecret },
      { what: 'server share', bytes: fromBase64Url(ok.serverShare) },
      text('session token', ok.sessionToken),
      { what: 'session token bytes', bytes: fromBase64Url(ok.sessionToken) },
      text('sender bearer token', signIn.token),
      { what: 'privacy code', bytes: Buffer.from(privacyCode), digits: true },
      text('privacy session token', privacy.token),
      { what: 'privacy session token bytes', bytes: fromBase64Url(privacy.token) },
      text('client address', CLIENT_IP),
      text('user-agent', USER_AGENT),
      text('user-agent probe', `LeakProbe/${tag}`),
      text('query string', `${tag}-query`),
    ],
    logOnlyNeedles: [text('recipient address', RECIPIENT.email), text('recipient phone', PHONE), text('recipient name', RECIPIENT.name)],
  };
}

function logKeys(logs: string): string[] {
  const keys = new Set<string>();
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else keys.add(path);
  };
  for (const line of logs.split('\n').filter(Boolean)) walk(JSON.parse(line), '');
  return [...keys].sort();
}

type Dump = (svc: TestService, phase: 'running' | 'stopped') => Promise<{ source: string; data: Buffer }[]>;

function leakSuite(engine: Engine, ready: () => Promise<boolean>, dump: Dump) {
  describe(`nothing confidential stays behind on ${engine}`, () => {
    let svc: TestService | undefined;
    let flow: FlowResult;
    let dataDir: string | undefined;
    let snapshot: { source: string; data: Buffer }[] = [];

    before(async () => {
      if (!(await ready())) return;
      dataDir = mkdtempSync(join(tmpdir(), 'sealpost-leak-'));
      svc = await startService(engine, {
        dataDir,
        env: { SEALPOST_TRUST_PROXY: 'true', SEALPOST_RATE_LIMIT_PER_MINUTE: '1000', SEALPOST_VERIFY_RATE_LIMIT_PER_MINUTE: '1000' },
      });
      flow = await runFlow(svc);
      // Read while the service runs (SQLite's WAL still holds the newest pages), and again once it stopped.
      snapshot = [...(await dump(svc, 'running')), { source: 'logs', data: Buffer.from(svc.logs()) }];
      await svc.stop();
      snapshot.push(...(await dump(svc, 'stopped')).map((s) => ({ ...s, source: `${s.source} after stop` })));
    });
    after(() => {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });
    const it_ = (name: string, fn: () => void) => it(name, (t) => (svc ? fn() : t.skip(`${engine} not available`)));

    it_('searched a real database, blob store and log', () => {
      assert.ok(snapshot.some((s) => s.source === 'logs' && s.data.length > 1000));
      const stored = snapshot.filter((s) => s.source !== 'logs').reduce((n, s) => n + s.data.length, 0);
      assert.ok(stored > 70_000, 'the ciphertext was among what was searched');
    });

    it_('keeps no plaintext, code, secret, client address or user-agent in the database, the blob store or the logs', () => {
      assert.deepEqual(snapshot.flatMap((s) => findLeaks(s.source, s.data, flow.needles)), []);
    });

    it_("writes no recipient's name, address or phone number to the logs", () => {
      const logs = snapshot.filter((s) => s.source === 'logs');
      assert.deepEqual(logs.flatMap((s) => findLeaks(s.source, s.data, flow.logOnlyNeedles)), []);
    });

    it_('writes only log fields the data inventory declares', () => {
      const logs = snapshot.find((s) => s.source === 'logs')!.data.toString('utf8');
      assert.deepEqual(logKeys(logs).filter((k) => !isDeclaredLogKey(k)), []);
    });
  });
}

/** The database files (main, WAL, shared memory, journal) and every blob file, with its path. */
const sqliteDump: Dump = async (svc) => {
  const db = svc.config.database.engine === 'sqlite' ? svc.config.database.file : '';
  const blobs = svc.config.blobs.kind === 'files' ? filesUnder(svc.config.blobs.dir) : [];
  const files = [...['', '-wal', '-shm', '-journal'].map((suffix) => `${db}${suffix}`).filter((f) => existsSync(f)), ...blobs];
  // File names count too: a blob path must carry neither a name nor a secret.
  return [...files.map((f) => ({ source: f.slice(svc.dataDir.length + 1), data: readFileSync(f) })), { source: 'file names', data: Buffer.from(files.join('\n')) }];
};

/** Every row of every table in the service's schema: as text (bytea as hex) and as raw values. */
const postgresDump: Dump = async (svc, phase) => {
  // The test's schema is dropped when the service stops; everything is read while it runs.
  if (phase === 'stopped') return [];
  const db = svc.db.kysely;
  const out: { source: string; data: Buffer }[] = [];
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  assert.ok(tables.length >= 10, 'the schema was read');
  for (const { name } of tables) {
    const asText = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(name)} t`.execute(db);
    out.push({ source: `${name} (text, bytea as hex)`, data: Buffer.from(asText.rows.map((r) => r.j).join('\n')) });
    const raw = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    const values = raw.rows.flatMap((r) => Object.values(r).map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v)))));
    out.push({ source: `${name} (raw values)`, data: Buffer.concat(values) });
  }
  return out;
};

describe('the leak search', () => {
  const secret = new Uint8Array(randomBytes(32));
  const needles: Needle[] = [{ what: 'secret', bytes: secret }, text('subject', 'Onderwerp X'), { what: 'code', bytes: Buffer.from('123456'), digits: true }];

  it('finds a secret raw, as hex (either case), as base64url and as base64', () => {
    const raw = Buffer.from(secret);
    const planted = { raw, hex: Buffer.from(raw.toString('hex').toUpperCase()), base64url: Buffer.from(raw.toString('base64url')), base64: Buffer.from(raw.toString('base64')) };
    for (const [form, data] of Object.entries(planted)) {
      // base64 and base64url often coincide, so a planted form may be reported under both names.
      const found = findLeaks('x', Buffer.concat([randomBytes(100), data, randomBytes(100)]), needles);
      assert.ok(found.includes(`secret (${form}) in x`), `${form}: ${found.join(', ')}`);
    }
    assert.deepEqual(findLeaks('x', randomBytes(4096), needles), []);
  });

  it('finds text inside a JSON log line, and a code only as a whole number', () => {
    assert.deepEqual(findLeaks('log', Buffer.from('{"msg":"x","subject":"Onderwerp X"}'), needles), ['subject (raw) in log']);
    assert.deepEqual(findLeaks('log', Buffer.from('{"code":"123456"}'), needles), ['code (raw) in log']);
    assert.deepEqual(findLeaks('log', Buffer.from('{"time":1712345678901}'), needles), []);
  });

  it('does not count six digits that happen to stand in the hex of a bytea, but does count a code beside it', () => {
    assert.deepEqual(findLeaks('rows', Buffer.from('{"data":"\\\\x0a3fbe123456c7d9","n":1}'), needles), []);
    assert.deepEqual(findLeaks('rows', Buffer.from('{"data":"\\\\x0a3fbe","code":"123456"}'), needles), ['code (raw) in rows']);
  });
});

leakSuite('sqlite', async () => true, sqliteDump);
leakSuite('postgres', postgresAvailable, postgresDump);
