import { FOLD } from './chars';
import { toUnicodeDomain } from './punycode';

/**
 * Lookalike domains: a recipient domain that a reader would take for the organisation's own or a
 * frequent one. Two tests: the "skeleton" (what the name looks like once homoglyphs, accents,
 * `rn`→`m`, `vv`→`w`, `0`→`o` and `1`/`i`→`l` are flattened) equals the known domain's, or the
 * edit distance (with swaps of neighbours) is small for the length.
 */

// Cyrillic, Greek and Latin letters that render like ASCII letters: pairs of look-alike and letter.
const HOMOGLYPHS =
  'аaеeоoрpсcуyхxіiјjѕsһhԁdԛqԝwӏlɡgαaοoρpνvιiκkυuχxτtεeıiɑaǀl';
const SHAPES: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
  [/0/g, 'o'],
  [/[1i|]/g, 'l'],
  [/5/g, 's'],
];
/**
 * The letter a look-alike stands for. A lookup in the string rather than a map built at load: code
 * that runs at load is kept in every bundle, also in those that never check a recipient.
 */
function glyph(ch: string): string | undefined {
  const i = HOMOGLYPHS.indexOf(ch);
  // Look-alikes sit at even offsets; the ASCII letters they stand for at odd ones.
  return i >= 0 && i % 2 === 0 ? HOMOGLYPHS.charAt(i + 1) : undefined;
}

/** What a domain looks like, reduced to plain ASCII lookalikes. */
export function skeleton(domain: string): string {
  let s = '';
  for (const ch of toUnicodeDomain(domain.toLowerCase())) {
    const g = glyph(ch);
    s += g || (ch.length === 1 ? String.fromCharCode(FOLD[ch.charCodeAt(0)]!) : ch);
  }
  for (const [re, to] of SHAPES) s = s.replace(re, to);
  return s;
}

/** Optimal string alignment distance, stopping early once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Whether a domain spells a Latin name with letters from other scripts (Cyrillic "а" for "a"),
 * as impersonation does. Accented Latin letters alone (bücher.de) are ordinary and do not count.
 */
export function usesLookalikeCharacters(domain: string): boolean {
  const shown = toUnicodeDomain(domain.toLowerCase());
  return [...shown].some((ch) => glyph(ch) !== undefined) && /^[\x20-\x7e]*$/.test(skeleton(domain));
}

/** The known domain that `domain` imitates, or null. Identical domains are not lookalikes. */
export function lookalikeOf(domain: string, known: readonly string[], maxDistance: number): string | null {
  const d = domain.toLowerCase();
  const sd = skeleton(d);
  for (const k of known) {
    if (k === d) return null;
  }
  for (const k of known) {
    if (sd === skeleton(k)) return k;
    if (maxDistance <= 0) continue;
    // Short names get at most one edit: "ing.nl" and "ivg.nl" are too close to tell otherwise.
    const allowed = k.length < 10 ? Math.min(1, maxDistance) : maxDistance;
    if (editDistance(d, k, allowed) <= allowed) return k;
  }
  return null;
}
