import { SEALED_RECORD_SIZE, TAG_BYTES } from './constants';
import { EnvelopeError } from './envelope-error';
import { decryptRecord, isAuthFailure, openRecord, toBytes } from './record';

/**
 * The decoding rules of docs/crypto.md for one record, as a single promise per record: it
 * resolves to the plaintext or rejects with the record's error code. Each failure is diagnosed
 * inside the same promise, so a decoder that awaits these promises in record order reports
 * exactly the code a one-record-at-a-time decoder would, whatever later records hold.
 * Retrying with the other final flag is a diagnosis only; that plaintext is never returned.
 */

/** Opens a record that more bytes follow, so it must not be the final one. */
export function openInnerRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  // One reaction on WebCrypto's promise, as in record.ts: this runs for every record.
  return decryptRecord(key, header, counter, false, sealed).then(toBytes, (error: unknown) => {
    if (!isAuthFailure(error)) throw error;
    return diagnoseInner(key, header, counter, sealed);
  });
}

async function diagnoseInner(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<never> {
  // A record that opens as final but is followed by more bytes was extended.
  const asFinal = await openRecord(key, header, counter, true, sealed);
  throw new EnvelopeError(asFinal ? 'trailing_data' : 'auth_failed');
}

/** Opens whatever remains at the end of the part (0..65552 bytes) as the final record. */
export async function openFinalRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length < TAG_BYTES) throw new EnvelopeError('truncated');
  const plain = await openRecord(key, header, counter, true, sealed);
  if (!plain) {
    // A full record that opens as non-final means the real final record was cut off.
    const cut = sealed.length === SEALED_RECORD_SIZE && (await openRecord(key, header, counter, false, sealed));
    throw new EnvelopeError(cut ? 'truncated' : 'auth_failed');
  }
  // An empty final record is only canonical for an empty part; after full records the last
  // full record must have been the final one, so this record is extra data.
  if (plain.length === 0 && counter > 0) throw new EnvelopeError('trailing_data');
  return plain;
}
