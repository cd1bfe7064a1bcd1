/**
 * Starts the real service on loopback for a test: SQLite in a temp directory, or PostgreSQL in a
 * schema of its own. PostgreSQL tests fail (not skip) when CI is set and the server is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { after, before, it, type TestContext } from 'node:test';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/server/config';
import { buildApp, type App, type BuildOptions } from '../../src/server/app';
import { readOutbox } from '../../src/server/notify/outbox-file';

export type Engine = 'sqlite' | 'postgres';
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestService extends App {
  baseUrl: string;
  config: Config;
  dataDir: string;
  logs: () => string;
  smsOutbox: () => Promise<{ at: string; to: string; text: string }[]>;
  mailOutbox: () => Promise<{ at: string; to: string; subject: string; text: string }[]>;
  stop: () => Promise<void>;
}

/** Whether PostgreSQL answers; under CI a missing server is an error, not a reason to skip. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (err) {
    if (process.env.CI) throw new Error(`PostgreSQL is required under CI and is not reachable at ${PG_URL}: ${String(err)}`);
    return false;
  }
}

export async function startService(
  engine: Engine,
  opts: { env?: Record<string, string>; build?: BuildOptions; schema?: string; dataDir?: string } = {},
): Promise<TestService> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'sealpost-test-'));
  const schema = opts.schema ?? `t_${randomBytes(6).toString('hex')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    SEALPOST_DATA_DIR: dataDir,
    SEALPOST_DEV_SIGN_IN: 'true',
    LOG_LEVEL: 'info',
    PORT: '0',
    SEALPOST_WEB_DIR: join(process.cwd(), 'dist', 'web'),
    ...(engine === 'postgres' ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema } : {}),
    ...opts.env,
  };
  const config = loadConfig(env);
  let logText = '';
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (logText += chunk.toString('utf8')));
  // The scheduled purge stays off: tests move the clock, and purge on their own terms (test/retention.test.ts).
  const built = await buildApp(config, { logStream, retention: false, ...opts.build });
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const smsPath = config.notify.sms.kind === 'outbox' ? config.notify.sms.path : '';
  const mailPath = config.notify.mail.kind === 'outbox' ? config.notify.mail.path : '';
  return {
    ...built,
    baseUrl,
    config,
    dataDir,
    logs: () => logText,
    smsOutbox: () => readOutbox(smsPath),
    mailOutbox: () => readOutbox(mailPath),
    async stop() {
      await built.close();
      if (engine === 'postgres' && !opts.schema) {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The newest code sent to `to` (phone or address), waiting for the asynchronous delivery. */
export async function waitForCode(read: () => Promise<{ to: string; text: string }[]>, to: string, after = 0, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const entries = (await read()).filter((e) => e.to === to);
    if (entries.length > after) {
      const match = /\b(\d{6})\b/.exec(entries[entries.length - 1]!.text);
      if (match) return match[1]!;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no code reached ${to.replace(/.(?=.{3})/g, '*')} in ${timeoutMs} ms`);
}

export async function signIn(baseUrl: string, email = 'anna.devries@zorg.example', name = 'Anna de Vries'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name, organisation: 'Zorggroep Test' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Limits high enough that a suite's many requests from one address are never refused. */
export const NO_RATE_LIMITS = { SEALPOST_VERIFY_RATE_LIMIT_PER_MINUTE: '100000', SEALPOST_RATE_LIMIT_PER_MINUTE: '100000' } as const;

/**
 * One service for a whole `describe`: started by `start` before its tests (then `started` runs,
 * e.g. to sign in), stopped after them. The returned `it` skips when `ready` says the engine is
 * not there, which `postgresAvailable` only allows outside CI.
 */
export function suiteService(
  engine: Engine,
  ready: () => Promise<boolean>,
  start: () => Promise<TestService>,
  started: (svc: TestService) => Promise<void> | void = () => undefined,
): (name: string, fn: (t: TestContext) => Promise<void>) => void {
  let svc: TestService | undefined;
  let skip = false;
  before(async () => {
    if (!(await ready())) {
      skip = true;
      return;
    }
    svc = await start();
    await started(svc);
  });
  after(async () => {
    if (svc) await svc.stop();
  });
  return (name, fn) => it(name, async (t) => (skip ? t.skip(`${engine} not available`) : fn(t)));
}
