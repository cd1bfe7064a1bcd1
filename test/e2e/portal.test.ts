/**
 * The recipient's side in a real browser against the real service: a Node sender encrypts a
 * message with an attachment, Chromium opens the link, verifies with the SMS code from the
 * development outbox, reads the body and downloads the attachment, whose bytes must match.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite';
import { waitForCode } from '../support/service';
import { bytesAttachment, sendSample } from '../support/flow';

const PHONE = '+31687654321';

describe('recipient portal in Chromium', () => {
  const suite = browserSuite();
  const thirdParty: string[] = [];

  async function open(link: string): Promise<Page> {
    const context = await suite.browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(suite.svc.baseUrl) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && !r.url().startsWith('about:')) thirdParty.push(r.url());
    });
    await page.goto(link);
    return page;
  }

  it('verifies by SMS code, shows the body and downloads the attachment intact', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    const sent = await sendSample(suite.svc.baseUrl, suite.token, [{ name: 'Jan', email: 'jan@client.example', method: 'sms', phone: PHONE }], [bytesAttachment('uitslag.pdf', 'application/pdf', bytes)]);
    const page = await open(sent.link);
    assert.equal(new URL(page.url()).hash, '', 'the link secret leaves the address bar');

    await page.getByLabel('E-mail address').fill('jan@client.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('321').first().waitFor();
    const code = await waitForCode(suite.svc.smsOutbox, PHONE);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();

    await page.getByRole('heading', { level: 1, name: 'Uitslag onderzoek' }).waitFor();
    const frame = page.frameLocator('iframe[title="Message text"]');
    await frame.getByText('Zie de bijlage.').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download uitslag.pdf' }).click()]);
    assert.equal(download.suggestedFilename(), 'uitslag.pdf');
    const saved = await readFile((await download.path())!);
    assert.deepEqual(new Uint8Array(saved), bytes);

    const csp = (await page.request.get(sent.link.split('#')[0]!)).headers()['content-security-policy'] ?? '';
    for (const rule of ["object-src 'none'", "base-uri 'none'", "script-src 'self'"]) assert.ok(csp.includes(rule), rule);
    assert.deepEqual(thirdParty, [], 'no request leaves for a third party');
    await page.context().close();
  });

  it('locks a code after five wrong tries and says so', async () => {
    const sent = await sendSample(suite.svc.baseUrl, suite.token, [{ name: 'Jan', email: 'jan2@client.example', method: 'sms', phone: PHONE }]);
    const before = (await suite.svc.smsOutbox()).length;
    const page = await open(sent.link);
    await page.getByLabel('E-mail address').fill('jan2@client.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    const code = await waitForCode(suite.svc.smsOutbox, PHONE, before);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Code').fill(wrong);
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('alert').waitFor();
    }
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    const alert = await page.getByRole('alert').textContent();
    assert.match(alert ?? '', /expired|new code/i, 'even the right code is refused once the tries are spent');
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Uitslag onderzoek' }).count(), 0);
    await page.context().close();
  });

  it('shows one vague page for an unknown message and a malformed link', async () => {
    const unknown = await open(`${suite.svc.baseUrl}/m/AAAAAAAAAAAAAAAAAAAAAA#${'A'.repeat(43)}`);
    const text1 = await unknown.locator('h1').first().textContent();
    const malformed = await open(`${suite.svc.baseUrl}/m/AAAAAAAAAAAAAAAAAAAAAA#short`);
    const text2 = await malformed.locator('h1').first().textContent();
    assert.ok(text1 && text1 === text2, `${text1} / ${text2}`);
    await unknown.context().close();
    await malformed.context().close();
  });
});
