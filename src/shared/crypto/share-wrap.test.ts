import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId, randomBytes, unwrapServerShare, wrapServerShare } from './index';
import { outcome } from './test-support';

const wrapKey = randomBytes(32);
const messageId = newId();
const share = randomBytes(32);

test('a wrapped server share is 61 bytes, version 1, and unwraps to the share', async () => {
  const wrapped = await wrapServerShare(wrapKey, messageId, share);
  assert.equal(wrapped.length, 61);
  assert.equal(wrapped[0], 1);
  assert.deepEqual(await unwrapServerShare(wrapKey, messageId, wrapped), share);
});

test('wrapping the same share twice uses fresh nonces', async () => {
  const a = await wrapServerShare(wrapKey, messageId, share);
  const b = await wrapServerShare(wrapKey, messageId, share);
  assert.notDeepEqual(a.subarray(1, 13), b.subarray(1, 13));
});

test('unwrapping fails for any changed byte, another message id or another wrap key', async () => {
  const wrapped = await wrapServerShare(wrapKey, messageId, share);
  for (let i = 1; i < wrapped.length; i++) {
    const copy = wrapped.slice();
    copy[i]! ^= 0x80;
    assert.equal(await outcome(unwrapServerShare(wrapKey, messageId, copy)), 'auth_failed', `byte ${i}`);
  }
  assert.equal(await outcome(unwrapServerShare(wrapKey, newId(), wrapped)), 'auth_failed');
  assert.equal(await outcome(unwrapServerShare(randomBytes(32), messageId, wrapped)), 'auth_failed');
});

test('unwrapping rejects another version or length as a bad header', async () => {
  const wrapped = await wrapServerShare(wrapKey, messageId, share);
  const otherVersion = wrapped.slice();
  otherVersion[0] = 2;
  assert.equal(await outcome(unwrapServerShare(wrapKey, messageId, otherVersion)), 'bad_header');
  assert.equal(await outcome(unwrapServerShare(wrapKey, messageId, wrapped.subarray(0, 60))), 'bad_header');
  assert.equal(await outcome(unwrapServerShare(wrapKey, messageId, new Uint8Array(62))), 'bad_header');
});

test('wrapping refuses keys, shares and ids of the wrong shape', async () => {
  await assert.rejects(wrapServerShare(new Uint8Array(16), messageId, share), TypeError);
  await assert.rejects(wrapServerShare(wrapKey, messageId, new Uint8Array(31)), TypeError);
  await assert.rejects(wrapServerShare(wrapKey, 'not-an-id', share), TypeError);
});
