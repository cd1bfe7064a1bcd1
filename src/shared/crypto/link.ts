import { fromBase64Url, toBase64Url } from './base64url';
import { assertLength } from './bytes';
import { KEY_BYTES } from './constants';
import { isId } from './random';

/** 32 bytes are exactly 43 base64url characters; anything else is not a Sealpost fragment. */
const FRAGMENT_LENGTH = 43;
// The service may live under a path prefix, so only the last two path segments are fixed.
const MESSAGE_PATH = /(?:^|\/)m\/([A-Za-z0-9_-]{22})$/;

/**
 * `<baseUrl>/m/<messageId>#<base64url(linkSecret)>`. Browsers never send the fragment to the
 * server, so the link secret reaches only the recipient's browser.
 */
export function formatLink(baseUrl: string, messageId: string, linkSecret: Uint8Array): string {
  if (!isId(messageId)) throw new TypeError('messageId must be a 22-character base64url id');
  assertLength(linkSecret, KEY_BYTES, 'linkSecret');
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/m/${messageId}#${toBase64Url(linkSecret)}`;
}

/** The link secret from `location.hash` ("#..." or bare), or null if it is not exactly 32 bytes. */
export function parseFragment(hash: string): Uint8Array<ArrayBuffer> | null {
  if (typeof hash !== 'string') return null;
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length !== FRAGMENT_LENGTH) return null;
  try {
    const secret = fromBase64Url(text);
    return secret.length === KEY_BYTES ? secret : null;
  } catch {
    return null;
  }
}

/** Splits a message link into id and secret; null for anything that is not a well-formed link. */
export function parseLink(url: string): { messageId: string; linkSecret: Uint8Array<ArrayBuffer> } | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const match = MESSAGE_PATH.exec(parsed.pathname);
  const messageId = match?.[1];
  if (!messageId || !isId(messageId)) return null;
  const linkSecret = parseFragment(parsed.hash);
  return linkSecret ? { messageId, linkSecret } : null;
}
