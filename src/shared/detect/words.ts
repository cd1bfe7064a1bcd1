import { FOLD, WORD, wordEnd, wordStart } from './chars';
import { CONTENT_CATEGORIES, ContextIndex } from './context';
import { PREFIX_KEY, type Lexicon, type LexiconEntry } from './lexicon';
import { findAccents } from './normalise';

/**
 * The word pass: finds the terms of the word lists and the context labels. A loop over every
 * character in JavaScript costs several times a native regular-expression scan, so the lexicon's
 * `starts` pattern finds the few words that may start a term, and only those are hashed and looked
 * up here. That pattern knows unaccented letters only, so words with a Latin letter with an accent
 * (rare in Dutch and English) are looked up besides, with the words before them.
 */
export interface WordHit {
  start: number;
  end: number;
  entry: LexiconEntry;
}

export interface WordScan {
  /** Health, finance and keyword terms. */
  hits: WordHit[];
  /** Context labels ("BSN", "ordernummer", "geboortedatum"). */
  labels: ContextIndex;
}

/** Whether `word` (folded) is at `pos` of the text once folded. */
function foldedAt(text: string, pos: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (FOLD[text.charCodeAt(pos + k)] !== word.charCodeAt(k)) return false;
  return true;
}

const isWordAt = (text: string, pos: number): boolean => WORD[text.charCodeAt(pos)] === 1;

/** The end of the term's other words after its first, or -1; a prefix term's last word may run on. */
function matchAfter(text: string, pos: number, entry: LexiconEntry): number {
  const { words } = entry;
  for (let w = 1; w < words.length; w++) {
    let j = pos;
    while (j - pos < 2 && !isWordAt(text, j)) j++;
    const word = words[w]!;
    if (j === pos || !foldedAt(text, j, word)) return -1;
    pos = j + word.length;
    if (isWordAt(text, pos)) {
      if (!entry.prefix || w !== words.length - 1) return -1;
      pos = wordEnd(text, pos);
    }
  }
  return pos;
}

/** Looks up the word starting at `start` and notes the terms it starts; returns its end. */
function visit(text: string, lex: Lexicon, start: number, out: WordScan): number {
  let h = 0;
  let i = start;
  // The same hash as hashWord, over the first folded characters, read straight from the text.
  for (let c = text.charCodeAt(i); i < start + PREFIX_KEY && WORD[c] === 1; c = text.charCodeAt(++i)) h = (Math.imul(h, 31) + FOLD[c]!) | 0;
  const end = wordEnd(text, i);
  const entries = lex.byHead.get(h);
  if (entries === undefined) return end;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k]!;
    const first = entry.words[0]!;
    const runsOn = entry.prefix && entry.words.length === 1;
    if ((runsOn ? first.length > end - start : first.length !== end - start) || !foldedAt(text, start, first)) continue;
    const to = entry.words.length === 1 ? end : matchAfter(text, end, entry);
    if (to < 0) continue;
    if (entry.category < CONTENT_CATEGORIES) out.hits.push({ start, end: to, entry });
    else out.labels.add(start, to, entry.category);
  }
  return end;
}

/** The start of the word one or two other characters before the word at `start`, or -1. */
function previousWord(text: string, start: number): number {
  let j = start;
  while (j > 0 && start - j < 2 && !isWordAt(text, j - 1)) j--;
  return j < start && isWordAt(text, j - 1) ? wordStart(text, j) : -1;
}

/** `accents`: ascending offsets of Latin letters with accents (see normaliseNotingAccents). */
export function scanWords(text: string, lex: Lexicon, accents: readonly number[] = findAccents(text)): WordScan {
  const out: WordScan = { hits: [], labels: new ContextIndex() };
  // The pattern cannot read a word with an accent, nor a term of several words that reaches it:
  // those words, and up to `longest - 1` before each, are looked up as well. So is the first word
  // of the text, which the pattern cannot see either (it needs a character before a word).
  const more: number[] = isWordAt(text, 0) ? [0] : [];
  let word = -1;
  for (const at of accents) {
    // A word with several accents is looked up once.
    if (at < word || !isWordAt(text, at)) continue;
    for (let k = 0, w = wordStart(text, at); k < lex.longest && w >= 0; k++) {
      more.push(w);
      w = previousWord(text, w);
    }
    word = wordEnd(text, at);
  }
  if (accents.length > 0) more.sort((a, b) => a - b);
  // Both kinds in text order, each word once, so that labels arrive in order.
  const starts = lex.starts;
  starts.lastIndex = 0;
  for (let next = 0, last = -1; ; ) {
    const found = starts.test(text) ? wordStart(text, starts.lastIndex) : text.length;
    for (; next < more.length && more[next]! < found; next++) {
      if (more[next] !== last && more[next] !== more[next - 1]) visit(text, lex, more[next]!, out);
    }
    if (found === text.length) return out;
    starts.lastIndex = visit(text, lex, found, out);
    last = found;
  }
}
