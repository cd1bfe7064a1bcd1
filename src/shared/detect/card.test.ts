import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCardNumber, passesLuhn } from './card';
import { isKnownIssuer } from './card-issuers';
import { scanText } from './scan-text';

const cards = (text: string) => scanText(text).filter((f) => f.detector === 'card');

test('checks the Luhn digit', () => {
  assert.equal(passesLuhn('4111111111111111'), true);
  assert.equal(passesLuhn('4111111111111112'), false);
  assert.equal(passesLuhn('79927398713'), true);
});

test('knows the issuer ranges and lengths of the major schemes', () => {
  for (const n of ['4222222222222', '4111111111111111', '5500000000000004', '2223000048400011', '378282246310005', '6011111111111117', '3530111333300000', '30569309025904', '6200000000000005']) {
    assert.equal(isCardNumber(n), true, n);
  }
  assert.equal(isKnownIssuer('9111111111111111'), false);
  assert.equal(isKnownIssuer('37828224631000'), false);
});

test('finds cards written contiguously, in fours, with dashes, Amex-style or dotted', () => {
  for (const written of ['4111111111111111', '4111 1111 1111 1111', '5500-0000-0000-0004', '3782 822463 10005', '4111.1111.1111.1111']) {
    const found = cards(`Kaart: ${written} graag.`);
    assert.equal(found.length, 1, written);
    assert.equal(found[0]!.end - found[0]!.start, written.length, written);
  }
});

test('finds the card when an expiry date or CVC follows it', () => {
  const found = cards('Card 4111 1111 1111 1111 12/27 cvc 123 and 5500 0000 0000 0004 737');
  assert.deepEqual(found.map((f) => f.preview), ['4111 **** **** 1111', '5500 **** **** 0004']);
});

test('ignores numbers that fail Luhn, have no known issuer, or sit inside longer numbers', () => {
  for (const text of ['4111 1111 1111 1112', '9111 1111 1111 1119', 'ref 41111111111111110', 'zending 00340434161234567890', 'EUR 4.111.111.111.111,11']) {
    assert.deepEqual(cards(text), [], text);
  }
});

test('shows only the first and last four digits', () => {
  assert.equal(cards('4111111111111111')[0]!.preview, '4111 **** **** 1111');
});
