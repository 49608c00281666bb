// The demo shop for page tests: bundled from www/ with the repository's webpack config.
import webpack from 'webpack';
import webpackConfig from '../../webpack.config.js';

/** Bundles www/ into `outDir` (a private directory, so tests never race `npm start`'s dist/). */
export function bundleDemo(outDir) {
  const config = webpackConfig({}, { mode: 'production' });
  config.output.path = outDir;
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}
