// `node bench/worst-case.mjs [node build]`: the worst inputs of each kind (issue 13's probe) with
// their time in Node, next to valid carts. Every row must answer at once with a structured result
// (LIMIT_EXCEEDED past a limit), never walk, hang or throw. The argument is a Node build's entry
// (default pkg/node/naverpay_checkout.js), so that an older build can be timed the same way; a
// row slower than ROW_BUDGET_MS is not repeated. Prints a Markdown table.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cart, collidingKeys, NOW_MS, PRODUCT } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.resolve(process.argv[2] ?? `${ROOT}/pkg/node/naverpay_checkout.js`);
const npc = createRequire(import.meta.url)(entry);
const ROW_BUDGET_MS = 2000;
const options = { now: NOW_MS, mode: 'popup', locale: 'en' };

const holes = (n) => {
  const a = [];
  a.length = n;
  return a;
};
const keys = (n, value = 1) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`unknown_${i}`, value]));
function sharedCart(n) {
  // Every item refers to the whole cart: a walk that follows references grows as n^depth.
  const items = Array.from({ length: n }, () => ({ ...PRODUCT }));
  for (const item of items) item.related = items;
  return { ...cart(1), naverProducts: items };
}
function selfCycle() {
  const o = {};
  o.a = o;
  o.b = o;
  o.c = o;
  return o;
}
const schedules = (n) => ({
  customer_uid: 'c',
  schedules: Array.from({ length: n }, (_, i) => ({ merchant_uid: `m${i}`, schedule_at: 2e9, amount: 1000 })),
});
const MB = 'x'.repeat(1 << 20);

const validate = (params) => () => npc.validateNaverPay(params, options);
const body = (input) => () => {
  try {
    return npc.buildSchedulePaymentBody(input, { now: NOW_MS });
  } catch (e) {
    return { errors: e.errors ?? [{ code: e.code }] };
  }
};
const ROWS = [
  ['valid cart, 1 product', validate(cart(1))],
  ['valid cart, 20 products', validate(cart(20))],
  ['valid cart, 1000 products (the limit)', validate(cart(1000))],
  ['10^4 products', validate(cart(10_000))],
  ['array length 1e8 (holes)', validate({ ...cart(1), naverProducts: holes(1e8) })],
  ['array length 2^32 - 1', validate({ ...cart(1), naverProducts: holes(2 ** 32 - 1) })],
  [
    'Proxy array claiming length Infinity',
    validate({ ...cart(1), naverProducts: new Proxy([], { get: (t, k) => (k === 'length' ? Infinity : t[k]) }) }),
  ],
  ['Uint8Array(1e8) in custom_data', validate({ ...cart(1), custom_data: new Uint8Array(1e8) })],
  ['array holes 1e5', validate({ ...cart(1), custom_data: holes(1e5) })],
  ['980 unknown top-level keys', validate({ ...cart(1), ...keys(980) })],
  ['16,000 unknown top-level keys', validate({ ...cart(1), ...keys(16_000) })],
  ['cart of 15 items sharing references', validate(sharedCart(15))],
  ['3-key self-cycle in custom_data', validate({ ...cart(1), custom_data: selfCycle() })],
  ['custom_data: globalThis', validate({ ...cart(1), custom_data: globalThis })],
  ['600 fields referencing one 1 MB string', validate({ ...cart(1), custom_data: keys(600, MB) })],
  [
    '600 fields referencing one 100,000-char string',
    validate({ ...cart(1), custom_data: keys(600, MB.slice(0, 100_000)) }),
  ],
  ['a 10 MB name', validate({ ...cart(1), name: MB.repeat(10) })],
  ['a 10 MB key', validate({ ...cart(1), custom_data: { [MB.repeat(10)]: 1 } })],
  ['buildSchedulePaymentBody, 1000 schedules', body(schedules(1000))],
  ['buildSchedulePaymentBody, 10^4 schedules', body(schedules(10_000))],
  ['buildSchedulePaymentBody, 10^5 schedules', body(schedules(100_000))],
  ['parseRedirectResult, 30M characters', () => npc.parseRedirectResult(`imp_uid=x&${'a'.repeat(3e7)}`)],
  [
    'parseRedirectResult, 1000 colliding keys + 10^5 more pairs',
    (() => {
      const q = `imp_uid=imp_1&${collidingKeys(1000)
        .map((k) => `${k}=1`)
        .join('&')}&${'z=1&'.repeat(100_000)}`;
      return () => npc.parseRedirectResult(q);
    })(),
  ],
];

const outcome = (r) => {
  if (r?.errors?.length) return [...new Set(r.errors.map((e) => e.code))].slice(0, 2).join(', ');
  if (r && 'ok' in r) return r.ok ? 'ok' : 'errors';
  if (r && 'raw' in r) return `${Object.keys(r.raw).length} keys read`;
  return r?.form ? 'body' : String(r);
};
const time = (f) => {
  const runs = [];
  let result;
  let total = 0;
  while (runs.length < 50 && (total < 300 || runs.length < 3)) {
    const t = performance.now();
    try {
      result = f();
    } catch (e) {
      result = `threw ${e?.name}: ${String(e?.message).slice(0, 40)}`;
    }
    const dt = performance.now() - t;
    runs.push(dt);
    total += dt;
    if (dt > ROW_BUDGET_MS) break;
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[runs.length >> 1], result };
};
const fmt = (ms) =>
  ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`;

console.log(`Worst-case inputs, ${path.relative(ROOT, entry)}, Node ${process.version} (median of up to 50 runs)\n`);
console.log('| input | time | answer |');
console.log('|---|---|---|');
for (const [name, f] of ROWS) {
  const { ms, result } = time(f);
  console.log(`| ${name} | ${fmt(ms)} | ${outcome(result)} |`);
}
