import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidBsn } from './bsn';
import { scanText } from './scan-text';

const bsn = (text: string) => scanText(text).filter((f) => f.detector === 'bsn');
const confidences = (text: string) => bsn(text).map((f) => f.confidence);

test('accepts nine-digit numbers that pass the elfproef and rejects those that do not', () => {
  assert.equal(isValidBsn('111222333'), true);
  assert.equal(isValidBsn('123456782'), true);
  assert.equal(isValidBsn('123456789'), false);
  assert.equal(isValidBsn('111222334'), false);
});

test('accepts the eight-digit legacy form as if it had a leading zero', () => {
  assert.equal(isValidBsn('86972212'), true);
  assert.equal(isValidBsn('086972212'), true);
  assert.equal(isValidBsn('86972213'), false);
});

test('never accepts all zeros or values that are not nine or eight digits', () => {
  assert.equal(isValidBsn('000000000'), false);
  assert.equal(isValidBsn('1112223330'), false);
  assert.equal(isValidBsn('11122233a'), false);
});

test('reports a valid number next to a BSN label with high confidence, before or after it', () => {
  assert.deepEqual(confidences('Het BSN van mevrouw is 111222333.'), ['high']);
  assert.deepEqual(confidences('citizen service number: 111222333'), ['high']);
  assert.deepEqual(confidences('nummer 111222333 (burgerservicenummer)'), ['high']);
});

test('gives medium confidence when a BSN label is elsewhere in the text, as under a table header', () => {
  const table = 'Naam | BSN | Opmerking\n' + 'x | y | '.repeat(12) + '\nJan | 111222333 | geen';
  assert.deepEqual(confidences(table), ['medium']);
});

test('gives low confidence to a bare number or one labelled as something else', () => {
  assert.deepEqual(confidences('Lotnummer 111222333 is geleverd.'), ['low']);
  assert.deepEqual(confidences('BSN 123456782, ordernummer is 111222333'), ['high', 'low']);
  assert.deepEqual(confidences('Bestelling 111222333'), ['low']);
});

test('reads spaced and dotted groupings and numbers split by line breaks or NBSP', () => {
  for (const written of ['111 222 333', '1112.22.333', '11.12.22.333', '111-222-333', '111\n222\n333', '111\u00a0222\u00a0333']) {
    const found = bsn(`BSN: ${written}`);
    assert.equal(found.length, 1, written);
    assert.equal(found[0]!.end - found[0]!.start, written.length);
  }
});

test('masks all but the first four digits in the preview', () => {
  assert.equal(bsn('BSN 111 222 333')[0]!.preview, '1112*****');
});

test('ignores numbers inside longer numbers, amounts, decimals, IBANs and words', () => {
  for (const text of ['BSN 1112223330', 'BSN € 111.222.333', 'BSN 111222333,50', 'BSN 12.111222333', 'NL91ABNA0111222333', 'BSN x111222333', 'BSN 111222333%']) {
    assert.deepEqual(bsn(text), [], text);
  }
});

test('finds a nine-digit group that stands apart in a row of numbers', () => {
  assert.equal(bsn('BSN en telefoon: 111222333 06 12345678').length, 1);
});
