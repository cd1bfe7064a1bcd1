/**
 * Walks the audit log's hash chain, page by page, and reports the first broken link.
 *   npm run audit:verify
 * Prints a JSON report; exit status 0 when the chain is intact, 1 when it is broken.
 * Keep the printed head hash somewhere else as well: a rewrite of the whole chain by someone who
 * can write to the database is caught only by comparing against such an outside copy.
 */
import { loadConfigOrExit } from '../src/server/config';
import { openDb } from '../src/server/stores/db';
import { verifyChain } from '../src/server/services/audit-chain';

async function main() {
  const config = loadConfigOrExit();
  const db = await openDb(config.database);
  try {
    const started = Date.now();
    const report = await verifyChain(db.kysely);
    console.log(JSON.stringify({ ...report, ms: Date.now() - started }, null, 2));
    if (!report.ok) console.error(`The audit chain is broken at seq ${report.firstBreak!.seq}: ${report.firstBreak!.reason}.`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
