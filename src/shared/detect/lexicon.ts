import { FOLD, NORM, WORD } from './chars';

/**
 * Word lists compiled for whole-word matching in the word pass. Most words of a text are in no
 * list, so the pass first asks a small table keyed by a word's first two (folded) characters
 * which word lengths any term starts with; only the few words that pass are hashed and looked up.
 * A term of several words is filed under its longest word, so that "de arts" or "the patient" do
 * not send every "de" and "the" to the map.
 *
 * Terms are written naturally (any case, accents allowed). A term of several words matches them
 * separated by up to two non-word characters (`date of birth`, `date-of-birth`, `d.o.b`); a term
 * ending in `*` lets its last word run on (`diabet*` matches `diabetes`, `credit card*` matches
 * `credit cards`).
 */
export interface LexiconEntry {
  words: string[];
  /** The word the term is filed under. */
  anchor: number;
  prefix: boolean;
  category: number;
  /** Counts only when a term of the same category that is not weak occurs in the same text. */
  weak: boolean;
  /** The term as listed, folded, with `…` for a prefix: the preview of a word finding. */
  term: string;
}

export interface Lexicon {
  /**
   * By {@link startKey} of a word's first two characters: bit `n` (n < 31) is set when a term is
   * filed under a word of length n, bit 31 for longer words, bit 0 when a prefix term starts so.
   */
  starts: Uint32Array;
  /** 1 at {@link hashSlot} of every key hash: a second cheap test before a map lookup. */
  hashes: Uint8Array;
  /**
   * 1 at {@link edgeKey} of every whole-word key (first, second and last character, length) and of
   * every prefix key (first three characters): a third test, read before any hashing.
   */
  edges: Uint8Array;
  /** Whole words (and the anchors of terms of several words), by the hash of the word. */
  byHash: Map<number, LexiconEntry[]>;
  /** One-word prefix terms, by the hash of their first {@link PREFIX_KEY} characters. */
  byPrefix: Map<number, LexiconEntry[]>;
  size: number;
}

/** Prefix terms are looked up by this many leading characters; shorter ones only match whole words. */
export const PREFIX_KEY = 4;

export function foldTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = NORM[term.charCodeAt(i)]!;
    if (c !== 0) out += String.fromCharCode(FOLD[c]!);
  }
  return out.trim().replace(/\s+/g, ' ');
}

/** Splits at the characters the word pass does not count as part of a word. */
function splitWords(s: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i <= s.length; i++) {
    const c = s.charCodeAt(i);
    if (i < s.length && WORD[c] === 1) word += s.charAt(i);
    else if (word) {
      words.push(word);
      word = '';
    }
  }
  return words;
}

/** The same hash the scanner computes while it reads a word. */
export function hashWord(word: string, length = word.length): number {
  let h = 0;
  for (let i = 0; i < length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

export function hashSlot(h: number): number {
  return (h ^ (h >>> 16)) & 0xffff;
}

/** The table slot for a word starting with folded characters `a` and `b` (0 for a one-letter word). */
export function startKey(a: number, b: number): number {
  return ((a & 0xff) << 8) | (b & 0xff);
}

export function edgeKey(a: number, b: number, c: number, length: number): number {
  return (Math.imul(Math.imul(Math.imul(a, 31) + b, 31) + c, 31) + length) & 0xffff;
}

export function lengthBit(length: number): number {
  return length >= 31 ? 0x80000000 : 1 << length;
}

export interface TermGroup {
  category: number;
  terms: readonly string[];
  weak?: boolean;
}

export function buildLexicon(groups: readonly TermGroup[]): Lexicon {
  const lexicon: Lexicon = {
    starts: new Uint32Array(0x10000), hashes: new Uint8Array(0x10000), edges: new Uint8Array(0x10000),
    byHash: new Map(), byPrefix: new Map(), size: 0,
  };
  for (const { category, terms, weak = false } of groups) {
    for (const raw of terms) {
      const folded = foldTerm(raw);
      const prefix = folded.endsWith('*');
      const words = splitWords(prefix ? folded.slice(0, -1) : folded);
      if (words.length === 0) continue;
      // The last word of a prefix term is not a whole word, so it cannot be the one looked up.
      const candidates = prefix && words.length > 1 ? words.length - 1 : words.length;
      let anchor = 0;
      // Longest word; on a tie the later one, which is less often a short function word ("op de ic").
      for (let w = 1; w < candidates; w++) if (words[w]!.length >= words[anchor]!.length) anchor = w;
      const key = words[anchor]!;
      const byPrefix = prefix && words.length === 1 && key.length >= PREFIX_KEY;
      const h = hashWord(key, byPrefix ? PREFIX_KEY : key.length);
      const map = byPrefix ? lexicon.byPrefix : lexicon.byHash;
      const list = map.get(h) ?? [];
      list.push({
        words, anchor, prefix: prefix && (words.length > 1 || byPrefix), category, weak,
        term: prefix ? `${folded.slice(0, -1)}…` : folded,
      });
      map.set(h, list);
      const slot = startKey(key.charCodeAt(0), key.length > 1 ? key.charCodeAt(1) : 0);
      lexicon.starts[slot]! |= byPrefix ? 1 : lengthBit(key.length);
      lexicon.hashes[hashSlot(h)] = 1;
      const at = (k: number): number => (k < key.length ? key.charCodeAt(k) : 0);
      lexicon.edges[byPrefix ? edgeKey(at(0), at(1), at(2), 0) : edgeKey(at(0), at(1), at(key.length - 1), key.length)] = 1;
      lexicon.size++;
    }
  }
  return lexicon;
}

/** Splits a comma-separated data string into terms. */
export function terms(list: string): string[] {
  return list.split(',').map((t) => t.trim()).filter(Boolean);
}
