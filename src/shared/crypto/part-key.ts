import { KEY_BYTES } from './constants';
import { assertLength, ownBuffer, utf8 } from './bytes';
import { isId } from './random';

/** The secrets and the message binding that every part key is derived from. */
export interface PartKeyMaterial {
  linkSecret: Uint8Array;
  serverShare: Uint8Array;
  messageId: string;
}

const INFO_PREFIX = 'sealpost/v1/part-key';
// Labels cannot contain 0x00, so the 0x00-separated info string has exactly one parse.
const LABEL_PATTERN = /^(?:part\/(?:0|[1-9][0-9]*)|reply\/[A-Za-z0-9_-]{21}[AQgw])$/;

/** The label of message part `index`: part 0 is the content, parts 1..n are attachments. */
export function partLabel(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError('part index must be a non-negative integer');
  return `part/${index}`;
}

/** Throws a TypeError for key material or labels that can only come from a programming mistake. */
export function checkKeyMaterial(km: PartKeyMaterial, label: string): void {
  assertLength(km.linkSecret, KEY_BYTES, 'linkSecret');
  assertLength(km.serverShare, KEY_BYTES, 'serverShare');
  if (!isId(km.messageId)) throw new TypeError('messageId must be a 22-character base64url id');
  if (typeof label !== 'string' || !LABEL_PATTERN.test(label)) {
    throw new TypeError('label must be "part/<index>" or "reply/<id>"');
  }
}

/** HKDF info: "sealpost/v1/part-key" 0x00 messageId 0x00 label, all UTF-8 (here plain ASCII). */
export function partKeyInfo(messageId: string, label: string): Uint8Array<ArrayBuffer> {
  return utf8(`${INFO_PREFIX}\u0000${messageId}\u0000${label}`);
}

/**
 * Derives the AES-256-GCM key of one part. Both secrets are needed, so neither the link alone nor
 * the server alone can decrypt; the key is non-extractable so page scripts cannot export it.
 */
export async function derivePartKey(
  km: PartKeyMaterial,
  label: string,
  salt: Uint8Array,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  checkKeyMaterial(km, label);
  const ikm = new Uint8Array(2 * KEY_BYTES);
  ikm.set(km.linkSecret);
  ikm.set(km.serverShare, KEY_BYTES);
  const subtle = globalThis.crypto.subtle;
  // importKey copies its input synchronously, so the concatenated secret can be wiped right away.
  const imported = subtle.importKey('raw', ikm, 'HKDF', false, ['deriveKey']);
  ikm.fill(0);
  const params = { name: 'HKDF', hash: 'SHA-256', salt: ownBuffer(salt), info: partKeyInfo(km.messageId, label) };
  return subtle.deriveKey(params, await imported, { name: 'AES-GCM', length: 256 }, false, [usage]);
}
