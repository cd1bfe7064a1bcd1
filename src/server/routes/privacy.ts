/**
 * The privacy notice at /privacy, in Dutch or English, generated from the data inventory and the
 * controller's configuration. A plain page with no script: its CSP allows nothing but its own
 * style sheet, by hash.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NOTICE_STYLE, noticeHtml, privacyNotice, type Locale } from '../../shared/privacy';
import type { PrivacyConfig } from '../privacy-config';

const LOCALES: readonly Locale[] = ['nl', 'en'];

export function noticeCsp(): string {
  const styleHash = createHash('sha256').update(NOTICE_STYLE, 'utf8').digest('base64');
  return ["default-src 'none'", `style-src 'sha256-${styleHash}'`, "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');
}

/**
 * `?lang=` wins when it names a language we have; otherwise the best of Accept-Language by
 * q-value (ties go to the earlier entry); otherwise Dutch.
 */
export function chooseLocale(lang: string | undefined, acceptLanguage: string | undefined): Locale {
  const asked = lang?.trim().toLowerCase();
  if (asked && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').slice(0, 500).split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0] as Locale;
    if (!LOCALES.includes(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? 'nl';
}

export function privacyRoutes(parent: FastifyInstance, config: PrivacyConfig) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  // The page depends only on configuration: render both languages once.
  const pages: Record<Locale, string> = {
    nl: noticeHtml(privacyNotice('nl', config)),
    en: noticeHtml(privacyNotice('en', config)),
  };
  const csp = noticeCsp();

  app.get(
    '/privacy',
    { schema: { hide: true, querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 16 })) }) } },
    async (request, reply) => {
      const locale = chooseLocale(request.query.lang, request.headers['accept-language']);
      return reply
        .header('Content-Security-Policy', csp)
        .header('Content-Language', locale)
        .header('Vary', 'Accept-Language')
        .header('Cache-Control', 'public, max-age=300')
        .type('text/html; charset=utf-8')
        .send(pages[locale]);
    },
  );
}
