// Completes pkg/ after wasm-bindgen: exports the NaverPayError class from each entry, makes the
// Node build CommonJS throughout, and writes package.json, the declarations and the README.
import { readFileSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

// The folder wasm-bindgen wrote into (scripts/build.sh passes a fresh one each time).
const pkg = process.argv[2] ?? 'pkg';
const crate = 'naverpay_checkout';
const errorModule = (target) => {
  const dir = readdirSync(join(pkg, target, 'snippets')).find((d) => d.startsWith('naverpay-checkout-'));
  if (!dir) throw new Error(`no snippet folder in ${pkg}/${target}`);
  return `./snippets/${dir}/js/error.js`;
};

// ES module entries: re-export the error class the wasm module constructs.
for (const target of ['bundler', 'web']) {
  const entry = join(pkg, target, `${crate}.js`);
  writeFileSync(entry, readFileSync(entry, 'utf8') +
    `export { NaverPayError, isNaverPayError } from '${errorModule(target)}';\n`);
}

// Node: wasm-bindgen's nodejs output is CommonJS and `require`s the snippet, so the snippet must be
// CommonJS too. Both `require` and `import` get this one build (no dual-package hazard).
{
  const snippet = join(pkg, 'node', errorModule('node'));
  const source = readFileSync(snippet, 'utf8');
  const esmExport = 'export { NaverPayError, isNaverPayError };';
  if (!source.includes(esmExport)) throw new Error('js/error.js must end with ' + esmExport);
  writeFileSync(snippet, source.replace(esmExport, 'module.exports = { NaverPayError, isNaverPayError };'));
  const entry = join(pkg, 'node', `${crate}.js`);
  writeFileSync(entry, readFileSync(entry, 'utf8') +
    `const __error = require('${errorModule('node')}');\n` +
    'exports.NaverPayError = __error.NaverPayError;\nexports.isNaverPayError = __error.isNaverPayError;\n');
  writeFileSync(join(pkg, 'node', 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
}

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, 'm'))?.[1];

const manifest = {
  name: 'naverpay-checkout',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  keywords: ['naverpay', 'naver-pay', 'portone', 'iamport', 'payment', 'checkout', 'wasm'],
  type: 'module',
  main: `./node/${crate}.js`,
  module: `./bundler/${crate}.js`,
  types: './index.d.ts',
  exports: {
    '.': {
      // The Node build is CommonJS: its declarations sit beside it, where node/package.json
      // makes TypeScript read them as CommonJS too (a `.cts` importing the package compiles).
      node: { types: `./node/${crate}.d.ts`, default: `./node/${crate}.js` },
      types: './index.d.ts',
      default: `./bundler/${crate}.js`,
    },
    './web': {
      types: './web.d.ts',
      default: `./web/${crate}.js`,
    },
    './web/naverpay_checkout_bg.wasm': `./web/${crate}_bg.wasm`,
    './package.json': './package.json',
  },
  // Instantiating the wasm is the bundler entry's one side effect; it touches no global.
  sideEffects: [`./bundler/${crate}.js`, `./bundler/${crate}_bg.js`],
  files: ['bundler', 'web', 'node', 'index.d.ts', 'web.d.ts', 'README.md'],
  engines: { node: '>=18' },
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

for (const [from, to] of [['types/index.d.ts', 'index.d.ts'], ['types/index.d.ts', `node/${crate}.d.ts`],
  ['types/web.d.ts', 'web.d.ts'], ['README.md', 'README.md']]) {
  copyFileSync(from, join(pkg, to));
}
