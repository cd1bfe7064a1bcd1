import DOMPurify from 'dompurify';
import { filterCssUrls, isRemoteUrl, upgradeToHttps } from './css-urls';
import { cidKey } from './inline-images';

export interface SanitiseOptions {
  allowRemoteImages: boolean;
  /** Decrypted inline images: `cidKey(...)` → a data: URL. Other `cid:` images are dropped. */
  inlineImages?: ReadonlyMap<string, string>;
}

export interface SanitisedMail {
  bodyHtml: string;
  /** The mail's own style sheets, checked and filtered, for nonce-carrying <style> elements. */
  styles: string[];
  /** How many remote images or backgrounds were held back. */
  blockedImages: number;
}

// Nothing that runs, submits, embeds, navigates or changes the base URL. HTML profile only: SVG and
// MathML bring their own ways to load and link (<use>, <image>, <feImage>) that mail does not need.
const FORBID_TAGS = [
  'script', 'noscript', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist',
  'output', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'meta', 'link',
  'audio', 'video', 'track', 'template', 'dialog',
];
// `nonce` we set ourselves; the rest act (forms are gone anyway) or open popovers over the message.
const FORBID_ATTR = [
  'nonce', 'action', 'formaction', 'method', 'ping', 'srcdoc', 'popover', 'popovertarget',
  'popovertargetaction', 'command', 'commandfor', 'autofocus', 'download',
];
const RASTER_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp|avif);/i;

/**
 * Cleans the HTML body of a decrypted message for display in the sandboxed frame. This is the first
 * line of defence; the frame's sandbox (no script) and its own CSP (no remote loads while images
 * are blocked) still hold where it might be fooled.
 */
export function sanitiseMail(
  html: string,
  options: SanitiseOptions,
  win: Window & typeof globalThis = window,
): SanitisedMail {
  // A fresh instance per call: the hooks below close over this call's options and counters.
  const purify = DOMPurify(win);
  const drop: Element[] = [];
  let blockedImages = 0;

  const filterUrl = (url: string): string | null => {
    const value = url.trim();
    if (RASTER_DATA_IMAGE.test(value)) return value;
    if (/^cid:/i.test(value)) return options.inlineImages?.get(cidKey(value)) ?? null;
    if (isRemoteUrl(value)) {
      if (options.allowRemoteImages) return upgradeToHttps(value);
      blockedImages += 1;
    }
    return null;
  };

  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof win.Element)) return;
    const style = node.getAttribute('style');
    if (style !== null) {
      const filtered = filterCssUrls(style, options.allowRemoteImages);
      blockedImages += filtered.blocked;
      node.setAttribute('style', filtered.css);
    }
    const background = node.getAttribute('background');
    if (background !== null) {
      const kept = filterUrl(background);
      if (kept) node.setAttribute('background', kept);
      else node.removeAttribute('background');
    }
    const tag = node.tagName.toLowerCase();
    if (tag === 'img' || tag === 'source') filterImage(node, tag);
    if ((tag === 'a' || tag === 'area') && node.hasAttribute('href')) {
      // Open links outside the sandboxed frame, without telling the site where the reader came from.
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });

  function filterImage(node: Element, tag: string) {
    const srcset = node.getAttribute('srcset');
    if (srcset !== null) {
      const urls = srcset.split(/,\s+/).map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
      const allRemote = urls.length > 0 && urls.every(isRemoteUrl);
      if (allRemote && options.allowRemoteImages) {
        node.setAttribute('srcset', srcset.replace(/(^|,\s*)(?:http:)?\/\//gi, '$1https://'));
      } else {
        if (urls.some(isRemoteUrl)) blockedImages += 1;
        node.removeAttribute('srcset');
      }
    }
    const src = node.getAttribute('src');
    if (src === null) return;
    const kept = filterUrl(src);
    if (kept) node.setAttribute('src', kept);
    else if (tag === 'img' && /^cid:/i.test(src.trim())) drop.push(node);
    else node.removeAttribute('src');
  }

  // Parse into a <template> first: its content is inert, so nothing in it loads, and its style
  // elements are not checked against the page's CSP (a DOMParser document's are, which fills the
  // console with violations). The mail's style sheets are taken out here; the rest is sanitised.
  const template = win.document.createElement('template');
  template.innerHTML = html;
  const styles: string[] = [];
  const takeSheets = (root: ParentNode) => {
    for (const element of Array.from(root.querySelectorAll('style'))) {
      // Outlook wraps its style sheets in <!-- -->.
      const filtered = filterCssUrls((element.textContent ?? '').replace(/<!--|-->/g, ''), options.allowRemoteImages);
      blockedImages += filtered.blocked;
      // A "<" could close the <style> element we put this in and start markup; CSS never needs one.
      if (filtered.css.trim() && !filtered.css.includes('<')) styles.push(filtered.css);
      element.remove();
    }
  };
  takeSheets(template.content);

  const body = purify.sanitize(template.content, {
    USE_PROFILES: { html: true },
    RETURN_DOM: true,
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
  }) as HTMLElement;
  for (const node of drop) node.remove();
  // Sheets that only appeared while sanitising (from nested templates, say) get the same treatment.
  takeSheets(body);
  return { bodyHtml: body.innerHTML, styles, blockedImages };
}
