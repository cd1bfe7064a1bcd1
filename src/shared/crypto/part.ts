import { concatBytes, ownBuffer } from './bytes';
import { HEADER_SIZE, RECORD_SIZE, SALT_BYTES, TAG_BYTES } from './constants';
import { decryptPart } from './decrypt-stream';
import { createEncryptStream } from './encrypt-stream';
import type { PartKeyMaterial } from './part-key';
import { randomBytes } from './random';

/** Exact encrypted size of a part with `plaintextSize` bytes; the sender declares it before upload. */
export function ciphertextSize(plaintextSize: number): number {
  if (!Number.isSafeInteger(plaintextSize) || plaintextSize < 0) {
    throw new RangeError('plaintext size must be a non-negative integer');
  }
  const records = Math.max(1, Math.ceil(plaintextSize / RECORD_SIZE));
  const size = HEADER_SIZE + plaintextSize + TAG_BYTES * records;
  if (!Number.isSafeInteger(size)) throw new RangeError('plaintext size too large');
  return size;
}

/** Encrypts one part as a stream with a fresh random salt (header first, then records). */
export function encryptPart(km: PartKeyMaterial, label: string): TransformStream<Uint8Array, Uint8Array<ArrayBuffer>> {
  return createEncryptStream(km, label, randomBytes(SALT_BYTES));
}

/** Encrypts a whole part held in memory; leave `plaintext` unchanged until the promise settles. */
export function encryptBytes(km: PartKeyMaterial, label: string, plaintext: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return encryptBytesWithSalt(km, label, plaintext, randomBytes(SALT_BYTES));
}

/**
 * FOR KNOWN-ANSWER TESTS ONLY. Encrypts with a caller-chosen salt; reusing a salt with the same
 * secrets, message and label reuses the part key and its nonces, which destroys confidentiality.
 */
export function encryptBytesWithSalt(
  km: PartKeyMaterial,
  label: string,
  plaintext: Uint8Array,
  salt: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return runThrough(createEncryptStream(km, label, salt), plaintext);
}

/** Decrypts a whole part held in memory, with the same checks and error codes as `decryptPart`. */
export function decryptBytes(km: PartKeyMaterial, label: string, ciphertext: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return runThrough(decryptPart(km, label), ciphertext);
}

/** Pushes one buffer through a transform and collects the output; the bytes API shares the stream rules. */
async function runThrough(
  stream: TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>,
  input: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = writer.write(ownBuffer(input)).then(() => writer.close());
  // A failing transform rejects both sides with the same error; it is reported by the reader.
  writing.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  await writing;
  return concatBytes(chunks, total);
}
