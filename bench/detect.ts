/**
 * The detection engine's speed and size.
 *
 *   node --import tsx bench/detect.ts [--mib 1] [--seconds 3] [--profile] [--native] [--skip-bundle]
 *
 * Prints the engine's throughput on `--mib` MiB of mixed text (default 1) as a ratio to one bare
 * regular-expression pass over the same text, the two timed in turn for `--seconds` (medians), the
 * time for a typical 50 KB HTML mail, and the gzip size the engine adds to a production bundle:
 * to a minimal entry for each of the three scan functions, and to the real on-send bundle
 * (webpack.config.js's `commands` config, ES2016, built as is and with the engine replaced by a
 * stub). The machine is shared: the load average is printed with the figures, and runs should be
 * repeated (docs/detection.md reports medians of several).
 *
 * --profile records a V8 CPU profile of this process over more engine runs and prints where the
 *   time went (the engine's own functions and the regular expressions, by self time).
 * --native profiles 60 engine runs in a child process started with --cpu-prof (which, unlike
 *   the in-process profiler, names the regular-expression code it samples) and prints how much of
 *   the engine's time is native pattern matching and how much JavaScript, and the ratio the engine
 *   would reach if every native scan cost nothing: the most any faster front end could give.
 * --skip-bundle leaves out the bundle builds (they take most of a run's time).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration } from 'webpack';
import { decide, resolvePolicy, scanMessage, scanPlainMessage, scanText } from '../src/shared/detect/index';
import { commandLine, loadLine, printTable } from './support/cli';
import { printCpuProfile, profileSelf, selfTimes, type CpuProfile } from './support/cpu-profile';

const MiB = 1024 * 1024;

/** Deterministic pseudo-random numbers, so every run scans the same text. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Mostly ordinary business prose, with numbers everywhere and identifiers in about one sentence in
// eight: roughly what a day of an office's outgoing mail looks like.
const PROSE = [
  'Beste mevrouw, hierbij stuur ik u de stukken voor het overleg van volgende week.',
  'Dear colleague, please find attached the minutes of our meeting on {date}.',
  'We hebben de planning aangepast zodat de oplevering in week {n2} kan plaatsvinden.',
  'Could you review the draft before Friday and send me your comments?',
  'Zoals besproken ontvangt u hierbij de offerte voor {n2} licenties en de installatie.',
  'The project timeline slipped by two weeks because of supplier delays in {year}.',
  'Uw bestelling met ordernummer {n9} wordt op {date} bezorgd; het bedrag is € {amount}.',
  'The invoice {n8} for EUR {amount} is due within 30 days.',
  'Postcode 1234 AB, huisnummer {n2}, Amsterdam; kamer {n3}, verdieping 4.',
  'We discussed the quarterly figures, the budget for {year} and the hiring plan.',
  'Met vriendelijke groet, afdeling Klantcontact.',
  'Kunt u mij laten weten of de vergadering van {date} doorgaat?',
  'Thanks for the quick reply, I will forward this to the team.',
  'De notulen van de vorige vergadering zijn goedgekeurd zonder wijzigingen.',
  'Please note that the office is closed on {date} for maintenance.',
  'In de bijlage vindt u het jaarverslag en de begroting voor {year}.',
];
const SENSITIVE = [
  'Het BSN van de cliënt is {bsn} en de geboortedatum is {date}.',
  'Please transfer the deposit to {iban} before the end of the month.',
  'Bel mij gerust op {phone} als u vragen heeft over het dossier.',
  'De huisarts heeft diabetes vastgesteld en schrijft metformine voor.',
  'Card used: {card}, please do not store it in the ticket system.',
  'Zijn loonstrook en de jaaropgave zitten in de bijlage, samen met het bankafschrift.',
];

function digits(r: () => number, n: number): string {
  let s = String(1 + Math.floor(r() * 9));
  while (s.length < n) s += String(Math.floor(r() * 10));
  return s;
}

/** About `bytes` characters of mail-like text, the same for the same seed. */
export function mixedText(bytes: number, seed = 7): string {
  const r = prng(seed);
  const fill: Record<string, () => string> = {
    n2: () => digits(r, 2),
    n3: () => digits(r, 3),
    n8: () => digits(r, 8),
    n9: () => digits(r, 9),
    amount: () => `${digits(r, 4)},${digits(r, 2)}`,
    date: () => `${1 + Math.floor(r() * 28)}-${1 + Math.floor(r() * 12)}-${1950 + Math.floor(r() * 70)}`,
    year: () => String(2000 + Math.floor(r() * 30)),
    bsn: () => ['111222333', '123456782', '1112.22.333'][Math.floor(r() * 3)]!,
    iban: () => ['NL91 ABNA 0417 1643 00', 'DE89370400440532013000', 'BE68 5390 0754 7034'][Math.floor(r() * 3)]!,
    phone: () => ['06-12345678', '+31 20 123 4567', '(010) 123 45 67'][Math.floor(r() * 3)]!,
    card: () => ['4111 1111 1111 1111', '5500-0000-0000-0004', '4111 1111 1111 1112'][Math.floor(r() * 3)]!,
  };
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const pool = r() < 0.12 ? SENSITIVE : PROSE;
    const s = pool[Math.floor(r() * pool.length)]!.replace(/\{(\w+)\}/g, (_, k: string) => fill[k]!());
    parts.push(s, r() < 0.2 ? '\n\n' : ' ');
    size += s.length + 1;
  }
  return parts.join('').slice(0, bytes);
}

/**
 * Medians of `fns` timed in turn, round after round, for `seconds` after a warm-up long enough for
 * the JIT to settle: in turn, so that a burst of load on the shared machine hits all of them.
 */
function timeInTurn(fns: Array<() => unknown>, seconds: number): number[] {
  for (let i = 0; i < 20; i++) for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until || times[0]!.length < 5) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      times[k]!.push(performance.now() - t0);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

function run(config: Configuration): Promise<void> {
  return new Promise<void>((done, fail) =>
    webpack(config, (err, stats) => (err || stats?.hasErrors() ? fail(err ?? new Error(stats?.toString('errors-only'))) : done())),
  );
}

const gzipOf = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

/** A minimal production bundle of `entrySource` (ES2020, as the task pane is built), gzipped. */
async function bundleGzip(entrySource: string, dir: string, name: string): Promise<number> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, entrySource);
  // The repository's tsconfig does not emit and does not include the temporary entry.
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true },
    files: [entry],
  }));
  await run({
    mode: 'production',
    entry,
    context: resolve('.'),
    output: { path: dir, filename: `${name}.js` },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: join(dir, 'tsconfig.json') } }] },
    target: ['web', 'es2020'],
  });
  return gzipOf(join(dir, `${name}.js`));
}

/**
 * The on-send bundle (launchevent.js) as webpack.config.js builds it, gzipped: as is, and with the
 * engine replaced by a stub of what the handler imports from it. The difference is what the engine adds.
 */
async function onSendGzip(dir: string): Promise<{ full: number; withoutEngine: number }> {
  const { commands } = (await import(pathToFileURL(resolve('webpack.config.js')).href)) as { commands: (mode: string, url?: string) => Configuration };
  const stub = join(dir, 'engine-stub.ts');
  writeFileSync(stub, [
    'export const resolvePolicy = (json: unknown): any => json;',
    "export const scanPlainMessage = (message: unknown, policy: unknown): any => ({ findings: [], recipients: [], unscanned: [], message, policy });",
    "export const decide = (scan: unknown, policy: unknown, options: unknown): any => ({ action: 'allow', reasons: [], sensitive: false, scan, policy, options });",
    '',
  ].join('\n'));
  const build = async (name: string, engineStub: boolean): Promise<number> => {
    const config = commands('production', 'https://sealpost.example');
    await run({
      ...config,
      output: { ...config.output, path: dir, filename: `${name}.js` },
      // Only the script: the HTML page is the same either way.
      plugins: (config.plugins ?? []).filter((p) => p?.constructor.name !== 'HtmlWebpackPlugin'),
      resolve: engineStub ? { ...config.resolve, alias: { [resolve('src/shared/detect')]: stub } } : config.resolve,
      infrastructureLogging: { level: 'error' },
    });
    return gzipOf(join(dir, `${name}.js`));
  };
  return { full: await build('launchevent', false), withoutEngine: await build('launchevent-stub', true) };
}

const EVERYTHING = {
  rules: Object.fromEntries(['phone', 'external', 'unscanned'].map((id) => [id, { action: 'notify' }])),
  keywords: ['Project Zeus', 'vertrouwelijk'],
};

/**
 * Self time of `runs` scans of the bench text in a child process under --cpu-prof, split into
 * native regular-expression code (by pattern), garbage collection and the rest (JavaScript and
 * the built-ins it calls). The child imports the engine as the bench does, through tsx.
 */
function nativeSplit(size: number, runs: number): { total: number; regexps: Map<string, number>; gc: number } {
  const dir = mkdtempSync(join(tmpdir(), 'sealpost-detect-prof-'));
  try {
    const script = [
      `const { mixedText } = await import(${JSON.stringify(pathToFileURL(resolve('bench/detect.ts')).href)});`,
      `const { resolvePolicy, scanText } = await import(${JSON.stringify(pathToFileURL(resolve('src/shared/detect/index.ts')).href)});`,
      `const policy = resolvePolicy(${JSON.stringify(EVERYTHING)});`,
      `const text = mixedText(${Math.round(size * MiB)});`,
      'for (let i = 0; i < 20; i++) scanText(text, policy);',
      // The window of the measured runs, on the clock the profile's samples are stamped with.
      'const now = () => Number(process.hrtime.bigint() / 1000n);',
      'const from = now();',
      `for (let i = 0; i < ${runs}; i++) scanText(text, policy);`,
      'console.log(JSON.stringify([from, now()]));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`the profiled child exited with ${child.status}`);
    const [from, to] = JSON.parse(child.stdout) as [number, number];
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    // Only the samples taken during the measured runs.
    const self = selfTimes(profile, [[from, to]]);
    const regexps = new Map<string, number>();
    let total = 0;
    let gc = 0;
    for (const node of profile.nodes) {
      const micros = self.get(node.id) ?? 0;
      const name = node.callFrame.functionName;
      if (name === '(idle)' || name === '(program)' || !micros) continue;
      total += micros;
      if (name === '(garbage collector)') gc += micros;
      else if (name.startsWith('RegExp: ')) regexps.set(name.slice(8), (regexps.get(name.slice(8)) ?? 0) + micros);
    }
    return { total, regexps, gc };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = commandLine({ mib: 'string', seconds: 'string', profile: 'boolean', native: 'boolean', 'skip-bundle': 'boolean' });
  const size = args.number('mib', 1, 0.01, 64);
  const seconds = args.number('seconds', 3, 0.5, 60);
  console.log(loadLine());
  const everything = resolvePolicy(EVERYTHING);

  const text = mixedText(Math.round(size * MiB));
  const BARE = /\b\d{9}\b/g;
  const [bareMs, engineMs] = timeInTurn([() => text.match(BARE)?.length ?? 0, () => scanText(text, everything)], seconds);
  const mbps = (ms: number): string => `${(text.length / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
  const findings = scanText(text, everything).length;
  console.log(`\n${size} MiB of mixed text, all detectors on (${findings} findings), medians:`);
  printTable(['', 'ms', 'rate', 'ratio'], [
    ['bare /\\b\\d{9}\\b/g', bareMs!.toFixed(2), mbps(bareMs!), '1.00x'],
    ['engine (scanText)', engineMs!.toFixed(2), mbps(engineMs!), `${(bareMs! / engineMs!).toFixed(2)}x`],
  ]);

  const paragraphs = mixedText(38 * 1024, 11).split('\n\n');
  const bodyHtml = '<html><head><style>p{margin:0}</style></head><body><div class="WordSection1">' +
    paragraphs.map((p) => `<p class="MsoNormal"><span style="font-family:Calibri">${p}</span></p>`).join('\n') +
    '</div></body></html>';
  const mail = {
    subject: 'Overdracht dossier en afspraken',
    bodyHtml,
    from: 'zorgverlener@kliniek.nl',
    to: ['collega@kliniek.nl', 'extern@partner.nl'],
    cc: ['secretariaat@kliniek.nl'],
    attachments: [{ name: 'overzicht.pdf', contentType: 'application/pdf' }],
  };
  const plain = { ...mail, bodyHtml: undefined, bodyText: paragraphs.join('\n\n'), attachments: [{ name: 'overzicht.pdf' }] };
  const [paneMs, sendMs] = timeInTurn([
    () => decide(scanMessage(mail, everything), everything),
    () => decide(scanPlainMessage(plain, everything), everything),
  ], Math.min(seconds, 2));
  console.log(`\ntypical mail (${(bodyHtml.length / 1024).toFixed(0)} KB HTML, ${(plain.bodyText.length / 1024).toFixed(0)} KB as text), medians:`);
  printTable(['', 'ms'], [
    ['task pane: scanMessage (HTML body) + decide', paneMs!.toFixed(2)],
    ['on send: scanPlainMessage (text body) + decide', sendMs!.toFixed(2)],
  ]);

  if (args.flag('profile')) {
    const { profile } = await profileSelf(async () => {
      for (let i = 0; i < 60; i++) scanText(text, everything);
    });
    console.log();
    printCpuProfile(`60 engine runs over ${size} MiB`, profile, { top: 25 });
  }

  if (args.flag('native')) {
    const { total, regexps, gc } = nativeSplit(size, 60);
    const native = [...regexps.values()].reduce((a, b) => a + b, 0);
    const share = (micros: number): string => `${((100 * micros) / total).toFixed(1)} %`;
    console.log('\nwhere the engine\'s time goes (--cpu-prof of 60 runs in a child process), self time:');
    printTable(['', 'share'], [
      ...[...regexps].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([source, micros]) => [`native: /${source.slice(0, 48)}${source.length > 48 ? '…' : ''}/`, share(micros)]),
      ['native regular-expression code, all patterns', share(native)],
      ['garbage collection', share(gc)],
      ['JavaScript and the built-ins it calls', share(total - native - gc)],
    ]);
    // The JavaScript's share of the median scan is what would remain with every native scan free.
    const jsMs = engineMs! * (1 - native / total);
    console.log(`\nif every native scan cost nothing: ${jsMs.toFixed(2)} ms, ${(bareMs! / jsMs).toFixed(2)}x the bare pass`);
  }

  if (args.flag('skip-bundle')) return;
  const dir = mkdtempSync(join(tmpdir(), 'sealpost-bench-'));
  try {
    const engine = resolve('src/shared/detect/index.ts').replace(/\\/g, '/');
    const empty = await bundleGzip(`(globalThis as any).check = (m: any) => m;\n`, dir, 'empty');
    const rows: string[][] = [];
    for (const [name, what] of [
      ['scanMessage', 'content and recipients (task pane)'],
      ['scanContent', 'content only'],
      ['scanPlainMessage', 'plain text and recipients (on send)'],
    ] as const) {
      const gz = await bundleGzip(
        `import { ${name}, decide, resolvePolicy } from '${engine}';\n` +
          `(globalThis as any).check = (m: any, p: unknown) => { const policy = resolvePolicy(p); return decide(${name}(m, policy), policy); };\n`,
        dir, name);
      rows.push([`${name} + decide + resolvePolicy: ${what}`, String(gz - empty), `${((gz - empty) / 1024).toFixed(1)} KB`]);
    }
    const onSend = await onSendGzip(dir);
    const adds = onSend.full - onSend.withoutEngine;
    rows.push([`the real on-send bundle (${onSend.full} bytes): the engine`, String(adds), `${(adds / 1024).toFixed(1)} KB`]);
    console.log('\nwhat the engine adds to a production bundle, gzip -9:');
    printTable(['', 'bytes', 'size'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
