// The inspection rehearsal (naverpay-checkout/testing, rehearseInspection) on the demo checkout, where every
// scenario passes, and on deliberately broken copies of it (tests/support/broken-demo.mjs), where the scenario
// that stands for the broken rule fails with a reason that names what the buyer saw; the same on the demo's
// PortOne V2 page (sdk: 'v2') at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleDemo } from './support/demo.mjs';
import { bundleBrokenDemos, serveBrokenDemo, startBrokenBackend } from './support/broken-demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser } from './support/browser.mjs';
import { rehearseInspection, rehearseServer, SCENARIOS, SERVER_SCENARIOS, DEVICES } from '../testing/index.mjs';

let browser, demo, tmp, broken;
const backends = []; // broken copies of the backend started by the tests

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'npc-inspection-'));
  browser = await launchBrowser();
  await Promise.all([
    bundleDemo(path.join(tmp, 'demo')),
    bundleBrokenDemos(path.join(tmp, 'broken')).then((d) => {
      broken = d;
    }),
  ]);
  demo = await startDemoServer({ port: 0, distDir: path.join(tmp, 'demo') });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  await Promise.all(backends.map((b) => b.close()));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// What a merchant passes for the demo: wait until it can pay; for the minimum, empty the cart but a 50-won e-book.
const ready = (page) => page.waitForSelector('#checkout[data-ready="true"]');
const DEMO_OPTIONS = {
  pay: '#pay-button',
  setup: ready,
  belowMinimum: {
    amount: 50,
    async setup(page) {
      await ready(page);
      for (const id of ['history-of-the-world', 'bts-map-of-the-soul', 'steel-tumbler']) {
        await page.click(`[data-product="${id}"] [data-step="-1"]`);
      }
      await page.click('[data-product="ebook-sample"] [data-step="1"]');
    },
  },
};

/**
 * Rehearses on a fresh page of the demo, or of the broken copy `name`; `at` picks the V2 page (V2_AT) or another
 * server (a broken backend).
 */
async function rehearse(name, extra = {}, at = {}) {
  const { server = demo, pathname = '/', options = DEMO_OPTIONS, rest = '/portone' } = at;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const prepare = name ? (p) => serveBrokenDemo(p, server.url, broken[name]) : null;
    if (prepare) await prepare(page);
    await page.goto(server.url + pathname);
    return await rehearseInspection(page, {
      ...options,
      rest: { url: `${server.url}${rest}` },
      preparePage: prepare ?? undefined,
      ...extra,
    });
  } finally {
    await context.close();
  }
}

const statuses = (report) => Object.fromEntries(report.scenarios.map((s) => [s.id, s.status]));
const scenario = (report, id) => report.scenarios.find((s) => s.id === id);
const allPassedBut = (report, others) => Object.fromEntries(SCENARIOS.map((s) => [s.id, others[s.id] ?? 'passed']));

// On V1 a count raised at the same total cannot be seen by the server: PortOne V1's payment has no products.
const V1_COUNT_NOT_APPLICABLE =
  /^PortOne V1's payment \(GET \/payments\/\{imp_uid\}, PaymentAnnotation in v1\.openapi\.yml\) carries no products nor counts, and \/payments\/\{imp_uid\}\/naver\/product-orders is for order-type Naver Pay \(주문형\)/;

test('the demo checkout passes every scenario of the rehearsal that applies on V1; tampered-count is not applicable', async () => {
  const report = await rehearse(null);
  assert.deepEqual(statuses(report), allPassedBut(report, { 'tampered-count': 'not applicable' }), report.summary);
  assert.equal(report.ok, true);
  assert.equal(report.passed, SCENARIOS.length - 1);
  assert.match(scenario(report, 'tampered-count').reason, V1_COUNT_NOT_APPLICABLE);
  assert.match(
    scenario(report, 'failure-message').reason,
    /^shown as an element's whole text: "잔액이 부족합니다 <b data-npc-rehearsal=\\"(\d{6})\\">&amp;<\/b><img src=\\"x\\" data-npc-rehearsal=\\"\1\\" onerror=\\"window.__npcRehearsalRan=\1\\"> \(리허설 \1\)"$/,
  );
  assert.match(scenario(report, 'below-minimum').reason, /결제 금액이 최소 결제 금액\(100원\)보다 적습니다/);
  assert.match(
    scenario(report, 'redirect-phone').reason,
    /naverPopupMode: false, m_redirect_url "http:\/\/127\.0\.0\.1:\d+\/complete\.html"/,
  );
  assert.match(scenario(report, 'failure-message-redirect-euc-kr').reason, /returned to \/complete\.html/);
  assert.match(
    scenario(report, 'redirect-crafted-link').reason,
    /^the crafted message was shown as text \(\/complete\.html\?…&error_msg=…\)$/,
  );
  assert.match(
    scenario(report, 'tampered-amount').reason,
    /^the buyer changed the amount from 48400 to 100 in the browser \(imp_uid imp_\d{12}\); PortOne approved 100 won, and the server looked it up and refunded it \(reason "[^"]+", requester "admin"\)$/,
  );
  assert.match(
    report.summary,
    new RegExp(
      `^Naver Pay inspection rehearsal: ${SCENARIOS.length - 1} passed, 0 failed, 0 not rehearsed, 1 not applicable\n`,
    ),
  );
});

// A failure message as the rehearsal sends it, quoted in a reason.
const MESSAGE = String.raw`"잔액이 부족합니다 <b data-npc-rehearsal=\\"\d{6}\\">&amp;</b><img src=\\"x\\" data-npc-rehearsal=\\"\d{6}\\" onerror=\\"window.__npcRehearsalRan=\d{6}\\"> \(리허설 \d{6}\)"`;

test('a prefixed message fails the failure-message scenarios, quoting the longer text the buyer saw', async () => {
  const report = await rehearse('prefixed', {
    only: ['failure-message', 'naver-products', 'failure-message-redirect'],
  });
  assert.deepEqual(
    statuses(report),
    { 'failure-message': 'failed', 'naver-products': 'passed', 'failure-message-redirect': 'passed' },
    report.summary,
  );
  assert.match(
    scenario(report, 'failure-message').reason,
    new RegExp(
      String.raw`^the PG sent "(잔액이 부족합니다 .*\(리허설 \d{6}\))" but the buyer saw it inside a longer text: "결제에 실패했습니다\. 사유: \1"$`,
    ),
  );
  assert.equal(report.ok, false);
  assert.match(report.summary, /FAIL {2}failure-message: .*\n {8}the PG sent/);
});

test('a translated message fails, naming the text shown instead', async () => {
  const report = await rehearse('translated', { only: ['failure-message', 'below-minimum'] });
  assert.equal(scenario(report, 'failure-message').status, 'failed', report.summary);
  assert.match(
    scenario(report, 'failure-message').reason,
    new RegExp(
      String.raw`^the PG sent ${MESSAGE} but no element's text nor alert carried it; the buyer saw "결제되지 않았습니다", "Your payment was declined\." \(translated or replaced\?\)$`,
    ),
  );
  assert.equal(scenario(report, 'below-minimum').status, 'passed', 'the minimum-amount message is kept');
});

test('a message inserted with innerHTML fails failure-message: its markup became elements', async () => {
  const report = await rehearse('inner-html', {
    only: ['failure-message', 'failure-message-redirect', 'redirect-crafted-link'],
  });
  assert.deepEqual(
    statuses(report),
    { 'failure-message': 'failed', 'failure-message-redirect': 'passed', 'redirect-crafted-link': 'passed' },
    report.summary,
  );
  assert.match(
    scenario(report, 'failure-message').reason,
    new RegExp(
      String.raw`^the PG sent ${MESSAGE} and the page inserted it as HTML \(innerHTML\?\): its <b> and <img> became elements; set it with textContent$`,
    ),
  );
});

test('innerHTML on the m_redirect_url page fails both redirect messages and the crafted link (a reflected XSS)', async () => {
  const report = await rehearse('inner-html-redirect', {
    only: ['failure-message', 'failure-message-redirect', 'failure-message-redirect-euc-kr', 'redirect-crafted-link'],
  });
  assert.deepEqual(
    statuses(report),
    {
      'failure-message': 'passed',
      'failure-message-redirect': 'failed',
      'failure-message-redirect-euc-kr': 'failed',
      'redirect-crafted-link': 'failed',
    },
    report.summary,
  );
  assert.match(
    scenario(report, 'failure-message-redirect').reason,
    /the page inserted it as HTML \(innerHTML\?\): its <b> and <img> became elements; set it with textContent \(returned to \/complete\.html\)$/,
  );
  assert.match(
    scenario(report, 'redirect-crafted-link').reason,
    /became elements; set it with textContent: a reflected XSS on your domain \(\/complete\.html\?…&error_msg=…\)$/,
  );
});

test("a page without a CSP runs the message's onerror, and the reason says script ran", async () => {
  // The demo's CSP blocks inline handlers; this copy of the page is served without it.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await serveBrokenDemo(page, demo.url, broken['inner-html']);
    await page.route(`${demo.url}/`, async (route) => {
      const r = await route.fetch();
      const headers = { ...r.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response: r, headers });
    });
    await page.goto(`${demo.url}/`);
    const report = await rehearseInspection(page, { ...DEMO_OPTIONS, only: ['failure-message'] });
    assert.match(
      scenario(report, 'failure-message').reason,
      /became elements and its onerror ran: script from the PG's message runs on the page; set it with textContent$/,
      report.summary,
    );
  } finally {
    await context.close();
  }
});

test('an entity decoded before the message is shown fails failure-message', async () => {
  const report = await rehearse('entity-decoded', { only: ['failure-message'] });
  assert.match(
    scenario(report, 'failure-message').reason,
    new RegExp(
      String.raw`^the PG sent ${MESSAGE} but the page decoded its entity: the buyer saw "잔액이 부족합니다 <b .*>&</b><img .*> \(리허설 \d{6}\)" \(&amp; became &\)$`,
    ),
    report.summary,
  );
});

test('a redirect page that decodes the query as UTF-8 itself fails the EUC-KR scenario as garbled, not translated', async () => {
  const report = await rehearse('garbled-redirect', {
    only: ['failure-message-redirect', 'failure-message-redirect-euc-kr'],
  });
  assert.deepEqual(
    statuses(report),
    { 'failure-message-redirect': 'passed', 'failure-message-redirect-euc-kr': 'failed' },
    report.summary,
  );
  assert.match(
    scenario(report, 'failure-message-redirect-euc-kr').reason,
    new RegExp(
      String.raw`^the PG sent ${MESSAGE} but the buyer saw it garbled, decoded as the wrong charset: ".*\uFFFD.*\(.*\d{6}\)" \(read the query with parseRedirectResult, which knows EUC-KR, not URLSearchParams\) \(returned to /complete\.html\)$`,
    ),
  );
});

test('no message for an amount under the minimum fails below-minimum, though no window opened', async () => {
  const report = await rehearse('no-minimum-message', { only: ['below-minimum'] });
  assert.equal(scenario(report, 'below-minimum').status, 'failed', report.summary);
  assert.match(
    scenario(report, 'below-minimum').reason,
    /^no window opened, but no message naming the minimum \(100\) appeared after the click/,
  );
});

test("a minimum lower than Naver Pay's fails below-minimum: the window opened for 50 won", async () => {
  const report = await rehearse('minimum-too-low', { only: ['below-minimum'] });
  assert.equal(
    scenario(report, 'below-minimum').reason,
    'IMP.request_pay was called with amount 50, under the minimum of 100: a payment window opened instead of the page answering',
  );
});

test('a cart of 50 raised to 100 and charged fails below-minimum, naming both amounts', async () => {
  const report = await rehearse('clamped-cart', { only: ['below-minimum'] });
  assert.equal(scenario(report, 'below-minimum').status, 'failed', report.summary);
  assert.equal(
    scenario(report, 'below-minimum').reason,
    'the page charged 100 for a cart of 50: it raised the amount to reach the minimum (100) instead of telling the buyer',
  );
});

test('a pay button disabled under the minimum with no message fails below-minimum, not a click timeout', async () => {
  const report = await rehearse('disabled-under-minimum', { only: ['below-minimum'] });
  assert.equal(scenario(report, 'below-minimum').status, 'failed', report.summary);
  assert.equal(
    scenario(report, 'below-minimum').reason,
    'the pay button "#pay-button" is disabled under the minimum and no message names the minimum (100): the buyer cannot tell why they cannot pay',
  );
});

test("pay() refused for naverProducts fails naver-products with the error's code and fields", async () => {
  const report = await rehearse('pay-rejected', { only: ['failure-message', 'naver-products'] });
  assert.deepEqual(
    statuses(report),
    { 'failure-message': 'not rehearsed', 'naver-products': 'failed' },
    report.summary,
  );
  assert.equal(
    scenario(report, 'naver-products').reason,
    'pay() refused the request with INVALID_PARAMS: naverProducts (REQUIRED); IMP.request_pay was never called',
  );
  assert.match(
    scenario(report, 'failure-message').reason,
    /^clicking "#pay-button" did not call IMP\.request_pay within 5000 ms; the page had an unhandled rejection: NaverPayError INVALID_PARAMS \(naverProducts: REQUIRED\)/,
  );
});

test("a click handler that throws is not rehearsed, and the reason quotes the page's error", async () => {
  const report = await rehearse('throws-on-click', { only: ['failure-message'] });
  assert.equal(scenario(report, 'failure-message').status, 'not rehearsed', report.summary);
  assert.match(
    scenario(report, 'failure-message').reason,
    /^clicking "#pay-button" did not call IMP\.request_pay within 5000 ms; the page had an error: TypeError \("Cannot set properties of null \(setting 'hidden'\)"\)$/,
  );
});

test('a name written as "A 외 2건" fails request-warnings with validation\'s warning', async () => {
  const report = await rehearse('name-rule', { only: ['naver-products', 'request-warnings'] });
  assert.deepEqual(statuses(report), { 'naver-products': 'passed', 'request-warnings': 'failed' }, report.summary);
  assert.match(
    scenario(report, 'request-warnings').reason,
    /^validation warned about the request IMP received: name: [^;]* \(NAME_MISMATCH\)(; other warnings, not inspection items: .*)?$/,
  );
});

test('popup mode forced on a phone fails every device scenario; the redirect page cannot be rehearsed', async () => {
  const report = await rehearse('popup-on-phone', {
    only: [
      'redirect-phone',
      'redirect-tablet',
      'redirect-in-app',
      'failure-message-redirect',
      'failure-message-redirect-euc-kr',
      'redirect-crafted-link',
    ],
  });
  assert.deepEqual(
    statuses(report),
    {
      'redirect-phone': 'failed',
      'redirect-tablet': 'failed',
      'redirect-in-app': 'failed',
      'failure-message-redirect': 'not rehearsed',
      'failure-message-redirect-euc-kr': 'not rehearsed',
      'redirect-crafted-link': 'not rehearsed',
    },
    report.summary,
  );
  assert.match(
    scenario(report, 'redirect-phone').reason,
    /^on iPhone \(Safari\) IMP\.request_pay got naverPopupMode: true; a mobile browser ignores the popup callback/,
  );
  assert.equal(scenario(report, 'redirect-in-app').device, 'KakaoTalk in-app browser (Android)');
  assert.equal(
    scenario(report, 'failure-message-redirect').reason,
    'no device made a redirect-mode request with an m_redirect_url to return to',
  );
});

test('a request without naverProducts fails naver-products', async () => {
  const report = await rehearse('no-products', { only: ['naver-products'] });
  assert.deepEqual(statuses(report), { 'naver-products': 'failed' }, 'a skipped scenario is left out of the report');
  assert.equal(scenario(report, 'naver-products').reason, 'IMP.request_pay got no naverProducts (missing)');
});

test('a pay button that calls IMP on every click fails double-click', async () => {
  const report = await rehearse('double-click', { only: ['double-click'] });
  assert.equal(scenario(report, 'double-click').status, 'failed', report.summary);
  assert.match(
    scenario(report, 'double-click').reason,
    /^two clicks made 2 IMP\.request_pay calls \(merchant_uid "order_[^"]+", "order_[^"]+"\): 2 payment windows$/,
  );
});

test('the subscription page is rehearsed as a billing-key registration: what applies passes, the rest is not applicable', async () => {
  const subscribeReady = async (page) => {
    await page.waitForSelector('#subscribe[data-ready="true"]');
    await page.fill('#buyer_tel', '010-1234-5678');
  };
  const report = await rehearse(null, {
    url: `${demo.url}/subscribe.html`,
    pay: '#subscribe-button',
    setup: subscribeReady,
    skip: ['redirect-tablet', 'redirect-in-app'],
  });
  const {
    'redirect-tablet': _t,
    'redirect-in-app': _i,
    ...expected
  } = allPassedBut(report, {
    'below-minimum': 'not applicable',
    'tampered-amount': 'not applicable',
    'tampered-count': 'not applicable',
  });
  assert.deepEqual(statuses(report), expected, report.summary);
  assert.equal(report.ok, true, 'not applicable is not a failure');
  assert.match(
    scenario(report, 'naver-products').reason,
    /^billing-key registration \(customer_uid\): naverProductCode "[^"]+" and buyer_tel are present/,
  );
  assert.match(report.summary, /, 3 not applicable\n/);
});

test('what the caller did not set up is reported not rehearsed, never passed', async () => {
  const report = await rehearse(null, {
    belowMinimum: undefined,
    rest: undefined,
    only: ['below-minimum', 'tampered-amount'],
  });
  assert.equal(scenario(report, 'below-minimum').status, 'not rehearsed');
  assert.match(
    scenario(report, 'below-minimum').reason,
    /^needs a cart under the minimum: pass belowMinimum: \{ setup\(page\) \} or \{ url \}/,
  );
  assert.equal(scenario(report, 'tampered-amount').status, 'not rehearsed');
  assert.equal(
    scenario(report, 'tampered-amount').reason,
    "needs the merchant's backend pointed at the REST simulator: in the backend, " +
      "createPortOneClient({ baseUrl: sim.url, apiKey: 'imp_apikey_test', apiSecret: 'imp_secret_test' }) (naverpay-checkout/server) " +
      'with sim = await startRestSimulator(); in the rehearsal, rest: { url: sim.url }',
  );
  assert.equal(report.ok, false, 'not rehearsed is not ready');
  assert.match(report.summary, /SKIP {2}below-minimum: .*\n {8}not rehearsed: needs a cart/);
});

test('a setup that does not get under the minimum, or a pay button that is not there, is not rehearsed', async () => {
  const report = await rehearse(null, { belowMinimum: { setup: ready }, only: ['below-minimum'] }); // the full cart: 48,400 won
  assert.equal(scenario(report, 'below-minimum').status, 'not rehearsed', report.summary);
  assert.match(
    scenario(report, 'below-minimum').reason,
    /^the setup did not put the cart under the minimum: IMP\.request_pay got amount 48400 \(pass belowMinimum\.amount/,
  );

  const missing = await rehearse(null, {
    pay: '#no-such-button',
    timeoutMs: 300,
    only: ['failure-message', 'double-click'],
  });
  assert.deepEqual(new Set(missing.scenarios.map((s) => s.status)), new Set(['not rehearsed']), missing.summary);
  assert.equal(
    scenario(missing, 'failure-message').reason,
    'the pay button "#no-such-button" is not on the page after the setup',
  );
  assert.equal(missing.ok, false);
});

test('an unknown scenario in skip or only is a TypeError naming the scenarios', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${demo.url}/`);
    await assert.rejects(rehearseInspection(page, { pay: '#pay-button', only: ['failure-mesage'] }), {
      name: 'TypeError',
      message: /no scenario "failure-mesage"; the scenarios are failure-message, naver-products/,
    });
  } finally {
    await page.close();
  }
});

// ---- the merchant's server -----------------------------------------------------------------------

/** A broken copy of the demo's backend, serving the demo's pages. */
async function brokenBackend(name) {
  const server = await startBrokenBackend(name, path.join(tmp, 'backends'), path.join(tmp, 'demo'));
  backends.push(server);
  return server;
}

/** POSTs JSON to the shop's backend; rejects with its error. */
async function api(base, pathname, body) {
  const res = await fetch(base + pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const value = await res.json();
  if (!res.ok) throw new Error(value.error ?? `HTTP ${res.status}`);
  return value;
}

/** What a merchant passes for the demo's backend: its REST simulator, and how to reach its refund and unsubscribe. */
const demoServerOptions = (url) => ({
  baseUrl: `${url}/portone`,
  async refund(ctx) {
    const order = await api(url, '/api/orders', { items: [{ id: 'history-of-the-world', count: 1 }] });
    const payment = await ctx.seedPayment({ merchant_uid: order.merchant_uid, amount: order.amount });
    await api(url, '/api/payments/complete', { imp_uid: payment.imp_uid, merchant_uid: order.merchant_uid });
    await api(url, '/api/payments/cancel', {
      merchant_uid: order.merchant_uid,
      token: order.token,
      reason: '단순 변심',
    });
  },
  async unsubscribe(ctx) {
    const sub = await api(url, '/api/subscriptions', {});
    await ctx.seedBillingKey({ customer_uid: sub.customer_uid, merchant_uid: sub.merchant_uid });
    await api(url, '/api/subscriptions/activate', { merchant_uid: sub.merchant_uid, token: sub.token });
    await api(url, '/api/subscriptions/cancel', { merchant_uid: sub.merchant_uid, token: sub.token });
  },
});

test('the demo backend passes the server rehearsal: refund and unsubscribe carry reason and requester', async () => {
  const report = await rehearseServer(demoServerOptions(demo.url));
  assert.deepEqual(
    report.scenarios.map((s) => [s.id, s.status]),
    SERVER_SCENARIOS.map((s) => [s.id, 'passed']),
    report.summary,
  );
  assert.equal(
    scenario(report, 'refund-body').reason,
    'POST /payments/cancel with reason "단순 변심" and requester "customer"',
  );
  assert.equal(
    scenario(report, 'unsubscribe-body').reason,
    'DELETE /subscribe/customers/{customer_uid} with reason "구독자 해지 요청" and requester "customer"',
  );
  assert.match(report.summary, /^Naver Pay inspection rehearsal \(server\): 2 passed, 0 failed, 0 not rehearsed\n/);
  assert.equal(demo.rest.snapshot().inspection, null, 'inspection mode is off again afterwards');
});

test('a refund written by hand without extra.requester fails refund-body with the rule', async () => {
  const server = await brokenBackend('refund-without-requester');
  const report = await rehearseServer(demoServerOptions(server.url));
  assert.deepEqual(
    report.scenarios.map((s) => s.status),
    ['failed', 'passed'],
    report.summary,
  );
  assert.equal(
    scenario(report, 'refund-body').reason,
    'the REST simulator refused POST /payments/cancel: Naver Pay inspection: ' +
      "POST /payments/cancel needs reason and extra.requester ('customer' or 'admin'); the inspection rejects a cancel without them; " +
      `your refund then failed: "Naver Pay inspection: POST /payments/cancel needs reason and extra.requester ('customer' or 'admin'); the inspection rejects a cancel without them"`,
  );
});

test('a billing-key deletion without reason and requester fails unsubscribe-body with the rule', async () => {
  const server = await brokenBackend('deletion-without-requester');
  const report = await rehearseServer({ ...demoServerOptions(server.url), only: ['unsubscribe-body'] });
  assert.equal(scenario(report, 'unsubscribe-body').status, 'failed', report.summary);
  assert.match(
    scenario(report, 'unsubscribe-body').reason,
    /^the REST simulator refused DELETE \/subscribe\/customers\/cust_[0-9a-f]+: Naver Pay inspection: DELETE \/subscribe\/customers\/\{customer_uid\} needs reason and extra\[requester\]/,
  );
});

test('with naverUseCfm required by the contract, a first charge without it fails unsubscribe-body, naming the rule', async () => {
  const report = await rehearseServer({
    ...demoServerOptions(demo.url),
    naverUseCfm: true,
    only: ['unsubscribe-body'],
  });
  assert.equal(scenario(report, 'unsubscribe-body').status, 'failed', report.summary);
  assert.match(
    scenario(report, 'unsubscribe-body').reason,
    /^the REST simulator refused POST \/subscribe\/payments\/again: Naver Pay inspection: .*needs extra\.naverUseCfm \(yyyyMMdd\) when the contract requires it/,
  );
});

test('what the merchant did not give the server rehearsal is not rehearsed', async () => {
  const report = await rehearseServer({ baseUrl: `${demo.url}/portone` });
  assert.deepEqual(
    report.scenarios.map((s) => s.status),
    ['not rehearsed', 'not rehearsed'],
  );
  assert.match(scenario(report, 'refund-body').reason, /^needs refund\(ctx\): drive your refund endpoint/);
  await assert.rejects(rehearseServer({}), { name: 'TypeError', message: /give the REST simulator your backend uses/ });
});

/** Rehearses tampered-amount on the demo's pages served by the broken backend `name`. */
async function rehearseTamperOn(name) {
  const server = await brokenBackend(name);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    return await rehearseInspection(page, { ...DEMO_OPTIONS, rest: { url: '/portone' }, only: ['tampered-amount'] });
  } finally {
    await context.close();
  }
}

test('a backend that trusts the page fails tampered-amount: it never looked the payment up', async () => {
  const report = await rehearseTamperOn('trusts-the-page');
  assert.equal(scenario(report, 'tampered-amount').status, 'failed', report.summary);
  assert.match(
    scenario(report, 'tampered-amount').reason,
    /^the buyer changed the amount from 48400 to 100 in the browser \(imp_uid (imp_\d{12})\) and the merchant's server never looked the payment up at PortOne \(GET \/payments\/\1\): it trusted the page/,
  );
});

test('a backend that refuses a forged amount but keeps the money fails tampered-amount: the payment is left paid', async () => {
  const report = await rehearseTamperOn('keeps-the-forged-payment');
  assert.match(
    scenario(report, 'tampered-amount').reason,
    /^the buyer changed the amount from 48400 to 100 in the browser \(imp_uid imp_\d{12}\); PortOne approved 100 won, and the server looked it up but left it paid: refund it \(POST \/payments\/cancel with reason and extra\.requester\)$/,
    report.summary,
  );
});

// ---- a PortOne V2 checkout (sdk: 'v2'): the demo's V2 page, broken copies of it and of its server ---------------

// The V2 page's cart comes from /api/products: under the minimum, it starts with the 50-won e-book alone.
async function underMinimum(page) {
  await page.route('**/api/products', async (route) => {
    const res = await route.fetch();
    const catalog = await res.json();
    const initialCart = Object.fromEntries(Object.keys(catalog.initialCart).map((id) => [id, 0]));
    await route.fulfill({ response: res, json: { ...catalog, initialCart: { ...initialCart, 'ebook-sample': 1 } } });
  });
  await page.reload();
  await ready(page);
  await page.unroute('**/api/products');
}
const V2_AT = {
  pathname: '/v2.html',
  rest: '/portone-v2',
  options: { sdk: 'v2', pay: '#pay', setup: ready, belowMinimum: { amount: 50, setup: underMinimum } },
};

const EUC_KR = 'failure-message-redirect-euc-kr';

test('the demo V2 page passes every scenario that applies on V2; EUC-KR is not applicable, with the reason', async () => {
  const report = await rehearse(null, {}, V2_AT);
  const expected = Object.fromEntries(SCENARIOS.map((s) => [s.id, s.id === EUC_KR ? 'not applicable' : 'passed']));
  assert.deepEqual(statuses(report), expected, report.summary);
  assert.equal(report.ok, true);
  assert.equal(report.passed, SCENARIOS.length - 1);
  assert.match(scenario(report, EUC_KR).reason, /^PortOne V2 builds the redirectUrl query itself/);
  assert.match(
    scenario(report, 'failure-message').reason,
    /^shown as an element's whole text: "잔액이 부족합니다 <b data-npc-rehearsal=\\"(\d{6})\\">&amp;<\/b>/,
  );
  assert.match(scenario(report, 'naver-products').reason, /^3 product\(s\)/);
  assert.equal(scenario(report, 'double-click').reason, 'one PortOne.requestPayment for two clicks');
  assert.match(scenario(report, 'below-minimum').reason, /^no window; the buyer saw ".*100원/);
  assert.match(
    scenario(report, 'redirect-phone').reason,
    /^forceRedirect: true, redirectUrl "http:\/\/127\.0\.0\.1:\d+\/v2\.html"$/,
  );
  assert.match(scenario(report, 'failure-message-redirect').reason, /returned to \/v2\.html\)$/);
  assert.match(
    scenario(report, 'redirect-crafted-link').reason,
    /^the crafted message was shown as text \(\/v2\.html\?…&pgMessage=…\)$/,
  );
  assert.match(
    scenario(report, 'tampered-amount').reason,
    /^the buyer changed the amount from 48400 to 100 in the browser \(paymentId (order_[\w-]+)\); PortOne approved 100 won, and the server looked it up and refunded it \(reason "결제 금액 불일치[^"]*", requester "ADMIN"\)$/,
  );
  assert.match(
    scenario(report, 'tampered-count').reason,
    /^the buyer raised the quantity of "history-of-the-world" from 1 to 2 at the same total \(48400\) in the browser \(paymentId (order_[\w-]+)\); PortOne approved 2 of "history-of-the-world" for the order's total, and the server looked it up and refunded it \(reason "주문 상품 불일치[^"]*", requester "ADMIN"\)$/,
  );
  assert.match(
    report.summary,
    new RegExp(
      `^Naver Pay inspection rehearsal: ${SCENARIOS.length - 1} passed, 0 failed, 0 not rehearsed, 1 not applicable\n`,
    ),
  );
});

test("a V2 page that shows PortOne's message instead of pgMessage fails both failure-message scenarios", async () => {
  const report = await rehearse(
    'v2-message-wrapped',
    { only: ['failure-message', 'redirect-phone', 'failure-message-redirect'] },
    V2_AT,
  );
  assert.deepEqual(
    statuses(report),
    { 'failure-message': 'failed', 'redirect-phone': 'passed', 'failure-message-redirect': 'failed' },
    report.summary,
  );
  for (const id of ['failure-message', 'failure-message-redirect']) {
    assert.match(
      scenario(report, id).reason,
      /^the PG sent "잔액이 부족합니다 .*" but the buyer saw it inside a longer text: "\[NAVERPAY\] 잔액이 부족합니다 /,
      id,
    );
  }
});

test('a V2 page that asks for popup mode on phones fails every device scenario; the redirect page cannot be rehearsed', async () => {
  const report = await rehearse(
    'v2-popup-on-phone',
    { only: [...Object.keys(DEVICES), 'failure-message-redirect', EUC_KR] },
    V2_AT,
  );
  const devicesFailed = Object.fromEntries(Object.keys(DEVICES).map((id) => [id, 'failed']));
  const expected = { ...devicesFailed, 'failure-message-redirect': 'not rehearsed', [EUC_KR]: 'not applicable' };
  assert.deepEqual(statuses(report), expected, report.summary);
  assert.match(
    scenario(report, 'redirect-phone').reason,
    /^on iPhone \(Safari\) PortOne\.requestPayment got forceRedirect: false: the window is left to PortOne's own device check/,
  );
  assert.equal(
    scenario(report, 'failure-message-redirect').reason,
    'no device made a redirect-mode request with a redirectUrl to return to',
  );
});

test('a V2 backend that trusts the page fails tampered-amount: it never looked the payment up', async () => {
  const server = await brokenBackend('v2-trusts-the-page');
  const report = await rehearse(null, { only: ['tampered-amount'] }, { ...V2_AT, server });
  assert.deepEqual(statuses(report), { 'tampered-amount': 'failed' }, report.summary);
  assert.match(
    scenario(report, 'tampered-amount').reason,
    /^the buyer changed the amount from 48400 to 100 in the browser \(paymentId (order_[\w-]+)\) and the merchant's server never looked the payment up at PortOne \(GET \/payments\/\1\): it trusted the page/,
  );
});

test('a V2 backend that checks only the amount fails tampered-count: PortOne approved the raised count and it kept it', async () => {
  const server = await brokenBackend('v2-checks-only-the-amount');
  const report = await rehearse(null, { only: ['tampered-amount', 'tampered-count'] }, { ...V2_AT, server });
  assert.deepEqual(statuses(report), { 'tampered-amount': 'passed', 'tampered-count': 'failed' }, report.summary);
  assert.match(
    scenario(report, 'tampered-count').reason,
    /^the buyer raised the quantity of "history-of-the-world" from 1 to 2 at the same total \(48400\) in the browser \(paymentId order_[\w-]+\); PortOne approved 2 of "history-of-the-world" for the order's total, and the server looked it up but left it paid: compare PortOne's products \(their quantities\) with the order's lines and refund it \(POST \/payments\/\{paymentId\}\/cancel with reason and requester\)$/,
  );
});

test('a V2 page that sends no products cannot be rehearsed for tampered-count: the reason names the field to add', async () => {
  const report = await rehearse('v2-no-products', { only: ['tampered-count'] }, V2_AT);
  assert.deepEqual(statuses(report), { 'tampered-count': 'not rehearsed' }, report.summary);
  assert.match(
    scenario(report, 'tampered-count').reason,
    /^PortOne\.requestPayment got no products, so PortOne's payment lists none for the server to compare with the order: add products: \[\{ id, name, amount \(the unit price\), quantity \}\]/,
  );
});

test('without the REST simulator, tampered-amount is not rehearsed and names the V2 client to point at it', async () => {
  const report = await rehearse(null, { rest: undefined, only: ['tampered-amount'] }, V2_AT);
  assert.equal(scenario(report, 'tampered-amount').status, 'not rehearsed');
  assert.match(scenario(report, 'tampered-amount').reason, /createPortOneV2Client\(\{ baseUrl: sim\.url/);
});

test('an unknown sdk is a TypeError naming the choices', async () => {
  const page = await browser.newPage();
  try {
    await assert.rejects(rehearseInspection(page, { pay: '#pay', url: demo.url, sdk: 'v3' }), {
      name: 'TypeError',
      message: 'rehearseInspection: sdk is "v1" or "v2"; got "v3"',
    });
  } finally {
    await page.close();
  }
});
