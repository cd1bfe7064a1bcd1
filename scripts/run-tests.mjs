#!/usr/bin/env node
// The one test command: lint, type-check, build the web bundles, then every test file with
// Node's own test runner (unit tests beside the code, integration and end-to-end under test/).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const filters = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');

function run(cmd, cmdArgs) {
  console.log(`\n> ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function find(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

let files = [...find('src'), ...(only === 'unit' ? [] : find('test'))].sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));

if (!filters.length) {
  run('npx', ['eslint', '.']);
  run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
}
if (only !== 'unit' && existsSync('webpack.config.js')) run('npx', ['webpack', '--mode', 'production']);
if (!files.length) {
  console.error('no test files found');
  process.exit(1);
}
run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files]);
