// naverpay-checkout/v2 (PortOne V2): the validators, the migration and the redirect parser from Node (the
// CommonJS build and the ES module), and the checkout in headless Chromium against the V2 simulator
// (sim/portone-v2.js). Each validator row names its source: `sdk` browser-sdk.yml, `np` pg/v2/naverpay.mdx,
// `co` start/v2/checkout.mdx (docs/rules.md, "PortOne V2", gives each document's commit).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launchBrowser, collectPageProblems } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { REPO_ROOT, VALID_PARAMS, NASTY_MESSAGES } from './support/pkg.mjs';

const require = createRequire(import.meta.url);
const cjs = require('../pkg/v2/node/naverpay_checkout.js');
const esm = await import('../pkg/v2/naverpay_checkout.js');

const STORE = 'store-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec';
const CHANNEL = 'channel-key-893597d6-e62d-410f-83f9-119f530b4b11';
const ITEM = Object.freeze({ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 });
const PAYMENT = Object.freeze({
  storeId: STORE, channelKey: CHANNEL, paymentId: 'order_0001', orderName: 'History of the World', totalAmount: 14000,
  currency: 'KRW', payMethod: 'EASY_PAY', redirectUrl: 'https://shop.example/pay/complete',
  bypass: { naverpay: { productItems: [ITEM] } },
});
const NOW = new Date('2024-12-31T15:30:00Z'); // 2025-01-01 in Seoul
const fields = (r) => r.errors.map((e) => [e.code, e.field]);
const withItem = (patch) => ({ ...PAYMENT, bypass: { naverpay: { productItems: [{ ...ITEM, ...patch }] } } });

test('both builds of the entry export the same V2 API, and no V1 validator', () => {
  const names = ['NaverPayCheckout', 'NaverPayError', 'choosePayMode', 'isNaverPayError', 'parseRedirectResultV2',
    'toV2PaymentRequest', 'validateBillingKeyV2', 'validateNaverPayV2'];
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
    [{ customer: { birthYear: '1990' } }, [['REQUIRED', 'customer.birthMonth'], ['REQUIRED', 'customer.birthDay']], 'np'],
    [{ bypass: {} }, [['REQUIRED', 'bypass.naverpay']], 'np bypass'],
    [withItem({ count: 0 }), [['OUT_OF_RANGE', 'bypass.naverpay.productItems[0].count']], 'np count'],
    [withItem({ startDate: 20250101 }), [['INVALID_TYPE', 'bypass.naverpay.productItems[0].startDate']], 'sdk string'],
    [withItem({ payReferrer: 'NAVER' }), [['INVALID_VALUE', 'bypass.naverpay.productItems[0].payReferrer']], 'sdk enum'],
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
  assert.deepEqual(fields(r), [['AMOUNT_BELOW_MINIMUM', 'totalAmount'], ['INVALID_VALUE', 'currency'], ['REQUIRED', 'storeId']]);
  assert.equal(r.errors[0].message, 'less than minimum amount (100 won)');
  assert.equal(cjs.validateNaverPayV2({ ...PAYMENT, totalAmount: 50 }).errors[0].message,
    '결제 금액이 최소 결제 금액(100원)보다 적습니다.');
  const w = cjs.validateNaverPayV2({ ...PAYMENT, locale: 'EN_US', easyPay: { easyPayProvider: 'KAKAOPAY' } });
  assert.equal(w.ok, true);
  assert.deepEqual(w.warnings.map((x) => [x.code, x.field]), [['IGNORED_FIELD', 'locale'], ['IGNORED_FIELD', 'easyPay.easyPayProvider']]);
  const { payMethod, currency, orderName, ...bare } = PAYMENT;
  const ok = cjs.validateNaverPayV2({ ...bare, note: { a: 1 } });
  assert.deepEqual(Object.keys(ok.request),
    ['storeId', 'channelKey', 'paymentId', 'totalAmount', 'redirectUrl', 'bypass', 'note', 'currency', 'payMethod', 'orderName', 'forceRedirect']);
  assert.deepEqual([ok.request.currency, ok.request.payMethod, ok.request.orderName, ok.request.forceRedirect],
    ['KRW', 'EASY_PAY', 'History of the World', false]);
  const phone = { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148' };
  const m = cjs.validateNaverPayV2(PAYMENT, { device: phone });
  assert.equal(m.mode, 'redirect');
  assert.equal(m.request.forceRedirect, true);
  assert.deepEqual(fields(cjs.validateNaverPayV2({ ...PAYMENT, redirectUrl: undefined }, { device: phone })),
    [['REDIRECT_URL_REQUIRED', 'redirectUrl']]);
});

test('validateBillingKeyV2: issueId and issueName required, displayAmount and currency together', () => {
  const base = { storeId: STORE, channelKey: CHANNEL, issueId: 'issue_0001', issueName: 'Slim plan', redirectUrl: 'https://shop.example/b' };
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

test('toV2PaymentRequest turns the README\'s V1 example into a request validateNaverPayV2 accepts', () => {
  const v1 = { ...VALID_PARAMS, m_redirect_url: 'https://shop.example/pay/complete' }; // README.md, "Use"
  const { request, dropped } = cjs.toV2PaymentRequest(v1, { storeId: STORE, channelKey: CHANNEL });
  assert.deepEqual(dropped, []);
  const r = cjs.validateNaverPayV2(request);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.deepEqual(r.warnings, []);
  assert.equal(request.paymentId, 'order_0001');
  assert.deepEqual(request.bypass.naverpay.productItems, VALID_PARAMS.naverProducts);
  const odd = cjs.toV2PaymentRequest({ ...v1, customer_uid: 'c', naverChainId: 'x', card: {} }, { storeId: STORE, channelKey: CHANNEL });
  assert.deepEqual(odd.dropped, ['card', 'customer_uid', 'naverChainId']);
  assert.deepEqual(cjs.toV2PaymentRequest(null, {}).request.bypass, { naverpay: {} }, 'never throws');
});

test('parseRedirectResultV2: pgMessage (else message) byte for byte, EUC-KR too', () => {
  for (const message of NASTY_MESSAGES) {
    const q = new URLSearchParams({ paymentId: 'order_0001', code: 'FAILURE_TYPE_PG', message: `[NAVERPAY] ${message}`, pgMessage: message });
    const r = esm.parseRedirectResultV2(`https://shop.example/done?${q}`);
    assert.equal(r.error_msg, message);
    assert.deepEqual([r.success, r.error_code, r.merchant_uid, r.mode], [false, 'FAILURE_TYPE_PG', 'order_0001', 'redirect']);
  }
  assert.equal(cjs.parseRedirectResultV2('?paymentId=p&code=X&message=%EC%B7%A8%EC%86%8C').error_msg, '취소');
  assert.equal(cjs.parseRedirectResultV2('?paymentId=p&code=X&pgMessage=%C0%DC%BE%D7+%BA%CE%C1%B7').error_msg, '잔액 부족');
  const ok = cjs.parseRedirectResultV2('?paymentId=order_0001&txId=tx-1&transactionType=PAYMENT');
  assert.deepEqual([ok.success, ok.merchant_uid, ok.imp_uid, ok.error_msg], [true, 'order_0001', 'tx-1', null]);
  for (const junk of [undefined, 42, {}, 'x'.repeat(3 * 1024 * 1024)]) assert.equal(cjs.parseRedirectResultV2(junk).success, false);
});

test('hostile input: a throwing getter, a Proxy, past the limits: a report, never a throw', () => {
  const trap = new Proxy({}, { ownKeys() { throw new Error('no'); }, get() { throw new Error('no'); } });
  const getter = { ...PAYMENT, get paymentId() { throw new Error('boom'); } };
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
let flakyHits = 0;

before(async () => {
  const { readFile } = await import('node:fs/promises');
  const sim = await readFile(`${REPO_ROOT}/sim/portone-v2.js`);
  server = await startStaticServer({
    root: REPO_ROOT,
    routes: {
      '/flaky/portone-v2.js': (req, res) => {
        flakyHits += 1;
        if (flakyHits <= 1) { res.writeHead(503); res.end(); return; }
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        res.end(sim);
      },
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
  problems = collectPageProblems(page);
  await page.addInitScript(() => {
    window.__unhandled = [];
    window.addEventListener('unhandledrejection', (e) => window.__unhandled.push(String(e.reason)));
  });
  await openV2(page);
});
afterEach(async () => {
  assert.deepEqual(await page.evaluate(() => window.__unhandled), [], 'no unhandled promise rejection');
  assert.deepEqual(problems.pageErrors.map(String), [], 'no uncaught page error');
  await page.close();
});

async function openV2(p, path = '/__fixtures/blank.html') {
  await p.goto(server.url + path);
  await p.evaluate(async () => { window.npc = await import('/pkg/v2/naverpay_checkout.js'); });
}

/** Loads the V2 simulator and wires a button whose click calls pay(); results land in window.results. */
async function checkoutWithButton(options = { mode: 'popup' }, method = 'pay') {
  await page.evaluate(async ([ids, p, o, m]) => {
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
        (e) => window.results.push({ rejected: { code: e.code, errors: e.errors, name: e.name } }));
      window.syncCalls.push(PortOne.__sim.calls.length - before);
    });
    document.body.append(button);
  }, [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS, options, method]);
}
const V2_PARAMS = (() => {
  const { storeId, channelKey, currency, payMethod, orderName, ...rest } = PAYMENT;
  return rest;
})();
const results = async (n) => {
  await page.waitForFunction((k) => window.results.length >= k, n);
  return page.evaluate(() => window.results);
};
const load = (options) => page.evaluate(async (o) => {
  try {
    await npc.NaverPayCheckout.load(o);
    return { ok: true };
  } catch (e) {
    return { ok: false, code: e.code, name: e.name, fields: e.errors?.map((x) => x.field) };
  }
}, options);

test('load(): storeId and channelKey are required; a failed SDK load is retried, not cached', async () => {
  assert.deepEqual(await load({ storeId: '', sdkUrl: '/sim/portone-v2.js' }),
    { ok: false, code: 'INVALID_PARAMS', name: 'NaverPayError', fields: ['storeId', 'channelKey'] });
  assert.equal((await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/__fixtures/404.js' })).code, 'SDK_LOAD_FAILED');
  assert.equal((await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/__fixtures/no-imp.js' })).code, 'SDK_UNAVAILABLE');
  assert.equal((await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/flaky/portone-v2.js' })).code, 'SDK_LOAD_FAILED');
  assert.deepEqual(await load({ storeId: STORE, channelKey: CHANNEL, sdkUrl: '/flaky/portone-v2.js' }), { ok: true });
});

test('pay() calls requestPayment inside the click with what was validated, and resolves V1\'s shape', async () => {
  await checkoutWithButton();
  await page.evaluate(() => PortOne.__sim.setOutcome('approve'));
  await page.click('#pay');
  const [r] = await results(1);
  const call = await page.evaluate(() => PortOne.__sim.calls[0]);
  assert.equal(call.userActivation, true);
  assert.deepEqual(await page.evaluate(() => window.syncCalls), [1], 'requestPayment entered synchronously');
  assert.deepEqual([call.request.storeId, call.request.channelKey, call.request.payMethod, call.request.currency,
    call.request.orderName, call.request.forceRedirect], [STORE, CHANNEL, 'EASY_PAY', 'KRW', 'History of the World', false]);
  const sent = await page.evaluate(() => PortOne.__sim.responses[0]);
  assert.deepEqual([r.resolved.success, r.resolved.merchant_uid, r.resolved.imp_uid, r.resolved.error_msg, r.resolved.mode],
    [true, 'order_0001', sent.txId, null, 'popup']);
  assert.deepEqual(r.resolved.raw, sent);
});

test('popup: Naver Pay\'s pgMessage comes back identical (never PortOne\'s wrapped message)', async () => {
  await checkoutWithButton();
  for (const message of NASTY_MESSAGES) {
    await page.evaluate((m) => { window.results = []; PortOne.__sim.setOutcome({ result: 'fail', pgMessage: m }); }, message);
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

  await page.evaluate((p) => { window.results = []; window.nextParams = { ...p, totalAmount: 99 }; }, V2_PARAMS);
  await page.click('#pay');
  const [low] = await results(1);
  assert.deepEqual([low.resolved.success, low.resolved.error_code, low.resolved.error_msg, low.resolved.merchant_uid],
    [false, 'AMOUNT_BELOW_MINIMUM', '결제 금액이 최소 결제 금액(100원)보다 적습니다.', 'order_0001']);

  await page.evaluate((p) => { window.results = []; window.nextParams = { ...p, totalAmount: '14000', paymentId: '' }; }, V2_PARAMS);
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
  assert.deepEqual(rs.map((r) => r.rejected?.code ?? r.resolved.success), ['SDK_UNAVAILABLE', 'SDK_UNAVAILABLE', true]);
});

test('redirect mode (phones): forceRedirect, and the redirectUrl page reads pgMessage byte for byte', async () => {
  for (const message of NASTY_MESSAGES.slice(0, 4)) {
    await openV2(page);
    await checkoutWithButton({ mode: 'redirect' });
    await page.evaluate(([p, m, url]) => {
      window.nextParams = { ...p, redirectUrl: url };
      PortOne.__sim.setOutcome({ result: 'fail', pgMessage: m });
    }, [V2_PARAMS, message, `${server.url}/__fixtures/landing.html`]);
    await Promise.all([page.waitForURL(/landing\.html\?/), page.click('#pay')]);
    await page.evaluate(async () => { window.npc = await import('/pkg/v2/naverpay_checkout.js'); });
    const r = await page.evaluate(() => npc.parseRedirectResultV2(location.href));
    assert.deepEqual([r.success, r.error_msg, r.merchant_uid, r.mode], [false, message, 'order_0001', 'redirect']);
    await page.evaluate(() => { window.__unhandled = []; });
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
  assert.deepEqual([call.kind, call.request.billingKeyMethod, call.request.storeId], ['billing_key', 'EASY_PAY', STORE]);
  assert.equal(r.resolved.success, true);
  assert.match(r.resolved.raw.billingKey, /^billing-key-\d{12}$/);
});

test('the test kit answers PortOne\'s V2 SDK URL with the simulator and scripts its outcomes', async () => {
  const { installPortOneV2Simulator, V2_SDK_URL } = await import('../testing/index.mjs');
  await installPortOneV2Simulator(page, { outcomes: [{ result: 'fail', pgMessage: '한도 초과' }] });
  await openV2(page);
  const r = await page.evaluate(async ([ids, p]) => {
    const checkout = await npc.NaverPayCheckout.load(ids); // the default sdkUrl: PortOne's CDN, routed
    return checkout.pay(p, { mode: 'popup' });
  }, [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS]);
  assert.equal(V2_SDK_URL, 'https://cdn.portone.io/v2/browser-sdk.js');
  assert.deepEqual([r.success, r.error_msg], [false, '한도 초과']);
  await assert.rejects(installPortOneV2Simulator(page, { outcomes: ['maybe'] }), TypeError);
});

test('no permanent lockout, a late answer ignored, a non-object response, and CHECKOUT_FREED after free()', async () => {
  const r = await page.evaluate(async ([ids, valid]) => {
    window.requests = [];
    window.resolvers = [];
    // A PortOne already on the page: load() takes it as it is.
    window.PortOne = {
      requestPayment(q) { requests.push(q); return new Promise((res) => resolvers.push(res)); },
      requestIssueBillingKey() { return new Promise(() => {}); },
    };
    const checkout = await npc.NaverPayCheckout.load(ids);
    const outcome = (p) => p.then((x) => ['resolved', x.merchant_uid, x.success, JSON.stringify(x.raw)], (e) => ['rejected', e.code]);
    const first = outcome(checkout.pay({ ...valid, paymentId: 'first' }, { mode: 'popup' }));
    const early = await outcome(checkout.pay({ ...valid, paymentId: 'early' }, { mode: 'popup' }));
    const now = Date.now;
    Date.now = () => now() + 10 * 60 * 1000 + 1;
    let third;
    try {
      third = outcome(checkout.pay({ ...valid, paymentId: 'third' }, { mode: 'popup' }));
    } finally {
      Date.now = now;
    }
    resolvers[0]({ paymentId: 'first' }); // the stale payment's late answer
    resolvers[1]({ paymentId: 'third', txId: 'tx' });
    const out = { first: await first, early, third: await third, requests: requests.map((q) => q.paymentId) };
    const odd = outcome(checkout.pay({ ...valid, paymentId: 'odd' }, { mode: 'popup' }));
    resolvers[2]('a string');
    out.odd = await odd;
    checkout.free();
    out.freed = await outcome(checkout.pay(valid));
    return out;
  }, [{ storeId: STORE, channelKey: CHANNEL }, V2_PARAMS]);
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
    window.nextParams = { ...p, get totalAmount() { reads += 1; return reads === 1 ? 14000 : 1; } };
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
    assert.deepEqual(await page.evaluate(() => window.seen),
      { group: undefined, redirect: 'https://shop.example/pay/complete', amount: 14000 },
      'the amount validated (not the getter read again), the caller\'s own redirectUrl, nothing inherited');
  } finally {
    await page.evaluate(() => { delete Object.prototype.redirectUrl; delete Object.prototype.channelGroupId; });
  }
});
