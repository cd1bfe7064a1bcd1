import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientInfo } from './client-info';

const host = { host: 'Outlook', version: '16.0.17425.20000', platform: 'PC', displayLanguage: 'nl-NL' };

describe('what the pane reports about where it runs', () => {
  it('is Outlook’s host, version and platform plus two coarse words, never the user-agent string', () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0';
    const info = clientInfo(host, { userAgent: ua });
    assert.deepEqual(info, { outlookHost: 'Outlook', outlookVersion: '16.0.17425.20000', outlookPlatform: 'PC', browser: 'edge', device: 'desktop' });
    assert.ok(!JSON.stringify(info).includes('Mozilla'));
  });

  it('prefers client hints and recognises the common families and devices', () => {
    const cases: Array<[Parameters<typeof clientInfo>[1], string, string]> = [
      [{ userAgentData: { brands: [{ brand: 'Google Chrome' }], mobile: true }, userAgent: 'x' }, 'chrome', 'mobile'],
      [{ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)' }, 'webview', 'desktop'],
      [{ userAgent: 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' }, 'safari', 'desktop'],
      [{ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }, 'firefox', 'desktop'],
      [{ userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari/604.1' }, 'safari', 'tablet'],
      [{}, 'other', 'desktop'],
    ];
    for (const [nav, browser, device] of cases) assert.deepEqual([clientInfo(host, nav).browser, clientInfo(host, nav).device], [browser, device]);
  });

  it('clips host fields to what the service stores', () => {
    assert.equal(clientInfo({ ...host, version: '9'.repeat(80) }, {}).outlookVersion?.length, 40);
  });
});
