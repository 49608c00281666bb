// The demo shop (www/) end to end in Chromium: the page bundled by webpack from pkg/, the demo server
// with its CSP, the IMP simulator installed by the package's own test kit (naverpay-checkout/testing) and
// the merchant backend over the REST simulator.
// Each test opens a fresh context (desktop, iPhone or Android) and checks, after it ran: no CSP
// violation, no dialog, no page error, no console error, and no buyer detail in the console.
// Screenshots of the end states go to tests/artifacts/.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { devices } from 'playwright-core';
import { bundleDemo } from './support/demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser } from './support/browser.mjs';
import { REPO_ROOT } from './support/pkg.mjs';
import { installImpSimulator, IMP_MESSAGES, SDK_URL } from '../testing/index.mjs';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/artifacts');
const BUYER = { buyer_name: '홍길동', buyer_email: 'gildong@example.com', buyer_tel: '010-1234-5678' };
const MIN_AMOUNT_MESSAGE = '결제 금액이 최소 결제 금액(100원)보다 적습니다.';
const CART_TOTAL = 14000 + 21500 + 12900; // the initial cart, from www/catalog.mjs

const device = (name) => {
  const { defaultBrowserType, ...options } = devices[name]; // eslint-disable-line no-unused-vars
  return options;
};
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const IPHONE = device('iPhone 13');
const ANDROID = device('Pixel 7');

let browser, demo, distDir, t;

before(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), 'npc-demo-'));
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launchBrowser(); // first, so after() closes it whatever fails next
  await bundleDemo(distDir);
  demo = await startDemoServer({ port: 0, distDir });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  if (distDir) await rm(distDir, { recursive: true, force: true });
});

beforeEach(() => demo.rest.reset());

/**
 * A fresh context and page with the IMP simulator (reporting approved payments to the demo's REST simulator, as
 * the demo's own /sim/imp.js does), watched for CSP violations, dialogs, errors and console output.
 */
async function open(options = DESKTOP, simOptions = {}) {
  const context = await browser.newContext(options);
  const sim = await installImpSimulator(context, { reportUrl: '/portone/__sim/payments', ...simOptions });
  const watch = { context, sim, csp: [], dialogs: [], pageErrors: [], console: [] };
  await context.exposeFunction('__reportCspViolation', (v) => watch.csp.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  page.on('console', (m) => watch.console.push({ type: m.type(), text: m.text() }));
  watch.page = page;
  t = watch;
  return watch;
}

afterEach(async () => {
  if (!t) return;
  const watch = t;
  t = null;
  // A route handler still answering a request as the page closes must not fail after the test.
  await watch.page.unrouteAll({ behavior: 'ignoreErrors' });
  await watch.context.close();
  assert.deepEqual(watch.csp, [], 'no Content-Security-Policy violation');
  assert.deepEqual(watch.dialogs, [], 'no dialog opened');
  assert.deepEqual(watch.pageErrors, [], 'no uncaught page error');
  assert.deepEqual(
    watch.console.filter((m) => m.type === 'error').map((m) => m.text),
    [],
    'no console error',
  );
  for (const m of watch.console) {
    for (const detail of Object.values(BUYER))
      assert.ok(!m.text.includes(detail), `buyer detail in the console: ${m.text}`);
  }
});

/** Opens a page of the shop and waits until it can pay. */
async function openShop(page, pathname = '/', readySelector = '#checkout[data-ready="true"]') {
  await page.goto(demo.url + pathname);
  await page.waitForSelector(readySelector);
}

async function fillBuyer(page, fields = BUYER) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`#${name}`, value);
}

const require = createRequire(import.meta.url);
/** The message validateNaverPay gives for `field` (the page must show the library's message, not its own). */
function issueMessage(fields, field) {
  const { validateNaverPay } = require('../pkg/node/naverpay_checkout.js');
  const report = validateNaverPay({ merchant_uid: 'o', amount: 1000, naverProducts: [], ...fields });
  const issue = report.errors.find((e) => e.field === field);
  assert.ok(issue, `validateNaverPay reports ${field}`);
  return issue.message;
}

const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, `demo-${name}.png`), fullPage: true });
const text = (page, selector) => page.$eval(selector, (e) => e.textContent);

// ---- desktop, popup mode ---------------------------------------------------------------------

test("desktop: popup → the simulator's own approve button → the server verified the amount", async () => {
  const { page, sim } = await open();
  await openShop(page);
  assert.equal(await text(page, '#mode-effective'), '팝업');
  await fillBuyer(page);
  await page.click('#pay-button');
  await page.click('[data-imp-sim="dialog"][data-mode="popup"] [data-imp-sim="approve"]');
  await page.waitForSelector('#receipt[data-state="verified"]');
  assert.match(await text(page, '#receipt'), /결제가 완료되었습니다/);
  assert.match(await text(page, '#receipt'), /48,400원/);

  await sim.sync();
  const [call] = sim.calls;
  assert.equal(call.params.naverPopupMode, true);
  assert.equal(call.params.amount, CART_TOTAL);
  assert.deepEqual(
    call.params.naverProducts.map((p) => `${p.categoryType}/${p.categoryId}`),
    ['BOOK/GENERAL', 'MUSIC/CD', 'PRODUCT/GENERAL'],
  );
  assert.equal(call.userActivation, true, 'IMP.request_pay ran inside the click');

  // The backend looked the payment up with a token of its own.
  const { requests, payments } = demo.rest.snapshot();
  const lookup = requests.find((r) => r.method === 'GET' && r.path.startsWith('/payments/'));
  assert.equal(lookup?.authorized, true);
  assert.equal(payments[0].amount, CART_TOTAL);
  await shot(page, 'desktop-popup-paid');
});

test("desktop: insufficient balance → exactly the simulator's error_msg, nothing added", async () => {
  const { page, sim } = await open();
  await openShop(page);
  await sim.script('insufficient');
  await page.click('#pay-button');
  await page.waitForSelector('#pay-result:not([hidden])');
  assert.equal(await text(page, '#pay-message'), IMP_MESSAGES.insufficient);
  await sim.sync();
  assert.equal(sim.calls[0].response.error_msg, IMP_MESSAGES.insufficient);
  assert.equal(await page.$eval('#pay-message', (e) => e.childElementCount), 0);
  assert.equal(await page.isHidden('#receipt'), true);
  assert.equal(demo.rest.snapshot().payments.length, 0, 'nothing was paid');
  await shot(page, 'desktop-insufficient');
});

test('an HTML/script failure message is shown as literal text and nothing runs (popup)', async () => {
  const { page, sim } = await open();
  await openShop(page);
  const payload = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
  await sim.script({ result: 'fail', error_msg: payload });
  await page.click('#pay-button');
  await page.waitForSelector('#pay-result:not([hidden])');
  assert.equal(await text(page, '#pay-message'), payload);
  assert.equal(await page.$eval('#pay-message', (e) => e.childElementCount), 0, 'no element was created');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, #pay-result script').length), 0);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, 'desktop-html-payload');
});

test('the window mode override sends a desktop to the completion page, which shows the payload as text', async () => {
  const { page, sim } = await open();
  await openShop(page);
  await page.selectOption('#mode-select', 'redirect');
  assert.equal(await text(page, '#mode-effective'), '페이지 이동');
  const payload = '<svg onload="window.__pwned=1"></svg>100% "실패" & <b>굵게</b>';
  await sim.script({ result: 'fail', error_msg: payload, error_code: 'F999' });
  await page.click('#pay-button');
  await page.waitForURL(/\/complete\.html\?/);
  await page.waitForSelector('#complete[data-state="failed"]');
  assert.equal(await text(page, '#result-message'), payload);
  assert.equal(await page.$eval('#result-message', (e) => e.childElementCount), 0);
  assert.equal(await page.evaluate(() => document.querySelector('main svg')), null);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await text(page, '#result-facts'), /F999/);
  await sim.sync();
  assert.equal(new URL(sim.redirects[0]).searchParams.get('error_msg'), payload, 'the query the simulator built');
  await shot(page, 'desktop-redirect-payload');
});

test('an EUC-KR-encoded failure message in the redirect query reaches the completion page intact', async () => {
  const { page, sim } = await open(IPHONE);
  await openShop(page);
  const message = '한도를 초과하였습니다 (일일 한도 100,000원)';
  await sim.script({ result: 'fail', error_msg: message, redirectEncoding: 'euc-kr' });
  await page.tap('#pay-button');
  await page.waitForSelector('#complete[data-state="failed"]');
  assert.match(page.url(), /error_msg=%C7%D1%B5%B5/, 'the query carries EUC-KR bytes (한 = C7 D1, 도 = B5 B5)');
  assert.equal(await text(page, '#result-message'), message);
});

test('a cart under the minimum shows the minimum-amount message and IMP is never called', async () => {
  const { page, sim } = await open();
  await openShop(page);
  for (const id of ['history-of-the-world', 'bts-map-of-the-soul', 'steel-tumbler']) {
    await page.click(`[data-product="${id}"] [data-step="-1"]`);
  }
  await page.click('[data-product="ebook-sample"] [data-step="1"]');
  assert.equal(await text(page, '#total'), '50원');
  await page.waitForFunction(() => document.getElementById('amount-error').textContent !== '');
  assert.equal(await text(page, '#amount-error'), MIN_AMOUNT_MESSAGE, 'shown beside the total while editing');
  await page.waitForSelector('#pay-button:not([disabled])');
  await page.click('#pay-button');
  await page.waitForSelector('#pay-result:not([hidden])');
  assert.equal(await text(page, '#pay-message'), MIN_AMOUNT_MESSAGE);
  await sim.sync();
  assert.equal(sim.calls.length, 0);
  await shot(page, 'desktop-below-minimum');
});

test('validation is shown beside each field while the buyer edits', async () => {
  const { page } = await open();
  await openShop(page);
  await page.fill('#buyer_email', 'gildong@');
  await page.waitForFunction(() => document.getElementById('buyer_email-error').textContent !== '');
  assert.equal(await text(page, '#buyer_email-error'), issueMessage({ buyer_email: 'gildong@' }, 'buyer_email'));
  assert.equal(await page.getAttribute('#buyer_email', 'aria-invalid'), 'true');
  await page.fill('[data-product="steel-tumbler"] input', '2.5');
  await page.waitForFunction(() => document.querySelector('[data-error-for="steel-tumbler"]').textContent !== '');
  const products = [1, 1, 2.5].map((count, i) => ({
    categoryType: 'BOOK',
    categoryId: 'GENERAL',
    uid: String(i),
    name: 'x',
    count,
  }));
  assert.equal(
    await text(page, '[data-error-for="steel-tumbler"]'),
    issueMessage({ naverProducts: products }, 'naverProducts[2].count'),
  );
  assert.equal(await page.isDisabled('#pay-button'), true);
  await shot(page, 'desktop-validation');

  await page.fill('#buyer_email', BUYER.buyer_email);
  await page.fill('[data-product="steel-tumbler"] input', '2');
  await page.waitForSelector('#pay-button:not([disabled])');
  assert.equal(await text(page, '#buyer_email-error'), '');
  assert.equal(await text(page, '#total'), '61,300원');
});

// ---- phones, redirect mode -------------------------------------------------------------------

for (const [name, options] of [
  ['iPhone', IPHONE],
  ['Android Chrome', ANDROID],
]) {
  test(`${name}: redirect mode → the completion page shows parseRedirectResult's result, verified`, async () => {
    const { page, sim } = await open(options);
    await openShop(page);
    assert.equal(await text(page, '#mode-effective'), '페이지 이동');
    await fillBuyer(page);
    await sim.script('approve');
    await page.tap('#pay-button');
    await page.waitForURL(/\/complete\.html\?/);
    await page.waitForSelector('#complete[data-state="verified"]');
    const result = JSON.parse(await text(page, '#result-raw'));
    assert.equal(result.success, true);
    assert.equal(result.mode, 'redirect');
    assert.match(result.imp_uid, /^imp_\d+$/);
    assert.equal(await text(page, '#result-title'), '주문이 완료되었습니다');
    await sim.sync();
    assert.equal(sim.calls[0].mode, 'redirect', 'the record survived the page leaving');
    assert.equal(result.imp_uid, sim.calls[0].response.imp_uid);
    assert.match(await text(page, '#receipt'), /48,400원/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= options.viewport.width, `no horizontal scrolling (${width}px)`);
    await shot(page, `${name.replace(/\s+/g, '-').toLowerCase()}-redirect-complete`);
  });
}

test('the completion page opened without a result claims nothing and asks the server nothing', async () => {
  const { page } = await open();
  await page.goto(`${demo.url}/complete.html?utm_source=bookmark`);
  await page.waitForSelector('#complete[data-state="empty"]');
  assert.equal(await text(page, '#result-title'), '확인할 결제 결과가 없습니다');
  assert.equal(await page.isHidden('#receipt'), true);
  assert.equal(demo.rest.snapshot().requests.length, 0);
});

// ---- the merchant's backend ------------------------------------------------------------------

test('a tampered amount (the page pays less than the order) is caught by the backend and refunded', async () => {
  const { page, sim } = await open();
  // What a buyer with devtools could do: rewrite the order the page received.
  await page.route('**/api/orders', async (route) => {
    const response = await route.fetch();
    const order = await response.json();
    await route.fulfill({ response, json: { ...order, amount: 1000 } });
  });
  await openShop(page);
  await sim.script('approve');
  await page.click('#pay-button');
  await page.waitForSelector('#receipt[data-state="rejected"]');
  await sim.sync();
  assert.equal(sim.calls[0].params.amount, 1000);
  assert.match(await text(page, '#verify-message'), /1000원.*48400원/);
  const { cancellations } = demo.rest.snapshot();
  assert.equal(cancellations.length, 1);
  assert.equal(cancellations[0].accepted, true);
  assert.equal(cancellations[0].requester, 'admin');
  await shot(page, 'desktop-tampered');
});

test('cancel → the REST simulator recorded the reason and extra.requester', async () => {
  const { page, sim } = await open();
  await openShop(page);
  await sim.script('approve');
  await page.click('#pay-button');
  await page.waitForSelector('#receipt[data-state="verified"]');
  await page.selectOption('#cancel-reason', '배송이 너무 늦어요');
  await page.click('#cancel-button');
  await page.waitForSelector('#receipt[data-state="cancelled"]');
  assert.equal(await text(page, '#cancel-status'), '48,400원 결제가 취소되었습니다.');
  const { cancellations, payments } = demo.rest.snapshot();
  assert.equal(cancellations.length, 1);
  assert.deepEqual(
    { accepted: cancellations[0].accepted, reason: cancellations[0].reason, requester: cancellations[0].requester },
    { accepted: true, reason: '배송이 너무 늦어요', requester: 'customer' },
  );
  assert.equal(payments[0].status, 'cancelled');
  await shot(page, 'desktop-cancelled');
});

test('subscribe → billing key registered → again → schedule recorded', async () => {
  const { page, sim } = await open();
  await openShop(page, '/subscribe.html', '#subscribe[data-ready="true"]');
  await fillBuyer(page);
  await page.waitForSelector('#subscribe-button:not([disabled])');
  await page.click('#subscribe-button');
  await page.click('[data-imp-sim="approve"]');
  await page.waitForSelector('#receipt[data-state="active"]');

  await sim.sync();
  const call = sim.calls[0].params;
  const { billingKeys, agains, schedules } = demo.rest.snapshot();
  assert.equal(billingKeys.length, 1);
  assert.equal(billingKeys[0].customer_uid, call.customer_uid);
  assert.equal(agains.length, 1);
  assert.equal(agains[0].accepted, true);
  assert.equal(agains[0].body.customer_uid, call.customer_uid);
  assert.equal(agains[0].body.amount, 9900);
  assert.equal(schedules.length, 1);
  assert.equal(schedules[0].accepted, true);
  const [next] = schedules[0].schedules;
  const days = (next.schedule_at - Date.now() / 1000) / 86400;
  assert.ok(days > 27 && days < 32, `next charge in about a month (${days.toFixed(1)} days)`);
  assert.match(await text(page, '#receipt'), /정기구독이 시작되었습니다/);
  await page.waitForSelector('#subscribe-button[disabled]');
  assert.equal(await text(page, '#subscribe-button .npay-label'), '구독 중', 'no second subscription by accident');
  await shot(page, 'subscribe-active');
});

test('subscribe on a phone: redirect → the completion page activates the subscription', async () => {
  const { page, sim } = await open(IPHONE);
  await openShop(page, '/subscribe.html', '#subscribe[data-ready="true"]');
  await fillBuyer(page, { buyer_tel: BUYER.buyer_tel });
  await sim.script('approve');
  await page.waitForSelector('#subscribe-button:not([disabled])');
  await page.tap('#subscribe-button');
  await page.waitForURL(/\/complete\.html\?kind=subscription&/);
  await page.waitForSelector('#complete[data-state="verified"]');
  assert.equal(await text(page, '#result-title'), '정기구독이 시작되었습니다');
  const { agains, schedules } = demo.rest.snapshot();
  assert.equal(agains.filter((a) => a.accepted).length, 1);
  assert.equal(schedules.filter((s) => s.accepted).length, 1);
  await shot(page, 'iphone-subscribe-complete');
});

// ---- CSP -------------------------------------------------------------------------------------

test('the CSP allows exactly the page: self and wasm only, no inline script, no PortOne offline', async () => {
  const res = await fetch(demo.url + '/');
  const csp = res.headers.get('content-security-policy');
  assert.equal(csp, demo.csp);
  const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(!csp.includes('iamport'), 'no PortOne origin without IMP_CODE');
  assert.ok(!directives['script-src'].includes("'unsafe-inline'"));
  assert.ok(!directives['script-src'].includes("'unsafe-eval'"));
});

test("with IMP_CODE the page loads PortOne's SDK from its CDN with that code, within the CSP", async () => {
  // Offline stand-in: the simulator answers for https://cdn.iamport.kr/v1/iamport.js.
  const real = await startDemoServer({ port: 0, impCode: 'imp12345678', distDir });
  try {
    // The test kit answers the SDK's URL instead of defining IMP ahead of the page (initScript: false).
    const { page, sim } = await open(DESKTOP, { initScript: false });
    const sdkRequests = [];
    page.on('request', (r) => {
      if (r.url().startsWith('https://cdn.iamport.kr/')) sdkRequests.push(r.url());
    });
    await page.goto(real.url + '/');
    await page.waitForSelector('#checkout[data-ready="true"]');
    assert.deepEqual(sdkRequests, [SDK_URL]);
    await sim.sync();
    assert.deepEqual(sim.inits, ['imp12345678']);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src^="/sim/"]').length), 0);
    await sim.script('cancel');
    await page.click('#pay-button');
    await page.waitForSelector('#pay-result:not([hidden])');
    assert.equal(await text(page, '#pay-message'), IMP_MESSAGES.cancel);
  } finally {
    await real.close();
  }
});
