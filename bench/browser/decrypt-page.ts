/**
 * The page of bench/browser-decrypt.ts, bundled with webpack and driven from Node through
 * `page.evaluate`. Each call times one pass and returns milliseconds, so that Node chooses the
 * order and the repetitions. The bare loops derive the part key as docs/crypto.md specifies and
 * use the same nonces and additional data as the part streams, with no stream machinery.
 */
import { ciphertextSize, decryptBytes, decryptPart, encryptPart, newId, newLinkSecret, randomBytes, RECORD_SIZE } from '../../src/shared/crypto';

const MIB = 1024 * 1024;
const HEADER_BYTES = 24;
const SEALED_RECORD = RECORD_SIZE + 16;
const LABEL = 'part/1';

export interface PageInfo {
  userAgent: string;
  decryptBytes: number;
  encryptBytes: number;
  records: number;
}

export interface DecryptBench {
  /** `chunkBytes`: the size of the chunks fed to the part streams (1 MiB unless told). */
  setup(decryptMiB: number, encryptMiB: number, chunkBytes: number): Promise<PageInfo>;
  decryptStream(): Promise<number>;
  decryptBare(): Promise<number>;
  encryptStream(): Promise<number>;
  encryptBare(): Promise<number>;
}

declare global {
  interface Window {
    decryptBench?: DecryptBench;
  }
}

const km = { linkSecret: newLinkSecret(), serverShare: randomBytes(32), messageId: newId() };
let plaintext: Uint8Array<ArrayBuffer> = new Uint8Array(0);
let ciphertext: Uint8Array<ArrayBuffer> = new Uint8Array(0);
let encryptInput: Uint8Array<ArrayBuffer> = new Uint8Array(0);
let chunkSize = MIB;

/** A stream of `bytes` in chunks of `chunkSize` (1 MiB, as a file reader or a fetch body hands them out). */
function chunked(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let total = 0;
  await stream.pipeTo(new WritableStream({ write: (chunk) => void (total += chunk.length) }));
  return total;
}

/** The part key exactly as docs/crypto.md gives it: HKDF-SHA256 over link secret ‖ server share. */
async function partKey(salt: Uint8Array<ArrayBuffer>, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const ikm = new Uint8Array(64);
  ikm.set(km.linkSecret);
  ikm.set(km.serverShare, 32);
  const info = new TextEncoder().encode(`sealpost/v1/part-key\u0000${km.messageId}\u0000${LABEL}`);
  const base = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, base, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/**
 * Record counter as 11 big-endian bytes, then the final flag. Each loop writes its nonces into one
 * array, as the part streams reuse theirs: WebCrypto copies the nonce when it is called, and in
 * Chromium a fresh ArrayBuffer per call costs some microseconds per record that are no part of
 * AES-GCM, so a bare loop that allocated one per record would be slower than it needs to be.
 */
function nonces(): (counter: number, final: boolean) => Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(12);
  const view = new DataView(iv.buffer);
  return (counter, final) => {
    view.setUint32(3, Math.floor(counter / 2 ** 32));
    view.setUint32(7, counter >>> 0);
    iv[11] = final ? 1 : 0;
    return iv;
  };
}

async function bareEncrypt(input: Uint8Array<ArrayBuffer>, sink: (sealed: ArrayBuffer) => void): Promise<void> {
  const header = new Uint8Array(HEADER_BYTES);
  header.set([0x53, 0x50, 0x45, 0x31, 0x01, 0x10, 0x00, 0x00]);
  crypto.getRandomValues(header.subarray(8));
  const key = await partKey(header.slice(8), 'encrypt');
  sink(header.buffer);
  const records = Math.max(1, Math.ceil(input.length / RECORD_SIZE));
  const nonce = nonces();
  for (let i = 0; i < records; i++) {
    const record = input.subarray(i * RECORD_SIZE, (i + 1) * RECORD_SIZE);
    sink(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce(i, i === records - 1), additionalData: header }, key, record));
  }
}

const time = async (run: () => Promise<number>, expected: number): Promise<number> => {
  const start = performance.now();
  const bytes = await run();
  const ms = performance.now() - start;
  if (bytes !== expected) throw new Error(`produced ${bytes} bytes, expected ${expected}`);
  return ms;
};

const bench: DecryptBench = {
  async setup(decryptMiB, encryptMiB, chunkBytes) {
    chunkSize = chunkBytes;
    plaintext = randomBytes(decryptMiB * MIB);
    encryptInput = plaintext.subarray(0, encryptMiB * MIB);
    ciphertext = new Uint8Array(ciphertextSize(plaintext.length));
    let filled = 0;
    await chunked(plaintext)
      .pipeThrough(encryptPart(km, LABEL))
      .pipeTo(new WritableStream({ write: (chunk) => void (ciphertext.set(chunk, filled), (filled += chunk.length)) }));
    if (filled !== ciphertext.length) throw new Error('encryptPart produced an unexpected size');
    // The bare encryptor must write the same format: its output must open with decryptBytes.
    const sample = plaintext.subarray(0, 3 * RECORD_SIZE + 5);
    const sealed: Uint8Array[] = [];
    await bareEncrypt(sample, (b) => sealed.push(new Uint8Array(b)));
    const joined = new Uint8Array(sealed.reduce((n, s) => n + s.length, 0));
    sealed.reduce((at, s) => (joined.set(s, at), at + s.length), 0);
    const opened = await decryptBytes(km, LABEL, joined);
    if (opened.length !== sample.length || opened.some((b, i) => b !== sample[i])) throw new Error('bare encryption is not the part format');
    return {
      userAgent: navigator.userAgent,
      decryptBytes: plaintext.length,
      encryptBytes: encryptInput.length,
      records: Math.ceil(plaintext.length / RECORD_SIZE),
    };
  },

  decryptStream: () => time(() => drain(chunked(ciphertext).pipeThrough(decryptPart(km, LABEL))), plaintext.length),

  decryptBare: () =>
    time(async () => {
      const header = ciphertext.subarray(0, HEADER_BYTES);
      const key = await partKey(header.slice(8), 'decrypt');
      const records = Math.max(1, Math.ceil((ciphertext.length - HEADER_BYTES) / SEALED_RECORD));
      let total = 0;
      const nonce = nonces();
      for (let i = 0; i < records; i++) {
        const start = HEADER_BYTES + i * SEALED_RECORD;
        const record = ciphertext.subarray(start, start + SEALED_RECORD);
        const iv = nonce(i, i === records - 1);
        total += (await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: header }, key, record)).byteLength;
      }
      return total;
    }, plaintext.length),

  encryptStream: () => time(() => drain(chunked(encryptInput).pipeThrough(encryptPart(km, LABEL))), ciphertextSize(encryptInput.length)),

  encryptBare: () =>
    time(async () => {
      let total = 0;
      await bareEncrypt(encryptInput, (b) => void (total += b.byteLength));
      return total;
    }, ciphertextSize(encryptInput.length)),
};

window.decryptBench = bench;
