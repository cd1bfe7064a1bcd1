import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { NotifyError, type NotifyFailure, type NotifyLogger } from './notify-error';
import { MessageBirdSmsSender, type MessageBirdOptions } from './sms-messagebird';
import { startFakeMessageBird } from './fake-messagebird';
import type { FakeServer } from './fake-provider-http';

const KEY = 'live_test_access_key_0123456789';
const TO = '+32470123456';
const TEXT = 'Sealpost: your code is 771204. Valid for 10 minutes.';

let fake: FakeServer;
before(async () => {
  fake = await startFakeMessageBird({ accessKey: KEY });
});
after(() => fake.close());

function sender(extra: Partial<MessageBirdOptions> = {}): MessageBirdSmsSender {
  return new MessageBirdSmsSender({ accessKey: KEY, originator: 'Sealpost', baseUrl: fake.baseUrl, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<NotifyError> {
  const error = await promise.then(() => assert.fail('expected a failure'), (e: unknown) => e);
  assert.ok(error instanceof NotifyError);
  const visible = JSON.stringify({ ...error, message: error.message, stack: error.stack });
  assert.ok(!visible.includes('470123456') && !visible.includes('771204'), 'the error holds neither number nor text');
  return error;
}

async function expectReason(mode: FakeServer['mode'], reason: NotifyFailure, httpStatus?: number, providerCode?: number) {
  fake.mode = mode;
  try {
    const error = await failure(sender().send({ to: TO, text: TEXT }));
    assert.deepEqual([error.reason, error.httpStatus, error.providerCode], [reason, httpStatus, providerCode]);
  } finally {
    fake.mode = 'success';
  }
}

test('posts the documented JSON with an AccessKey header and returns the message id', async () => {
  fake.received.length = 0;
  const lines: string[] = [];
  const logger: NotifyLogger = { info: (o) => lines.push(JSON.stringify(o)), warn: (o) => lines.push(JSON.stringify(o)) };
  const result = await sender({ logger }).send({ to: TO, text: TEXT });

  assert.match(result.providerId ?? '', /^[0-9a-f]{32}$/);
  const [req] = fake.received;
  assert.ok(req);
  assert.equal(req.method, 'POST');
  assert.equal(req.path, '/messages');
  assert.equal(req.headers.authorization, `AccessKey ${KEY}`);
  assert.match(req.headers['content-type'] ?? '', /^application\/json/);
  assert.deepEqual(JSON.parse(req.body), { originator: 'Sealpost', recipients: [32470123456], body: TEXT });
  assert.deepEqual(fake.violations, []);
  assert.ok(lines.every((l) => !l.includes('470123456') && !l.includes('771204')), 'neither number nor text is logged');
});

test('reports a wrong access key (401, code 2) as auth_failed', async () => {
  const error = await failure(sender({ accessKey: 'wrong' }).send({ to: TO, text: TEXT }));
  assert.deepEqual([error.reason, error.httpStatus, error.providerCode], ['auth_failed', 401, 2]);
});

test('reports no correct recipients (422, code 9) as recipient_rejected', async () => {
  await expectReason('rejected_recipient', 'recipient_rejected', 422, 9);
});

test('reports 429 as rate_limited and server errors, JSON or HTML, as unavailable', async () => {
  await expectReason('rate_limited', 'rate_limited', 429, 98);
  await expectReason('server_error', 'unavailable', 500, 99);
  await expectReason('html_error', 'unavailable', 502, undefined);
});

test('gives up after the timeout when MessageBird does not answer', async () => {
  fake.mode = 'hang';
  try {
    const error = await failure(sender({ timeoutMs: 200 }).send({ to: TO, text: TEXT }));
    assert.equal(error.reason, 'timeout');
  } finally {
    fake.mode = 'success';
  }
});

test('refuses an originator that no SMS network would show', () => {
  assert.throws(() => sender({ originator: 'SealpostSecureMail' }));
  assert.throws(() => sender({ originator: 'Seal-post!' }));
  assert.doesNotThrow(() => sender({ originator: '+31970100000' }));
});
