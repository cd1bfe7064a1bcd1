import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordNonce } from './record';
import { hex } from './test-support';

test('recordNonce writes the counter as 11 big-endian bytes, then the final flag', () => {
  const counters = [0, 1, 2, 255, 256, 2 ** 24 - 1, 2 ** 24, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 12345, Number.MAX_SAFE_INTEGER];
  for (const counter of counters) {
    for (const final of [false, true]) {
      const expected = BigInt(counter).toString(16).padStart(22, '0') + (final ? '01' : '00');
      assert.equal(hex(recordNonce(counter, final)), expected, `record ${counter}, final ${final}`);
    }
  }
});

test('recordNonce refuses counters that a JS number cannot hold exactly', () => {
  for (const bad of [-1, 0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => recordNonce(bad, false), RangeError, String(bad));
  }
});
