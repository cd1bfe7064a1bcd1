import { NONCE_BYTES } from './constants';

const TWO_POW_32 = 2 ** 32;

/**
 * Nonce of record `counter`: the counter as an 11-byte big-endian integer, then 0x01 for the final
 * record or 0x00 otherwise. Binding position and finality into the nonce is what makes reordering,
 * truncation and extension fail authentication (the STREAM construction).
 */
export function recordNonce(counter: number, final: boolean): Uint8Array<ArrayBuffer> {
  return writeRecordNonce(new Uint8Array(NONCE_BYTES), counter, final);
}

/** Writes the nonce of record `counter` into `nonce` (12 bytes) and returns it. */
export function writeRecordNonce(nonce: Uint8Array<ArrayBuffer>, counter: number, final: boolean): Uint8Array<ArrayBuffer> {
  // A JS number stays exact up to 2^53 records (2^69 bytes), far beyond any real part.
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('record counter out of range');
  if (nonce.length !== NONCE_BYTES) throw new RangeError('a record nonce has 12 bytes');
  // Bytes are stored one by one (a typed array keeps the low 8 bits) rather than through a
  // DataView: asking a small typed array for its .buffer makes V8 move it off the heap, which
  // measurably slowed every record. Below 2^53 the high word is below 2^21, so bytes 0..3 are 0.
  const high = Math.floor(counter / TWO_POW_32);
  nonce[0] = 0;
  nonce[1] = 0;
  nonce[2] = 0;
  nonce[3] = 0;
  nonce[4] = high >>> 16;
  nonce[5] = high >>> 8;
  nonce[6] = high;
  nonce[7] = counter >>> 24;
  nonce[8] = counter >>> 16;
  nonce[9] = counter >>> 8;
  nonce[10] = counter;
  nonce[11] = final ? 1 : 0;
  return nonce;
}

/*
 * The functions below return WebCrypto's promise itself, or with one reaction attached, not an
 * async function's promise: they run once per record, and each extra promise layer costs a
 * measurable share of the per-record time in browsers.
 */

/**
 * Encrypts one record under `nonce` (see recordNonce). WebCrypto copies the nonce and the
 * plaintext before returning, so callers may reuse both.
 */
export function encryptRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  nonce: Uint8Array<ArrayBuffer>,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<ArrayBuffer> {
  return globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: header }, key, plaintext);
}

/** Encrypts record `counter` into a byte array. */
export function sealRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  final: boolean,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return encryptRecord(key, header, recordNonce(counter, final), plaintext).then(toBytes);
}

/**
 * Decrypts one record under `nonce` (see recordNonce); rejects with an OperationError when its tag
 * does not verify under that position and flag. WebCrypto copies the nonce before returning.
 */
export function decryptRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  nonce: Uint8Array<ArrayBuffer>,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<ArrayBuffer> {
  return globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: header }, key, sealed);
}

/** Decrypts record `counter`, or returns null when its tag does not verify under this position and flag. */
export function openRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  final: boolean,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  return decryptRecord(key, header, recordNonce(counter, final), sealed).then(toBytes, (error: unknown) => {
    if (isAuthFailure(error)) return null;
    throw error;
  });
}

/** Only an authentication failure means "bad data"; anything else is a bug and must surface. */
export function isAuthFailure(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'OperationError';
}

export function toBytes(buffer: ArrayBuffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer);
}
