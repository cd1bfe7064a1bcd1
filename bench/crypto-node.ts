/**
 * Micro-benchmark of the part streams in Node: N MiB (default 256) through encryptPart, and
 * through encryptPart → decryptPart, each compared with a bare WebCrypto AES-GCM loop over the
 * same 64 KiB records in the same run. Usage: node --import tsx bench/crypto-node.ts [MiB]
 */
import { decryptPart, encryptPart, newId, newLinkSecret, randomBytes, RECORD_SIZE } from '../src/shared/crypto';

const MIB = 1024 * 1024;
const total = Number(process.argv[2] ?? 256) * MIB;
// A few distinct 1 MiB chunks, reused; file readers hand out chunks of a similar size.
const chunks = Array.from({ length: 4 }, () => randomBytes(MIB));

function source(): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      controller.enqueue(chunks[(sent / MIB) % chunks.length]!);
      sent += MIB;
    },
  });
}

async function streams(decrypt: boolean): Promise<void> {
  const km = { linkSecret: newLinkSecret(), serverShare: randomBytes(32), messageId: newId() };
  let out = 0;
  const sealed = source().pipeThrough(encryptPart(km, 'part/1'));
  const result = decrypt ? sealed.pipeThrough(decryptPart(km, 'part/1')) : sealed;
  await result.pipeTo(new WritableStream({ write: (c) => void (out += c.length) }));
  if (decrypt && out !== total) throw new Error(`lost bytes: ${out} of ${total}`);
}

async function bareLoop(decrypt: boolean): Promise<void> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', randomBytes(32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const additionalData = new Uint8Array(24);
  for (let offset = 0, counter = 0; offset < total; offset += RECORD_SIZE, counter++) {
    const chunk = chunks[Math.floor(offset / MIB) % chunks.length]!;
    const record = chunk.subarray(offset % MIB, (offset % MIB) + RECORD_SIZE);
    const iv = new Uint8Array(12);
    new DataView(iv.buffer).setUint32(7, counter);
    const sealed = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, record);
    if (decrypt) await subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, sealed);
  }
}

/** Plaintext megabytes (10^6 bytes) per second. */
async function rate(name: string, run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  const mbps = total / 1e6 / seconds;
  console.log(`${name.padEnd(36)} ${(total / MIB).toFixed(0)} MiB in ${seconds.toFixed(2)} s = ${mbps.toFixed(0)} MB/s`);
  return mbps;
}

// Warm up the JIT and the thread pool first.
await streams(true);
await bareLoop(true);
for (const decrypt of [false, true]) {
  const what = decrypt ? 'encrypt+decrypt' : 'encrypt only';
  const bare = await rate(`bare AES-GCM loop, ${what}`, () => bareLoop(decrypt));
  const ours = await rate(`part streams, ${what}`, () => streams(decrypt));
  console.log(`ratio part streams / bare loop (${what}): ${(ours / bare).toFixed(2)}`);
}
