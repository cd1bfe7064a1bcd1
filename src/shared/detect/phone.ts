import { groupCount } from './chains';
import { isDigit } from './chars';
import { bit, CATEGORY } from './context';
import { maskPhone } from './mask';
import type { Hit, TextContext } from './scan-context';

/**
 * Phone numbers, read from the digit chains of the word pass: Dutch national numbers
 * (`020 123 4567`, `06-12345678`, `(020) 1234567`, 0800/0900 numbers) and international ones
 * (`+31 6 1234 5678`, `+31 (0)20 …`, `0031 …`, any `+` number of 8 to 15 digits). Dutch numbers
 * must start with an area or mobile prefix that is in use, which keeps order numbers that happen
 * to start with 0 out. `high` for `+` numbers or with a phone word near; `low` for `00` numbers
 * without one or when the nearest label names something else; `medium` otherwise.
 */

// The two digits after the trunk 0 that begin a Dutch number in use: 010–018 but 012 and 014,
// 020–029 but 021, 027 and 028, 030–038 but 037, 040–049 but 042 and 044, all of 05x, 061–068 but
// 067 (06 mobile), all of 07x, and 084, 085, 087, 088.
const NL_PREFIX = /^(?:1[0135-8]|2[02-69]|3[0-68]|4[0135-9]|5\d|6[1-68]|7\d|8[4578])/;

/** A Dutch number without its trunk 0: nine digits from a prefix in use, or a 0800/090x service number. */
function isDutchNational(rest: string): boolean {
  if (rest.length === 9) return NL_PREFIX.test(rest);
  return (rest.length === 7 || rest.length === 10) && /^(800|900|906|909)/.test(rest);
}

function isValidNumber(digits: string, international: boolean): boolean {
  if (!international) return digits.charCodeAt(0) === 48 && isDutchNational(digits.slice(1));
  if (digits.startsWith('31')) return isDutchNational(digits.slice(2));
  if (digits.startsWith('1')) return digits.length === 11;
  return digits.length >= 8 && digits.length <= 15;
}

/**
 * The longest run of whole groups from the start of `candidate` that is a valid number: several
 * numbers may sit next to each other ("020 123 4567 06 1234 5678").
 */
function longestValid(candidate: string, international: boolean): { length: number; digits: string } | null {
  let best: { length: number; digits: string } | null = null;
  let digits = '';
  for (let i = 0; i <= candidate.length; i++) {
    const c = candidate.charCodeAt(i);
    if (isDigit(c)) {
      // The trunk 0 of "+31 (0)20 …" is not dialled from abroad.
      const trunk = international && c === 48 && candidate.charCodeAt(i - 1) === 40 && candidate.charCodeAt(i + 1) === 41;
      if (!trunk) digits += candidate.charAt(i);
      continue;
    }
    if (i < candidate.length && (c === 41 /* ) */ || c === 40 /* ( */)) continue;
    const dialled = international && candidate.charCodeAt(0) !== 43 ? digits.slice(2) : digits;
    if (dialled.length > 15) break;
    if (isValidNumber(dialled, international)) best = { length: i, digits: dialled };
  }
  return best;
}

export function detectPhones(ctx: TextContext, out: Hit[]): void {
  const { text } = ctx;
  for (const chain of ctx.chains) {
    if (chain.embedded) continue;
    const groups = groupCount(chain);
    // Several numbers may share a chain ("020 123 4567 06 1234 5678"): take one, go on after it.
    for (let g = 0; g < groups; g++) {
      const groupStart = chain.groups[2 * g]!;
      const lead = g === 0 && chain.prefix !== '' ? 1 : 0;
      // Every candidate starts with a trunk or international 0, or follows a `+` or `(`.
      if (lead === 0 && text.charCodeAt(groupStart) !== 48) continue;
      const start = groupStart - lead;
      // `00` dials out only at the start of a number and before a country code (which never starts with 0).
      const dialsOut = g === 0 && text.startsWith('00', groupStart) && text.charCodeAt(groupStart + 2) !== 48;
      const international = (lead === 1 && chain.prefix === '+') || dialsOut;
      // No phone number is longer than this, and the bound keeps a long list of numbers linear.
      const found = longestValid(text.slice(start, Math.min(chain.end, start + 32)), international);
      if (!found) continue;
      const end = start + found.length;
      const labelled = ctx.labels.before(start, 30, bit(CATEGORY.phone)) >= 0;
      // `00` also starts booking and customer codes; without a phone word it is weak evidence.
      const confidence = labelled || (international && !dialsOut)
        ? 'high'
        : dialsOut || ctx.labels.before(start, 30, bit(CATEGORY.other)) >= 0 ? 'low' : 'medium';
      out.push({ start, end, preview: maskPhone(found.digits, international), confidence });
      while (g + 1 < groups && chain.groups[2 * (g + 1)]! < end) g++;
    }
  }
}
