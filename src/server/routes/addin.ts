/**
 * What Outlook loads: the task pane and event runtime under /addin/, icons under /assets/, the
 * allow-list that lets the classic-Windows runtime call us, and the add-in's start-up config.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AddinConfig } from '../../shared/protocol/api';
import type { Config } from '../config';

/**
 * Outlook on the web frames the pane; desktop clients host it in a webview with no ancestor.
 * Microsoft publishes no definitive list of framing origins; these are the Outlook web hosts.
 */
export const OUTLOOK_FRAME_ANCESTORS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
  'https://outlook.live.com',
];

export function addinCsp(config: Config) {
  const login = config.azure ? new URL(config.azure.authority).origin : '';
  return [
    "default-src 'self'",
    // Office.js must come from Microsoft's CDN; add-ins may not bundle it.
    "script-src 'self' https://appsforoffice.microsoft.com",
    // Fluent's CSS-in-JS inserts style elements; the pane shows no untrusted markup.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${login ? ` ${login}` : ''}`,
    `frame-src 'self'${login ? ` ${login}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors 'self' ${OUTLOOK_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

export async function addinRoutes(parent: FastifyInstance, config: Config, assetsDir: string) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const csp = addinCsp(config);
  const addinDir = join(config.webDir, 'addin');
  if (existsSync(addinDir)) {
    await app.register(fastifyStatic, {
      root: addinDir,
      prefix: '/addin/',
      decorateReply: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('Content-Security-Policy', csp);
        // Hashed bundles are immutable; the names the manifest points at must stay fresh.
        const fixed = /(taskpane|commands)\.html$|launchevent\.js$/.test(path);
        reply.header('Cache-Control', fixed ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  }
  if (existsSync(assetsDir)) {
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply) => reply.header('Cache-Control', 'public, max-age=86400'),
    });
  }

  app.get('/.well-known/microsoft-officeaddins-allowed.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('Cache-Control', 'public, max-age=3600').send({ allowed: [`${config.publicUrl}/addin/launchevent.js`] }),
  );

  app.get('/api/addin/config', { schema: { tags: ['sender'], response: { 200: AddinConfig } } }, async () => ({
    azure: config.azure
      ? { clientId: config.azure.clientId, authority: `${config.azure.authority}/organizations`, scopes: [`api://${config.azure.clientId}/access_as_user`] }
      : null,
    devSignIn: config.devSignIn,
    privacyUrl: `${config.publicUrl}/privacy`,
  }));
}
