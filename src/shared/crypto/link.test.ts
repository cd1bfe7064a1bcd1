import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLink, newId, newLinkSecret, parseFragment, parseLink, toBase64Url } from './index';

const id = newId();
const secret = newLinkSecret();
const fragment = toBase64Url(secret);

test('a formatted link parses back to its message id and link secret', () => {
  const url = formatLink('https://portal.example', id, secret);
  assert.equal(url, `https://portal.example/m/${id}#${fragment}`);
  assert.deepEqual(parseLink(url), { messageId: id, linkSecret: secret });
});

test('formatLink keeps a path prefix, drops trailing slashes and refuses bad inputs', () => {
  assert.equal(formatLink('https://x.example/sealpost/', id, secret), `https://x.example/sealpost/m/${id}#${fragment}`);
  assert.deepEqual(parseLink(`https://x.example/sealpost/m/${id}#${fragment}`)?.messageId, id);
  assert.throws(() => formatLink('https://x.example', 'short', secret), TypeError);
  assert.throws(() => formatLink('https://x.example', id, new Uint8Array(16)), TypeError);
});

test('parseFragment accepts the hash with or without "#" and only for exactly 32 bytes', () => {
  assert.deepEqual(parseFragment(`#${fragment}`), secret);
  assert.deepEqual(parseFragment(fragment), secret);
  for (const bad of ['', '#', fragment.slice(1), `${fragment}A`, `#${fragment}=`, `${fragment.slice(0, 42)}+`,
    `${fragment.slice(0, 42)}B`, toBase64Url(new Uint8Array(33)), ` ${fragment.slice(1)}`, `##${fragment.slice(1)}`]) {
    assert.equal(parseFragment(bad), null, JSON.stringify(bad));
  }
});

test('parseLink returns null for anything that is not a well-formed message link', () => {
  const good = `https://portal.example/m/${id}#${fragment}`;
  assert.ok(parseLink(good));
  assert.ok(parseLink(`https://portal.example/m/${id}?utm=1#${fragment}`), 'a query string is ignored');
  for (const bad of [
    'not a url',
    `https://portal.example/m/${id}`,
    `https://portal.example/m/${id}#`,
    `https://portal.example/m/${id}#${fragment.slice(2)}`,
    `https://portal.example/m/${id.slice(1)}#${fragment}`,
    `https://portal.example/m/${id}A#${fragment}`,
    `https://portal.example/m/${id.slice(0, 21)}B#${fragment}`,
    `https://portal.example/x/${id}#${fragment}`,
    `https://portal.example/m/${id}/#${fragment}`,
    `https://portal.example/am/${id}#${fragment}`,
    `javascript:/m/${id}#${fragment}`,
    `ftp://portal.example/m/${id}#${fragment}`,
  ]) {
    assert.equal(parseLink(bad), null, bad);
  }
});
