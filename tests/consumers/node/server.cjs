// CommonJS: `require('naverpay-checkout')`, as an Express-era server writes it.
// Exits non-zero (an assertion) on any mismatch; prints one JSON line for the test.
const assert = require('node:assert/strict');
const path = require('node:path');
const npc = require('naverpay-checkout');
const { validateNaverPay } = require('naverpay-checkout');

const resolved = require.resolve('naverpay-checkout');
const installed = path.join(__dirname, 'node_modules', 'naverpay-checkout') + path.sep;
assert.ok(resolved.startsWith(installed), `require resolves a file of the installed package: ${resolved}`);
assert.equal(validateNaverPay, npc.validateNaverPay);

// checks.mjs is ESM; a CommonJS script reaches it with import().
import('./checks.mjs')
  .then(({ checkApi }) => checkApi(npc))
  .then((summary) => console.log(JSON.stringify({ entry: 'require', resolved, ...summary })))
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
