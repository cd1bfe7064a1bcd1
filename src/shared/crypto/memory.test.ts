import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decryptPart, encryptPart, newId, newLinkSecret, randomBytes } from './index';

const MIB = 1024 * 1024;
const TOTAL = 64 * MIB;
// An odd chunk size, so records span chunks and the copying path is exercised as well.
const CHUNK = MIB + 7;
const SAMPLE_EVERY = 4 * MIB;

// Live buffer memory is only meaningful right after a collection, so expose gc() here.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Off-heap memory after a full collection. `external` is used rather than `arrayBuffers` because
 * it also counts the buffers WebCrypto returns; the pause lets freed buffers be swept.
 */
async function liveExternal(): Promise<number> {
  gc();
  await sleep(5);
  gc();
  return process.memoryUsage().external;
}

test('encrypting and decrypting 64 MiB through the streams keeps memory flat', async () => {
  const km = { linkSecret: newLinkSecret(), serverShare: randomBytes(32), messageId: newId() };
  const seed = randomBytes(CHUNK);
  const inputHash = createHash('sha256');
  const outputHash = createHash('sha256');
  let produced = 0;
  let consumed = 0;
  let peak = 0;
  const baseline = await liveExternal();
  // Sampled on both ends, so that buffering anywhere in between shows up.
  const sample = async () => void (peak = Math.max(peak, (await liveExternal()) - baseline));

  const source = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (produced >= TOTAL) return controller.close();
      if (produced % SAMPLE_EVERY < CHUNK) await sample();
      // A fresh chunk each time, as a file reader would hand out, with varying content.
      const chunk = seed.slice(0, Math.min(CHUNK, TOTAL - produced));
      chunk[0] = produced & 0xff;
      chunk[chunk.length - 1] = (produced >>> 20) & 0xff;
      inputHash.update(chunk);
      produced += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const sink = new WritableStream<Uint8Array>({
    async write(chunk) {
      outputHash.update(chunk);
      consumed += chunk.length;
      if (consumed % SAMPLE_EVERY < chunk.length) await sample();
    },
  });

  await source.pipeThrough(encryptPart(km, 'part/1')).pipeThrough(decryptPart(km, 'part/1')).pipeTo(sink);

  assert.equal(consumed, TOTAL);
  assert.equal(outputHash.digest('hex'), inputHash.digest('hex'));
  // A few 1 MiB chunks and their records may be in flight (about 5 MiB); 64 MiB must never be.
  assert.ok(peak < 16 * MIB, `peak live off-heap memory ${(peak / MIB).toFixed(1)} MiB`);
});
