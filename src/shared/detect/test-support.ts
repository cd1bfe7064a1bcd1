/**
 * Helpers for tests only (never exported from index.ts): Office Open XML files built as Word, Excel
 * and PowerPoint write them (the parts, the namespaces, runs split by spelling marks), zipped the
 * way any ZIP writer does: local headers, deflated or stored data, a central directory and its end
 * record. Web APIs only (CompressionStream), so the isomorphic lint rules hold here too.
 */
import { concatBytes, ownBuffer } from '../crypto/bytes';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw deflate, as ZIP's method 8 stores it. */
export async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const deflated = new Response(ownBuffer(data)).body!.pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(deflated).arrayBuffer());
}

export interface ZipOptions {
  /** Store the entries without compression (method 0). */
  stored?: boolean;
  /** Mark the entries as encrypted (flag bit 0), as a password-protected archive does. */
  encrypted?: boolean;
}

/** A ZIP archive of `files` (name → content). */
export async function zip(files: Record<string, string | Uint8Array>, options: ZipOptions = {}): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (size: number, fill: (view: DataView) => void): Uint8Array => {
    const bytes = new Uint8Array(size);
    fill(new DataView(bytes.buffer));
    return bytes;
  };
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? encoder.encode(content) : content;
    const packed = options.stored ? data : await deflateRaw(data);
    const nameBytes = encoder.encode(name);
    // Bit 11: the name is UTF-8.
    const flags = (options.encrypted ? 1 : 0) | 0x800;
    const method = options.stored ? 0 : 8;
    const crc = crc32(data);
    // The fields both headers share, from `at`: the central one has "version made by" in front.
    const shared = (v: DataView, at: number): void => {
      v.setUint16(at, 20, true);
      v.setUint16(at + 2, flags, true);
      v.setUint16(at + 4, method, true);
      v.setUint32(at + 10, crc, true);
      v.setUint32(at + 14, packed.length, true);
      v.setUint32(at + 18, data.length, true);
      v.setUint16(at + 22, nameBytes.length, true);
    };
    parts.push(header(30, (v) => {
      v.setUint32(0, 0x04034b50, true);
      shared(v, 4);
    }), nameBytes, packed);
    central.push(header(46, (v) => {
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      shared(v, 6);
      v.setUint32(42, offset, true);
    }), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directorySize = central.reduce((n, b) => n + b.length, 0);
  const count = central.length / 2;
  parts.push(...central, header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, count, true);
    v.setUint16(10, count, true);
    v.setUint32(12, directorySize, true);
    v.setUint32(16, offset, true);
  }));
  return concatBytes(parts);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A run as Word writes it, with `xml:space="preserve"` where the text has outer spaces. */
const run = (text: string): string =>
  `<w:r><w:rPr><w:lang w:val="nl-NL"/></w:rPr><w:t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${text}</w:t></w:r>`;

/**
 * A DOCX whose body has one paragraph per item of `paragraphs`; an item that is an array is one
 * paragraph of several runs, with a spelling mark between them, as Word splits text it underlines.
 */
export function docx(paragraphs: Array<string | string[]>, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const body = paragraphs
    .map((p) => `<w:p w:rsidR="00A1"><w:pPr><w:pStyle w:val="Standaard"/></w:pPr>${
      (Array.isArray(p) ? p : [p]).map(run).join('<w:proofErr w:type="spellStart"/>')}</w:p>`)
    .join('');
  return zip({
    '[Content_Types].xml': CONTENT_TYPES,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ...extra,
  });
}

/** A word part (header, footer, footnotes) holding one paragraph of `text`. */
export const wordPart = (root: string, text: string): string => `<w:${root} ${W}><w:p>${run(text)}</w:p></w:${root}>`;

/** A number cell shown in a format: a built-in date (14), a custom date or a custom amount. */
export interface FormattedNumber {
  value: number;
  format: 'date' | 'custom-date' | 'amount';
}

const XLSX_STYLES = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-413]d\\ mmmm\\ yyyy;@"/>' +
  '<numFmt numFmtId="165" formatCode="&quot;€&quot;\\ #,##0.00;[Red]&quot;€&quot;\\ -#,##0.00"/></numFmts>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="1" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>';
const STYLE_OF = { date: 2, 'custom-date': 3, amount: 4 };

/**
 * An XLSX of one sheet: rows of cells. Strings become shared strings, numbers number cells
 * (style 1, "0"), and formatted numbers cells in a date or amount style.
 */
export function xlsx(rows: Array<Array<string | number | FormattedNumber>>): Promise<Uint8Array> {
  const strings: string[] = [];
  const sheetRows = rows.map((cells, r) =>
    `<row r="${r + 1}">${cells.map((cell, c) => {
      const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (typeof cell === 'number') return `<c r="${ref}" s="1"><v>${cell}</v></c>`;
      if (typeof cell === 'object') return `<c r="${ref}" s="${STYLE_OF[cell.format]}"><v>${cell.value}</v></c>`;
      strings.push(cell);
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    }).join('')}</row>`).join('');
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip({
    '[Content_Types].xml': CONTENT_TYPES,
    'xl/workbook.xml': `<workbook ${main}><workbookPr defaultThemeVersion="166925"/><sheets><sheet name="Blad1" sheetId="1"/></sheets></workbook>`,
    'xl/styles.xml': XLSX_STYLES,
    'xl/sharedStrings.xml': `<sst ${main} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${main}><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}

/** A PPTX with one slide per item of `slides` (each a list of paragraphs) and optional notes. */
export function pptx(slides: string[][], notes: string[] = []): Promise<Uint8Array> {
  const a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const shape = (paragraphs: string[]) =>
    `<p:sp><p:txBody><a:bodyPr/>${paragraphs.map((t) => `<a:p><a:r><a:rPr lang="nl-NL"/><a:t>${t}</a:t></a:r></a:p>`).join('')}</p:txBody></p:sp>`;
  const files: Record<string, string> = { '[Content_Types].xml': CONTENT_TYPES };
  slides.forEach((paragraphs, i) => {
    files[`ppt/slides/slide${i + 1}.xml`] = `<p:sld ${a}><p:cSld><p:spTree>${shape(paragraphs)}</p:spTree></p:cSld></p:sld>`;
  });
  notes.forEach((text, i) => {
    files[`ppt/notesSlides/notesSlide${i + 1}.xml`] = `<p:notes ${a}><p:cSld><p:spTree>${shape([text])}</p:spTree></p:cSld></p:notes>`;
  });
  return zip(files);
}

const ODF = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

/**
 * An OpenDocument file as LibreOffice writes it: `mimetype` first and stored, then `content.xml`
 * with `body` inside `<office:body>` (raw ODF XML), and `styles.xml` with `masterStyles` (headers
 * and footers) when given.
 */
export function openDocument(type: 'text' | 'spreadsheet' | 'presentation', body: string, masterStyles = ''): Promise<Uint8Array> {
  const files: Record<string, string> = {
    mimetype: `application/vnd.oasis.opendocument.${type}`,
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${ODF} office:version="1.3">` +
      `<office:automatic-styles><style:style style:name="T1" style:family="text"/></office:automatic-styles>` +
      `<office:body><office:${type}>${body}</office:${type}></office:body></office:document-content>`,
  };
  if (masterStyles) {
    files['styles.xml'] = `<office:document-styles ${ODF}><office:styles/><office:master-styles>${masterStyles}</office:master-styles></office:document-styles>`;
  }
  return zip(files);
}
