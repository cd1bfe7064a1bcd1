import { NORM } from './chars';
import { walkHtml, type HtmlSink } from './html-to-text';
import type { Normalised, NormaliseOptions } from './normalise';

/** Character-by-character normalisation that records where each character came from. */
class TextBuilder implements HtmlSink {
  private readonly out: Uint16Array;
  private readonly src: Uint32Array;
  private n = 0;

  constructor(capacity: number) {
    this.out = new Uint16Array(capacity);
    this.src = new Uint32Array(capacity + 1);
  }

  char(code: number, at: number): void {
    const c = NORM[code]!;
    if (c === 0) return;
    this.out[this.n] = c;
    this.src[this.n++] = at;
  }

  text(input: string, from: number, to: number): void {
    for (let i = from; i < to; i++) this.char(input.charCodeAt(i), i);
  }

  gap(at: number): void {
    this.char(32, at);
  }

  finish(inputLength: number): Required<Normalised> {
    const parts: string[] = [];
    // Chunks keep the argument count of fromCharCode well below engine limits.
    for (let i = 0; i < this.n; i += 8192) {
      parts.push(String.fromCharCode.apply(null, this.out.subarray(i, Math.min(this.n, i + 8192)) as unknown as number[]));
    }
    this.src[this.n] = inputLength;
    return { text: parts.join(''), map: this.src.slice(0, this.n + 1) };
  }
}

/**
 * The same normalisation as `normalise`, character by character, recording where each character
 * came from: `map[i]` is the offset in the input of `text[i]` and `map[text.length]` is the input
 * length, so `[map[start], map[end - 1] + 1)` is a finding's span in the input (to highlight it
 * in the message). Slower, and kept apart so the on-send bundle does not carry it.
 */
export function normaliseWithMap(input: string, options: NormaliseOptions = {}): Required<Normalised> {
  const builder = new TextBuilder(input.length);
  if (options.html) walkHtml(input, builder);
  else builder.text(input, 0, input.length);
  return builder.finish(input.length);
}
