import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concatBytes } from './bytes';
import {
  ciphertextSize,
  decryptBytes,
  decryptPart,
  encryptBytes,
  encryptPart,
  HEADER_SIZE,
  newId,
  newLinkSecret,
  partLabel,
  randomBytes,
  RECORD_SIZE,
} from './index';
import { transformChunks } from './test-support';

const km = { linkSecret: newLinkSecret(), serverShare: randomBytes(32), messageId: newId() };
const SIZES = [0, 1, RECORD_SIZE - 1, RECORD_SIZE, RECORD_SIZE + 1, 2 * RECORD_SIZE, 2 * RECORD_SIZE + 5];
const CHUNKINGS: Record<string, number[]> = {
  '1-byte': [1],
  '7-byte': [7],
  '65535-byte': [65535],
  '65537-byte': [65537],
  mixed: [1, 65535, 7, 65537, 3000, 131072],
};

test('ciphertextSize follows 24 + n + 16 per record, with at least one record', () => {
  assert.equal(ciphertextSize(0), 40);
  assert.equal(ciphertextSize(1), 41);
  assert.equal(ciphertextSize(RECORD_SIZE), 65576);
  assert.equal(ciphertextSize(RECORD_SIZE + 1), 65593);
  assert.equal(ciphertextSize(2 * RECORD_SIZE + 5), 131149);
  assert.equal(ciphertextSize(2 ** 30), 2 ** 30 + 24 + 16 * 2 ** 14);
  for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) assert.throws(() => ciphertextSize(bad), RangeError);
});

test('partLabel writes the index in decimal without leading zeros and refuses non-indices', () => {
  assert.equal(partLabel(0), 'part/0');
  assert.equal(partLabel(12), 'part/12');
  for (const bad of [-1, 1.5, Number.NaN]) assert.throws(() => partLabel(bad), RangeError);
});

for (const size of SIZES) {
  test(`a ${size}-byte part round-trips through the byte API at exactly ciphertextSize bytes`, async () => {
    const plaintext = randomBytes(size);
    const ciphertext = await encryptBytes(km, 'part/1', plaintext);
    assert.equal(ciphertext.length, ciphertextSize(size));
    assert.deepEqual(await decryptBytes(km, 'part/1', ciphertext), plaintext);
  });
}

for (const [name, chunks] of Object.entries(CHUNKINGS)) {
  test(`the streams round-trip with ${name} input chunks and emit whole records`, async () => {
    // Every chunk costs a few stream turns, so 1-byte chunks cross just one record boundary.
    const sizes = chunks[0] === 1 ? [0, 1, RECORD_SIZE + 5] : [0, 1, RECORD_SIZE, 2 * RECORD_SIZE + 5];
    for (const size of sizes) {
      const plaintext = randomBytes(size);
      const sealed = await transformChunks(encryptPart(km, 'part/2'), plaintext, chunks);
      const records = Math.max(1, Math.ceil(size / RECORD_SIZE));
      const expected = [HEADER_SIZE, ...Array.from({ length: records }, (_, i) =>
        Math.min(RECORD_SIZE, size - i * RECORD_SIZE) + 16)];
      assert.deepEqual(sealed.map((c) => c.length), expected);
      const opened = await transformChunks(decryptPart(km, 'part/2'), concatBytes(sealed), chunks);
      assert.deepEqual(concatBytes(opened), plaintext);
    }
  });
}

test('two encryptions of the same part differ because each draws a fresh salt', async () => {
  const plaintext = new Uint8Array(100);
  const a = await encryptBytes(km, 'part/1', plaintext);
  const b = await encryptBytes(km, 'part/1', plaintext);
  assert.deepEqual(a.subarray(0, 8), Uint8Array.of(0x53, 0x50, 0x45, 0x31, 1, 0x10, 0, 0));
  assert.notDeepEqual(a.subarray(8, 24), b.subarray(8, 24));
  assert.notDeepEqual(a.subarray(24), b.subarray(24));
});

test('wiping the key material after creating the streams does not affect them', async () => {
  const mine = { linkSecret: newLinkSecret(), serverShare: randomBytes(32), messageId: newId() };
  const copy = { ...mine, linkSecret: mine.linkSecret.slice(), serverShare: mine.serverShare.slice() };
  const encrypt = encryptPart(mine, 'part/1');
  const decrypt = decryptPart(mine, 'part/1');
  mine.linkSecret.fill(0);
  mine.serverShare.fill(0);
  const sealed = concatBytes(await transformChunks(encrypt, Uint8Array.of(1, 2, 3), [3]));
  assert.deepEqual(await decryptBytes(copy, 'part/1', sealed), Uint8Array.of(1, 2, 3));
  assert.deepEqual(concatBytes(await transformChunks(decrypt, sealed, [5])), Uint8Array.of(1, 2, 3));
});

test('malformed key material and labels are refused as programming errors', () => {
  const short = { ...km, linkSecret: new Uint8Array(31) };
  assert.throws(() => encryptPart(short, 'part/1'), TypeError);
  assert.throws(() => decryptPart({ ...km, serverShare: new Uint8Array(33) }, 'part/1'), TypeError);
  assert.throws(() => encryptPart({ ...km, messageId: 'not-an-id' }, 'part/1'), TypeError);
  for (const label of ['part/01', 'part/-1', 'part/', 'parts/1', 'reply/short', 'part/1\u0000', '']) {
    assert.throws(() => encryptPart(km, label), TypeError, label);
  }
  assert.doesNotThrow(() => encryptPart(km, `reply/${newId()}`));
});
