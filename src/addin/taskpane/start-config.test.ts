import 'global-jsdom/register';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../shared/errors';
import type { AddinConfig } from '../../shared/protocol/api';
import { embeddedConfig, readStartConfig } from './start-config';
import { DEV_CONFIG, fakeApi } from './test-support';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

const page = (block: string) => new DOMParser().parseFromString(`<!doctype html><html><head>${block}</head><body></body></html>`, 'text/html');

describe('the configuration for the first render', () => {
  it('is read from the data block the service writes into the page', () => {
    const azure = { clientId: 'c', authority: 'https://login.microsoftonline.com/organizations', scopes: ['api://c/access_as_user'] };
    const config = { azure, devSignIn: false, privacyUrl: 'https://s.example/privacy' };
    assert.deepEqual(embeddedConfig(page(`<script id="sealpost-config" type="application/json">${JSON.stringify(config)}</script>`)), config);
    assert.deepEqual(embeddedConfig(page(`<script id="sealpost-config" type="application/json">${JSON.stringify(DEV_CONFIG)}</script>`)), DEV_CONFIG);
  });

  it('is not read from a missing, malformed or misshapen block: the pane then asks the service', () => {
    assert.equal(embeddedConfig(page('')), undefined);
    assert.equal(embeddedConfig(page('<script id="sealpost-config" type="application/json">{"devSignIn":tru</script>')), undefined);
    assert.equal(embeddedConfig(page('<script id="sealpost-config" type="application/json">{"devSignIn":"yes","privacyUrl":"x","azure":null}</script>')), undefined);
    assert.equal(embeddedConfig(page('<script id="sealpost-config" type="application/json">{"devSignIn":false,"privacyUrl":"x","azure":{"clientId":1}}</script>')), undefined);
    assert.equal(embeddedConfig(page('<script id="sealpost-config" type="application/json">null</script>')), undefined);
    // Only a data block: any other element with that id is not the service's.
    assert.equal(embeddedConfig(page(`<script id="sealpost-config">${JSON.stringify(DEV_CONFIG)}</script>`)), undefined);
  });

  it('comes from the page without asking the service when the page has it', async () => {
    const api = fakeApi();
    const start = await readStartConfig(api, 200, page(`<script id="sealpost-config" type="application/json">${JSON.stringify(DEV_CONFIG)}</script>`));
    assert.deepEqual(start.config, { ok: true, data: DEV_CONFIG });
    assert.equal(api.callsOf('getConfig').length, 0);
  });

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
