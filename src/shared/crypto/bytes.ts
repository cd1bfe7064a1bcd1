/**
 * Small byte helpers. TypeScript's DOM types only accept views over a plain ArrayBuffer for
 * WebCrypto, so inputs typed as any `Uint8Array` pass through `ownBuffer` first.
 */

/** Returns the view itself when it is backed by a plain ArrayBuffer, else a copy (shared memory). */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer) {
    return new Uint8Array(bytes);
  }
  return bytes as Uint8Array<ArrayBuffer>;
}

export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total ?? chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

export function assertLength(bytes: Uint8Array, length: number, what: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new TypeError(`${what} must be a Uint8Array of ${length} bytes`);
  }
}
