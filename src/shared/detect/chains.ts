import { isSpace } from './chars';

/**
 * A run of digit groups joined by short separators (`123 456 782`, `1234.56.782`,
 * `4111-1111-1111-1111`, `+31 (0)20 123 4567`), built during the word pass and shared by the BSN,
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
  /** `+` or `(` directly before the first digit, else empty. */
  prefix: string;
  /** Glued to something that makes it part of a larger token: `€ 123.456.789`, `1.123456789`, `12%`. */
  embedded: boolean;
}

const MIN_DIGITS = 8;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const isMark = (c: number): boolean => c === 46 || c === 45 || c === 47 || c === 40 || c === 41;
const isParen = (c: number): boolean => c === 40 || c === 41;

/**
 * One separator (a space, a line break, `.`, `-`, `/`, a parenthesis), two when both are
 * whitespace (`\r\n`) or one is a parenthesis (`) `, ` (`), or a dash or slash between spaces.
 */
function joins(text: string, from: number, to: number): boolean {
  const a = text.charCodeAt(from);
  if (to - from === 1) return isSpace(a) || isMark(a);
  const b = text.charCodeAt(from + 1);
  if (to - from === 2) {
    return (isSpace(a) && isSpace(b)) || (isParen(a) && (isSpace(b) || isParen(b))) || (isSpace(a) && isParen(b));
  }
  // A dash or slash between spaces, as in "030 - 123 45 67".
  return to - from === 3 && isSpace(a) && (b === 45 || b === 47) && isSpace(text.charCodeAt(from + 2));
}

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
  // An amount with the currency sign a space away: `€ 123.456.782`.
  if (isSpace(b) && BEFORE.has(text.charCodeAt(start - 2))) return true;
  const a = text.charCodeAt(end);
  if (AFTER.has(a)) return true;
  if ((a === 46 || a === 44) && isDigit(text.charCodeAt(end + 1))) return true;
  // The digits of a spaced IBAN ("NL91 ABNA 0417 1643 00"), whether or not its check holds.
  return IBAN_HEAD.test(text.slice(Math.max(0, start - 12), start));
}


/** Receives the word pass's digit-only words in order and keeps the long enough chains. */
export class ChainCollector {
  // Group offsets of the current chain; a typed buffer because most "chains" are one short number.
  private groups = new Int32Array(64);
  private n = 0;
  private count = 0;

  constructor(
    private readonly text: string,
    private readonly out: Chain[],
  ) {}

  digits(start: number, end: number): void {
    if (this.n === 0 || !joins(this.text, this.groups[this.n - 1]!, start)) {
      this.other();
      this.count = 0;
    }
    if (this.n === this.groups.length) {
      const bigger = new Int32Array(this.n * 2);
      bigger.set(this.groups);
      this.groups = bigger;
    }
    this.groups[this.n++] = start;
    this.groups[this.n++] = end;
    this.count += end - start;
  }

  /** Any other word, or the end of the text, ends the current chain. */
  other(): void {
    const n = this.n;
    if (n === 0) return;
    this.n = 0;
    if (this.count < MIN_DIGITS) return;
    const { text } = this;
    const groups = Array.from(this.groups.subarray(0, n));
    const start = groups[0]!;
    const end = groups[n - 1]!;
    const separators: string[] = [];
    for (let k = 1; k + 1 < n; k += 2) {
      const sep = text.slice(groups[k], groups[k + 1]);
      separators.push(/^\s+$/.test(sep) ? ' ' : sep);
    }
    const before = text.charAt(start - 1);
    this.out.push({
      start, end, groups, separators,
      prefix: before === '+' || before === '(' ? before : '',
      embedded: isEmbedded(text, start, end),
    });
  }
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
