/**
 * The built on-send bundle, as classic Outlook on Windows will load it: one plain script in a
 * JavaScript-only runtime that knows ECMAScript 2016 and nothing of modules, the DOM, `location`
 * or storage. Builds the production `commands` config alone, then inspects and runs the output.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import vm from 'node:vm';
import { parse } from 'acorn';
import { buildCommandsBundle, type BuiltCommands } from '../../../test/support/harness-build';
import { resolvePolicy } from '../../shared/detect';
import { EVENT_HANDLER_NAMES, OPEN_PANE_BUTTON_ID } from '../manifest-urls';
import { FakeOffice } from '../office/fake-office';
import { fakeOfficeJs } from '../office/fake-office-js';
import { markSealed } from '../office/sealed';
import { OPEN_PANE_COMMAND } from './on-message-send';
import { POLICY_CACHE_KEY } from './policy-source';

const PUBLIC_URL = 'https://sealpost.example.org';
const MAX_GZIP_BYTES = 25 * 1024;

// Built-ins newer than ECMAScript 2016 that the runtime may lack (office-js #3569: allSettled).
const NEWER_BUILT_INS = [
  '.flatMap(', '.flat(', 'Object.fromEntries', 'Object.entries', 'Object.values', 'getOwnPropertyDescriptors', '.padStart(', '.padEnd(',
  '.trimStart(', '.trimEnd(', '.finally(', 'allSettled', 'Promise.any', '.matchAll(', '.replaceAll(', 'globalThis', '.at(', 'structuredClone',
];

describe('the on-send bundle', () => {
  let built: BuiltCommands;
  before(async () => {
    built = await buildCommandsBundle(PUBLIC_URL);
  });
  after(() => rm(built.dir, { recursive: true, force: true }));

  it('is one classic ECMAScript 2016 script without module syntax, loader or dev-server code', () => {
    assert.doesNotThrow(() => parse(built.launchevent, { ecmaVersion: 2016, sourceType: 'script' }));
    for (const banned of [/\bimport\b/, /\bexport\b/, /require\(/, /module\.exports/, /webpack-dev-server/, /webpackHotUpdate/, /module\.hot/, /webpackChunk/, /__webpack_require__/, /sockjs/i]) {
      assert.doesNotMatch(built.launchevent, banned);
    }
    for (const name of NEWER_BUILT_INS) assert.ok(!built.launchevent.includes(name), `uses ${name}`);
  });

  it('carries no HTML reader, entity table or attachment decoding: the handler scans the text body only', () => {
    for (const marker of ['blockquote', 'iexcl', 'TextDecoder', 'tab-separated-values']) assert.ok(!built.launchevent.includes(marker), `has ${marker}`);
  });

  it(`weighs at most ${MAX_GZIP_BYTES / 1024} KB gzipped`, () => {
    const size = gzipSync(built.launchevent, { level: 9 }).length;
    console.log(`launchevent.js: ${built.launchevent.length} bytes, ${size} bytes gzipped`);
    assert.ok(size <= MAX_GZIP_BYTES, `${size} bytes`);
  });

  it('has commands.html load Office.js from the CDN, then the same launchevent.js', () => {
    const scripts = [...built.html.matchAll(/<script src=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    assert.deepEqual(scripts, ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'launchevent.js']);
  });

  describe('run as the JavaScript-only runtime would', () => {
    function load(fake: FakeOffice, fetch: (url: string) => Promise<unknown>) {
      const handlers = new Map<string, (event: unknown) => void>();
      const office = { ...fakeOfficeJs(fake), actions: { associate: (name: string, fn: (e: unknown) => void) => void handlers.set(name, fn) } };
      // Only what that runtime offers: no window, document, location, localStorage or AbortController.
      vm.runInNewContext(built.launchevent, { Office: office, fetch, setTimeout, clearTimeout });
      // The options object is made in the other realm; a JSON copy compares by value here.
      const send = () => new Promise<unknown>((resolve) => handlers.get('onMessageSendHandler')!({ completed: (o: unknown) => resolve(JSON.parse(JSON.stringify(o))) }));
      return { handlers, send };
    }
    const answering = (requests: string[]) => async (url: string) => {
      requests.push(url);
      return { ok: true, status: 200, json: async () => ({ policy: resolvePolicy({}), failClosed: false }) };
    };

    it('associates exactly the manifest function names at load, without Office.onReady', () => {
      const { handlers } = load(new FakeOffice(), answering([]));
      assert.deepEqual([...handlers.keys()].sort(), Object.values(EVENT_HANDLER_NAMES).sort());
      assert.equal(OPEN_PANE_COMMAND, OPEN_PANE_BUTTON_ID);
    });

    it('asks the build-time service URL for the policy and lets a clean message go', async () => {
      const requests: string[] = [];
      const { send } = load(new FakeOffice({ item: { bodyHtml: '<p>Tot morgen.</p>' } }), answering(requests));
      assert.deepEqual(await send(), { allowEvent: true });
      assert.deepEqual(requests, [`${PUBLIC_URL}/api/policy/default`]);
    });

    it('lets a sealed message go without a request and stops a BSN the policy requires sealed', async () => {
      const requests: string[] = [];
      const sealed = new FakeOffice({ item: { bodyHtml: '<p>https://sealpost.example.org/m/AAAAAAAAAAAAAAAAAAAAAA#k</p>' } });
      await markSealed(sealed, 'AAAAAAAAAAAAAAAAAAAAAA');
      assert.deepEqual(await load(sealed, answering(requests)).send(), { allowEvent: true });
      const policy = resolvePolicy({ rules: { bsn: { action: 'require' } } });
      const open = new FakeOffice({ item: { bodyHtml: '<p>BSN: 111222333</p>' }, roaming: { [POLICY_CACHE_KEY]: { policy, failClosed: false, fetchedAt: Date.now() } } });
      const outcome = (await load(open, answering(requests)).send()) as Office.SmartAlertsEventCompletedOptions;
      assert.equal(outcome.allowEvent, false);
      assert.equal(outcome.commandId, OPEN_PANE_BUTTON_ID);
      assert.deepEqual(requests, []);
    });

    it('fails open when fetch itself is refused', async () => {
      const { send } = load(new FakeOffice(), () => Promise.reject(new TypeError('Failed to fetch')));
      assert.deepEqual(await send(), { allowEvent: true });
    });
  });
});
