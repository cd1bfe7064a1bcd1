/**
 * Builds browser scripts for tests with webpack's Node API into temporary directories, so tests
 * never touch `dist/` while others build there: the fake Office host (`buildHarness`) and the
 * production on-send bundle from the real `commands` config (`buildCommandsBundle`).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import webpack, { type Configuration } from 'webpack';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(config: Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

export interface BuiltHarness {
  /** The plain script that installs `Office`, `OfficeRuntime` and `window.__sealpostHarness`. */
  source: string;
  path: string;
  /** The temporary directory; the caller removes it. */
  dir: string;
}

/** Compiles test/e2e/harness/fake-office-host.ts into one classic script (no modules, no chunks). */
export async function buildHarness(): Promise<BuiltHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'sealpost-harness-'));
  await run({
    mode: 'development',
    context: root,
    target: ['web', 'es2020'],
    devtool: false,
    entry: './test/e2e/harness/fake-office-host.ts',
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: 'ts-loader',
        options: { transpileOnly: true, configFile: join(root, 'tsconfig.json'), compilerOptions: { noEmit: false } },
      }],
    },
    output: { path: dir, filename: 'fake-office-host.js', iife: true },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  const path = join(dir, 'fake-office-host.js');
  return { source: await readFile(path, 'utf8'), path, dir };
}

export interface BuiltCommands {
  /** The temporary directory with `launchevent.js` and `commands.html`; the caller removes it. */
  dir: string;
  launchevent: string;
  html: string;
}

/** The production build of webpack.config.js's `commands` config alone, written to a temp directory. */
export async function buildCommandsBundle(publicUrl = 'https://localhost:3000'): Promise<BuiltCommands> {
  const dir = await mkdtemp(join(tmpdir(), 'sealpost-commands-'));
  // A runtime import: the config is plain JavaScript without type declarations.
  const { commands } = (await import(pathToFileURL(join(root, 'webpack.config.js')).href)) as { commands: (mode: string, publicUrl?: string) => Configuration };
  const config = commands('production', publicUrl);
  await run({ ...config, output: { ...config.output, path: dir }, infrastructureLogging: { level: 'error' } });
  return {
    dir,
    launchevent: await readFile(join(dir, 'launchevent.js'), 'utf8'),
    html: await readFile(join(dir, 'commands.html'), 'utf8'),
  };
}
