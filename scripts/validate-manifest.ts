/**
 * `npm run validate [-- <manifest path>] [-- --production]`: the offline structural check first,
 * then Microsoft's validator. That validator is an online service (office-addin-manifest posts the
 * file to it) with no offline mode; when it cannot be reached we say so plainly and let the offline
 * check decide the exit code. When it answers, its verdict counts too.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OfficeAddinManifest, validateManifest, type ManifestValidation } from 'office-addin-manifest';
import { REPO_ROOT, checkRepoManifest } from './manifest-sources';

const UNREACHABLE = 'the official validator needs the internet and could not be reached';
const TIMEOUT_MS = 30_000;

type Official = { kind: 'unreachable'; detail: string } | { kind: 'answered'; result: ManifestValidation };

async function official(path: string, production: boolean): Promise<Official> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Official>((done) => {
    timer = setTimeout(() => done({ kind: 'unreachable', detail: `no answer within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
  });
  const attempt = validateManifest(path, production).then(
    (result): Official => {
      // An answer without a report from a 5xx is the gateway being down, not a verdict on us.
      if (!result.report && (!result.status || result.status >= 500)) return { kind: 'unreachable', detail: `HTTP ${result.status ?? '?'} ${result.statusText ?? ''}`.trim() };
      return { kind: 'answered', result };
    },
    (err: unknown): Official => ({ kind: 'unreachable', detail: String((err as Error)?.message ?? err).split('\n').pop() ?? '' }),
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function printReport(result: ManifestValidation): void {
  const report = result.report;
  for (const [label, issues] of [['error', report?.errors], ['warning', report?.warnings], ['note', report?.notes]] as const) {
    for (const issue of issues ?? []) {
      const at = issue.line ? ` (line ${issue.line}${issue.column ? `, column ${issue.column}` : ''})` : '';
      console.log(`  ${label}: ${issue.title ?? ''}${issue.content ? `: ${issue.content}` : ''}${at}`);
    }
  }
  if (!report) console.log(`  HTTP ${result.status ?? '?'} ${result.statusText ?? ''}`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { production: { type: 'boolean', default: false } }, allowPositionals: true });
  const path = resolve(positionals[0] ?? join(REPO_ROOT, 'manifest.xml'));

  const findings = checkRepoManifest(readFileSync(path, 'utf8'));
  // office-addin-manifest's own reader: a smoke parse that also shows what Office tooling sees.
  const info = await OfficeAddinManifest.readManifestFile(path);
  const offlineOk = findings.length === 0;
  if (offlineOk) console.log(`offline structural check passed: ${info.displayName} ${info.version} (${info.id})`);
  else {
    console.log(`offline structural check failed (${findings.length}):`);
    for (const f of findings) console.log(`  [${f.rule}] ${f.message}`);
  }

  const answer = await official(path, values.production ?? false);
  if (answer.kind === 'unreachable') {
    console.log(`${UNREACHABLE}; the offline structural check ${offlineOk ? 'passed' : 'failed'}. (${answer.detail})`);
    return offlineOk ? 0 : 1;
  }
  const { result } = answer;
  console.log(result.isValid ? 'the official validator accepted the manifest' : 'the official validator rejected the manifest:');
  if (!result.isValid || result.report?.warnings?.length) printReport(result);
  return offlineOk && result.isValid ? 0 : 1;
}

process.exitCode = await main();
