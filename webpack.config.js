// Builds the browser bundles into dist/web, served by the service under /static/.
// One entry per config; the add-in's task pane and on-send commands join `configs` below as
// their own entries (the commands bundle without React and without any dev-server client).
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';

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

export default (_env, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const configs = [portal(mode)];
  return configs;
};
