import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concatBytes } from './bytes';
import { HEADER_SIZE, RECORD_SIZE, SEALED_RECORD_SIZE } from './constants';
import { buildHeader } from './header';
import { decryptBytes, decryptPart, encryptBytes, newId, newLinkSecret, randomBytes, type PartKeyMaterial } from './index';
import { derivePartKey } from './part-key';
import { sealRecord } from './record';
import { outcome, transformChunks } from './test-support';

const km: PartKeyMaterial = { linkSecret: newLinkSecret(), serverShare: randomBytes(32), messageId: newId() };
const LABEL = 'part/1';
// Three records: two full ones and a final one of 5 bytes (21 sealed bytes).
const sealed = await encryptBytes(km, LABEL, randomBytes(2 * RECORD_SIZE + 5));
// Two records, the second full and final.
const sealedFull = await encryptBytes(km, LABEL, randomBytes(2 * RECORD_SIZE));
const R0 = HEADER_SIZE;
const R1 = R0 + SEALED_RECORD_SIZE;
const R2 = R1 + SEALED_RECORD_SIZE;

function flip(bytes: Uint8Array, at: number, value?: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = value ?? copy[at]! ^ 0x01;
  return copy;
}

/** Decrypts with the byte API and with the stream (odd chunks) and returns both outcomes. */
async function outcomes(bytes: Uint8Array, keys: PartKeyMaterial = km, label = LABEL): Promise<[string, string]> {
  return [
    await outcome(decryptBytes(keys, label, bytes)),
    await outcome(transformChunks(decryptPart(keys, label), bytes, [3, 65537, 1000])),
  ];
}

function swapFirstRecords(bytes: Uint8Array): Uint8Array {
  return concatBytes([bytes.subarray(0, R0), bytes.subarray(R1, R2), bytes.subarray(R0, R1), bytes.subarray(R2)]);
}

/** A part sealed by hand from [plaintext bytes, final flag] pairs, for encodings no encoder writes. */
async function handmade(records: [bytes: number, final: boolean][]): Promise<Uint8Array> {
  const salt = randomBytes(16);
  const header = buildHeader(salt);
  const key = await derivePartKey(km, LABEL, salt, 'encrypt');
  const out: Uint8Array[] = [header];
  for (const [i, [bytes, final]] of records.entries()) out.push(await sealRecord(key, header, i, final, randomBytes(bytes)));
  return concatBytes(out);
}

const cases: [string, () => Uint8Array | Promise<Uint8Array>, string][] = [
  ['a changed magic byte', () => flip(sealed, 0), 'bad_header'],
  ['an unknown version', () => flip(sealed, 4, 2), 'bad_header'],
  ['another record size exponent', () => flip(sealed, 5, 0x0f), 'bad_header'],
  ['a non-zero reserved byte', () => flip(sealed, 7, 1), 'bad_header'],
  ['a changed salt byte', () => flip(sealed, 8 + 15), 'auth_failed'],
  ['a changed byte in a record body', () => flip(sealed, R0 + 100), 'auth_failed'],
  ['a changed byte in a record tag', () => flip(sealed, R2 - 1), 'auth_failed'],
  ['a changed byte in the final record body', () => flip(sealed, R2 + 2), 'auth_failed'],
  ['a changed byte in the final record tag', () => flip(sealed, sealed.length - 1), 'auth_failed'],
  ['two records swapped', () => swapFirstRecords(sealed), 'auth_failed'],
  ['a record duplicated', () => concatBytes([sealed.subarray(0, R1), sealed.subarray(R0)]), 'auth_failed'],
  ['the final record dropped', () => sealed.slice(0, R2), 'truncated'],
  ['a cut at a record boundary', () => sealed.slice(0, R1), 'truncated'],
  ['a cut inside a record', () => sealed.slice(0, R1 + 1000), 'auth_failed'],
  ['a cut leaving less than a tag of the final record', () => sealed.slice(0, R2 + 10), 'truncated'],
  ['only the header', () => sealed.slice(0, HEADER_SIZE), 'truncated'],
  ['part of the header', () => sealed.slice(0, 10), 'truncated'],
  ['no bytes at all', () => new Uint8Array(0), 'truncated'],
  ['bytes appended after a short final record', () => concatBytes([sealed, Uint8Array.of(0)]), 'auth_failed'],
  ['bytes appended after a full final record', () => concatBytes([sealedFull, Uint8Array.of(0)]), 'trailing_data'],
  ['a record appended after a full final record', () => concatBytes([sealedFull, sealedFull.subarray(R1)]), 'trailing_data'],
  ['an empty final record after a full record', () => handmade([[RECORD_SIZE, false], [0, true]]), 'trailing_data'],
  ['a final record followed by another record', () => handmade([[RECORD_SIZE, true], [5, true]]), 'trailing_data'],
  ['a short record marked non-final at the end', () => handmade([[RECORD_SIZE, false], [5, false]]), 'auth_failed'],
];

for (const [what, make, code] of cases) {
  test(`decryption rejects ${what} with ${code}`, async () => {
    assert.deepEqual(await outcomes(await make()), [code, code]);
  });
}

test('decryption rejects a wrong link secret, server share, message id or label with auth_failed', async () => {
  assert.deepEqual(await outcomes(sealed, { ...km, linkSecret: newLinkSecret() }), ['auth_failed', 'auth_failed']);
  assert.deepEqual(await outcomes(sealed, { ...km, serverShare: randomBytes(32) }), ['auth_failed', 'auth_failed']);
  assert.deepEqual(await outcomes(sealed, { ...km, messageId: newId() }), ['auth_failed', 'auth_failed']);
  assert.deepEqual(await outcomes(sealed, km, 'part/2'), ['auth_failed', 'auth_failed']);
  assert.deepEqual(await outcomes(sealed, km, `reply/${newId()}`), ['auth_failed', 'auth_failed']);
});

test('a wrong header is reported as soon as its first bytes arrive, before the stream ends', async () => {
  const stream = decryptPart(km, LABEL);
  const writer = stream.writable.getWriter();
  const reading = outcome(stream.readable.getReader().read());
  await outcome(writer.write(Uint8Array.of(0x53, 0x50, 0x46)));
  assert.equal(await reading, 'bad_header');
});

test('a stream cut at a record boundary yields the authentic records, then fails with truncated', async () => {
  const stream = decryptPart(km, LABEL);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = writer.write(sealed.slice(0, R2)).then(() => writer.close());
  writing.catch(() => undefined);
  assert.equal((await reader.read()).value?.length, RECORD_SIZE);
  assert.equal(await outcome(reader.read()), 'truncated');
});
