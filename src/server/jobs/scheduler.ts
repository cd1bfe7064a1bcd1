/**
 * Runs the retention purge inside the service: every `intervalMs` plus a random jitter (so that
 * processes started together spread out), never overlapping itself, and stopping on close. On
 * PostgreSQL several processes share the database; a session advisory lock lets only one of them
 * purge at a time, the others skip that turn.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../stores/db';
import { purgeExpired, type PurgeDeps, type PurgeReport } from './retention-purge';

export interface SchedulerOptions {
  intervalMs?: number;
  /** Up to this much is added at random to every wait. */
  jitterMs?: number;
  /** Wait before the first run (plus jitter): start-up work goes first. */
  firstDelayMs?: number;
  auditRetentionDays?: number;
  /** The job itself; the retention purge unless replaced (tests of timing and overlap). */
  purge?: (now: number, signal: AbortSignal) => Promise<PurgeReport>;
}

export interface RetentionScheduler {
  /** Runs now unless a run is in progress, in which case it returns that run's outcome. */
  runNow(): Promise<PurgeReport | null>;
  /** No further runs; stops the current one between two items and waits for it. */
  stop(): Promise<void>;
}

export function startRetentionScheduler(deps: PurgeDeps & { now: () => number }, options: SchedulerOptions = {}): RetentionScheduler {
  const intervalMs = options.intervalMs ?? 10 * 60 * 1000;
  const jitterMs = options.jitterMs ?? 60 * 1000;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PurgeReport | null> | null = null;

  const jitter = () => Math.floor(Math.random() * jitterMs);
  const purge = options.purge ?? ((now, signal) => purgeExpired(deps, { now, signal, auditRetentionDays: options.auditRetentionDays }));

  const runOnce = (): Promise<PurgeReport | null> => {
    if (running) return running;
    running = (async () => {
      try {
        const outcome = await withPurgeLock(deps.db, () => purge(deps.now(), abort.signal));
        if (!outcome.ran) return null;
        const { scanned, deleted, failed, details } = outcome.value;
        if (scanned || details.auditEventsPruned) deps.log.info({ scanned, deleted, failed, details }, 'retention purge ran');
        return outcome.value;
      } catch (err) {
        deps.log.error({ err: { name: err instanceof Error ? err.name : 'unknown' } }, 'retention purge could not run');
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const schedule = (delay: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      // The next wait starts when this run ends, so a slow run never overlaps the next.
      void runOnce().finally(() => schedule(intervalMs + jitter()));
    }, delay);
    // A pending purge never keeps the process alive on its own.
    timer.unref();
  };

  schedule((options.firstDelayMs ?? 60 * 1000) + jitter());

  return {
    runNow: runOnce,
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

/**
 * Runs `fn` only if no other process holds the purge lock. On PostgreSQL: a session advisory
 * lock (`pg_try_advisory_lock`) on one pooled connection, keyed by the schema so that separate
 * deployments in one database do not block each other. SQLite is one process's file: no lock is
 * needed, and the purge's steps are safe to repeat if a command-line run overlaps anyway.
 */
export async function withPurgeLock<T>(db: Db, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  if (db.engine !== 'postgres') return { ran: true, value: await fn() };
  return db.kysely.connection().execute(async (conn) => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(conn);
    const key = createHash('sha256').update(`sealpost:retention-purge:${rows[0]?.schema ?? ''}`).digest().readBigInt64BE(0).toString();
    const locked = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}::bigint) as locked`.execute(conn);
    if (!locked.rows[0]?.locked) return { ran: false as const };
    try {
      return { ran: true as const, value: await fn() };
    } finally {
      await sql`select pg_advisory_unlock(${key}::bigint)`.execute(conn);
    }
  });
}
