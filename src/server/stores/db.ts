/**
 * One Kysely instance over SQLite (embedded default) or PostgreSQL (scale), with one set of
 * migrations for both.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import type { DatabaseConfig } from '../config';
import type { Database } from './schema';
import { migrations } from './migrations';
import { sqliteDialect } from './sqlite-dialect';

export type Engine = 'sqlite' | 'postgres';
export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

// Sizes and times are BIGINT in PostgreSQL; they stay far below 2^53, so numbers are safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDb(config: DatabaseConfig): Promise<Db> {
  let kysely: Kysely<Database>;
  if (config.engine === 'sqlite') {
    mkdirSync(dirname(config.file), { recursive: true });
    const database = new SQLite(config.file);
    // WAL lets readers proceed during a write; foreign keys are off by default in SQLite.
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // Prepared statements are reused and the one connection is queued fairly (sqlite-dialect.ts).
    kysely = new Kysely<Database>({ dialect: sqliteDialect(database) });
  } else {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    if (config.schema) await sql`create schema if not exists ${sql.id(config.schema)}`.execute(kysely);
  }
  const db: Db = { kysely, engine: config.engine, close: () => kysely.destroy() };
  await migrate(db, config.engine === 'postgres' ? (config.schema ?? (await currentSchema(kysely))) : undefined);
  return db;
}

async function currentSchema(kysely: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(kysely);
  return rows[0]?.schema ?? 'public';
}

/**
 * Brings the schema up to date. On PostgreSQL the migration bookkeeping is pinned to our schema:
 * otherwise Kysely may find another schema's bookkeeping tables and skip creating its own.
 */
export async function migrate(db: Db, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db: db.kysely,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async () => migrations(db.engine) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
