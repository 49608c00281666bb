// ESM: `import { … } from 'naverpay-checkout'` with named imports, as a merchant's server writes it.
// Exits non-zero (an assertion) on any mismatch; prints one JSON line for the test.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  NaverPayCheckout,
  NaverPayError,
  isNaverPayError,
  validateNaverPay,
  validateBillingKey,
  choosePayMode,
  parseRedirectResult,
  buildAgainPaymentBody,
  buildSchedulePaymentBody,
  buildCancelPaymentBody,
} from 'naverpay-checkout';
import * as namespace from 'naverpay-checkout';
import { checkApi } from './checks.mjs';

const require = createRequire(import.meta.url);
const resolved = fileURLToPath(import.meta.resolve('naverpay-checkout'));
const installed = fileURLToPath(new URL('./node_modules/naverpay-checkout/', import.meta.url));
assert.ok(resolved.startsWith(installed), `import resolves a file of the installed package: ${resolved}`);

// Named imports and the namespace are the same functions (no second copy of the module).
assert.equal(namespace.validateNaverPay, validateNaverPay);
assert.equal(require('naverpay-checkout').validateNaverPay, validateNaverPay, 'import and require share one build');

const summary = await checkApi({
  NaverPayCheckout,
  NaverPayError,
  isNaverPayError,
  validateNaverPay,
  validateBillingKey,
  choosePayMode,
  parseRedirectResult,
  buildAgainPaymentBody,
  buildSchedulePaymentBody,
  buildCancelPaymentBody,
});
console.log(JSON.stringify({ entry: 'import', resolved, ...summary }));
