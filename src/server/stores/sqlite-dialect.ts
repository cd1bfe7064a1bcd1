/**
 * Kysely's SQLite dialect over better-sqlite3, with two changes for hot paths such as the
 * recipient's session lookup:
 *
 * - Statements are prepared once per SQL text and reused. Kysely's driver prepares every statement
 *   again on every query, which was a fifth of the CPU of that route. Kysely passes parameters
 *   apart from the text, so one query has one text whatever its values.
 * - The single connection is handed to the waiting queries one at a time, in order. Kysely's
 *   driver wakes every waiter on each release (all but one go back to waiting), so the cost of a
 *   query grew with the number of queries queued behind it.
 *
 * Everything else (compiler, adapter, transactions, savepoints, streaming) is Kysely's own.
 */
import type SQLite from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';

/** Prepared statements kept; more distinct SQL texts than this evict the least recently used. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * `database` with a cache of prepared statements per SQL text. A cached statement that is still
 * being iterated (a streaming select) is never handed out twice: a fresh one is prepared for the
 * second caller. SQLite re-prepares a cached statement by itself after a schema change.
 */
export function withStatementCache(database: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close() {
      cache.clear();
      database.close();
    },
    prepare(text) {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        // Most recently used last, so that the first key is the one to evict.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = database.prepare(text);
      if (!cached) {
        cache.set(text, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/** A lock handed to its waiters in arrival order; each release wakes exactly one. */
export class QueueLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves once the caller holds the lock. */
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The lock passes straight to the next waiter; it is free only when nobody waits.
    if (next) next();
    else this.held = false;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

class QueuedSqliteDriver extends SqliteDriver {
  private connection: DatabaseConnection | undefined;
  private readonly lock = new QueueLock();

  override async init(): Promise<void> {
    await super.init();
    // Kysely's driver keeps its one connection to itself: take it once, then hand it out here.
    const connection = await super.acquireConnection();
    await super.releaseConnection();
    this.connection = connection;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return this.connection!;
  }

  override async releaseConnection(): Promise<void> {
    this.lock.release();
  }
}

class CachedSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }

  override createDriver(): Driver {
    return new QueuedSqliteDriver({ database: this.database });
  }
}

/** The dialect for an open better-sqlite3 database; Kysely's destroy() closes it. */
export function sqliteDialect(database: SQLite.Database): SqliteDialect {
  return new CachedSqliteDialect(withStatementCache(database));
}
