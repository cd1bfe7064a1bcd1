import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { BlobStore } from './blob-store';
import type { Database } from './schema';
import { SizeGuard, uploadError } from './size-guard';

const CHUNK = 1024 * 1024;

/**
 * Blobs in PostgreSQL as 1 MiB rows, so that several service processes share them without a file
 * system. A put writes under a temporary key and swaps it in one transaction when complete.
 */
export class PgBlobStore implements BlobStore {
  constructor(private readonly db: Kysely<Database>) {}

  async put(key: string, body: Readable, expectedSize: number): Promise<void> {
    const tmpKey = `tmp:${randomBytes(12).toString('hex')}:${key}`;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.db.insertInto('blob_chunks').values({ blob_key: tmpKey, seq: seq++, data }).execute();
    };
    const sink = new Writable({
      highWaterMark: CHUNK,
      write: (chunk: Buffer, _enc, done) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < CHUNK) return done();
        flush().then(() => done(), done);
      },
      final: (done) => {
        flush().then(() => done(), done);
      },
    });
    try {
      await pipeline(body, new SizeGuard(expectedSize), sink);
      await this.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('blob_chunks').where('blob_key', '=', key).execute();
        await trx.updateTable('blob_chunks').set({ blob_key: key }).where('blob_key', '=', tmpKey).execute();
      });
    } catch (err) {
      await this.db.deleteFrom('blob_chunks').where('blob_key', '=', tmpKey).execute();
      throw uploadError(err);
    }
  }

  async get(key: string): Promise<Readable | null> {
    const first = await this.db
      .selectFrom('blob_chunks')
      .select('seq')
      .where('blob_key', '=', key)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (!first) return null;
    const db = this.db;
    // One chunk in flight at a time: memory stays at about a chunk whatever the blob size.
    async function* chunks() {
      for (let seq = 0; ; seq++) {
        const row = await db
          .selectFrom('blob_chunks')
          .select('data')
          .where('blob_key', '=', key)
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (!row) return;
        yield row.data;
      }
    }
    return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
  }

  async deletePrefix(prefix: string): Promise<number> {
    const rows = await this.db
      .deleteFrom('blob_chunks')
      .where('blob_key', 'like', `${prefix.replace(/[%_\\]/g, '\\$&')}%`)
      .returning('blob_key')
      .execute();
    return new Set(rows.map((r) => r.blob_key)).size;
  }
}
