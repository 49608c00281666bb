// `node bench/call-steps.mjs` (after scripts/build.sh): where the time of one
// `validateNaverPay(cart, { mode: 'popup' })` goes, step by step, in Node. The complete glue that
// scripts/build.sh leaves in target/glue/ is copied with timers around what it calls of
// js/bridge.js and how it passes the texts (`performance.now()` each side of a step: a few tens of
// nanoseconds added to each), and run on bench/cases.mjs `cart(1)` and `cart(20)`: in Node as it
// is (no `navigator`), and with a `navigator` like headless Chromium's, whose device every call
// reads (and checks the forced popup against). Prints a Markdown table of µs per call, the fastest
// of 7 rounds; the wasm's share is what the timed steps leave of the whole call.
import path from 'node:path';
import { readFileSync, writeFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cart } from './cases.mjs';
import * as handWritten from './js-validator.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GLUE = `${ROOT}/target/glue`; // scripts/build.sh leaves it there
const CHROMIUM_NAVIGATOR = {
  userAgent:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  maxTouchPoints: 0,
  userAgentData: { mobile: false },
};
const STEPS = {
  encode: 'encode: the walk of js/bridge.js (text and snapshot)',
  textIn: 'text into the wasm (UTF-8, copied)',
  navigator: "navigator's device: read, encoded and passed",
  reportOut: 'report text out of the wasm (UTF-8 decoded)',
  decode: 'decodeReport (JSON.parse, the request from the snapshot)',
};

/** `source` with `pattern` (matched once) replaced: a glue without it fails, never times nothing. */
function replaceOnce(source, pattern, replacement) {
  const found = source.match(new RegExp(pattern, 'g'));
  if (found?.length !== 1) throw new Error(`target/glue: expected once: ${pattern}`);
  return source.replace(pattern, replacement);
}

const clock = (step, code) =>
  `{ const t0 = performance.now(); ${code} globalThis.__steps.${step} += performance.now() - t0; }`;
let glue = readFileSync(`${GLUE}/naverpay_checkout.js`, 'utf8');
// Each import binds `ret` and `ptr1` with `const`: `let` first, so that the timed blocks can assign them.
glue = replaceOnce(
  glue,
  /const ret = encode\(arg1, arg2, arg3\);\n\s*const ptr1 = (passStringToWasm0\([^;]*\));/,
  (_, pass) =>
    `let ret, ptr1; ${clock('encode', 'ret = encode(arg1, arg2, arg3);')} ${clock('textIn', `ptr1 = ${pass};`)}`,
);
glue = replaceOnce(
  glue,
  /const ret = navigatorDevice\(\);\n\s*const ptr1 = (passStringToWasm0\([^;]*\));/,
  (_, pass) => `let ptr1; ${clock('navigator', `ptr1 = ${pass.replace('(ret,', '(navigatorDevice(),')};`)}`,
);
glue = replaceOnce(
  glue,
  /const ret = decodeReport\(getStringFromWasm0\(arg0, arg1\), arg2\);/,
  `let text, ret; ${clock('reportOut', 'text = getStringFromWasm0(arg0, arg1);')} ${clock('decode', 'ret = decodeReport(text, arg2);')}`,
);
const dir = mkdtempSync(path.join(tmpdir(), 'call-steps-'));
writeFileSync(`${dir}/naverpay_checkout.js`, glue);
copyFileSync(`${GLUE}/naverpay_checkout_bg.wasm`, `${dir}/naverpay_checkout_bg.wasm`);
const npc = await import(`${dir}/naverpay_checkout.js`);
npc.initSync({ module: readFileSync(`${dir}/naverpay_checkout_bg.wasm`) });
rmSync(dir, { recursive: true, force: true });

const options = { mode: 'popup' };
const reset = () => (globalThis.__steps = Object.fromEntries(Object.keys(STEPS).map((s) => [s, 0])));
reset();
const columns = [];
for (const navigator of [undefined, CHROMIUM_NAVIGATOR]) {
  // Node 20 has no `navigator`; later ones have a getter, shadowed here by a configurable property.
  Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, writable: true });
  for (const n of [1, 20]) {
    const params = cart(n);
    if (npc.validateNaverPay(params, options).ok !== true) throw new Error(`cart(${n}) is refused`);
    const calls = Math.ceil(50_000 / n);
    const best = { total: Infinity, js: Infinity };
    for (let round = 0; round < 7; round++) {
      reset();
      let t0 = performance.now();
      for (let i = 0; i < calls; i++) npc.validateNaverPay(params, options);
      const total = performance.now() - t0;
      if (total < best.total) Object.assign(best, { total, ...globalThis.__steps });
      t0 = performance.now();
      for (let i = 0; i < calls; i++) handWritten.validateNaverPay(params, options);
      best.js = Math.min(best.js, performance.now() - t0);
    }
    const us = (ms) => (ms * 1000) / calls;
    const steps = Object.keys(STEPS).map((s) => us(best[s]));
    const wasm = us(best.total) - steps.reduce((a, b) => a + b, 0);
    columns.push({
      name: `${n} product${n > 1 ? 's' : ''}${navigator ? ', navigator' : ''}`,
      figures: [...steps, wasm, us(best.total), us(best.js), best.total / best.js],
    });
  }
}

const rows = [
  ...Object.values(STEPS),
  'the wasm: text read, options, validation, report written',
  '**whole call**',
  'hand-written JS validator, same call',
];
console.log(`| µs per call | ${columns.map((c) => c.name).join(' | ')} |`);
console.log(`|---|${columns.map(() => '---:').join('|')}|`);
for (const [i, row] of rows.entries())
  console.log(`| ${row} | ${columns.map((c) => c.figures[i].toFixed(2)).join(' | ')} |`);
console.log(`| wasm ÷ JS | ${columns.map((c) => `${c.figures.at(-1).toFixed(2)}×`).join(' | ')} |`);
