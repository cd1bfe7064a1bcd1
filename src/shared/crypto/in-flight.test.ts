import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { concatBytes } from './bytes';
import { HEADER_SIZE, RECORD_SIZE, SEALED_RECORD_SIZE } from './constants';
import { RECORDS_IN_FLIGHT } from './in-flight';
import { decryptBytes, decryptPart, encryptBytes, encryptPart, newId, newLinkSecret, randomBytes } from './index';
import { chunkedSource } from './test-support';

const km = { linkSecret: newLinkSecret(), serverShare: randomBytes(32), messageId: newId() };
const LABEL = 'part/1';
// Nine records: eight full ones and a final one of 5 bytes, so more than RECORDS_IN_FLIGHT at once.
const RECORDS = 9;
const plaintext = randomBytes((RECORDS - 1) * RECORD_SIZE + 5);
const sealed = await encryptBytes(km, LABEL, plaintext);
// Eight full records, the last of them final.
const sealedFull = await encryptBytes(km, LABEL, plaintext.subarray(0, (RECORDS - 1) * RECORD_SIZE));
const recordAt = (i: number) => HEADER_SIZE + i * SEALED_RECORD_SIZE;
const CHUNKINGS = [[sealed.length], [1024 * 1024], [SEALED_RECORD_SIZE + 1, 7], [RECORD_SIZE]];

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

interface Spy {
  /** AES-GCM calls started so far. */
  calls: number;
  /** The most calls that were running at the same time. */
  maxRunning: number;
  /** Calls whose nonce array was rewritten before they settled (the streams reuse a few arrays). */
  nonceRewrites: number;
}

/**
 * Runs `body` with crypto.subtle's encrypt and decrypt slowed down so that within every group of
 * RECORDS_IN_FLIGHT calls the later ones settle first: a stream that emitted results as they
 * settle, rather than in record order, would then release them out of order. It also counts the
 * calls running at once. Tests in a file run one after another, so patching the global is safe.
 */
async function withSlowSubtle<T>(body: (spy: Spy) => Promise<T>): Promise<T> {
  const subtle = globalThis.crypto.subtle;
  const spy: Spy = { calls: 0, maxRunning: 0, nonceRewrites: 0 };
  let running = 0;
  const slow = <A extends unknown[]>(call: (...args: A) => Promise<ArrayBuffer>) => async (...args: A) => {
    const delay = (RECORDS_IN_FLIGHT - (spy.calls++ % RECORDS_IN_FLIGHT)) * 3;
    spy.maxRunning = Math.max(spy.maxRunning, ++running);
    const nonce = (args[0] as { iv: Uint8Array }).iv;
    const sent = nonce.slice();
    // Settled first, so that a failure is not left without a handler during the delay.
    const result = await Promise.allSettled([call(...args)]);
    await sleep(delay);
    if (nonce.some((byte, i) => byte !== sent[i])) spy.nonceRewrites += 1;
    running -= 1;
    if (result[0].status === 'rejected') throw result[0].reason;
    return result[0].value;
  };
  Object.assign(subtle, { encrypt: slow(subtle.encrypt.bind(subtle)), decrypt: slow(subtle.decrypt.bind(subtle)) });
  try {
    return await body(spy);
  } finally {
    Reflect.deleteProperty(subtle, 'encrypt');
    Reflect.deleteProperty(subtle, 'decrypt');
  }
}

/** Reads `stream` to its end or its error, returning what it emitted before and the error's code. */
async function readUntilError(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; code: string }> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: concatBytes(chunks), code: 'none' };
      chunks.push(value);
    }
  } catch (error) {
    return { bytes: concatBytes(chunks), code: (error as { code?: string }).code ?? String(error) };
  }
}

for (const sizes of CHUNKINGS) {
  test(`the streams keep ${RECORDS_IN_FLIGHT} records in flight and emit them in order (${sizes.join('/')}-byte chunks)`, async () => {
    await withSlowSubtle(async (spy) => {
      const out = await readUntilError(chunkedSource(plaintext, sizes).pipeThrough(encryptPart(km, LABEL)));
      assert.equal(out.code, 'none');
      assert.equal(spy.maxRunning, RECORDS_IN_FLIGHT);
      // A nonce array is written for a later record only once its own record is done.
      assert.equal(spy.nonceRewrites, 0);
      // The nonce binds each record's position, so this fails for any record emitted out of order.
      assert.deepEqual(await decryptBytes(km, LABEL, out.bytes), plaintext);
    });
    await withSlowSubtle(async (spy) => {
      const out = await readUntilError(chunkedSource(sealed, sizes).pipeThrough(decryptPart(km, LABEL)));
      assert.deepEqual([out.code, spy.maxRunning, spy.nonceRewrites], ['none', RECORDS_IN_FLIGHT, 0]);
      assert.deepEqual(out.bytes, plaintext);
    });
  });
}

test('a slow consumer holds the streams back: records started but not yet read stay bounded', async () => {
  for (const [make, input] of [[() => encryptPart(km, LABEL), plaintext], [() => decryptPart(km, LABEL), sealed]] as const) {
    await withSlowSubtle(async (spy) => {
      const reader = chunkedSource(input, [RECORD_SIZE]).pipeThrough(make()).getReader();
      let read = 0;
      let ahead = 0;
      for (;;) {
        // While the reader dawdles the stream runs until backpressure stops it, so this is the peak.
        await sleep(20);
        ahead = Math.max(ahead, spy.calls - read);
        if ((await reader.read()).done) break;
        read += 1;
      }
      // The records in flight, plus one emitted and waiting for the reader.
      assert.ok(ahead <= RECORDS_IN_FLIGHT + 1, `${ahead} records started ahead of the reader`);
    });
  }
});

for (let bad = 0; bad < RECORDS; bad++) {
  test(`a changed byte in record ${bad} of ${RECORDS} fails with auth_failed after releasing exactly the records before it`, async () => {
    // Byte 2 exists in every record, also in the 21-byte final one.
    const tampered = flip(sealed, recordAt(bad) + 2);
    for (const sizes of CHUNKINGS) {
      const out = await withSlowSubtle(() => readUntilError(chunkedSource(tampered, sizes).pipeThrough(decryptPart(km, LABEL))));
      assert.equal(out.code, 'auth_failed', `chunks of ${sizes.join('/')}`);
      assert.deepEqual(out.bytes, plaintext.subarray(0, bad * RECORD_SIZE), `chunks of ${sizes.join('/')}`);
    }
  });
}

const cases: [string, Uint8Array, string][] = [
  ['the part cut after record 6', sealed.slice(0, recordAt(7)), 'truncated'],
  ['records 5 and 6 swapped', concatBytes([sealed.subarray(0, recordAt(5)), sealed.subarray(recordAt(6), recordAt(7)),
    sealed.subarray(recordAt(5), recordAt(6)), sealed.subarray(recordAt(7))]), 'auth_failed'],
  // Record 1 fails first, although the later cut would be found as soon; the first failure decides.
  ['record 1 changed and the part cut after record 6', flip(sealed.subarray(0, recordAt(7)), recordAt(1)), 'auth_failed'],
  ['a byte appended after a full final record', concatBytes([sealedFull, Uint8Array.of(0)]), 'trailing_data'],
];

for (const [what, bytes, code] of cases) {
  test(`with many records in flight, ${what} fails with ${code}`, async () => {
    assert.equal((await withSlowSubtle(() => readUntilError(chunkedSource(bytes, [1024 * 1024]).pipeThrough(decryptPart(km, LABEL))))).code, code);
    await assert.rejects(decryptBytes(km, LABEL, bytes), { code });
  });
}

test('cancelling the output while records are in flight stops the streams without unhandled rejections', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    for (const [make, input] of [[() => encryptPart(km, LABEL), plaintext], [() => decryptPart(km, LABEL), sealed]] as const) {
      // The delays let the records in flight settle after the cancel, into a cancelled stream.
      await withSlowSubtle(async (spy) => {
        const reader = chunkedSource(input, [input.length]).pipeThrough(make()).getReader();
        // Two chunks out (the encryptor's first is the header), more records still running.
        await reader.read();
        await reader.read();
        const started = spy.calls;
        await reader.cancel(new Error('the reader went away'));
        await sleep(10 * RECORDS_IN_FLIGHT);
        assert.ok(started >= 2, `${started} records started`);
        // Nothing is started after the cancel.
        assert.equal(spy.calls, started);
      });
    }
    // A tampered record still in flight fails after the cancel.
    await withSlowSubtle(async () => {
      const reader = chunkedSource(flip(sealed, recordAt(2) + 2), [sealed.length]).pipeThrough(decryptPart(km, LABEL)).getReader();
      await reader.read();
      await reader.cancel(new Error('the reader went away'));
      await sleep(10 * RECORDS_IN_FLIGHT);
    });
    await sleep(10);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
