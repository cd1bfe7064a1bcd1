/**
 * Writes dist/manifest.xml for a public base URL:
 *   npm run build:manifest -- --base https://sealpost.example.org
 * The base defaults to SEALPOST_PUBLIC_URL, then to the development base https://localhost:3000.
 * The rewrite itself is `buildManifest` in src/addin/manifest-urls.ts, which the service also
 * uses to serve /manifest.xml for its own public URL; this script adds the file I/O and refuses
 * to write a manifest that fails the offline structural check.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../src/shared/errors';
import { MANIFEST_PLACEHOLDER_BASE, buildManifest } from '../src/addin/manifest-urls';
import { REPO_ROOT, checkRepoManifest } from './manifest-sources';

export { buildManifest } from '../src/addin/manifest-urls';

export interface BuildOptions {
  base: string;
  out: string;
}

/** Reads `--base` and `--out` (either `--base x` or `--base=x`), falling back to the environment. */
export function buildOptions(argv: string[], env: NodeJS.ProcessEnv): BuildOptions {
  const { values } = parseArgs({ args: argv, options: { base: { type: 'string' }, out: { type: 'string' } }, strict: true });
  return {
    base: values.base ?? (env.SEALPOST_PUBLIC_URL?.trim() || MANIFEST_PLACEHOLDER_BASE),
    out: resolve(values.out ?? join(REPO_ROOT, 'dist', 'manifest.xml')),
  };
}

/** Builds, checks and writes the manifest; returns what it wrote or the problems that stopped it. */
export function writeManifest(options: BuildOptions): { ok: true; bytes: number } | { ok: false; problems: string[] } {
  const source = readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8');
  let xml: string;
  try {
    xml = buildManifest(source, options.base);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, problems: [err.message] };
    throw err;
  }
  // The handler names are the test suite's business; building needs only the manifest and icons.
  const findings = checkRepoManifest(xml, { handlers: false });
  if (findings.length) return { ok: false, problems: findings.map((f) => `[${f.rule}] ${f.message}`) };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, xml);
  return { ok: true, bytes: Buffer.byteLength(xml) };
}

function main(): void {
  let options: BuildOptions;
  try {
    options = buildOptions(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: npm run build:manifest -- --base https://sealpost.example.org [--out dist/manifest.xml]`);
    process.exit(2);
  }
  const result = writeManifest(options);
  if (!result.ok) {
    console.error(`The manifest was not written:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`wrote ${relative(process.cwd(), options.out) || options.out} for ${new URL(options.base).origin} (${result.bytes} bytes)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
