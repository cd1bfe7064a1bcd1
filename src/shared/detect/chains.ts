import { isDigit, isSpace, WORD } from './chars';

/**
 * A run of digit groups joined by short separators (`123 456 782`, `1234.56.782`,
 * `4111-1111-1111-1111`, `+31 (0)20 123 4567`), found by the number pass and shared by the BSN,
 * card and phone detectors. Only runs with at least eight digits are kept: no identifier we look
 * for is shorter.
 */
export interface Chain {
  start: number;
  end: number;
  /** Start and end offset of each digit group, flattened: [s0, e0, s1, e1, ...]. */
  groups: number[];
  /** The characters between each group and the next; whitespace of any kind reads as one space. */
  separators: string[];
  /** How many digits the groups hold together. */
  digits: number;
  /** `+` or `(` directly before the first digit, else empty. */
  prefix: string;
  /** Glued to something that makes it part of a larger token: `€ 123.456.789`, `1.123456789`, `12%`. */
  embedded: boolean;
}

const MIN_DIGITS = 8;

// What joins two groups (whitespace is a space, a tab, a line break or NBSP): one separator (a
// space, `.`, `-`, `/`, a parenthesis), two when both are whitespace (`\r\n`) or one is a
// parenthesis (`) `, ` (`), or a dash or slash between spaces ("030 - 123 45 67"). The number pass
// matches runs of digit groups joined so; see numbers.ts.
const S = '[\\t-\\r \\u00a0]';
export const JOINED_GROUPS = `\\d+(?:(?:[\\t-\\r \\u00a0./()-]|${S}${S}|[()][\\t-\\r \\u00a0()]|${S}[()]|${S}[-/]${S})\\d+)+`;

// Directly before a number: currency, at, hash, slash, backslash, underscore.
const BEFORE = new Set([36, 163, 8364, 64, 35, 47, 92, 95]);
// Directly after a number: percent, at, euro, underscore.
const AFTER = new Set([37, 64, 8364, 95]);

const IBAN_HEAD = /[A-Za-z]{2}\d\d(?:\s?[A-Za-z0-9]{4})?\s$/;

function isEmbedded(text: string, start: number, end: number): boolean {
  const b = text.charCodeAt(start - 1);
  if (BEFORE.has(b)) return true;
  // A decimal or thousands tail (`1.123456782`, `12,123456782`) rather than a number of its own.
  if ((b === 46 || b === 44) && isDigit(text.charCodeAt(start - 2))) return true;
  const a = text.charCodeAt(end);
  if (AFTER.has(a)) return true;
  if ((a === 46 || a === 44) && isDigit(text.charCodeAt(end + 1))) return true;
  if (!isSpace(b)) return false;
  // An amount with the currency sign a space away: `€ 123.456.782`.
  if (BEFORE.has(text.charCodeAt(start - 2))) return true;
  // The digits of a spaced IBAN ("NL91 ABNA 0417 1643 00"), whether or not its check holds; its
  // check digits end 2, 6 or 7 characters before, which most numbers in prose lack.
  const head = isDigit(text.charCodeAt(start - 2)) || isDigit(text.charCodeAt(start - 6)) || isDigit(text.charCodeAt(start - 7));
  return head && IBAN_HEAD.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * The chain of the digit groups in `text[from, to)`, which the number pass matched as joined
 * groups that start a word; null when it holds fewer than eight digits. A last group glued to
 * letters (`456` in `123 456abc`) is part of another word and left out.
 */
export function readChain(text: string, from: number, to: number): Chain | null {
  // Most runs are short numbers (dates, amounts): count first, build only what is kept.
  let digits = 0;
  for (let i = from; i < to; i++) if (isDigit(text.charCodeAt(i))) digits++;
  if (WORD[text.charCodeAt(to)] === 1) {
    for (; isDigit(text.charCodeAt(to - 1)); to--) digits--;
    while (to > from && !isDigit(text.charCodeAt(to - 1))) to--;
  }
  if (digits < MIN_DIGITS) return null;
  const groups: number[] = [];
  for (let i = from; i < to; ) {
    groups.push(i);
    while (i < to && isDigit(text.charCodeAt(i))) i++;
    groups.push(i);
    while (i < to && !isDigit(text.charCodeAt(i))) i++;
  }
  const n = groups.length;
  const separators: string[] = [];
  for (let k = 1; k + 1 < n; k += 2) {
    let spaces = true;
    for (let c = groups[k]!; c < groups[k + 1]!; c++) if (!isSpace(text.charCodeAt(c))) spaces = false;
    separators.push(spaces ? ' ' : text.slice(groups[k], groups[k + 1]));
  }
  const start = groups[0]!;
  const end = groups[n - 1]!;
  const before = text.charAt(start - 1);
  return {
    start, end, groups, separators, digits,
    prefix: before === '+' || before === '(' ? before : '',
    embedded: isEmbedded(text, start, end),
  };
}

/** The digits of groups `from` to `to` (inclusive) of a chain. */
export function chainDigits(text: string, chain: Chain, from: number, to: number): string {
  let digits = '';
  for (let g = from; g <= to; g++) digits += text.slice(chain.groups[2 * g], chain.groups[2 * g + 1]);
  return digits;
}

export function groupCount(chain: Chain): number {
  return chain.groups.length / 2;
}
