/** Keyed hashing for everything the service must recognise but never keep in clear. */
import { createHmac, hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over length-prefixed parts, so that ("ab","c") and ("a","bc") differ. */
export function hmac(key: Uint8Array, ...parts: string[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    mac.update(len).update(bytes);
  }
  return mac.digest();
}

/** Constant-time equality; different lengths are simply unequal. */
export function safeEqual(a: Uint8Array | null | undefined, b: Uint8Array): boolean {
  if (!a || a.length !== b.length) {
    // Still spend the comparison so that a missing hash costs what a wrong one does.
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** Six digits, uniform, from the CSPRNG (NIST SP 800-63B memorised/OOB secret rules). */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** A 256-bit bearer token, base64url; store only `tokenHash(token)`. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): Buffer {
  // One-shot: no Hash object per call (this runs on every recipient request). Strings are UTF-8.
  return hash('sha256', token, 'buffer');
}
