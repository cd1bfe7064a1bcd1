import { NORM } from './chars';
import { walkHtml, type HtmlSink } from './html-to-text';

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

/** Collects HTML text as slices; the string pass below then normalises it all at once. */
class SliceSink implements HtmlSink {
  readonly parts: string[] = [];
  char(code: number): void {
    this.parts.push(String.fromCharCode(code));
  }
  text(input: string, from: number, to: number): void {
    this.parts.push(input.slice(from, to));
  }
  gap(): void {
    this.parts.push(' ');
  }
}

// The same rules as TextBuilder as one native string pass. A class with few ranges scans fast;
// it is a superset of the characters that change, and the callback returns the others as they are.
const MAY_CHANGE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- these are the characters to drop
  /[\x00-\x08\x0e-\x1f\x7f-\x9f\xad\u0300-\u036f\u0600-\u07ff\u0900-\u0e7f\u1680\u180e\u2000-\u206f\u2212\u3000\ufe00-\ufe63\ufeff-\uff5e]/g;
const change = (ch: string): string => {
  const c = NORM[ch.charCodeAt(0)]!;
  return c === 0 ? '' : String.fromCharCode(c);
};

/** Normalises plain text or HTML; see {@link Normalised}. */
export function normalise(input: string, options: NormaliseOptions = {}): Normalised {
  let raw = input;
  if (options.html) {
    const sink = new SliceSink();
    walkHtml(input, sink);
    raw = sink.parts.join('');
  }
  return { text: raw.replace(MAY_CHANGE, change) };
}
