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
  const names = [
    'NaverPayCheckout',
    'NaverPayError',
    'isNaverPayError',
    'validateNaverPay',
    'validateBillingKey',
    'choosePayMode',
    'parseRedirectResult',
    'buildAgainPaymentBody',
    'buildSchedulePaymentBody',
    'buildCancelPaymentBody',
    'buildUnschedulePaymentBody',
    'buildDeleteBillingKeyBody',
  ];
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
  await assert.rejects(
    cjs.NaverPayCheckout.load({ merchantCode: 'imp12345678' }),
    (e) => e instanceof Error && e.name === 'NaverPayError' && e.code === 'NOT_IN_BROWSER' && cjs.isNaverPayError(e),
  );
});

test('body builders return json and form, and throw INVALID_PARAMS with every problem', () => {
  const now = Date.UTC(2020, 0, 1);
  const again = cjs.buildAgainPaymentBody(
    {
      customer_uid: 'gildong_0001_1234',
      merchant_uid: 'order_monthly_0002',
      amount: 10000,
      name: 'Slim plan (initial payment)',
      extra: { naverUseCfm: '20201001' },
    },
    { now },
  );
  assert.equal(
    again.form,
    'customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000&name=Slim+plan+%28initial+payment%29&extra[naverUseCfm]=20201001',
  );
  assert.deepEqual(again.json.extra, { naverUseCfm: '20201001' });
  const cancel = cjs.buildCancelPaymentBody({ imp_uid: 'imp_123412341234', reason: '고객 요청' });
  assert.deepEqual(cancel.json, { imp_uid: 'imp_123412341234', reason: '고객 요청', extra: { requester: 'admin' } });
  assert.throws(
    () => cjs.buildCancelPaymentBody({ amount: -1 }, { locale: 'en' }),
    (e) =>
      e.code === 'INVALID_PARAMS' &&
      e.errors
        .map((i) => i.field)
        .sort()
        .join() === 'amount,imp_uid,reason',
  );
});

// Tables from PortOne's documents (portone-io/developers.portone.io src/schema/v1.openapi.yml at
// 0a8743aae939dbee11449224d3042604a2ab5a19; pg/v1/naver.mdx at 13403e7ed213bd1b4bc21165d4244cc4461233b6):
// each row a call, an input, and what the JS export gives back. The Rust tables (tests/body.rs) cover
// every field; these check the same rules cross the boundary unchanged.
const NOW = Date.UTC(2017, 6, 14);
const AGAIN = { customer_uid: 'gildong_0001_1234', merchant_uid: 'order_monthly_0002', amount: 10000, name: 'Slim' };
const SCHEDULE = {
  customer_uid: 'gildong_0001_1234',
  schedules: [{ merchant_uid: 'o3', schedule_at: 1519862400, amount: 10000 }],
};
const CANCEL = { imp_uid: 'imp_123412341234', reason: '고객 요청' };

const valid = [
  [
    'again: documented buyer_* and notice_url pass as given',
    'buildAgainPaymentBody',
    {
      ...AGAIN,
      buyer_name: '홍길동',
      buyer_tel: '010-1234-5678',
      buyer_email: 'a@b.co',
      notice_url: 'https://s.example/h',
      custom_data: '{"a":1}',
    },
  ],
  ['again: vat_amount = amount', 'buildAgainPaymentBody', { ...AGAIN, vat_amount: 10000 }],
  [
    'schedule: name, currency and buyer_* in a schedule',
    'buildSchedulePaymentBody',
    {
      ...SCHEDULE,
      schedules: [{ ...SCHEDULE.schedules[0], name: '정기', currency: 'KRW', buyer_postcode: '12345678' }],
    },
  ],
  [
    'schedule: schedule_at as digits (naver.mdx: string)',
    'buildSchedulePaymentBody',
    { ...SCHEDULE, schedules: [{ ...SCHEDULE.schedules[0], schedule_at: '1519862400' }] },
  ],
  [
    'cancel: amount 0 is a full refund',
    'buildCancelPaymentBody',
    { ...CANCEL, amount: 0, extra: { requester: 'admin' } },
  ],
  [
    'cancel: checksum and tax_free',
    'buildCancelPaymentBody',
    { ...CANCEL, amount: 3000, checksum: 3000, tax_free: 3000, extra: { requester: 'admin' } },
  ],
  [
    'unschedule: customer_uid and merchant_uid[]',
    'buildUnschedulePaymentBody',
    { customer_uid: 'c', merchant_uid: ['o3', 'o4'] },
  ],
];
for (const [name, fn, input] of valid) {
  test(`valid input is written as given — ${name}`, () => {
    const body = cjs[fn](input, { now: NOW });
    assert.deepEqual(body.json, input);
  });
}

const invalid = [
  [
    'again: buyer_name over 16',
    'buildAgainPaymentBody',
    { ...AGAIN, buyer_name: '가'.repeat(17) },
    'TOO_LONG',
    'buyer_name',
  ],
  ['again: name over 40', 'buildAgainPaymentBody', { ...AGAIN, name: 'n'.repeat(41) }, 'TOO_LONG', 'name'],
  ['again: tax_free over amount', 'buildAgainPaymentBody', { ...AGAIN, tax_free: 10001 }, 'OUT_OF_RANGE', 'tax_free'],
  [
    'again: notice_url a number',
    'buildAgainPaymentBody',
    { ...AGAIN, notice_url: 12345 },
    'INVALID_TYPE',
    'notice_url',
  ],
  ['again: a typo', 'buildAgainPaymentBody', { ...AGAIN, buyer_nmae: 'x' }, 'UNKNOWN_FIELD', 'buyer_nmae'],
  [
    'schedule: buyer_email over 64',
    'buildSchedulePaymentBody',
    { ...SCHEDULE, schedules: [{ ...SCHEDULE.schedules[0], buyer_email: `${'a'.repeat(60)}@b.com` }] },
    'TOO_LONG',
    'schedules[0].buyer_email',
  ],
  [
    'cancel: amount over checksum',
    'buildCancelPaymentBody',
    { ...CANCEL, amount: 3000, checksum: 2000 },
    'OUT_OF_RANGE',
    'amount',
  ],
  [
    'cancel: vat_amount a string',
    'buildCancelPaymentBody',
    { ...CANCEL, vat_amount: '100' },
    'INVALID_TYPE',
    'vat_amount',
  ],
  ['unschedule: neither id', 'buildUnschedulePaymentBody', {}, 'REQUIRED', 'customer_uid'],
  [
    'unschedule: merchant_uid a string',
    'buildUnschedulePaymentBody',
    { merchant_uid: 'o3' },
    'INVALID_TYPE',
    'merchant_uid',
  ],
  ['delete: no reason', 'buildDeleteBillingKeyBody', { customer_uid: 'c' }, 'REQUIRED', 'reason'],
  [
    'delete: requester user',
    'buildDeleteBillingKeyBody',
    { customer_uid: 'c', reason: 'r', extra: { requester: 'user' } },
    'INVALID_VALUE',
    'extra.requester',
  ],
];
for (const [name, fn, input, code, field] of invalid) {
  test(`invalid input throws INVALID_PARAMS with its code and path — ${name}`, () => {
    assert.throws(
      () => cjs[fn](input, { now: NOW }),
      (e) => {
        assert.equal(e.code, 'INVALID_PARAMS');
        assert.deepEqual(
          e.errors.map((i) => [i.code, i.field]),
          [[code, field]],
        );
        return true;
      },
    );
  });
}

test('fields documented for other PGs are written with an IGNORED_FIELD warning', () => {
  const body = cjs.buildAgainPaymentBody({ ...AGAIN, card_quota: 3, currency: 'KRW' }, { now: NOW });
  assert.deepEqual([body.json.card_quota, body.json.currency], [3, 'KRW']);
  assert.deepEqual(
    body.warnings.map((w) => [w.code, w.field]),
    [
      ['IGNORED_FIELD', 'card_quota'],
      ['IGNORED_FIELD', 'currency'],
    ],
  );
  assert.equal('warnings' in cjs.buildAgainPaymentBody(AGAIN, { now: NOW }), false, 'no warnings, no key');
});

test('buildDeleteBillingKeyBody gives the path and the query PortOne reads, requester defaulting to admin', () => {
  const r = cjs.buildDeleteBillingKeyBody({ customer_uid: 'gildong/0001', reason: '사용자 요청에 의한 해지' });
  assert.equal(r.path, '/subscribe/customers/gildong%2F0001');
  assert.equal(
    r.form,
    'reason=%EC%82%AC%EC%9A%A9%EC%9E%90+%EC%9A%94%EC%B2%AD%EC%97%90+%EC%9D%98%ED%95%9C+%ED%95%B4%EC%A7%80&extra[requester]=admin',
  );
  assert.deepEqual(r.json, { reason: '사용자 요청에 의한 해지', extra: { requester: 'admin' } });
  assert.equal(new URLSearchParams(r.form).get('extra[requester]'), 'admin');
});

test('validateNaverPay refuses customer_uid and points at registerBillingKey', () => {
  const r = cjs.validateNaverPay({ ...VALID_PARAMS, customer_uid: 'c' }, { locale: 'en' });
  assert.deepEqual(
    r.errors.map((i) => [i.code, i.field]),
    [['INVALID_VALUE', 'customer_uid']],
  );
  assert.match(r.errors[0].message, /registerBillingKey/);
  const typed = cjs.validateNaverPay({ ...VALID_PARAMS, naverCultureBenefit: 'true', naverProductCount: '5' });
  assert.deepEqual(
    typed.errors.map((i) => [i.code, i.field]),
    [
      ['INVALID_TYPE', 'naverCultureBenefit'],
      ['INVALID_TYPE', 'naverProductCount'],
    ],
  );
});

// Issue 19: merchants' real code and today's PortOne V1, across the JS boundary.
test('null in an optional field is "not entered": no error, and IMP gets the null as given', () => {
  const r = cjs.validateNaverPay({
    ...VALID_PARAMS,
    naverChainId: null,
    buyer_addr: null,
    buyer_email: null,
    tax_free: null,
    pg: null,
  });
  assert.deepEqual(r.errors, []);
  assert.equal(r.request.naverChainId, null);
  assert.equal(r.request.buyer_addr, null);
  assert.equal(r.request.pg, 'naverpay', 'pg: null is filled in like an absent pg');
  assert.equal(cjs.validateNaverPay({ ...VALID_PARAMS, merchant_uid: null }).errors[0].code, 'REQUIRED');
});

test('what PortOne and its SDKs send draws no false warning; deprecated fields name their replacement', () => {
  const r = cjs.validateNaverPay(
    {
      ...VALID_PARAMS,
      pay_method: 'naverpay',
      escrow: false,
      niceMobileV2: true,
      kakaoOpenApp: true,
      m_redirect_url: 'http://detectchangingwebview/iamport/rn',
      naverChainId: 'c1',
    },
    { locale: 'en' },
  );
  assert.deepEqual(r.errors, []);
  assert.deepEqual(
    r.warnings.map((w) => [w.code, w.field]),
    [
      ['INSECURE_URL', 'm_redirect_url'],
      ['DEPRECATED_FIELD', 'naverChainId'],
    ],
  );
  assert.match(r.warnings[1].message, /channelKey/);
});

test('a misspelt option is UNKNOWN_FIELD with the suggestion, like a misspelt parameter', () => {
  const r = cjs.validateNaverPay(VALID_PARAMS, { minAmmount: 50, locale: 'en' });
  assert.deepEqual(
    r.errors.map((i) => [i.code, i.field]),
    [['UNKNOWN_FIELD', 'options.minAmmount']],
  );
  assert.match(r.errors[0].message, /did you mean minAmount\?/);
  const far = cjs.validateNaverPay(VALID_PARAMS, { colour: 'blue' });
  assert.deepEqual([far.ok, far.warnings.map((i) => [i.code, i.field])], [true, [['UNKNOWN_FIELD', 'options.colour']]]);
  assert.throws(
    () => cjs.buildAgainPaymentBody(AGAIN, { now: NOW, minAmmount: 10 }),
    (e) =>
      e.code === 'INVALID_PARAMS' &&
      e.errors[0].field === 'options.minAmmount' &&
      /minAmount/.test(e.errors[0].message),
  );
  assert.throws(
    () => cjs.buildAgainPaymentBody(AGAIN, { now: NOW, mode: 'popup' }),
    (e) => e.code === 'INVALID_PARAMS' && e.errors[0].field === 'options.mode',
    'a server is strict: every unknown option is an error',
  );
});

test('locale: "en" gives English in every message of every body builder, the thrown error included', () => {
  const hangul = /[가-힣]/;
  const calls = [
    ['buildAgainPaymentBody', {}],
    ['buildAgainPaymentBody', { ...AGAIN, extra: { naverUseCfm: '20000101' } }],
    [
      'buildSchedulePaymentBody',
      { ...SCHEDULE, card_number: '1234', schedules: [{ merchant_uid: 'o', schedule_at: 1, amount: 1 }] },
    ],
    ['buildCancelPaymentBody', { amount: -1, extra: { requester: 'me' } }],
    ['buildUnschedulePaymentBody', {}],
    ['buildDeleteBillingKeyBody', { customer_uid: 1 }],
  ];
  for (const [fn, input] of calls) {
    assert.throws(
      () => cjs[fn](input, { now: NOW, locale: 'en' }),
      (e) => {
        assert.equal(e.code, 'INVALID_PARAMS');
        for (const text of [e.message, ...e.errors.map((i) => i.message)])
          assert.doesNotMatch(text, hangul, `${fn}: ${text}`);
        return true;
      },
    );
  }
});

test('a schedule carries no card: card_number and its kin are UNSUPPORTED_FIELD', () => {
  for (const field of ['card_number', 'expiry', 'birth', 'pwd_2digit', 'cvc']) {
    assert.throws(
      () => cjs.buildSchedulePaymentBody({ ...SCHEDULE, [field]: 'x' }, { now: NOW }),
      (e) => e.errors.length === 1 && e.errors[0].code === 'UNSUPPORTED_FIELD' && e.errors[0].field === field,
      field,
    );
  }
});

test('schedule_at out of range shows the allowed dates in Korean time', () => {
  assert.throws(
    () =>
      cjs.buildSchedulePaymentBody(
        { ...SCHEDULE, schedules: [{ ...SCHEDULE.schedules[0], schedule_at: 1 }] },
        { now: NOW, locale: 'en' },
      ),
    (e) => /2017-07-14 09:00:01 to 9999-12-31 23:59:59 Asia\/Seoul/.test(e.errors[0].message),
  );
});

test('popup forced on a phone is a POPUP_ON_MOBILE warning; the device alone picks redirect without one', () => {
  const iphone = { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' };
  const params = { ...VALID_PARAMS, m_redirect_url: 'https://shop.example/pay/complete' };
  const forced = cjs.validateNaverPay({ ...params, naverPopupMode: true }, { device: iphone });
  assert.deepEqual(
    forced.warnings.map((w) => [w.code, w.field]),
    [['POPUP_ON_MOBILE', 'naverPopupMode']],
  );
  const option = cjs.validateNaverPay(params, { device: iphone, mode: 'popup' });
  assert.deepEqual(
    option.warnings.map((w) => [w.code, w.field]),
    [['POPUP_ON_MOBILE', 'options.mode']],
  );
  assert.deepEqual(cjs.validateNaverPay(params, { device: iphone }).warnings, []);
});

test("each call reads the page's navigator afresh: a device emulator switched on and off between calls is followed", () => {
  const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  const desktop =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
  const phone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
  // One object whose values change, as an emulator changes the page's own navigator.
  const navigator = { userAgent: desktop, maxTouchPoints: 0 };
  Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, writable: true });
  try {
    const params = { ...VALID_PARAMS, m_redirect_url: 'https://shop.example/pay/complete' };
    const modes = [];
    for (const [userAgent, maxTouchPoints, mobile] of [
      [desktop, 0, undefined],
      [phone, 5, undefined],
      [desktop, 0, undefined],
      [desktop, 0, true], // userAgentData.mobile alone
      [desktop.replace('X11; Linux x86_64', 'Macintosh; Intel Mac OS X 10_15_7'), 5, undefined], // iPadOS as a Mac
      [desktop, 0, undefined],
    ]) {
      Object.assign(navigator, { userAgent, maxTouchPoints, userAgentData: { mobile } });
      modes.push(cjs.validateNaverPay(params).mode, cjs.choosePayMode());
    }
    assert.deepEqual(modes, [
      'popup',
      'popup',
      ...Array(2).fill('redirect'),
      'popup',
      'popup',
      ...Array(4).fill('redirect'),
      'popup',
      'popup',
    ]);
  } finally {
    if (before) Object.defineProperty(globalThis, 'navigator', before);
    else delete globalThis.navigator;
  }
});

test('a cart checked again gets a report of its own: fresh objects holding this call’s values', () => {
  const m_redirect_url = 'https://shop.example/pay/complete';
  const first = { ...VALID_PARAMS, amount: 1000, m_redirect_url };
  const second = { ...VALID_PARAMS, amount: 2000, m_redirect_url };
  const a = cjs.validateNaverPay(first, { mode: 'popup' });
  a.errors.push('changed by the page');
  a.warnings.push('changed by the page');
  a.request.name = 'changed by the page';
  // The same keys in the same order: the same report text as `a`'s, read again.
  const b = cjs.validateNaverPay(second, { mode: 'popup' });
  assert.deepEqual([b.ok, b.errors, b.warnings, b.mode], [true, [], [], 'popup']);
  assert.deepEqual(JSON.parse(JSON.stringify(b.request)), { ...second, pg: 'naverpay', naverPopupMode: true });
  assert.equal(a.request.amount, 1000);
  // A report with issues in between, then the clean one again, in the other mode.
  assert.equal(cjs.validateNaverPay({ ...second, amount: -1 }, { mode: 'popup' }).ok, false);
  const c = cjs.validateNaverPay(first, { mode: 'redirect' });
  assert.equal(c.mode, 'redirect');
  assert.equal(c.request.naverPopupMode, false);
  assert.equal(cjs.validateNaverPay(first, { mode: 'popup' }).request.amount, 1000);
});
