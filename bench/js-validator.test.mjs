// The hand-written JS validator (bench/js-validator.mjs) gives what the package's Node build gives:
// the same ok, error and warning codes, fields and messages in the same order, the same mode and
// the same request, over the table of bench/cases.mjs and a few thousand seeded random mutations.
// Needs `npm run build` first (pkg/node).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as js from './js-validator.mjs';
import { cases, randomCases } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasm = createRequire(import.meta.url)(`${ROOT}/pkg/node/naverpay_checkout.js`);

const issues = (list) => list.map((i) => [i.code, i.field, i.message]);

function same(c) {
  const run = (m) => (c.kind === 'billing' ? m.validateBillingKey : m.validateNaverPay)(c.params, c.options);
  const a = run(wasm);
  const b = run(js);
  const label = `${c.kind} ${c.name}`;
  assert.deepEqual(issues(b.errors), issues(a.errors), `${label}: errors`);
  assert.deepEqual(issues(b.warnings), issues(a.warnings), `${label}: warnings`);
  assert.equal(b.ok, a.ok, `${label}: ok`);
  assert.equal(b.mode, a.mode, `${label}: mode`);
  // The package's request is a snapshot whose objects inherit from a shielded prototype: compared as data.
  assert.deepEqual(b.request, structuredClone(a.request), `${label}: request`);
  if (a.request) assert.deepEqual(Object.keys(b.request), Object.keys(a.request), `${label}: request key order`);
  return a;
}

test('the case table: same errors, warnings, mode and request as the package', () => {
  const all = cases();
  let failing = 0;
  for (const c of all) if (!same(c).ok) failing++;
  assert.ok(all.length > 300, `${all.length} cases`);
  assert.ok(
    failing > 200 && failing < all.length - 40,
    `a mix of good and bad cases (${failing} of ${all.length} fail)`,
  );
});

test('3000 seeded random mutations: same results as the package', () => {
  for (const c of randomCases(3000)) same(c);
});

test('choosePayMode agrees on the device table', () => {
  for (const ua of [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
    'Mozilla/5.0 (Linux; Android 14; SM-S918N) Chrome/131 Mobile',
    'Mozilla/5.0 (Macintosh) NAVER(inapp; search)',
    'Mozilla/5.0 (X11; Linux x86_64) Chrome/131',
  ]) {
    for (const device of [
      { userAgent: ua },
      { userAgent: ua, maxTouchPoints: 5 },
      { userAgent: ua, mobile: true },
      { userAgent: ua, mobile: false },
    ]) {
      assert.equal(js.choosePayMode(device), wasm.choosePayMode(device), JSON.stringify(device));
    }
  }
});
