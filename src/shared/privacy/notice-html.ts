/**
 * The notice as one self-contained, accessible HTML page: no script, no external resources, one
 * inline style sheet (allowed by its hash in the page's CSP), real headings, tables with header
 * cells, and a language switch.
 */
import type { Block, Inline, PrivacyNotice } from './notice';

/** The page's only style sheet; the server allows exactly this text by hash. */
export const NOTICE_STYLE = [
  'body{font:1rem/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#fff;margin:0}',
  'main,header,footer{max-width:48rem;margin:0 auto;padding:0 1rem}',
  'header{display:flex;justify-content:flex-end;padding-top:1rem}',
  'h1{font-size:1.75rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem}',
  'a{color:#0b4f9c}a:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}',
  '.warning{border:2px solid #8a4b00;background:#fff4e5;padding:.75rem 1rem}',
  '.scroll{overflow-x:auto}',
  'table{border-collapse:collapse;width:100%;font-size:.95rem}',
  'caption{text-align:left;font-weight:600;padding:.25rem 0}',
  'th,td{border:1px solid #8a8a8a;padding:.4rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f0f0f0}',
  'footer{color:#4a4a4a;font-size:.9rem;padding-bottom:2rem}',
  '@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#161616}a{color:#8cc4ff}th{background:#2a2a2a}.warning{background:#3a2a12;border-color:#e0a040}footer{color:#c8c8c8}}',
].join('');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inline(content: readonly Inline[]): string {
  return content.map((c) => (typeof c === 'string' ? escapeHtml(c) : `<a href="${escapeHtml(c.href)}">${escapeHtml(c.text)}</a>`)).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
      const rows = b.rows
        .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
        .join('');
      return `<div class="scroll"><table><caption>${escapeHtml(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
  }
}

/** The whole page. `path` is where the page is served, for the language switch link. */
export function noticeHtml(notice: PrivacyNotice, path = '/privacy'): string {
  const other = notice.otherLocale;
  const sections = notice.sections
    .map((s) => `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${escapeHtml(s.heading)}</h2>${s.blocks.map(block).join('')}</section>`)
    .join('');
  return [
    '<!doctype html>',
    `<html lang="${notice.locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="referrer" content="no-referrer"><title>${escapeHtml(notice.title)}</title>`,
    `<link rel="alternate" hreflang="${other}" href="${path}?lang=${other}">`,
    `<style>${NOTICE_STYLE}</style></head>`,
    '<body>',
    `<header><a href="${path}?lang=${other}" hreflang="${other}" lang="${other}">${escapeHtml(notice.otherLanguage)}</a></header>`,
    '<main>',
    `<h1>${escapeHtml(notice.title)}</h1>`,
    notice.warning ? `<p class="warning" role="note">${escapeHtml(notice.warning)}</p>` : '',
    sections,
    '</main>',
    `<footer><p>${escapeHtml(notice.footer)}</p></footer>`,
    '</body></html>',
  ].join('');
}
