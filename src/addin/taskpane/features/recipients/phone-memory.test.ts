import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FakeOffice } from '../../../office/fake-office';
import { PHONES_KEY, PHONES_MAX_AGE_DAYS, PHONES_MAX_CHARS, PHONES_MAX_ENTRIES, recallPhones, rememberPhones } from './phone-memory';

const T0 = Date.UTC(2026, 0, 5);
const DAY = 24 * 60 * 60 * 1000;

describe('remembered phone numbers', () => {
  it('are kept per lower-case address and refreshed when used again', async () => {
    const office = new FakeOffice();
    await rememberPhones(office, [{ email: 'Bob@Example.com', e164: '+31612345678' }], T0);
    await rememberPhones(office, [{ email: 'bob@example.com', e164: '+31687654321' }], T0 + 1000);
    assert.deepEqual(office.getRoaming(PHONES_KEY), { 'bob@example.com': ['+31687654321', T0 + 1000] });
    assert.equal(recallPhones(office, T0 + 2000).get('bob@example.com'), '+31687654321');
  });

  it('drop the least recently used beyond the cap, in entries and in size', async () => {
    const office = new FakeOffice();
    const many = Array.from({ length: PHONES_MAX_ENTRIES + 20 }, (_, i) => ({ email: `person${i}@example.com`, e164: `+316${String(10000000 + i)}` }));
    for (const [i, entry] of many.entries()) await rememberPhones(office, [entry], T0 + i);
    const kept = recallPhones(office, T0 + many.length);
    assert.ok(kept.size <= PHONES_MAX_ENTRIES);
    assert.ok(!kept.has('person0@example.com'), 'the oldest went first');
    assert.ok(kept.has(`person${many.length - 1}@example.com`), 'the newest stayed');
    assert.ok(office.roaming[PHONES_KEY]!.length <= PHONES_MAX_CHARS);

    const long = Array.from({ length: 60 }, (_, i) => ({ email: `${'x'.repeat(150)}${i}@example.com`, e164: '+31612345678' }));
    await rememberPhones(office, long, T0 + 10_000);
    assert.ok(office.roaming[PHONES_KEY]!.length <= PHONES_MAX_CHARS, 'long addresses cannot push past the size cap');
  });

  it('ignore malformed entries another version may have left', () => {
    const office = new FakeOffice({ roaming: { [PHONES_KEY]: { 'a@b.nl': ['0612345678', T0], 'c@d.nl': '+31612345678', 'e@f.nl': ['+31612345678', T0] } } });
    assert.deepEqual([...recallPhones(office, T0)], [['e@f.nl', '+31612345678']]);
  });

  it(`forget a number unused for ${PHONES_MAX_AGE_DAYS} days, and drop it at the next write`, async () => {
    const office = new FakeOffice();
    await rememberPhones(office, [{ email: 'oud@client.nl', e164: '+31611111111' }, { email: 'recent@client.nl', e164: '+31622222222' }], T0);
    await rememberPhones(office, [{ email: 'recent@client.nl', e164: '+31622222222' }], T0 + 300 * DAY);
    const later = T0 + (PHONES_MAX_AGE_DAYS + 1) * DAY;
    assert.deepEqual([...recallPhones(office, T0 + PHONES_MAX_AGE_DAYS * DAY).keys()].sort(), ['oud@client.nl', 'recent@client.nl'], 'kept up to the day');
    assert.deepEqual([...recallPhones(office, later).keys()], ['recent@client.nl']);
    assert.ok('oud@client.nl' in (office.getRoaming<Record<string, unknown>>(PHONES_KEY) ?? {}), 'still in the settings until a write');
    await rememberPhones(office, [{ email: 'nieuw@client.nl', e164: '+31633333333' }], later);
    assert.deepEqual(Object.keys(office.getRoaming<Record<string, unknown>>(PHONES_KEY)!).sort(), ['nieuw@client.nl', 'recent@client.nl']);
  });
});
