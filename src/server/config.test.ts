import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'sealpost-config-'));
const key = Buffer.alloc(32, 7).toString('base64url');

describe('configuration', () => {
  it('runs the embedded default with no variables at all', () => {
    const dir = dataDir();
    const c = loadConfig({ SEALPOST_DATA_DIR: dir });
    assert.equal(c.database.engine, 'sqlite');
    assert.equal(c.blobs.kind, 'files');
    assert.equal(c.notify.sms.kind, 'outbox');
    assert.equal(c.devSignIn, false, 'development sign-in is off unless configured');
    assert.equal(c.shareKey.length, 32);
    assert.equal(statSync(join(dir, 'dev-secrets.json')).mode & 0o777, 0o600);
    const again = loadConfig({ SEALPOST_DATA_DIR: dir });
    assert.deepEqual(again.shareKey, c.shareKey, 'generated secrets are kept across restarts');
  });

  it('reports every problem by variable name at once', () => {
    assert.throws(
      () => loadConfig({ SEALPOST_DATA_DIR: dataDir(), PORT: 'eighty', DATABASE_URL: 'mysql://x', SEALPOST_SHARE_KEY: 'short', SEALPOST_SMS_PROVIDER: 'pigeon' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        const text = err.problems.join('\n');
        for (const name of ['PORT', 'DATABASE_URL', 'SEALPOST_SHARE_KEY', 'SEALPOST_SMS_PROVIDER']) assert.match(text, new RegExp(name));
        return true;
      },
    );
  });

  it('demands real secrets, https and no development sign-in in production', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', SEALPOST_DATA_DIR: dataDir(), SEALPOST_DEV_SIGN_IN: 'true', SEALPOST_PUBLIC_URL: 'http://sealpost.example' }),
      (err: unknown) => {
        const text = (err as ConfigError).problems.join('\n');
        for (const name of ['SEALPOST_SHARE_KEY', 'SEALPOST_CODE_KEY', 'SEALPOST_DEV_SIGN_IN', 'https', 'SEALPOST_SMS_PROVIDER', 'SEALPOST_MAIL_TRANSPORT']) assert.match(text, new RegExp(name));
        return true;
      },
    );
    const ok = loadConfig({
      NODE_ENV: 'production',
      SEALPOST_DATA_DIR: dataDir(),
      SEALPOST_SHARE_KEY: key,
      SEALPOST_CODE_KEY: key,
      SEALPOST_PUBLIC_URL: 'https://sealpost.example',
      SEALPOST_SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: '+3197010000000',
      SEALPOST_MAIL_TRANSPORT: 'smtp',
      SMTP_HOST: 'smtp.example',
      SMTP_FROM: 'no-reply@sealpost.example',
      SEALPOST_CONTROLLER_NAME: 'Zorggroep Voorbeeld B.V.',
      SEALPOST_CONTROLLER_ADDRESS: 'Voorbeeldstraat 1, 1000 AA Amsterdam',
      SEALPOST_DPO_EMAIL: 'fg@zorggroep.example',
      SEALPOST_PRIVACY_CONTACT_EMAIL: 'privacy@zorggroep.example',
      SEALPOST_PROCESSORS: 'hosting=Example Hosting B.V.; sms=Twilio; mail=Example Mail B.V.',
    });
    assert.equal(ok.production, true);
    assert.equal(ok.devOutboxPage, false);
  });

  it('stores blobs in PostgreSQL with a PostgreSQL database unless told otherwise', () => {
    const c = loadConfig({ SEALPOST_DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@127.0.0.1/db' });
    assert.equal(c.blobs.kind, 'postgres');
    assert.throws(() => loadConfig({ SEALPOST_DATA_DIR: dataDir(), SEALPOST_BLOB_STORE: 'postgres' }), ConfigError);
  });

  it('asks for the provider credentials that the chosen SMS and mail transports need', () => {
    assert.throws(
      () => loadConfig({ SEALPOST_DATA_DIR: dataDir(), SEALPOST_SMS_PROVIDER: 'twilio', SEALPOST_MAIL_TRANSPORT: 'smtp' }),
      (err: unknown) => {
        const text = (err as ConfigError).problems.join('\n');
        for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'SMTP_HOST', 'SMTP_FROM']) assert.match(text, new RegExp(name));
        return true;
      },
    );
  });
});
