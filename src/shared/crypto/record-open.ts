import { SEALED_RECORD_SIZE, TAG_BYTES } from './constants';
import { EnvelopeError } from './envelope-error';
import { decryptRecord, isAuthFailure, openRecord, recordNonce } from './record';

/**
 * The decoding rules of docs/crypto.md for one record. A record's operation resolves to its
 * plaintext; a failure is diagnosed from the record alone, so a decoder that reports failures in
 * record order reports exactly the code a one-record-at-a-time decoder would, whatever later
 * records hold. Retrying with the other final flag is a diagnosis only; that plaintext is never
 * returned.
 */

/**
 * Why a record that more bytes follow (so it must not be the final one) did not open: a record
 * that opens as final but is followed by more bytes was extended. Errors other than an
 * authentication failure are reported as they are.
 */
export async function diagnoseInnerRecord(
  error: unknown,
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<never> {
  if (!isAuthFailure(error)) throw error;
  const asFinal = await openRecord(key, header, counter, true, sealed);
  throw new EnvelopeError(asFinal ? 'trailing_data' : 'auth_failed');
}

/** Opens whatever remains at the end of the part (0..65552 bytes) as the final record. */
export async function openFinalRecord(
  key: CryptoKey,
  header: Uint8Array<ArrayBuffer>,
  counter: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<ArrayBuffer> {
  if (sealed.length < TAG_BYTES) throw new EnvelopeError('truncated');
  let plain: ArrayBuffer;
  try {
    plain = await decryptRecord(key, header, recordNonce(counter, true), sealed);
  } catch (error) {
    if (!isAuthFailure(error)) throw error;
    // A full record that opens as non-final means the real final record was cut off.
    const cut = sealed.length === SEALED_RECORD_SIZE && (await openRecord(key, header, counter, false, sealed));
    throw new EnvelopeError(cut ? 'truncated' : 'auth_failed');
  }
  // An empty final record is only canonical for an empty part; after full records the last
  // full record must have been the final one, so this record is extra data.
  if (plain.byteLength === 0 && counter > 0) throw new EnvelopeError('trailing_data');
  return plain;
}
