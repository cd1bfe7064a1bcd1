import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { concatBytes } from './bytes';
import { createEncryptStream } from './encrypt-stream';
import {
  decodeContent,
  decryptBytes,
  encodeContent,
  encryptBytesWithSalt,
  formatLink,
  parseLink,
  unwrapServerShare,
  wrapServerShareWithNonce,
  type SealedContent,
} from './index';
import { partKeyInfo } from './part-key';
import { fromHex, hex, patternBytes, transformChunks } from './test-support';

interface PartVector {
  name: string;
  label: string;
  salt: string;
  info: string;
  content?: SealedContent;
  plaintext?: string;
  plaintextPattern?: { length: number };
  ciphertext: string;
}
const vectors = JSON.parse(readFileSync(new URL('./vectors.json', import.meta.url), 'utf8'));
const km = { linkSecret: fromHex(vectors.linkSecret), serverShare: fromHex(vectors.serverShare), messageId: vectors.messageId };
const parts: PartVector[] = vectors.parts;

function plaintextOf(v: PartVector): Uint8Array {
  return v.plaintext !== undefined ? fromHex(v.plaintext) : patternBytes(v.plaintextPattern!.length);
}

for (const v of parts) {
  test(`encryption with the fixed salt reproduces the "${v.name}" vector byte for byte`, async () => {
    assert.equal(hex(partKeyInfo(km.messageId, v.label)), v.info);
    const ciphertext = await encryptBytesWithSalt(km, v.label, plaintextOf(v), fromHex(v.salt));
    assert.equal(hex(ciphertext), v.ciphertext);
  });

  test(`the encrypt stream reproduces the "${v.name}" vector from 7-byte chunks`, async () => {
    const chunks = await transformChunks(createEncryptStream(km, v.label, fromHex(v.salt)), plaintextOf(v), [7]);
    assert.equal(hex(concatBytes(chunks)), v.ciphertext);
  });

  test(`decryption recovers the plaintext of the "${v.name}" vector`, async () => {
    const plaintext = await decryptBytes(km, v.label, fromHex(v.ciphertext));
    assert.deepEqual(plaintext, plaintextOf(v));
  });
}

test('the content vector is exactly what encodeContent writes and decodeContent reads back', () => {
  const v = parts.find((p) => p.content)!;
  assert.equal(hex(encodeContent(v.content!)), v.plaintext);
  assert.deepEqual(decodeContent(fromHex(v.plaintext!)), v.content);
});

test('formatLink reproduces the link vector and parseLink inverts it', () => {
  assert.equal(formatLink(vectors.link.baseUrl, km.messageId, km.linkSecret), vectors.link.url);
  assert.deepEqual(parseLink(vectors.link.url), { messageId: km.messageId, linkSecret: km.linkSecret });
});

test('share wrapping with the fixed nonce reproduces the wrap vector, which unwraps', async () => {
  const w = vectors.shareWrap;
  const wrapped = await wrapServerShareWithNonce(fromHex(w.wrapKey), w.messageId, fromHex(w.share), fromHex(w.nonce));
  assert.equal(hex(wrapped), w.wrapped);
  assert.equal(hex(await unwrapServerShare(fromHex(w.wrapKey), w.messageId, wrapped)), w.share);
});
