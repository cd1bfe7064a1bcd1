// Builds the browser bundles into dist/web, served by the service under /static/.
// One entry per config; the add-in's task pane and on-send commands join `configs` below as
// their own entries (the commands bundle without React and without any dev-server client).
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

const root = fileURLToPath(new URL('.', import.meta.url));
const outputPath = fileURLToPath(new URL('./dist/web/', import.meta.url));

/** What every browser bundle shares: TypeScript through ts-loader, hashed names, no source maps in production. */
function base(name, mode) {
  const production = mode === 'production';
  return {
    name,
    mode,
    context: root,
    target: 'web',
    // Never an eval-based source map: the portal's CSP has no 'unsafe-eval', even in development.
    devtool: production ? false : 'cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            // Type-checking is `tsc --noEmit` in the test command; the build only strips types.
            transpileOnly: true,
            configFile: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
            compilerOptions: { noEmit: false, sourceMap: !production },
          },
        },
      ],
    },
    output: {
      path: outputPath,
      publicPath: '/static/',
      filename: `${name}.[contenthash:16].js`,
      chunkFilename: `${name}-[id].[contenthash:16].js`,
      // Each config removes only its own earlier files, so configs never delete each other's.
      clean: { keep: (asset) => !asset.startsWith(name) },
    },
    optimization: { minimize: production },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/** The recipient portal: one page, `portal.html`, answered by the service for `/m/:id`. */
function portal(mode) {
  return {
    ...base('portal', mode),
    entry: { portal: './src/portal/index.tsx' },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/portal/portal.html',
        filename: 'portal.html',
        chunks: ['portal'],
        inject: 'body',
        // Only <script src defer>: the page's CSP has no 'unsafe-inline' and no script nonce.
        scriptLoading: 'defer',
      }),
    ],
  };
}

/**
 * The event runtime for Smart Alerts and launch events, with fixed names because the manifest
 * points at them: `addin/launchevent.js`, which classic Outlook on Windows runs on its own in a
 * JavaScript-only runtime (ECMAScript 2016, no module loader, no DOM), and `addin/commands.html`,
 * which loads Office.js and then that same file for the other clients. One IIFE, no chunks, no
 * runtime chunk, no dev-server client. `__SEALPOST_BASE_URL__` is where the JavaScript-only
 * runtime finds the service (it has no `location`): SEALPOST_PUBLIC_URL at build time.
 */
export function commands(mode, publicUrl = process.env.SEALPOST_PUBLIC_URL) {
  const config = base('commands', mode);
  const [tsRule] = config.module.rules;
  return {
    ...config,
    // That runtime is documented as ECMAScript 2016; TypeScript lowers async/await and spread.
    target: ['web', 'es2016'],
    entry: { launchevent: './src/addin/commands/commands.ts' },
    module: {
      rules: [{ ...tsRule, options: { ...tsRule.options, compilerOptions: { ...tsRule.options.compilerOptions, target: 'ES2016' } } }],
    },
    output: {
      path: fileURLToPath(new URL('./dist/web/addin/', import.meta.url)),
      publicPath: '',
      filename: 'launchevent.js',
      iife: true,
      chunkLoading: false,
      wasmLoading: false,
      // Fixed names are overwritten in place; the portal's and pane's files are not ours to clean.
      clean: false,
    },
    optimization: { ...config.optimization, splitChunks: false, runtimeChunk: false },
    devServer: { hot: false, liveReload: false, client: false },
    plugins: [
      new webpack.DefinePlugin({
        __SEALPOST_BASE_URL__: JSON.stringify((publicUrl || 'https://localhost:3000').replace(/\/+$/, '')),
      }),
      new HtmlWebpackPlugin({
        template: './src/addin/commands/commands.html',
        filename: 'commands.html',
        chunks: ['launchevent'],
        inject: 'body',
        // A plain <script src> after Office.js: the handlers associate at top level.
        scriptLoading: 'blocking',
      }),
    ],
  };
}

/**
 * The Outlook task pane (`addin/taskpane.html`) and its sign-in dialog page (`addin/auth-dialog.html`),
 * served by the service from dist/web/addin at /addin/. MSAL stays out of the pane's initial
 * bundle: the pane imports it dynamically, so it becomes a chunk loaded only for Azure AD sign-in.
 * So are the signed-in screens, each language's texts, the dark theme and the message bar: what the
 * first screen loads is measured against a bare React + Fluent page by bench/taskpane.ts.
 */
export function taskpane(mode) {
  const config = base('taskpane', mode);
  return {
    ...config,
    entry: {
      taskpane: './src/addin/taskpane/index.tsx',
      'auth-dialog': './src/addin/auth/dialog/auth-dialog.ts',
    },
    output: {
      ...config.output,
      path: fileURLToPath(new URL('./dist/web/addin/', import.meta.url)),
      publicPath: '/addin/',
      filename: '[name].[contenthash:16].js',
      chunkFilename: 'taskpane-[name].[contenthash:16].js',
      // Only this config's files; the commands bundle shares the folder.
      clean: { keep: (asset) => !/^(taskpane|auth-dialog)[.-]/.test(asset) },
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/addin/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        inject: 'body',
        // Deferred, so Office.js (a plain script in <head>) has run first.
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './src/addin/auth/dialog/auth-dialog.html',
        filename: 'auth-dialog.html',
        chunks: ['auth-dialog'],
        inject: 'body',
        scriptLoading: 'defer',
      }),
    ],
  };
}

export default (_env, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const configs = [portal(mode), commands(mode), taskpane(mode)];
  return configs;
};
