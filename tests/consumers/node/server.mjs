// ESM: `import { … } from 'naverpay-checkout'` with named imports, as a merchant's server writes it.
// Exits non-zero (an assertion) on any mismatch; prints one JSON line for the test.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
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
const resolved = import.meta.resolve('naverpay-checkout');
assert.match(resolved, /\/node_modules\/naverpay-checkout\/node\/naverpay_checkout\.js$/, 'import resolves the Node build');

// Named imports and the namespace are the same functions (no second copy of the module).
assert.equal(namespace.validateNaverPay, validateNaverPay);
assert.equal(require('naverpay-checkout').validateNaverPay, validateNaverPay, 'import and require share one build');

const summary = await checkApi({
  NaverPayCheckout, NaverPayError, isNaverPayError, validateNaverPay, validateBillingKey, choosePayMode,
  parseRedirectResult, buildAgainPaymentBody, buildSchedulePaymentBody, buildCancelPaymentBody,
});
console.log(JSON.stringify({ entry: 'import', resolved, ...summary }));
