/**
 * Files the service ships with (icons, the manifest source), found from the project root, so the
 * same code works from `src/` under tsx and from the compiled `dist/server/` bundle.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();
export const ASSETS_DIR = join(PROJECT_ROOT, 'assets');
export const MANIFEST_FILE = join(PROJECT_ROOT, 'manifest.xml');
