import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolvePolicy } from './policy';
import { scanText } from './scan-text';

const policy = resolvePolicy({ rules: { phone: { action: 'notify' } } });
const phones = (text: string) => scanText(text, policy).filter((f) => f.detector === 'phone');

test('is off in the default policy, because signatures are full of phone numbers', () => {
  assert.deepEqual(scanText('Bel 06-12345678').filter((f) => f.detector === 'phone'), []);
});

test('finds Dutch numbers in the usual ways of writing them', () => {
  for (const written of ['06-12345678', '0612345678', '06 1234 5678', '020-1234567', '020 123 4567', '(020) 123 45 67', '030 - 123 45 67', '0800-1234', '0900 123 4567']) {
    const found = phones(`Bel ${written} graag`);
    assert.equal(found.length, 1, written);
    assert.equal(found[0]!.end - found[0]!.start, written.length, written);
  }
});

test('finds international numbers with a plus, with high confidence', () => {
  for (const written of ['+31 6 12345678', '+31 (0)20 123 4567', '+44 20 7946 0958', '+1 415 555 2671', '+32 2 123 45 67']) {
    const found = phones(`Tel ${written}.`);
    assert.equal(found.length, 1, written);
    assert.equal(found[0]!.confidence, 'high', written);
  }
});

test('treats 00 dialling as weak evidence unless a phone word is near', () => {
  assert.equal(phones('reservering 0034 5678 9012')[0]?.confidence, 'low');
  assert.equal(phones('Tel: 0031 6 12345678')[0]?.confidence, 'high');
});

test('rejects Dutch numbers with a prefix that is not in use, and numbers of the wrong length', () => {
  for (const text of ['code 0123456789', 'nummer 0191234567', 'kort 06-1234567', 'lang 06-123456789']) {
    assert.deepEqual(phones(text), [], text);
  }
});

test('separates two numbers written next to each other', () => {
  assert.equal(phones('020 123 4567 06 1234 5678').length, 2);
});

test('keeps only the first and last two digits in the preview', () => {
  assert.equal(phones('06-12345678')[0]!.preview, '06******78');
  assert.equal(phones('+31 6 12345678')[0]!.preview, '+31*******78');
});
