/**
 * Decoding of internationalised domain labels (`xn--…`, RFC 3492), so that a lookalike written in
 * Cyrillic or with accents is compared by what the reader sees. Returns null for malformed input.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return BASE;
}

export function decodePunycodeLabel(encoded: string): string | null {
  const cut = encoded.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(cut, 0); j++) output.push(encoded.charCodeAt(j));
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let pos = cut > 0 ? cut + 1 : 0; pos < encoded.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= encoded.length) return null;
      const d = digit(encoded.charCodeAt(pos++));
      if (d >= BASE) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x10ffff * 4 || w > 0x10ffff * 4) return null;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** `xn--80ak6aa92e.com` → `аррӏе.com`; other labels are kept. */
export function toUnicodeDomain(domain: string): string {
  return domain
    .split('.')
    .map((label) => {
      const decoded = label.startsWith('xn--') ? decodePunycodeLabel(label.slice(4)) : null;
      return decoded === null ? label : decoded;
    })
    .join('.');
}
