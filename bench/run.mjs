// `npm run bench`: size and start-up of each browser entry, validation speed, click-to-request_pay
// and memory, beside what a user would pick instead. Prints a table and writes BENCHMARKS.md.
// Needs the package built (npm run bench builds it first). Bounded: a watchdog ends it after 5 minutes.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { measure, entrySizes, TARGET_GZIP } from '../scripts/size.mjs';
import { startStaticServer } from '../tests/support/server.mjs';
import { launchBrowser } from '../tests/support/browser.mjs';
import { sections, functionSizes, crateOf } from '../scripts/wasm-sections.mjs';
import { cart } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const watchdog = setTimeout(() => {
  console.error('bench: still running after 5 minutes; giving up');
  process.exit(2);
}, 300_000);
watchdog.unref();

const STARTUP_LOADS = 30;
const loadAtStart = os.loadavg();
const CLICKS = 100;
const log = (...a) => console.error('bench:', ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const KB = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;
const us = (n) => `${n.toFixed(2)} µs`;

// ---- 0. the JS validator and the zod schema are equivalent to the package -------------------------------
for (let i = 0; !existsSync('pkg/node/naverpay_checkout.js') || !existsSync('pkg/web/naverpay_checkout_bg.wasm'); i++) {
  if (i === 30) throw new Error('pkg/ is missing: run `npm run build`');
  log('pkg/ is missing (being rebuilt?); waiting');
  await new Promise((r) => setTimeout(r, 2000));
}
log('equivalence tests: bench/js-validator.test.mjs, bench/zod-schema.test.mjs');
const runEq = () =>
  spawnSync(process.execPath, ['--test', 'bench/js-validator.test.mjs', 'bench/zod-schema.test.mjs'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 120_000,
  });
let eq = runEq();
if (eq.status !== 0) {
  log('equivalence tests failed; once more in 5 s in case pkg/ was being rebuilt');
  await new Promise((r) => setTimeout(r, 5000));
  eq = runEq();
}
const eqSummary = (eq.stdout.match(/^# (tests|pass|fail) \d+$/gm) ?? []).join(', ').replace(/# /g, '');
if (eq.status !== 0) {
  process.stdout.write(eq.stdout);
  throw new Error('the JS validator or the zod schema disagrees with the package');
}
log(eqSummary);

// ---- 1. size ---------------------------------------------------------------------------------------
// Everything below measures one copy of the browser entries, so a rebuild of pkg/ during the run changes nothing.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'npc-bench-'));
const WEB = path.join(tmp, 'web');
const ENTRY_FILES = [
  'web/naverpay_checkout_bg.wasm',
  'web/naverpay_checkout.js',
  'esm/naverpay_checkout.js',
  'global/naverpay-checkout.js',
  'v2/naverpay_checkout.js',
  'global/naverpay-checkout-v2.js',
];
for (let i = 0; ; i++) {
  try {
    for (const folder of ['web', 'esm', 'global', 'v2'])
      cpSync(`pkg/${folder}`, path.join(tmp, folder), { recursive: true });
    for (const f of ENTRY_FILES) readFileSync(path.join(tmp, f));
    break;
  } catch (e) {
    if (i === 30) throw e;
    log('pkg/ is incomplete (being rebuilt?); waiting');
    for (const folder of ['web', 'esm', 'global', 'v2'])
      rmSync(path.join(tmp, folder), { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 2000));
  }
}
const bundle = async (name, contents) => {
  const out = await esbuild.build({
    stdin: { contents, resolveDir: ROOT, sourcefile: `${name}.mjs`, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'error',
  });
  const code = Buffer.from(out.outputFiles[0].contents);
  writeFileSync(path.join(tmp, `${name}.js`), code);
  return code;
};
writeFileSync(path.join(tmp, 'empty.js'), 'export const ready = true;\n');
const entries = entrySizes(tmp);
const others = [
  [
    '@portone/browser-sdk loader',
    'portone',
    "import * as PortOne from '@portone/browser-sdk/v2';\nexport const pay = (request) => PortOne.requestPayment(request);\n",
  ],
  [
    '@stripe/stripe-js loader',
    'stripe',
    "import { loadStripe } from '@stripe/stripe-js';\nexport const load = (key) => loadStripe(key);\n",
  ],
  [
    'hand-written JS validator',
    'js-validator',
    "export { validateNaverPay, validateBillingKey, choosePayMode } from './bench/js-validator.mjs';\n",
  ],
  ['zod schema (zod 4 + rules)', 'zod-schema', "export { naverPaySchema } from './bench/zod-schema.mjs';\n"],
];
const otherSizes = [];
for (const [label, name, entry] of others) otherSizes.push([label, measure([await bundle(name, entry)])]);
const versions = Object.fromEntries(
  ['@portone/browser-sdk', '@stripe/stripe-js', 'zod', 'esbuild'].map((p) => [
    p,
    JSON.parse(readFileSync(`node_modules/${p}/package.json`, 'utf8')).version,
  ]),
);

// Where the wasm bytes are: the shipped module's sections, and function sizes from the same build
// re-bound with names kept (wasm-bindgen --keep-debug, wasm-opt -Oz -g: the shipped passes, names kept).
const shippedWasm = readFileSync(path.join(WEB, 'naverpay_checkout_bg.wasm'));
const wasmSections = sections(shippedWasm).filter((s) => s.size > 0);
let byCrate = null;
let topFunctions = null;
// scripts/build.sh keeps each variant's cargo output; glue-web is the module /web ships.
const cargoWasm = 'target/release-wasm/glue-web.wasm';
if (existsSync(cargoWasm)) {
  const bind = spawnSync(
    'wasm-bindgen',
    ['--target', 'web', '--keep-debug', '--no-typescript', '--out-dir', tmp, cargoWasm],
    { encoding: 'utf8' },
  );
  const named = path.join(tmp, 'named.wasm');
  // scripts/build.sh's passes, with the names kept (-g).
  const opt =
    bind.status === 0 &&
    spawnSync(
      'node_modules/.bin/wasm-opt',
      [
        '-Oz',
        '--converge',
        '--low-memory-unused',
        '-g',
        '--strip-producers',
        '--enable-bulk-memory',
        '--enable-nontrapping-float-to-int',
        '--enable-sign-ext',
        '--enable-mutable-globals',
        '--enable-reference-types',
        '--enable-multivalue',
        '-o',
        named,
        path.join(tmp, 'glue-web_bg.wasm'),
      ],
      { encoding: 'utf8' },
    );
  if (opt && opt.status === 0) {
    const fns = functionSizes(readFileSync(named));
    const groups = new Map();
    for (const f of fns) groups.set(crateOf(f.name), (groups.get(crateOf(f.name)) ?? 0) + f.size);
    byCrate = [...groups].sort((a, b) => b[1] - a[1]);
    topFunctions = fns.sort((a, b) => b.size - a.size).slice(0, 15);
  } else {
    log('could not rebuild a named wasm for the function listing:', bind.stderr || opt?.stderr);
  }
}

// ---- 2. the browser ----------------------------------------------------------------------------------
// Cross-origin isolated pages get 5 µs timers instead of 100 µs (everything here is same-origin).
const server = await startStaticServer({
  root: ROOT,
  mounts: { '/__bench': tmp },
  headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
});
const browser = await launchBrowser();
const chromiumVersion = browser.version();
const BLANK = `${server.url}/__fixtures/blank.html`;

// Start-up: a fresh context (empty HTTP and code caches) per load, no preload hints, from a blank
// page until the first validation has answered. Five kinds of load, interleaved: the default entry
// (import(), the wasm inline); the classic script (a <script src> until its global is there); the
// /web entry (import() → await init()); a one-line module in the same conditions (what any
// import() costs here); and /web from a page whose <head> has the preload hints the README shows,
// timed once the page has loaded.
log(
  `start-up: ${STARTUP_LOADS} fresh page loads each: default entry, classic script, /web, a one-line module, /web with preload hints`,
);
const KINDS = ['default', 'global', 'cold', 'empty', 'preload'];
writeFileSync(
  path.join(tmp, 'preload.html'),
  '<!doctype html><meta charset="utf-8"><title>preload</title>\n' +
    '<link rel="modulepreload" href="/__bench/web/naverpay_checkout.js">\n' +
    '<link rel="preload" href="/__bench/web/naverpay_checkout_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n',
);
const loads = Object.fromEntries(KINDS.map((k) => [k, []]));
for (let i = 0; i < KINDS.length * (STARTUP_LOADS + 2); i++) {
  const kind = KINDS[i % KINDS.length];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(kind === 'preload' ? `${server.url}/__bench/preload.html` : BLANK);
  if (kind === 'preload') {
    await page.waitForFunction(
      () => performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0).length >= 2,
    );
  }
  const before = server.requests.length;
  const t = await page.evaluate(async (kind) => {
    // When the response of `url` had fully arrived, from Resource Timing (the same clock).
    const arrived = (url) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(url))?.responseEnd;
    if (kind === 'empty') {
      const t0 = performance.now();
      await import('/__bench/empty.js');
      const total = performance.now() - t0;
      return { total, fetch: arrived('/__bench/empty.js') - t0 };
    }
    if (kind === 'default') {
      // The steps of the default entry's evaluation, timed by wrapping what it calls: it compiles and
      // instantiates two modules, the decoder (scripts/entries/wasm-text.js) and then the package's.
      const calls = { compile: [], instantiate: [] };
      const time = (owner, key, step) => {
        owner[key] = new Proxy(owner[key], {
          construct: (f, args, target) => {
            const start = performance.now();
            const out = Reflect.construct(f, args, target);
            calls[step].push([start, performance.now()]);
            return out;
          },
        });
      };
      time(WebAssembly, 'Module', 'compile');
      time(WebAssembly, 'Instance', 'instantiate');
      const url = '/__bench/esm/naverpay_checkout.js';
      const t0 = performance.now();
      const m = await import(url);
      const t1 = performance.now();
      if (m.validateNaverPay({}).ok !== false) throw new Error('not ready');
      const t2 = performance.now();
      const fetched = arrived(url);
      const [[decodeStart], compile] = calls.compile;
      const instantiate = calls.instantiate[1];
      return {
        total: t2 - t0,
        fetch: fetched - t0,
        // From the last byte until the decoder is compiled: the module's text parsed, the glue evaluated.
        parse: decodeStart - fetched,
        // The decoder compiled and run, until the package's module is compiled.
        decode: compile[0] - decodeStart,
        compile: compile[1] - compile[0],
        instantiate: instantiate[1] - instantiate[0],
        evaluate: t1 - instantiate[1],
        firstCall: t2 - t1,
      };
    }
    const t0 = performance.now();
    if (kind === 'global') {
      await new Promise((resolve, reject) => {
        const s = Object.assign(document.createElement('script'), {
          src: '/__bench/global/naverpay-checkout.js',
          onload: resolve,
          onerror: reject,
        });
        document.head.append(s);
      });
      if (window.NaverPayCheckout.validateNaverPay({}).ok !== false) throw new Error('not ready');
      return { total: performance.now() - t0 };
    }
    const m = await import('/__bench/web/naverpay_checkout.js');
    const t1 = performance.now();
    await m.default();
    const t2 = performance.now();
    if (m.validateNaverPay({}).ok !== false) throw new Error('not ready');
    return { total: t2 - t0, importJs: t1 - t0, init: t2 - t1 };
  }, kind);
  t.requests = server.requests.length - before;
  t.paths = server.requests.slice(before).map((r) => r.url.replace(/^\/__bench\/web\//, ''));
  if (i >= 2 * KINDS.length) loads[kind].push(t); // the first two of each warm the browser process up
  await context.close();
}
const startup = loads.cold;

/**
 * Microseconds per call of each runner on each cart (`{ 'name:n': [µs, …] }`): every runner must
 * accept every cart; batches sized to about 10 ms after a warm-up, then 30 interleaved rounds. Runs
 * in Node and, passed as source, in the page.
 */
function timeRunners(runners, carts) {
  for (const [name, run] of Object.entries(runners)) {
    for (const [n, p] of Object.entries(carts))
      if (run(p) !== true) throw new Error(`${name} refuses the ${n}-product cart`);
  }
  // Warm up, then size each batch to about 10 ms.
  const batch = {};
  for (const [name, run] of Object.entries(runners)) {
    for (const [n, p] of Object.entries(carts)) {
      let k = 16;
      for (;;) {
        const t0 = performance.now();
        for (let i = 0; i < k; i++) run(p);
        const dt = performance.now() - t0;
        if (dt >= 10) break;
        k = Math.ceil(k * Math.min(8, Math.max(1.5, 12 / Math.max(dt, 0.1))));
      }
      batch[`${name}:${n}`] = k;
    }
  }
  const samples = Object.fromEntries(Object.keys(batch).map((k) => [k, []]));
  for (let round = 0; round < 30; round++) {
    for (const [name, run] of Object.entries(runners)) {
      for (const [n, p] of Object.entries(carts)) {
        const k = batch[`${name}:${n}`];
        const t0 = performance.now();
        for (let i = 0; i < k; i++) run(p);
        samples[`${name}:${n}`].push(((performance.now() - t0) * 1000) / k);
      }
    }
  }
  return { samples, batch };
}

// Validation: the three validators in one page, interleaved rounds of timed batches. `wasm` is the
// /web entry, what the targets are measured on; `default` is the default entry (the wasm inline,
// with the server body builders) in the same rounds, for comparison.
log('validation: wasm (/web and the default entry), hand-written JS and zod, 1 and 20 products');
const vctx = await browser.newContext();
const vpage = await vctx.newPage();
await vpage.goto(BLANK);
const validation = await vpage.evaluate(
  async ({ carts, timer }) => {
    const npc = await import('/__bench/web/naverpay_checkout.js');
    await npc.default();
    const defaultEntry = await import('/__bench/esm/naverpay_checkout.js');
    const js = await import('/__bench/js-validator.js');
    const { naverPaySchema } = await import('/__bench/zod-schema.js');
    const options = { mode: 'popup' };
    const schema = naverPaySchema({ mode: 'popup', now: Date.now() });
    const runners = {
      wasm: (p) => npc.validateNaverPay(p, options).ok,
      default: (p) => defaultEntry.validateNaverPay(p, options).ok,
      js: (p) => js.validateNaverPay(p, options).ok,
      zod: (p) => schema.safeParse(p).success,
    };
    const { samples, batch } = (0, eval)(`(${timer})`)(runners, carts);
    return { samples, batch, isolated: self.crossOriginIsolated };
  },
  { carts: { 1: cart(1), 20: cart(20) }, timer: timeRunners.toString() },
);
await vctx.close();
const perCall = Object.fromEntries(Object.entries(validation.samples).map(([k, xs]) => [k, median(xs)]));
const bestCall = Object.fromEntries(Object.entries(validation.samples).map(([k, xs]) => [k, Math.min(...xs)]));
if (!validation.isolated) log('the validation page is not cross-origin isolated: timers are coarse');

// Click to payment window: a real click (CDP input) on a button whose handler calls checkout.pay();
// IMP.request_pay is wrapped to record performance.now() at entry. The simulator cancels at once.
log(`click to request_pay: ${CLICKS} clicks on each of two carts`);
const cctx = await browser.newContext();
const cpage = await cctx.newPage();
await cpage.goto(BLANK);
await cpage.evaluate(
  async ({ carts }) => {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/sim/imp.js';
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
    const original = window.IMP.request_pay;
    window.IMP.request_pay = function (...args) {
      window.__entered = performance.now();
      return original.apply(this, args);
    };
    window.IMP.__sim.configure({ navigate: false });
    window.IMP.__sim.setOutcome({ result: 'cancel', persist: true });
    const npc = await import('/__bench/web/naverpay_checkout.js');
    await npc.default();
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678', sdkUrl: '/sim/imp.js' });
    window.__records = [];
    window.__cart = 1;
    const button = document.createElement('button');
    button.id = 'pay';
    button.textContent = 'Naver Pay';
    button.addEventListener('click', async (event) => {
      const start = performance.now();
      window.__entered = null;
      const result = await checkout.pay(carts[window.__cart], { mode: 'popup' });
      window.__records.push({
        cart: window.__cart,
        timeStamp: event.timeStamp,
        start,
        entered: window.__entered,
        resolved: performance.now(),
        success: result.success,
        code: result.error_code,
      });
    });
    document.body.append(button);
  },
  { carts: { 1: cart(1), 20: cart(20) } },
);
for (const n of [1, 20]) {
  await cpage.evaluate((c) => {
    window.__cart = c;
  }, n);
  for (let i = 0; i < CLICKS; i++) {
    const before = await cpage.evaluate(() => window.__records.length);
    await cpage.click('#pay');
    await cpage.waitForFunction((k) => window.__records.length > k, before, { timeout: 10_000 });
  }
}
const records = await cpage.evaluate(() => window.__records);
const simCalls = await cpage.evaluate(() => window.IMP.__sim.calls.length);
await cctx.close();
if (records.some((r) => r.entered === null || r.success !== false) || simCalls !== records.length) {
  throw new Error(`click: request_pay was not entered on every click (${simCalls} calls, ${records.length} clicks)`);
}
const click = Object.fromEntries(
  [1, 20].map((n) => {
    const rs = records.filter((r) => r.cart === n);
    return [
      n,
      {
        handler: median(rs.map((r) => r.entered - r.start)),
        handlerP90: quantile(
          rs.map((r) => r.entered - r.start),
          0.9,
        ),
        event: median(rs.map((r) => r.entered - r.timeStamp)),
        n: rs.length,
      },
    ];
  }),
);

// Memory: wasm memory after the first calls, and after 100,000 validations and 10,000 redirect parses.
log('memory: 100,000 validations and 10,000 redirect parses');
const mctx = await browser.newContext();
const mpage = await mctx.newPage();
await mpage.goto(BLANK);
const memory = await mpage.evaluate(
  async ({ carts }) => {
    const npc = await import('/__bench/web/naverpay_checkout.js');
    const exports = await npc.default();
    const mem = exports.memory;
    const bad = {
      ...carts[1],
      amount: '14000',
      pg: 'kakaopay',
      naverPopUpMode: true,
      imp_secret: 'x',
      naverProducts: [{ ...carts[1].naverProducts[0], count: 0, categoryId: 'CD' }],
    };
    const inputs = [carts[1], bad, carts[20]];
    const at = (i) => (i % 100 === 99 ? carts[20] : i % 2 ? bad : carts[1]);
    const url =
      'https://shop.example/pay/complete?imp_uid=imp_123456789012&merchant_uid=order_0001&imp_success=false' +
      '&error_code=F400&error_msg=%EC%82%AC%EC%9A%A9%EC%9E%90%EA%B0%80+%EA%B2%B0%EC%A0%9C%EB%A5%BC+%EC%B7%A8%EC%86%8C' +
      '%ED%95%98%EC%85%A8%EC%8A%B5%EB%8B%88%EB%8B%A4&legacy=%B0%A1%B3%AA#frag';
    const start = mem.buffer.byteLength;
    for (const p of inputs) npc.validateNaverPay(p, { mode: 'popup' });
    npc.parseRedirectResult(url);
    const afterFirst = mem.buffer.byteLength;
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) npc.validateNaverPay(at(i), { mode: 'popup' });
    const afterValidations = mem.buffer.byteLength;
    for (let i = 0; i < 10_000; i++) npc.parseRedirectResult(url);
    const afterParses = mem.buffer.byteLength;
    const parsed = npc.parseRedirectResult(url);
    return {
      start,
      afterFirst,
      afterValidations,
      afterParses,
      seconds: (performance.now() - t0) / 1000,
      parsedOk: parsed.error_msg === '사용자가 결제를 취소하셨습니다' && parsed.raw.legacy === '가나',
    };
  },
  { carts: { 1: cart(1), 20: cart(20) } },
);
await mctx.close();
await browser.close();
await server.close();
rmSync(tmp, { recursive: true, force: true });
if (!memory.parsedOk) throw new Error('parseRedirectResult gave an unexpected result in the memory run');

// Validation in Node: the package's CommonJS build (what `require` and Node's `import` get) and the
// hand-written validator, the same carts and rounds as in the page.
log(`validation in Node ${process.version}: the package (pkg/node) and the hand-written validator`);
const nodePackage = createRequire(import.meta.url)(path.join(ROOT, 'pkg/node/naverpay_checkout.js'));
const jsValidator = await import('./js-validator.mjs');
const nodeValidation = timeRunners(
  {
    wasm: (p) => nodePackage.validateNaverPay(p, { mode: 'popup' }).ok,
    js: (p) => jsValidator.validateNaverPay(p, { mode: 'popup' }).ok,
  },
  { 1: cart(1), 20: cart(20) },
);
const nodePerCall = Object.fromEntries(Object.entries(nodeValidation.samples).map(([k, xs]) => [k, median(xs)]));
const nodeBest = Object.fromEntries(Object.entries(nodeValidation.samples).map(([k, xs]) => [k, Math.min(...xs)]));
const PAGE = 65536;
const growthPages = (memory.afterParses - memory.afterFirst) / PAGE;

// ---- 3. the report -----------------------------------------------------------------------------------
const cpuModel =
  (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) ?? [])[1] ??
  os.cpus()[0]?.model ??
  'unknown';
const machine = [
  ['CPU', `${cpuModel.trim()}`],
  ['cores', `${os.cpus().length}`],
  ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
  ['OS', `${os.type()} ${os.release()} ${os.arch()}`],
  ['Node', process.version],
  ['Chromium', `${chromiumVersion} (headless, ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'})`],
  ['date', new Date().toISOString()],
  [
    'load average (1, 5, 15 min) at start / end',
    `${loadAtStart.map((x) => x.toFixed(1)).join(', ')} / ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}`,
  ],
];
const sizeRow = (label, m) => `| ${label} | ${KB(m.raw)} | ${KB(m.gzip)} | ${KB(m.brotli)} |`;
const st = {
  total: median(startup.map((s) => s.total)),
  p10: quantile(
    startup.map((s) => s.total),
    0.1,
  ),
  p90: quantile(
    startup.map((s) => s.total),
    0.9,
  ),
  importJs: median(startup.map((s) => s.importJs)),
  init: median(startup.map((s) => s.init)),
  requests: median(startup.map((s) => s.requests)),
  empty: median(loads.empty.map((s) => s.total)),
  emptyP10: quantile(
    loads.empty.map((s) => s.total),
    0.1,
  ),
  emptyP90: quantile(
    loads.empty.map((s) => s.total),
    0.9,
  ),
  preload: median(loads.preload.map((s) => s.total)),
  preloadP10: quantile(
    loads.preload.map((s) => s.total),
    0.1,
  ),
  preloadP90: quantile(
    loads.preload.map((s) => s.total),
    0.9,
  ),
  preloadRequests: median(loads.preload.map((s) => s.requests)),
};
const ratio = (a, b) => `${(perCall[a] / perCall[b]).toFixed(2)}×`;
const gap = (value, target, unit, lowerIsBetter = true) => {
  const d = value - target;
  const met = lowerIsBetter ? value <= target : value >= target;
  return met ? `met (${Math.abs(d).toFixed(2)} ${unit} to spare)` : `**missed by ${Math.abs(d).toFixed(2)} ${unit}**`;
};
const ratioGap = (r, target) =>
  r <= target ? `met (${(target / r).toFixed(2)}× headroom)` : `**needs a ${(r / target).toFixed(2)}× speed-up**`;
const [sizeDefault, sizeGlobal, sizeWeb] = entries.map((e) => e.size.gzip / 1024);
const coldDefault = median(loads.default.map((s) => s.total));
const coldGlobal = median(loads.global.map((s) => s.total));
const targets = [
  [
    'default entry (esm/, wasm inline), gzip -9',
    `${sizeDefault.toFixed(1)} KB`,
    `≤ ${TARGET_GZIP.default / 1024} KB`,
    gap(sizeDefault, TARGET_GZIP.default / 1024, 'KB'),
  ],
  [
    'classic script (global/), gzip -9',
    `${sizeGlobal.toFixed(1)} KB`,
    `≤ ${TARGET_GZIP.default / 1024} KB`,
    gap(sizeGlobal, TARGET_GZIP.default / 1024, 'KB'),
  ],
  [
    '/web entry .wasm + JS, gzip -9',
    `${sizeWeb.toFixed(1)} KB`,
    `≤ ${TARGET_GZIP.web / 1024} KB`,
    gap(sizeWeb, TARGET_GZIP.web / 1024, 'KB'),
  ],
  [
    'cold start-up median, default entry (import() → first validation)',
    ms(coldDefault),
    '≤ 25 ms',
    gap(coldDefault, 25, 'ms'),
  ],
  [
    'cold start-up median, classic script (<script src> → first validation)',
    ms(coldGlobal),
    '≤ 25 ms',
    gap(coldGlobal, 25, 'ms'),
  ],
  [
    'cold start-up median, /web (import() → init() done)',
    ms(st.total),
    '—',
    'size-optimized entry; preload hints recommended',
  ],
  ["start-up median, /web, page with the README's preload hints", ms(st.preload), '< 10 ms', gap(st.preload, 10, 'ms')],
  ...[1, 20].map((n) => [
    `validation, ${n} product${n > 1 ? 's' : ''}: wasm ÷ zod`,
    ratio(`wasm:${n}`, `zod:${n}`),
    '< 1× (faster than zod)',
    ratioGap(perCall[`wasm:${n}`] / perCall[`zod:${n}`], 1),
  ]),
  ...[1, 20].map((n) => [
    `validation, ${n} product${n > 1 ? 's' : ''}: wasm ÷ hand-written JS`,
    ratio(`wasm:${n}`, `js:${n}`),
    '≤ 2×',
    ratioGap(perCall[`wasm:${n}`] / perCall[`js:${n}`], 2),
  ]),
  ...[1, 20].map((n) => [
    `click → request_pay median, ${n} product${n > 1 ? 's' : ''}`,
    ms(click[n].handler),
    '< 1 ms',
    gap(click[n].handler, 1, 'ms'),
  ]),
  ['wasm memory growth', `${growthPages} pages`, '≤ 1 page (none expected)', gap(growthPages, 1, 'pages')],
  ...[
    ['default entry (esm/, wasm inline), gzip -9 (issue 21)', sizeDefault, 45],
    ['/web entry .wasm + JS, gzip -9 (issue 21)', sizeWeb, 34],
  ].map(([label, size, target]) => [label, `${size.toFixed(2)} KB`, `≤ ${target} KB`, gap(size, target, 'KB')]),
  [
    'cold start-up median, default entry, less the one-line-module baseline (issue 21)',
    ms(coldDefault - st.empty),
    '≤ 10 ms',
    gap(coldDefault - st.empty, 10, 'ms'),
  ],
  ...[
    [1, 1],
    [20, 1.2],
  ].map(([n, target]) => [
    `validation, ${n} product${n > 1 ? 's' : ''}: wasm ÷ hand-written JS (issue 21)`,
    ratio(`wasm:${n}`, `js:${n}`),
    `≤ ${target}×`,
    ratioGap(perCall[`wasm:${n}`] / perCall[`js:${n}`], target),
  ]),
  ...[1, 20].map((n) => [
    `validation, ${n} product${n > 1 ? 's' : ''}: default entry ÷ hand-written JS`,
    ratio(`default:${n}`, `js:${n}`),
    '—',
    'for comparison: the rows above measure /web',
  ]),
  ...[1, 20].map((n) => [
    `validation in Node, ${n} product${n > 1 ? 's' : ''}: wasm ÷ hand-written JS (issue 21)`,
    `${(nodePerCall[`wasm:${n}`] / nodePerCall[`js:${n}`]).toFixed(2)}×`,
    '≤ 1.3×',
    ratioGap(nodePerCall[`wasm:${n}`] / nodePerCall[`js:${n}`], 1.3),
  ]),
];

const lines = [];
lines.push('# Benchmarks', '');
lines.push(
  'Written by `npm run bench` (bench/run.mjs); do not edit by hand. Numbers are from one run on the machine below.',
  '',
);
lines.push('## Machine', '', '| | |', '|---|---|', ...machine.map(([k, v]) => `| ${k} | ${v} |`), '');
// The load at the start tells of other work; the bench's own browser raises it during the run.
if (loadAtStart[0] > os.cpus().length) {
  lines.push(
    `**The machine was busy when this run began** (1-minute load average ${loadAtStart[0].toFixed(1)} on ${os.cpus().length} cores: other work ran at the same time). ` +
      'Absolute timings are inflated and noisy; sizes, memory, and the ratios between validators measured in the same page are the more telling figures. ' +
      'The start-up table gives a baseline measured in the same conditions.',
    '',
  );
}
lines.push(
  '## Targets (issues 6, 11 and 21)',
  '',
  '| measure | figure | target | gap |',
  '|---|---|---|---|',
  ...targets.map((r) => `| ${r.join(' | ')} |`),
  '',
);
lines.push(
  '## Size',
  '',
  'What a page downloads. Ours: each browser entry of the package, every `.js` and `.wasm` file of its folder, measured as `scripts/size.mjs` does ' +
    '(the default entry and the classic script carry the wasm inline as text, `scripts/entries/wasm-text.js`; `/web` fetches its `.wasm`).',
  'The others: each bundled from an app-like entry by esbuild ' +
    versions.esbuild +
    ' (`--bundle --minify --format=esm`, browser, es2020).',
  'gzip at level 9 and brotli at quality 11, each file on its own.',
  '',
  '| | raw | gzip -9 | brotli |',
  '|---|---:|---:|---:|',
  ...entries.map((e) => sizeRow(`**naverpay-checkout ${e.name}**`, e.size)),
  ...otherSizes.map(([label, m]) => sizeRow(label, m)),
  '',
);
lines.push(
  `Versions: @portone/browser-sdk ${versions['@portone/browser-sdk']} (entry \`import * as PortOne from '@portone/browser-sdk/v2'\`, ` +
    `\`PortOne.requestPayment\`), @stripe/stripe-js ${versions['@stripe/stripe-js']} (\`loadStripe\`), zod ${versions.zod} (\`import { z } from 'zod'\`). ` +
    "Both loaders only inject their vendor's SDK script, which then downloads far more; so does ours (PortOne V1 `iamport.js`), " +
    'and none of those CDN scripts is counted here. The hand-written validator and the zod schema do validation only ' +
    '(the wasm also parses redirects, loads the SDK, drives `pay()` and builds server bodies).',
  '',
);
lines.push(
  '### Where the wasm bytes are',
  '',
  `Sections of the module \`/web\` fetches (the inline entries' module adds the server body builders): ${wasmSections.map((s) => `${s.name} ${KB(s.size)}`).join(', ')}.`,
  '',
);
if (byCrate) {
  lines.push(
    'Function bodies by crate (the same build re-bound with names kept: `wasm-bindgen --keep-debug`, `wasm-opt -Oz -g`):',
    '',
    '| crate | code |',
    '|---|---:|',
    ...byCrate.slice(0, 10).map(([c, n]) => `| ${c} | ${KB(n)} |`),
    '',
    'Largest functions:',
    '',
    '| function | bytes |',
    '|---|---:|',
    ...topFunctions.map(
      (f) =>
        `| \`${f.name
          .replace(/::h[0-9a-f]{16}$/, '')
          .replace(/\[[0-9a-f]{8,}\]/g, '')
          .replace(/\|/g, '\\|')
          .slice(0, 110)}\` | ${f.size} |`,
    ),
    '',
  );
}
const row = (label, xs) => `| ${label} | ${ms(median(xs))} | ${ms(quantile(xs, 0.1))} | ${ms(quantile(xs, 0.9))} |`;
lines.push(
  '## Start-up',
  '',
  `Headless Chromium, loopback HTTP (\`Cache-Control: no-store\`), a fresh browser context per load (empty caches), no preload hints unless said, ` +
    `${startup.length} loads of each kind after 2 warm-up loads, interleaved. Timed in the page until the package has answered a first validation.`,
  '',
  '| | median | p10 | p90 |',
  '|---|---:|---:|---:|',
  row(
    "default entry: `import('…/esm/naverpay_checkout.js')` (fetch, decode, compile and instantiate at evaluation) → `validateNaverPay`",
    loads.default.map((s) => s.total),
  ),
  row(
    "classic script: `<script src='…/global/naverpay-checkout.js'>` loaded → `NaverPayCheckout.validateNaverPay`",
    loads.global.map((s) => s.total),
  ),
  `| /web: import() → init() done | ${ms(st.total)} | ${ms(st.p10)} | ${ms(st.p90)} |`,
  `| of which import() of the JS glue | ${ms(st.importJs)} | | |`,
  `| of which init() (fetch + compile + instantiate the .wasm) | ${ms(st.init)} | | |`,
  `| baseline: import() of a one-line module, same conditions | ${ms(st.empty)} | ${ms(st.emptyP10)} | ${ms(st.emptyP90)} |`,
  `| import() → init() done, less the baseline median | ${ms(st.total - st.empty)} | | |`,
  `| import() → init() done, page with preload hints | ${ms(st.preload)} | ${ms(st.preloadP10)} | ${ms(st.preloadP90)} |`,
  '',
  "Where the default entry's cold start goes, in the same loads (medians of each step; the steps of one load add up to its total, " +
    "the medians nearly so). Timed in the page: the fetch until the response's last byte (Resource Timing), then the wrapped calls the entry " +
    'makes at evaluation: `new WebAssembly.Module` and `new WebAssembly.Instance`, of the decoder (scripts/entries/wasm-text.js) and then of the package.',
  '',
  '| step | default entry | one-line module (baseline) | difference |',
  '|---|---:|---:|---:|',
  ...[
    ['fetch (`import()` → last byte)', 'fetch', median(loads.empty.map((s) => s.fetch))],
    ['parse (last byte → the decoder compiles: the text parsed, the glue evaluated)', 'parse', 0],
    ["decode (the decoder's module compiled and run: text → bytes)", 'decode', 0],
    ["compile (the package's `new WebAssembly.Module`)", 'compile', 0],
    ["instantiate (`new WebAssembly.Instance`, the wasm's start)", 'instantiate', 0],
    [
      'rest of evaluation (after instantiation → `import()` resolves)',
      'evaluate',
      median(loads.empty.map((s) => s.total - s.fetch)),
    ],
    ['first call (`validateNaverPay({})`)', 'firstCall', 0],
    ['total', 'total', st.empty],
  ].map(([label, key, base]) => {
    const value = median(loads.default.map((s) => s[key]));
    return `| ${label} | ${ms(value)} | ${base ? ms(base) : ''} | ${ms(value - base)} |`;
  }),
  '',
  `The default entry and the classic script are one request each. /web makes ${st.requests} per load (${startup[0].paths.map((x) => `\`${x}\``).join(', ')}), one after another: ` +
    "the glue's static import is found only once the glue has arrived, and `init()` fetches the .wasm only after both are evaluated. " +
    'In a fresh context each request also waits a few milliseconds for its connection, which the one-line module pays too.',
  '',
  'With the preload hints (`<link rel="modulepreload">` for the glue and `<link rel="preload" as="fetch" crossorigin>` for the .wasm, ' +
    'as the README shows) both files arrive while the page loads; `import()` and `init()` then only compile and instantiate: ' +
    `${st.preloadRequests} requests during the timed part.`,
  '',
);
lines.push(
  '## Validation',
  '',
  "One page, the same run: `validateNaverPay(cart, { mode: 'popup' })` of the package (wasm: the /web entry, which the targets measure; " +
    'default: the default entry, the wasm inline), the hand-written validator with the same call, and ' +
    '`schema.safeParse(cart)` of the zod schema (built once). Valid carts with every optional product field (bench/cases.mjs `cart(n)`). ' +
    'Batches of about 10 ms timed with `performance.now()`, 30 interleaved rounds; the median per call, and the fastest batch (least disturbed by other processes).',
  '',
  '| cart | | wasm | default | hand-written JS | zod | wasm ÷ JS | default ÷ JS | wasm ÷ zod |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...[1, 20].flatMap((n) => [
    `| ${n} product${n > 1 ? 's' : ''} | median | ${us(perCall[`wasm:${n}`])} | ${us(perCall[`default:${n}`])} | ${us(perCall[`js:${n}`])} | ${us(perCall[`zod:${n}`])} | ${ratio(`wasm:${n}`, `js:${n}`)} | ${ratio(`default:${n}`, `js:${n}`)} | ${ratio(`wasm:${n}`, `zod:${n}`)} |`,
    `| | fastest batch | ${us(bestCall[`wasm:${n}`])} | ${us(bestCall[`default:${n}`])} | ${us(bestCall[`js:${n}`])} | ${us(bestCall[`zod:${n}`])} | ${(bestCall[`wasm:${n}`] / bestCall[`js:${n}`]).toFixed(2)}× | ${(bestCall[`default:${n}`] / bestCall[`js:${n}`]).toFixed(2)}× | ${(bestCall[`wasm:${n}`] / bestCall[`zod:${n}`]).toFixed(2)}× |`,
  ]),
  '',
  `Equivalence: ${eqSummary} (bench/js-validator.test.mjs: same codes, fields, messages, mode and request as the package on ${'>'}400 table cases and 3,000 seeded random ones; bench/zod-schema.test.mjs: zod accepts and refuses the same).`,
  '',
);
lines.push(
  '## Validation in Node',
  '',
  `Node ${process.version}, this process: \`validateNaverPay(cart, { mode: 'popup' })\` of the package's CommonJS build (pkg/node, what \`require\` and Node's \`import\` get) ` +
    'and of the hand-written validator, the same carts, batches and rounds as in the page.',
  '',
  '| cart | | wasm | hand-written JS | wasm ÷ JS |',
  '|---|---|---:|---:|---:|',
  ...[1, 20].flatMap((n) => [
    `| ${n} product${n > 1 ? 's' : ''} | median | ${us(nodePerCall[`wasm:${n}`])} | ${us(nodePerCall[`js:${n}`])} | ${(nodePerCall[`wasm:${n}`] / nodePerCall[`js:${n}`]).toFixed(2)}× |`,
    `| | fastest batch | ${us(nodeBest[`wasm:${n}`])} | ${us(nodeBest[`js:${n}`])} | ${(nodeBest[`wasm:${n}`] / nodeBest[`js:${n}`]).toFixed(2)}× |`,
  ]),
  '',
);
lines.push(
  '## Click to payment window',
  '',
  `A real click (Playwright, CDP input) on a button whose handler calls \`checkout.pay(cart, { mode: 'popup' })\` after \`NaverPayCheckout.load\` with the offline simulator (sim/imp.js, outcome \`cancel\`, persistent). ` +
    `\`IMP.request_pay\` is wrapped to record \`performance.now()\` at entry. ${CLICKS} clicks per cart.`,
  '',
  '| cart | handler start → request_pay (median) | p90 | event.timeStamp → request_pay (median) |',
  '|---|---:|---:|---:|',
  ...[1, 20].map(
    (n) =>
      `| ${n} product${n > 1 ? 's' : ''} | ${ms(click[n].handler)} | ${ms(click[n].handlerP90)} | ${ms(click[n].event)} |`,
  ),
  '',
  "The last column adds the browser's own input dispatch, which the package cannot change. " +
    `Timer resolution: ${validation.isolated ? '5 µs (cross-origin isolated page)' : '100 µs (page not cross-origin isolated)'}.`,
  '',
);
lines.push(
  '## Memory',
  '',
  'The `memory` export (`init()` returns the wasm exports) in a fresh page: its size after the first calls (one validation each of a valid ' +
    '1-product cart, an invalid one, a 20-product cart, and one redirect parse), then after 100,000 validations (valid and invalid 1-product carts in turn, every 100th a 20-product cart) ' +
    `and 10,000 redirect parses (a URL with percent-encoded UTF-8 and EUC-KR). Took ${memory.seconds.toFixed(1)} s.`,
  '',
  '| | bytes | 64 KiB pages |',
  '|---|---:|---:|',
  ...[
    ['before any call', memory.start],
    ['after the first calls', memory.afterFirst],
    ['after 100,000 validations', memory.afterValidations],
    ['after 10,000 redirect parses', memory.afterParses],
  ].map(([k, v]) => `| ${k} | ${v} | ${v / PAGE} |`),
  '',
  `Growth after the first calls: **${growthPages} pages**.`,
  '',
);

const report = lines.join('\n');
writeFileSync('BENCHMARKS.md', report);
console.log(report);
log('wrote BENCHMARKS.md');
