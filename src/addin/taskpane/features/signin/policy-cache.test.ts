import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy } from '../../../../shared/detect';
import { FakeOffice } from '../../../office/fake-office';
import { POLICY_CACHE_KEY, POLICY_CACHE_MAX_CHARS, cachePolicy } from './policy-cache';

describe('the roaming copy of the policy', () => {
  it('holds the policy, fail-closed and when it was fetched', async () => {
    const office = new FakeOffice();
    await cachePolicy(office, { policy: defaultPolicy(), failClosed: true }, new Date('2030-01-01T00:00:00Z'));
    assert.deepEqual(office.getRoaming(POLICY_CACHE_KEY), { policy: defaultPolicy(), failClosed: true, fetchedAt: Date.parse('2030-01-01T00:00:00.000Z') });
  });

  it('is cleared rather than kept stale when the policy is too large to roam', async () => {
    const office = new FakeOffice({ roaming: { [POLICY_CACHE_KEY]: { policy: defaultPolicy(), failClosed: false, fetchedAt: 'old' } } });
    const policy = { ...defaultPolicy(), keywords: Array.from({ length: 500 }, (_, i) => `keyword-${i}-${'x'.repeat(40)}`) };
    await cachePolicy(office, { policy, failClosed: false });
    assert.equal(office.getRoaming(POLICY_CACHE_KEY), null);
    assert.ok(JSON.stringify({ policy }).length > POLICY_CACHE_MAX_CHARS);
  });
});
