/**
 * Configuration from the environment, validated once at start-up. Every problem is reported at
 * once, by variable name, so that a wrong deployment fails before it serves anything.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { NotifyConfig } from './notify';
import { readPrivacyConfig, type PrivacyConfig } from './privacy-config';

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; schema?: string };

export interface Config {
  host: string;
  port: number;
  /** Public base URL of the service: links in e-mails and the portal use it. */
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  blobs: { kind: 'files'; dir: string } | { kind: 'postgres' };
  /** 32-byte key that wraps server shares at rest. */
  shareKey: Uint8Array;
  /** 32-byte HMAC key for verification codes, access codes and decoy derivation. */
  codeKey: Uint8Array;
  /** Local development identity provider: signs short-lived sender tokens. Off unless configured. */
  devSignIn: boolean;
  /** Entra ID (Azure AD) sign-in for senders; null when not configured. */
  azure: { clientId: string; allowedTenants: string[] | 'any'; authority: string } | null;
  notify: NotifyConfig;
  limits: { maxPartBytes: number; maxParts: number; jsonBodyBytes: number; requestsPerMinute: number; verifyPerMinute: number };
  expiry: { defaultDays: number; maxDays: number };
  /** Redis for rate-limit state shared between processes; in-memory when absent. */
  redisUrl: string | null;
  trustProxy: boolean;
  logLevel: string;
  production: boolean;
  /** Where the built web apps live (portal, add-in). */
  webDir: string;
  /** Serve the dev outbox page (embedded default only). */
  devOutboxPage: boolean;
  /** A second, HTTPS listener (Outlook loads add-ins over https only), e.g. for sideloading in development. */
  tls: { certFile: string; keyFile: string; port: number } | null;
  /** The https base URL Outlook loads the add-in from; null when there is none. */
  addinUrl: string | null;
  /** Who is responsible for the processing, for the privacy notice. */
  privacy: PrivacyConfig;
  /** Product e-mails (each honours the recipient's objection): "your message was opened" to senders. */
  productMail: { openedNotices: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string) => (env[name]?.trim() ? env[name]!.trim() : fallback);
  const bool = (name: string, fallback: boolean) => {
    const v = env[name]?.trim().toLowerCase();
    if (!v) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };

  const production = str('NODE_ENV', 'development') === 'production';
  const dataDir = resolve(str('SEALPOST_DATA_DIR', './data'));
  const port = int('PORT', 8080, 0, 65535);
  const host = str('HOST', '127.0.0.1');
  const publicUrl = str('SEALPOST_PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (production && u.protocol !== 'https:') problems.push('SEALPOST_PUBLIC_URL must be https in production');
  } catch {
    problems.push(`SEALPOST_PUBLIC_URL is not a URL (got "${publicUrl}")`);
  }

  const dbUrl = str('DATABASE_URL', '');
  let database: DatabaseConfig;
  if (!dbUrl || dbUrl.startsWith('sqlite:')) {
    database = { engine: 'sqlite', file: resolve(dbUrl ? dbUrl.slice('sqlite:'.length) : join(dataDir, 'sealpost.db')) };
  } else if (/^postgres(ql)?:\/\//.test(dbUrl)) {
    database = { engine: 'postgres', url: dbUrl, schema: env.DATABASE_SCHEMA?.trim() || undefined };
  } else {
    problems.push('DATABASE_URL must start with sqlite: or postgres://');
    database = { engine: 'sqlite', file: join(dataDir, 'sealpost.db') };
  }

  const blobKind = str('SEALPOST_BLOB_STORE', database.engine === 'postgres' ? 'postgres' : 'files');
  let blobs: Config['blobs'];
  if (blobKind === 'files') blobs = { kind: 'files', dir: resolve(str('SEALPOST_BLOB_DIR', join(dataDir, 'blobs'))) };
  else if (blobKind === 'postgres' && database.engine === 'postgres') blobs = { kind: 'postgres' };
  else {
    problems.push('SEALPOST_BLOB_STORE must be "files", or "postgres" with a PostgreSQL DATABASE_URL');
    blobs = { kind: 'files', dir: join(dataDir, 'blobs') };
  }

  const secrets = readSecrets(env, dataDir, production, problems);
  const notify = readNotifyConfig(env, dataDir, problems, str, int, bool);
  const defaultDays = int('SEALPOST_DEFAULT_EXPIRY_DAYS', 14, 1, 365);
  const maxDays = int('SEALPOST_MAX_EXPIRY_DAYS', 90, 1, 365);
  if (defaultDays > maxDays) problems.push('SEALPOST_DEFAULT_EXPIRY_DAYS must not exceed SEALPOST_MAX_EXPIRY_DAYS');

  const config: Config = {
    host,
    port,
    publicUrl,
    dataDir,
    database,
    blobs,
    shareKey: secrets.shareKey,
    codeKey: secrets.codeKey,
    devSignIn: bool('SEALPOST_DEV_SIGN_IN', false),
    azure: readAzure(env, problems),
    notify,
    limits: {
      // Large attachments must work: 5 GiB per part by default, streamed, never buffered.
      maxPartBytes: int('SEALPOST_MAX_PART_BYTES', 5 * 1024 ** 3, 1024, Number.MAX_SAFE_INTEGER),
      maxParts: int('SEALPOST_MAX_PARTS', 101, 1, 1000),
      jsonBodyBytes: int('SEALPOST_JSON_BODY_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
      requestsPerMinute: int('SEALPOST_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
      // Per client address on the verification routes: a brake on guessing across many codes.
      verifyPerMinute: int('SEALPOST_VERIFY_RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    },
    expiry: { defaultDays, maxDays },
    redisUrl: str('REDIS_URL', '') || null,
    trustProxy: bool('SEALPOST_TRUST_PROXY', false),
    logLevel: str('LOG_LEVEL', 'info'),
    production,
    webDir: resolve(str('SEALPOST_WEB_DIR', './dist/web')),
    devOutboxPage: false,
    tls: null,
    addinUrl: null,
    privacy: readPrivacyConfig(env, production, problems),
    productMail: { openedNotices: bool('SEALPOST_OPENED_NOTICES', true) },
  };
  if (config.devSignIn && production) problems.push('SEALPOST_DEV_SIGN_IN cannot be on when NODE_ENV=production');
  config.devOutboxPage = !production && notify.sms.kind === 'outbox';
  // Outboxes keep codes, numbers and addresses in clear on disk: development only.
  if (production && notify.sms.kind === 'outbox') problems.push('SEALPOST_SMS_PROVIDER must name a real SMS provider in production (the outbox is for development)');
  if (production && notify.mail.kind === 'outbox') problems.push('SEALPOST_MAIL_TRANSPORT must be smtp in production (the outbox is for development)');
  const certFile = env.SEALPOST_TLS_CERT_FILE?.trim();
  const keyFile = env.SEALPOST_TLS_KEY_FILE?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) problems.push('SEALPOST_TLS_CERT_FILE and SEALPOST_TLS_KEY_FILE go together');
  if (certFile && keyFile) {
    for (const [name, file] of [['SEALPOST_TLS_CERT_FILE', certFile], ['SEALPOST_TLS_KEY_FILE', keyFile]] as const) {
      if (!existsSync(file)) problems.push(`${name} points at ${file}, which does not exist`);
    }
    config.tls = { certFile, keyFile, port: int('SEALPOST_HTTPS_PORT', 3000, 0, 65535) };
  }
  const addinUrl = str('SEALPOST_ADDIN_URL', config.tls ? `https://localhost:${config.tls.port}` : publicUrl.startsWith('https:') ? publicUrl : '');
  if (addinUrl && !addinUrl.startsWith('https://')) problems.push('SEALPOST_ADDIN_URL must be https: Outlook loads add-ins over https only');
  config.addinUrl = addinUrl ? addinUrl.replace(/\/+$/, '') : null;
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function readKey(name: string, value: string | undefined, problems: string[]): Uint8Array | null {
  if (!value?.trim()) return null;
  const bytes = Buffer.from(value.trim(), 'base64url');
  if (bytes.length !== 32) {
    problems.push(`${name} must be 32 bytes, base64url (make one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")`);
    return null;
  }
  return new Uint8Array(bytes);
}

/**
 * Secrets come from the environment. Only outside production, a missing secret is made once and
 * kept in the data directory (mode 0600), so that the embedded default needs no set-up and the
 * repository holds no key.
 */
function readSecrets(env: Env, dataDir: string, production: boolean, problems: string[]) {
  let shareKey = readKey('SEALPOST_SHARE_KEY', env.SEALPOST_SHARE_KEY, problems);
  let codeKey = readKey('SEALPOST_CODE_KEY', env.SEALPOST_CODE_KEY, problems);
  if ((!shareKey || !codeKey) && production) {
    if (!shareKey && !env.SEALPOST_SHARE_KEY) problems.push('SEALPOST_SHARE_KEY is required in production');
    if (!codeKey && !env.SEALPOST_CODE_KEY) problems.push('SEALPOST_CODE_KEY is required in production');
  }
  if ((!shareKey || !codeKey) && !production) {
    const file = join(dataDir, 'dev-secrets.json');
    let stored: Record<string, string> = {};
    if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    stored.shareKey ??= randomBytes(32).toString('base64url');
    stored.codeKey ??= randomBytes(32).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    shareKey ??= new Uint8Array(Buffer.from(stored.shareKey, 'base64url'));
    codeKey ??= new Uint8Array(Buffer.from(stored.codeKey, 'base64url'));
  }
  return { shareKey: shareKey ?? new Uint8Array(32), codeKey: codeKey ?? new Uint8Array(32) };
}

function readNotifyConfig(
  env: Env,
  dataDir: string,
  problems: string[],
  str: (n: string, f: string) => string,
  int: (n: string, f: number, min: number, max: number) => number,
  bool: (n: string, f: boolean) => boolean,
): NotifyConfig {
  const outboxDir = resolve(str('SEALPOST_OUTBOX_DIR', join(dataDir, 'outbox')));
  const smsKind = str('SEALPOST_SMS_PROVIDER', 'outbox');
  const mailKind = str('SEALPOST_MAIL_TRANSPORT', 'outbox');
  const need = (name: string) => {
    const v = env[name]?.trim();
    if (!v) problems.push(`${name} is required for the chosen provider`);
    return v ?? '';
  };
  let sms: NotifyConfig['sms'];
  if (smsKind === 'outbox') sms = { kind: 'outbox', path: join(outboxDir, 'sms.jsonl') };
  else if (smsKind === 'twilio') {
    sms = {
      kind: 'twilio',
      accountSid: need('TWILIO_ACCOUNT_SID'),
      authToken: need('TWILIO_AUTH_TOKEN'),
      from: env.TWILIO_FROM?.trim() || undefined,
      messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID?.trim() || undefined,
      baseUrl: env.TWILIO_BASE_URL?.trim() || undefined,
    } as NotifyConfig['sms'];
  } else if (smsKind === 'messagebird') {
    sms = {
      kind: 'messagebird',
      accessKey: need('MESSAGEBIRD_ACCESS_KEY'),
      originator: need('MESSAGEBIRD_ORIGINATOR'),
      baseUrl: env.MESSAGEBIRD_BASE_URL?.trim() || undefined,
    } as NotifyConfig['sms'];
  } else {
    problems.push('SEALPOST_SMS_PROVIDER must be outbox, twilio or messagebird');
    sms = { kind: 'outbox', path: join(outboxDir, 'sms.jsonl') };
  }
  let mail: NotifyConfig['mail'];
  if (mailKind === 'outbox') mail = { kind: 'outbox', path: join(outboxDir, 'mail.jsonl') };
  else if (mailKind === 'smtp') {
    mail = {
      kind: 'smtp',
      host: need('SMTP_HOST'),
      port: int('SMTP_PORT', 587, 1, 65535),
      secure: bool('SMTP_SECURE', false),
      requireTls: bool('SMTP_REQUIRE_TLS', false),
      user: env.SMTP_USER?.trim() || undefined,
      pass: env.SMTP_PASS || undefined,
      from: need('SMTP_FROM'),
    } as NotifyConfig['mail'];
  } else {
    problems.push('SEALPOST_MAIL_TRANSPORT must be outbox or smtp');
    mail = { kind: 'outbox', path: join(outboxDir, 'mail.jsonl') };
  }
  return { sms, mail } as NotifyConfig;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readAzure(env: Env, problems: string[]): Config['azure'] {
  const clientId = env.SEALPOST_AZURE_CLIENT_ID?.trim();
  if (!clientId) return null;
  if (!GUID.test(clientId)) problems.push('SEALPOST_AZURE_CLIENT_ID must be the application (client) id, a GUID');
  const rawTenants = env.SEALPOST_AZURE_ALLOWED_TENANTS?.trim() ?? '';
  let allowedTenants: string[] | 'any' = [];
  if (rawTenants === '*') allowedTenants = 'any';
  else {
    allowedTenants = rawTenants.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
    if (!allowedTenants.length) problems.push('SEALPOST_AZURE_ALLOWED_TENANTS must list tenant ids (or be * for any tenant)');
    for (const t of allowedTenants) if (!GUID.test(t)) problems.push(`SEALPOST_AZURE_ALLOWED_TENANTS has "${t}", which is not a tenant id`);
  }
  const authority = (env.SEALPOST_AZURE_AUTHORITY?.trim() || 'https://login.microsoftonline.com').replace(/\/+$/, '');
  try {
    const u = new URL(authority);
    if (u.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) problems.push('SEALPOST_AZURE_AUTHORITY must be https');
  } catch {
    problems.push('SEALPOST_AZURE_AUTHORITY must be a URL');
  }
  return { clientId: clientId.toLowerCase(), allowedTenants, authority };
}

/** For commands and the server's start: print every configuration problem and exit with 2. */
export function loadConfigOrExit(env: Env = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
