/** The literal the server replaces with a fresh nonce in every response. */
const PLACEHOLDER = '__CSP_NONCE__';

/**
 * Reads the CSP nonce that the server wrote into `<meta name="csp-nonce">`, then removes the meta
 * element so that the value is no longer exposed in the DOM (CSS attribute selectors can read
 * attributes; script-readable `nonce` attributes are hidden by browsers, meta content is not).
 * Returns null when there is none, e.g. when the page is opened without the server.
 */
export function readCspNonce(doc: Document): string | null {
  const meta = doc.querySelector('meta[name="csp-nonce"]');
  const value = meta?.getAttribute('content') ?? '';
  meta?.remove();
  return value && value !== PLACEHOLDER && /^[A-Za-z0-9+/_=-]+$/.test(value) ? value : null;
}
