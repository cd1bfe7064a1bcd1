import { entityCode, LEGACY_NO_SEMICOLON } from './entities';

/**
 * Turns HTML into text without a DOM, so it runs in the Outlook JavaScript-only runtime too.
 * Inline tags vanish without a trace (so `12<b>34</b>` stays one number), block tags and `<br>`
 * separate words, comments, `<script>` and `<style>` are skipped, entities are decoded.
 * Attribute values are not scanned.
 */
// Nothing is built at load: a bundle that never reads HTML (the on-send handler's) then carries
// none of this module. The set of block tags is made on first use.
const BLOCK =
  'address article aside blockquote br caption dd div dl dt fieldset figcaption figure footer form ' +
  'h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section table tbody td tfoot th thead ' +
  'title tr ul';
let blockTags: Set<string> | undefined;
const RAW_TEXT: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };

/** Where the walker writes: runs of text, single decoded characters, and word-separating gaps. */
export interface HtmlSink {
  text(html: string, from: number, to: number): void;
  char(code: number, at: number): void;
  gap(at: number): void;
}

export function walkHtml(html: string, out: HtmlSink): void {
  const len = html.length;
  let i = 0;
  let run = 0;
  let lt = -1;
  let amp = -1;
  while (i < len) {
    // Jump to the next character that may start markup; everything before it is text.
    if (lt < i) lt = html.indexOf('<', i) >>> 0;
    if (amp < i) amp = html.indexOf('&', i) >>> 0;
    const at = Math.min(lt, amp);
    if (at >= len) break;
    const next = at === lt ? skipTag(out, html, at, run) : decodeEntity(out, html, at, run);
    if (next > 0) {
      run = next;
      i = next;
    } else {
      i = at + 1;
    }
  }
  if (run < len) out.text(html, run, len);
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58;
}

/** Returns the offset after the tag, or 0 when the `<` is plain text; flushes the text before it. */
function skipTag(out: HtmlSink, html: string, at: number, run: number): number {
  const first = html.charCodeAt(at + 1);
  if (first === 33 /* ! */ || first === 63 /* ? */) {
    if (run < at) out.text(html, run, at);
    const isComment = html.startsWith('<!--', at);
    const end = isComment ? html.indexOf('-->', at + 4) : html.indexOf('>', at + 2);
    return end < 0 ? html.length : end + (isComment ? 3 : 1);
  }
  const closing = first === 47; /* / */
  let j = at + (closing ? 2 : 1);
  const nameStart = j;
  while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
  if (j === nameStart) return 0;
  if (run < at) out.text(html, run, at);
  const end = tagEnd(html, j);
  const name = html.slice(nameStart, j).toLowerCase();
  if ((blockTags || (blockTags = new Set(BLOCK.split(' ')))).has(name)) out.gap(at);
  const raw = closing ? undefined : RAW_TEXT[name];
  if (!raw || end >= html.length) return end;
  raw.lastIndex = end;
  const close = raw.exec(html);
  if (!close) return html.length;
  const after = html.indexOf('>', close.index);
  return after < 0 ? html.length : after + 1;
}

/** Offset just after the `>` that ends a tag, skipping `>` inside quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return k + 1;
    }
  }
  return html.length;
}

/** Decodes one character reference; returns the offset after it, or 0 when `&` is plain text. */
function decodeEntity(out: HtmlSink, html: string, at: number, run: number): number {
  let j = at + 1;
  let code = -1;
  if (html.charCodeAt(j) === 35 /* # */) {
    const hex = (html.charCodeAt(j + 1) | 32) === 120; /* x */
    j += hex ? 2 : 1;
    const digitsStart = j;
    while (j < html.length && j - digitsStart < 8 && isDigit(html.charCodeAt(j), hex)) j++;
    if (j === digitsStart) return 0;
    code = parseInt(html.slice(digitsStart, j), hex ? 16 : 10);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) code = 0xfffd;
  } else {
    while (j < html.length && j - at <= 32 && isNameChar(html.charCodeAt(j))) j++;
    const name = html.slice(at + 1, j);
    const hasSemicolon = html.charCodeAt(j) === 59;
    if (!hasSemicolon && LEGACY_NO_SEMICOLON.indexOf(` ${name} `) < 0) return 0;
    code = entityCode(name);
    if (code < 0) return 0;
  }
  if (run < at) out.text(html, run, at);
  if (code > 0xffff) {
    out.char(0xd800 + ((code - 0x10000) >> 10), at);
    out.char(0xdc00 + ((code - 0x10000) & 0x3ff), at);
  } else {
    out.char(code, at);
  }
  return html.charCodeAt(j) === 59 ? j + 1 : j;
}

function isDigit(c: number, hex: boolean): boolean {
  if (c >= 48 && c <= 57) return true;
  const lower = c | 32;
  return hex && lower >= 97 && lower <= 102;
}

/** Collects HTML text as slices; normalisation then runs over it all at once. */
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

/** The text of an HTML document or fragment, before normalisation. */
export function htmlToText(html: string): string {
  const sink = new SliceSink();
  walkHtml(html, sink);
  return sink.parts.join('');
}
