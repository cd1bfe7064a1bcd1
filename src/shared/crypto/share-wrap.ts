import { assertLength, utf8 } from './bytes';
import { KEY_BYTES, NONCE_BYTES, TAG_BYTES } from './constants';
import { EnvelopeError } from './envelope-error';
import { isId, randomBytes } from './random';

/**
 * The server stores each message's server share wrapped with a key from its configuration, so a
 * leaked database alone reveals no share. Layout: 0x01 | 12-byte nonce | AES-256-GCM(share) | tag.
 */
const WRAP_VERSION = 0x01;
export const WRAPPED_SHARE_BYTES = 1 + NONCE_BYTES + KEY_BYTES + TAG_BYTES;

// Binding the message id stops a wrapped share from being copied onto another message's row.
function wrapAad(messageId: string): Uint8Array<ArrayBuffer> {
  if (!isId(messageId)) throw new TypeError('messageId must be a 22-character base64url id');
  return utf8(`sealpost/v1/share-wrap\u0000${messageId}`);
}

function importWrapKey(wrapKey: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  assertLength(wrapKey, KEY_BYTES, 'wrapKey');
  return globalThis.crypto.subtle.importKey('raw', new Uint8Array(wrapKey), 'AES-GCM', false, [usage]);
}

/** Wraps a server share for storage under the configured wrap key, with a fresh random nonce. */
export function wrapServerShare(wrapKey: Uint8Array, messageId: string, share: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return wrapServerShareWithNonce(wrapKey, messageId, share, randomBytes(NONCE_BYTES));
}

/** FOR KNOWN-ANSWER TESTS ONLY: a repeated nonce under the same wrap key breaks AES-GCM. */
export async function wrapServerShareWithNonce(
  wrapKey: Uint8Array,
  messageId: string,
  share: Uint8Array,
  nonce: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  assertLength(share, KEY_BYTES, 'share');
  assertLength(nonce, NONCE_BYTES, 'nonce');
  const additionalData = wrapAad(messageId);
  const iv = new Uint8Array(nonce);
  const key = await importWrapKey(wrapKey, 'encrypt');
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, new Uint8Array(share));
  const out = new Uint8Array(WRAPPED_SHARE_BYTES);
  out[0] = WRAP_VERSION;
  out.set(iv, 1);
  out.set(new Uint8Array(sealed), 1 + NONCE_BYTES);
  return out;
}

/** Recovers a server share; throws EnvelopeError 'bad_header' or 'auth_failed'. */
export async function unwrapServerShare(
  wrapKey: Uint8Array,
  messageId: string,
  wrapped: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const additionalData = wrapAad(messageId);
  if (!(wrapped instanceof Uint8Array) || wrapped.length !== WRAPPED_SHARE_BYTES || wrapped[0] !== WRAP_VERSION) {
    throw new EnvelopeError('bad_header');
  }
  const key = await importWrapKey(wrapKey, 'decrypt');
  const iv = wrapped.slice(1, 1 + NONCE_BYTES);
  try {
    const share = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData },
      key,
      wrapped.slice(1 + NONCE_BYTES),
    );
    return new Uint8Array(share);
  } catch {
    throw new EnvelopeError('auth_failed');
  }
}
