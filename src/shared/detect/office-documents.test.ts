import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { officeDocumentText, officeKindOf, OfficeDocumentError } from './office-documents';
import { scanMessage } from './scan-message';
import { deflateRaw, docx, openDocument, pptx, wordPart, xlsx, zip } from './test-support';

describe('officeKindOf', () => {
  it('knows Word, Excel and PowerPoint files by content type or by name', () => {
    assert.equal(officeKindOf('x', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 'docx');
    assert.equal(officeKindOf('x', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; charset=binary'), 'xlsx');
    assert.equal(officeKindOf('Verslag.DOCX', 'application/octet-stream'), 'docx');
    assert.equal(officeKindOf('lijst.xlsm'), 'xlsx');
    assert.equal(officeKindOf('sjabloon.dotx'), 'docx');
    assert.equal(officeKindOf('dia.pptx'), 'pptx');
    assert.equal(officeKindOf('x', 'application/vnd.oasis.opendocument.text'), 'odt');
    assert.equal(officeKindOf('begroting.ods'), 'ods');
    assert.equal(officeKindOf('sjabloon.ott'), 'odt');
    assert.equal(officeKindOf('presentatie.odp'), 'odp');
    assert.equal(officeKindOf('oud.doc'), null, 'the binary formats before 2007 are not ZIP files');
    assert.equal(officeKindOf('scan.pdf', 'application/pdf'), null);
  });
});

describe('officeDocumentText', () => {
  it('reads a Word body with numbers split over runs, tabs, breaks, headers, footers and footnotes', async () => {
    const file = await docx(
      ['Geachte collega,', ['BSN van de cliënt: 1112', '22333', ' (zie bijlage)'], 'Diagnose:&#9;diabetes &amp; hypertensie'],
      {
        'word/header1.xml': wordPart('hdr', 'Vertrouwelijk'),
        'word/footer1.xml': wordPart('ftr', 'Pagina 1'),
        'word/footnotes.xml': wordPart('footnotes', 'Voetnoot: dossier 12'),
      },
    );
    const { text, truncated } = await officeDocumentText(file, 'docx');
    assert.equal(truncated, false);
    assert.equal(text, 'Geachte collega,\nBSN van de cliënt: 111222333 (zie bijlage)\nDiagnose:\tdiabetes & hypertensie\n\nVertrouwelijk\n\nPagina 1\n\nVoetnoot: dossier 12\n');
  });

  it('reads a tab in a run as a tab, and the tab stops of a paragraph as nothing', async () => {
    const file = await zip({
      'word/document.xml': '<w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
        '<w:r><w:t>BSN</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>111222333</w:t><w:br w:type="textWrapping"/><w:t>x</w:t></w:r></w:p></w:body></w:document>',
    });
    assert.equal((await officeDocumentText(file, 'docx')).text, 'BSN\t111222333\nx\n');
  });

  it('reads text that tracked changes deleted, since the file still holds it', async () => {
    const file = await zip({
      'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p><w:del w:id="1"><w:r><w:delText xml:space="preserve">IBAN NL91 ABNA 0417 1643 00</w:delText></w:r></w:del></w:p></w:body></w:document>',
    });
    assert.equal((await officeDocumentText(file, 'docx')).text, 'IBAN NL91 ABNA 0417 1643 00\n');
  });

  it('reads every cell of a workbook: shared strings, numbers, dates, inline strings, a row per line', async () => {
    const file = await xlsx([['naam', 'bsn', 'geboortedatum'], ['Jansen', 111222333, '12-03-1985'], ['de Vries', 123456782, '01-02-1950']]);
    assert.equal((await officeDocumentText(file, 'xlsx')).text, 'naam\tbsn\tgeboortedatum\nJansen\t111222333\t12-03-1985\nde Vries\t123456782\t01-02-1950\n');
    const dates = await xlsx([
      ['naam', 'geboortedatum', 'in dienst', 'salaris'],
      ['Jansen', { value: 31121, format: 'date' }, { value: 45292, format: 'custom-date' }, { value: 3150.5, format: 'amount' }],
    ]);
    assert.equal((await officeDocumentText(dates, 'xlsx')).text, 'naam\tgeboortedatum\tin dienst\tsalaris\nJansen\t15-03-1985\t01-01-2024\t3150.5\n');
    const system1904 = await zip({
      'xl/workbook.xml': '<workbook><workbookPr date1904="1"/></workbook>',
      'xl/styles.xml': '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>29659.75</v></c></row></sheetData></worksheet>',
    });
    assert.equal((await officeDocumentText(system1904, 'xlsx')).text, '15-03-1985\n', 'the 1904 date system, and the time of day dropped');
    const inline = await zip({
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>rek. NL91 ABNA 0417 1643 00</t></is></c><c r="B1"/><c r="C1" t="str"><f>A1</f><v>x</v></c></row></sheetData></worksheet>',
    });
    assert.equal((await officeDocumentText(inline, 'xlsx')).text, 'rek. NL91 ABNA 0417 1643 00\tx\n');
  });

  it('reads slides in their order, slide 10 after slide 2, then the speaker notes', async () => {
    const slides = Array.from({ length: 11 }, (_, i) => [`dia ${i + 1}`]);
    const { text } = await officeDocumentText(await pptx(slides, ['BSN 111222333 niet delen']), 'pptx');
    assert.equal(text, `${slides.map(([t]) => `${t}\n`).join('\n')}\nBSN 111222333 niet delen\n`);
  });

  it('reads OpenDocument text: spans, spaces, tabs, footnotes and comments set apart, headers', async () => {
    const file = await openDocument(
      'text',
      '<text:h text:outline-level="1">Besluit</text:h>' +
        '<text:p text:style-name="P1">BSN <text:span text:style-name="T1">1112</text:span>22333<text:note text:note-class="footnote">' +
        '<text:note-citation>1</text:note-citation><text:note-body><text:p>Zie dossier.</text:p></text:note-body></text:note>' +
        '<text:s text:c="2"/>en<text:tab/>NL91&#160;ABNA 0417 1643 00<text:line-break/>einde</text:p>' +
        '<text:p>x<office:annotation><dc:creator>J. Jansen</dc:creator><dc:date>2024-05-01T10:00:00</dc:date><text:p>klopt</text:p></office:annotation></text:p>',
      '<style:master-page style:name="Standard"><style:header><text:p>Gemeente Voorbeeld, vertrouwelijk</text:p></style:header></style:master-page>',
    );
    assert.equal(
      (await officeDocumentText(file, 'odt')).text,
      'Besluit\nBSN 111222333 Zie dossier.\n   en\tNL91\u00a0ABNA 0417 1643 00\neinde\nx  J. Jansen  2024-05-01T10:00:00 klopt\n \n\nGemeente Voorbeeld, vertrouwelijk\n',
    );
  });

  it('reads OpenDocument spreadsheets a row per line and presentations a paragraph per line', async () => {
    const cell = (text: string, value = '') => `<table:table-cell${value ? ` office:value-type="float" office:value="${value}"` : ' office:value-type="string"'}><text:p>${text}</text:p></table:table-cell>`;
    const sheet = await openDocument('spreadsheet', '<table:table table:name="Blad1">' +
      `<table:table-row>${cell('naam')}${cell('bsn')}</table:table-row>` +
      `<table:table-row>${cell('Jansen')}${cell('111222333', '111222333')}<table:table-cell table:number-columns-repeated="1020"/></table:table-row></table:table>`);
    assert.equal((await officeDocumentText(sheet, 'ods')).text, 'naam \tbsn \t\nJansen \t111222333 \t\n');
    const slides = await openDocument('presentation', '<draw:page draw:name="1"><draw:frame><draw:text-box><text:p>Casus</text:p><text:p>BSN 111222333</text:p></draw:text-box></draw:frame></draw:page>');
    assert.equal((await officeDocumentText(slides, 'odp')).text, 'Casus\nBSN 111222333\n');
  });

  it('reads entries that are stored without compression', async () => {
    const file = await zip({ 'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>BSN 111222333</w:t></w:r></w:p></w:body></w:document>' }, { stored: true });
    assert.equal((await officeDocumentText(file, 'docx')).text, 'BSN 111222333\n');
  });

  it('stops at the limit and says so, however far a small part would inflate', async () => {
    // 16 MiB of paragraphs that deflate to well under a megabyte.
    const paragraph = '<w:p><w:r><w:t>BSN 111222333</w:t></w:r></w:p>';
    const body = paragraph.repeat(Math.ceil((16 * 1024 * 1024) / paragraph.length));
    const file = await zip({ 'word/document.xml': `<w:document><w:body>${body}</w:body></w:document>` });
    assert.ok(file.length < 1024 * 1024, `the archive is small (${file.length} bytes)`);
    const { text, truncated } = await officeDocumentText(file, 'docx', 1000);
    assert.equal(truncated, true);
    assert.equal(text.length, 1000);
    assert.ok(text.startsWith('BSN 111222333\nBSN 111222333\n'));
  });

  it('refuses what it cannot read with an OfficeDocumentError, never a hang or a crash', async () => {
    const cases: Array<[string, Uint8Array]> = [
      ['not a ZIP file', new TextEncoder().encode('just text, no archive')],
      ['an encrypted archive', await zip({ 'word/document.xml': '<w:t>x</w:t>' }, { encrypted: true })],
      ['a workbook without sheets read as one', await zip({ 'xl/workbook.xml': '<workbook/>' })],
      ['a Word file without its body', await zip({ 'word/styles.xml': '<w:styles/>' })],
      ['a cut-off archive', (await docx(['BSN 111222333'])).subarray(0, 60)],
    ];
    for (const [what, bytes] of cases) {
      await assert.rejects(officeDocumentText(bytes, what.includes('workbook') ? 'xlsx' : 'docx'), OfficeDocumentError, what);
    }
    // Damaged compressed data: the entry's bytes are not a deflate stream.
    const damaged = await zip({ 'word/document.xml': '<w:document/>' });
    const good = await deflateRaw(new TextEncoder().encode('<w:document/>'));
    const at = Buffer.from(damaged).indexOf(Buffer.from(good));
    damaged.fill(0xff, at, at + good.length);
    await assert.rejects(officeDocumentText(damaged, 'docx'), OfficeDocumentError);
  });
});

describe('scanning a document read into text', () => {
  it('finds what a Word attachment says, and lists a truncated one', async () => {
    const { text } = await officeDocumentText(await docx(['Patiënt: J. de Vries', ['BSN: 1112', '22333']]), 'docx');
    const scan = scanMessage({
      attachments: [
        { name: 'verwijzing.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text },
        { name: 'lang.docx', text: 'BSN 123456782', truncated: true },
        { name: 'scan.pdf', contentType: 'application/pdf' },
      ],
    });
    const bsn = scan.findings.filter((f) => f.detector === 'bsn');
    assert.deepEqual(bsn.map((f) => [f.part, f.attachment, f.preview, f.confidence]), [
      ['attachment', 0, '1112*****', 'high'],
      ['attachment', 1, '1234*****', 'high'],
    ]);
    assert.deepEqual(scan.unscanned, [{ attachment: 1, reason: 'truncated' }, { attachment: 2, reason: 'unsupported-type' }]);
  });

  it('sees dates of birth in a client list kept in Excel, typed as dates', async () => {
    const list = await xlsx([['naam', 'geboortedatum'], ['Jansen', { value: 31121, format: 'date' }], ['Bakker', { value: 18902, format: 'date' }]]);
    const { text } = await officeDocumentText(list, 'xlsx');
    const scan = scanMessage({ attachments: [{ name: 'clienten.xlsx', text }] });
    assert.deepEqual(scan.findings.filter((f) => f.detector === 'dob').map((f) => [f.preview, f.confidence]), [
      ['**-**-1985', 'high'],
      ['**-**-1951', 'medium'],
    ]);
  });
});

/** `archive` with its central directory's first entry listed again under each of `names`, all pointing at the same data. */
function listedAgain(archive: Uint8Array, names: string[]): Uint8Array {
  const bytes = Buffer.from(archive);
  const end = bytes.length - 22;
  const directoryAt = bytes.readUInt32LE(end + 16);
  const first = bytes.subarray(directoryAt, directoryAt + 46 + bytes.readUInt16LE(directoryAt + 28));
  const copies = names.map((name) => {
    const record = Buffer.concat([first.subarray(0, 46), Buffer.from(name)]);
    record.writeUInt16LE(Buffer.byteLength(name), 28);
    return record;
  });
  const directory = Buffer.concat([bytes.subarray(directoryAt, end), ...copies]);
  const record = Buffer.from(bytes.subarray(end));
  const count = record.readUInt16LE(10) + names.length;
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directory.length, 12);
  return new Uint8Array(Buffer.concat([bytes.subarray(0, directoryAt), directory, record]));
}

describe('officeDocumentText on crafted parts', () => {
  // Without one budget for the whole document, the 1,000 names below would inflate 16 GiB.
  it('inflates at most one budget for the whole document, however many names share one part', { timeout: 30_000 }, async () => {
    const paragraph = '<w:p><w:r><w:t>BSN 111222333</w:t></w:r></w:p>';
    const body = paragraph.repeat(Math.ceil((16 * 1024 * 1024) / paragraph.length));
    const file = listedAgain(await zip({ 'word/document.xml': `<w:document><w:body>${body}</w:body></w:document>` }),
      Array.from({ length: 1000 }, (_, i) => `word/header${i + 1}.xml`));
    const { text, truncated } = await officeDocumentText(file, 'docx');
    assert.equal(truncated, true);
    assert.equal(text.length, 4 * 1024 * 1024);
  });

  // Cells may name one long shared string again and again: 15,000 rows naming 70,000 characters
  // would make a text of a billion characters, more than a JavaScript string can hold.
  it('stops a worksheet at the text limit, however often its cells repeat a long string', { timeout: 30_000 }, async () => {
    const rows = Array.from({ length: 15_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join('');
    const file = await zip({
      'xl/sharedStrings.xml': `<sst><si><t>${'vertrouwelijk '.repeat(5000)}</t></si></sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${rows}</sheetData></worksheet>`,
    });
    const { text, truncated } = await officeDocumentText(file, 'xlsx', 100_000);
    assert.equal(truncated, true);
    assert.equal(text.length, 100_000);
  });

  // Guards against a pattern that searches to the end of the part for every element left open: that
  // would take hours here, so the timeout turns such a regression into a failure rather than a hang.
  it('reads parts full of elements left open in linear time', { timeout: 20_000 }, async () => {
    const open = '<c r="A1" t="s"><v>0'.repeat(200_000);
    const file = await zip({
      'xl/sharedStrings.xml': `<sst>${'<si><t>x'.repeat(200_000)}</sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet><sheetData><row r="1"><c r="A1"><v>111222333</v></c>${open}</row></sheetData></worksheet>`,
    });
    // What comes before the first element left open is read; the rest cannot be.
    assert.equal((await officeDocumentText(file, 'xlsx')).text, '111222333\n');
  });
});
