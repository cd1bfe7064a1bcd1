/**
 * Helpers for this folder's tests only (never exported from index.ts). Web APIs only, so the
 * isomorphic lint rules hold here too.
 */
import { EnvelopeError } from './envelope-error';

/** Byte i of the long test plaintexts is i mod 251 (a prime, so records differ from each other). */
export function patternBytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = i % 251;
  return out;
}

/** A stream that hands out `bytes` in chunks whose sizes cycle through `sizes`. */
export function chunkedSource(bytes: Uint8Array, sizes: readonly number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let turn = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = sizes[turn++ % sizes.length]!;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** Reads a stream to the end and returns its chunks. */
export async function readChunks(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

/**
 * Writes `bytes`, cut into `sizes`, into `transform` and returns the output chunks. It writes
 * directly rather than through pipeThrough, which costs several promise turns per chunk.
 */
export async function transformChunks(
  transform: TransformStream<Uint8Array, Uint8Array>,
  bytes: Uint8Array,
  sizes: readonly number[],
): Promise<Uint8Array[]> {
  const writer = transform.writable.getWriter();
  const reading = readChunks(transform.readable);
  const writing = (async () => {
    for (let offset = 0, turn = 0; offset < bytes.length; turn++) {
      const size = sizes[turn % sizes.length]!;
      await writer.write(bytes.slice(offset, offset + size));
      offset += size;
    }
    await writer.close();
  })();
  writing.catch(() => undefined);
  const chunks = await reading;
  await writing;
  return chunks;
}

/** The EnvelopeError code a promise rejects with, or a marker for any other outcome. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof EnvelopeError ? error.code : `other error: ${String(error)}`;
  }
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}
