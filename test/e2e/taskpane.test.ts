/**
 * The sender's side in a real browser: the production task pane inside a fake Outlook host (a
 * compose item with recipients, an HTML body and two attachments, one binary) against the real
 * service. The test signs in, gives a mobile number, sends securely, checks the rewritten item,
 * then opens the link in the portal, verifies with the SMS code and finds the original content.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { docx } from '../../src/shared/detect/test-support';
import { launchChromium } from '../support/browser';
import { buildHarness } from '../support/harness-build';
import { startService, waitForCode, type TestService } from '../support/service';
import type { HarnessSeed, SealpostHarness } from './harness/fake-office-host';

declare global {
  interface Window {
    __sealpostHarness: SealpostHarness;
  }
}

const PHONE = '+31612340000';
const BINARY = Buffer.from(Uint8Array.from({ length: 70_000 }, (_, i) => (i * 29 + 3) % 256));
const TEXT = Buffer.from('Notulen van het overleg.\n', 'utf8');

describe('task pane in Chromium with a fake Outlook host', () => {
  let svc: TestService;
  let browser: Browser;
  let harness: { source: string; dir: string };

  before(async () => {
    [svc, harness, browser] = await Promise.all([startService('sqlite'), buildHarness(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await svc?.stop();
    if (harness) await rm(harness.dir, { recursive: true, force: true });
  });

  /** The production pane in the fake host, seeded with a compose item, signed in. */
  async function signedInPane(context: BrowserContext, seed: Omit<HarnessSeed, 'displayLanguage' | 'mailboxVersion' | 'profile'>): Promise<Page> {
    const pane = await context.newPage();
    await pane.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: harness.source }));
    await pane.goto(`${svc.baseUrl}/addin/taskpane.html`);
    await pane.evaluate((item) => window.__sealpostHarness.seed({
      ...item,
      displayLanguage: 'en-GB',
      mailboxVersion: '1.13',
      profile: { displayName: 'Anna de Vries', emailAddress: 'anna.devries@zorg.example' },
    }), seed);
    await pane.evaluate(() => window.__sealpostHarness.setRecipients('to', [{ email: 'jan@client.example', name: 'Jan Jansen' }]));
    await pane.getByRole('button', { name: 'Sign in' }).click();
    const acknowledge = pane.getByRole('button', { name: /understand|continue|ok/i });
    if (await acknowledge.count()) await acknowledge.first().click();
    return pane;
  }

  it('seals the message in Outlook and the recipient reads it in the portal', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
    const pane = await signedInPane(context, {
      subject: 'Verslag MDO',
      bodyHtml: '<p>Beste Jan, hierbij het <b>verslag</b>.</p>',
      attachments: [
        { name: 'notulen.txt', content: TEXT.toString('base64') },
        { name: 'scan.bin', content: BINARY.toString('base64') },
      ],
    });
    await pane.getByLabel('Mobile number for Jan Jansen').fill('06 1234 0000');
    await pane.getByRole('button', { name: 'Send securely' }).click();

    await pane.waitForFunction(() => window.__sealpostHarness.read().headers['x-sealpost-sealed'] !== undefined, undefined, { timeout: 30_000 });
    const item = await pane.evaluate(() => window.__sealpostHarness.read());
    const id = item.headers['x-sealpost-sealed']!;
    const link = /https?:\/\/[^\s"'<]+\/m\/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}/.exec(item.bodyHtml)?.[0];
    assert.ok(link, 'the body carries the secure link');
    assert.ok(link.includes(`/m/${id}#`));
    assert.equal(item.attachments.filter((a) => !a.isInline).length, 0, 'attachments are removed');
    assert.ok(!item.bodyHtml.includes('verslag</b>'), 'the original body is gone from the item');

    const portal = await context.newPage();
    await portal.goto(link.replace(/^https?:\/\/[^/]+/, svc.baseUrl));
    await portal.getByLabel('E-mail address').fill('jan@client.example');
    await portal.getByRole('button', { name: 'Continue' }).click();
    const code = await waitForCode(svc.smsOutbox, PHONE);
    await portal.getByLabel('Code').fill(code);
    await portal.getByRole('button', { name: 'Verify' }).click();
    await portal.getByRole('heading', { level: 1, name: 'Verslag MDO' }).waitFor();
    await portal.frameLocator('iframe[title="Message text"]').getByText('verslag').waitFor();
    for (const [name, bytes] of [['notulen.txt', TEXT], ['scan.bin', BINARY]] as const) {
      const [download] = await Promise.all([portal.waitForEvent('download'), portal.getByRole('button', { name: `Download ${name}` }).click()]);
      assert.deepEqual(await readFile((await download.path())!), bytes, `${name} arrives byte for byte`);
    }
    await context.close();
  });

  it('reads the text of a Word attachment in the browser and shows what it found, masked', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const document = await docx(['Verwijzing naar de polikliniek', ['BSN van de patiënt: 1112', '22333']]);
    const pane = await signedInPane(context, {
      subject: 'Verwijzing',
      bodyHtml: '<p>Zie bijlage.</p>',
      attachments: [{ name: 'verwijzing.docx', content: Buffer.from(document).toString('base64') }],
    });
    const findings = pane.getByRole('region', { name: 'Sensitive content' });
    await findings.getByText('1112*****').waitFor();
    await findings.getByText('In verwijzing.docx').first().waitFor();
    assert.ok(!(await findings.textContent())?.includes('111222333'), 'never the value itself');
    await context.close();
  });
});
