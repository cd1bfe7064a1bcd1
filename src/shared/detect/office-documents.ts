/**
 * The text of Word, Excel and PowerPoint files (Office Open XML: DOCX, XLSX, PPTX) and of their
 * OpenDocument counterparts (ODT, ODS, ODP, the open standard Dutch public bodies are asked to
 * use), so that the engine can scan what an attachment says, not only its name. Such a file is a
 * ZIP archive of XML parts; the parts are inflated with the platform's
 * `DecompressionStream('deflate-raw')` (current browsers, Outlook's webviews, Node 18 and later),
 * so this needs no library. Where the platform
 * lacks it, or the file is not a readable archive (password-protected Office files are not ZIP
 * files at all), reading fails and the caller lists the attachment as not checked.
 *
 * What is read, in this order:
 * - DOCX: the body, then headers, footers, footnotes, endnotes and comments; text that tracked
 *   changes deleted is read too, since it is still in the file. A paragraph ends a line; a
 *   tab or line break in Word is a tab or line break here. Word often splits a number over
 *   several runs (`<w:t>1112</w:t>…<w:t>22333</w:t>`); within a paragraph they are joined.
 * - XLSX: every worksheet in order, a row per line, cells separated by tabs: shared strings,
 *   inline strings, and the values of number, formula and other cells as Excel stored them, but
 *   numbers in a date format as the date (`15-03-1985`), so that dates of birth are seen.
 * - PPTX: every slide in order, then the speaker notes; a paragraph ends a line.
 * - ODT, ODS, ODP: the body of `content.xml` (text, tables, slides, notes, comments, tracked
 *   deletions), then the headers and footers in `styles.xml`. A paragraph ends a line, a table cell
 *   a cell (tab), a row a line; a footnote's number is left out so that it cannot join the number
 *   it follows.
 *
 * Async, and kept out of the engine's synchronous scan: the task pane and the scan command read a
 * document into text first and hand the engine `{ name, text }` (see AttachmentInput).
 */
import { concatBytes, ownBuffer } from '../crypto/bytes';

export type OfficeKind = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp';

export interface OfficeText {
  text: string;
  /** Reading stopped at the limit: the text holds only the start of the document. */
  truncated: boolean;
}

/** Why a document could not be read. */
export class OfficeDocumentError extends Error {
  override name = 'OfficeDocumentError';
}

const KINDS: Record<string, OfficeKind> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

// File name endings, templates and macro-enabled variants included: they hold the same parts.
const EXTENSIONS: Array<[RegExp, OfficeKind]> = [
  [/\.do[ct][xm]$/i, 'docx'], [/\.xl[st][xm]$/i, 'xlsx'], [/\.p(?:pt|ot)[xm]$/i, 'pptx'],
  [/\.o[dt]t$/i, 'odt'], [/\.o[dt]s$/i, 'ods'], [/\.o[dt]p$/i, 'odp'],
];

/** The kind of an attachment by its content type or, failing that, its file name; null for others. */
export function officeKindOf(name: string, contentType?: string): OfficeKind | null {
  const type = contentType ? contentType.split(';')[0]!.trim().toLowerCase() : '';
  if (KINDS[type]) return KINDS[type]!;
  for (const [ending, kind] of EXTENSIONS) if (ending.test(name)) return kind;
  return null;
}

interface Entry {
  method: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The entries of a ZIP archive by name, from its central directory. */
function readZip(bytes: Uint8Array): Map<string, Entry> {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new OfficeDocumentError('not a ZIP archive');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new OfficeDocumentError('ZIP64 archives are not read');
  const entries = new Map<string, Entry>();
  const names = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new OfficeDocumentError('damaged central directory');
    const nameLength = u16(bytes, at + 28);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Bit 0 of the flags: the entry is encrypted.
    if (u16(bytes, at + 8) & 1) throw new OfficeDocumentError('encrypted archive');
    entries.set(name, { method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), offset: u32(bytes, at + 42) });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** An entry's bytes, inflated, at most `limit` of them. */
async function readEntry(bytes: Uint8Array, entry: Entry, limit: number): Promise<{ data: Uint8Array; truncated: boolean }> {
  const header = entry.offset;
  if (header + 30 > bytes.length || u32(bytes, header) !== 0x04034b50) throw new OfficeDocumentError('damaged entry');
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  const stored = bytes.subarray(start, start + entry.compressedSize);
  if (stored.length !== entry.compressedSize) throw new OfficeDocumentError('damaged entry');
  if (entry.method === 0) return { data: stored.subarray(0, limit), truncated: stored.length > limit };
  if (entry.method !== 8) throw new OfficeDocumentError(`compression method ${entry.method}`);
  if (typeof DecompressionStream !== 'function') throw new OfficeDocumentError('no DecompressionStream here');
  // A small file can inflate to a great deal (a "ZIP bomb"): stop at the limit.
  const reader = new Response(ownBuffer(stored)).body!.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.length > limit) {
        chunks.push(value.subarray(0, limit - total));
        total = limit;
        truncated = true;
        await reader.cancel();
        break;
      }
      chunks.push(value);
      total += value.length;
    }
  } catch {
    throw new OfficeDocumentError('damaged compressed data');
  }
  return { data: concatBytes(chunks, total), truncated };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text between tags as it reads: the five XML entities and numeric character references decoded. */
function xmlText(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.charAt(0) !== '#') return XML_ENTITIES[ref] ?? whole;
    const code = ref.charAt(1) === 'x' || ref.charAt(1) === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Word: text runs (and deleted text), tabs, breaks and paragraph ends. A tab in a run is a bare
// `<w:tab/>`; one with attributes is a tab stop in the paragraph's properties, not text.
const WORD_TOKENS = /<w:(?:t|delText)(?:\s[^<>]*)?>([^<]*)<\/w:(?:t|delText)>|<w:(tab)\s*\/>|<w:(?:br|cr)\b[^<>]*\/>|<\/w:p>/g;
// PowerPoint (DrawingML): text runs, line breaks and paragraph ends.
const SLIDE_TOKENS = /<a:t(?:\s[^<>]*)?>([^<]*)<\/a:t>|<a:br\b[^<>]*\/>|<\/a:p>/g;

function paragraphs(xml: string, tokens: RegExp): string {
  let out = '';
  tokens.lastIndex = 0;
  for (let m = tokens.exec(xml); m; m = tokens.exec(xml)) {
    if (m[1] !== undefined) out += xmlText(m[1]);
    else if (m[2] === 'tab') out += '\t';
    else out += '\n';
  }
  return out;
}

/** The strings of an `<si>` or `<is>` element: all its `<t>` texts, joined (rich text has several). */
function stringItem(xml: string): string {
  let out = '';
  const texts = /<t(?:\s[^<>]*)?>([^<]*)<\/t>/g;
  for (let m = texts.exec(xml); m; m = texts.exec(xml)) out += xmlText(m[1]!);
  return out;
}

/**
 * Calls `visit` with the attributes and the content of each `<name …>…</name>` in `xml` (null
 * content for `<name …/>`), in order. Found with indexOf rather than a lazy pattern, which would
 * search to the end of the part again for every element left open: a crafted part of many open
 * elements must not take quadratic time. Stops at the first element left open, or when `visit`
 * returns false.
 */
function eachElement(xml: string, name: string, visit: (attributes: string, content: string | null) => unknown): void {
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = xml.indexOf(open); at >= 0; ) {
    const next = xml.charAt(at + open.length);
    // `<c` must not match `<cols`, nor `<si` match `<sign`.
    if (next !== '>' && next !== '/' && next !== ' ' && next !== '\t' && next !== '\n' && next !== '\r') {
      at = xml.indexOf(open, at + 1);
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return;
    if (xml.charAt(tagEnd - 1) === '/') {
      if (visit(xml.slice(at + open.length, tagEnd - 1), null) === false) return;
      at = xml.indexOf(open, tagEnd);
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) return;
    if (visit(xml.slice(at + open.length, tagEnd), xml.slice(tagEnd + 1, end)) === false) return;
    at = xml.indexOf(open, end + close.length);
  }
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  eachElement(xml, 'si', (_, content) => out.push(content === null ? '' : stringItem(content)));
  return out;
}

/** How a workbook shows numbers: which cell styles are dates, and from which day it counts. */
interface WorkbookDates {
  /** By cell style index (a cell's `s`): whether its number is shown as a date. */
  styles: boolean[];
  /** Day 0 in UTC milliseconds: 30 December 1899, or 1 January 1904 in the 1904 date system. */
  epoch: number;
}

// Excel's built-in number formats that show a date (14–17, 22, and the East Asian ones).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a day or a year: `dd-mm-yyyy`, `d mmm yy`, not `h:mm` or `0.00`. */
function isDateFormat(code: string): boolean {
  // Quoted text, escaped characters and [colour] or [$-413] sections are not format letters.
  return /[dy]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
}

function workbookDates(styles: string, workbook: string): WorkbookDates {
  const custom = new Map<number, boolean>();
  eachElement(styles, 'numFmt', (attributes) => {
    const id = /numFmtId="(\d+)"/.exec(attributes);
    const code = /formatCode="([^"]*)"/.exec(attributes);
    if (id && code) custom.set(Number(id[1]), isDateFormat(xmlText(code[1]!)));
  });
  const dates: boolean[] = [];
  eachElement(styles, 'cellXfs', (_, content) => {
    eachElement(content || '', 'xf', (attributes) => {
      const id = Number(/numFmtId="(\d+)"/.exec(attributes)?.[1] ?? 0);
      dates.push(BUILT_IN_DATES.has(id) || custom.get(id) === true);
    });
  });
  const system1904 = /date1904="(1|true)"/.test(workbook);
  return { styles: dates, epoch: system1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30) };
}

/** A date cell's day number as Excel shows it in Dutch: `15-03-1985`. */
function dayNumberAsDate(value: string, epoch: number): string {
  const days = Math.floor(Number(value));
  if (!Number.isFinite(days) || days < 1 || days > 2958465) return value;
  const date = new Date(epoch + days * 86_400_000);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${two(date.getUTCDate())}-${two(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
}

/**
 * A worksheet as lines of tab-separated cells, at most about `room` characters: cells may refer to
 * the same long shared string again and again, so the text can be far longer than the part.
 */
function worksheet(xml: string, strings: string[], dates: WorkbookDates, room: number): string {
  const rows: string[] = [];
  let length = 0;
  eachElement(xml, 'row', (_, content) => {
    if (length > room) return false;
    const cells: string[] = [];
    eachElement(content || '', 'c', (attributes, body) => {
      const type = /\bt="(\w+)"/.exec(attributes);
      const value = body === null ? null : /<v>([^<]*)<\/v>/.exec(body);
      let text = '';
      if (type && type[1] === 'inlineStr') text = stringItem(body || '');
      else if (value && type && type[1] === 's') text = strings[Number(value[1])] ?? '';
      else if (value && !type && dates.styles[Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0)]) text = dayNumberAsDate(value[1]!, dates.epoch);
      else if (value) text = xmlText(value[1]!);
      if (text) cells.push(text);
      length += text.length + 1;
      return length <= room;
    });
    rows.push(`${cells.join('\t')}\n`);
  });
  return rows.join('');
}

// OpenDocument text is mixed content: every text node counts. A footnote's number is skipped.
const ODF_TOKENS = /<text:note-citation\b[^<>]*>[^<]*<\/text:note-citation>|<(\/?)([a-z]+:[a-z-]+)([^<>]*)>|([^<]+)/g;

// Elements that sit inside a paragraph but are not part of its sentence: a footnote's text, a
// comment with its author and date. They are set apart by spaces, so that "111222333" followed by
// a footnote "Zie dossier" does not read as one word.
const SET_APART = new Set(['text:note-body', 'office:annotation', 'dc:creator', 'dc:date']);

/** The text of an OpenDocument part's `<wrapper>` element (`office:body`, `office:master-styles`). */
function openDocumentText(xml: string, wrapper: string): string {
  const from = xml.indexOf(`<${wrapper}`);
  const to = xml.indexOf(`</${wrapper}>`, from);
  if (from < 0) return '';
  let out = '';
  let cells = 0;
  ODF_TOKENS.lastIndex = from;
  for (let m = ODF_TOKENS.exec(xml); m && (to < 0 || m.index < to); m = ODF_TOKENS.exec(xml)) {
    if (m[4] !== undefined) {
      out += xmlText(m[4]);
      continue;
    }
    const [, closing, name, attributes] = m;
    if (name === 'table:table-cell') {
      if (closing) out += '\t';
      else if (!attributes!.endsWith('/')) cells++;
      if (closing) cells--;
    } else if (closing && (name === 'text:p' || name === 'text:h')) {
      // Within a cell, its paragraphs stay on the row's line.
      out += cells > 0 ? ' ' : '\n';
    } else if (name === 'table:table-row' && closing) out += '\n';
    else if (SET_APART.has(name!)) out += ' ';
    else if (closing) continue;
    else if (name === 'text:tab') out += '\t';
    else if (name === 'text:line-break') out += '\n';
    // A run of spaces (`text:c` of them); a few are as good as many, and cannot blow up the text.
    else if (name === 'text:s') out += ' '.repeat(Math.min(Number(/text:c="(\d+)"/.exec(attributes!)?.[1] ?? 1), 8));
  }
  return out;
}

/** Part names matching `pattern` with a number, in numeric order (sheet2 before sheet10). */
function numbered(entries: Map<string, Entry>, pattern: RegExp): string[] {
  const found: Array<[number, string]> = [];
  entries.forEach((_, name) => {
    const m = pattern.exec(name);
    if (m) found.push([Number(m[1]), name]);
  });
  return found.sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

/**
 * The text of a DOCX, XLSX, PPTX, ODT, ODS or ODP file, at most `maxChars` characters of it (default 4 Mi, as the
 * engine scans per part). Throws {@link OfficeDocumentError} when the file cannot be read.
 */
export async function officeDocumentText(bytes: Uint8Array, kind: OfficeKind, maxChars = 4 * 1024 * 1024): Promise<OfficeText> {
  const entries = readZip(bytes);
  // XML spends several bytes of markup per character of text. This much is inflated for the whole
  // document, however many parts it has: an archive can list the same compressed data under many
  // names, each of which would otherwise inflate in full.
  let budget = maxChars * 8;
  let truncated = false;
  const read = async (name: string): Promise<string> => {
    const entry = entries.get(name);
    if (!entry) return '';
    if (budget <= 0) {
      truncated = true;
      return '';
    }
    const part = await readEntry(bytes, entry, budget);
    budget -= part.data.length;
    truncated = truncated || part.truncated;
    return new TextDecoder().decode(part.data);
  };
  const texts: string[] = [];
  let length = 0;
  const add = (text: string): void => {
    texts.push(text);
    length += text.length;
  };
  if (kind === 'docx') {
    if (!entries.has('word/document.xml')) throw new OfficeDocumentError('no word/document.xml');
    const parts = ['word/document.xml', ...numbered(entries, /^word\/header(\d+)\.xml$/), ...numbered(entries, /^word\/footer(\d+)\.xml$/),
      'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml'];
    for (const name of parts) add(paragraphs(await read(name), WORD_TOKENS));
  } else if (kind === 'xlsx') {
    const sheets = numbered(entries, /^xl\/worksheets\/sheet(\d+)\.xml$/);
    if (sheets.length === 0) throw new OfficeDocumentError('no worksheets');
    const strings = sharedStrings(await read('xl/sharedStrings.xml'));
    const dates = workbookDates(await read('xl/styles.xml'), await read('xl/workbook.xml'));
    for (const name of sheets) {
      if (length > maxChars) break;
      add(worksheet(await read(name), strings, dates, maxChars - length));
    }
  } else if (kind === 'odt' || kind === 'ods' || kind === 'odp') {
    if (!entries.has('content.xml')) throw new OfficeDocumentError('no content.xml');
    add(openDocumentText(await read('content.xml'), 'office:body'));
    add(openDocumentText(await read('styles.xml'), 'office:master-styles'));
  } else {
    const slides = numbered(entries, /^ppt\/slides\/slide(\d+)\.xml$/);
    if (slides.length === 0) throw new OfficeDocumentError('no slides');
    const notes = numbered(entries, /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/);
    for (const name of [...slides, ...notes]) add(paragraphs(await read(name), SLIDE_TOKENS));
  }
  const text = texts.filter(Boolean).join('\n');
  return text.length > maxChars ? { text: text.slice(0, maxChars), truncated: true } : { text, truncated };
}
