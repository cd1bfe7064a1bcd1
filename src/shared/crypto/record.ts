import { NONCE_BYTES } from './constants';

const TWO_POW_32 = 2 ** 32;

/**
 * Nonce of record `counter`: the counter as an 11-byte big-endian integer, then 0x01 for the final
 * record or 0x00 otherwise. Binding position and finality into the nonce is what makes reordering,
 * truncation and extension fail authentication (the STREAM construction).
 */
export function recordNonce(counter: number, final: boolean): Uint8Array<ArrayBuffer> {
  // A JS number stays exact up to 2^53 records (2^69 bytes), far beyond any real part.
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('record counter out of range');
  const nonce = new Uint8Array(NONCE_BYTES);
  const view = new DataView(nonce.buffer);
  view.setUint32(3, Math.floor(counter / TWO_POW_32));
  view.setUint32(7, counter >>> 0);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

/** Encrypts one record; WebCrypto copies `plaintext` before returning, so callers may reuse it. */
export async function sealRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  final: boolean,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = recordNonce(counter, final);
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, key, plaintext);
  return new Uint8Array(sealed);
}

/** Decrypts one record, or returns null when its tag does not verify under this position and flag. */
export async function openRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  final: boolean,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const iv = recordNonce(counter, final);
  try {
    const opened = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: header }, key, sealed);
    return new Uint8Array(opened);
  } catch (error) {
    // Only an authentication failure means "bad data"; anything else is a bug and must surface.
    if ((error as { name?: unknown } | null)?.name === 'OperationError') return null;
    throw error;
  }
}
