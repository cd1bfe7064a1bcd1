import 'global-jsdom/register';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sanitiseMail, type SanitiseOptions } from './sanitise-mail';
import { buildMailDocument, framePolicy } from './mail-document';
import { decodeCssEscapes, filterCssUrls } from './css-urls';

const blocked: SanitiseOptions = { allowRemoteImages: false };
const allowed: SanitiseOptions = { allowRemoteImages: true };

/** Sanitises and parses the result back, so assertions look at elements, not at string details. */
function clean(html: string, options: SanitiseOptions = blocked) {
  const result = sanitiseMail(html, options);
  const container = document.createElement('div');
  container.innerHTML = result.bodyHtml;
  return { ...result, dom: container };
}

describe('mail sanitiser: nothing runs', () => {
  it('removes script elements, including their text', () => {
    const { dom, bodyHtml } = clean('<p>hi</p><script>alert(1)</script><SCRIPT src="https://x.test/a.js"></SCRIPT>');
    assert.equal(dom.querySelector('script'), null);
    assert.doesNotMatch(bodyHtml, /alert|x\.test/);
  });

  it('removes every on* event handler', () => {
    const { dom } = clean('<img src="data:image/png;base64,AA==" onerror="alert(1)"><p onclick="x()" onmouseover="y()">t</p><body onload="z()">');
    for (const element of Array.from(dom.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) assert.doesNotMatch(attribute.name, /^on/i);
    }
  });

  it('drops javascript:, vbscript: and data:text/html link targets but keeps ordinary links', () => {
    const { dom } = clean(
      '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="vbscript:x">c</a>' +
        '<a href="data:text/html,<script>alert(1)</script>">d</a><a href="https://example.org/x">e</a>',
    );
    const hrefs = Array.from(dom.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    assert.deepEqual(hrefs, [null, null, null, null, 'https://example.org/x']);
  });

  it('removes forms and their controls, keeping the text around them', () => {
    const { dom } = clean('<form action="https://evil.test/"><label>Password</label><input name="p"><button>Go</button><select><option>1</option></select><textarea>t</textarea></form>');
    assert.equal(dom.querySelector('form, input, button, select, textarea'), null);
    assert.match(dom.textContent ?? '', /Password/);
  });

  it('removes frames, objects, embeds and applets', () => {
    const { dom } = clean('<iframe src="https://x.test"></iframe><object data="x.swf"></object><embed src="x.swf"><frameset><frame src="x"></frameset><applet code="x"></applet>');
    assert.equal(dom.querySelector('iframe, object, embed, frame, frameset, applet'), null);
  });

  it('removes <base>, <meta http-equiv=refresh> and <link>, wherever they appear', () => {
    const result = sanitiseMail(
      '<html><head><base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=https://evil.test/"><link rel="stylesheet" href="https://x.test/a.css"></head><body><base href="https://evil.test/"><meta http-equiv="refresh" content="0"><p>x</p></body></html>',
      blocked,
    );
    assert.doesNotMatch(result.bodyHtml, /<base|<meta|<link|evil\.test|x\.test/i);
  });

  it('removes SVG and MathML altogether, with any script inside', () => {
    const { dom, bodyHtml } = clean('<svg><script>alert(1)</script><image href="https://x.test/i.png"/><a xlink:href="javascript:alert(1)"><text>t</text></a></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math>');
    assert.equal(dom.querySelector('svg, math, script, image'), null);
    assert.doesNotMatch(bodyHtml, /javascript|x\.test/);
  });

  it('strips a mail\u2019s own nonce so that only ours can appear', () => {
    const { dom } = clean('<p nonce="guess">x</p>');
    assert.equal(dom.querySelector('[nonce]'), null);
  });

  it('sends links to a new tab without a referrer', () => {
    const { dom } = clean('<a href="https://example.org/" target="_self">x</a><map><area href="https://example.org/a"></map>');
    for (const link of Array.from(dom.querySelectorAll('a, area'))) {
      assert.equal(link.getAttribute('target'), '_blank');
      assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
    }
  });
});

describe('mail sanitiser: remote content', () => {
  it('blocks remote <img> sources by default and counts them', () => {
    const { dom, blockedImages } = clean('<img src="https://track.test/p.gif" alt="logo"><img src="//track.test/q.gif"><img src="http://track.test/r.gif">');
    assert.equal(blockedImages, 3);
    const images = Array.from(dom.querySelectorAll('img'));
    assert.equal(images.length, 3, 'the images stay, so their alt text shows');
    assert.ok(images.every((img) => !img.hasAttribute('src')));
  });

  it('shows remote images when allowed, asking for https', () => {
    const { dom, blockedImages } = clean('<img src="https://cdn.test/a.png"><img src="http://cdn.test/b.png"><img src="//cdn.test/c.png">', allowed);
    assert.equal(blockedImages, 0);
    assert.deepEqual(
      Array.from(dom.querySelectorAll('img')).map((img) => img.getAttribute('src')),
      ['https://cdn.test/a.png', 'https://cdn.test/b.png', 'https://cdn.test/c.png'],
    );
  });

  it('treats srcset and the background attribute like src', () => {
    const html = '<picture><source srcset="https://cdn.test/a.webp 1x, https://cdn.test/b.webp 2x"><img srcset="http://cdn.test/c.png 2x" src="data:image/png;base64,AA=="></picture><table background="https://cdn.test/bg.png"><tr><td background="http://cdn.test/td.png">x</td></tr></table>';
    const off = clean(html);
    assert.equal(off.dom.querySelector('[srcset], [background]'), null);
    assert.equal(off.blockedImages, 4);
    const on = clean(html, allowed);
    assert.equal(on.dom.querySelector('img')?.getAttribute('srcset'), 'https://cdn.test/c.png 2x');
    assert.equal(on.dom.querySelector('td')?.getAttribute('background'), 'https://cdn.test/td.png');
  });

  it('keeps embedded raster images and drops relative sources that would hit the portal', () => {
    const { dom } = clean('<img src="data:image/png;base64,iVBORw0KGgo="><img src="/api/r/x/parts/1">');
    const sources = Array.from(dom.querySelectorAll('img')).map((img) => img.getAttribute('src'));
    assert.deepEqual(sources, ['data:image/png;base64,iVBORw0KGgo=', null]);
  });

  it('drops cid: images that have no attachment and fills in those that have one', () => {
    const inlineImages = new Map([['image001.png@01da0000.00000000', 'data:image/png;base64,AAAA']]);
    const { dom } = clean('<img src="cid:image001.png@01DA0000.00000000" alt="a"><img src="cid:missing@x" alt="b">', { allowRemoteImages: false, inlineImages });
    const images = Array.from(dom.querySelectorAll('img'));
    assert.equal(images.length, 1);
    assert.equal(images[0]?.getAttribute('src'), 'data:image/png;base64,AAAA');
  });

  it('removes remote url() from style attributes unless images are allowed', () => {
    const html = '<div style="color: red; background-image: url(&quot;https://track.test/bg.png&quot;)">x</div>';
    const off = clean(html);
    const style = off.dom.querySelector('div')?.getAttribute('style') ?? '';
    assert.match(style, /color: red/);
    assert.doesNotMatch(style, /track\.test/);
    assert.equal(off.blockedImages, 1);
    const on = clean(html, allowed);
    assert.match(on.dom.querySelector('div')?.getAttribute('style') ?? '', /https:\/\/track\.test\/bg\.png/);
  });

  it('sees through CSS escapes that hide a url()', () => {
    const { dom, blockedImages } = clean('<p style="background:\\75 rl(https://track.test/a.png)">x</p><p style="background:u\\72l(\'//track.test/b\')">y</p>');
    assert.equal(blockedImages, 2);
    assert.doesNotMatch(dom.innerHTML, /track\.test/);
  });

  it('keeps a mail\u2019s style sheets, without Outlook\u2019s comment markers, @import or remote urls', () => {
    const result = sanitiseMail(
      '<html><head><style><!-- p.MsoNormal{margin:0cm} @import url("https://x.test/a.css"); .logo{background:url(https://track.test/l.png)} --></style></head><body><p class="MsoNormal">x</p></body></html>',
      blocked,
    );
    assert.equal(result.styles.length, 1);
    assert.match(result.styles[0] ?? '', /p\.MsoNormal\{margin:0cm\}/);
    assert.doesNotMatch(result.styles[0] ?? '', /@import|x\.test|track\.test|<!--|-->/);
    assert.equal(result.blockedImages, 1);
    assert.doesNotMatch(result.bodyHtml, /<style/);
  });

  it('never passes on a style sheet that could close its element', () => {
    const result = sanitiseMail('<style>p{color:red}</style><style>p{}\\3c /style><img src=x onerror=alert(1)></style><p>x</p>', blocked);
    assert.deepEqual(result.styles, ['p{color:red}']);
  });
});

describe('frame document', () => {
  const mail = { bodyHtml: '<p>x</p>', styles: ['p{color:red}'] };

  it('starts with its own CSP that allows no script and, by default, no remote images', () => {
    const doc = buildMailDocument(mail, { nonce: 'abc123', allowRemoteImages: false });
    const csp = doc.indexOf('Content-Security-Policy');
    assert.ok(csp > 0 && csp < doc.indexOf('<style'), 'the policy comes before anything it governs');
    assert.equal(framePolicy(false), "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:");
    assert.match(framePolicy(true), /img-src data: https:;/);
    assert.ok(buildMailDocument(mail, { nonce: null, allowRemoteImages: true }).includes(framePolicy(true)));
  });

  it('gives our and the mail\u2019s style elements the page nonce, and only a well-formed one', () => {
    const doc = buildMailDocument(mail, { nonce: 'abc123', allowRemoteImages: false });
    assert.equal(doc.match(/<style nonce="abc123">/g)?.length, 2);
    assert.ok(doc.includes('<style nonce="abc123">p{color:red}</style>'));
    const bad = buildMailDocument(mail, { nonce: '"><script>', allowRemoteImages: false });
    assert.doesNotMatch(bad, /nonce=|<script/);
  });
});

describe('CSS url filter', () => {
  it('decodes hex and character escapes', () => {
    assert.equal(decodeCssEscapes('\\75 rl(\\"x\\")'), 'url("x")');
  });

  it('leaves data: urls and plain declarations alone', () => {
    const css = 'color:red;background:url(data:image/png;base64,AA==)';
    assert.deepEqual(filterCssUrls(css, false), { css, blocked: 0 });
  });
});
