import { toBase64Url } from './base64url';
import { ID_BYTES, KEY_BYTES } from './constants';

/** getRandomValues refuses more than 65536 bytes per call, so larger requests are filled in slices. */
const MAX_RANDOM_SLICE = 65536;
const ID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError('length must be a non-negative integer');
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += MAX_RANDOM_SLICE) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(offset + MAX_RANDOM_SLICE, length)));
  }
  return out;
}

/** The 256-bit secret that travels only in the link's fragment. */
export function newLinkSecret(): Uint8Array<ArrayBuffer> {
  return randomBytes(KEY_BYTES);
}

/** A 128-bit random id (message ids, reply ids) as 22 base64url characters. */
export function newId(): string {
  return toBase64Url(randomBytes(ID_BYTES));
}

/** True for exactly the strings `newId` can produce (the last character carries 4 unused zero bits). */
export function isId(text: unknown): text is string {
  return typeof text === 'string' && ID_PATTERN.test(text);
}
