import { NONCE_BYTES } from './constants';
import { writeRecordNonce } from './record';

/**
 * How many records a part stream seals or opens at once. Node runs WebCrypto on its thread pool
 * (four threads by default), so a few outstanding calls let AES-GCM use every core instead of one.
 * Chromium does the AES work on the calling thread, where this only saves the wait for each
 * result before the next call. Each outstanding record holds its input and output, so this also
 * bounds a stream's memory: it never grows with the part.
 */
export const RECORDS_IN_FLIGHT = 4;

/** What a failed record leaves in its place: the error to report once every earlier record is out. */
class Failed {
  constructor(readonly reason: Promise<never>) {}
}

interface Waiter {
  /** Starts what it can; true once it has nothing more to wait for. */
  fill: () => boolean;
  resolve: () => void;
  reject: (reason: unknown) => void;
}

const ignore = () => undefined;

/**
 * The records of a part stream that are in flight: operations that run concurrently but whose
 * results are enqueued strictly in the order they were started, and the nonce arrays they use.
 * A result is enqueued from the reaction to its own operation, as soon as it and every earlier
 * one are in: no promise is awaited per record, which in browsers is a measurable share of the
 * time per record. The first failure in record order stops everything: nothing after it is
 * enqueued, whatever later records hold, and the stream's pending or next transform or flush
 * rejects with its error. A stream with k records in flight uses one with limit k.
 */
export class OrderedRecords {
  /** Results by record number modulo `limit`; only records started and not yet enqueued are held. */
  private readonly results: (Uint8Array<ArrayBuffer> | Failed | undefined)[];
  /** The nonce array of each slot, reused: see nonce(). */
  private readonly nonces: Uint8Array<ArrayBuffer>[];
  private started = 0;
  private released = 0;
  private failure: Promise<never> | null = null;
  private waiter: Waiter | null = null;
  private controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>> | null = null;

  constructor(private readonly limit: number = RECORDS_IN_FLIGHT) {
    this.results = new Array<undefined>(limit).fill(undefined);
    const nonces = new ArrayBuffer(NONCE_BYTES * limit);
    this.nonces = Array.from({ length: limit }, (_, slot) => new Uint8Array(nonces, slot * NONCE_BYTES, NONCE_BYTES));
  }

  /** Where results go; set from the TransformStream's start(), before any record is added. */
  attach(controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>>): void {
    this.controller = controller;
  }

  /** True while `limit` records are started and not yet enqueued: the next must wait. */
  get full(): boolean {
    return this.started - this.released >= this.limit;
  }

  /**
   * The nonce of the next record to add, record `counter`, written into its slot's array. In
   * Chromium every new ArrayBuffer handed to WebCrypto costs some microseconds of wrapper objects,
   * nearly a tenth of the time it takes to decrypt a 64 KiB record, so these few arrays are reused.
   * WebCrypto copies the nonce when it is called; besides, a slot's array is rewritten only once
   * the record that used it has completed, as no more than `limit` records are in flight.
   */
  nonce(counter: number, final: boolean): Uint8Array<ArrayBuffer> {
    if (this.full) throw new RangeError('too many records in flight');
    return writeRecordNonce(this.nonces[this.started % this.limit]!, counter, final);
  }

  /**
   * Adds the operation of the next record. `diagnose` turns its rejection into the error to
   * report (it may look at the record again: its bytes must stay intact until then); without
   * it the rejection is reported as it is.
   */
  add(work: Promise<ArrayBuffer>, diagnose?: (error: unknown) => Promise<never>): void {
    if (this.full) throw new RangeError('too many records in flight');
    const index = this.started++;
    // Neither reaction throws, so the promise `then` returns never rejects unhandled.
    work.then(
      (buffer) => this.settle(index, new Uint8Array(buffer)),
      (error: unknown) => {
        const reason = diagnose ? diagnose(error) : Promise.reject(error);
        // Marked handled now: it is reported when its turn comes, or dropped after an earlier failure.
        reason.catch(ignore);
        this.settle(index, new Failed(reason));
      },
    );
  }

  /**
   * Calls `fill` now, and again each time a result is enqueued, until it returns true: it starts
   * records while there is room and returns whether it is done. Returns undefined when it is
   * done at once, so that a transform that completes no record costs no promise; otherwise a
   * promise that resolves once it is done and rejects with the first failure.
   */
  run(fill: () => boolean): Promise<void> | undefined {
    if (this.failure) return this.failure;
    if (fill()) return undefined;
    if (this.waiter) throw new Error('only one transform or flush runs at a time');
    return new Promise<void>((resolve, reject) => {
      this.waiter = { fill, resolve, reject };
    });
  }

  /** Resolves once every record started has been enqueued (undefined if that is already so). */
  drain(): Promise<void> | undefined {
    return this.run(() => this.started === this.released);
  }

  private settle(index: number, result: Uint8Array<ArrayBuffer> | Failed): void {
    if (this.failure) return;
    const results = this.results;
    results[index % this.limit] = result;
    if (index !== this.released) return;
    // This record was the oldest: enqueue it and whatever later results are already in, in order.
    let slot = index % this.limit;
    let next = results[slot];
    while (next !== undefined) {
      if (next instanceof Failed) return this.fail(next.reason);
      results[slot] = undefined;
      this.released += 1;
      try {
        this.controller!.enqueue(next);
      } catch (error) {
        // The readable side was cancelled or errored: stop here, quietly.
        return this.fail(Promise.reject(error));
      }
      slot = this.released % this.limit;
      next = results[slot];
    }
    const waiter = this.waiter;
    if (!waiter) return;
    let done: boolean;
    try {
      done = waiter.fill();
    } catch (error) {
      return this.fail(Promise.reject(error));
    }
    if (done) {
      this.waiter = null;
      waiter.resolve();
    }
  }

  private fail(reason: Promise<never>): void {
    reason.catch(ignore);
    this.failure = reason;
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) reason.catch(waiter.reject);
  }
}
