// `node bench/memory-classes.mjs`: how far wasm memory grows when calls of one size put their large
// blocks in different size classes of src/js/alloc.rs (issue 22's probe), next to what one such call
// needs alone. Each call validates a cart whose custom_data holds 1,000,000 characters of text cut
// into strings of 100,000 / 2^k characters (k = 0..9; at most 1,000 to an array), so the blocks of
// the strings fall in ten classes, from 128 KB down to 256 bytes. Prints a Markdown table: the growth
// of a fresh module after each call alone, and of one module after all ten.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cart, NOW_MS } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GLUE = `${ROOT}/target/glue/naverpay_checkout.js`; // scripts/build.sh leaves it there
const WASM = readFileSync(`${ROOT}/target/glue/naverpay_checkout_bg.wasm`);
const TOTAL = 1_000_000;
const CALLS = 10;
const MB = (bytes) => (bytes / 2 ** 20).toFixed(1);

/** A fresh module (its own memory): the glue imported again under another URL. */
let fresh = 0;
async function instance() {
  const npc = await import(`${GLUE}?instance=${fresh++}`);
  const exports = npc.initSync({ module: WASM });
  return { npc, bytes: () => exports.memory.buffer.byteLength };
}

/** Call `k`: TOTAL characters of custom_data in strings of 100,000 / 2^k characters. */
function call(npc, k) {
  const length = Math.ceil(100_000 / 2 ** k);
  const strings = Array.from({ length: Math.floor(TOTAL / length) }, (_, i) => String(i % 10).repeat(length));
  const custom_data = [];
  for (let i = 0; i < strings.length; i += 1000) custom_data.push(strings.slice(i, i + 1000));
  const r = npc.validateNaverPay({ ...cart(1), custom_data }, { now: NOW_MS, mode: 'popup' });
  if (!r.ok) throw new Error(`call ${k}: ${JSON.stringify(r.errors[0])}`);
}

const alone = [];
for (let k = 0; k < CALLS; k++) {
  const { npc, bytes } = await instance();
  call(npc, 0 === k ? 1 : 0); // warm up the module's own first allocations in another class
  const before = bytes();
  call(npc, k);
  alone.push(bytes() - before);
}
/** The growth of one module over the ten calls in `order`. */
async function together(order) {
  const { npc, bytes } = await instance();
  call(npc, 1);
  const before = bytes();
  for (const k of order) call(npc, k);
  return bytes() - before;
}
const ks = Array.from({ length: CALLS }, (_, k) => k);
const largest = Math.max(...alone);
const rows = [
  ['longest strings first', await together(ks)],
  ['shortest strings first', await together([...ks].reverse())],
];

console.log('| | wasm memory growth |');
console.log('|---|---|');
alone.forEach((b, k) =>
  console.log(`| one call alone, strings of ${Math.ceil(100_000 / 2 ** k)} characters | ${MB(b)} MB |`),
);
for (const [order, growth] of rows) {
  console.log(
    `| the ten calls in one module, ${order} | ${MB(growth)} MB (${(growth / largest).toFixed(1)}× the largest call alone) |`,
  );
}
