/**
 * Per-character tables for the normaliser and the word matcher, built once at load from a few
 * ranges (cheaper to ship than a generated table, and a lookup per character keeps the pass fast).
 */

const SIZE = 0x10000;

/** Code point to put in the normalised text; 0 drops the character. */
export const NORM = new Uint16Array(SIZE);
/** Lower case without accents, for the folded text; indexed by the already normalised character. */
export const FOLD = new Uint16Array(SIZE);
/** 1 where a character belongs to a word, for whole-word matching. */
export const WORD = new Uint8Array(SIZE);

function fill(table: Uint16Array | Uint8Array, from: number, to: number, value: (c: number) => number): void {
  for (let c = from; c <= to; c++) table[c] = value(c);
}

// Rare Unicode spaces become a plain space; tabs, line breaks and NBSP stay, and every detector
// treats them as a space (see isSpace), so that the common case needs no copy of the text.
const RARE_SPACES = [0x85, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
// Invisible formatting characters: dropped so they cannot split or hide a number or a word.
const INVISIBLE: Array<[number, number]> = [
  [0x00, 0x08], [0x0e, 0x1f], [0x7f, 0x84], [0x86, 0x9f], [0xad, 0xad], [0x300, 0x36f],
  [0x34f, 0x34f], [0x61c, 0x61c], [0x180e, 0x180e], [0x200b, 0x200f], [0x202a, 0x202e],
  [0x2060, 0x2064], [0x2066, 0x206f], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
];
// Other scripts' digits become ASCII so that a number cannot be disguised by writing it in them.
const DIGIT_BLOCKS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xe50, 0xff10];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63];
// Letters that Unicode does not decompose but that readers see as a plain letter.
const EXTRA_FOLDS = 'øoØoæaÆaœoŒoßsđdĐdłlŁlħhĦhıiŀlĿl';

fill(NORM, 0, SIZE - 1, (c) => c);
fill(NORM, 0x2000, 0x200a, () => 32);
for (const c of RARE_SPACES) NORM[c] = 32;
for (const [from, to] of INVISIBLE) fill(NORM, from, to, () => 0);
for (const base of DIGIT_BLOCKS) fill(NORM, base, base + 9, (c) => 48 + c - base);
for (const c of DASHES) NORM[c] = 45;
fill(NORM, 0xff01, 0xff5e, (c) => c - 0xfee0);

const canDecompose = typeof ''.normalize === 'function';
fill(FOLD, 0, SIZE - 1, (c) => c);
fill(FOLD, 0x41, 0x5a, (c) => c + 32);
fill(FOLD, 0xc0, 0x24f, (c) => {
  const ch = String.fromCharCode(c);
  const base = (canDecompose ? ch.normalize('NFD') : ch).toLowerCase();
  const first = base.charCodeAt(0);
  return first < 0x250 ? first : c;
});
for (let i = 0; i < EXTRA_FOLDS.length; i += 2) FOLD[EXTRA_FOLDS.charCodeAt(i)] = EXTRA_FOLDS.charCodeAt(i + 1);
fill(FOLD, 0x391, 0x3a9, (c) => c + 32);
fill(FOLD, 0x410, 0x42f, (c) => c + 32);
fill(FOLD, 0x400, 0x40f, (c) => c + 80);

// Word characters: ASCII letters and digits, Latin (without × and ÷) up to U+1FFF, kana to Hangul,
// compatibility ideographs. Kept as ranges so the table and the regular-expression class that the
// native candidate passes use cannot drift apart.
const WORD_RANGES = [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a, 0xc0, 0xd6, 0xd8, 0xf6, 0xf8, 0x1fff, 0x3040, 0xd7ff, 0xf900, 0xfdff];
let wordClass = '';
for (let k = 0; k < WORD_RANGES.length; k += 2) {
  fill(WORD, WORD_RANGES[k]!, WORD_RANGES[k + 1]!, () => 1);
  // The characters themselves: none of them needs escaping inside a class.
  wordClass += String.fromCharCode(WORD_RANGES[k]!, 45, WORD_RANGES[k + 1]!);
}
/** The word characters as the inside of a regular-expression class (`[^${WORD_CLASS}]`). */
export const WORD_CLASS = wordClass;

/** An ASCII digit (what every detector counts as one: other scripts' digits are normalised to these). */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whitespace as it can appear in normalised text: space, tab, line breaks, NBSP. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** The start of the word around `pos` (which is just past, or on, a word character). */
export function wordStart(text: string, pos: number): number {
  while (pos > 0 && WORD[text.charCodeAt(pos - 1)] === 1) pos--;
  return pos;
}

/** The end of the word running from `pos`. */
export function wordEnd(text: string, pos: number): number {
  while (WORD[text.charCodeAt(pos)] === 1) pos++;
  return pos;
}
