import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromBase64Url, newId, newLinkSecret, randomBytes, toBase64Url } from './index';
import { outcome } from './test-support';

test('base64url matches the RFC 4648 §5 alphabet without padding for every length', () => {
  for (let length = 0; length < 70; length++) {
    const bytes = randomBytes(length);
    const text = toBase64Url(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64url'));
    assert.deepEqual(fromBase64Url(text), bytes);
  }
  assert.equal(toBase64Url(Uint8Array.of(0xfb, 0xff, 0xbf)), '-_-_');
});

test('base64url decoding rejects padding, whitespace, foreign characters and impossible lengths', async () => {
  for (const text of ['AA==', 'AAA=', 'AA AA', ' AAAA', 'AAAA\n', 'AA+A', 'AA/A', 'AA.A', 'AÄAA', 'A', 'AAAAA']) {
    assert.equal(await outcome(Promise.resolve().then(() => fromBase64Url(text))), 'bad_encoding', JSON.stringify(text));
  }
});

test('base64url decoding rejects non-zero unused trailing bits, so each value has one spelling', async () => {
  assert.deepEqual(fromBase64Url('AA'), Uint8Array.of(0));
  assert.deepEqual(fromBase64Url('AAA'), Uint8Array.of(0, 0));
  for (const text of ['AB', 'AP', 'AAB', 'AAD', '_-9']) {
    assert.equal(await outcome(Promise.resolve().then(() => fromBase64Url(text))), 'bad_encoding', text);
  }
});

test('randomBytes fills requests larger than one getRandomValues call', () => {
  const bytes = randomBytes(200_000);
  assert.equal(bytes.length, 200_000);
  // The last slice must be filled too: 4096 zero bytes in a row would be a one in 2^32768 event.
  assert.ok(bytes.subarray(196_000).some((b) => b !== 0));
  assert.equal(randomBytes(0).length, 0);
  assert.throws(() => randomBytes(-1), RangeError);
});

test('new ids are 22 canonical base64url characters for 16 bytes and new link secrets are 32 bytes', () => {
  const ids = new Set(Array.from({ length: 100 }, () => newId()));
  assert.equal(ids.size, 100);
  for (const id of ids) {
    assert.match(id, /^[A-Za-z0-9_-]{21}[AQgw]$/);
    assert.equal(fromBase64Url(id).length, 16);
  }
  assert.equal(newLinkSecret().length, 32);
  assert.notDeepEqual(newLinkSecret(), newLinkSecret());
});
