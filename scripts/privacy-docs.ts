/**
 * Writes docs/privacy.md, the record of processing, from the data inventory.
 * `npm run docs:privacy` regenerates it; `-- --check` only reports whether it is up to date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordOfProcessing } from '../src/shared/privacy';

const target = fileURLToPath(new URL('../docs/privacy.md', import.meta.url));
const wanted = recordOfProcessing();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== wanted) {
    console.error('docs/privacy.md is out of date: run npm run docs:privacy');
    process.exit(1);
  }
  console.log('docs/privacy.md is up to date');
} else {
  writeFileSync(target, wanted);
  console.log('wrote docs/privacy.md');
}
