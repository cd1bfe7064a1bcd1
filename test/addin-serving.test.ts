/** What Outlook fetches from the service: the manifest for this deployment and the add-in pages. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startService, type TestService } from './support/service';
import { checkManifest } from '../scripts/manifest-check';
import { ADDIN_CONFIG_ELEMENT_ID, ADDIN_CONFIG_PATH } from '../src/addin/auth/config-path';
import { paneWithConfig } from '../src/server/routes/addin';

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

  it('writes the sign-in configuration into the task pane’s page, the same as GET /api/addin/config gives', async () => {
    const res = await fetch(`${withUrl.baseUrl}/addin/taskpane.html`);
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    const block = new RegExp(`<script id="${ADDIN_CONFIG_ELEMENT_ID}" type="application/json">(.*?)</script>`).exec(html);
    assert.ok(block, 'the data block is in the page');
    assert.ok(html.indexOf(block[0]) < html.indexOf('</head>'), 'in <head>, before the bundle');
    const api = await (await fetch(`${withUrl.baseUrl}${ADDIN_CONFIG_PATH}`)).json();
    assert.deepEqual(JSON.parse(block[1]!), api);
    // The rest of the page is the build's: its bundle is still referenced.
    assert.match(html, /<script defer(?:="")? src="?\/addin\/taskpane\.[0-9a-f]{16}\.js/);
  });

  it('escapes the configuration so that no value can end the data block', () => {
    const html = paneWithConfig('<html><head><title>t</title></head><body></body></html>', {
      azure: null,
      devSignIn: false,
      privacyUrl: 'https://x.example/</script><script>alert(1)</script>',
    });
    assert.equal(html.match(/<\/script>/g)?.length, 1, 'only the block’s own end tag');
    const json = /type="application\/json">(.*?)<\/script>/.exec(html)![1]!;
    assert.equal(JSON.parse(json).privacyUrl, 'https://x.example/</script><script>alert(1)</script>');
  });
});
