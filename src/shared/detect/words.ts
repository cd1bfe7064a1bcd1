import { FOLD, WORD_FOLD } from './chars';
import { ChainCollector, type Chain } from './chains';
import { CONTENT_CATEGORIES, ContextIndex } from './context';
import { PREFIX_KEY, type Lexicon, type LexiconEntry } from './lexicon';

/**
 * The one pass over the words of the normalised text. For every word it asks the lexicon's tables
 * whether any term could be that word (and hashes the few that could), notes shapes that start an
 * IBAN or look like a document number, and strings digit-only words together into chains for the
 * number detectors. Only hits allocate; tables are read through locals, which is markedly faster.
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
  /** Starts of words shaped like the beginning of an IBAN (two letters, two digits). */
  ibanStarts: number[];
  /** Starts of nine-character words shaped like a Dutch passport or ID-card number. */
  documentStarts: number[];
  chains: Chain[];
}

/** Whether `word` (folded) is at `pos` of the text once folded. */
function foldedAt(text: string, pos: number, word: string): boolean {
  if (pos + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (FOLD[text.charCodeAt(pos + k)] !== word.charCodeAt(k)) return false;
  return true;
}

const isWordAt = (text: string, pos: number): boolean =>
  pos >= 0 && pos < text.length && WORD_FOLD[text.charCodeAt(pos)] !== 0;

/** The end of the words after the anchor, or -1; a prefix term's last word may run on. */
function matchAfter(text: string, pos: number, entry: LexiconEntry): number {
  const { words } = entry;
  for (let w = entry.anchor + 1; w < words.length; w++) {
    let j = pos;
    while (j < text.length && j - pos < 2 && !isWordAt(text, j)) j++;
    const word = words[w]!;
    if (j === pos || !foldedAt(text, j, word)) return -1;
    pos = j + word.length;
    if (isWordAt(text, pos)) {
      if (!entry.prefix || w !== words.length - 1) return -1;
      while (isWordAt(text, pos)) pos++;
    }
  }
  return pos;
}

/** The start of the words before the anchor, or -1. */
function matchBefore(text: string, pos: number, entry: LexiconEntry): number {
  for (let w = entry.anchor - 1; w >= 0; w--) {
    let j = pos;
    while (j > 0 && pos - j < 2 && !isWordAt(text, j - 1)) j--;
    const word = entry.words[w]!;
    const start = j - word.length;
    if (j === pos || start < 0 || isWordAt(text, start - 1) || !foldedAt(text, start, word)) return -1;
    pos = start;
  }
  return pos;
}

function lookup(text: string, entries: LexiconEntry[] | undefined, start: number, len: number, out: WordScan): void {
  if (!entries) return;
  for (const entry of entries) {
    const anchor = entry.words[entry.anchor]!;
    const runsOn = entry.prefix && entry.words.length === 1;
    if ((runsOn ? anchor.length > len : anchor.length !== len) || !foldedAt(text, start, anchor)) continue;
    const end = entry.anchor === entry.words.length - 1 ? start + len : matchAfter(text, start + len, entry);
    const from = entry.anchor === 0 ? start : matchBefore(text, start, entry);
    if (end < 0 || from < 0) continue;
    if (entry.category < CONTENT_CATEGORIES) out.hits.push({ start: from, end, entry });
    else out.labels.add(from, end, entry.category);
  }
}

/** Two letters, six letters or digits, a digit; never the letter O, which reads as zero. */
function isDocumentShape(text: string, s: number): boolean {
  for (let k = 0; k < 9; k++) {
    const c = FOLD[text.charCodeAt(s + k)]!;
    const letter = c >= 97 && c <= 122 && c !== 111;
    const digit = c >= 48 && c <= 57;
    if (k < 2 ? !letter : k === 8 ? !digit : !letter && !digit) return false;
  }
  return true;
}

export function scanWords(text: string, lex: Lexicon): WordScan {
  const out: WordScan = { hits: [], labels: new ContextIndex(), ibanStarts: [], documentStarts: [], chains: [] };
  const chains = new ChainCollector(text, out.chains);
  const table = WORD_FOLD;
  const { starts, hashes, edges, byHash, byPrefix } = lex;
  const keyLength = PREFIX_KEY;
  const n = text.length;
  let chainOpen = false;
  let i = 0;
  while (i < n) {
    const c0 = table[text.charCodeAt(i)]!;
    if (c0 === 0) {
      i++;
      continue;
    }
    const start = i;
    const c1 = ++i < n ? table[text.charCodeAt(i)]! : 0;
    let all = c0 | c1;
    for (let c = c1; c !== 0; c = ++i < n ? table[text.charCodeAt(i)]! : 0) all |= c;
    const len = i - start;
    // The same arithmetic as startKey, edgeKey, lengthBit and hashSlot, written out: imported
    // functions and bindings cost noticeably more in a loop that runs for every word.
    const wanted = starts[((c0 & 0xff) << 8) | (c1 & 0xff)]!;
    if (wanted !== 0) {
      if ((wanted & (len >= 31 ? 0x80000000 : 1 << len)) !== 0) {
        const last = table[text.charCodeAt(i - 1)]!;
        if (edges[(Math.imul(Math.imul(Math.imul(c0, 31) + (len > 1 ? c1 : 0), 31) + last, 31) + len) & 0xffff] === 1) {
          const h = hashRange(text, start, len);
          if (hashes[(h ^ (h >>> 16)) & 0xffff] === 1) lookup(text, byHash.get(h), start, len, out);
        }
      }
      if ((wanted & 1) !== 0 && len >= keyLength) {
        const c2 = table[text.charCodeAt(start + 2)]!;
        if (edges[Math.imul(Math.imul(Math.imul(c0, 31) + c1, 31) + c2, 31) & 0xffff] === 1) {
          const h = hashRange(text, start, keyLength);
          if (hashes[(h ^ (h >>> 16)) & 0xffff] === 1) lookup(text, byPrefix.get(h), start, len, out);
        }
      }
    }
    // Digits are 0x30–0x39, so only a word of digits keeps its characters' union below 0x40.
    if (all < 64) {
      chains.digits(start, i);
      chainOpen = true;
      continue;
    }
    if (chainOpen) {
      chains.other();
      chainOpen = false;
    }
    // An IBAN starts as a four-character group ("NL91 ABNA …") or as one long word.
    if ((len === 4 || len >= 15) && c0 > 57 && c1 > 57) {
      const d1 = table[text.charCodeAt(start + 2)]!;
      const d2 = table[text.charCodeAt(start + 3)]!;
      if (d1 <= 57 && d2 <= 57) out.ibanStarts.push(start);
    }
    if (len === 9 && table[text.charCodeAt(start + 8)]! <= 57 && isDocumentShape(text, start)) out.documentStarts.push(start);
  }
  chains.other();
  return out;
}

/** The lexicon's word hash over folded characters, read straight from the text. */
function hashRange(text: string, start: number, length: number): number {
  const table = WORD_FOLD;
  let h = 0;
  for (let k = start; k < start + length; k++) h = (Math.imul(h, 31) + table[text.charCodeAt(k)]!) | 0;
  return h;
}
