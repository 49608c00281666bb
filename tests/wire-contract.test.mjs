// The positional request contract from the JavaScript side: src/wire.rs writes a request as an
// entry list whose numbers are positions among the caller's own entries, and js/bridge.js resolves
// them through the key order its walk recorded. tests/fixtures/wire-contract.tsv holds the cases;
// src/wire.rs's test `the_positional_contract_holds_for_the_shared_cases` checks the Rust half of
// each (the text reads, the additions are validation's, the entry list is this one), and this file
// the JavaScript half: the bridge writes that very text, resolves that entry list to the request,
// and the built module (pkg/node, the bridge and the wasm together) gives the same request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { REPO_ROOT } from './support/pkg.mjs';
import { encode, decodeRequest } from '../js/bridge.js';

const npc = createRequire(import.meta.url)(`${REPO_ROOT}/pkg/node/naverpay_checkout.js`);
const evaluate = (expression) => new Function(`return (${expression});`)();

const cases = readFileSync(new URL('fixtures/wire-contract.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [name, params, text, additions, request, result, mode, ...rest] = line.split('\t');
    assert.equal(rest.length, 0, `${name}: seven columns`);
    return { name, params, text, additions, request, result, mode };
  });

/** Own entries in order, compared with Object.is (NaN, -0, undefined), prototypes aside. */
function sameData(actual, expected, path = 'request') {
  if (expected === null || typeof expected !== 'object') {
    assert.ok(Object.is(actual, expected), `${path}: ${String(actual)} is not ${String(expected)}`);
    return;
  }
  assert.equal(typeof actual, 'object', `${path}: not an object`);
  assert.equal(Array.isArray(actual), Array.isArray(expected), `${path}: array or not`);
  assert.deepEqual(Reflect.ownKeys(actual), Reflect.ownKeys(expected), `${path}: keys`);
  for (const key of Reflect.ownKeys(expected)) {
    if (key !== 'length') sameData(actual[key], expected[key], `${path}.${String(key)}`);
  }
}

test('the fixture has both kinds of case', () => {
  assert.ok(cases.length >= 6);
  assert.ok(cases.some((c) => c.mode === '-') && cases.some((c) => c.mode !== '-'));
});

for (const c of cases) {
  test(`bridge: ${c.name}`, () => {
    const entries = [];
    assert.equal(encode(evaluate(c.params), entries), c.text);
    sameData(decodeRequest(c.request, entries), evaluate(c.result));
  });
  if (c.mode === '-') continue;
  test(`bridge and wasm (pkg/node): ${c.name}`, () => {
    const report = npc.validateNaverPay(evaluate(c.params), { mode: c.mode, now: new Date(1_735_700_000_000) });
    assert.deepEqual(report.errors, []);
    sameData(report.request, evaluate(c.result));
  });
}

test("positions pick the caller's entries by index: a skipped one is left out", () => {
  const entries = [];
  encode({ a: 1, b: 2, c: 3 }, entries);
  sameData(decodeRequest('[0,2]', entries), { a: 1, c: 3 });
  sameData(decodeRequest('[2,["d",4],0]', entries), { c: 3, d: 4, a: 1 });
});

test('a key is written the same whether its text was kept or not: short ones, long ones, past the 256 kept', () => {
  const keys = [...Array(300).keys()].map((i) => (i % 3 === 0 ? `${'가'.repeat(40)}${i}` : `key${i}`));
  const value = Object.fromEntries(keys.map((key, i) => [key, i]));
  const expected = `{${keys.map((key, i) => `s${key.length}:${key}i${i};`).join('')}}`;
  for (let round = 0; round < 3; round++) assert.equal(encode(value), expected, `round ${round}`);
});
