import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanMessage } from '../../../shared/detect';
import { docx } from '../../../shared/detect/test-support';
import { FakeOffice } from '../../office/fake-office';
import { readForScan, SCAN_MAX_ATTACHMENT_BYTES, SCAN_MAX_DOCUMENT_BYTES } from './read-for-scan';

describe('readForScan', () => {
  it('hands the engine the text of documents, the bytes of text files and nothing of the rest', async () => {
    const office = new FakeOffice({ item: { subject: 'Verwijzing' } });
    office.attachFile('verwijzing.docx', await docx([['BSN ', '111222333']]));
    office.attachFile('notes.txt', new TextEncoder().encode('IBAN NL91 ABNA 0417 1643 00'));
    office.attachFile('foto.jpg', new Uint8Array([0xff, 0xd8, 0xff]));
    const { input } = await readForScan(office);
    const [document, text, photo] = input.attachments!;
    assert.equal(document!.text, 'BSN 111222333\n');
    assert.equal(document!.bytes, undefined);
    assert.deepEqual(text!.bytes, new TextEncoder().encode('IBAN NL91 ABNA 0417 1643 00'));
    assert.deepEqual(photo, { name: 'foto.jpg', contentType: 'image/jpeg' });
  });

  it('leaves files above the size limits unread, and says which it could not open', async () => {
    const office = new FakeOffice();
    office.attach({ name: 'jaarverslag.docx', kind: 'file', isInline: false, size: SCAN_MAX_DOCUMENT_BYTES + 1, content: '' });
    office.attach({ name: 'export.csv', kind: 'file', isInline: false, size: SCAN_MAX_ATTACHMENT_BYTES + 1, content: '' });
    office.attachFile('beveiligd.docx', new TextEncoder().encode('password-protected: no ZIP archive'));
    const { input } = await readForScan(office);
    assert.deepEqual(input.attachments!.map((a) => a.tooLarge), [true, true, undefined]);
    assert.deepEqual(scanMessage(input).unscanned, [
      { attachment: 0, reason: 'too-large' },
      { attachment: 1, reason: 'too-large' },
      { attachment: 2, reason: 'unreadable' },
    ]);
  });
});
