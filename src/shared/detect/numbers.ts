import { FOLD, WORD, WORD_CLASS, wordEnd, wordStart } from './chars';
import { JOINED_GROUPS, readChain, type Chain } from './chains';
import { isDocumentShape } from './document';

/**
 * The number pass: one native scan for what the identifier detectors start from. Digit groups
 * that start a word and are joined into a run (or eight digits and more at once) become chains;
 * a letter followed by a digit marks a word that mixes both, which may start an IBAN ("NL91 …",
 * "NL91ABNA…") or be a passport or ID-card number ("NW4KJ8L12"). Digits are rare in prose, so
 * this costs about as much as one bare regular-expression pass; JavaScript only sees the matches.
 */
export interface NumberScan {
  chains: Chain[];
  /** Starts of words shaped like the beginning of an IBAN (two letters, two digits). */
  ibanStarts: number[];
  /** Starts of nine-character words shaped like a Dutch passport or ID-card number. */
  documentStarts: number[];
}

const NUMBERS = new RegExp(`(?:^|[^${WORD_CLASS}])(?:${JOINED_GROUPS}|\\d{8,})|[A-Za-z\\u00c0-\\u024f]\\d`, 'g');

// Within a word, everything that does not fold to a digit (48–57) is a letter.
const letterAt = (text: string, pos: number): boolean => FOLD[text.charCodeAt(pos)]! > 57;

/** Notes the word around a letter-digit pair at `at` if it is shaped so; returns the word's end. */
function mixedWord(text: string, at: number, out: NumberScan): number {
  const start = wordStart(text, at);
  const end = wordEnd(text, at);
  const len = end - start;
  const iban = (len === 4 || len >= 15) && letterAt(text, start) && letterAt(text, start + 1);
  if (iban && !letterAt(text, start + 2) && !letterAt(text, start + 3)) out.ibanStarts.push(start);
  if (len === 9 && isDocumentShape(text, start)) out.documentStarts.push(start);
  return end;
}

export function scanNumbers(text: string): NumberScan {
  const out: NumberScan = { chains: [], ibanStarts: [], documentStarts: [] };
  const re = NUMBERS;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const first = text.charCodeAt(m.index);
    // The letter-digit alternative is the only match of two characters.
    if (m[0].length === 2 && WORD[first] === 1) {
      re.lastIndex = mixedWord(text, m.index, out);
      continue;
    }
    const chain = readChain(text, first >= 48 && first <= 57 ? m.index : m.index + 1, re.lastIndex);
    if (chain) out.chains.push(chain);
  }
  return out;
}
