import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanText } from './scan-text';

const documents = (text: string) => scanText(text).filter((f) => f.detector === 'passport');

test('reports a document number next to a document word with high confidence', () => {
  for (const text of ['Paspoortnummer: SPECI2014', 'documentnummer IR4KJ81N5', 'passport number NW4KJ8L12', 'ID-kaart BN1234567', 'SPECI2014 (paspoort)']) {
    assert.deepEqual(documents(text).map((f) => f.confidence), ['high'], text);
  }
});

test('gives low confidence to the same shape without a document word', () => {
  assert.deepEqual(documents('serienummer XR5LK32P7').map((f) => f.confidence), ['low']);
});

test('rejects shapes Dutch documents never have: the letter O, digits in front, other lengths', () => {
  for (const text of ['paspoort SPECO2014', 'paspoort 1PECI2014', 'paspoort SPECI201', 'paspoort SPECI20145', 'paspoort SPECI201X']) {
    assert.deepEqual(documents(text), [], text);
  }
});

test('keeps two letters and the last digit in the preview', () => {
  assert.equal(documents('paspoort spec12014')[0]!.preview, 'SP******4');
});
