import { ownBuffer } from './bytes';

const EMPTY = new Uint8Array(0);

/**
 * Collects incoming chunks and hands out fixed-size pieces. It keeps references to the caller's
 * chunks instead of copying them (a stream hands its chunks over), and copies only when a piece
 * spans two chunks. Those copies rotate through `slots` reused scratch buffers: a stream with k
 * records in flight passes k, so a record's bytes stay intact until its operation has finished
 * (a failed record is retried with the other final flag for diagnosis) without a fresh
 * allocation per record.
 */
export class RecordBuffer {
  private chunks: Uint8Array<ArrayBuffer>[] = [];
  private head = 0;
  private length = 0;
  private readonly scratch: Uint8Array<ArrayBuffer>[] = [];
  private slot = 0;

  constructor(private readonly slots: number = 1) {}

  /** Bytes currently held. */
  get size(): number {
    return this.length;
  }

  push(chunk: Uint8Array): void {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('stream chunks must be Uint8Array');
    if (chunk.length === 0) return;
    this.chunks.push(ownBuffer(chunk));
    this.length += chunk.length;
  }

  /**
   * Removes and returns the next `n` bytes (n <= size). The result may point into a scratch
   * buffer, so it stays valid only during the next `slots - 1` calls.
   */
  take(n: number): Uint8Array<ArrayBuffer> {
    if (n > this.length) throw new RangeError('not enough buffered bytes');
    this.length -= n;
    const first = this.chunks[this.head];
    if (first && first.length >= n) return this.consumeFrom(first, n);
    const out = this.scratchPiece(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[this.head]!;
      const part = this.consumeFrom(chunk, Math.min(chunk.length, n - filled));
      out.set(part, filled);
      filled += part.length;
    }
    return out;
  }

  /** A copy of the first `n` buffered bytes (or fewer), without consuming them. */
  peek(n: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(Math.min(n, this.length));
    let filled = 0;
    for (let i = this.head; filled < out.length; i++) {
      const chunk = this.chunks[i]!;
      const part = chunk.subarray(0, Math.min(chunk.length, out.length - filled));
      out.set(part, filled);
      filled += part.length;
    }
    return out;
  }

  private scratchPiece(n: number): Uint8Array<ArrayBuffer> {
    const slot = this.slot;
    this.slot = (slot + 1) % this.slots;
    let buffer = this.scratch[slot];
    if (!buffer || buffer.length < n) buffer = this.scratch[slot] = new Uint8Array(n);
    return buffer.subarray(0, n);
  }

  private consumeFrom(chunk: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
    const part = chunk.subarray(0, n);
    if (n < chunk.length) {
      this.chunks[this.head] = chunk.subarray(n);
      return part;
    }
    this.chunks[this.head++] = EMPTY;
    // Compact only once the consumed slots are the majority, so each chunk is moved O(1) times.
    if (this.head === this.chunks.length) {
      this.chunks = [];
      this.head = 0;
    } else if (this.head > 32 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
    return part;
  }
}
