/**
 * Drift between what is stored and what the data inventory declares: the live schema on SQLite
 * and PostgreSQL, the keys the add-in and the portal keep, and the notice served at /privacy with
 * the configuration it is made from. The schema is also checked at compile time, below.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../src/server/stores/schema';
import {
  ADDIN_FIELDS,
  declaredColumns,
  INVENTORY,
  PERIODS,
  PORTAL_FIELDS,
  type DatabaseInventory,
  type PhantomColumns,
  type UndeclaredColumns,
} from '../src/shared/privacy';
import { registerErrorHandling } from '../src/server/plugins/errors';
import { registerSecurityHeaders } from '../src/server/plugins/security-headers';
import { chooseLocale, privacyRoutes } from '../src/server/routes/privacy';
import { parseProcessors, readPrivacyConfig, type PrivacyConfig } from '../src/server/privacy-config';
import { CODE_TTL_MS, MAX_CONSECUTIVE_FAILURES, SESSION_TTL_MS, TRIES_PER_CODE } from '../src/server/services/recipient-access';
import { ACCOUNT_GRACE_MS, DRAFT_MAX_AGE_MS } from '../src/server/jobs/retention-purge';
import { AUDIT_RETENTION_DAYS } from '../src/server/services/audit';
import { ANSWER_WITHIN_MS } from '../src/server/services/privacy/requests';
import { PRIVACY_SESSION_TTL_MS } from '../src/server/services/privacy/challenges';
import { PHONES_MAX_AGE_DAYS, PHONES_MAX_ENTRIES } from '../src/addin/taskpane/features/recipients/phone-memory';
import { postgresAvailable, startService } from './support/service';

// Compile-time drift check: adding a column or table to `Database` without declaring it in
// src/shared/privacy/database-inventory.ts, or declaring one the schema does not have, makes
// `npm run typecheck` fail on these lines with, e.g., 'Type "recipients.ip_address" is not
// assignable to type never'.
type NoneOf<T extends never> = T;
type _EveryColumnDeclared = NoneOf<UndeclaredColumns<Database, DatabaseInventory>>;
type _EveryDeclaredColumnExists = NoneOf<PhantomColumns<Database, DatabaseInventory>>;

function compare(engine: 'sqlite' | 'postgres', live: Set<string>) {
  const declared = declaredColumns(engine);
  const undeclared = [...live].filter((c) => !declared.has(c)).sort();
  const phantom = [...declared].filter((c) => !live.has(c)).sort();
  assert.deepEqual(undeclared, [], `columns on ${engine} that the data inventory does not declare: ${undeclared.join(', ')}`);
  assert.deepEqual(phantom, [], `inventory entries for columns that do not exist on ${engine}: ${phantom.join(', ')}`);
}

describe('data inventory against the live schema', () => {
  it('declares every column of every SQLite table, and nothing that is not there', async () => {
    const svc = await startService('sqlite');
    try {
      const { rows } = await sql<{ tbl: string; col: string }>`
        select m.name as tbl, p.name as col
        from sqlite_master m join pragma_table_info(m.name) p
        where m.type = 'table'`.execute(svc.db.kysely);
      assert.ok(rows.length > 50, 'the schema was read');
      compare('sqlite', new Set(rows.map((r) => `${r.tbl}.${r.col}`)));
    } finally {
      await svc.stop();
    }
  });

  it('declares every column of every PostgreSQL table in the service schema, and nothing that is not there', async (t) => {
    if (!(await postgresAvailable())) return t.skip('PostgreSQL not available');
    const svc = await startService('postgres');
    try {
      const { rows } = await sql<{ tbl: string; col: string }>`
        select table_name as tbl, column_name as col
        from information_schema.columns
        where table_schema = current_schema()`.execute(svc.db.kysely);
      assert.ok(rows.length > 50, 'the schema was read');
      compare('postgres', new Set(rows.map((r) => `${r.tbl}.${r.col}`)));
    } finally {
      await svc.stop();
    }
  });
});

describe('data inventory against the periods the code applies', () => {
  it('promises the retention periods and code limits the service actually uses', () => {
    const minute = 60_000;
    const day = 24 * 60 * minute;
    assert.equal(PERIODS.accountGraceDays * day, ACCOUNT_GRACE_MS);
    assert.equal(PERIODS.auditDays, AUDIT_RETENTION_DAYS);
    assert.equal(PERIODS.draftHours * 60 * minute, DRAFT_MAX_AGE_MS);
    assert.equal(PERIODS.codeMinutes * minute, CODE_TTL_MS);
    assert.equal(PERIODS.triesPerCode, TRIES_PER_CODE);
    assert.equal(PERIODS.lockAfterFailures, MAX_CONSECUTIVE_FAILURES);
    assert.equal(PERIODS.sessionMinutes * minute, SESSION_TTL_MS);
    assert.equal(PERIODS.phoneBookEntries, PHONES_MAX_ENTRIES);
    assert.equal(PERIODS.phoneBookDays, PHONES_MAX_AGE_DAYS);
    assert.equal(PERIODS.answerHours * 60 * minute, ANSWER_WITHIN_MS);
    assert.equal(PERIODS.privacySessionMinutes * minute, PRIVACY_SESSION_TTL_MS);
  });
});

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/^fake-/.test(name)) out.push(path);
  }
  return out;
}

describe('data inventory against what the clients keep', () => {
  const files = [...sources('src/addin'), ...sources('src/portal')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const declaredKeys = new Set([...ADDIN_FIELDS, ...PORTAL_FIELDS].map((f) => f.key));
  const constants = new Map<string, string>();
  for (const { text } of files) {
    for (const m of text.matchAll(/const ([A-Z][A-Z0-9_]*) = '([^']*)'/g)) constants.set(m[1]!, m[2]!);
  }

  it('declares every sealpost.* storage key and x-sealpost-* header the add-in and portal name', () => {
    const named = new Set<string>();
    for (const { text } of files) {
      for (const m of text.matchAll(/['"`](sealpost\.[A-Za-z]+|x-sealpost-[a-z-]+)['"`]/g)) named.add(m[1]!);
    }
    assert.ok(named.has('sealpost.phones'), 'the scan found the add-in keys');
    assert.deepEqual([...named].filter((k) => !declaredKeys.has(k)).sort(), []);
  });

  it('declares the key of every roaming, session, storage and header write', () => {
    const written: string[] = [];
    for (const { path, text } of files) {
      for (const m of text.matchAll(/\.(?:setRoaming|setSessionData|setItem)\(\s*([A-Z][A-Z0-9_]*|'[^']*')/g)) written.push(`${path}:${m[1]}`);
      for (const m of text.matchAll(/\.setInternetHeaders\(\s*\{\s*\[([A-Z][A-Z0-9_]*)\]/g)) written.push(`${path}:${m[1]}`);
    }
    assert.ok(written.length >= 5, `found ${written.length} writes`);
    for (const site of written) {
      const arg = site.slice(site.lastIndexOf(':') + 1);
      const key = arg.startsWith("'") ? arg.slice(1, -1) : constants.get(arg);
      assert.ok(key && declaredKeys.has(key), `${site} writes an undeclared key (${key ?? 'unresolved'})`);
    }
  });

  it("declares the sign-in library's browser cache wherever the add-in keeps one", () => {
    if (files.some(({ text }) => /cacheLocation:\s*'localStorage'/.test(text))) {
      assert.ok(INVENTORY.some((f) => f.id === 'msal.cache' && f.location === 'addin-browser-storage'));
    }
  });
});

const controller: PrivacyConfig = {
  name: 'Zorggroep Voorbeeld B.V.',
  address: 'Voorbeeldlaan 12, 3511 AB Utrecht',
  dpoEmail: 'fg@zorggroep.example',
  contactEmail: 'privacy@zorggroep.example',
  processors: [{ role: 'sms', name: 'Voorbeeld SMS B.V. (NL)' }],
  logRetentionDays: 14,
  placeholders: [],
};

describe('the notice at /privacy', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    registerErrorHandling(app);
    registerSecurityHeaders(app);
    privacyRoutes(app, controller);
    await app.ready();
  });
  after(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('answers in Dutch by default, and in English when asked by query or by Accept-Language', async () => {
    const nl = await get('/privacy');
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /<html lang="nl">/);
    assert.equal(nl.headers['content-language'], 'nl');
    assert.match((await get('/privacy?lang=en')).body, /<html lang="en">/);
    assert.match((await get('/privacy', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.8' })).body, /<html lang="en">/);
    assert.match((await get('/privacy?lang=nl', { 'accept-language': 'en' })).body, /<html lang="nl">/);
    assert.equal((await get('/privacy')).headers.vary, 'Accept-Language');
  });

  it('serves a page without script under a CSP that allows only its own style sheet', async () => {
    const res = await get('/privacy?lang=en');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /script-src|unsafe-inline/);
    assert.ok(!res.body.includes('<script'));
    const style = /<style>([^<]*)<\/style>/.exec(res.body)![1]!;
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the style hash matches the page');
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
  });

  it('shows the configured controller, DPO, contact and processors', async () => {
    const body = (await get('/privacy')).body;
    for (const value of [controller.name, controller.dpoEmail, controller.contactEmail, 'Voorbeeld SMS B.V. (NL)']) assert.ok(body.includes(value), value);
  });

  it('answers odd language requests with a page or a 4xx, never a 5xx', async () => {
    assert.equal((await get('/privacy?lang=de')).statusCode, 200);
    assert.equal((await get(`/privacy?lang=${'x'.repeat(100)}`)).statusCode, 400);
    assert.ok((await get('/privacy?lang=en&lang=nl')).statusCode < 500);
    assert.equal((await get('/privacy', { 'accept-language': `${'q=;'.repeat(400)},,,;;` })).statusCode, 200);
    assert.equal((await app.inject({ method: 'HEAD', url: '/privacy' })).statusCode, 200);
  });

  it('picks the language with the highest weight and ignores languages it does not have', () => {
    assert.equal(chooseLocale(undefined, undefined), 'nl');
    assert.equal(chooseLocale(undefined, 'de-DE,de;q=0.9'), 'nl');
    assert.equal(chooseLocale(undefined, 'de-DE, en;q=0.5, nl;q=0.4'), 'en');
    assert.equal(chooseLocale(undefined, 'nl;q=0.2, en-US;q=0.8'), 'en');
    assert.equal(chooseLocale(undefined, 'en;q=0, nl-BE'), 'nl');
    assert.equal(chooseLocale('EN', 'nl'), 'en');
    assert.equal(chooseLocale('fr', 'en'), 'en');
  });
});

describe('privacy configuration', () => {
  const read = (env: Record<string, string>, production: boolean) => {
    const problems: string[] = [];
    return { config: readPrivacyConfig(env, production, problems), problems };
  };
  const complete = {
    SEALPOST_CONTROLLER_NAME: 'Zorggroep Voorbeeld B.V.',
    SEALPOST_CONTROLLER_ADDRESS: 'Voorbeeldlaan 12, 3511 AB Utrecht',
    SEALPOST_DPO_EMAIL: 'fg@zorggroep.example',
    SEALPOST_PRIVACY_CONTACT_EMAIL: 'privacy@zorggroep.example',
    SEALPOST_PROCESSORS: 'hosting=Voorbeeld Cloud B.V. (NL); sms=Voorbeeld SMS B.V. (NL)',
  };

  it('uses marked example values outside production and lists what is still missing', () => {
    const { config, problems } = read({}, false);
    assert.deepEqual(problems, []);
    assert.deepEqual([...config.placeholders].sort(), [
      'SEALPOST_CONTROLLER_ADDRESS',
      'SEALPOST_CONTROLLER_NAME',
      'SEALPOST_DPO_EMAIL',
      'SEALPOST_PRIVACY_CONTACT_EMAIL',
      'SEALPOST_PROCESSORS',
    ]);
    assert.match(config.dpoEmail, /\.example$/);
  });

  it('refuses to start in production without a controller, DPO, contact and processor list', () => {
    const { problems } = read({}, true);
    for (const name of ['SEALPOST_CONTROLLER_NAME', 'SEALPOST_CONTROLLER_ADDRESS', 'SEALPOST_DPO_EMAIL', 'SEALPOST_PRIVACY_CONTACT_EMAIL', 'SEALPOST_PROCESSORS']) {
      assert.ok(problems.some((p) => p.startsWith(name)), name);
    }
    assert.deepEqual(read(complete, true).problems, []);
    assert.deepEqual(read(complete, true).config.placeholders, []);
  });

  it('requires the notice to name the SMS and mail providers that receive numbers and addresses', () => {
    const { problems } = read({ ...complete, SEALPOST_PROCESSORS: 'hosting=Voorbeeld Cloud B.V.', SEALPOST_SMS_PROVIDER: 'twilio', SEALPOST_MAIL_TRANSPORT: 'smtp' }, true);
    assert.equal(problems.length, 2);
    assert.deepEqual(read({ ...complete, SEALPOST_SMS_PROVIDER: 'messagebird' }, true).problems, []);
  });

  it('reads processors as role=name entries, or none, and reports malformed ones', () => {
    const problems: string[] = [];
    assert.deepEqual(parseProcessors('hosting=A B.V., Amsterdam (NL); mail = C Ltd (IE) ;', problems), [
      { role: 'hosting', name: 'A B.V., Amsterdam (NL)' },
      { role: 'mail', name: 'C Ltd (IE)' },
    ]);
    assert.deepEqual(parseProcessors('none', problems), []);
    assert.deepEqual(problems, []);
    parseProcessors('printer=X; =Y; sms=', problems);
    assert.equal(problems.length, 3);
  });

  it('checks e-mail addresses and the log retention period', () => {
    assert.equal(read({ ...complete, SEALPOST_DPO_EMAIL: 'not an address' }, true).problems.length, 1);
    assert.equal(read({ ...complete, SEALPOST_LOG_RETENTION_DAYS: '0' }, true).problems.length, 1);
    assert.equal(read({ ...complete, SEALPOST_LOG_RETENTION_DAYS: '30' }, true).config.logRetentionDays, 30);
    assert.equal(read(complete, true).config.logRetentionDays, 14);
  });
});
