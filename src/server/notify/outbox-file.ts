/**
 * JSON-lines files that stand in for the SMS provider and the mail server in development: the
 * embedded default writes codes there, and tests and the development page read them back.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Appends one JSON object as one line. The directory is created on first use; file and directory
 * are private to the service's user because the lines hold live verification codes.
 */
export async function appendOutboxLine(path: string, entry: object): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // One write call per line: with O_APPEND the kernel keeps concurrent lines from interleaving.
  await appendFile(path, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
}

/**
 * Every entry in the file, oldest first. A missing file is an empty outbox, and a line that does
 * not parse (a write cut short by a crash) is skipped rather than failing the whole page.
 */
export async function readOutbox<T>(path: string): Promise<T[]> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: T[] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as T);
    } catch {
      continue;
    }
  }
  return entries;
}
