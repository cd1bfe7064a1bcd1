/**
 * The recipient API under load: `GET /api/r/:id/session` with a live session token at 50
 * concurrent keep-alive connections, against a bare Fastify route (bench/servers/bare-fastify.ts)
 * in the same run. Both servers are child processes on loopback; the load comes from this process.
 *
 *   node --import tsx bench/recipient-load.ts [--postgres [--database-url URL]] [--connections 50] [--warmup 2]
 *     [--duration 10] [--rounds 1] [--profile] [--tsx]
 *
 * The service runs as production runs it: built with `npm run build:server` from the current
 * sources, then `node dist/server/main.js`. --tsx runs the sources through tsx instead.
 * --profile records a V8 CPU profile of the service and prints where its time went during the
 *   measured load.
 * --postgres runs the service on PostgreSQL at --database-url (default
 *   postgres://postgres@127.0.0.1:5432/test) in a schema of its own, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { sendSecure } from '../src/shared/protocol/sender-client';
import {
  commandLine,
  fixed,
  loadLine,
  median,
  monotonicMicros,
  printCpuProfile,
  printTable,
  procKiB,
  ratio,
  RECIPIENT,
  runBench,
  signIn,
  startChild,
  startSealpost,
  tempDir,
  verifyRecipient,
  type ChildServer,
  serviceCommand,
  type ServiceMode,
} from './support';

const AIM_RATIO = 0.5;
const args = commandLine({
  connections: 'string',
  warmup: 'string',
  duration: 'string',
  rounds: 'string',
  postgres: 'boolean',
  'database-url': 'string',
  profile: 'boolean',
  tsx: 'boolean',
});
const connections = args.number('connections', 50, 1, 1000);
const warmupMs = args.number('warmup', 2, 0, 60) * 1000;
const durationMs = args.number('duration', 10, 1, 120) * 1000;
const rounds = args.number('rounds', 1, 1, 10);
const postgres = args.flag('postgres');
const profile = args.flag('profile');
const mode: ServiceMode = args.flag('tsx') ? 'tsx' : 'compiled';
const databaseUrl = args.text('database-url', 'postgres://postgres@127.0.0.1:5432/test');
/** At most this many measured latencies per run (more would mean a broken clock, not a fast server). */
const MAX_SAMPLES = 5_000_000;
const CLOCK_TICKS = 100;

interface Target {
  name: string;
  server: ChildServer;
  path: string;
  headers: Record<string, string>;
}

interface RunResult {
  target: string;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Server CPU time during the measured window, as a share of one core. */
  cpu: number;
  /** The measured window on the monotonic clock, in microseconds. */
  window: [number, number];
}

/** User plus system CPU seconds of a process so far (fields 14 and 15 of /proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces; field 3 first.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One GET on a keep-alive socket; resolves with the status once the whole body has arrived. */
function get(agent: Agent, port: number, target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, path: target.path, headers: target.headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

/** `connections` closed loops for warm-up + duration; latencies of responses within the window. */
async function load(target: Target): Promise<RunResult> {
  const port = Number(new URL(target.server.baseUrl).port);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies = new Float64Array(MAX_SAMPLES);
  let count = 0;
  let errors = 0;
  let measuring = false;
  let stopped = false;
  let windowStart = 0;
  let windowEnd = 0;
  let cpuStart = 0;

  const loop = async () => {
    while (!stopped) {
      const start = performance.now();
      let status = 0;
      try {
        status = await get(agent, port, target);
      } catch {
        status = -1;
      }
      const end = performance.now();
      if (measuring && start >= windowStart && !stopped) {
        if (status !== 200) errors++;
        else if (count < MAX_SAMPLES) latencies[count++] = end - start;
        else stopped = true;
      }
    }
  };
  const loops = Array.from({ length: connections }, loop);
  await new Promise((r) => setTimeout(r, warmupMs));
  windowStart = performance.now();
  const monotonicStart = monotonicMicros();
  cpuStart = cpuSeconds(target.server.pid);
  measuring = true;
  await new Promise((r) => setTimeout(r, durationMs));
  stopped = true;
  windowEnd = performance.now();
  const monotonicEnd = monotonicMicros();
  const cpu = cpuSeconds(target.server.pid) - cpuStart;
  await Promise.all(loops);
  agent.destroy();

  const seconds = (windowEnd - windowStart) / 1000;
  const sorted = latencies.slice(0, count).sort();
  return {
    target: target.name,
    requests: count,
    seconds,
    perSecond: count / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    errors,
    cpu: cpu / seconds,
    window: [monotonicStart, monotonicEnd],
  };
}

/** A single request first, so that a wrong token or route fails loudly instead of being timed. */
async function check(target: Target): Promise<void> {
  const res = await fetch(`${target.server.baseUrl}${target.path}`, { headers: target.headers });
  const body = (await res.json()) as { parts?: unknown[] };
  if (res.status !== 200 || !Array.isArray(body.parts)) throw new Error(`${target.name}: HTTP ${res.status} ${JSON.stringify(body)}`);
}

/** Server CPU microseconds per answered request: less sensitive to other load than requests/s. */
const cpuPerRequest = (r: RunResult) => (r.cpu * r.seconds * 1e6) / Math.max(1, r.requests);


async function main(): Promise<void> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const engine = postgres ? `PostgreSQL (schema ${schema})` : 'SQLite (embedded default)';
  console.log(`recipient-load: ${connections} connections, ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s, ${rounds} round(s), service on ${engine}, ${serviceCommand(mode)}`);
  console.log(loadLine());

  if (postgres) {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
    await client.connect().catch((err: unknown) => {
      throw new Error(`PostgreSQL is not reachable at ${databaseUrl}: ${String(err)}`);
    });
    await client.end();
  }
  const bare = await startChild('the bare Fastify app', ['--import', 'tsx', 'bench/servers/bare-fastify.ts'], {}, '/readyz');
  const profileDir = profile ? tempDir('profile') : null;
  let profileWindows: [number, number][] = [];
  const sealpost = await startSealpost(
    {
      SEALPOST_RATE_LIMIT_PER_MINUTE: '1000000',
      SEALPOST_VERIFY_RATE_LIMIT_PER_MINUTE: '1000000',
      ...(postgres ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {}),
    },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    mode,
  );
  try {
    const token = await signIn(sealpost.baseUrl);
    const attachment = new Uint8Array(65536);
    const sent = await sendSecure(
      { baseUrl: sealpost.baseUrl, token },
      {
        subject: 'Load benchmark',
        html: '<p>One attachment.</p>',
        attachments: [{ name: 'a.bin', type: 'application/octet-stream', size: attachment.length, open: () => new Blob([attachment]).stream() }],
      },
      [RECIPIENT],
    );
    const session = await verifyRecipient(sealpost, sent.id);
    const targets: Target[] = [
      { name: 'bare Fastify route', server: bare, path: `/api/r/${sent.id}/session`, headers: {} },
      {
        name: `Sealpost GET /api/r/:id/session`,
        server: sealpost,
        path: `/api/r/${sent.id}/session`,
        headers: { authorization: `Bearer ${session.sessionToken}` },
      },
    ];
    for (const target of targets) await check(target);

    const results: RunResult[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) results.push(await load(target));
    }
    profileWindows = results.filter((r) => r.target === targets[1]!.name).map((r) => r.window);

    console.log();
    printTable(
      ['server', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'server CPU', 'CPU µs/req'],
      results.map((r) => [
        r.target,
        r.requests,
        fixed(r.perSecond, 0),
        fixed(r.p50, 2),
        fixed(r.p99, 2),
        fixed(r.max, 1),
        r.errors,
        `${fixed(r.cpu * 100, 0)} %`,
        fixed(cpuPerRequest(r), 0),
      ]),
    );
    const of = (name: string, pick: (r: RunResult) => number) => median(results.filter((r) => r.target === name).map(pick));
    const [base, ours] = targets.map((t) => t.name) as [string, string];
    const rpsRatio = of(ours, (r) => r.perSecond) / of(base, (r) => r.perSecond);
    console.log();
    console.log(`Sealpost / bare${rounds > 1 ? ' (medians over the rounds)' : ''}: requests/s ${ratio(rpsRatio)}, p50 ${ratio(of(ours, (r) => r.p50) / of(base, (r) => r.p50))}, p99 ${ratio(of(ours, (r) => r.p99) / of(base, (r) => r.p99))}`);
    console.log(`server CPU per request, Sealpost / bare: ${ratio(of(ours, cpuPerRequest) / of(base, cpuPerRequest))}`);
    console.log(`aim: requests/s >= ${AIM_RATIO}x the bare route: ${rpsRatio >= AIM_RATIO ? 'met' : 'NOT met'}`);
    const rss = (s: ChildServer) => `${fixed(((procKiB(s.pid, 'VmHWM') ?? 0) * 1024) / 1e6, 0)} MB`;
    console.log(`peak RSS: Sealpost ${rss(sealpost)}, bare Fastify ${rss(bare)}; server CPU is a share of one core (2 cores are shared with this load generator)`);
    console.log(loadLine());
  } finally {
    await Promise.all([bare.stop(), sealpost.stop()]);
    if (postgres) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
      console.log(`dropped schema ${schema}`);
    }
  }
  if (profileDir) {
    // Node writes the profile when the service exits (it does on SIGTERM, through its close handler).
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the service wrote no CPU profile');
    console.log();
    printCpuProfile('the service during the measured load', join(profileDir, file), { windows: profileWindows });
  }
}

runBench('recipient-load', 180_000 + rounds * 2 * (warmupMs + durationMs), main);
