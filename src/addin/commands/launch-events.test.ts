/**
 * The light launch handlers: they only warm the policy for the send check, finish quickly, and
 * complete the event exactly once even when nothing works.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy } from '../../shared/detect';
import { FakeOffice } from '../office/fake-office';
import { onNewMessageCompose } from './on-new-message';
import { onRecipientsChanged } from './on-recipients-changed';
import { DEFAULT_POLICY_KEY, type PolicyDeps } from './policy-source';
import { WARM_DEADLINE_MS } from './warm-policy';

function deps(fetch: PolicyDeps['fetch']): { deps: PolicyDeps; store: Map<string, string> } {
  const store = new Map<string, string>();
  const office = new FakeOffice();
  return {
    store,
    deps: {
      office,
      store: { getItem: async (k) => store.get(k) ?? null, setItem: async (k, v) => void store.set(k, v) },
      fetch,
      baseUrl: 'https://sealpost.example',
      now: () => Date.now(),
    },
  };
}

const answering: PolicyDeps['fetch'] = async () => new Response(JSON.stringify({ policy: defaultPolicy(), failClosed: false }));

for (const [name, handler] of [['onNewMessageCompose', onNewMessageCompose], ['onRecipientsChanged', onRecipientsChanged]] as const) {
  describe(name, () => {
    it('puts the policy where the send check will look, and completes once', async () => {
      const { deps: d, store } = deps(answering);
      let completed = 0;
      await handler({ completed: () => void completed++ }, () => d);
      assert.equal(completed, 1);
      assert.ok(store.has(DEFAULT_POLICY_KEY));
    });

    it('completes within its deadline when the service hangs, and when there is no Office at all', async () => {
      const { deps: d } = deps(() => new Promise<Response>(() => {}));
      let completed = 0;
      const started = performance.now();
      await handler({ completed: () => void completed++ }, () => ({ ...d, fetchTimeoutMs: 60_000 }));
      assert.ok(performance.now() - started < WARM_DEADLINE_MS + 500);
      await handler({ completed: () => void completed++ }, () => {
        throw new ReferenceError('Office is not defined');
      });
      assert.equal(completed, 2);
    });
  });
}
