// Completes pkg/ after wasm-bindgen: inlines the NaverPayError class (js/error.js, which
// wasm-bindgen copies as a snippet) into the glue that imports it, so a page makes one request
// fewer before the wasm starts; exports it from each entry; writes package.json, the declarations
// and the README.
import { readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The folder wasm-bindgen wrote into (scripts/build.sh passes a fresh one each time).
const pkg = process.argv[2] ?? 'pkg';
const crate = 'naverpay_checkout';

const EXPORT_LINE = 'export { NaverPayError, isNaverPayError };';
const errorSource = readFileSync('js/error.js', 'utf8');
if (!errorSource.includes(EXPORT_LINE)) throw new Error(`js/error.js must end with ${EXPORT_LINE}`);
const errorClass = errorSource.replace(EXPORT_LINE, '');

/** Replaces the one line of `file` that imports the snippet with the class itself, then appends `tail`. */
function inlineSnippet(file, importLine, tail) {
  const source = readFileSync(file, 'utf8');
  const lines = source.split('\n');
  const at = lines.findIndex((l) => importLine.test(l));
  if (at < 0 || lines.findIndex((l, i) => i > at && importLine.test(l)) >= 0) {
    throw new Error(`${file}: expected exactly one import of the error snippet`);
  }
  lines.splice(at, 1, errorClass);
  writeFileSync(file, lines.join('\n') + tail);
}

// ES modules: the web entry and the bundler's _bg module construct the class; the bundler entry
// re-exports everything from _bg.
inlineSnippet(join(pkg, 'web', `${crate}.js`), /^import \{ NaverPayError \} from '\.\/snippets\//, `${EXPORT_LINE}\n`);
inlineSnippet(join(pkg, 'bundler', `${crate}_bg.js`), /^import \{ NaverPayError \} from '\.\/snippets\//, `${EXPORT_LINE}\n`);
{
  const entry = join(pkg, 'bundler', `${crate}.js`);
  writeFileSync(entry, readFileSync(entry, 'utf8') + `export { NaverPayError, isNaverPayError } from './${crate}_bg.js';\n`);
}
// Node: CommonJS throughout; `require` and `import` get this one build (no dual-package hazard).
inlineSnippet(join(pkg, 'node', `${crate}.js`), /^const \{ NaverPayError \} = require\(.*snippets\//,
  'exports.NaverPayError = NaverPayError;\nexports.isNaverPayError = isNaverPayError;\n');
writeFileSync(join(pkg, 'node', 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
for (const target of ['bundler', 'web', 'node']) rmSync(join(pkg, target, 'snippets'), { recursive: true });

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
