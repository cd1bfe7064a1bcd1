import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise } from './normalise';
import { normaliseWithMap } from './normalise-map';

test('leaves plain text without invisible characters unchanged, so offsets are input offsets', () => {
  const input = 'Beste collega,\r\n\tHet BSN is 111222333.\u00a0Groet';
  assert.equal(normalise(input).text, input);
});

test('drops zero-width characters, soft hyphens and bidi marks so they cannot split a number', () => {
  assert.equal(normalise('111\u200b222\u200d333 dia\u00adbetes \u202e12\u202c').text, '111222333 diabetes 12');
});

test('turns full-width and other scripts\u2019 digits into ASCII digits', () => {
  assert.equal(normalise('\uff11\uff11\uff11 \u0662\u0663 \u0967').text, '111 23 1');
});

test('turns dash variants into a hyphen and rare Unicode spaces into a space', () => {
  assert.equal(normalise('06\u201312345678\u2003x\u3000y').text, '06-12345678 x y');
});

test('maps every character of the normalised text back to its offset in the input', () => {
  const input = 'a\u200bb&amp;<b>c</b>';
  const n = normaliseWithMap(input, { html: true });
  assert.equal(n.text, 'ab&c');
  assert.deepEqual([...n.map], [0, 2, 3, 11, input.length]);
});

test('gives the same text with and without the offset map, for text and for HTML', () => {
  let seed = 1;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const alphabet = ['a', 'B', '1', ' ', '\n', '\u00a0', '\u200b', '\u00ad', '\uff15', '<p>', '<b>', '&amp;', '&#49;', '&nbsp;', '\u2013', '\u3000', '<!-- x -->', '&bogus;', '<', '&'];
  for (let round = 0; round < 300; round++) {
    let input = '';
    for (let i = 0; i < 30; i++) input += alphabet[Math.floor(random() * alphabet.length)];
    for (const html of [false, true]) {
      assert.equal(normaliseWithMap(input, { html }).text, normalise(input, { html }).text, JSON.stringify(input));
    }
  }
});
