// Completes pkg/ after wasm-bindgen: inlines the JavaScript snippets (js/error.js with the
// NaverPayError class, js/bridge.js with the value encoder, js/loader.js with the SDK loader),
// which wasm-bindgen copies beside the glue, into the glue that imports them, so a page makes no
// extra request before the wasm starts; gives the wasm's imports and exports short names; exports
// the error class from each entry; writes package.json, the declarations and the README.
import { readFileSync, readdirSync, writeFileSync, copyFileSync, rmSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { shortenNames } from './shorten-names.mjs';

// The folder wasm-bindgen wrote into (scripts/build.sh passes a fresh one each time).
const pkg = process.argv[2] ?? 'pkg';
const crate = 'naverpay_checkout';
const PUBLIC = 'NaverPayError, isNaverPayError';
// Every file in js/ is a snippet the wasm imports, and each glue file must import each one once.
const SNIPPETS = readdirSync('js').filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();

/** A snippet as one statement binding its exports; its own names stay inside its function scope. */
function snippet(name) {
  const source = readFileSync(`js/${name}.js`, 'utf8');
  const exports = [...source.matchAll(/^export \{ (.+) \};$/gm)];
  if (exports.length !== 1) throw new Error(`js/${name}.js must end with one \`export { … };\` line`);
  const names = exports[0][1];
  return `const { ${names} } = (() => {\n${source.replace(exports[0][0], `return { ${names} };`)}})();`;
}

/** Replaces each line of `file` that imports a snippet with the snippet itself, then appends `tail`. */
function inlineSnippets(file, tail) {
  const importLine = /^(?:import \{ .+ \} from '|const \{ .+ \} = require\(String\.raw`)\.\/snippets\/[^/]+\/js\/(\w+)\.js/;
  const found = [];
  const lines = readFileSync(file, 'utf8').split('\n').map((line) => {
    const m = line.match(importLine);
    if (!m) return line;
    found.push(m[1]);
    return snippet(m[1]);
  });
  if (found.sort().join() !== SNIPPETS.join()) {
    throw new Error(`${file}: expected one import each of ${SNIPPETS.map((s) => `js/${s}.js`).join(', ')}, got ${found}`);
  }
  writeFileSync(file, lines.join('\n') + tail);
}

// ES modules: the web entry and the bundler's _bg module hold the snippets; the bundler entry
// re-exports everything from _bg.
inlineSnippets(join(pkg, 'web', `${crate}.js`), `export { ${PUBLIC} };\n`);
inlineSnippets(join(pkg, 'bundler', `${crate}_bg.js`), `export { ${PUBLIC} };\n`);
{
  const entry = join(pkg, 'bundler', `${crate}.js`);
  writeFileSync(entry, readFileSync(entry, 'utf8') + `export { ${PUBLIC} } from './${crate}_bg.js';\n`);
}
// Node: CommonJS throughout; `require` and `import` get this one build (no dual-package hazard).
inlineSnippets(join(pkg, 'node', `${crate}.js`), 'exports.NaverPayError = NaverPayError;\nexports.isNaverPayError = isNaverPayError;\n');
writeFileSync(join(pkg, 'node', 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
for (const target of ['bundler', 'web', 'node']) rmSync(join(pkg, target, 'snippets'), { recursive: true });

// Short import and export names (scripts/shorten-names.mjs), in each module and the glue around it.
const glue = { web: [`${crate}.js`], bundler: [`${crate}.js`, `${crate}_bg.js`], node: [`${crate}.js`] };
for (const [target, files] of Object.entries(glue)) {
  shortenNames(join(pkg, target, `${crate}_bg.wasm`), files.map((f) => join(pkg, target, f)), `./${crate}_bg.js`);
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
// ---- naverpay-checkout/testing (issue 14): the test kit, Node only, outside every browser entry ----
// testing/*.mjs and index.d.ts, with sim/imp.js and sim/rest.mjs beside them; testing/locations.mjs is the one
// file that names where those are, so its repository paths are rewritten for the package's layout.
{
  const dir = join(pkg, 'testing');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync('testing').filter((f) => f.endsWith('.mjs') || f.endsWith('.d.ts'))) {
    copyFileSync(join('testing', f), join(dir, f));
  }
  copyFileSync('sim/imp.js', join(dir, 'imp.js'));
  copyFileSync('sim/rest.mjs', join(dir, 'rest-simulator.mjs'));
  let locations = readFileSync('testing/locations.mjs', 'utf8');
  for (const [from, to] of [["'../sim/rest.mjs'", "'./rest-simulator.mjs'"], ["'../sim/imp.js'", "'./imp.js'"],
    ["'../pkg/node/naverpay_checkout.js'", `'../node/${crate}.js'`]]) {
    if (locations.split(from).length !== 2) throw new Error(`testing/locations.mjs must name ${from} once`);
    locations = locations.replace(from, to);
  }
  writeFileSync(join(dir, 'locations.mjs'), locations);
  chmodSync(join(dir, 'cli.mjs'), 0o755);
  manifest.exports['./testing'] = { types: './testing/index.d.ts', default: './testing/index.mjs' };
  manifest.bin = { 'naverpay-checkout': './testing/cli.mjs' };
  manifest.peerDependencies = { 'playwright-core': '>=1.40' };
  manifest.peerDependenciesMeta = { 'playwright-core': { optional: true } };
  manifest.files.push('testing');
}
// ---- end of naverpay-checkout/testing ----

writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

for (const [from, to] of [['types/index.d.ts', 'index.d.ts'], ['types/index.d.ts', `node/${crate}.d.ts`],
  ['types/web.d.ts', 'web.d.ts'], ['README.md', 'README.md']]) {
  copyFileSync(from, join(pkg, to));
}
