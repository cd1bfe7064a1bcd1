/** Where decrypted bytes go. `abort` must leave nothing behind: no file, no partial blob. */
export interface PartSink {
  write(chunk: Uint8Array): void | Promise<void>;
  close(): Promise<void>;
  abort(reason: unknown): Promise<void>;
}

/**
 * Streams one encrypted part through its decryption into a sink, reporting ciphertext bytes
 * received. Memory stays flat unless the sink itself collects. The sink is closed only after the
 * decryption stream has finished, which is after the final record authenticated; any error
 * (a failed tag, truncation, the network) aborts the sink instead.
 */
export async function pumpDecrypted(
  source: ReadableStream<Uint8Array>,
  decrypt: TransformStream<Uint8Array, Uint8Array>,
  sink: PartSink,
  onProgress?: (received: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let received = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength;
      onProgress?.(received);
      controller.enqueue(chunk);
    },
  });
  const reader = source.pipeThrough(counter, { signal }).pipeThrough(decrypt, { signal }).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await sink.write(value);
    }
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    await sink.abort(error);
    throw error;
  }
  await sink.close();
}

/** A sink that keeps the chunks in memory, for parts known to be small. */
export function memorySink(): PartSink & { bytes(): Uint8Array } {
  let chunks: Uint8Array[] = [];
  let closed = false;
  return {
    write(chunk) {
      chunks.push(chunk);
    },
    async close() {
      closed = true;
    },
    async abort() {
      chunks = [];
    },
    bytes() {
      if (!closed) throw new Error('memorySink read before close');
      const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return out;
    },
  };
}
