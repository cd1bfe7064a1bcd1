/** What Outlook fetches from the service: the manifest for this deployment and the add-in pages. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startService, type TestService } from './support/service';
import { checkManifest } from '../scripts/manifest-check';
import { ADDIN_CONFIG_PATH } from '../src/addin/auth/config-path';

describe('serving the add-in', () => {
  let withUrl: TestService;
  let without: TestService;
  before(async () => {
    withUrl = await startService('sqlite', { env: { SEALPOST_ADDIN_URL: 'https://sealpost.example.org' } });
    without = await startService('sqlite');
  });
  after(async () => {
    await withUrl?.stop();
    await without?.stop();
  });

  it('serves a manifest rewritten for its own https base that passes the structural check', async () => {
    const res = await fetch(`${withUrl.baseUrl}/manifest.xml`);
    assert.equal(res.status, 200);
    const xml = await res.text();
    assert.ok(xml.includes('https://sealpost.example.org/addin/taskpane.html'));
    assert.ok(!xml.includes('https://localhost'));
    const problems = checkManifest(xml);
    assert.deepEqual(problems, []);
  });

  it('has no manifest without an https base, and says why', async () => {
    const res = await fetch(`${without.baseUrl}/manifest.xml`);
    assert.equal(res.status, 404);
    assert.match(((await res.json()) as { message: string }).message, /https/);
  });

  it('lets Outlook frame the task pane and load Office.js, and nothing else', async () => {
    const res = await fetch(`${withUrl.baseUrl}/addin/taskpane.html`);
    assert.equal(res.status, 200, 'the test command builds the task pane first');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'self' https:\/\/outlook\.office\.com/);
    assert.match(csp, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    assert.match(csp, /object-src 'none'/);
  });

  it('has the browser ask for the sign-in configuration while it parses the pane, at the path the pane fetches', async () => {
    const html = await (await fetch(`${withUrl.baseUrl}/addin/taskpane.html`)).text();
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
    const preload = links.find((l) => /rel="?preload/.test(l) && /as="?fetch/.test(l));
    assert.ok(preload, `no fetch preload in ${links.join(' ')}`);
    // Without crossorigin the browser would not hand the preloaded answer to the pane's fetch().
    assert.match(preload, /crossorigin=("?anonymous"?|"")/);
    const href = /href="?([^"\s>]+)/.exec(preload)?.[1];
    assert.equal(href, ADDIN_CONFIG_PATH);
    const config = await fetch(`${withUrl.baseUrl}${href}`);
    assert.equal(config.status, 200);
    assert.ok(((await config.json()) as { privacyUrl?: string }).privacyUrl);
  });
});
