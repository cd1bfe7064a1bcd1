/**
 * "Your data" in a real browser against the real service: a sender sends a message to an address;
 * the person behind it opens /my-data in Chromium, proves the address with the code from the mail
 * outbox, sees their name, downloads the JSON export and erases their data; the recipient row is
 * then a tombstone. All of it under the portal's CSP, without a single violation.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { browserSuite } from '../support/browser-suite';
import { waitForCode } from '../support/service';
import { sendSample } from '../support/flow';

const ADDRESS = 'mydata@client.example';
const NAME = 'Jan Mydata';
const PHONE = '+31687654321';

describe('"Your data" in Chromium', () => {
  const suite = browserSuite();

  it('proves the address by mailed code, shows and exports the data, and erases it', async () => {
    const sent = await sendSample(suite.svc.baseUrl, suite.token, [{ name: NAME, email: ADDRESS, method: 'sms', phone: PHONE }]);
    const context = await suite.browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(suite.svc.baseUrl) && !/^(data|blob):/.test(r.url())) problems.push(`third party: ${r.url()}`);
    });

    const response = await page.goto(`${suite.svc.baseUrl}/my-data`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    for (const rule of ["script-src 'self'", "style-src 'self' 'nonce-", "object-src 'none'"]) assert.ok(csp.includes(rule), rule);
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    assert.equal(await page.title(), 'Your data \u2013 Sealpost');
    assert.equal(await page.getByRole('main').getByRole('link', { name: 'Privacy statement' }).getAttribute('href'), '/privacy');

    // Step 1 and 2: the code goes by e-mail, whatever the address.
    const before = (await suite.svc.mailOutbox()).filter((m) => m.to === ADDRESS).length;
    await page.getByLabel('E-mail address').fill(ADDRESS);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    const code = await waitForCode(suite.svc.mailOutbox, ADDRESS, before);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();

    // Step 3: what is held, with the recipient's name as the sender entered it.
    await page.getByRole('heading', { level: 1, name: `What we hold about ${ADDRESS}` }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Message from Anna de Vries, Zorggroep Test' }).waitFor();
    assert.ok(await page.getByText(NAME, { exact: true }).isVisible());
    assert.ok(await page.getByText(PHONE, { exact: true }).isVisible());

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
    assert.match(download.suggestedFilename(), /^sealpost-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      format: string;
      email: string;
      asRecipient: { messageId: string; name: string; email: string; phone: string | null }[];
    };
    assert.equal(exported.format, 'sealpost-personal-data/1');
    assert.equal(exported.email, ADDRESS);
    assert.deepEqual(
      exported.asRecipient.map((r) => [r.messageId, r.name, r.email, r.phone]),
      [[sent.id, NAME, ADDRESS, PHONE]],
    );
    await page.getByRole('status').getByText('Your data has been downloaded.').waitFor();

    // Erasure: only after the warning is confirmed.
    await page.getByRole('button', { name: 'Erase my data' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Erase your data?' });
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /no longer be able to read the secure messages sent to you/);
    await dialog.getByRole('button', { name: 'Yes, erase my data' }).click();
    await page.locator('h1', { hasText: 'Your data has been erased' }).waitFor();
    // The modal hid the page from screen readers while open; closing it must have undone that.
    assert.equal(await page.locator('#root').getAttribute('aria-hidden'), null, 'the page is not left aria-hidden');
    assert.ok(await page.getByRole('heading', { level: 1, name: 'Your data has been erased' }).isVisible());

    const rows = await suite.svc.db.kysely
      .selectFrom('recipients')
      .select(['name', 'email', 'phone', 'erased_at'])
      .where('message_id', '=', sent.id)
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.name, '');
    assert.equal(rows[0]!.email, '');
    assert.equal(rows[0]!.phone, null);
    assert.ok(rows[0]!.erased_at !== null, 'the row is a tombstone marked erased');
    const sessions = await suite.svc.db.kysely.selectFrom('privacy_challenges').select('id').where('address', '=', ADDRESS).execute();
    assert.deepEqual(sessions, [], 'erasure ends the privacy session');

    assert.deepEqual(problems, [], 'no CSP violation, script error or third-party request');
    await context.close();
  });
});
