// Completes pkg/ from what wasm-bindgen wrote (`--target web`: one module, one glue file):
//   esm/     the default entry: ES module, the wasm inline, instantiated at evaluation
//   node/    the same as CommonJS, for `require` and the `node` condition (Node, server renderers)
//   global/  the same as a classic script defining `window.NaverPayCheckout`
//   web/     the size-optimized ES module that fetches its .wasm beside it after `await init()`
//   v2/      PortOne V2 (naverpay-checkout/v2): ES module, and CommonJS in v2/node/, the wasm inline
//   testing/ the test kit (naverpay-checkout/testing): the PortOne simulators and the inspection rehearsal
//   server/  naverpay-checkout/server: PortOne's REST API for the merchant's server (verify-first)
// First the JavaScript snippets (js/error.js with the NaverPayError class, js/bridge.js with the
// value encoder, js/loader.js with the SDK loader) are inlined into the glue, and the wasm's imports
// and exports get short names; then each entry is bundled from that one glue by esbuild. Last,
// package.json, the declarations and the user README.
import { readFileSync, readdirSync, writeFileSync, copyFileSync, rmSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { shortenNames } from './shorten-names.mjs';
import { ALPHABET, PREFIXES, codeBytes, decode } from './entries/wasm-text.js';

// The folder wasm-bindgen wrote into (scripts/build.sh passes a fresh one each time): glue/ holds
// the module with every export (completed here, then moved out of the package by build.sh),
// glue-web/ the one without the server body builders.
const out = process.argv[2] ?? 'pkg';
const crate = 'naverpay_checkout';
const glueDir = join(out, 'glue');
const glue = join(glueDir, `${crate}.js`);
const wasmFile = join(glueDir, `${crate}_bg.wasm`);
const webGlueDir = join(out, 'glue-web');
// glue-v2/: PortOne V2's exports only (the /v2 entry).
const v2GlueDir = join(out, 'glue-v2');
// Every file in js/ is a snippet the wasm imports, and the glue must import each one once.
const SNIPPETS = readdirSync('js')
  .filter((f) => f.endsWith('.js'))
  .map((f) => f.slice(0, -3))
  .sort();

/** What a snippet imports of other snippets: `import { … } from './x.js';` lines. */
const SNIPPET_IMPORT = /^import \{[^}]+\} from '\.\/(\w+)\.js';\n/gm;

/**
 * A snippet as one statement binding its exports; its own names stay inside its function scope.
 * Its imports of other snippets (js/v2.js's) are dropped: the glue binds those names itself.
 */
function snippet(name) {
  const source = readFileSync(`js/${name}.js`, 'utf8').replace(SNIPPET_IMPORT, '');
  const exports = [...source.matchAll(/^export \{([^}]+)\};$/gm)];
  if (exports.length !== 1) throw new Error(`js/${name}.js must end with one \`export { … };\` statement`);
  const names = exports[0][1].trim().replace(/,?\s+/g, ', ');
  return `const { ${names} } = (() => {\n${source.replace(exports[0][0], `return { ${names} };`)}})();`;
}

/** `text` with `from` replaced exactly once; a glue that no longer has it fails the build. */
function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`the glue: expected ${what} once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * 1. A glue with the snippets inlined, the public error helpers exported, and short names. Every
 * module imports js/error.js, js/bridge.js and js/loader.js; only V2's imports js/v2.js.
 */
function completeGlue(dir) {
  const glue = join(dir, `${crate}.js`);
  const importLine = /^import \{ .+ \} from '\.\/snippets\/[^/]+\/js\/(\w+)\.js';$/;
  const found = [];
  const lines = readFileSync(glue, 'utf8')
    .split('\n')
    .map((line) => {
      const m = line.match(importLine);
      if (!m) return line;
      found.push(m[1]);
      return snippet(m[1]);
    });
  const expected = SNIPPETS.filter((s) => s !== 'v2' || found.includes('v2'));
  if (found.sort().join() !== expected.join()) {
    throw new Error(
      `${glue}: expected one import each of ${expected.map((s) => `js/${s}.js`).join(', ')}, got ${found}`,
    );
  }
  writeFileSync(glue, lines.join('\n') + 'export { NaverPayError, isNaverPayError };\n');
  rmSync(join(dir, 'snippets'), { recursive: true });
  shortenNames(join(dir, `${crate}_bg.wasm`), [glue], `./${crate}_bg.js`);
}
completeGlue(glueDir);
completeGlue(webGlueDir);
completeGlue(v2GlueDir);

/** The glue's public exports (functions, classes, the error helpers), `initSync` and `default` aside. */
function publicExports(text) {
  const names = [...text.matchAll(/^export (?:async )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
  for (const m of text.matchAll(/^export \{ (.+) \};$/gm)) {
    names.push(
      ...m[1].split(',').map((n) =>
        n
          .trim()
          .split(/\s+as\s+/)
          .at(-1),
      ),
    );
  }
  return names.filter((n) => n !== 'initSync' && n !== 'default').sort();
}
const PUBLIC = publicExports(readFileSync(glue, 'utf8'));

// 2. The web entry: the glue without the body builders, with calls before init() answered by
// NOT_INITIALIZED.
{
  let text = readFileSync(join(webGlueDir, `${crate}.js`), 'utf8');
  text = replaceOnce(
    text,
    '\nlet wasmModule, wasmInstance, wasm;\n',
    `\n${readFileSync('scripts/entries/web-guard.js', 'utf8')}let wasmModule, wasmInstance, wasm = NOT_INITIALIZED;\n`,
    'the declaration of `wasm`',
  );
  const initialised = text.split('if (wasm !== undefined) return wasm;').length - 1;
  if (initialised !== 2)
    throw new Error(`the web glue: expected initSync and __wbg_init each to test \`wasm !== undefined\``);
  text = text.replaceAll('if (wasm !== undefined) return wasm;', 'if (wasm !== NOT_INITIALIZED) return wasm;');
  // An instance is checked for the package's exports before the glue keeps it (web-guard.js).
  const exports = WebAssembly.Module.exports(
    new WebAssembly.Module(readFileSync(join(webGlueDir, `${crate}_bg.wasm`))),
  );
  text = replaceOnce(
    text,
    "'/* exports */'",
    JSON.stringify(exports.map((e) => e.name).join()),
    'the export list of web-guard.js',
  );
  text = replaceOnce(
    text,
    'function __wbg_finalize_init(instance, module) {\n',
    'function __wbg_finalize_init(instance, module) {\n    return acceptInstance(instance, module, finalizeInit);\n}\nfunction finalizeInit(instance, module) {\n',
    'the function that keeps an instance',
  );
  // Loaded as is by pages, so it ships minified; bundlers minify their own.
  buildSync({
    stdin: { contents: text, loader: 'js' },
    outfile: join(out, 'web', `${crate}.js`),
    minify: true,
    format: 'esm',
    logLevel: 'warning',
  });
  copyFileSync(join(webGlueDir, `${crate}_bg.wasm`), join(out, 'web', `${crate}_bg.wasm`));
}

/**
 * `dir`/wasm.js with `wasm` as scripts/entries/wasm-text.js's text (the bytes it holds most often
 * one character each, their set as WASM_SINGLES), and wasm-text.js beside it for the entry to
 * decode it with. The text is decoded here once: a build whose text is not the module fails.
 */
function writeWasmText(dir, wasm) {
  const count = new Array(256).fill(0);
  for (const b of wasm) count[b]++;
  const byFrequency = [...count.keys()].sort((x, y) => count[y] - count[x] || x - y);
  const single = ALPHABET.length - PREFIXES;
  const mask = new Array(64).fill(0);
  for (const b of byFrequency.slice(0, single)) mask[b >> 2] |= 1 << (b & 3);
  const singles = mask.map((digit) => digit.toString(16)).join('');
  const code = [];
  codeBytes(singles).forEach((b, k) => {
    code[b] =
      k < single
        ? ALPHABET[k]
        : ALPHABET[single + Math.floor((k - single) / ALPHABET.length)] + ALPHABET[(k - single) % ALPHABET.length];
  });
  const text = Array.from(wasm, (b) => code[b]).join('');
  if (!Buffer.from(decode(text, singles)).equals(wasm))
    throw new Error(`${dir}: the wasm's text does not decode to it`);
  writeFileSync(
    join(dir, 'wasm.js'),
    `export const WASM_TEXT = '${text}';\nexport const WASM_SINGLES = '${singles}';\n`,
  );
  copyFileSync('scripts/entries/wasm-text.js', join(dir, 'wasm-text.js'));
}

/** The documents of docs/ that the package carries in its own docs/, beside README.md. */
const SHIPPED_DOCS = ['inspection.md', 'rules.md'];

/**
 * `text`'s links between the documents of docs/ as the package lays them out, for a file in the
 * package's `folder` ('' or 'docs'): npm-readme.md and testing.md are its README.md (testing.md
 * as the section "Testing your checkout"), the SHIPPED_DOCS are in docs/.
 */
function packageLinks(text, folder) {
  return text.replace(/\]\((npm-readme|testing|inspection|rules)\.md(#[^)]*)?\)/g, (_, name, anchor = '') => {
    if (SHIPPED_DOCS.includes(`${name}.md`)) return `](${folder ? '' : 'docs/'}${name}.md${anchor})`;
    const section = anchor || (name === 'testing' ? '#testing-your-checkout' : '');
    return `](${folder ? '../README.md' : section ? '' : 'README.md'}${section})`;
  });
}

// 3. The inline entries: one source, bundled as an ES module, CommonJS and a classic script.
{
  writeWasmText(glueDir, readFileSync(wasmFile));
  const entry = join(glueDir, 'entry.js');
  writeFileSync(
    entry,
    readFileSync('scripts/entries/inline.js', 'utf8').replace('./glue.js', `./${crate}.js`) +
      `export { ${PUBLIC.join(', ')} } from './${crate}.js';\n`,
  );
  // Minified as /web is: the default entry must stay within 50 KB gzip; the exported names stay.
  const common = {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    target: 'es2020',
    logLevel: 'warning',
    // Only init() reads import.meta.url (for the .wasm beside it); these entries never call it.
    define: { 'import.meta.url': 'undefined' },
  };
  buildSync({ ...common, format: 'esm', outfile: join(out, 'esm', `${crate}.js`) });
  // platform node: esbuild then annotates the export names, which Node's `import` of CommonJS reads.
  buildSync({ ...common, format: 'cjs', platform: 'node', outfile: join(out, 'node', `${crate}.js`) });
  // The global is a property of globalThis, not a top-level `var` (esbuild's globalName): a page
  // may then write `const { NaverPayCheckout } = window.NaverPayCheckout;` in its own classic script.
  const global = join(glueDir, 'global.js');
  writeFileSync(global, `import * as api from './entry.js';\nglobalThis.NaverPayCheckout = { ...api };\n`);
  buildSync({ ...common, entryPoints: [global], format: 'iife', outfile: join(out, 'global', 'naverpay-checkout.js') });
  // node/ is CommonJS whatever the package's "type"; its declarations beside it are read as CommonJS too.
  writeFileSync(join(out, 'node', 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
}
rmSync(webGlueDir, { recursive: true });

// 3b. The V2 entry (naverpay-checkout/v2): V2's glue bundled as the default entry is, the wasm
// inline, as an ES module, as CommonJS and as a classic script (global/naverpay-checkout-v2.js,
// `window.NaverPayCheckoutV2`); its checkout class is `NaverPayCheckout` there too.
{
  const v2Glue = join(v2GlueDir, `${crate}.js`);
  writeWasmText(v2GlueDir, readFileSync(join(v2GlueDir, `${crate}_bg.wasm`)));
  const names = publicExports(readFileSync(v2Glue, 'utf8')).map((n) =>
    n === 'NaverPayCheckoutV2' ? 'NaverPayCheckoutV2 as NaverPayCheckout' : n,
  );
  const entry = join(v2GlueDir, 'entry.js');
  writeFileSync(
    entry,
    readFileSync('scripts/entries/inline.js', 'utf8').replace('./glue.js', `./${crate}.js`) +
      `export { ${names.join(', ')} } from './${crate}.js';\n`,
  );
  const common = {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    target: 'es2020',
    logLevel: 'warning',
    define: { 'import.meta.url': 'undefined' },
  };
  buildSync({ ...common, format: 'esm', outfile: join(out, 'v2', `${crate}.js`) });
  buildSync({ ...common, format: 'cjs', platform: 'node', outfile: join(out, 'v2', 'node', `${crate}.js`) });
  // The classic script: `window.NaverPayCheckoutV2`, beside V1's global/naverpay-checkout.js.
  const global = join(v2GlueDir, 'global.js');
  writeFileSync(global, `import * as api from './entry.js';\nglobalThis.NaverPayCheckoutV2 = { ...api };\n`);
  buildSync({
    ...common,
    entryPoints: [global],
    format: 'iife',
    outfile: join(out, 'global', 'naverpay-checkout-v2.js'),
  });
  writeFileSync(join(out, 'v2', 'node', 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
  // For resolvers that read no "exports" (Parcel 2 by default, TypeScript's node10): the folder
  // itself says where the subpath's module, CommonJS build and declarations are.
  writeFileSync(
    join(out, 'v2', 'package.json'),
    JSON.stringify(
      { type: 'module', main: `./node/${crate}.js`, module: `./${crate}.js`, types: '../v2.d.ts' },
      null,
      2,
    ) + '\n',
  );
  rmSync(v2GlueDir, { recursive: true });
}

// 4. package.json, declarations, README.
const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, 'm'))?.[1];
const repository = field('repository');

const manifest = {
  name: 'naverpay-checkout',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  keywords: ['naverpay', 'naver-pay', 'portone', 'iamport', 'payment', 'checkout', 'wasm'],
  repository: { type: 'git', url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  type: 'module',
  main: `./node/${crate}.js`,
  module: `./esm/${crate}.js`,
  types: './index.d.ts',
  // CDNs that mirror npm serve this file for the bare package URL (a classic <script src>).
  unpkg: './global/naverpay-checkout.js',
  jsdelivr: './global/naverpay-checkout.js',
  exports: {
    '.': {
      // One CommonJS build for Node's `require` and `import` alike: no second copy of the module
      // (and of NaverPayError) when both are used. Its declarations sit beside it, where
      // node/package.json makes TypeScript read them as CommonJS too.
      node: { types: `./node/${crate}.d.ts`, default: `./node/${crate}.js` },
      require: { types: `./node/${crate}.d.ts`, default: `./node/${crate}.js` },
      types: './index.d.ts',
      default: `./esm/${crate}.js`,
    },
    './web': {
      types: './web.d.ts',
      default: `./web/${crate}.js`,
    },
    './web/naverpay_checkout_bg.wasm': `./web/${crate}_bg.wasm`,
    './v2': {
      // As '.': the CommonJS build's declarations beside it, so that a CommonJS file under TypeScript's
      // node16 may `require` the entry (v2.d.ts, in a "type": "module" package, is typed as an ES module).
      node: { types: `./v2/node/${crate}.d.ts`, default: `./v2/node/${crate}.js` },
      require: { types: `./v2/node/${crate}.d.ts`, default: `./v2/node/${crate}.js` },
      types: './v2.d.ts',
      default: `./v2/${crate}.js`,
    },
    './global': './global/naverpay-checkout.js',
    './global/v2': './global/naverpay-checkout-v2.js',
    './package.json': './package.json',
  },
  // No "sideEffects": false. Each entry is one module whose evaluation instantiates its wasm (and,
  // for global/, defines the global); there is no unused module for a bundler to drop.
  files: ['esm', 'node', 'global', 'web', 'v2', 'index.d.ts', 'web.d.ts', 'v2.d.ts', 'README.md', 'docs'],
  engines: { node: '>=18' },
};

// 5. naverpay-checkout/testing: the test kit, Node only, outside every browser entry.
// testing/*.mjs and index.d.ts, with sim/imp.js and sim/rest.mjs beside them; testing/locations.mjs is the one
// file that names where those are, so its repository paths are rewritten for the package's layout.
{
  const dir = join(out, 'testing');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync('testing').filter((f) => f.endsWith('.mjs') || f.endsWith('.d.ts'))) {
    copyFileSync(join('testing', f), join(dir, f));
  }
  copyFileSync('sim/imp.js', join(dir, 'imp.js'));
  copyFileSync('sim/portone-v2.js', join(dir, 'portone-v2.js'));
  copyFileSync('sim/rest.mjs', join(dir, 'rest-simulator.mjs'));
  // The V2 simulator reads bodies with the V1 one's readBody: beside it, under its package name.
  const restV2 = readFileSync('sim/rest-v2.mjs', 'utf8');
  if (restV2.split("from './rest.mjs';").length !== 2)
    throw new Error("sim/rest-v2.mjs must import from './rest.mjs' once");
  writeFileSync(
    join(dir, 'rest-v2-simulator.mjs'),
    restV2.replace("from './rest.mjs';", "from './rest-simulator.mjs';"),
  );
  let locations = readFileSync('testing/locations.mjs', 'utf8');
  for (const [from, to] of [
    ["'../sim/rest.mjs'", "'./rest-simulator.mjs'"],
    ["'../sim/rest-v2.mjs'", "'./rest-v2-simulator.mjs'"],
    ["'../sim/imp.js'", "'./imp.js'"],
    ["'../sim/portone-v2.js'", "'./portone-v2.js'"],
    ["'../pkg/node/naverpay_checkout.js'", `'../node/${crate}.js'`],
    ["'../pkg/v2/node/naverpay_checkout.js'", `'../v2/node/${crate}.js'`],
  ]) {
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
// 6. naverpay-checkout/server: the PortOne REST clients, for servers only (they hold the REST secrets), outside every
// browser entry. server/*.mjs import the builders from the repository's pkg/node; here, from node/ beside them.
{
  const dir = join(out, 'server');
  mkdirSync(dir, { recursive: true });
  const from = "'../pkg/node/naverpay_checkout.js'";
  for (const f of readdirSync('server').filter((f) => f.endsWith('.mjs') || f.endsWith('.d.ts'))) {
    const text = readFileSync(join('server', f), 'utf8');
    if (text.split(from).length > 2) throw new Error(`server/${f} must import ${from} at most once`);
    writeFileSync(join(dir, f), text.replace(from, `'../node/${crate}.js'`));
  }
  manifest.exports['./server'] = { types: './server/index.d.ts', default: './server/index.mjs' };
  manifest.files.push('server');
}
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

for (const [from, to] of [
  ['types/index.d.ts', 'index.d.ts'],
  ['types/index.d.ts', `node/${crate}.d.ts`],
  ['types/web.d.ts', 'web.d.ts'],
  ['types/v2.d.ts', 'v2.d.ts'],
]) {
  copyFileSync(from, join(out, to));
}
// The V2 CommonJS build's declarations: v2.d.ts, taking V1's shared types from node/'s CommonJS-typed copy.
{
  const v2Types = readFileSync('types/v2.d.ts', 'utf8');
  if (v2Types.split("from './index.js';").length !== 4)
    throw new Error("types/v2.d.ts must import from './index.js' three times");
  writeFileSync(
    join(out, 'v2', 'node', `${crate}.d.ts`),
    v2Types.replaceAll("from './index.js';", `from '../../node/${crate}.js';`),
  );
}
// The user README: docs/npm-readme.md with docs/testing.md (whose examples tests/testing-kit.test.mjs
// runs as they are written) before its licence section; beside it in docs/, the two documents it
// links (docs/inspection.md and docs/rules.md), so that a reader of node_modules finds every link.
// The sources link each other as files of docs/; the links are rewritten for the package's layout.
{
  const readme = readFileSync('docs/npm-readme.md', 'utf8');
  const at = readme.indexOf('\n## Licence');
  if (at === -1) throw new Error('docs/npm-readme.md must end with a "## Licence" section');
  writeFileSync(
    join(out, 'README.md'),
    packageLinks(
      `${readme.slice(0, at + 1)}${readFileSync('docs/testing.md', 'utf8').trimEnd()}\n${readme.slice(at)}`,
      '',
    ),
  );
  mkdirSync(join(out, 'docs'));
  for (const doc of SHIPPED_DOCS) {
    writeFileSync(join(out, 'docs', doc), packageLinks(readFileSync(join('docs', doc), 'utf8'), 'docs'));
  }
}
