// naverpay-checkout/v2 (PortOne V2): the validators, the migration and the redirect parser from Node (the
// CommonJS build and the ES module), and the checkout in headless Chromium against the V2 simulator
// (sim/portone-v2.js). Each validator row names its source: `sdk` browser-sdk.yml, `np` pg/v2/naverpay.mdx,
// `co` start/v2/checkout.mdx (docs/rules.md, "PortOne V2", gives each document's commit).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launchBrowser, flakyScript, watchPage, assertPageClean } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { REPO_ROOT, VALID_PARAMS, NASTY_MESSAGES } from './support/pkg.mjs';

const require = createRequire(import.meta.url);
const cjs = require('../pkg/v2/node/naverpay_checkout.js');
const esm = await import('../pkg/v2/naverpay_checkout.js');

const STORE = 'store-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec';
const CHANNEL = 'channel-key-893597d6-e62d-410f-83f9-119f530b4b11';
const ITEM = Object.freeze({
  categoryType: 'BOOK',
  categoryId: 'GENERAL',
  uid: '107922211',
  name: 'History of the World',
  count: 1,
});
const PAYMENT = Object.freeze({
  storeId: STORE,
  channelKey: CHANNEL,
  paymentId: 'order_0001',
  orderName: 'History of the World',
  totalAmount: 14000,
  currency: 'KRW',
  payMethod: 'EASY_PAY',
  redirectUrl: 'https://shop.example/pay/complete',
  bypass: { naverpay: { productItems: [ITEM] } },
});
const NOW = new Date('2024-12-31T15:30:00Z'); // 2025-01-01 in Seoul
const fields = (r) => r.errors.map((e) => [e.code, e.field]);
const withItem = (patch) => ({ ...PAYMENT, bypass: { naverpay: { productItems: [{ ...ITEM, ...patch }] } } });

test('both builds of the entry export the same V2 API, and no V1 validator', () => {
  const names = [
    'NaverPayCheckout',
    'NaverPayError',
    'choosePayMode',
    'isNaverPayError',
    'parseRedirectResultV2',
    'toV2PaymentRequest',
    'validateBillingKeyV2',
    'validateNaverPayV2',
  ];
  assert.deepEqual(Object.keys(cjs).sort(), names);
  assert.deepEqual(Object.keys(esm).sort(), names);
  assert.equal(cjs.validateNaverPay, undefined);
});

test('validateNaverPayV2: one row per rule, each with its source', () => {
  const rows = [
    [{}, [], 'the base'],
    [{ storeId: undefined }, [['REQUIRED', 'storeId']], 'sdk PaymentRequestBase'],
    [{ channelKey: undefined, channelGroupId: 'g-1' }, [], 'sdk ChannelGroupId'],
    [{ channelKey: undefined }, [['REQUIRED', 'channelKey']], 'sdk ChannelKey'],
    [{ totalAmount: 99 }, [['AMOUNT_BELOW_MINIMUM', 'totalAmount']], 'np 100원 미만'],
    [{ currency: 'CURRENCY_KRW' }, [], 'co example'],
    [{ currency: 'USD' }, [['INVALID_VALUE', 'currency']], 'np currency'],
    [{ payMethod: 'CARD' }, [['INVALID_VALUE', 'payMethod']], 'np payMethod'],
    [{ orderName: '가'.repeat(129) }, [['TOO_LONG', 'orderName']], 'sdk PaymentOrderName naver'],
    [{ windowType: { pc: 'IFRAME', mobile: 'REDIRECTION' } }, [['INVALID_VALUE', 'windowType.pc']], 'np windowType'],
    [{ redirectUrl: 'http://shop.example/done' }, [], 'co http:// allowed'],
    [
      { customer: { birthYear: '1990' } },
      [
        ['REQUIRED', 'customer.birthMonth'],
        ['REQUIRED', 'customer.birthDay'],
      ],
      'np',
    ],
    [{ bypass: {} }, [['REQUIRED', 'bypass.naverpay']], 'np bypass'],
    [withItem({ count: 0 }), [['OUT_OF_RANGE', 'bypass.naverpay.productItems[0].count']], 'np count'],
    [withItem({ startDate: 20250101 }), [['INVALID_TYPE', 'bypass.naverpay.productItems[0].startDate']], 'sdk string'],
    [
      withItem({ payReferrer: 'NAVER' }),
      [['INVALID_VALUE', 'bypass.naverpay.productItems[0].payReferrer']],
      'sdk enum',
    ],
    [{ imp_secret: 'x' }, [['SECRET_IN_BROWSER', 'imp_secret']], 'SPEC'],
  ];
  for (const [patch, expected, source] of rows) {
    for (const api of [cjs, esm]) {
      const r = api.validateNaverPayV2({ ...PAYMENT, ...patch }, { now: NOW });
      assert.deepEqual(fields(r), expected, `${JSON.stringify(patch)} (${source})`);
      assert.equal(r.ok, expected.length === 0);
    }
  }
});

test('the report: every error at once, ko/en, warnings that stop nothing, and the request the SDK receives', () => {
  const r = cjs.validateNaverPayV2({ ...PAYMENT, storeId: '', totalAmount: 50, currency: 'USD' }, { locale: 'en' });
  assert.deepEqual(fields(r), [
    ['AMOUNT_BELOW_MINIMUM', 'totalAmount'],
    ['INVALID_VALUE', 'currency'],
    ['REQUIRED', 'storeId'],
  ]);
  assert.equal(r.errors[0].message, 'less than minimum amount (100 won)');
  assert.equal(
    cjs.validateNaverPayV2({ ...PAYMENT, totalAmount: 50 }).errors[0].message,
    '결제 금액이 최소 결제 금액(100원)보다 적습니다.',
  );
  const w = cjs.validateNaverPayV2({ ...PAYMENT, locale: 'EN_US', easyPay: { easyPayProvider: 'KAKAOPAY' } });
  assert.equal(w.ok, true);
  assert.deepEqual(
    w.warnings.map((x) => [x.code, x.field]),
    [
      ['IGNORED_FIELD', 'locale'],
      ['IGNORED_FIELD', 'easyPay.easyPayProvider'],
    ],
  );
  const { payMethod, currency, orderName, ...bare } = PAYMENT;
  const ok = cjs.validateNaverPayV2({ ...bare, note: { a: 1 } });
  assert.deepEqual(Object.keys(ok.request), [
    'storeId',
    'channelKey',
    'paymentId',
    'totalAmount',
    'redirectUrl',
    'bypass',
    'note',
    'currency',
    'payMethod',
    'orderName',
    'forceRedirect',
  ]);
  assert.deepEqual(
    [ok.request.currency, ok.request.payMethod, ok.request.orderName, ok.request.forceRedirect],
    ['KRW', 'EASY_PAY', 'History of the World', false],
  );
  const phone = {
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  };
  const m = cjs.validateNaverPayV2(PAYMENT, { device: phone });
  assert.equal(m.mode, 'redirect');
  assert.equal(m.request.forceRedirect, true);
  assert.deepEqual(fields(cjs.validateNaverPayV2({ ...PAYMENT, redirectUrl: undefined }, { device: phone })), [
    ['REDIRECT_URL_REQUIRED', 'redirectUrl'],
  ]);
});

test('validateBillingKeyV2: issueId and issueName required, displayAmount and currency together', () => {
  const base = {
    storeId: STORE,
    channelKey: CHANNEL,
    issueId: 'issue_0001',
    issueName: 'Slim plan',
    redirectUrl: 'https://shop.example/b',
  };
  const rows = [
    [{}, []],
    [{ issueId: undefined }, [['REQUIRED', 'issueId']]],
    [{ issueName: '' }, [['REQUIRED', 'issueName']]],
    [{ displayAmount: 14000 }, [['REQUIRED', 'currency']]],
    [{ displayAmount: 14000, currency: 'KRW' }, []],
    [{ billingKeyMethod: 'CARD' }, [['INVALID_VALUE', 'billingKeyMethod']]],
  ];
  for (const [patch, expected] of rows) {
    assert.deepEqual(fields(esm.validateBillingKeyV2({ ...base, ...patch })), expected, JSON.stringify(patch));
  }
  assert.equal(esm.validateBillingKeyV2(base).request.billingKeyMethod, 'EASY_PAY');
});

test("toV2PaymentRequest turns the npm README's V1 example into a request validateNaverPayV2 accepts", () => {
  const v1 = { ...VALID_PARAMS, m_redirect_url: 'https://shop.example/pay/complete' }; // docs/npm-readme.md, "Pay"
  const { request, dropped } = cjs.toV2PaymentRequest(v1, { storeId: STORE, channelKey: CHANNEL });
  assert.deepEqual(dropped, []);
  const r = cjs.validateNaverPayV2(request);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.deepEqual(r.warnings, []);
  assert.equal(request.paymentId, 'order_0001');
  assert.deepEqual(request.bypass.naverpay.productItems, VALID_PARAMS.naverProducts);
  const odd = cjs.toV2PaymentRequest(
    { ...v1, customer_uid: 'c', naverChainId: 'x', card: {} },
    { storeId: STORE, channelKey: CHANNEL },
  );
  assert.deepEqual(odd.dropped, ['card', 'customer_uid', 'naverChainId']);
  assert.deepEqual(cjs.toV2PaymentRequest(null, {}).request.bypass, { naverpay: {} }, 'never throws');
});

test('parseRedirectResultV2: pgMessage (else message) byte for byte, EUC-KR too', () => {
  for (const message of NASTY_MESSAGES) {
    const q = new URLSearchParams({
      paymentId: 'order_0001',
      code: 'FAILURE_TYPE_PG',
      message: `[NAVERPAY] ${message}`,
      pgMessage: message,
    });
    const r = esm.parseRedirectResultV2(`https://shop.example/done?${q}`);
    assert.equal(r.error_msg, message);
    assert.deepEqual(
      [r.success, r.error_code, r.merchant_uid, r.mode],
      [false, 'FAILURE_TYPE_PG', 'order_0001', 'redirect'],
    );
  }
  assert.equal(cjs.parseRedirectResultV2('?paymentId=p&code=X&message=%EC%B7%A8%EC%86%8C').error_msg, '취소');
  assert.equal(
    cjs.parseRedirectResultV2('?paymentId=p&code=X&pgMessage=%C0%DC%BE%D7+%BA%CE%C1%B7').error_msg,
    '잔액 부족',
  );
  const ok = cjs.parseRedirectResultV2('?paymentId=order_0001&txId=tx-1&transactionType=PAYMENT');
  assert.deepEqual([ok.success, ok.merchant_uid, ok.imp_uid, ok.error_msg], [true, 'order_0001', 'tx-1', null]);
  for (const junk of [undefined, 42, {}, 'x'.repeat(3 * 1024 * 1024)])
    assert.equal(cjs.parseRedirectResultV2(junk).success, false);
});

test('hostile input: a throwing getter, a Proxy, past the limits: a report, never a throw', () => {
  const trap = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('no');
      },
      get() {
        throw new Error('no');
      },
    },
  );
  const getter = {
    ...PAYMENT,
    get paymentId() {
      throw new Error('boom');
    },
  };
  const many = withItem({});
  many.bypass.naverpay.productItems = Array.from({ length: 1001 }, () => ITEM);
  for (const input of [trap, getter, many, null, 42, 'x', [PAYMENT]]) {
    const r = cjs.validateNaverPayV2(input);
    assert.equal(r.ok, false);
    assert.equal(r.request, null);
  }
  assert.deepEqual(fields(cjs.validateNaverPayV2(many)), [['LIMIT_EXCEEDED', 'bypass.naverpay.productItems']]);
  assert.deepEqual(fields(cjs.validateNaverPayV2(getter)), [['INVALID_TYPE', 'paymentId']]);
});

// ---- the checkout in Chromium ----------------------------------------------------------------

let browser, server, page, problems;

before(async () => {
  const { readFile } = await import('node:fs/promises');
  const sim = await readFile(`${REPO_ROOT}/sim/portone-v2.js`);
  server = await startStaticServer({
    root: REPO_ROOT,
    routes: {
      // The npm README's Trusted Types policy: the package's name alone.
      '/v2/tt-readme.html': {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
        headers: { 'Content-Security-Policy': "require-trusted-types-for 'script'; trusted-types naverpay-checkout" },
      },
      '/flaky/portone-v2.js': flakyScript(sim, 1),
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
  problems = await watchPage(page);
  await openV2(page);
});
afterEach(async () => {
  await assertPageClean(page, problems);
  await page.close();
});

async function openV2(p, path = '/__fixtures/blank.html') {
  await p.goto(server.url + path);
  await p.evaluate(async () => {
    window.npc = await import('/pkg/v2/naverpay_checkout.js');
  });
}

/** Loads the V2 simulator and wires a button whose click calls pay(); results land in window.results. */
async function checkoutWithButton(options = { mode: 'popup' }, method = 'pay') {
  await page.evaluate(
    async ([ids, p, o, m]) => {
      window.checkout = await npc.NaverPayCheckout.load({ ...ids, sdkUrl: '/sim/portone-v2.js' });
      window.results = [];
      window.syncCalls = [];
      const button = document.createElement('button');
      button.id = 'pay';
      button.textContent = 'Pay';
      button.addEventListener('click', () => {
        const before = PortOne.__sim.calls.length;
        window.checkout[m](window.nextParams ?? p, o).then(
          (r) => window.results.push({ resolved: r }),
          (e) => window.results.push({ rejected: { code: e.code, errors: e.errors, name: e.name } }),
        );
        window.syncCalls.push(PortOne.__sim.calls.length - before);
      });
      document.body.append(button);
    },
    [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS, options, method],
  );
}
const V2_PARAMS = (() => {
  const { storeId, channelKey, currency, payMethod, orderName, ...rest } = PAYMENT;
  return rest;
})();
const results = async (n) => {
  await page.waitForFunction((k) => window.results.length >= k, n);
  return page.evaluate(() => window.results);
};
const load = (options) =>
  page.evaluate(async (o) => {
    try {
      await npc.NaverPayCheckout.load(o);
      return { ok: true };
    } catch (e) {
      return { ok: false, code: e.code, name: e.name, fields: e.errors?.map((x) => x.field) };
    }
  }, options);

test('load(): storeId and channelKey are required; a failed SDK load is retried, not cached', async () => {
  assert.deepEqual(await load({ storeId: '', sdkUrl: '/sim/portone-v2.js' }), {
    ok: false,
    code: 'INVALID_PARAMS',
    name: 'NaverPayError',
    fields: ['storeId', 'channelKey'],
  });
  assert.equal(
    (await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/__fixtures/404.js' })).code,
    'SDK_LOAD_FAILED',
  );
  assert.equal(
    (await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/__fixtures/no-imp.js' })).code,
    'SDK_UNAVAILABLE',
  );
  assert.equal(
    (await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/flaky/portone-v2.js' })).code,
    'SDK_LOAD_FAILED',
  );
  assert.deepEqual(await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/flaky/portone-v2.js' }), { ok: true });
});

test("pay() calls requestPayment inside the click with what was validated, and resolves V1's shape", async () => {
  await checkoutWithButton();
  await page.evaluate(() => PortOne.__sim.setOutcome('approve'));
  await page.click('#pay');
  const [r] = await results(1);
  const call = await page.evaluate(() => PortOne.__sim.calls[0]);
  assert.equal(call.userActivation, true);
  assert.deepEqual(await page.evaluate(() => window.syncCalls), [1], 'requestPayment entered synchronously');
  assert.deepEqual(
    [
      call.request.storeId,
      call.request.channelKey,
      call.request.payMethod,
      call.request.currency,
      call.request.orderName,
      call.request.forceRedirect,
    ],
    [STORE, CHANNEL, 'EASY_PAY', 'KRW', 'History of the World', false],
  );
  const sent = await page.evaluate(() => PortOne.__sim.responses[0]);
  assert.deepEqual(
    [r.resolved.success, r.resolved.merchant_uid, r.resolved.imp_uid, r.resolved.error_msg, r.resolved.mode],
    [true, 'order_0001', sent.txId, null, 'popup'],
  );
  assert.deepEqual(r.resolved.raw, sent);
});

test("popup: Naver Pay's pgMessage comes back identical (never PortOne's wrapped message)", async () => {
  await checkoutWithButton();
  for (const message of NASTY_MESSAGES) {
    await page.evaluate((m) => {
      window.results = [];
      PortOne.__sim.setOutcome({ result: 'fail', pgMessage: m });
    }, message);
    await page.click('#pay');
    const [r] = await results(1);
    assert.equal(r.resolved.error_msg, message);
    assert.deepEqual([r.resolved.success, r.resolved.error_code], [false, 'FAILURE_TYPE_PG']);
  }
});

test('the double-submit guard, the below-minimum answer and INVALID_PARAMS, without calling the SDK', async () => {
  await checkoutWithButton();
  await page.evaluate(() => PortOne.__sim.setOutcome({ result: 'approve', delayMs: 400 }));
  await page.click('#pay');
  await page.waitForTimeout(50);
  await page.click('#pay');
  const rs = await results(2);
  assert.equal(rs[0].rejected?.code, 'PAYMENT_IN_PROGRESS');
  assert.equal(rs[1].resolved?.success, true);
  assert.equal(await page.evaluate(() => PortOne.__sim.calls.length), 1);

  await page.evaluate((p) => {
    window.results = [];
    window.nextParams = { ...p, totalAmount: 99 };
  }, V2_PARAMS);
  await page.click('#pay');
  const [low] = await results(1);
  assert.deepEqual(
    [low.resolved.success, low.resolved.error_code, low.resolved.error_msg, low.resolved.merchant_uid],
    [false, 'AMOUNT_BELOW_MINIMUM', '결제 금액이 최소 결제 금액(100원)보다 적습니다.', 'order_0001'],
  );

  await page.evaluate((p) => {
    window.results = [];
    window.nextParams = { ...p, totalAmount: '14000', paymentId: '' };
  }, V2_PARAMS);
  await page.click('#pay');
  const [bad] = await results(1);
  assert.equal(bad.rejected.code, 'INVALID_PARAMS');
  assert.deepEqual(bad.rejected.errors.map((e) => e.field).sort(), ['paymentId', 'totalAmount']);
  assert.equal(await page.evaluate(() => PortOne.__sim.calls.length), 1);
});

test('an SDK that throws or rejects gives SDK_UNAVAILABLE, and the checkout stays usable', async () => {
  await checkoutWithButton();
  await page.evaluate(() => {
    const original = PortOne.requestPayment;
    let n = 0;
    PortOne.requestPayment = (r) => {
      n += 1;
      if (n === 1) throw new Error('boom');
      if (n === 2) return Promise.reject(new Error('rejected'));
      return original(r);
    };
    PortOne.__sim.setOutcome('approve');
  });
  for (let i = 1; i <= 3; i++) {
    await page.click('#pay');
    await results(i);
  }
  const rs = await page.evaluate(() => window.results);
  assert.deepEqual(
    rs.map((r) => r.rejected?.code ?? r.resolved.success),
    ['SDK_UNAVAILABLE', 'SDK_UNAVAILABLE', true],
  );
});

test('redirect mode (phones): forceRedirect, and the redirectUrl page reads pgMessage byte for byte', async () => {
  for (const message of NASTY_MESSAGES.slice(0, 4)) {
    await openV2(page);
    await checkoutWithButton({ mode: 'redirect' });
    await page.evaluate(
      ([p, m, url]) => {
        window.nextParams = { ...p, redirectUrl: url };
        PortOne.__sim.setOutcome({ result: 'fail', pgMessage: m });
      },
      [V2_PARAMS, message, `${server.url}/__fixtures/landing.html`],
    );
    await Promise.all([page.waitForURL(/landing\.html\?/), page.click('#pay')]);
    await page.evaluate(async () => {
      window.npc = await import('/pkg/v2/naverpay_checkout.js');
    });
    const r = await page.evaluate(() => npc.parseRedirectResultV2(location.href));
    assert.deepEqual([r.success, r.error_msg, r.merchant_uid, r.mode], [false, message, 'order_0001', 'redirect']);
    await page.evaluate(() => {
      window.__unhandled = [];
    });
  }
});

test('registerBillingKey goes through requestIssueBillingKey; the key is in raw', async () => {
  await checkoutWithButton({ mode: 'popup' }, 'registerBillingKey');
  await page.evaluate(() => {
    window.nextParams = { issueId: 'issue_0001', issueName: 'Slim plan' };
    PortOne.__sim.setOutcome('approve');
  });
  await page.click('#pay');
  const [r] = await results(1);
  const call = await page.evaluate(() => PortOne.__sim.calls[0]);
  assert.deepEqual(
    [call.kind, call.request.billingKeyMethod, call.request.storeId],
    ['billing_key', 'EASY_PAY', STORE],
  );
  assert.equal(r.resolved.success, true);
  assert.match(r.resolved.raw.billingKey, /^billing-key-\d{12}$/);
});

test("the test kit answers PortOne's V2 SDK URL with the simulator and scripts its outcomes", async () => {
  const { installPortOneV2Simulator, V2_SDK_URL } = await import('../testing/index.mjs');
  await installPortOneV2Simulator(page, { outcomes: [{ result: 'fail', pgMessage: '한도 초과' }] });
  await openV2(page);
  const r = await page.evaluate(
    async ([ids, p]) => {
      const checkout = await npc.NaverPayCheckout.load(ids); // the default sdkUrl: PortOne's CDN, routed
      return checkout.pay(p, { mode: 'popup' });
    },
    [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS],
  );
  assert.equal(V2_SDK_URL, 'https://cdn.portone.io/v2/browser-sdk.js');
  assert.deepEqual([r.success, r.error_msg], [false, '한도 초과']);
  await assert.rejects(installPortOneV2Simulator(page, { outcomes: ['maybe'] }), TypeError);
});

test('no permanent lockout (10 minutes on the monotonic clock), a late answer ignored, a non-object response, and CHECKOUT_FREED after free()', async () => {
  const r = await page.evaluate(
    async ([ids, valid]) => {
      window.requests = [];
      window.resolvers = [];
      // A PortOne already on the page: load() takes it as it is.
      window.PortOne = {
        requestPayment(q) {
          window.requests.push(q);
          return new Promise((res) => window.resolvers.push(res));
        },
        requestIssueBillingKey() {
          return new Promise(() => {});
        },
      };
      const checkout = await npc.NaverPayCheckout.load(ids);
      const outcome = (p) =>
        p.then(
          (x) => ['resolved', x.merchant_uid, x.success, JSON.stringify(x.raw)],
          (e) => ['rejected', e.code],
        );
      const first = outcome(checkout.pay({ ...valid, paymentId: 'first' }, { mode: 'popup' }));
      const early = await outcome(checkout.pay({ ...valid, paymentId: 'early' }, { mode: 'popup' }));
      const now = performance.now;
      performance.now = () => now.call(performance) + 10 * 60 * 1000 + 1; // the monotonic clock, as V1's
      let third;
      try {
        third = outcome(checkout.pay({ ...valid, paymentId: 'third' }, { mode: 'popup' }));
      } finally {
        performance.now = now;
      }
      window.resolvers[0]({ paymentId: 'first' }); // the stale payment's late answer
      window.resolvers[1]({ paymentId: 'third', txId: 'tx' });
      const out = { first: await first, early, third: await third, requests: window.requests.map((q) => q.paymentId) };
      const odd = outcome(checkout.pay({ ...valid, paymentId: 'odd' }, { mode: 'popup' }));
      window.resolvers[2]('a string');
      out.odd = await odd;
      checkout.free();
      out.freed = await outcome(checkout.pay(valid));
      return out;
    },
    [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS],
  );
  assert.deepEqual(r, {
    first: ['rejected', 'PAYMENT_SUPERSEDED'],
    early: ['rejected', 'PAYMENT_IN_PROGRESS'],
    third: ['resolved', 'third', true, '{"paymentId":"third","txId":"tx"}'],
    requests: ['first', 'third'],
    odd: ['resolved', null, false, '{}'],
    freed: ['rejected', 'CHECKOUT_FREED'],
  });
});

test('polluted prototypes and a getter that changes: requestPayment gets what validation read, nothing inherited', async () => {
  await checkoutWithButton();
  await page.evaluate((p) => {
    Object.prototype.redirectUrl = 'https://evil.example/steal';
    Object.prototype.channelGroupId = 'evil-group';
    let reads = 0;
    window.nextParams = {
      ...p,
      get totalAmount() {
        reads += 1;
        return reads === 1 ? 14000 : 1;
      },
    };
    // What the SDK reads off the request it is given, inherited properties included.
    const original = PortOne.requestPayment;
    PortOne.requestPayment = (q) => {
      window.seen = { group: q.channelGroupId, redirect: q.redirectUrl, amount: q.totalAmount };
      return original(q);
    };
    PortOne.__sim.setOutcome('approve');
  }, V2_PARAMS);
  try {
    await page.click('#pay');
    const [r] = await results(1);
    assert.equal(r.resolved.success, true);
    assert.deepEqual(
      await page.evaluate(() => window.seen),
      { group: undefined, redirect: 'https://shop.example/pay/complete', amount: 14000 },
      "the amount validated (not the getter read again), the caller's own redirectUrl, nothing inherited",
    );
  } finally {
    await page.evaluate(() => {
      delete Object.prototype.redirectUrl;
      delete Object.prototype.channelGroupId;
    });
  }
});

/** A PortOne on the page that records each request and keeps each answer's resolver in `window.resolvers`. */
const fakePortOne = () =>
  page.evaluate(() => {
    window.requests = [];
    window.resolvers = [];
    const answer = (q) => {
      requests.push(q);
      return new Promise((res) => resolvers.push(res));
    };
    window.PortOne = { requestPayment: answer, requestIssueBillingKey: answer };
  });

test('the wall clock set back or forward changes nothing: a pending payment is neither locked out longer nor superseded early', async () => {
  await fakePortOne();
  const r = await page.evaluate(
    async ([ids, valid]) => {
      const checkout = await npc.NaverPayCheckout.load(ids);
      const outcome = (p) =>
        Promise.race([
          p.then(
            (x) => ['resolved', x.merchant_uid],
            (e) => ['rejected', e.code],
          ),
          new Promise((resolve) => setTimeout(() => resolve(['pending']), 500)),
        ]);
      const first = outcome(checkout.pay({ ...valid, paymentId: 'first' }, { mode: 'popup' }));
      const wall = Date.now;
      const out = [];
      try {
        for (const shift of [60 * 60 * 1000, -60 * 60 * 1000]) {
          Date.now = () => wall() + shift;
          out.push(await outcome(checkout.pay({ ...valid, paymentId: `shift${shift}` }, { mode: 'popup' })));
        }
      } finally {
        Date.now = wall;
      }
      resolvers[0]({ paymentId: 'first', txId: 'tx' });
      return { first: await first, out, requests: requests.map((q) => q.paymentId) };
    },
    [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS],
  );
  assert.deepEqual(r, {
    first: ['resolved', 'first'],
    out: [
      ['rejected', 'PAYMENT_IN_PROGRESS'],
      ['rejected', 'PAYMENT_IN_PROGRESS'],
    ],
    requests: ['first'],
  });
});

test("an approval with a large field echoed beside PortOne's own is a success; raw is PortOne's object", async () => {
  await fakePortOne();
  const r = await page.evaluate(
    async ([ids, valid]) => {
      const checkout = await npc.NaverPayCheckout.load(ids);
      const paid = checkout.pay(valid, { mode: 'popup' });
      // 60,000 values: past the request limit of 50,000 (js/bridge.js), never read for the outcome.
      const response = {
        transactionType: 'PAYMENT',
        paymentId: valid.paymentId,
        txId: 'tx-big',
        echo: Array.from({ length: 60 }, () => Array(1000).fill(1)),
      };
      resolvers[0](response);
      const result = await paid;
      return [result.success, result.merchant_uid, result.imp_uid, result.error_msg, result.raw === response];
    },
    [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS],
  );
  assert.deepEqual(r, [true, 'order_0001', 'tx-big', null, true]);
});

test('pay() and registerBillingKey() results and INVALID_PARAMS carry warnings; popup forced on a phone is POPUP_ON_MOBILE', async () => {
  await fakePortOne();
  const r = await page.evaluate(
    async ([ids, valid]) => {
      const checkout = await npc.NaverPayCheckout.load(ids);
      const phone = {
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
      };
      const warned = (x) => x.warnings?.map((w) => [w.code, w.field]) ?? null;
      const out = {};
      const paid = checkout.pay({ ...valid, locale: 'EN_US' }, { mode: 'popup' });
      resolvers.at(-1)({ paymentId: valid.paymentId, txId: 'tx' });
      out.paid = warned(await paid);
      const forced = checkout.pay(valid, { mode: 'popup', device: phone });
      resolvers.at(-1)({ paymentId: valid.paymentId, txId: 'tx' });
      out.forced = warned(await forced);
      out.forceRedirectFalse = warned(
        npc.validateNaverPayV2({ ...valid, storeId: 's', channelKey: 'c', forceRedirect: false }, { device: phone }),
      );
      const key = checkout.registerBillingKey(
        { issueId: 'issue_0001', issueName: 'Plan', locale: 'EN_US' },
        { mode: 'popup' },
      );
      resolvers.at(-1)({ billingKey: 'billing-key-1' });
      out.key = warned(await key);
      out.low = warned(await checkout.pay({ ...valid, totalAmount: 99, locale: 'EN_US' }, { mode: 'popup' }));
      out.bad = await checkout.pay({ ...valid, paymentId: '', locale: 'EN_US' }).catch((e) => [e.code, warned(e)]);
      out.plain = warned(
        await (async () => {
          const p = checkout.pay(valid, { mode: 'popup' });
          resolvers.at(-1)({ paymentId: valid.paymentId, txId: 'tx' });
          return p;
        })(),
      );
      return out;
    },
    [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS],
  );
  assert.deepEqual(r, {
    paid: [['IGNORED_FIELD', 'locale']],
    forced: [['POPUP_ON_MOBILE', 'options.mode']],
    forceRedirectFalse: [['POPUP_ON_MOBILE', 'forceRedirect']],
    key: [['IGNORED_FIELD', 'locale']],
    low: [['IGNORED_FIELD', 'locale']],
    bad: ['INVALID_PARAMS', [['IGNORED_FIELD', 'locale']]],
    plain: null,
  });
});

test("every request runs under its own checkout's storeId and channelKey, whatever another checkout or the page did", async () => {
  await fakePortOne();
  const r = await page.evaluate(async (valid) => {
    const a = await npc.NaverPayCheckout.load({ storeId: 'store-a', channelKey: 'channel-a' });
    const b = await npc.NaverPayCheckout.load({ storeId: 'store-b', channelKey: 'channel-b' });
    const settle = async (p) => {
      resolvers.at(-1)({ paymentId: requests.at(-1).paymentId ?? 'k', txId: 'tx' });
      await p;
    };
    await settle(a.pay({ ...valid, paymentId: 'a1' }, { mode: 'popup' }));
    await settle(b.pay({ ...valid, paymentId: 'b1' }, { mode: 'popup' }));
    const own = PortOne.requestPayment({ storeId: 'store-page', channelKey: 'channel-page', paymentId: 'page' }); // the page's own
    resolvers.at(-1)({});
    await own;
    await settle(a.pay({ ...valid, paymentId: 'a2' }, { mode: 'popup' }));
    await settle(a.registerBillingKey({ issueId: 'a3', issueName: 'Plan' }, { mode: 'popup' }));
    return requests.map((q) => [q.storeId, q.channelKey, q.paymentId ?? q.issueId]);
  }, V2_PARAMS);
  assert.deepEqual(r, [
    ['store-a', 'channel-a', 'a1'],
    ['store-b', 'channel-b', 'b1'],
    ['store-page', 'channel-page', 'page'],
    ['store-a', 'channel-a', 'a2'],
    ['store-a', 'channel-a', 'a3'],
  ]);
});

test('free() twice, 30,000 times, and free() during pay() throw nothing; the checkout then rejects CHECKOUT_FREED', async () => {
  await fakePortOne();
  const r = await page.evaluate(
    async ([ids, valid]) => {
      const outcome = (p) =>
        Promise.race([
          p.then(
            (x) => ['resolved', x.merchant_uid],
            (e) => ['rejected', e.code],
          ),
          new Promise((resolve) => setTimeout(() => resolve(['pending']), 500)),
        ]);
      const thrown = [];
      const attempt = (f) => {
        try {
          f();
        } catch (e) {
          thrown.push(String(e));
        }
      };
      const freed = await npc.NaverPayCheckout.load(ids);
      for (let i = 0; i < 30_000; i++) {
        attempt(() => freed.free());
        if (Symbol.dispose) attempt(() => freed[Symbol.dispose]());
      }
      // free() from a getter of the params, inside pay(): pay() goes on, the checkout is freed after it.
      const a = await npc.NaverPayCheckout.load(ids);
      const params = {
        ...valid,
        paymentId: 'getter',
        get redirectUrl() {
          attempt(() => a.free());
          return valid.redirectUrl;
        },
      };
      const fromGetter = outcome(a.pay(params, { mode: 'popup' }));
      resolvers.at(-1)({ paymentId: 'getter', txId: 'tx' });
      // free() from inside requestPayment.
      const b = await npc.NaverPayCheckout.load(ids);
      const requestPayment = PortOne.requestPayment;
      PortOne.requestPayment = (q) => {
        attempt(() => b.free());
        return requestPayment(q);
      };
      const fromSdk = outcome(b.pay({ ...valid, paymentId: 'sdk' }, { mode: 'popup' }));
      PortOne.requestPayment = requestPayment;
      resolvers.at(-1)({ paymentId: 'sdk', txId: 'tx' });
      return {
        thrown,
        fromGetter: await fromGetter,
        fromSdk: await fromSdk,
        after: [
          await outcome(a.pay(valid)),
          await outcome(b.registerBillingKey({ issueId: 'i', issueName: 'n' })),
          await outcome(freed.pay(valid)),
        ],
        requests: requests.map((q) => q.paymentId),
        works: npc.validateNaverPayV2(valid).ok === false,
      };
    },
    [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS],
  );
  assert.deepEqual(r, {
    thrown: [],
    fromGetter: ['resolved', 'getter'],
    fromSdk: ['resolved', 'sdk'],
    after: [
      ['rejected', 'CHECKOUT_FREED'],
      ['rejected', 'CHECKOUT_FREED'],
      ['rejected', 'CHECKOUT_FREED'],
    ],
    requests: ['getter', 'sdk'],
    works: true,
  });
});

test("under the npm README's Trusted Types policy, load() injects PortOne's V2 SDK (the default sdkUrl) through the shared policy", async () => {
  const { readFile } = await import('node:fs/promises');
  const sim = await readFile(`${REPO_ROOT}/sim/portone-v2.js`);
  await page.route('https://cdn.portone.io/v2/browser-sdk.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: sim }),
  );
  await openV2(page, '/v2/tt-readme.html');
  const r = await page.evaluate(
    async (ids) => {
      let enforced;
      try {
        document.createElement('script').src = '/sim/portone-v2.js';
      } catch {
        enforced = true;
      }
      // The probe's own violation is reported in a task of its own: listen only after it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const loaded = await npc.NaverPayCheckout.load(ids).then(
        () => 'ok',
        (e) => e.code,
      );
      const other = await npc.NaverPayCheckout.load({ ...ids, sdkUrl: '/sim/portone-v2.js', timeoutMs: 3000 }).then(
        () => 'ok',
        (e) => e.code,
      );
      return { enforced, loaded, other, sdk: typeof PortOne?.requestPayment, violations };
    },
    { storeId: STORE, channelKey: CHANNEL },
  );
  assert.deepEqual(r, { enforced: true, loaded: 'ok', other: 'ok', sdk: 'function', violations: [] });
});
