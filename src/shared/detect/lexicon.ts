import { FOLD, NORM, WORD_CLASS } from './chars';

/**
 * Word lists compiled for whole-word matching in the word pass. Most words of a text are in no
 * list, so a native regular expression, a trie of the terms' first few letters, finds the few
 * words that may start one; only those are hashed and looked up in the maps here. A term is filed
 * under its first word, and the trie spells terms of several words across their separators, so
 * that "de arts" or "the patient" do not send every "de" and "the" to the maps.
 *
 * Terms are written naturally (any case, accents allowed). A term of several words matches them
 * separated by up to two non-word characters (`date of birth`, `date-of-birth`, `d.o.b`); a term
 * ending in `*` lets its last word run on (`diabet*` matches `diabetes`, `credit card*` matches
 * `credit cards`).
 */
export interface LexiconEntry {
  words: string[];
  prefix: boolean;
  category: number;
  /** Counts only when a term of the same category that is not weak occurs in the same text. */
  weak: boolean;
  /** The term as listed, folded, with `…` for a prefix: the preview of a word finding. */
  term: string;
}

export interface Lexicon {
  /**
   * Matches at the start of every word (after one other character) that may start a term, as far
   * as unaccented letters tell; global, ignoring case. The scanner looks up the text's first word
   * itself.
   */
  starts: RegExp;
  /** Terms by the hash of the first {@link PREFIX_KEY} characters of their first word (all of a shorter one). */
  byHead: Map<number, LexiconEntry[]>;
  /** The most words in one term. */
  longest: number;
}

/** Terms are filed by this many leading characters; a prefix term needs as many to run on. */
export const PREFIX_KEY = 4;

// The trie spells at most this many characters of a term: longer ones make the native search
// slower without ruling out many more words.
const SPELLED = 8;

function foldTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = NORM[term.charCodeAt(i)]!;
    if (c !== 0) out += String.fromCharCode(FOLD[c]!);
  }
  return out.trim().replace(/\s+/g, ' ');
}

const NON_WORD = new RegExp(`[^${WORD_CLASS}]+`);

/** The same hash the scanner computes while it reads a word. */
function hashWord(word: string, length: number): number {
  let h = 0;
  for (let i = 0; i < length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/**
 * A regular-expression trie of `keys`: words joined by spaces (one or two other characters in
 * the text), then `$` (the word ends) or `*` (anything may follow). A trie, so that the engine
 * tries each branch once per word rather than every term in turn. What follows a word is only
 * looked ahead at, so that a match ends in the word where the term starts.
 */
function trie(keys: string[]): string {
  if (keys.indexOf('*') >= 0) return '';
  const next = new Map<string, string[]>();
  for (const key of keys) {
    const rest = next.get(key.charAt(0));
    if (rest) rest.push(key.slice(1));
    else next.set(key.charAt(0), [key.slice(1)]);
  }
  const branches: string[] = [];
  // Only ASCII letters and digits are tested here; the scanner checks other word characters.
  next.forEach((rest, c) => {
    branches.push(c === '$' ? '(?![0-9a-z])' : c === ' ' ? `(?=[^0-9a-z]{1,2}${trie(rest)})` : c + trie(rest));
  });
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

export interface TermGroup {
  category: number;
  terms: readonly string[];
  weak?: boolean;
}

export function buildLexicon(groups: readonly TermGroup[]): Lexicon {
  const lexicon: Lexicon = { starts: /(?!)/g, byHead: new Map(), longest: 1 };
  const keys: string[] = [];
  for (const { category, terms, weak = false } of groups) {
    for (const raw of terms) {
      const folded = foldTerm(raw);
      const star = folded.endsWith('*');
      // Split at the characters the word pass does not count as part of a word.
      const words = (star ? folded.slice(0, -1) : folded).split(NON_WORD).filter(Boolean);
      if (words.length === 0) continue;
      // A one-word prefix term needs a few letters to be looked up by; a shorter one is a whole word.
      const prefix = star && (words.length > 1 || words[0]!.length >= PREFIX_KEY);
      const h = hashWord(words[0]!, Math.min(PREFIX_KEY, words[0]!.length));
      const list = lexicon.byHead.get(h) || [];
      list.push({ words, prefix, category, weak, term: star ? `${folded.slice(0, -1)}…` : folded });
      lexicon.byHead.set(h, list);
      lexicon.longest = Math.max(lexicon.longest, words.length);
      // A term of several words is spelled into its second word, which rules out most of the first's.
      const spelled = words.join(' ');
      const length = Math.max(SPELLED, words.length > 1 ? words[0]!.length + 3 : 0);
      keys.push(spelled.length > length ? `${spelled.slice(0, length).trim()}*` : spelled + (prefix ? '*' : '$'));
    }
  }
  // Without terms, a pattern that never matches.
  lexicon.starts = new RegExp(keys.length ? `[^${WORD_CLASS}]${trie(keys)}` : '(?!)', 'gi');
  return lexicon;
}

/** Splits a comma-separated data string into terms. */
export function terms(list: string): string[] {
  return list.split(',').map((t) => t.trim()).filter(Boolean);
}
