// The demo's PortOne V2 page (www/v2.html, beside the V1 shop) end to end in Chromium: bundled by webpack
// from pkg/ (naverpay-checkout/v2), served by the demo server with its CSP, paying on the V2 simulator
// (sim/portone-v2.js), whose approvals land in the V2 REST simulator (sim/rest-v2.mjs, demo.restV2) that the
// backend verifies against with createPortOneV2Client. Each test checks, after it ran: no CSP violation, no
// dialog, no page error.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { devices } from 'playwright-core';
import { bundleDemo } from './support/demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser } from './support/browser.mjs';
import { NASTY_MESSAGES } from './support/pkg.mjs';

const { defaultBrowserType, ...IPHONE } = devices['iPhone 13']; // eslint-disable-line no-unused-vars
const DESKTOP = { viewport: { width: 1280, height: 900 } };
let browser, demo, distDir, t;

before(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), 'npc-demo-v2-'));
  browser = await launchBrowser();
  await bundleDemo(distDir);
  demo = await startDemoServer({ port: 0, distDir });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  if (distDir) await rm(distDir, { recursive: true, force: true });
});

async function open(options = DESKTOP, beforeLoad = async () => {}) {
  const context = await browser.newContext(options);
  const watch = { context, csp: [], dialogs: [], pageErrors: [] };
  await context.exposeFunction('__reportCspViolation', (v) => watch.csp.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  watch.page = page;
  await beforeLoad(page);
  await page.goto(`${demo.url}/v2.html`);
  await page.waitForSelector('#checkout[data-ready="true"]');
  t = watch;
  return page;
}
afterEach(async () => {
  const watch = t;
  t = null;
  await watch.context.close();
  assert.deepEqual(watch.csp, [], 'no Content-Security-Policy violation');
  assert.deepEqual(watch.dialogs, [], 'no dialog opened');
  assert.deepEqual(watch.pageErrors, [], 'no uncaught page error');
});

const text = (page, selector) => page.$eval(selector, (e) => e.textContent);

const TOTAL = 14000 + 21500 + 12900;
const v2Order = (paymentId) => demo.shop.orders.get(paymentId);

test("desktop: the V2 page pays in a popup, and shows the order paid only after the server's verdict", async () => {
  const page = await open();
  assert.match(await text(page, '#pay-mode'), /팝업/);
  await page.click('#pay');
  await page.click('[data-portone-sim="approve"]');
  await page.waitForSelector('#receipt[data-state="verified"]');
  const call = await page.evaluate(() => PortOne.__sim.calls[0]);
  assert.deepEqual(
    [call.mode, call.request.payMethod, call.request.totalAmount, call.request.forceRedirect],
    ['popup', 'EASY_PAY', TOTAL, false],
  );
  assert.equal(call.request.orderName, call.request.bypass.naverpay.productItems[0].name);
  const { paymentId } = call.request;
  assert.deepEqual([v2Order(paymentId).status, v2Order(paymentId).amount], ['paid', TOTAL]);
  const lookups = demo.restV2.state.requests.filter((r) => r.path === `/payments/${paymentId}`);
  assert.deepEqual(
    lookups.map((r) => [r.method, r.authorized]),
    [['GET', true]],
    'the backend looked it up at PortOne V2',
  );
  assert.match(await text(page, '#receipt'), /결제가 완료되었습니다.*48,400원/);
  assert.equal(await page.$eval('#pay', (b) => b.disabled), true, 'a paid order is not paid again');
});

test('desktop: a payment PortOne V2 does not know is never shown as paid', async () => {
  const page = await open();
  // The simulator approves but does not tell the REST simulator: the browser's word alone.
  await page.evaluate(() => PortOne.__sim.configure({ reportUrl: null }));
  await page.click('#pay');
  await page.click('[data-portone-sim="approve"]');
  await page.waitForSelector('#receipt[data-state="rejected"]');
  assert.equal(await text(page, '#receipt .verify-message'), '결제 내역을 확인할 수 없습니다.');
  const { paymentId } = await page.evaluate(() => PortOne.__sim.calls[0].request);
  assert.equal(v2Order(paymentId).status, 'ready');
});

test('desktop: a tampered amount (the page pays less than the order) is refused and cancelled with reason and requester', async () => {
  const page = await open({ ...DESKTOP }, async (p) => {
    // What a buyer with devtools could do: rewrite the order the page received.
    await p.route('**/api/orders', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), amount: 1000 } });
    });
  });
  await page.click('#pay');
  await page.click('[data-portone-sim="approve"]');
  await page.waitForSelector('#receipt[data-state="rejected"]');
  const { paymentId, totalAmount } = await page.evaluate(() => PortOne.__sim.calls[0].request);
  assert.equal(totalAmount, 1000);
  assert.match(await text(page, '#receipt .verify-message'), /1000원.*48400원.*환불했습니다/);
  assert.equal(v2Order(paymentId).status, 'forged');
  const cancels = demo.restV2.state.cancellations.filter((c) => c.paymentId === paymentId);
  assert.deepEqual(
    cancels.map((c) => [c.accepted, c.body.requester, c.body.currentCancellableAmount]),
    [[true, 'ADMIN', 1000]],
  );
  assert.match(cancels[0].body.reason, /금액 불일치/);
  assert.equal(demo.restV2.state.payments.get(paymentId).status, 'CANCELLED');
});

test("desktop: Naver Pay's failure message is shown exactly, as text", async () => {
  const page = await open();
  for (const message of NASTY_MESSAGES) {
    await page.evaluate((m) => PortOne.__sim.setOutcome({ result: 'fail', pgMessage: m }), message);
    await page.click('#pay');
    await page.waitForFunction((m) => document.querySelector('#result .error-msg')?.textContent === m, message);
    assert.equal(await page.$('#result img'), null, 'no markup from the message');
  }
  assert.equal(await page.isHidden('#receipt'), true, 'nothing to verify');
});

test('iPhone: redirect mode, and the V2 page reads the failure back from its query', async () => {
  const page = await open(IPHONE);
  assert.match(await text(page, '#pay-mode'), /이동/);
  await page.evaluate(() => PortOne.__sim.setOutcome({ result: 'fail', pgMessage: '잔액이 부족합니다 (100%)' }));
  await Promise.all([page.waitForURL(/v2\.html\?.*paymentId=/), page.click('#pay')]);
  await page.waitForSelector('#checkout[data-ready="true"]');
  assert.equal(await text(page, '#result .error-msg'), '잔액이 부족합니다 (100%)');
  assert.equal(await page.$eval('#result', (e) => e.dataset.success), 'false');
  assert.equal(await page.isHidden('#receipt'), true, 'nothing to verify');
});

test('iPhone: an approval comes back through the redirect and is verified by the server before it shows as paid', async () => {
  const page = await open(IPHONE);
  await page.evaluate(() => PortOne.__sim.setOutcome('approve'));
  await Promise.all([page.waitForURL(/v2\.html\?.*paymentId=/), page.click('#pay')]);
  await page.waitForSelector('#receipt[data-state="verified"]');
  const paymentId = new URL(page.url()).searchParams.get('paymentId');
  assert.equal(v2Order(paymentId).status, 'paid');
  assert.equal(demo.restV2.state.payments.get(paymentId).amount.total, TOTAL);
  assert.match(await text(page, '#receipt'), /48,400원/);
});

test('the V1 shop links to the V2 page and still loads its own SDK only', async () => {
  const page = await open();
  await page.goto(`${demo.url}/`);
  await page.waitForSelector('#checkout[data-ready="true"]');
  assert.equal(await page.$eval('a[href="/v2.html"]', (a) => a.textContent), 'PortOne V2');
  assert.deepEqual(await page.evaluate(() => [typeof window.IMP, typeof window.PortOne]), ['object', 'undefined']);
});
