import { NORM } from './chars';
import { htmlToText } from './html-to-text';

/**
 * What the detectors see. `start`/`end` of every finding are UTF-16 offsets into `text`.
 *
 * Invisible characters (zero-width, soft hyphen, bidi marks, combining accents, controls) are
 * dropped; other scripts' digits and full-width forms become ASCII; dash variants become `-`;
 * rare Unicode spaces become a space. Tabs, line breaks and NBSP stay as they are, and every
 * detector treats them as a space, so none of them can split or hide a number. For HTML, tags are
 * removed (inline tags without a trace, block tags and `<br>` as one space) and entities decoded.
 * Plain text without invisible or mapped characters comes out unchanged, so offsets are then
 * offsets into the input itself.
 */
export interface Normalised {
  text: string;
  /** Only from {@link normaliseWithMap}. */
  map?: Uint32Array;
}

export interface NormaliseOptions {
  html?: boolean;
}

// The same rules as TextBuilder as one native string pass. A class with few ranges scans fast
// (with more than sixteen, V8 checks each character out of line, about ten times slower);
// it is a superset of the characters that change, and the callback returns the others as they are.
const changes =
  '\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f\\xad\\u0300-\\u036f\\u0600-\\u07ff\\u0900-\\u0e7f\\u1680\\u180e\\u2000-\\u206f\\u2212\\u3000\\ufe00-\\ufe63\\ufeff-\\uff5e';
// eslint-disable-next-line no-misleading-character-class -- combining accents are among the characters to drop
const MAY_CHANGE = new RegExp(`[${changes}]`, 'g');
// The scan's variant also stops at Latin letters with accents, which keep their place: the word
// pass's native search knows only unaccented letters and looks at these words itself.
const ACCENT = '\\u00c0-\\u024f';
// eslint-disable-next-line no-misleading-character-class -- as above
const MAY_CHANGE_OR_ACCENT = new RegExp(`[${changes}${ACCENT}]`, 'g');
const ACCENTED = new RegExp(`[${ACCENT}]`, 'g');
const change = (ch: string): string => {
  const c = NORM[ch.charCodeAt(0)]!;
  return c === 0 ? '' : String.fromCharCode(c);
};

/** Normalises plain text or HTML; see {@link Normalised}. */
export function normalise(input: string, options: NormaliseOptions = {}): Normalised {
  return { text: (options.html ? htmlToText(input) : input).replace(MAY_CHANGE, change) };
}

/** Offsets of the Latin letters with accents in `text`, ascending. */
export function findAccents(text: string): number[] {
  const found: number[] = [];
  ACCENTED.lastIndex = 0;
  while (ACCENTED.test(text)) found.push(ACCENTED.lastIndex - 1);
  return found;
}

/**
 * {@link normalise} of plain text (HTML is turned into text first, see htmlToText), also listing
 * where the result has Latin letters with accents (ascending). Most text has nothing to change, so
 * one native scan notes the accents and, only if it meets a character that does change, the text
 * is rewritten (and scanned for accents again).
 */
export function normaliseNotingAccents(raw: string): { text: string; accents: number[] } {
  const accents: number[] = [];
  const re = MAY_CHANGE_OR_ACCENT;
  re.lastIndex = 0;
  while (re.test(raw)) {
    const code = raw.charCodeAt(re.lastIndex - 1);
    if (code >= 0xc0 && code <= 0x24f) accents.push(re.lastIndex - 1);
    else if (NORM[code] !== code) {
      const text = raw.replace(MAY_CHANGE, change);
      return { text, accents: findAccents(text) };
    }
  }
  return { text: raw, accents };
}
