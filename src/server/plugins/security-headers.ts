/**
 * Headers every response carries. The API and plain pages get the tightest policy; the portal
 * page sets its own CSP with a per-response style nonce (see routes/web.ts).
 */
import type { FastifyInstance } from 'fastify';

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // Static files set their headers on the raw response; those count as set too.
    const has = (name: string) => reply.hasHeader(name) || reply.raw.hasHeader(name);
    if (!has('Content-Security-Policy')) reply.header('Content-Security-Policy', API_CSP);
    if (!has('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
