/**
 * Removes what would make CSS from an e-mail fetch something: remote `url()`s while images are
 * blocked (tracking pixels hide in backgrounds as often as in <img>), and always `@import` and
 * non-remote, non-data URLs (relative ones would resolve against the portal itself).
 *
 * This is the first of two layers; the frame's own CSP (see mail-document.ts) blocks remote loads
 * even where this parse is fooled, and this layer is what counts images for the "Show images" bar.
 */

export interface CssFilterResult {
  css: string;
  /** Remote references removed; more than zero shows the "images are blocked" bar. */
  blocked: number;
}

const REMOTE = /^(?:https?:)?\/\//i;
// Either a url() token or a quoted string (image-set() and @import take bare strings).
const URL_OR_STRING = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")]*?))\s*\)|"([^"]*)"|'([^']*)'/gi;

function fromCodePoint(value: number): string {
  const valid = value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
  return String.fromCodePoint(valid ? value : 0xfffd);
}

/** CSS escapes (`\75 rl(`, `\u`) would otherwise hide a `url(` from any pattern match. */
export function decodeCssEscapes(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([^\n\r\f0-9a-fA-F])/g, (_, hex?: string, ch?: string) =>
    hex ? fromCodePoint(parseInt(hex, 16)) : (ch ?? ''),
  );
}

export function filterCssUrls(input: string, allowRemote: boolean): CssFilterResult {
  let blocked = 0;
  const css = decodeCssEscapes(input)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import\b[^;]*;?/gi, '')
    .replace(URL_OR_STRING, (token, dq?: string, sq?: string, bare?: string, str1?: string, str2?: string) => {
      const isUrl = token.slice(0, 4).toLowerCase() === 'url(';
      const target = (isUrl ? (dq ?? sq ?? bare) : (str1 ?? str2)) ?? '';
      const trimmed = target.trim();
      if (REMOTE.test(trimmed)) {
        if (allowRemote) return isUrl ? `url("${upgradeToHttps(trimmed).replace(/"/g, '%22')}")` : token;
        blocked += 1;
        return isUrl ? 'none' : '""';
      }
      if (!isUrl || /^data:/i.test(trimmed)) return token;
      return 'none';
    });
  return { css, blocked };
}

/**
 * The page allows only https images, and browsers would upgrade or block mixed content anyway;
 * asking for https directly makes "Show images" show them.
 */
export function upgradeToHttps(url: string): string {
  if (url.startsWith('//')) return `https:${url}`;
  return url.replace(/^http:/i, 'https:');
}

export function isRemoteUrl(url: string): boolean {
  return REMOTE.test(url.trim());
}
