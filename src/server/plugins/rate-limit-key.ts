/**
 * The key the rate limit counts a client under: HMAC-SHA256 of its address under the code key,
 * the same value as `hmac(codeKey, 'rate-limit', ip)` (so counters in a shared Redis agree across
 * versions), never the address itself, neither in memory nor in Redis.
 *
 * It ran once per request and was a measurable share of a small route's CPU. Now the key object is
 * imported once, and the result is kept per connection while the address is the connection's own
 * (always, unless a trusted proxy forwards addresses): a keep-alive connection hashes once. The
 * cache holds only the hash, in a WeakMap keyed by the socket, so it goes with the connection; a
 * forwarded address, which may differ per request on one connection, is hashed every time.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const LABEL = 'rate-limit';
/** Characters of the base64url HMAC kept: 132 bits, plenty to keep clients apart. */
const KEY_CHARS = 22;

/** HMAC-SHA256 over the length-prefixed parts (LABEL, ip), as `hmac()` in secrets.ts computes it. */
function keyOf(key: KeyObject, prefix: Buffer, ip: string): string {
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(Buffer.byteLength(ip, 'utf8'));
  return createHmac('sha256', key).update(prefix).update(length).update(ip, 'utf8').digest('base64url').slice(0, KEY_CHARS);
}

export function rateLimitKeyGenerator(codeKey: Uint8Array): (request: FastifyRequest) => string {
  const key = createSecretKey(codeKey);
  const label = Buffer.from(LABEL, 'utf8');
  const prefix = Buffer.alloc(4 + label.length);
  prefix.writeUInt32BE(label.length);
  label.copy(prefix, 4);
  const byConnection = new WeakMap<object, string>();
  return (request) => {
    const ip = request.ip ?? '';
    const socket = request.raw.socket as FastifyRequest['raw']['socket'] | undefined;
    if (!socket || ip !== socket.remoteAddress) return keyOf(key, prefix, ip);
    let cached = byConnection.get(socket);
    if (cached === undefined) {
      cached = keyOf(key, prefix, ip);
      byConnection.set(socket, cached);
    }
    return cached;
  };
}
