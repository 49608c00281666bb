// The Node build as a merchant's server uses it: `require` and `import` resolve the same build,
// validators and body builders run, and the browser-only parts say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { REPO_ROOT, VALID_PARAMS } from './support/pkg.mjs';

const require = createRequire(import.meta.url);
const cjs = require(`${REPO_ROOT}/pkg/node/naverpay_checkout.js`);
const esm = await import(`${REPO_ROOT}/pkg/node/naverpay_checkout.js`);

test('require and import give the same module with every export', () => {
  const names = ['NaverPayCheckout', 'NaverPayError', 'isNaverPayError', 'validateNaverPay', 'validateBillingKey',
    'choosePayMode', 'parseRedirectResult', 'buildAgainPaymentBody', 'buildSchedulePaymentBody', 'buildCancelPaymentBody'];
  for (const name of names) {
    assert.equal(typeof cjs[name], 'function', name);
    assert.equal(esm[name], cjs[name], name);
  }
});

test('validateNaverPay runs in Node, where there is no navigator: popup unless told', () => {
  const r = cjs.validateNaverPay(VALID_PARAMS);
  assert.equal(r.ok, true);
  assert.equal(r.mode, 'popup');
  assert.equal(cjs.validateNaverPay(VALID_PARAMS, { mode: 'redirect' }).errors[0].code, 'REDIRECT_URL_REQUIRED');
});

test('NaverPayCheckout.load rejects NOT_IN_BROWSER outside a browser', async () => {
  await assert.rejects(cjs.NaverPayCheckout.load({ merchantCode: 'imp12345678' }), (e) =>
    e instanceof Error && e.name === 'NaverPayError' && e.code === 'NOT_IN_BROWSER' && cjs.isNaverPayError(e));
});

test('body builders return json and form, and throw INVALID_PARAMS with every problem', () => {
  const now = Date.UTC(2020, 0, 1);
  const again = cjs.buildAgainPaymentBody({
    customer_uid: 'gildong_0001_1234', merchant_uid: 'order_monthly_0002', amount: 10000,
    name: 'Slim plan (initial payment)', extra: { naverUseCfm: '20201001' },
  }, { now });
  assert.equal(again.form,
    'customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000&name=Slim+plan+%28initial+payment%29&extra[naverUseCfm]=20201001');
  assert.deepEqual(again.json.extra, { naverUseCfm: '20201001' });
  const cancel = cjs.buildCancelPaymentBody({ imp_uid: 'imp_123412341234', reason: '고객 요청' });
  assert.deepEqual(cancel.json, { imp_uid: 'imp_123412341234', reason: '고객 요청', extra: { requester: 'admin' } });
  assert.throws(() => cjs.buildCancelPaymentBody({ amount: -1 }, { locale: 'en' }), (e) =>
    e.code === 'INVALID_PARAMS' && e.errors.map((i) => i.field).sort().join() === 'amount,imp_uid,reason');
});
