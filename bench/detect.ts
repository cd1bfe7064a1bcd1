// Run by hand: node --import tsx bench/detect.ts
// Prints the engine's throughput on 1 MiB of mixed text as a ratio to one bare regular-expression
// pass over the same text, the time for a typical 50 KB HTML mail, and the gzip size the engine
// adds to a production bundle. The machine is shared: the load average is printed with the figures,
// and runs should be repeated (medians of several runs are what docs/detection.md reports).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { decide, resolvePolicy, scanMessage, scanText } from '../src/shared/detect/index';

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

/** Median of repeated runs after a warm-up long enough for the JIT to settle. */
function timeIt(fn: () => unknown, minMs = 1500): number {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  const until = performance.now() + minMs;
  while (performance.now() < until || times.length < 5) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function bundleGzip(entrySource: string, dir: string, name: string): Promise<number> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, entrySource);
  // The repository's tsconfig does not emit and does not include the temporary entry.
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true },
    files: [entry],
  }));
  const compiler = webpack({
    mode: 'production',
    entry,
    context: resolve('.'),
    output: { path: dir, filename: `${name}.js` },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: join(dir, 'tsconfig.json') } }] },
    target: ['web', 'es2020'],
  });
  await new Promise<void>((done, fail) =>
    compiler.run((err, stats) => (err || stats?.hasErrors() ? fail(err ?? new Error(stats?.toString('errors-only'))) : done())),
  );
  return gzipSync(readFileSync(join(dir, `${name}.js`)), { level: 9 }).length;
}

async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const everything = resolvePolicy({
    rules: Object.fromEntries(['phone', 'external', 'unscanned'].map((id) => [id, { action: 'notify' }])),
    keywords: ['Project Zeus', 'vertrouwelijk'],
  });

  const text = mixedText(MiB);
  const BARE = /\b\d{9}\b/g;
  const bareMs = timeIt(() => text.match(BARE)?.length ?? 0);
  const engineMs = timeIt(() => scanText(text, everything));
  const mbps = (ms: number): number => MiB / 1e6 / (ms / 1000);
  console.log(`1 MiB mixed text: engine ${engineMs.toFixed(2)} ms (${mbps(engineMs).toFixed(0)} MB/s), ` +
    `bare /\\b\\d{9}\\b/g ${bareMs.toFixed(2)} ms (${mbps(bareMs).toFixed(0)} MB/s), ratio ${(bareMs / engineMs).toFixed(2)}x`);

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
  const mailMs = timeIt(() => decide(scanMessage(mail, everything), everything));
  console.log(`typical mail (${(bodyHtml.length / 1024).toFixed(0)} KB HTML): scan + decide ${mailMs.toFixed(2)} ms`);

  const dir = mkdtempSync(join(tmpdir(), 'sealpost-bench-'));
  try {
    const engine = resolve('src/shared/detect/index.ts').replace(/\\/g, '/');
    const empty = await bundleGzip(`(globalThis as any).check = (m: any) => m;\n`, dir, 'empty');
    // What the task pane imports (content and recipients) and what the on-send handler needs (content).
    for (const [name, scan] of [['scanMessage', 'full engine'], ['scanContent', 'content checks only']] as const) {
      const size = await bundleGzip(
        `import { ${name}, decide, resolvePolicy } from '${engine}';\n` +
          `(globalThis as any).check = (m: any, p: unknown) => { const policy = resolvePolicy(p); return decide(${name}(m, policy), policy); };\n`,
        dir, name);
      console.log(`bundle, ${scan} (${name} + decide + resolvePolicy): adds ${((size - empty) / 1024).toFixed(1)} KB gzip (${size - empty} bytes)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
