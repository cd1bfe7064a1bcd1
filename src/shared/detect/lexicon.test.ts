import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise } from './normalise';
import { resolvePolicy } from './policy';
import { scanText } from './scan-text';

// Offsets refer to the normalised text, which drops the combining accent of a decomposed "ë".
const words = (text: string, detector = 'health', keywords: string[] = []) =>
  scanText(text, resolvePolicy({ keywords })).filter((f) => f.detector === detector).map((f) => normalise(text).text.slice(f.start, f.end));

test('matches whole words only, never inside other words', () => {
  assert.deepEqual(words('De huisarts en de huisartsenpost; geen kankeronderzoek of hospitality.'), ['huisarts', 'huisartsenpost']);
});

test('ignores case and accents on both sides', () => {
  assert.deepEqual(words('DE PATIËNT heeft Diabetes; de patient, de pati\u0065\u0308nt'), ['DE PATIËNT', 'Diabetes', 'de patient', 'de patient']);
});

test('matches terms of several words across spaces, hyphens, dots and line breaks', () => {
  assert.deepEqual(words('medical\nrecord; ct-scan; date of birth is not health', 'health'), ['medical\nrecord', 'ct-scan']);
  assert.deepEqual(words('multiple sclerosis and multiple-sclerose'), ['multiple sclerosis', 'multiple-sclerose']);
});

test('lets a prefix term run on to the end of the word', () => {
  assert.deepEqual(words('diabetisch, diabetespatiënt, insuline, insulin'), ['diabetisch', 'diabetespatiënt', 'insuline', 'insulin']);
});

test('uses the list term, not the text, as the preview', () => {
  const found = scanText('Zij gebruikt METFORMINE.').find((f) => f.detector === 'health');
  assert.equal(found?.preview, 'metformin…');
});

test('counts weak health words only next to a clear health term', () => {
  assert.deepEqual(words('A diagnosis of the network outage before surgery on the roof.'), []);
  assert.deepEqual(words('The diagnosis: diabetes.'), ['diagnosis', 'diabetes']);
});

test('finds financial terms but not everyday business words', () => {
  assert.deepEqual(words('Bijgaand de factuur, de loonstrook en een overzicht van de schulden; technical debt blijft.', 'finance'), ['loonstrook', 'schulden']);
});

test('matches the organisation\u2019s own keywords the same way', () => {
  assert.deepEqual(words('Project Zeus is vertrouwelijk; project-zeus ook; zeusproject niet.', 'keyword', ['project zeus', 'Vertrouwelijk']), ['Project Zeus', 'vertrouwelijk', 'project-zeus']);
  assert.deepEqual(words('Het personeelsdossiers staan klaar.', 'keyword', ['personeelsdossier*']), ['personeelsdossiers']);
});
