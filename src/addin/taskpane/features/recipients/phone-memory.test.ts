import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FakeOffice } from '../../../office/fake-office';
import { PHONES_KEY, PHONES_MAX_CHARS, PHONES_MAX_ENTRIES, recallPhones, rememberPhones } from './phone-memory';

describe('remembered phone numbers', () => {
  it('are kept per lower-case address and refreshed when used again', async () => {
    const office = new FakeOffice();
    await rememberPhones(office, [{ email: 'Bob@Example.com', e164: '+31612345678' }], 1000);
    await rememberPhones(office, [{ email: 'bob@example.com', e164: '+31687654321' }], 2000);
    assert.deepEqual(office.getRoaming(PHONES_KEY), { 'bob@example.com': ['+31687654321', 2000] });
    assert.equal(recallPhones(office).get('bob@example.com'), '+31687654321');
  });

  it('drop the least recently used beyond the cap, in entries and in size', async () => {
    const office = new FakeOffice();
    const many = Array.from({ length: PHONES_MAX_ENTRIES + 20 }, (_, i) => ({ email: `person${i}@example.com`, e164: `+316${String(10000000 + i)}` }));
    for (const [i, entry] of many.entries()) await rememberPhones(office, [entry], i);
    const kept = recallPhones(office);
    assert.ok(kept.size <= PHONES_MAX_ENTRIES);
    assert.ok(!kept.has('person0@example.com'), 'the oldest went first');
    assert.ok(kept.has(`person${many.length - 1}@example.com`), 'the newest stayed');
    assert.ok(office.roaming[PHONES_KEY]!.length <= PHONES_MAX_CHARS);

    const long = Array.from({ length: 60 }, (_, i) => ({ email: `${'x'.repeat(150)}${i}@example.com`, e164: '+31612345678' }));
    await rememberPhones(office, long, 10_000);
    assert.ok(office.roaming[PHONES_KEY]!.length <= PHONES_MAX_CHARS, 'long addresses cannot push past the size cap');
  });

  it('ignore malformed entries another version may have left', () => {
    const office = new FakeOffice({ roaming: { [PHONES_KEY]: { 'a@b.nl': ['0612345678', 1], 'c@d.nl': '+31612345678', 'e@f.nl': ['+31612345678', 5] } } });
    assert.deepEqual([...recallPhones(office)], [['e@f.nl', '+31612345678']]);
  });
});
