// The admin's `npm run scan` command: JSON on standard output, masked previews only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { docx, openDocument, pptx, xlsx } from '../src/shared/detect/test-support';

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', ...args], { input, encoding: 'utf8' });

test('prints findings with offsets and masked previews, and the decision, for standard input', () => {
  const r = run(['-'], 'Hallo, het BSN is 111222333 en IBAN NL91 ABNA 0417 1643 00.');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>>; decision: { action: string } };
  assert.deepEqual(out.findings.map((f) => [f.detector, f.start, f.end, f.preview]), [
    ['bsn', 18, 27, '1112*****'],
    ['iban', 36, 58, 'NL91 **** **** 4300'],
  ]);
  assert.equal(out.decision.action, 'secure');
  assert.equal(r.stdout.includes('111222333'), false);
});

test('reads HTML files and a policy file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sealpost-scan-'));
  try {
    writeFileSync(join(dir, 'mail.html'), '<p>Tel <b>06</b>-12345678</p>');
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ rules: { phone: { action: 'require' } } }));
    const r = run([join(dir, 'mail.html'), '--policy', join(dir, 'policy.json'), '--locale', 'nl']);
    const out = JSON.parse(r.stdout) as { findings: Array<{ detector: string }>; decision: { action: string; reasons: Array<{ message: string }> } };
    assert.deepEqual(out.findings.map((f) => f.detector), ['phone']);
    assert.equal(out.decision.action, 'require');
    assert.equal(out.decision.reasons[0]!.message, 'Bevat een telefoonnummer.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explains its usage and fails without an input', () => {
  const r = run([]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: npm run scan/);
});

test('reads Word, Excel, PowerPoint and OpenDocument files, and refuses a document it cannot read with exit code 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sealpost-scan-'));
  try {
    writeFileSync(join(dir, 'verwijzing.docx'), await docx(['Verwijzing huisarts', ['BSN: 1112', '22333']]));
    writeFileSync(join(dir, 'lijst.xlsx'), await xlsx([['naam', 'rekening'], ['Jansen', 'NL91 ABNA 0417 1643 00']]));
    writeFileSync(join(dir, 'notes.bin'), await pptx([['Overleg'], ['kaart 4111 1111 1111 1111']]));
    const detectors = (r: ReturnType<typeof run>) => {
      assert.equal(r.status, 0, r.stderr);
      return (JSON.parse(r.stdout) as { findings: Array<{ detector: string; preview: string }> }).findings.map((f) => [f.detector, f.preview]);
    };
    assert.deepEqual(detectors(run([join(dir, 'verwijzing.docx')])), [['health', 'huisarts…'], ['bsn', '1112*****']]);
    assert.deepEqual(detectors(run([join(dir, 'lijst.xlsx')])), [['iban', 'NL91 **** **** 4300']]);
    assert.deepEqual(detectors(run([join(dir, 'notes.bin'), '--document', 'pptx'])), [['card', '4111 **** **** 1111']]);
    writeFileSync(join(dir, 'besluit.odt'), await openDocument('text', '<text:p>Burgerservicenummer: <text:span>111222333</text:span></text:p>'));
    assert.deepEqual(detectors(run([join(dir, 'besluit.odt')])), [['bsn', '1112*****']]);
    writeFileSync(join(dir, 'beveiligd.docx'), 'a password-protected document is no ZIP archive');
    const refused = run([join(dir, 'beveiligd.docx')]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /cannot read the document: not a ZIP archive/);
    const unknown = run([join(dir, 'lijst.xlsx'), '--document', 'pdf']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--document takes docx, xlsx, pptx, odt, ods, odp/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
