// Tests run in Node only; the rule keeps node: out of the shipped isomorphic code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastDigits } from './last-digits';

test('gives the last three digits of an E.164 number by default', () => {
  assert.equal(lastDigits('+31612345123'), '123');
});

test('gives as many digits as asked, but never more than four', () => {
  assert.equal(lastDigits('+31612345678', 2), '78');
  assert.equal(lastDigits('+31612345678', 4), '5678');
  assert.equal(lastDigits('+31612345678', 9), '5678');
  assert.equal(lastDigits('+31612345678', 0), '');
});

test('gives nothing for a value that is not an E.164 number, so nothing else leaks through the hint', () => {
  assert.equal(lastDigits('0612345678'), '');
  assert.equal(lastDigits('someone@example.org'), '');
  assert.equal(lastDigits(''), '');
});
