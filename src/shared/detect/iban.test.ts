import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidIban } from './iban';
import { IBAN_LENGTHS } from './iban-lengths';
import { scanText } from './scan-text';

const ibans = (text: string) => scanText(text).filter((f) => f.detector === 'iban');

/** A valid IBAN of the given country and length, with digits only in the BBAN. */
function make(country: string, length: number, seed: number): string {
  let bban = '';
  while (bban.length < length - 4) bban += String((seed = (seed * 7 + 3) % 10));
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const d of numeric) r = (r * 10 + Number(d)) % 97;
  return country + String(98 - r).padStart(2, '0') + bban;
}

test('knows the length of every country in the IBAN registry', () => {
  assert.equal(IBAN_LENGTHS.size, 89);
  assert.equal(IBAN_LENGTHS.get('NL'), 18);
  assert.equal(IBAN_LENGTHS.get('NO'), 15);
  assert.equal(IBAN_LENGTHS.get('RU'), 33);
});

test('finds a valid IBAN of every registry country, compact and in groups of four', () => {
  let seed = 1;
  for (const [country, length] of IBAN_LENGTHS) {
    const iban = make(country, length, seed++);
    assert.equal(isValidIban(iban), true, iban);
    const grouped = iban.replace(/(.{4})/g, '$1 ').trim();
    assert.equal(ibans(`Rekening ${iban}.`).length, 1, iban);
    assert.equal(ibans(`Rekening ${grouped}.`).length, 1, grouped);
  }
});

test('rejects an IBAN with one character changed, missing or added', () => {
  for (const text of ['NL91ABNA0417164301', 'NL91ABNA041716430', 'NL91ABNA04171643000', 'NL92ABNA0417164300', 'XX91ABNA0417164300']) {
    assert.deepEqual(ibans(text), [], text);
  }
});

test('reads IBANs in any case and across a line break', () => {
  assert.equal(ibans('iban nl91 abna 0417 1643 00').length, 1);
  assert.equal(ibans('IBAN Nl91AbNa0417164300').length, 1);
  assert.equal(ibans('IBAN NL91 ABNA\r\n0417 1643 00').length, 1);
});

test('masks the middle of an IBAN without revealing its length', () => {
  assert.equal(ibans('NL91 ABNA 0417 1643 00')[0]!.preview, 'NL91 **** **** 4300');
  assert.equal(ibans('DE89370400440532013000')[0]!.preview, 'DE89 **** **** 3000');
});

test('rejects check digits outside 02 to 98 even when the remainder works out', () => {
  assert.equal(isValidIban('NL99ABNA0417164300'), false);
  assert.equal(isValidIban('NL00ABNA0417164300'), false);
});
