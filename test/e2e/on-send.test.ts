/**
 * The on-send check end to end in Chromium, as Outlook on the web runs it: the production
 * `commands.html` and `launchevent.js` from a loopback origin, with Microsoft's Office.js replaced
 * by the fake Office host and a loopback policy service that can be taken down.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { buildCommandsBundle, buildHarness, type BuiltCommands } from '../support/harness-build';
import type { HandlerRun, HarnessSeed, SealpostHarness } from './harness/fake-office-host';
import { defaultPolicy, resolvePolicy } from '../../src/shared/detect';

declare global {
  interface Window {
    __sealpostHarness: SealpostHarness;
  }
}

const SEALED_ID = 'ZTJlc2VhbGVkbWVzc2FnZQ';
const PDF = Buffer.from(Uint8Array.from({ length: 2048 }, (_, i) => (i * 13 + 7) % 256)).toString('base64');
const recipients = { to: [{ email: 'jan@client.example', name: 'Jan' }] };

describe('on-send check in Chromium', () => {
  let commands: BuiltCommands;
  let harnessScript: string;
  let harnessDir: string;
  let server: Server;
  let origin: string;
  let browser: Browser;
  let serviceDown = false;
  const policyRequests: string[] = [];
  const elsewhere: string[] = [];

  before(async () => {
    [commands, { source: harnessScript, dir: harnessDir }] = await Promise.all([buildCommandsBundle(), buildHarness()]);
    server = createServer(async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/policy')) {
        policyRequests.push(path);
        // Down means unreachable, not an error page: the connection just drops.
        if (serviceDown) return req.socket.destroy();
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ policy: defaultPolicy(), failClosed: false }));
      }
      const file = { '/addin/commands.html': 'commands.html', '/addin/launchevent.js': 'launchevent.js' }[path];
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
      res.end(await readFile(join(commands.dir, file)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    assert.deepEqual(elsewhere, [], 'no request leaves for anyone but the service and the (routed) Office.js CDN');
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await Promise.all([commands, { dir: harnessDir }].map((b) => b?.dir && rm(b.dir, { recursive: true, force: true })));
  });

  async function compose(seed: HarnessSeed): Promise<Page> {
    const page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('https://appsforoffice.microsoft.com/')) elsewhere.push(r.url());
    });
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: harnessScript }));
    await page.goto(`${origin}/addin/commands.html`);
    assert.deepEqual((await page.evaluate(() => window.__sealpostHarness.handlers())).sort(), ['onMessageSendHandler', 'onNewMessageComposeHandler', 'onRecipientsChangedHandler']);
    await page.evaluate((s) => window.__sealpostHarness.seed(s), seed);
    return page;
  }

  const send = (page: Page): Promise<HandlerRun> => page.evaluate(() => window.__sealpostHarness.invoke('onMessageSendHandler'));

  it('lets a sealed message go without asking the service', async () => {
    const before = policyRequests.length;
    const page = await compose({
      recipients,
      bodyHtml: `<p>Beveiligd bericht: ${origin}/m/${SEALED_ID}#geheim</p>`,
      headers: { 'x-sealpost-sealed': SEALED_ID },
      session: { 'sealpost.sealed': SEALED_ID },
    });
    const run = await send(page);
    assert.deepEqual(run.options, { allowEvent: true });
    assert.equal(run.completedCount, 1);
    assert.equal(policyRequests.length, before);
    await page.close();
  });

  it('lets an unsealed clean message with a binary attachment go, keeping the default policy for next time', async () => {
    const page = await compose({ recipients, subject: 'Offerte', bodyHtml: '<p>Hierbij de offerte.</p>', attachments: [{ name: 'offerte.pdf', content: PDF }] });
    const run = await send(page);
    assert.deepEqual(run.options, { allowEvent: true });
    assert.equal(run.completedCount, 1);
    const item = await page.evaluate(() => window.__sealpostHarness.read());
    assert.equal(item.attachments[0]?.content, PDF, 'the check reads names, it changes nothing');
    assert.ok(item.runtimeStorage['sealpost.defaultPolicy'], 'the fetched default is kept in OfficeRuntime.storage');
    await page.close();
  });

  it('stops an unsealed message with a BSN under a policy that requires secure sending, in Dutch', async () => {
    const policy = resolvePolicy({ rules: { bsn: { action: 'require' } } });
    const page = await compose({
      recipients,
      displayLanguage: 'nl-NL',
      bodyHtml: '<p>Het BSN van mevrouw is 111222333.</p>',
      attachments: [{ name: 'dossier.pdf', content: PDF }],
      roaming: { 'sealpost.policyCache': { policy, failClosed: false, fetchedAt: Date.now() } },
    });
    const run = await send(page);
    const options = run.options as Office.SmartAlertsEventCompletedOptions;
    assert.equal(run.completedCount, 1);
    assert.equal(options.allowEvent, false);
    assert.match(options.errorMessage ?? '', /^Dit bericht moet beveiligd worden verstuurd\. Bevat een burgerservicenummer \(BSN\)\./);
    assert.ok((options.errorMessage ?? '').length <= 500 && (options.cancelLabel ?? '').length <= 20);
    assert.equal(options.commandId, 'SealpostOpenPaneButton');
    assert.equal(await page.evaluate(() => window.__sealpostHarness.read().sent), false);
    await page.close();
  });

  it('fails open when the service is down, and closed when the organisation chose so', async () => {
    serviceDown = true;
    try {
      const open = await compose({ recipients, bodyHtml: '<p>Tot morgen.</p>' });
      const run = await send(open);
      assert.deepEqual(run.options, { allowEvent: true });
      assert.ok(run.ms < 3000, `decided in ${run.ms} ms`);
      await open.close();

      const stale = Date.now() - 3 * 24 * 3600 * 1000;
      const closed = await compose({ recipients, bodyHtml: '<p>Tot morgen.</p>', roaming: { 'sealpost.policyCache': { policy: defaultPolicy(), failClosed: true, fetchedAt: stale } } });
      const stopped = (await send(closed)).options as Office.SmartAlertsEventCompletedOptions;
      assert.equal(stopped.allowEvent, false);
      assert.match(stopped.errorMessage ?? '', /could not check this message/);
      await closed.close();
    } finally {
      serviceDown = false;
    }
  });
});
