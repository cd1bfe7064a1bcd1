/**
 * How many records a part stream seals or opens at once. Node runs WebCrypto on its thread pool
 * (four threads by default), so a few outstanding calls let AES-GCM use every core instead of one.
 * Chromium does the AES work on the calling thread, where this only saves the wait for each
 * result before the next call. Each outstanding record holds its input and output, so this also
 * bounds a stream's memory: it never grows with the part.
 */
export const RECORDS_IN_FLIGHT = 4;

/**
 * Record operations that run concurrently but are released strictly in the order they were
 * started. `next()` hands out the oldest one only; a stream that awaits it before releasing its
 * result therefore never releases record N before records < N, and after the first failure it
 * stops without looking at the later ones.
 */
export class InFlight<T> {
  private readonly queue: Promise<T>[] = [];

  constructor(private readonly limit: number = RECORDS_IN_FLIGHT) {}

  get size(): number {
    return this.queue.length;
  }

  get full(): boolean {
    return this.queue.length >= this.limit;
  }

  add(work: Promise<T>): void {
    if (this.full) throw new RangeError('too many records in flight');
    // Marked handled now: a failure is reported when its entry is awaited, in order. Entries after
    // a failure, or left behind by a cancelled stream, are dropped and must not count as unhandled.
    work.catch(() => undefined);
    this.queue.push(work);
  }

  /** The oldest operation's result; rejects with its error. */
  next(): Promise<T> {
    const head = this.queue.shift();
    if (!head) throw new RangeError('no record in flight');
    return head;
  }
}
