/**
 * Ciphertext blobs. The service never sees plaintext, but it still streams: a part can be several
 * GiB and memory must not grow with it.
 */
import type { Readable } from 'node:stream';

export interface BlobStore {
  /**
   * Stores exactly `expectedSize` bytes from `body` under `key`, replacing any earlier blob only
   * once the new one is complete. Throws AppError `upload_incomplete` when the body ends short or
   * breaks off, `upload_size_mismatch` when it runs long; nothing half-written stays visible.
   */
  put(key: string, body: Readable, expectedSize: number): Promise<void>;
  /** A stream of the blob, or null when there is none. */
  get(key: string): Promise<Readable | null>;
  /** Deletes every blob whose key starts with `prefix`; returns how many went. */
  deletePrefix(prefix: string): Promise<number>;
}

export const blobKey = (messageId: string, index: number) => `${messageId}/${index}`;
