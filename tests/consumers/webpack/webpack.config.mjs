// webpack 5 as its documentation sets it up for a wasm-bindgen "bundler" package: nothing but
// `experiments.asyncWebAssembly`. index.html is copied into dist/ by a few lines below (a real
// app would use html-webpack-plugin; this keeps the app's dependencies to webpack itself).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

class CopyIndexHtml {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyIndexHtml', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyIndexHtml', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => compilation.emitAsset('index.html', new compiler.webpack.sources.RawSource(readFileSync(here('./src/index.html')))),
      );
    });
  }
}

export default {
  entry: here('./src/main.js'),
  output: { path: here('./dist'), filename: 'main.js', clean: true },
  experiments: { asyncWebAssembly: true },
  target: 'web',
  performance: { hints: false },
  plugins: [new CopyIndexHtml()],
};
