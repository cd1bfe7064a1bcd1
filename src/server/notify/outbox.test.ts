import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSmsOutbox, MemorySmsOutbox, readSmsOutbox } from './sms-outbox';
import { FileMailOutbox, MemoryMailOutbox, readMailOutbox } from './mail-outbox';
import { NotifyError } from './notify-error';

async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sealpost-outbox-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fixedNow = () => new Date('2025-03-01T12:00:00.000Z');

test('appends one JSON line per SMS, creating the directory, and reads them back in order', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'nested', 'deeper', 'sms.jsonl');
    const outbox = new FileSmsOutbox(path, undefined, fixedNow);
    await outbox.send({ to: '+31612345678', text: 'first' });
    await outbox.send({ to: '+32470123456', text: 'second\nline' });

    assert.deepEqual(await readSmsOutbox(path), [
      { at: '2025-03-01T12:00:00.000Z', to: '+31612345678', text: 'first' },
      { at: '2025-03-01T12:00:00.000Z', to: '+32470123456', text: 'second\nline' },
    ]);
  });
});

test('keeps the outbox file private to the service user, since it holds live codes', async () => {
  if (process.platform === 'win32') return;
  await withTempDir(async (dir) => {
    const path = join(dir, 'out', 'sms.jsonl');
    await new FileSmsOutbox(path).send({ to: '+31612345678', text: 'x' });
    assert.equal((await stat(path)).mode & 0o077, 0);
    assert.equal((await stat(join(dir, 'out'))).mode & 0o077, 0);
  });
});

test('keeps every line whole when many messages are written at once', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'sms.jsonl');
    const outbox = new FileSmsOutbox(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => outbox.send({ to: '+31612345678', text: `message ${i} ${'x'.repeat(500)}` })));
    const entries = await readSmsOutbox(path);
    assert.equal(entries.length, 50);
    assert.deepEqual(new Set(entries.map((e) => e.text.split(' ')[1])).size, 50);
  });
});

test('reads a missing outbox as empty and skips a line cut short by a crash', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'mail.jsonl');
    assert.deepEqual(await readMailOutbox(path), []);
    await new FileMailOutbox(path, undefined, fixedNow).send({ to: 'anne@example.test', subject: 'S', text: 'T', html: '<p>T</p>' });
    await appendFile(path, '{"at":"2025-03-01T12:00:00.000Z","to":"cut');
    assert.deepEqual(await readMailOutbox(path), [{ at: '2025-03-01T12:00:00.000Z', to: 'anne@example.test', subject: 'S', text: 'T' }]);
  });
});

test('keeps SMS in memory, finds the latest per number and fails on request', async () => {
  const memory = new MemorySmsOutbox(fixedNow);
  await memory.send({ to: '+31612345678', text: 'one' });
  await memory.send({ to: '+31612345678', text: 'two' });
  assert.equal(memory.lastTo('+31612345678')?.text, 'two');
  assert.equal(memory.lastTo('+32470123456'), undefined);

  memory.failNext('rate_limited');
  await assert.rejects(memory.send({ to: '+31612345678', text: 'three' }), (e: unknown) => e instanceof NotifyError && e.reason === 'rate_limited');
  assert.equal(memory.sent.length, 2, 'a failed send is not recorded');
  await memory.send({ to: '+31612345678', text: 'four' });
  memory.clear();
  assert.equal(memory.sent.length, 0);
});

test('keeps e-mail with its HTML in memory and fails on request', async () => {
  const memory = new MemoryMailOutbox(fixedNow);
  await memory.send({ to: 'anne@example.test', subject: 'S', text: 'T', html: '<p>T</p>' });
  assert.equal(memory.lastTo('anne@example.test')?.html, '<p>T</p>');
  memory.failNext();
  await assert.rejects(memory.send({ to: 'anne@example.test', subject: 'S', text: 'T' }), (e: unknown) => e instanceof NotifyError && e.channel === 'mail');
});
