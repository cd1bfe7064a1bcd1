import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText, decodeUtf8WithoutTextDecoder } from './decode';
import { resolvePolicy } from './policy';
import { scanMessage, scanPlainMessage } from './scan-message';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

test('scans the subject, the HTML body, attachment names and text attachments, saying where', () => {
  const scan = scanMessage({
    subject: 'BSN 111222333',
    bodyHtml: '<p>Zij heeft <b>diabetes</b>.</p>',
    attachments: [
      { name: 'uitslag_123456782_bsn.txt', contentType: 'text/plain', text: 'geen bijzonderheden' },
      { name: 'lijst.csv', bytes: utf8('naam;bsn\nJan;111222333\n') },
      { name: 'brief.html', contentType: 'text/html', text: '<p>IBAN NL91 ABNA 0417 1643 00</p>' },
    ],
  });
  assert.deepEqual(
    scan.findings.map((f) => [f.part, f.attachment, f.detector]),
    [['subject', undefined, 'bsn'], ['body', undefined, 'health'], ['attachment-name', 0, 'bsn'], ['attachment', 1, 'bsn'], ['attachment', 2, 'iban']],
  );
});

test('prefers the HTML body and falls back to the text body', () => {
  assert.equal(scanMessage({ bodyHtml: '<p>x</p>', bodyText: 'BSN 111222333' }).findings.length, 0);
  assert.equal(scanMessage({ bodyText: 'BSN 111222333' }).findings.length, 1);
});

test('lists the attachments it could not read, and why', () => {
  const scan = scanMessage({
    attachments: [
      { name: 'scan.pdf', contentType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
      { name: 'rapport.docx' },
      { name: 'notities.txt', contentType: 'text/plain' },
      { name: 'groot.csv', text: 'a'.repeat(20) },
    ],
  }, undefined, { maxChars: 10 });
  assert.deepEqual(scan.unscanned, [
    { attachment: 0, reason: 'unsupported-type' },
    { attachment: 1, reason: 'unsupported-type' },
    { attachment: 2, reason: 'no-content' },
    { attachment: 3, reason: 'truncated' },
  ]);
});

test('reads attachment bytes as UTF-8, UTF-16 with a byte-order mark, or single-byte text', () => {
  assert.equal(decodeText(utf8('\ufeffcliënt')), 'cliënt');
  assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0xeb, 0x00])), 'aë');
  assert.equal(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0xeb])), 'aë');
  assert.equal(decodeText(new Uint8Array([0x63, 0x6c, 0x69, 0xeb, 0x6e, 0x74])), 'cliënt');
});

test('decodes UTF-8 the same way where TextDecoder is missing', () => {
  assert.equal(decodeUtf8WithoutTextDecoder(utf8('BSN 111222333 – cliënt 😀')), 'BSN 111222333 – cliënt 😀');
  assert.equal(decodeUtf8WithoutTextDecoder(new Uint8Array([0x61, 0xeb, 0x6e])), null);
});

test('includes the recipient checks in the result', () => {
  const scan = scanMessage({ from: 'a@zorg.nl', to: ['b@gmial.com'], bodyText: 'diabetes' });
  assert.deepEqual(scan.recipients.map((r) => r.check), ['external', 'lookalike']);
});

test('never carries a matched value in the result', () => {
  const scan = scanMessage({ subject: 'BSN 111222333', bodyText: 'IBAN NL91ABNA0417164300, kaart 4111111111111111' });
  const json = JSON.stringify(scan);
  for (const value of ['111222333', 'NL91ABNA0417164300', '4111111111111111']) assert.equal(json.includes(value), false);
});

test('scans a plain message as scanMessage does, every attachment unscanned for want of content', () => {
  const policy = resolvePolicy({ rules: { phone: { action: 'notify' } }, keywords: ['geheim'], patterns: [{ name: 'Dossier', regex: 'DOS-\\d{4}' }] });
  const message = {
    subject: 'Geheim: BSN 111222333 en DOS-1234',
    bodyText: 'De cliënt (geb. 12-03-1985) heeft diabetes; IBAN NL91 ABNA 0417 1643 00, tel. 06-12345678.',
    attachments: [{ name: 'uitslag_123456782.pdf' }, { name: 'notities.txt' }],
    from: 'a@zorg.nl',
    to: ['b@gmial.com', 'c@partner.nl'],
    cc: ['d@zorg.nl'],
  };
  const plain = scanPlainMessage(message, policy);
  const full = scanMessage(message, policy);
  assert.ok(plain.findings.length >= 8);
  assert.deepEqual(plain.findings, full.findings);
  assert.deepEqual(plain.recipients, full.recipients);
  assert.deepEqual(plain.unscanned, [{ attachment: 0, reason: 'no-content' }, { attachment: 1, reason: 'no-content' }]);
});
