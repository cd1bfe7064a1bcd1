// Building the manifest for a public base URL: `buildManifest` (which the service also uses for
// /manifest.xml) and the `npm run build:manifest` script around it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../src/shared/errors';
import { MANIFEST_PLACEHOLDER_BASE, buildManifest, manifestBase } from '../src/addin/manifest-urls';
import { buildOptions, writeManifest } from '../scripts/build-manifest';
import { checkManifest } from '../scripts/manifest-check';
import { REPO_ROOT, assetReader } from '../scripts/manifest-sources';
import { parseXml } from '../scripts/manifest-xml';

const source = readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8');
const BASE = 'https://sealpost.example.org';

/** Every URL-valued attribute and AppDomain in a manifest, in document order. */
function urlsIn(xml: string): string[] {
  const parsed = parseXml(xml);
  assert.ok('doc' in parsed);
  const urls: string[] = [];
  for (const el of Array.from(parsed.doc.getElementsByTagName('*'))) {
    for (const name of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(name);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
    if (el.localName === 'AppDomain') urls.push(el.textContent?.trim() ?? '');
  }
  return urls;
}

function rejects(base: string): void {
  assert.throws(() => buildManifest(source, base), (err: unknown) => err instanceof AppError && err.code === 'bad_request', base);
}

describe('buildManifest', () => {
  test('moves every URL to the new base and leaves none on the development base', () => {
    const before = urlsIn(source);
    const after = urlsIn(buildManifest(source, BASE));
    assert.ok(before.length >= 12, 'the source should hold a dozen URLs');
    assert.equal(after.length, before.length);
    for (const url of after) assert.ok(url === BASE || url.startsWith(`${BASE}/`), url);
    assert.deepEqual(after, before.map((u) => u.replace(MANIFEST_PLACEHOLDER_BASE, BASE)));
    assert.ok(!buildManifest(source, BASE).includes(MANIFEST_PLACEHOLDER_BASE), 'the development base is still in the output');
  });

  test('produces a manifest that still passes the offline structural check', () => {
    assert.deepEqual(checkManifest(buildManifest(source, BASE), { readAsset: assetReader() }), []);
  });

  test('accepts a trailing slash and a port, and writes the bare origin', () => {
    assert.equal(manifestBase('https://sealpost.example.org:8443/'), 'https://sealpost.example.org:8443');
    assert.ok(buildManifest(source, 'https://Sealpost.Example.org/').includes('"https://sealpost.example.org/addin/taskpane.html"'));
  });

  test('refuses a base that is not https', () => {
    for (const base of ['http://sealpost.example.org', 'ftp://sealpost.example.org', 'sealpost.example.org', '']) rejects(base);
  });

  test('refuses a base with a path, query, fragment or credentials, since the allow-list file must sit at the origin root', () => {
    for (const base of ['https://example.org/sealpost', 'https://example.org/?a=1', 'https://example.org/#x', 'https://user:pw@example.org']) rejects(base);
  });

  test('refuses a host that would break out of an XML attribute', () => {
    for (const base of ['https://a"b.example', 'https://a&b.example', "https://a'b.example"]) rejects(base);
  });

  test('leaves a lookalike origin such as localhost:30001 alone', () => {
    const lookalike = '<Url DefaultValue="https://localhost:30001/x"/><Url DefaultValue="https://localhost:3000/y"/>';
    assert.equal(buildManifest(lookalike, BASE), `<Url DefaultValue="https://localhost:30001/x"/><Url DefaultValue="${BASE}/y"/>`);
  });

  test('refuses a source with nothing to rewrite', () => {
    assert.throws(() => buildManifest('<OfficeApp/>', BASE), AppError);
  });

  test('refuses a result over the 256 KB Exchange installs', () => {
    const big = source.replace('<OfficeApp ', `<!-- ${'x'.repeat(256 * 1024)} -->\n<OfficeApp `);
    assert.throws(() => buildManifest(big, BASE), /at most 262144/);
  });
});

describe('npm run build:manifest', () => {
  test('takes --base first, then SEALPOST_PUBLIC_URL, then the development base', () => {
    assert.equal(buildOptions(['--base', BASE], { SEALPOST_PUBLIC_URL: 'https://env.example' }).base, BASE);
    assert.equal(buildOptions(['--base=https://eq.example'], {}).base, 'https://eq.example');
    assert.equal(buildOptions([], { SEALPOST_PUBLIC_URL: 'https://env.example' }).base, 'https://env.example');
    assert.equal(buildOptions([], {}).base, MANIFEST_PLACEHOLDER_BASE);
    assert.equal(buildOptions([], {}).out, join(REPO_ROOT, 'dist', 'manifest.xml'));
  });

  test('writes the rewritten manifest, and writes nothing for an http base', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealpost-manifest-'));
    try {
      const out = join(dir, 'manifest.xml');
      const written = writeManifest({ base: BASE, out });
      assert.ok(written.ok);
      assert.equal(readFileSync(out, 'utf8'), buildManifest(source, BASE));
      const refused = writeManifest({ base: 'http://sealpost.example.org', out: join(dir, 'http.xml') });
      assert.ok(!refused.ok);
      assert.match(refused.problems.join(), /must be https/);
      assert.throws(() => readFileSync(join(dir, 'http.xml')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
