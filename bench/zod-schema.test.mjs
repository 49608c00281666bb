// The zod schema (bench/zod-schema.mjs) accepts exactly what the package accepts, and its output is
// the package's request, over the table of bench/cases.mjs and seeded random mutations. (zod's
// issues are its own; only acceptance and the request are compared.) Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { naverPaySchema } from './zod-schema.mjs';
import { cases, randomCases } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasm = createRequire(import.meta.url)(`${ROOT}/pkg/node/naverpay_checkout.js`);

function check(c) {
  const report = (c.kind === 'billing' ? wasm.validateBillingKey : wasm.validateNaverPay)(c.params, c.options);
  if (report.errors.some((i) => i.field.startsWith('options'))) return false; // bad options: not the schema's job
  const o = c.options ?? {};
  const schema = naverPaySchema({
    billing: c.kind === 'billing',
    mode: o.mode,
    minAmount: o.minAmount,
    now: o.now instanceof Date ? o.now.getTime() : o.now,
    device: o.device,
  });
  const r = schema.safeParse(c.params);
  const label = `${c.kind} ${c.name}`;
  assert.equal(
    r.success,
    report.ok,
    `${label}: zod ${r.success ? 'accepts' : 'refuses'}, the package ${report.ok ? 'accepts' : 'refuses'}` +
      (r.success
        ? ` (${report.errors.map((i) => `${i.code} ${i.field}`).join(', ')})`
        : ` (${JSON.stringify(r.error.issues.map((i) => i.path))})`),
  );
  if (r.success) {
    // zod copies nested objects and drops undefined-valued and non-data keys; compare as JSON.
    const plain = (v) => JSON.parse(JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? undefined : x)));
    assert.deepEqual(plain(r.data), plain(report.request), `${label}: request`);
  }
  return true;
}

test('the case table: zod accepts and refuses what the package does', () => {
  const all = cases();
  const checked = all.filter(check).length;
  assert.ok(checked > 300, `${checked} cases checked`);
});

test('1000 seeded random mutations: zod accepts and refuses what the package does', () => {
  for (const c of randomCases(1000)) check(c);
});
