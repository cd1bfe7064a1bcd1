import 'global-jsdom/register';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../shared/errors';
import type { AddinConfig } from '../../shared/protocol/api';
import { readStartConfig } from './start-config';
import { DEV_CONFIG, fakeApi } from './test-support';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('the configuration for the first render', () => {
  it('is handed over when it is in within the wait', async () => {
    const api = fakeApi();
    const start = await readStartConfig(api, 200);
    assert.deepEqual(start.config, { ok: true, data: DEV_CONFIG });
    assert.equal(start.api, api);
    assert.equal(api.callsOf('getConfig').length, 1);
  });

  it('is not waited for beyond the wait, and the pane’s first getConfig() gets the same answer without asking again', async () => {
    const answer: Result<AddinConfig> = { ok: true, data: DEV_CONFIG };
    const api = fakeApi({ getConfig: () => later(80, answer) });
    const began = Date.now();
    const start = await readStartConfig(api, 20);
    assert.ok(Date.now() - began < 70, 'returned after the wait, not the answer');
    assert.equal(start.config, undefined);
    assert.equal(await start.api.getConfig(), answer);
    assert.equal(api.callsOf('getConfig').length, 1, 'one request');
    await start.api.getConfig();
    assert.equal(api.callsOf('getConfig').length, 2, 'a later call asks anew');
  });

  it('hands over an error answer too, so the first screen can say the service is unreachable', async () => {
    const api = fakeApi({ getConfig: async () => ({ ok: false, error: { code: 'unavailable', message: 'down' } }) });
    const start = await readStartConfig(api, 200);
    assert.equal(start.config?.ok, false);
  });
});
