/**
 * What Outlook loads: the task pane and event runtime under /addin/, icons under /assets/, the
 * allow-list that lets the classic-Windows runtime call us, and the add-in's start-up config.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AddinConfig } from '../../shared/protocol/api';
import type { Config } from '../config';
import { MANIFEST_FILE } from '../paths';
import { AppError } from '../../shared/errors';
import { ADDIN_PATHS, buildManifest } from '../../addin/manifest-urls';
import { ADDIN_CONFIG_ELEMENT_ID, ADDIN_CONFIG_PATH } from '../../addin/auth/config-path';


const SUPPORT_PAGE = `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sealpost support</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style>
<h1>Sealpost support</h1>
<p lang="nl">Vragen over Sealpost in Outlook of over een beveiligd bericht dat u ontving? Neem contact op met de beheerder van uw organisatie, of met de afzender van het bericht. Sealpost-medewerkers vragen u nooit om een code.</p>
<p lang="en">Questions about Sealpost in Outlook, or about a secure message you received? Contact your organisation's administrator, or the sender of the message. Sealpost staff never ask you for a code.</p>
<p><a href="/privacy">Privacy</a></p></html>`;

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

/**
 * The task pane's page with the service's sign-in configuration written into it, as a JSON data
 * block: browsers never run a `<script type="application/json">` (so the CSP is untouched), and
 * the pane reads it at once instead of asking `GET /api/addin/config` and waiting for the answer
 * before its first screen. `<` is escaped, so no value can end the block.
 */
export function paneWithConfig(html: string, addinConfig: AddinConfig): string {
  const json = JSON.stringify(addinConfig).replace(/</g, '\\u003c');
  const block = `<script id="${ADDIN_CONFIG_ELEMENT_ID}" type="application/json">${json}</script>`;
  const head = html.indexOf('</head>');
  return head < 0 ? html : `${html.slice(0, head)}${block}${html.slice(head)}`;
}

/**
 * The built page as `prepare` makes it, read and prepared again only when the build has replaced
 * it (`npm run dev` rebuilds).
 */
function builtPage(file: string, prepare: (html: string) => string): () => string | null {
  let cached: { mtimeMs: number; html: string } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: prepare(readFileSync(file, 'utf8')) };
    return cached.html;
  };
}

export async function addinRoutes(parent: FastifyInstance, config: Config, assetsDir: string) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const csp = addinCsp(config);
  const addinDir = join(config.webDir, 'addin');
  const addinConfig: AddinConfig = {
    azure: config.azure
      ? { clientId: config.azure.clientId, authority: `${config.azure.authority}/organizations`, scopes: [`api://${config.azure.clientId}/access_as_user`] }
      : null,
    devSignIn: config.devSignIn,
    privacyUrl: `${config.publicUrl}/privacy`,
  };
  const panePage = builtPage(join(addinDir, 'taskpane.html'), (html) => paneWithConfig(html, addinConfig));
  app.get(ADDIN_PATHS.taskpane, { schema: { hide: true } }, async (_request, reply) => {
    const html = panePage();
    if (!html) throw new AppError('not_found', 'The task pane has not been built (npm run build).');
    return reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', csp)
      .header('Cache-Control', 'no-cache')
      .send(html);
  });
  if (existsSync(addinDir)) {
    await app.register(fastifyStatic, {
      root: addinDir,
      prefix: '/addin/',
      decorateReply: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('Content-Security-Policy', csp);
        // Hashed bundles are immutable; the names the manifest points at must stay fresh.
        const fixed = /\.html$|launchevent\.js$/.test(path);
        res.setHeader('Cache-Control', fixed ? 'no-cache' : 'public, max-age=31536000, immutable');
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
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=86400'),
    });
  }

  const addinBase = config.addinUrl ?? config.publicUrl;
  app.get('/.well-known/microsoft-officeaddins-allowed.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('Cache-Control', 'public, max-age=3600').send({ allowed: [`${addinBase}${ADDIN_PATHS.launchEventScript}`] }),
  );

  // The manifest for this deployment's https base; admins upload it, developers sideload it.
  const manifest = config.addinUrl && existsSync(MANIFEST_FILE) ? buildManifest(readFileSync(MANIFEST_FILE, 'utf8'), config.addinUrl) : null;
  app.get('/manifest.xml', { schema: { hide: true } }, async (_request, reply) => {
    if (!manifest) {
      throw new AppError('not_found', 'No manifest: the add-in needs an https base URL (SEALPOST_ADDIN_URL, or a TLS listener).');
    }
    return reply.type('application/xml; charset=utf-8').header('Content-Disposition', 'attachment; filename="sealpost-manifest.xml"').send(manifest);
  });

  app.get('/support', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").send(SUPPORT_PAGE),
  );

  // The same answer is in the task pane's page (paneWithConfig); this is for other clients.
  app.get(ADDIN_CONFIG_PATH, { schema: { tags: ['sender'], response: { 200: AddinConfig } } }, async () => addinConfig);
}
