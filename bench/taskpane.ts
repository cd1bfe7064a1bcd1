/**
 * The task pane's weight and first render, each against a bare React + Fluent UI v9 page
 * (bench/browser/bare-fluent.tsx: FluentProvider, a Text heading and a Button) built the same way
 * in the same run.
 *
 *   node --import tsx bench/taskpane.ts [--runs 15]
 *
 * Build: webpack.config.js's own `taskpane('production')` config, and for the baseline the same
 * config object with only the entry and the HTML page swapped (same template, loaders, minifier,
 * output names), both into one temp directory that the real service then serves as
 * SEALPOST_WEB_DIR (so both pages get the add-in's CSP and cache headers from the same server).
 *
 * Size: the gzip size (level 9) of the JS and CSS that each page's HTML loads itself (its
 * <script src> and <link rel=stylesheet>), i.e. everything that must arrive before the first
 * render. Chunks loaded with import() are listed apart, with whether the pane requested them
 * before its first render.
 *
 * First render: each run opens a fresh browser context (empty cache and storage), in which
 * Office.js from Microsoft's CDN is answered with the fake Outlook host of the end-to-end tests
 * (test/e2e/harness), so Office.onReady fires as in Outlook. A MutationObserver installed before any
 * page script records performance.now() (milliseconds since navigation start) at the first DOM
 * mutation after which the page's first meaningful element exists: for the pane the heading of its
 * first screen (`#sign-in-title`; a fresh context has no session, so that screen is the sign-in,
 * reached after Office.onReady, with the service's sign-in configuration that the service writes
 * into the page, and the sign-in's answer that it holds no session; a spinner before it would not
 * count), for the baseline its heading (`#bare-title`). The service serves both pages; only the
 * pane's gets the configuration block (its route is the pane's). One untimed load of each page
 * first, then the two pages alternate.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack, { type Configuration } from 'webpack';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/browser';
import { buildHarness } from '../test/support/harness-build';
import { commandLine, fixed, loadLine, median, printTable, ratio, ROOT, runBench, startSealpost, tempDir } from './support';

const SIZE_AIM = 1.3;
const RENDER_AIM_MS = 150;
/** What the page logs once its first meaningful element is in the DOM. */
const FIRST_RENDER_MESSAGE = 'bench: first render';
const args = commandLine({ runs: 'string', timeline: 'boolean' });
const timeline = args.flag('timeline');
const runs = args.number('runs', 15, 3, 200);

type PageName = 'pane' | 'baseline';
const PAGES: Record<PageName, { html: string; marker: string; label: string }> = {
  pane: { html: 'taskpane.html', marker: '#sign-in-title', label: 'task pane (sign-in screen)' },
  baseline: { html: 'baseline.html', marker: '#bare-title', label: 'bare React + Fluent UI v9' },
};

interface Built {
  /** Files the HTML page loads itself, with their gzip sizes. */
  initial: { file: string; bytes: number; gzip: number }[];
  /** Chunks loaded on demand. */
  lazy: { id: string | number; name: string; files: string[]; bytes: number; gzip: number }[];
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function compile(config: Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack({ ...config, infrastructureLogging: { level: 'error' } });
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || !stats) return reject(err ?? new Error('webpack gave no result'));
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve(stats);
    });
  });
}

/** The value of attribute `name` in a tag's attribute text: quoted or not, as html-webpack-plugin minifies. */
function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}=(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** What an HTML page loads before any of its own scripts run: its script and stylesheet URLs under /addin/. */
function initialFiles(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const urls: string[] = [];
  for (const [, tag, attrs = ''] of text.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const url = tag!.toLowerCase() === 'script' ? attribute(attrs, 'src') : attribute(attrs, 'rel') === 'stylesheet' ? attribute(attrs, 'href') : undefined;
    if (url) urls.push(url);
  }
  // Office.js is Microsoft's and the same for both pages; only our own files count.
  return urls.filter((u) => u.startsWith('/addin/')).map((u) => u.slice('/addin/'.length));
}

function describeBuild(dir: string, html: string, stats: webpack.Stats, entry: string): Built {
  const initial = initialFiles(dir, html).map((file) => ({ file, bytes: readFileSync(join(dir, file)).length, gzip: gzipSize(join(dir, file)) }));
  const json = stats.toJson({ all: false, chunks: true, chunkRelations: true, ids: true, entrypoints: true });
  const entryChunks = new Set(json.entrypoints?.[entry]?.chunks ?? []);
  // Lazy chunks reachable from this entry (not those of the pane's sign-in dialog page).
  const reachable = new Set<string | number>();
  const visit = (id: string | number) => {
    for (const chunk of json.chunks ?? []) {
      if (chunk.id !== id) continue;
      for (const child of chunk.children ?? []) {
        if (!reachable.has(child)) {
          reachable.add(child);
          visit(child);
        }
      }
    }
  };
  for (const id of entryChunks) visit(id);
  const lazy = (json.chunks ?? [])
    .filter((c) => !c.initial && reachable.has(c.id!))
    .map((c) => ({
      id: c.id!,
      name: c.names?.length ? c.names.join(',') : `(shared ${c.id})`,
      files: [...(c.files ?? [])],
      bytes: (c.files ?? []).reduce((sum, f) => sum + readFileSync(join(dir, f)).length, 0),
      gzip: (c.files ?? []).reduce((sum, f) => sum + gzipSize(join(dir, f)), 0),
    }))
    .sort((a, b) => b.gzip - a.gzip);
  return { initial, lazy };
}

async function build(webDir: string): Promise<Record<PageName, Built>> {
  // A runtime import: the config is plain JavaScript without type declarations.
  const { taskpane } = (await import(pathToFileURL(join(ROOT, 'webpack.config.js')).href)) as { taskpane: (mode: string) => Configuration };
  const dir = join(webDir, 'addin');
  const pane = taskpane('production');
  // Both builds share the directory: neither cleans it (it is a fresh temp directory).
  const paneConfig: Configuration = { ...pane, output: { ...pane.output, path: dir, clean: false } };
  const baselineConfig: Configuration = {
    ...paneConfig,
    name: 'baseline',
    entry: { baseline: './bench/browser/bare-fluent.tsx' },
    output: { ...paneConfig.output, chunkFilename: 'baseline-[name].[contenthash:16].js' },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/addin/taskpane/taskpane.html',
        filename: 'baseline.html',
        chunks: ['baseline'],
        inject: 'body',
        scriptLoading: 'defer',
      }),
    ],
  };
  const [paneStats, baselineStats] = [await compile(paneConfig), await compile(baselineConfig)];
  return {
    pane: describeBuild(dir, PAGES.pane.html, paneStats, 'taskpane'),
    baseline: describeBuild(dir, PAGES.baseline.html, baselineStats, 'baseline'),
  };
}

interface Load {
  ms: number;
  /** With --timeline: named moments of the load, ms from navigation start. */
  events: [string, number][];
  /** Ids of the lazy chunks that had run by the first render (from webpack's chunk registry). */
  ran: (string | number)[];
  /** Scripts under /addin/ the page had fetched by the first render (run or not). */
  fetched: string[];
}

async function loadOnce(browser: Browser, baseUrl: string, officeJs: string, page: PageName): Promise<Load> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 720 } });
  try {
    await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeJs }));
    await context.addInitScript(({ selector, message }: { selector: string; message: string }) => {
      const w = window as unknown as { __firstRender?: number; __ran?: unknown[]; __longTasks?: [number, number][]; webpackChunksealpost?: [unknown[]][] };
      w.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks!.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // No long-task timing in this browser: the timeline goes without.
      }
      const observer = new MutationObserver(() => {
        if (w.__firstRender === undefined && document.querySelector(selector)) {
          w.__firstRender = performance.now();
          // Every lazy chunk that has run has pushed itself here (output.chunkLoadingGlobal).
          w.__ran = (w.webpackChunksealpost ?? []).flatMap((chunk) => chunk[0]);
          observer.disconnect();
          // Tells the bench without it polling the page: see loadOnce.
          console.debug(message);
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, { selector: PAGES[page].marker, message: FIRST_RENDER_MESSAGE });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (err) => errors.push(err.message));
    // The page says when it has rendered, in a console message. Waiting with waitForFunction would
    // run a predicate in the page on every animation frame while it loads: main-thread work that
    // is the bench's, not the page's (3–4 ms a frame, measured).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rendered = new Promise<void>((resolve, reject) => {
      tab.on('console', (message) => message.text() === FIRST_RENDER_MESSAGE && resolve());
      timer = setTimeout(() => reject(new Error('no first render within 20 s')), 20_000);
    });
    await tab.goto(`${baseUrl}/addin/${PAGES[page].html}`, { waitUntil: 'commit' });
    try {
      await rendered;
    } catch (err) {
      const text = await tab.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      throw new Error(`${PAGES[page].label}: ${PAGES[page].marker} never appeared (${errors.join('; ') || 'no page error'}); the page shows: ${text.slice(0, 300)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
    if (errors.length) throw new Error(`${PAGES[page].label}: page error: ${errors.join('; ')}`);
    return await tab.evaluate(() => {
      const ms = (window as unknown as { __firstRender: number }).__firstRender;
      const ran = (window as unknown as { __ran: (string | number)[] }).__ran;
      const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.startTime <= ms && new URL(e.name).pathname.startsWith('/addin/') && e.name.endsWith('.js'))
        .map((e) => new URL(e.name).pathname.slice('/addin/'.length));
      const events: [string, number][] = [];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      if (nav) events.push(['HTML response end', nav.responseEnd], ['DOMContentLoaded', nav.domContentLoadedEventStart]);
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        if (e.startTime > ms) continue;
        const name = new URL(e.name).pathname.replace(/\.[0-9a-f]{16}\.js$/, '.js');
        events.push([`${name} requested`, e.startTime], [`${name} first byte`, e.responseStart], [`${name} arrived`, e.responseEnd]);
      }
      for (const e of performance.getEntriesByType('mark')) events.push([`mark ${e.name}`, e.startTime]);
      for (const [start, duration] of (window as unknown as { __longTasks: [number, number][] }).__longTasks)
        if (start <= ms) events.push([`long task ${Math.round(duration)} ms`, start]);
      events.push(['first render', ms]);
      return { ms, ran, fetched, events };
    });
  } finally {
    await context.close();
  }
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function main(): Promise<void> {
  console.log(`taskpane: production builds, then ${runs} first renders of each page; ${loadLine()}`);
  const webDir = tempDir('taskpane-web');
  const built = await build(webDir);
  const total = (p: PageName) => built[p].initial.reduce((sum, f) => sum + f.gzip, 0);

  console.log();
  printTable(
    ['page', 'file loaded by the HTML', 'bytes', 'gzip bytes'],
    (['pane', 'baseline'] as const).flatMap((p) => [
      ...built[p].initial.map((f) => [PAGES[p].label, f.file, f.bytes, f.gzip]),
      [PAGES[p].label, 'total', built[p].initial.reduce((sum, f) => sum + f.bytes, 0), total(p)],
    ]),
  );
  const initialRatio = total('pane') / total('baseline');
  console.log(`JS+CSS loaded by the HTML, gzip: task pane ${total('pane')} B / baseline ${total('baseline')} B = ${ratio(initialRatio)} (lazy chunks run before the first render are added below)`);
  if (built.baseline.lazy.length) console.log(`note: the baseline has lazy chunks: ${built.baseline.lazy.map((c) => c.name).join(', ')}`);

  // Only the script is needed: its temp directory goes at once.
  const harness = await buildHarness();
  rmSync(harness.dir, { recursive: true, force: true });
  const service = await startSealpost({ SEALPOST_WEB_DIR: webDir });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const times: Record<PageName, number[]> = { pane: [], baseline: [] };
    const loads: Record<PageName, Load[]> = { pane: [], baseline: [] };
    // Per lazy chunk of the pane: in how many runs it had run, or had only been fetched (preloaded
    // or prefetched into the cache), by the first render.
    const ran = new Map<string | number, number>();
    const fetchedOnly = new Map<string | number, number>();
    const bump = (map: Map<string | number, number>, id: string | number) => map.set(id, (map.get(id) ?? 0) + 1);
    // One untimed load each: Chromium's first navigation and the service's first answers are slower.
    for (const p of ['pane', 'baseline'] as const) await loadOnce(browser, service.baseUrl, harness.source, p);
    for (let i = 0; i < runs; i++) {
      for (const p of i % 2 === 0 ? (['pane', 'baseline'] as const) : (['baseline', 'pane'] as const)) {
        const load = await loadOnce(browser, service.baseUrl, harness.source, p);
        times[p].push(load.ms);
        loads[p].push(load);
        if (p !== 'pane') continue;
        for (const chunk of built.pane.lazy) {
          if (load.ran.includes(chunk.id)) bump(ran, chunk.id);
          else if (chunk.files.some((f) => load.fetched.includes(f))) bump(fetchedOnly, chunk.id);
        }
      }
    }

    console.log();
    printTable(
      ['lazy chunk of the task pane', 'bytes', 'gzip bytes', 'ran before first render', 'fetched only'],
      built.pane.lazy.map((c) => [c.name, c.bytes, c.gzip, `${ran.get(c.id) ?? 0}/${runs}`, `${fetchedOnly.get(c.id) ?? 0}/${runs}`]),
    );
    console.log('(in how many runs the chunk had run by the pane\'s first render, or had only been fetched into the cache by a preload or prefetch)');
    // What the aim is about: everything the pane runs before its first render, lazy chunks included.
    const beforeRender = built.pane.lazy.filter((c) => (ran.get(c.id) ?? 0) * 2 > runs);
    const firstScreen = total('pane') + beforeRender.reduce((sum, c) => sum + c.gzip, 0);
    const sizeRatio = firstScreen / total('baseline');
    console.log();
    console.log(`Chromium ${browser.version()}, ${runs} runs each, fresh context per run; ms from navigation start to the first meaningful element in the DOM`);
    printTable(
      ['page', 'median ms', 'p90 ms', 'min ms', 'max ms'],
      (['pane', 'baseline'] as const).map((p) => [
        PAGES[p].label,
        fixed(median(times[p])),
        fixed(percentile(times[p], 90)),
        fixed(Math.min(...times[p])),
        fixed(Math.max(...times[p])),
      ]),
    );
    const paneMedian = median(times.pane);
    if (timeline) {
      for (const p of ['pane', 'baseline'] as const) {
        // The run whose first render is the median (the lower one of an even count).
        const load = [...loads[p]].sort((a, b) => a.ms - b.ms)[Math.floor((loads[p].length - 1) / 2)]!;
        console.log();
        console.log(`timeline of the median run, ${PAGES[p].label}:`);
        printTable(['ms', 'event'], [...load.events].sort((a, b) => a[1] - b[1]).map(([name, at]) => [fixed(at), name]));
      }
    }
    console.log();
    console.log(
      `JS+CSS run before the first render, gzip: ${kb(firstScreen)} (HTML ${kb(total('pane'))}` +
        `${beforeRender.map((c) => ` + ${c.name} ${kb(c.gzip)}`).join('')}) vs ${kb(total('baseline'))} = ${ratio(sizeRatio)} (aim <= ${SIZE_AIM}x: ${sizeRatio <= SIZE_AIM ? 'met' : 'NOT met'})`,
    );
    console.log(
      `first render, median: ${fixed(paneMedian)} ms vs ${fixed(median(times.baseline))} ms = ${ratio(paneMedian / median(times.baseline))}; ` +
        `p90 ${fixed(percentile(times.pane, 90))} vs ${fixed(percentile(times.baseline, 90))} ms (aim: pane median < ${RENDER_AIM_MS} ms: ${paneMedian < RENDER_AIM_MS ? 'met' : 'NOT met'})`,
    );
    console.log(loadLine());
  } finally {
    await browser?.close();
    await service.stop();
  }
}

runBench('taskpane', 600_000, main);
