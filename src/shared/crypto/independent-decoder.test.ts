/**
 * A second, independent implementation of docs/crypto.md using only node:crypto. It imports
 * nothing from this folder: if it decodes the committed vectors, the document is precise enough
 * for a third party, and the vectors match the document rather than just our code.
 */
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface PartVector {
  name: string;
  label: string;
  salt: string;
  info: string;
  partKey: string;
  plaintext?: string;
  plaintextPattern?: { length: number };
  ciphertextSize: number;
  ciphertextSha256: string;
  ciphertext: string;
}
const vectors = JSON.parse(readFileSync(new URL('./vectors.json', import.meta.url), 'utf8'));
const parts: PartVector[] = vectors.parts;
const linkSecret = Buffer.from(vectors.linkSecret, 'hex');
const serverShare = Buffer.from(vectors.serverShare, 'hex');
const messageId: string = vectors.messageId;

const RECORD = 65536;
const SEALED = RECORD + 16;

function plaintextOf(v: PartVector): Buffer {
  if (v.plaintext !== undefined) return Buffer.from(v.plaintext, 'hex');
  return Buffer.from(Array.from({ length: v.plaintextPattern!.length }, (_, i) => i % 251));
}

function partKey(salt: Buffer, label: string): Buffer {
  const info = Buffer.from(`sealpost/v1/part-key\u0000${messageId}\u0000${label}`, 'utf8');
  return Buffer.from(hkdfSync('sha256', Buffer.concat([linkSecret, serverShare]), salt, info, 32));
}

function nonce(counter: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(counter, 5, 6);
  n[11] = final ? 1 : 0;
  return n;
}

function decode(part: Buffer, label: string): Buffer {
  const header = part.subarray(0, 24);
  assert.deepEqual(header.subarray(0, 8), Buffer.from('5350453101100000', 'hex'), 'fixed header bytes');
  const key = partKey(header.subarray(8, 24), label);
  const out: Buffer[] = [];
  let offset = 24;
  for (let i = 0; ; i++) {
    const final = part.length - offset <= SEALED;
    const record = part.subarray(offset, final ? part.length : offset + SEALED);
    assert.ok(record.length >= 16, 'a record holds at least its tag');
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(i, final));
    decipher.setAAD(header);
    decipher.setAuthTag(record.subarray(record.length - 16));
    out.push(decipher.update(record.subarray(0, record.length - 16)), decipher.final());
    if (final) {
      assert.ok(record.length > 16 || i === 0, 'an empty final record only for an empty part');
      return Buffer.concat(out);
    }
    offset += SEALED;
  }
}

function encode(plaintext: Buffer, label: string, salt: Buffer): Buffer {
  const header = Buffer.concat([Buffer.from('5350453101100000', 'hex'), salt]);
  const key = partKey(salt, label);
  const out = [header];
  const records = Math.max(1, Math.ceil(plaintext.length / RECORD));
  for (let i = 0; i < records; i++) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(i, i === records - 1));
    cipher.setAAD(header);
    out.push(cipher.update(plaintext.subarray(i * RECORD, (i + 1) * RECORD)), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat(out);
}

for (const v of parts) {
  test(`an independent decoder following the document decrypts the "${v.name}" vector`, () => {
    const ciphertext = Buffer.from(v.ciphertext, 'hex');
    assert.equal(createHash('sha256').update(ciphertext).digest('hex'), v.ciphertextSha256);
    assert.equal(ciphertext.length, v.ciphertextSize);
    assert.equal(partKey(Buffer.from(v.salt, 'hex'), v.label).toString('hex'), v.partKey);
    assert.deepEqual(decode(ciphertext, v.label), plaintextOf(v));
  });

  test(`an independent encoder following the document reproduces the "${v.name}" vector`, () => {
    const again = encode(plaintextOf(v), v.label, Buffer.from(v.salt, 'hex'));
    assert.equal(again.toString('hex'), v.ciphertext);
  });
}

test('an independent implementation unwraps the server share vector', () => {
  const w = vectors.shareWrap;
  const wrapped = Buffer.from(w.wrapped, 'hex');
  assert.equal(wrapped.length, 61);
  assert.equal(wrapped[0], 1);
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(w.wrapKey, 'hex'), wrapped.subarray(1, 13));
  decipher.setAAD(Buffer.concat([Buffer.from('sealpost/v1/share-wrap'), Buffer.of(0), Buffer.from(w.messageId)]));
  decipher.setAuthTag(wrapped.subarray(45));
  const share = Buffer.concat([decipher.update(wrapped.subarray(13, 45)), decipher.final()]);
  assert.equal(share.toString('hex'), w.share);
});

test('the link vector carries the message id in the path and the link secret in the fragment', () => {
  const url = new URL(vectors.link.url);
  assert.equal(url.pathname, `/m/${messageId}`);
  assert.equal(Buffer.from(url.hash.slice(1), 'base64url').toString('hex'), vectors.linkSecret);
  assert.equal(url.hash.length, 44);
});
