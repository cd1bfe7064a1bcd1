import { chainDigits, groupCount } from './chains';
import { bit, CATEGORY } from './context';
import { isKnownIssuer } from './card-issuers';
import { maskCard } from './mask';
import type { Hit, TextContext } from './scan-context';

/**
 * Payment card numbers: 13 to 19 digits, contiguous or in groups split by spaces or dashes,
 * passing Luhn and starting with a known issuer range for that length. A run of groups may hold
 * more than the card (a CVC or an expiry follows), so every span of whole groups is tried, longest
 * first; slashes and dots end a span (`4111 1111 1111 1111 12/27`) unless the whole run is dotted
 * in fours. `high` when the card is the whole
 * run, is grouped as printed on cards, or a card word is near; `medium` otherwise.
 */

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && isKnownIssuer(digits) && passesLuhn(digits) && !/^(\d)\1+$/.test(digits);
}

const CARD_WINDOW = 40;

function joinsCard(separator: string | undefined, dotted: boolean): boolean {
  return separator === ' ' || separator === '-' || (dotted && separator === '.');
}

/** Card numbers as printed: fours (the last group may be shorter) or American Express 4-6-5. */
function isPrintedGrouping(lengths: number[]): boolean {
  if (lengths.join(',') === '4,6,5') return true;
  return lengths.length >= 3 && lengths.every((n, i) => n === 4 || (i === lengths.length - 1 && n < 4));
}

export function detectCards(ctx: TextContext, out: Hit[]): void {
  const { text } = ctx;
  for (const chain of ctx.chains) {
    // No card number has fewer than 13 digits; most chains (BSNs, phone numbers, dates) do.
    if (chain.embedded || chain.prefix === '+' || chain.digits < 13) continue;
    const groups = groupCount(chain);
    const lengths: number[] = [];
    for (let g = 0; g < groups; g++) lengths.push(chain.groups[2 * g + 1]! - chain.groups[2 * g]!);
    // Dots join a card only when the whole run is printed in fours with dots (4111.1111.1111.1111);
    // otherwise a dotted run is an amount or a version number.
    const dotted = chain.separators.every((s) => s === '.') && isPrintedGrouping(lengths);
    for (let from = 0; from < groups; from++) {
      // Longest span of whole groups from here, joined by spaces or dashes, of at most 19 digits.
      let to = from;
      let sum = lengths[from]!;
      while (to + 1 < groups && sum + lengths[to + 1]! <= 19 && joinsCard(chain.separators[to], dotted)) {
        sum += lengths[++to]!;
      }
      for (; to >= from && sum >= 13; sum -= lengths[to--]!) {
        const digits = chainDigits(text, chain, from, to);
        if (!isCardNumber(digits)) continue;
        const start = chain.groups[2 * from]!;
        const end = chain.groups[2 * to + 1]!;
        const whole = from === 0 && to === groups - 1;
        const near = ctx.labels.before(start, CARD_WINDOW, bit(CATEGORY.card)) >= 0;
        const printed = isPrintedGrouping(lengths.slice(from, to + 1));
        out.push({ start, end, preview: maskCard(digits), confidence: whole || near || printed ? 'high' : 'medium' });
        from = to;
        break;
      }
    }
  }
}
