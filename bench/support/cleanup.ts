/**
 * Everything a benchmark creates is removed however it ends: temp directories and child processes
 * are registered here and cleaned up on success, failure, time-out, Ctrl-C and exit.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tempDirs = new Set<string>();
const children = new Set<ChildProcess>();

/** Registers a child process to be killed (by its pid) if the benchmark ends before it does. */
export function trackChild(child: ChildProcess): void {
  children.add(child);
}

export function untrackChild(child: ChildProcess): void {
  children.delete(child);
}

/** A private temp directory, removed when the benchmark ends however it ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sealpost-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/** Synchronous last resort: kills our own children (by pid) and removes our temp directories. */
function cleanUpNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    cleanUpNow();
    process.exit(130);
  });
}

/**
 * Runs `main` with a hard time limit: past it, the benchmark reports and exits, and the exit
 * handler kills its children and removes its files.
 */
export function runBench(name: string, limitMs: number, main: () => Promise<void>): void {
  const watchdog = setTimeout(() => {
    console.error(`${name}: gave up after ${Math.round(limitMs / 1000)} s (time limit)`);
    process.exit(3);
  }, limitMs);
  watchdog.unref();
  main().then(
    () => {
      clearTimeout(watchdog);
      cleanUpNow();
      // Keep-alive sockets, playwright and undici handles may linger; the results are printed.
      process.exit(0);
    },
    (err: unknown) => {
      console.error(`${name} failed:`, err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
