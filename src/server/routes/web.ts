/**
 * The browser-facing pages: the portal at /m/:id (with a strict CSP and a per-response style
 * nonce for Fluent's CSS-in-JS), the built assets at /static/, and in the embedded default a page
 * that shows the development outboxes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { readOutbox } from '../notify/outbox-file';
import type { NotifyConfig } from '../notify';

export function portalCsp(nonce: string) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    // Mail bodies keep their inline style attributes; they render only inside the sandboxed,
    // script-less frame, and a nonce cannot cover attributes.
    "style-src-attr 'unsafe-inline'",
    // Remote images in mail are blocked by the portal until the recipient allows them.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    // The message frame uses srcdoc, which frame-src does not govern: no framed URLs at all.
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export async function webRoutes(app: FastifyInstance, opts: { webDir: string; notify: NotifyConfig; devOutboxPage: boolean }) {
  const portalFile = join(opts.webDir, 'portal.html');
  const portalHtml = existsSync(portalFile) ? readFileSync(portalFile, 'utf8') : null;

  if (existsSync(opts.webDir)) {
    await app.register(fastifyStatic, {
      root: opts.webDir,
      prefix: '/static/',
      index: false,
      wildcard: true,
      // Content-hashed file names: safe to cache for a year.
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    });
  }

  // The portal also serves "Your data" (data-subject requests) at /my-data.
  app.get('/my-data', { schema: { hide: true } }, async (_request, reply) => sendPortal(reply));
  app.get('/m/:id', { schema: { hide: true } }, async (_request, reply) => sendPortal(reply));

  async function sendPortal(reply: FastifyReply) {
    if (!portalHtml) {
      return reply.status(503).send({ code: 'unavailable', message: 'The portal has not been built (npm run build).' });
    }
    const nonce = randomBytes(16).toString('base64');
    return reply
      .header('Content-Security-Policy', portalCsp(nonce))
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(portalHtml.replaceAll('__CSP_NONCE__', nonce));
  }

  if (opts.devOutboxPage) {
    app.get('/dev/outbox', { schema: { hide: true } }, async (_request, reply) => {
      const sms = opts.notify.sms.kind === 'outbox' ? await readOutbox(opts.notify.sms.path) : [];
      const mail = opts.notify.mail.kind === 'outbox' ? await readOutbox(opts.notify.mail.path) : [];
      const rows = (items: Record<string, unknown>[]) =>
        items
          .slice(-50)
          .reverse()
          .map((m) => `<tr>${['at', 'to', 'subject', 'text'].map((k) => `<td>${escapeHtml(String(m[k] ?? ''))}</td>`).join('')}</tr>`)
          .join('');
      const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sealpost development outbox</title>
<h1>Development outbox</h1><p>Messages the embedded default would have sent. Newest first. Not available in production.</p>
<h2>SMS</h2><table border="1"><tr><th>At</th><th>To</th><th></th><th>Text</th></tr>${rows(sms as Record<string, unknown>[])}</table>
<h2>E-mail</h2><table border="1"><tr><th>At</th><th>To</th><th>Subject</th><th>Text</th></tr>${rows(mail as Record<string, unknown>[])}</table></html>`;
      return reply.type('text/html; charset=utf-8').send(html);
    });
  }
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
