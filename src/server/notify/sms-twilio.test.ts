import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { AppError } from '../../shared/errors';
import { NotifyError, type NotifyFailure, type NotifyLogger } from './notify-error';
import { TwilioSmsSender, type TwilioOptions } from './sms-twilio';
import { startFakeTwilio } from './fake-twilio';
import type { FakeServer } from './fake-provider-http';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'auth-token-for-tests';
const TO = '+31612345678';
const TEXT = 'Sealpost: je code is 493027. Geldig 10 minuten. Café €';

let fake: FakeServer;
before(async () => {
  fake = await startFakeTwilio({ accountSid: ACCOUNT, authToken: TOKEN });
});
after(() => fake.close());

function recorder(): NotifyLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (o, m) => lines.push(JSON.stringify(o) + (m ?? '')), warn: (o, m) => lines.push(JSON.stringify(o) + (m ?? '')) };
}

function sender(extra: Partial<TwilioOptions> = {}): TwilioSmsSender {
  return new TwilioSmsSender({ accountSid: ACCOUNT, authToken: TOKEN, from: '+3197010000000', baseUrl: fake.baseUrl, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<NotifyError> {
  const error = await promise.then(() => assert.fail('expected a failure'), (e: unknown) => e);
  assert.ok(error instanceof NotifyError);
  assert.ok(error instanceof AppError);
  assert.equal(error.code, 'unavailable');
  assert.equal(error.status, 503);
  const visible = JSON.stringify({ ...error, message: error.message, stack: error.stack });
  assert.ok(!visible.includes('612345678') && !visible.includes('493027'), 'the error holds neither number nor text');
  return error;
}

async function expectReason(mode: FakeServer['mode'], reason: NotifyFailure, httpStatus?: number, providerCode?: number) {
  fake.mode = mode;
  try {
    const error = await failure(sender().send({ to: TO, text: TEXT }));
    assert.equal(error.reason, reason);
    assert.equal(error.httpStatus, httpStatus);
    assert.equal(error.providerCode, providerCode);
  } finally {
    fake.mode = 'success';
  }
}

test('posts the documented form to the Messages resource and returns the message sid', async () => {
  fake.received.length = 0;
  const log = recorder();
  const result = await sender({ logger: log }).send({ to: TO, text: TEXT });

  assert.match(result.providerId ?? '', /^SM[0-9a-f]{32}$/);
  const [req] = fake.received;
  assert.ok(req);
  assert.equal(req.method, 'POST');
  assert.equal(req.path, `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
  assert.equal(req.headers.authorization, `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`);
  assert.match(req.headers['content-type'] ?? '', /^application\/x-www-form-urlencoded/);
  const form = new URLSearchParams(req.body);
  assert.deepEqual([...form.keys()].sort(), ['Body', 'From', 'To']);
  assert.equal(form.get('To'), TO, 'the plus is percent-encoded, not sent as a space');
  assert.equal(form.get('From'), '+3197010000000');
  assert.equal(form.get('Body'), TEXT, 'the body arrives as UTF-8');
  assert.deepEqual(fake.violations, []);
  assert.ok(log.lines.some((l) => l.includes(result.providerId ?? '?')), 'the sid is logged');
  assert.ok(log.lines.every((l) => !l.includes('612345678') && !l.includes('493027')), 'neither number nor text is logged');
});

test('sends MessagingServiceSid instead of From and authenticates with an API key when configured', async () => {
  const keyed = await startFakeTwilio({ accountSid: ACCOUNT, authToken: 'key-secret', apiKeySid: 'SK0123456789abcdef0123456789abcdef' });
  try {
    const result = await new TwilioSmsSender({
      accountSid: ACCOUNT, authToken: 'key-secret', apiKeySid: 'SK0123456789abcdef0123456789abcdef',
      messagingServiceSid: 'MG0123456789abcdef0123456789abcdef', baseUrl: `${keyed.baseUrl}/`,
    }).send({ to: TO, text: TEXT });
    assert.match(result.providerId ?? '', /^SM/);
    const form = new URLSearchParams(keyed.received[0]?.body);
    assert.deepEqual([...form.keys()].sort(), ['Body', 'MessagingServiceSid', 'To']);
    assert.deepEqual(keyed.violations, []);
  } finally {
    await keyed.close();
  }
});

test('reports a rejected number (400, code 21211) as recipient_rejected with the provider code', async () => {
  await expectReason('rejected_recipient', 'recipient_rejected', 400, 21211);
});

test('reports wrong credentials (401, code 20003) as auth_failed', async () => {
  const log = recorder();
  const error = await failure(sender({ authToken: 'wrong', logger: log }).send({ to: TO, text: TEXT }));
  assert.equal(error.reason, 'auth_failed');
  assert.equal(error.providerCode, 20003);
  assert.ok(log.lines.some((l) => l.includes('"reason":"auth_failed"')));
  assert.ok(log.lines.every((l) => !l.includes('612345678') && !l.includes('493027')));
});

test('reports 429 as rate_limited, 500 as unavailable and an HTML 502 from a proxy as unavailable', async () => {
  await expectReason('rate_limited', 'rate_limited', 429, 20429);
  await expectReason('server_error', 'unavailable', 500, 20500);
  await expectReason('html_error', 'unavailable', 502, undefined);
});

test('gives up after the timeout when Twilio does not answer', async () => {
  fake.mode = 'hang';
  try {
    const started = Date.now();
    const error = await failure(sender({ timeoutMs: 200 }).send({ to: TO, text: TEXT }));
    assert.equal(error.reason, 'timeout');
    assert.ok(Date.now() - started < 2000);
  } finally {
    fake.mode = 'success';
  }
});

test('reports a refused connection as unavailable', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const error = await failure(sender({ baseUrl: `http://127.0.0.1:${port}` }).send({ to: TO, text: TEXT }));
  assert.equal(error.reason, 'unavailable');
});

test('refuses a configuration without credentials or without a sender', () => {
  assert.throws(() => new TwilioSmsSender({ accountSid: ACCOUNT, authToken: '', from: '+3197010000000' }));
  assert.throws(() => new TwilioSmsSender({ accountSid: ACCOUNT, authToken: TOKEN }));
});
