/** Servers as child processes on loopback, and their memory read from /proc. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { tempDir, trackChild, untrackChild } from './cleanup';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A field of /proc/<pid>/status in KiB (VmRSS, VmHWM), or null once the process is gone. */
export function procKiB(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Resets the peak (VmHWM) to the current RSS, so the next reading is the peak of one phase. */
export function resetPeak(pid: number | 'self'): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Pids of the direct children of `pid` (all its threads). */
function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (text) out.push(...text.split(/\s+/).map(Number));
  }
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  pid: number;
  /** Child processes of the server that belong to the TypeScript loader (esbuild's service). */
  helpers: { pid: number; cmdline: string }[];
  baseUrl: string;
  /** The last output lines, for error reports. */
  output: () => string;
  stop: () => Promise<void>;
}

const SERVICE_SETTING = /^(SEALPOST_|DATABASE_|REDIS_URL$|SMTP_|TWILIO_|MESSAGEBIRD_|PORT$|HOST$|LOG_LEVEL$|NODE_ENV$)/;

/** Starts `node [args]` from the repository root and waits until `readyPath` answers 200. */
export async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  port?: number,
): Promise<ChildServer> {
  port ??= await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The service's settings come only from `env`: none leak in from the shell running the benchmark.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVICE_SETTING.test(name)));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${baseUrl}${readyPath}`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid!;
  // The pid we read memory from must be the server itself, not a launcher in front of it.
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  const script = args.find((a) => a.endsWith('.ts') || a.endsWith('.js') || a.endsWith('.mjs'));
  if (script && !cmdline.includes(script)) throw new Error(`pid ${pid} runs "${cmdline}", not ${script}`);
  // tsx transpiles through esbuild's service process, a child of the server; it is the loader's,
  // not the service's, so it is reported apart. Any other child would make our reading partial.
  const helpers = childPids(pid).map((p) => ({ pid: p, cmdline: readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim() }));
  const unknown = helpers.filter((h) => !/\/esbuild --service=/.test(h.cmdline));
  if (unknown.length) {
    throw new Error(`${name} (pid ${pid}) has child processes (${unknown.map((h) => h.cmdline).join('; ')}): its RSS would not be the whole server`);
  }
  return {
    pid,
    helpers,
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      untrackChild(child);
    },
  };
}

export interface Sealpost extends ChildServer {
  dataDir: string;
  /** How the service runs: `compiled` (the bundle production runs) or `tsx` (the sources). */
  mode: ServiceMode;
}

/**
 * `compiled`: `npm run build:server` from the current sources, then the bundle with the options of
 * package.json's `serve` script, as production (`npm run serve`) runs it. `tsx`:
 * `node --import tsx src/server/main.ts`, as `npm run dev` does; the loader then compiles every
 * module at start-up and keeps esbuild's service as a child.
 */
export type ServiceMode = 'compiled' | 'tsx';

const SERVICE_BUNDLE = 'dist/server/main.js';

/**
 * The Node.js options production starts the bundle with: those between `node` and the bundle in
 * package.json's `serve` script (V8 heap sizes), so that the benchmark runs what `npm run serve` runs.
 */
export function serveNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts.serve ?? '').trim().split(/\s+/);
  const bundle = words.indexOf(SERVICE_BUNDLE);
  if (words[0] !== 'node' || bundle < 1) throw new Error(`package.json's serve script is not "node [options] ${SERVICE_BUNDLE}": ${scripts.serve}`);
  return words.slice(1, bundle);
}

/** The service's command line in `mode`, for the benchmarks' headers. */
export function serviceCommand(mode: ServiceMode): string {
  return mode === 'compiled' ? ['node', ...serveNodeFlags(), SERVICE_BUNDLE].join(' ') : 'node --import tsx src/server/main.ts';
}

let build: Promise<void> | null = null;

/** Builds the service bundle once per benchmark run, so that it is never older than the sources. */
export function buildService(): Promise<void> {
  build ??= new Promise<void>((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    trackChild(child);
    child.once('error', reject);
    child.once('exit', (code) => {
      untrackChild(child);
      if (code === 0) resolve();
      else reject(new Error(`npm run build:server exited with ${code}`));
    });
  });
  return build;
}

/** The real service as a child process on loopback, with its own data dir; from the sources unless `mode` says otherwise. */
export async function startSealpost(env: Record<string, string> = {}, nodeArgs: string[] = [], mode: ServiceMode = 'tsx'): Promise<Sealpost> {
  if (mode === 'compiled') await buildService();
  const dataDir = tempDir('data');
  const port = await freePort();
  const server = await startChild(
    'the Sealpost service',
    [...nodeArgs, ...(mode === 'compiled' ? [...serveNodeFlags(), SERVICE_BUNDLE] : ['--import', 'tsx', 'src/server/main.ts'])],
    {
      NODE_ENV: 'development',
      SEALPOST_DATA_DIR: dataDir,
      SEALPOST_DEV_SIGN_IN: 'true',
      LOG_LEVEL: 'warn',
      SEALPOST_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    '/readyz',
    port,
  );
  return { ...server, dataDir, mode };
}
