import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, lookalikeOf, skeleton, usesLookalikeCharacters } from './domains';
import { decodePunycodeLabel, toUnicodeDomain } from './punycode';

test('decodes internationalised domain labels', () => {
  assert.equal(decodePunycodeLabel('80ak6aa92e'), 'аррӏе');
  assert.equal(toUnicodeDomain('xn--bcher-kva.example'), 'bücher.example');
  assert.equal(toUnicodeDomain('plain.nl'), 'plain.nl');
  assert.equal(decodePunycodeLabel('!!!'), null);
});

test('measures edit distance with swapped neighbours as one edit', () => {
  assert.equal(editDistance('example.nl', 'exmaple.nl', 2), 1);
  assert.equal(editDistance('example.nl', 'examp1e.nl', 2), 1);
  assert.equal(editDistance('example.nl', 'example.com', 2), 3);
});

test('flattens look-alike letters, rn for m and digits for letters', () => {
  assert.equal(skeleton('rnicrosoft.com'), skeleton('microsoft.com'));
  assert.equal(skeleton('examp1e.nl'), skeleton('example.nl'));
  assert.equal(skeleton('xn--80ak6aa92e.com'), skeleton('apple.com'));
  assert.equal(skeleton('ziekenhuís.nl'), skeleton('ziekenhuis.nl'));
});

test('names the known domain a recipient domain imitates', () => {
  const known = ['ziekenhuis-oost.nl', 'gemeente.nl'];
  assert.equal(lookalikeOf('ziekenhuis-oost.nl', known, 2), null);
  assert.equal(lookalikeOf('ziekenhuisoost.nl', known, 2), 'ziekenhuis-oost.nl');
  assert.equal(lookalikeOf('zeikenhuis-oost.nl', known, 2), 'ziekenhuis-oost.nl');
  assert.equal(lookalikeOf('gemeente.com', known, 2), null);
  assert.equal(lookalikeOf('gerneente.nl', known, 2), 'gemeente.nl');
  assert.equal(lookalikeOf('partner.nl', known, 2), null);
});

test('allows only one edit for short names, which are too close to each other otherwise', () => {
  assert.equal(lookalikeOf('ivg.nl', ['ing.nl'], 2), 'ing.nl');
  assert.equal(lookalikeOf('ikb.nl', ['ing.nl'], 2), null);
});

test('notices domains made of look-alike characters even without a known one', () => {
  assert.equal(usesLookalikeCharacters('xn--80ak6aa92e.com'), true);
  assert.equal(usesLookalikeCharacters('xn--bcher-kva.example'), false);
  assert.equal(usesLookalikeCharacters('example.nl'), false);
});
