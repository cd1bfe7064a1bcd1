import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanText } from './scan-text';

const dates = (text: string) => scanText(text).filter((f) => f.detector === 'dob').map((f) => [text.slice(f.start, f.end), f.confidence]);

test('finds a date right after a birth label, in numeric, ISO and written forms', () => {
  assert.deepEqual(dates('Geboortedatum: 14-02-1956'), [['14-02-1956', 'high']]);
  assert.deepEqual(dates('geb. 12-3-85'), [['12-3-85', 'high']]);
  assert.deepEqual(dates('DOB: 1985-03-12'), [['1985-03-12', 'high']]);
  assert.deepEqual(dates('geboren op 1 maart 1949'), [['1 maart 1949', 'high']]);
  assert.deepEqual(dates('born on March 12, 1967'), [['March 12, 1967', 'high']]);
  assert.deepEqual(dates('d.o.b. 02/11/1979'), [['02/11/1979', 'high']]);
});

test('finds a date right after a name introduced by a form of address, with medium confidence', () => {
  assert.deepEqual(dates('Dhr. J. de Vries (12-03-1985) komt morgen.'), [['12-03-1985', 'medium']]);
  assert.deepEqual(dates('mevrouw Jansen, 3 februari 1962'), [['3 februari 1962', 'medium']]);
});

test('finds old dates in a list under a birth-date header, and calls recent ones weak', () => {
  const list = 'naam;geboortedatum;woonplaats;afdeling\nde Vries;12-05-1948\nBakker;30-09-1951\nafgedrukt op 01-02-' + new Date().getFullYear();
  assert.deepEqual(dates(list).map(([, c]) => c), ['medium', 'medium', 'low']);
});

test('ignores invoice, meeting and delivery dates', () => {
  assert.deepEqual(dates('Factuurdatum 12-03-2024, vergadering op 14 maart 2024 en levering 2024-04-02.'), []);
});

test('ignores impossible dates and implausible years even after a label', () => {
  assert.deepEqual(dates('geboortedatum 31-02-1980'), []);
  assert.deepEqual(dates('geboortedatum 12-03-1850'), []);
});

test('keeps only the year in the preview', () => {
  assert.equal(scanText('geboortedatum 14-02-1956').find((f) => f.detector === 'dob')!.preview, '**-**-1956');
});

test('reads every part of a date: month names in any case or abbreviated, two-digit years, impossible days', () => {
  assert.deepEqual(dates('geboren op 12 mrt. 1985'), [['12 mrt. 1985', 'high']]);
  assert.deepEqual(dates('GEBOREN 1 MAART 1949'), [['1 MAART 1949', 'high']]);
  assert.deepEqual(dates('born Sept 3, 1971'), [['Sept 3, 1971', 'high']]);
  assert.deepEqual(dates('geb. 07.11.62'), [['07.11.62', 'high']]);
  assert.deepEqual(dates('DOB: 1985-02-30'), []);
  assert.deepEqual(dates('born 31 April 1980'), []);
  // A day and a year without a month name in front are not a date.
  assert.deepEqual(dates('geboortedatum 12 1985'), []);
});
