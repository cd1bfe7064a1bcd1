import { chainDigits, groupCount, type Chain } from './chains';
import { bit, CATEGORY } from './context';
import { maskBsn } from './mask';
import type { Hit, TextContext } from './scan-context';
import type { Confidence } from './types';

/**
 * Dutch citizen service number (BSN): nine digits, or eight in the legacy form that drops a leading
 * zero, passing the elfproef. About one random nine-digit number in eleven passes it, so the
 * confidence comes from labels: `high` with "BSN" (or a synonym) as the nearest label before it or
 * just after it, `medium` with such a label elsewhere in the same text (a table under a "BSN"
 * header), `low` otherwise or when a label right in front names something else ("ordernummer",
 * "factuur", "tel").
 */

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (eight digits get a leading zero). */
export function isValidBsn(digits: string): boolean {
  const n = digits.length;
  if (n !== 8 && n !== 9) return false;
  let sum = 0;
  let nonZero = false;
  for (let i = 0; i < n; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (d !== 0) nonZero = true;
    // The weight is the place counted from the right; the last digit counts negatively.
    sum += i === n - 1 ? -d : (n - i) * d;
  }
  return nonZero && sum % 11 === 0;
}

const BEFORE = 64;
const OWN_LABEL = 16;
// What may stand between a label and its own number: "ordernummer: ", "klantnr. is ", "order no. ".
const LINKS = /^[\s:.#=(-]*(?:(?:is|nr|no|nummer|number|was)[\s:.]*)?$/i;
const AFTER = 24;
/** A whole chain of nine digits in groups of two to four (123 456 782, 1234.56.782, 180 44 1978). */
function isGroupedNine(chain: Chain): boolean {
  let total = 0;
  for (let g = 0; g < chain.groups.length; g += 2) {
    const length = chain.groups[g + 1]! - chain.groups[g]!;
    if (length < 2 || length > 4) return false;
    total += length;
  }
  return total === 9;
}

function confidence(ctx: TextContext, start: number, end: number, legacy: boolean): Confidence {
  // A label right in front names the number ("ordernummer: 123456782"); one further back may
  // belong to a neighbouring column ("Naam | BSN | Telefoon").
  const own = ctx.labels.endBefore(start, OWN_LABEL, bit(CATEGORY.other));
  if (own >= 0 && LINKS.test(ctx.text.slice(own, start))) return 'low';
  const bsn = bit(CATEGORY.bsn);
  if (ctx.labels.before(start, BEFORE, bsn | bit(CATEGORY.other)) === CATEGORY.bsn) return 'high';
  if (ctx.labels.after(end, AFTER, bsn) >= 0) return 'high';
  return !legacy && ctx.labels.has(bsn) ? 'medium' : 'low';
}

function consider(ctx: TextContext, start: number, end: number, digits: string, out: Hit[]): void {
  if (!isValidBsn(digits)) return;
  out.push({ start, end, preview: maskBsn(digits), confidence: confidence(ctx, start, end, digits.length === 8) });
}

export function detectBsn(ctx: TextContext, out: Hit[]): void {
  const { text } = ctx;
  for (const chain of ctx.chains) {
    if (chain.embedded || chain.prefix === '+') continue;
    const groups = groupCount(chain);
    if (groups === 1) {
      const length = chain.end - chain.start;
      if (length === 8 || length === 9) consider(ctx, chain.start, chain.end, text.slice(chain.start, chain.end), out);
      continue;
    }
    const sep = chain.separators;
    const uniform = sep.every((s) => s === sep[0]) && /^[ .-]$/.test(sep[0]!);
    if (uniform && isGroupedNine(chain)) {
      consider(ctx, chain.start, chain.end, chainDigits(text, chain, 0, groups - 1), out);
      continue;
    }
    // A nine-digit group standing apart by spaces inside a longer run, as in a table row.
    for (let g = 0; g < groups; g++) {
      const s = chain.groups[2 * g]!;
      const e = chain.groups[2 * g + 1]!;
      const spaced = (g === 0 || sep[g - 1] === ' ') && (g === groups - 1 || sep[g] === ' ');
      if (e - s === 9 && spaced) consider(ctx, s, e, text.slice(s, e), out);
    }
  }
}
