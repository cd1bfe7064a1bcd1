/**
 * Headers every response carries. The API and plain pages get the tightest policy; the portal
 * page sets its own CSP with a per-response style nonce (see routes/web.ts).
 */
import type { FastifyInstance } from 'fastify';

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The same on every response, lower-cased as Fastify keeps header names. */
const FIXED_HEADERS: readonly (readonly [string, string])[] = [
  ['strict-transport-security', 'max-age=63072000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];

export function registerSecurityHeaders(app: FastifyInstance) {
  // A callback hook, not an async one: it runs on every response and has nothing to wait for.
  app.addHook('onSend', (_request, reply, payload, done) => {
    for (const [name, value] of FIXED_HEADERS) reply.header(name, value);
    // Static files set their headers on the raw response; those count as set too.
    const has = (name: string) => reply.hasHeader(name) || reply.raw.hasHeader(name);
    if (!has('content-security-policy')) reply.header('content-security-policy', API_CSP);
    if (!has('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
