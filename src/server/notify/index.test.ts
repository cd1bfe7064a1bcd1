import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import {
  FileMailOutbox, FileSmsOutbox, MessageBirdSmsSender, SmtpMailer, TwilioSmsSender,
  codeSms, createNotifiers, readSmsOutbox, type NotifyLogger,
} from './index';
import { startFakeTwilio } from './fake-twilio';

test('builds the development outboxes, and a code sent through them can be read back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sealpost-notify-'));
  try {
    const notifiers = createNotifiers({ sms: { kind: 'outbox', path: join(dir, 'sms.jsonl') }, mail: { kind: 'outbox', path: join(dir, 'mail.jsonl') } });
    assert.ok(notifiers.sms instanceof FileSmsOutbox);
    assert.ok(notifiers.mail instanceof FileMailOutbox);
    await notifiers.sms.send({ to: '+31612345678', text: codeSms('nl', '314159') });
    const [entry] = await readSmsOutbox(join(dir, 'sms.jsonl'));
    assert.match(entry?.text ?? '', /314159/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('builds Twilio, MessageBird and SMTP senders from their configuration', () => {
  const twilio = createNotifiers({
    sms: { kind: 'twilio', accountSid: 'AC1', authToken: 't', from: '+3197010000000' },
    mail: { kind: 'smtp', host: 'smtp.example.test', port: 587, secure: false, requireTls: true, from: 'no-reply@example.test' },
  });
  assert.ok(twilio.sms instanceof TwilioSmsSender);
  assert.ok(twilio.mail instanceof SmtpMailer);
  const bird = createNotifiers({
    sms: { kind: 'messagebird', accessKey: 'k', originator: 'Sealpost' },
    mail: { kind: 'outbox', path: 'unused.jsonl' },
  });
  assert.ok(bird.sms instanceof MessageBirdSmsSender);
});

test('refuses a provider configuration that cannot send', () => {
  assert.throws(() => createNotifiers({ sms: { kind: 'twilio', accountSid: 'AC1', authToken: 't' }, mail: { kind: 'outbox', path: 'x' } }));
  assert.throws(() => createNotifiers({ sms: { kind: 'messagebird', accessKey: 'k', originator: 'Far too long a name' }, mail: { kind: 'outbox', path: 'x' } }));
});

test('passes a pino logger through to the provider, which logs the outcome without the number', async () => {
  const fake = await startFakeTwilio({ accountSid: 'AC1', authToken: 't' });
  const lines: string[] = [];
  const logger: NotifyLogger = pino({ base: undefined }, { write: (line: string) => void lines.push(line) });
  try {
    const { sms } = createNotifiers(
      { sms: { kind: 'twilio', accountSid: 'AC1', authToken: 't', from: '+3197010000000', baseUrl: fake.baseUrl }, mail: { kind: 'outbox', path: 'x' } },
      logger,
    );
    const { providerId } = await sms.send({ to: '+31612345678', text: codeSms('en', '271828') });
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    assert.equal(line.event, 'sms_sent');
    assert.equal(line.providerId, providerId);
    assert.ok(!lines[0]?.includes('612345678') && !lines[0]?.includes('271828'));
  } finally {
    await fake.close();
  }
});
