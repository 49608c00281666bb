// `node bench/compare.mjs <a> <b> [counts]`: two builds of the `/web` entry timed against each other, for
// changes too small for two separate runs of `npm run bench` to show. Each of <a> and <b> is a
// folder with naverpay_checkout.js and naverpay_checkout_bg.wasm, as scripts/build.sh leaves
// pkg/web/ (copy it aside before rebuilding). `validateNaverPay(cart(n), { mode: 'popup' })` of
// both and of the hand-written validator, at 1 and then 20 products (bench/cases.mjs `cart(n)`;
// `counts`, such as `20,1`, sets the carts and their order: what V8 sees first shapes the code it
// optimizes), interleaved batch by batch in one headless Chromium page and in one Node process;
// prints the median µs per call of each and the ratios to the hand-written validator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStaticServer } from '../tests/support/server.mjs';
import { launchBrowser } from '../tests/support/browser.mjs';
import { cart } from './cases.mjs';
import { validateNaverPay as handWritten } from './js-validator.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builds = process.argv.slice(2, 4).map((dir) => path.resolve(dir));
if (builds.length !== 2) {
  console.error('usage: node bench/compare.mjs <a> <b> [counts]  (two folders like pkg/web/; counts: 1,20)');
  process.exit(2);
}
const COUNTS = (process.argv[4] ?? '1,20').split(',').map(Number);
if (!COUNTS.every((n) => Number.isInteger(n) && n >= 1 && n <= 1000)) {
  console.error(`counts: whole numbers of products from 1 to 1000, such as 20,1 (not ${process.argv[4]})`);
  process.exit(2);
}
const ROUNDS = 40;
const WARM_UP = 5;

/**
 * Median µs per call of each of `fns` (an object of name → function of the cart), in rounds of one
 * batch each, after `WARM_UP` rounds. The same code runs in the page (passed as text).
 */
function timeEach(fns, n, rounds, warmUp, cartOf) {
  const params = cartOf(n);
  const calls = Math.ceil(800 / n);
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, f] of Object.entries(fns)) {
      const t0 = performance.now();
      for (let i = 0; i < calls; i++) f(params, { mode: 'popup' });
      if (round >= warmUp) times[name].push(((performance.now() - t0) * 1000) / calls);
    }
  }
  const median = (xs) => xs.sort((x, y) => x - y)[xs.length >> 1];
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

function print(where, n, t) {
  const ratio = (x) => `${(x / t.js).toFixed(2)}×`;
  console.log(
    `${where}, ${n} product${n > 1 ? 's' : ''}: a ${t.a.toFixed(2)} µs (${ratio(t.a)}), ` +
      `b ${t.b.toFixed(2)} µs (${ratio(t.b)}), hand-written ${t.js.toFixed(2)} µs; b ÷ a ${(t.b / t.a).toFixed(3)}`,
  );
}

// Node: both builds in this process, each its own module instance.
const node = [];
for (const dir of builds) {
  const m = await import(pathToFileURL(path.join(dir, 'naverpay_checkout.js')).href);
  m.initSync({ module: readFileSync(path.join(dir, 'naverpay_checkout_bg.wasm')) });
  node.push(m.validateNaverPay);
}
for (const n of COUNTS) {
  print('Node', n, timeEach({ a: node[0], b: node[1], js: handWritten }, n, ROUNDS, WARM_UP, cart));
}

// Chromium: one cross-origin-isolated page (5 µs timers) with both builds.
const server = await startStaticServer({
  root: ROOT,
  mounts: { '/__a': builds[0], '/__b': builds[1] },
  headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
});
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/__fixtures/blank.html`);
  for (const n of COUNTS) {
    const t = await page.evaluate(
      async ({ n, rounds, warmUp, timeEachText }) => {
        const load = async (dir) => {
          const m = await import(`${dir}/naverpay_checkout.js`);
          await m.default();
          return m.validateNaverPay;
        };
        const [a, b] = [await load('/__a'), await load('/__b')];
        const { cart } = await import('/bench/cases.mjs');
        const { validateNaverPay: js } = await import('/bench/js-validator.mjs');
        const timeEach = new Function(`return ${timeEachText}`)();
        return timeEach({ a, b, js }, n, rounds, warmUp, cart);
      },
      { n, rounds: ROUNDS, warmUp: WARM_UP, timeEachText: timeEach.toString() },
    );
    print('Chromium', n, t);
  }
} finally {
  await browser.close();
  await server.close();
}
