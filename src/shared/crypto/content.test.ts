import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeContent, encodeContent, type SealedContent } from './index';
import { outcome } from './test-support';

const minimal: SealedContent = { v: 1, subject: '', html: '', attachments: [] };
const full: SealedContent = {
  v: 1,
  subject: 'Contract – signed',
  html: '<p>See attached.</p>',
  text: 'See attached.',
  from: { name: 'Ada', email: 'ada@example.com' },
  sentAt: '2025-06-30T12:00:00+02:00',
  attachments: [
    { part: 1, name: 'contract.pdf', type: 'application/pdf', size: 12345 },
    { part: 2, name: 'notes', type: 'text/plain; charset=utf-8', size: 0 },
  ],
};

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function decodeOutcome(bytes: Uint8Array): Promise<string> {
  return outcome(Promise.resolve().then(() => decodeContent(bytes)));
}

test('content round-trips through encodeContent and decodeContent', () => {
  assert.deepEqual(decodeContent(encodeContent(minimal)), minimal);
  assert.deepEqual(decodeContent(encodeContent(full)), full);
});

test('encodeContent writes keys in schema order whatever order the caller used', () => {
  const shuffled = { attachments: [], html: 'h', v: 1, subject: 's', text: 't' } as SealedContent;
  const written = new TextDecoder().decode(encodeContent(shuffled));
  assert.equal(written, '{"v":1,"subject":"s","html":"h","text":"t","attachments":[]}');
});

test('encodeContent refuses content that decodeContent would reject', async () => {
  const bad = { ...minimal, attachments: [{ part: 0, name: 'x', type: 'text/plain', size: 1 }] };
  assert.equal(await outcome(Promise.resolve().then(() => encodeContent(bad))), 'bad_content');
});

const invalid: [string, unknown][] = [
  ['a version other than 1', { ...minimal, v: 2 }],
  ['a missing subject', { v: 1, html: '', attachments: [] }],
  ['a missing attachment list', { v: 1, subject: '', html: '' }],
  ['an unknown top-level key', { ...minimal, bcc: 'x' }],
  ['a prototype key', JSON.parse('{"v":1,"subject":"","html":"","attachments":[],"__proto__":{}}')],
  ['a non-string html', { ...minimal, html: 5 }],
  ['a null text', { ...minimal, text: null }],
  ['a sender without an address', { ...minimal, from: { name: 'x' } }],
  ['a sender with an extra key', { ...minimal, from: { name: 'x', email: 'y', phone: 'z' } }],
  ['a sentAt that is not a date-time', { ...minimal, sentAt: 'yesterday' }],
  ['a sentAt without a time zone', { ...minimal, sentAt: '2025-01-02T03:04:05' }],
  ['an impossible sentAt', { ...minimal, sentAt: '2025-13-45T03:04:05Z' }],
  ['attachments that are not a list', { ...minimal, attachments: {} }],
  ['an attachment that is not an object', { ...minimal, attachments: ['x'] }],
  ['an attachment for part 0', { ...minimal, attachments: [{ part: 0, name: 'a', type: 'a/b', size: 1 }] }],
  ['a fractional part number', { ...minimal, attachments: [{ part: 1.5, name: 'a', type: 'a/b', size: 1 }] }],
  ['a negative size', { ...minimal, attachments: [{ part: 1, name: 'a', type: 'a/b', size: -1 }] }],
  ['a size given as a string', { ...minimal, attachments: [{ part: 1, name: 'a', type: 'a/b', size: '1' }] }],
  ['a type that is not a MIME type', { ...minimal, attachments: [{ part: 1, name: 'a', type: 'pdf', size: 1 }] }],
  ['an attachment with an extra key', { ...minimal, attachments: [{ part: 1, name: 'a', type: 'a/b', size: 1, url: 'x' }] }],
  ['two attachments for one part', { ...minimal, attachments: [
    { part: 1, name: 'a', type: 'a/b', size: 1 }, { part: 1, name: 'b', type: 'a/b', size: 1 }] }],
  ['an array', [minimal]],
  ['null', null],
];

for (const [what, value] of invalid) {
  test(`decodeContent rejects ${what} with bad_content`, async () => {
    assert.equal(await decodeOutcome(json(value)), 'bad_content');
  });
}

test('decodeContent rejects invalid UTF-8, invalid JSON and a byte-order mark', async () => {
  const valid = encodeContent(minimal);
  assert.equal(await decodeOutcome(Uint8Array.of(0x7b, 0xff, 0x7d)), 'bad_content');
  assert.equal(await decodeOutcome(valid.subarray(0, valid.length - 1)), 'bad_content');
  assert.equal(await decodeOutcome(new Uint8Array(0)), 'bad_content');
  assert.equal(await decodeOutcome(Uint8Array.of(0xef, 0xbb, 0xbf, ...valid)), 'bad_content');
});
