/**
 * The detection engine's speed and size.
 *
 *   node --import tsx bench/detect.ts [--mib 1] [--seconds 3] [--profile] [--skip-bundle]
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
 * --skip-bundle leaves out the bundle builds (they take most of a run's time).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration } from 'webpack';
import { decide, resolvePolicy, scanMessage, scanPlainMessage, scanText } from '../src/shared/detect/index';
import { commandLine, loadLine, printTable } from './support/cli';
import { printCpuProfile, profileSelf } from './support/cpu-profile';

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

async function main(): Promise<void> {
  const args = commandLine({ mib: 'string', seconds: 'string', profile: 'boolean', 'skip-bundle': 'boolean' });
  const size = args.number('mib', 1, 0.01, 64);
  const seconds = args.number('seconds', 3, 0.5, 60);
  console.log(loadLine());
  const everything = resolvePolicy({
    rules: Object.fromEntries(['phone', 'external', 'unscanned'].map((id) => [id, { action: 'notify' }])),
    keywords: ['Project Zeus', 'vertrouwelijk'],
  });

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
