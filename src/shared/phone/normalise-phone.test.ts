// Tests run in Node only; the rule keeps node: out of the shipped isomorphic code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as full from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import type { CountryCode } from 'libphonenumber-js/mobile';
import { normalisePhone, type PhoneRejection } from './normalise-phone';

function accepts(input: string, e164: string, country: string, defaultCountry?: string): void {
  assert.deepEqual(normalisePhone(input, defaultCountry), { ok: true, e164, country }, input);
}

function rejects(input: string, reason: PhoneRejection, defaultCountry?: string): void {
  assert.deepEqual(normalisePhone(input, defaultCountry), { ok: false, reason }, input);
}

test('accepts Dutch mobile numbers in every common notation', () => {
  for (const input of ['0612345678', '06-1234 5678', '06 12 34 56 78', '+31 6 12345678', '+31612345678',
    '0031 6 12345678', '+31 (0)6 12345678', ' 06 12345678 ']) {
    accepts(input, '+31612345678', 'NL');
  }
});

test('accepts the eleven-digit Dutch 097 mobile range used for machine-to-machine lines', () => {
  accepts('097012345678', '+3197012345678', 'NL');
});

test('accepts Belgian, German and British mobile numbers, international or national in their own country', () => {
  accepts('+32 470 12 34 56', '+32470123456', 'BE');
  accepts('0032 470 12 34 56', '+32470123456', 'BE');
  accepts('0470 12 34 56', '+32470123456', 'BE', 'BE');
  accepts('+49 151 23456789', '+4915123456789', 'DE');
  accepts('0151 23456789', '+4915123456789', 'DE', 'DE');
  accepts('+44 7400 123456', '+447400123456', 'GB');
  accepts('07400 123456', '+447400123456', 'GB', 'GB');
});

test('rejects Dutch, Belgian and German landlines as not mobile or not a mobile length', () => {
  rejects('020 123 4567', 'not_mobile');
  rejects('+31 20 123 4567', 'not_mobile');
  rejects('010 123 4567', 'not_mobile');
  rejects('+32 2 123 45 67', 'too_short');
  rejects('+49 30 1234567', 'too_short');
});

test('rejects Dutch service numbers such as 0800 and 085', () => {
  rejects('0800 1234', 'too_short');
  rejects('085 123 4567', 'not_mobile');
});

test('says too short or too long when a digit is missing or extra', () => {
  rejects('06 1234567', 'too_short');
  rejects('06', 'too_short');
  rejects('06 123456789', 'too_long');
  rejects('+31 6 1234567890123', 'too_long');
});

test('rejects garbage, empty input and unknown country codes', () => {
  rejects('', 'empty');
  rejects('   ', 'empty');
  rejects('call me', 'invalid');
  rejects('06-CALLME12', 'invalid');
  rejects('+', 'invalid');
  rejects('<script>alert(1)</script>', 'invalid');
  rejects('+999 123456', 'invalid_country');
  rejects('9'.repeat(41), 'too_long');
});

test('rejects a national number when the default country is unknown, but still reads international ones', () => {
  rejects('0612345678', 'invalid_country', 'XX');
  accepts('+31612345678', '+31612345678', 'NL', 'XX');
});

test('rejects a number with an extension, which no SMS can reach', () => {
  rejects('0612345678 ext. 12', 'has_extension');
});

test('agrees with the full metadata on which example numbers of every country are mobile', () => {
  const examples = mobileExamples as Record<string, string>;
  for (const [country, national] of Object.entries(examples)) {
    const reference = full.parsePhoneNumberWithError(national, country as CountryCode);
    const mobile = reference.isValid() && ['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(reference.getType() ?? '');
    const ours = normalisePhone(national, country);
    assert.equal(ours.ok, mobile, `${country} ${national}`);
    if (ours.ok) assert.equal(ours.e164, reference.number);
  }
});
