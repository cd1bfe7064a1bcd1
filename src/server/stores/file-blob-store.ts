import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { BlobStore } from './blob-store';
import { SizeGuard, uploadError } from './size-guard';

const SAFE_KEY = /^[A-Za-z0-9_-]{22}\/[0-9]{1,4}$/;
const WRITE_HIGH_WATER_MARK = 1024 * 1024;

/** Blobs as files under one directory: `<dir>/<messageId>/<index>`. Writes go to a temp file first. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  private path(key: string) {
    // Keys are built by the service from validated ids; refuse anything else to rule out traversal.
    if (!SAFE_KEY.test(key)) throw new Error('invalid blob key');
    const [message, index] = key.split('/') as [string, string];
    return { folder: join(this.dir, message), file: join(this.dir, message, index) };
  }

  async put(key: string, body: Readable, expectedSize: number): Promise<void> {
    const { folder, file } = this.path(key);
    await mkdir(folder, { recursive: true });
    const tmp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      // Up to 1 MiB queued for the disk: socket reads go on while a write is in flight, and queued
      // chunks go out in one writev, instead of one 16 KiB-bounded write per network chunk.
      await pipeline(body, new SizeGuard(expectedSize), createWriteStream(tmp, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_HIGH_WATER_MARK }));
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw uploadError(err);
    }
  }

  async get(key: string): Promise<Readable | null> {
    const { file } = this.path(key);
    try {
      await stat(file);
    } catch {
      return null;
    }
    return createReadStream(file, { highWaterMark: 256 * 1024 });
  }

  async deletePrefix(prefix: string): Promise<number> {
    const message = prefix.replace(/\/$/, '');
    if (!/^[A-Za-z0-9_-]{22}$/.test(message)) throw new Error('invalid blob prefix');
    const folder = join(this.dir, message);
    let count = 0;
    try {
      count = (await readdir(folder)).filter((f) => !f.endsWith('.tmp')).length;
    } catch {
      return 0;
    }
    await rm(folder, { recursive: true, force: true });
    return count;
  }
}
