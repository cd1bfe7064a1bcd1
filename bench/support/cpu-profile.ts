/** V8 CPU profiles (of a child, of this process, of a page) summarised by package and function. */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fixed, printTable } from './cli';
import { ROOT } from './processes';

export interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script belongs: a package under node_modules, a repository path, or Node itself. */
function owner(url: string): string {
  if (!url) return '(native / V8)';
  if (/^https?:/.test(url)) return new URL(url).pathname;
  if (url.startsWith('node:')) return 'node: built-ins';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const repo = url.indexOf(ROOT);
  return repo >= 0 ? url.slice(repo + ROOT.length) : url.replace(/^file:\/\//, '');
}

/** The monotonic clock V8 stamps profile samples with, in microseconds. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Self time in microseconds per profile node, counting only samples inside `windows` when given. */
export function selfTimes(profile: CpuProfile, windows: readonly [number, number][] = []): Map<number, number> {
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (windows.length && !windows.some(([from, to]) => at >= from && at <= to)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  return self;
}

/**
 * Prints the self time of a V8 CPU profile (a file or an object) by owner (package or file) and by
 * function, counting only samples inside `windows` (monotonicMicros ranges) when given.
 */
export function printCpuProfile(
  title: string,
  source: string | CpuProfile,
  { windows = [], top = 12 }: { windows?: [number, number][]; top?: number } = {},
): void {
  const profile = typeof source === 'string' ? (JSON.parse(readFileSync(source, 'utf8')) as CpuProfile) : source;
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = selfTimes(profile, windows);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!;
    const key = idle.has(frame.functionName) ? frame.functionName : owner(frame.url);
    byOwner.set(key, (byOwner.get(key) ?? 0) + micros);
    const where = frame.url ? ` ${owner(frame.url)}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const rows = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, fixed(v / 1000, 0), `${fixed((100 * v) / total)} %`]);
  console.log(`CPU profile, ${title}: ${fixed(total / 1e6, 2)} s sampled`);
  printTable(['self time by package or file', 'ms', 'share'], rows(byOwner));
  console.log();
  printTable(['self time by function', 'ms', 'share'], rows(byFunction));
}

/** Runs `fn` while V8 profiles this process, and returns the profile with its result. */
export async function profileSelf<T>(fn: () => Promise<T>): Promise<{ value: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const value = await fn();
    const { profile } = await session.post('Profiler.stop');
    return { value, profile: profile as unknown as CpuProfile };
  } finally {
    session.disconnect();
  }
}
