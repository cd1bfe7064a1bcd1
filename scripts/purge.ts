/**
 * Runs the retention purge once, at an explicit clock, and prints its report as JSON.
 *   npm run purge                                  # now
 *   npm run purge -- --now 2025-06-01T00:00:00Z    # as if it were that time
 * Exit status: 0 when nothing failed, 1 when an item failed (see the log on stderr), 2 for bad
 * arguments or configuration, 75 when another process is purging (PostgreSQL) and nothing ran.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../src/server/config';
import { openDb } from '../src/server/stores/db';
import { FileBlobStore } from '../src/server/stores/file-blob-store';
import { PgBlobStore } from '../src/server/stores/pg-blob-store';
import { purgeExpired } from '../src/server/jobs/retention-purge';
import { withPurgeLock } from '../src/server/jobs/scheduler';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  let args;
  try {
    args = parseArgs({ options: { now: { type: 'string' }, 'audit-retention-days': { type: 'string' } }, strict: true }).values;
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\nUsage: npm run purge -- [--now <ISO time>] [--audit-retention-days <days>]`);
  }
  const now = args.now === undefined ? Date.now() : Date.parse(args.now);
  if (!Number.isFinite(now) || (args.now !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(args.now))) {
    fail(`--now must be an ISO time such as 2025-06-01T00:00:00Z (got "${args.now}")`);
  }
  const auditRetentionDays = args['audit-retention-days'] === undefined ? undefined : Number(args['audit-retention-days']);
  if (auditRetentionDays !== undefined && !(Number.isSafeInteger(auditRetentionDays) && auditRetentionDays >= 1)) {
    fail('--audit-retention-days must be a whole number of days, at least 1');
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const log = pino({ level: config.logLevel }, pino.destination(2));
  const db = await openDb(config.database);
  try {
    const blobs = config.blobs.kind === 'files' ? new FileBlobStore(config.blobs.dir) : new PgBlobStore(db.kysely);
    const outcome = await withPurgeLock(db, () => purgeExpired({ db, blobs, log }, { now, auditRetentionDays }));
    if (!outcome.ran) {
      console.error('Another process is running the retention purge; nothing was done.');
      process.exitCode = 75;
      return;
    }
    console.log(JSON.stringify({ now: new Date(now).toISOString(), ...outcome.value }, null, 2));
    process.exitCode = outcome.value.failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
