/**
 * Part stream throughput in Chromium, against a bare WebCrypto AES-GCM record loop over the same
 * bytes in the same page: decryption of a 128 MiB part fed in 1 MiB chunks (the portal's case),
 * and encryption of 25 MiB (the add-in's case, Outlook's attachment limit). The page
 * (bench/browser/decrypt-page.ts) is bundled with webpack as the portal is, served from loopback
 * and driven with the distribution's Chromium.
 *
 *   node --import tsx bench/browser-decrypt.ts [--decrypt-mib 128] [--encrypt-mib 25] [--reps 9] [--chunk-kib 1024] [--profile]
 *
 * --profile then records the page's main thread over three more passes of decryptPart and of the
 * bare decrypt loop and prints where its time went; the bundle is then not minified.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import webpack from 'webpack';
import { launchChromium } from '../test/support/browser';
import type { DecryptBench } from './browser/decrypt-page';
import { commandLine, fixed, loadLine, median, printCpuProfile, printTable, ratio, ROOT, runBench, tempDir, type CpuProfile } from './support';

const AIM_RATIO = 0.8;
const args = commandLine({ 'decrypt-mib': 'string', 'encrypt-mib': 'string', reps: 'string', 'chunk-kib': 'string', profile: 'boolean' });
const decryptMiB = args.number('decrypt-mib', 128, 1, 1024);
const encryptMiB = args.number('encrypt-mib', 25, 1, 1024);
const reps = args.number('reps', 9, 1, 50);
const chunkKiB = args.number('chunk-kib', 1024, 1, 65536);
const profile = args.flag('profile');
if (encryptMiB > decryptMiB) throw new Error('--encrypt-mib must not exceed --decrypt-mib (it encrypts a prefix of the same plaintext)');

type Method = Exclude<keyof DecryptBench, 'setup'>;

/** Bundles the page as webpack.config.js bundles the portal: production mode, ts-loader transpile-only (not minified with --profile). */
async function bundle(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'production',
    context: ROOT,
    target: 'web',
    devtool: false,
    entry: { page: './bench/browser/decrypt-page.ts' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { transpileOnly: true, configFile: join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: false, sourceMap: false } },
        },
      ],
    },
    output: { path: outDir, filename: 'decrypt-page.js' },
    // Profiles need function names; the timings use the minified bundle, as the portal ships.
    optimization: { minimize: !profile },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err ?? new Error('webpack gave no result')) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  return readFileSync(join(outDir, 'decrypt-page.js'), 'utf8');
}


async function main(): Promise<void> {
  console.log(`browser-decrypt: decrypt ${decryptMiB} MiB, encrypt ${encryptMiB} MiB, ${reps} timed repetitions each; ${loadLine()}`);
  const script = await bundle(tempDir('browser'));
  const html = '<!doctype html><meta charset="utf-8"><title>decrypt bench</title><script src="/decrypt-page.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (req.url === '/decrypt-page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(url);
    await page.waitForFunction(() => window.decryptBench !== undefined);
    const info = await page.evaluate(([d, e, c]) => window.decryptBench!.setup(d, e, c), [decryptMiB, encryptMiB, chunkKiB * 1024] as const);
    const run = (method: Method) => page.evaluate((m) => window.decryptBench![m](), method);

    const times: Record<Method, number[]> = { decryptStream: [], decryptBare: [], encryptStream: [], encryptBare: [] };
    const pairs: [Method, Method][] = [
      ['decryptStream', 'decryptBare'],
      ['encryptStream', 'encryptBare'],
    ];
    for (const [ours, bare] of pairs) {
      // One untimed pass each warms up the JIT and WebCrypto; then alternate, to share any drift.
      await run(ours);
      await run(bare);
      for (let i = 0; i < reps; i++) {
        for (const method of i % 2 === 0 ? [ours, bare] : [bare, ours]) times[method].push(await run(method));
      }
    }

    const bytes = (m: Method) => (m.startsWith('decrypt') ? info.decryptBytes : info.encryptBytes);
    const rate = (m: Method) => bytes(m) / 1e6 / (median(times[m]) / 1000);
    const label: Record<Method, string> = {
      decryptStream: `decryptPart, ${chunkKiB} KiB chunks, ${decryptMiB} MiB`,
      decryptBare: `bare AES-GCM decrypt loop, ${decryptMiB} MiB`,
      encryptStream: `encryptPart, ${chunkKiB} KiB chunks, ${encryptMiB} MiB`,
      encryptBare: `bare AES-GCM encrypt loop, ${encryptMiB} MiB`,
    };
    console.log(`Chromium ${browser.version()}, ${info.records} records of 64 KiB in the decrypt part`);
    console.log();
    printTable(
      ['method', 'median ms', 'min ms', 'max ms', 'MB/s (median)'],
      (Object.keys(times) as Method[]).map((m) => [
        label[m],
        fixed(median(times[m])),
        fixed(Math.min(...times[m])),
        fixed(Math.max(...times[m])),
        fixed(rate(m)),
      ]),
    );
    const decryptRatio = rate('decryptStream') / rate('decryptBare');
    const encryptRatio = rate('encryptStream') / rate('encryptBare');
    console.log();
    console.log(`MB = 10^6 plaintext bytes; key derivation is inside every timing.`);
    console.log(`decryptPart / bare loop: ${ratio(decryptRatio)} (aim >= ${AIM_RATIO}x: ${decryptRatio >= AIM_RATIO ? 'met' : 'NOT met'})`);
    console.log(`encryptPart / bare loop: ${ratio(encryptRatio)}`);
    console.log(loadLine());
    if (profile) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      for (const method of ['decryptStream', 'decryptBare'] as const) {
        await cdp.send('Profiler.start');
        for (let i = 0; i < 3; i++) await run(method);
        const { profile: recorded } = await cdp.send('Profiler.stop');
        console.log();
        printCpuProfile(`the page's main thread, 3 passes of ${label[method]}`, recorded as CpuProfile);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

runBench('browser-decrypt', 600_000, main);
