// Type-only tests of `naverpay-checkout/web` (types/web.d.ts): the browser API, plus wasm-bindgen's
// init for a plain `<script type="module">`.

import init, { NaverPayCheckout, initSync, isNaverPayError, parseRedirectResult } from 'naverpay-checkout/web';
import type { ErrorCode, NaverPayParams, PaymentResult } from 'naverpay-checkout/web';
import * as main from 'naverpay-checkout';
import * as web from 'naverpay-checkout/web';

await init();
await init({ module_or_path: new URL('naverpay_checkout_bg.wasm', import.meta.url) });
await init({ module_or_path: fetch('/pkg/naverpay_checkout_bg.wasm') });
await init('/pkg/naverpay_checkout_bg.wasm');
declare const wasmBytes: ArrayBuffer;
declare const wasmModule: WebAssembly.Module;
initSync({ module: wasmBytes });
initSync(wasmModule);

const checkout: NaverPayCheckout = await NaverPayCheckout.load({ merchantCode: 'imp00000000' });
const params: NaverPayParams = {
  merchant_uid: 'order_0001',
  amount: 14000,
  naverProducts: [{ categoryType: 'FOOD', categoryId: 'DELIVERY', uid: 'f1', name: 'Lunch', count: 2 }],
};
const result: PaymentResult = await checkout.pay(params);
const again: PaymentResult = parseRedirectResult('?imp_uid=imp_1&merchant_uid=order_0001&imp_success=true');
const code: ErrorCode = 'SDK_TIMEOUT';
void [result, again, code, isNaverPayError];

// The web entry declares the browser API of the main one (and adds init); the server body
// builders are types only there, as its module has none.
const sameValidate: typeof main.validateNaverPay = web.validateNaverPay;
const sameClass: typeof main.NaverPayCheckout = web.NaverPayCheckout;
void [sameValidate, sameClass];
type SameBodyType = typeof main.buildCancelPaymentBody extends typeof web.buildCancelPaymentBody ? true : never;
const sameBodyType: SameBodyType = true;
void sameBodyType;
// @ts-expect-error the server body builders are not values of the web entry
void web.buildCancelPaymentBody({ imp_uid: 'imp_1', reason: 'r' });

// (No negative test for init's argument: lib.dom's WebAssembly.Module is an empty interface, so
// any object is assignable to it, as with wasm-bindgen's generated declarations.)

// @ts-expect-error the bundler entry has no init
main.default;
