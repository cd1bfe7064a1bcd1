import { FOLD, isSpace, WORD } from './chars';
import { IBAN_LENGTHS } from './iban-lengths';
import { maskIban } from './mask';
import type { Hit, TextContext } from './scan-context';

/**
 * IBANs of every registry country: the country's length and the ISO 7064 mod-97 check, in any case,
 * with or without spaces, line breaks (up to two whitespace characters) or single dashes between
 * characters. The number pass hands over every word that starts with two letters and two digits.
 */

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/** Mod-97 over the rearranged characters (lower case); valid IBANs leave 1. */
function mod97(chars: string): number {
  let r = 0;
  for (let k = 0; k < chars.length; k++) {
    const c = chars.charCodeAt((k + 4) % chars.length);
    const v = c <= 57 ? c - 48 : c - 87;
    r = (v < 10 ? r * 10 + v : r * 100 + v) % 97;
  }
  return r;
}

export function isValidIban(value: string): boolean {
  const chars = value.replace(/[\s-]/g, '').toLowerCase();
  const length = IBAN_LENGTHS.get(chars.slice(0, 2).toUpperCase());
  if (length !== chars.length || !/^[a-z]{2}\d{2}[a-z0-9]+$/.test(chars)) return false;
  const check = Number(chars.slice(2, 4));
  return check >= 2 && check <= 98 && mod97(chars) === 1;
}

/** Reads an IBAN starting at `start`; returns its end and characters (lower case), or null. */
function readIban(text: string, start: number): { end: number; chars: string } | null {
  const length = IBAN_LENGTHS.get(text.slice(start, start + 2).toUpperCase());
  if (length === undefined) return null;
  let chars = '';
  let i = start;
  let end = start;
  while (i < text.length && chars.length < length) {
    const c = FOLD[text.charCodeAt(i)]!;
    if (isAlnum(c)) {
      chars += String.fromCharCode(c);
      end = ++i;
    } else if ((c === 45 && i === end) || (isSpace(c) && i - end < 2)) {
      i++;
    } else {
      break;
    }
  }
  if (chars.length !== length || WORD[text.charCodeAt(end)] === 1) return null;
  const check = Number(chars.slice(2, 4));
  return check >= 2 && check <= 98 && mod97(chars) === 1 ? { end, chars } : null;
}

export function detectIbans(ctx: TextContext, out: Hit[]): void {
  for (const start of ctx.ibanStarts) {
    const iban = readIban(ctx.text, start);
    if (iban) out.push({ start, end: iban.end, preview: maskIban(iban.chars.toUpperCase()), confidence: 'high' });
  }
}
