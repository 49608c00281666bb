// Bundles the demo shop (www/) into dist/, taking `naverpay-checkout` from the built package in ./pkg
// exactly as a merchant's webpack 5 app takes it from node_modules: the default entry, no wasm setting.
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.join(here, 'www');

/** Copies the pages and the stylesheet next to the bundles (no plugin dependency for four files). */
class CopyStaticFiles {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('CopyStaticFiles', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyStaticFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of readdirSync(www).filter((f) => /\.(html|css|svg|ico)$/.test(f))) {
            const full = path.join(www, file);
            compilation.fileDependencies.add(full);
            compilation.emitAsset(file, new RawSource(readFileSync(full)));
          }
        },
      );
    });
  }
}

export default (env, argv) => ({
  mode: argv.mode ?? 'production',
  context: here,
  // No eval-based source maps: the page runs under a CSP without 'unsafe-eval'.
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: {
    app: './www/app.js',
    complete: './www/complete.js',
    subscribe: './www/subscribe.js',
    v2: './www/v2.js',
  },
  output: {
    path: path.join(here, 'dist'),
    filename: '[name].js',
    publicPath: '/',
    clean: true,
  },
  resolve: {
    alias: {
      'naverpay-checkout$': path.join(here, 'pkg'),
      // The V2 entry as package.json's exports give it to a bundler: the ES module.
      'naverpay-checkout/v2$': path.join(here, 'pkg/v2/naverpay_checkout.js'),
    },
  },
  performance: { hints: false },
  plugins: [new CopyStaticFiles()],
});
