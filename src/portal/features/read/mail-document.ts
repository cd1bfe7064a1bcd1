import type { SanitisedMail } from './sanitise-mail';

/**
 * The frame's own style sheet. It cannot use the Fluent theme (the frame is a separate document
 * without the theme's CSS variables), so it repeats the few values that matter for reading.
 */
const BASE_CSS = [
  'html{color-scheme:light}',
  "body{margin:8px;font-family:'Segoe UI',system-ui,-apple-system,Roboto,'Helvetica Neue',sans-serif;font-size:14px;line-height:1.5;color:#242424;background:#fff;overflow-wrap:anywhere}",
  'img{max-width:100%;height:auto}',
  'pre{white-space:pre-wrap}',
].join('');

export interface MailDocumentOptions {
  /** The page's CSP nonce; null when the page runs without one (tests, no server). */
  nonce: string | null;
  allowRemoteImages: boolean;
}

/**
 * The frame's own Content-Security-Policy, added to the one it inherits from the portal page (a
 * srcdoc document is bound by both). It repeats the image decision in the browser's terms, so a
 * remote image the sanitiser failed to see still does not load while images are blocked.
 */
export function framePolicy(allowRemoteImages: boolean): string {
  return [
    "default-src 'none'",
    `img-src data:${allowRemoteImages ? ' https:' : ''}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
  ].join('; ');
}

/**
 * The `srcdoc` for the message frame. Why the style elements carry the page's nonce: a srcdoc
 * document inherits the page's CSP, whose style-src admits only our own sheets and nonce-carrying
 * elements, so without it a mail's style sheets would be ignored. That gives the sanitised mail CSS
 * (never script) the nonce inside a frame that is sandboxed without scripts and has an opaque
 * origin: it can restyle only itself. Inline `style` attributes need `style-src-attr
 * 'unsafe-inline'` in the page's CSP (see the serving notes in index.tsx).
 */
export function buildMailDocument(mail: Pick<SanitisedMail, 'bodyHtml' | 'styles'>, options: MailDocumentOptions): string {
  // The nonce goes into markup; accept only base64 characters so it cannot end the attribute.
  const nonce = options.nonce && /^[A-Za-z0-9+/_=-]+$/.test(options.nonce) ? ` nonce="${options.nonce}"` : '';
  const sheets = [BASE_CSS, ...mail.styles].map((css) => `<style${nonce}>${css}</style>`).join('');
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${framePolicy(options.allowRemoteImages)}">` +
    '<meta name="referrer" content="no-referrer">' +
    sheets +
    `</head><body>${mail.bodyHtml}</body></html>`
  );
}
