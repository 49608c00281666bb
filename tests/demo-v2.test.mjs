// The demo's PortOne V2 page (www/v2.html, beside the V1 shop) end to end in Chromium: bundled by webpack
// from pkg/ (naverpay-checkout/v2), served by the demo server with its CSP, paying on the V2 simulator
// (sim/portone-v2.js). Each test checks, after it ran: no CSP violation, no dialog, no page error.
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

async function open(options = DESKTOP) {
  const context = await browser.newContext(options);
  const watch = { context, csp: [], dialogs: [], pageErrors: [] };
  await context.exposeFunction('__reportCspViolation', (v) => watch.csp.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('dialog', (d) => { watch.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  watch.page = page;
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

test('desktop: the V2 page pays in a popup on the simulator\'s own approve button', async () => {
  const page = await open();
  assert.match(await text(page, '#pay-mode'), /팝업/);
  await page.click('#pay');
  await page.click('[data-portone-sim="approve"]');
  await page.waitForSelector('#result[data-success="true"]');
  const call = await page.evaluate(() => PortOne.__sim.calls[0]);
  assert.deepEqual([call.mode, call.request.payMethod, call.request.totalAmount, call.request.forceRedirect],
    ['popup', 'EASY_PAY', 14000 + 21500 + 12900, false]);
  assert.equal(call.request.orderName, call.request.bypass.naverpay.productItems[0].name);
  assert.match(await text(page, '#result'), /order_v2_\d+/);
});

test('desktop: Naver Pay\'s failure message is shown exactly, as text', async () => {
  const page = await open();
  for (const message of NASTY_MESSAGES) {
    await page.evaluate((m) => PortOne.__sim.setOutcome({ result: 'fail', pgMessage: m }), message);
    await page.click('#pay');
    await page.waitForFunction((m) => document.querySelector('#result .error-msg')?.textContent === m, message);
    assert.equal(await page.$('#result img'), null, 'no markup from the message');
  }
});

test('iPhone: redirect mode, and the V2 page reads the failure back from its query', async () => {
  const page = await open(IPHONE);
  assert.match(await text(page, '#pay-mode'), /이동/);
  await page.evaluate(() => PortOne.__sim.setOutcome({ result: 'fail', pgMessage: '잔액이 부족합니다 (100%)' }));
  await Promise.all([page.waitForURL(/v2\.html\?.*paymentId=/), page.click('#pay')]);
  await page.waitForSelector('#checkout[data-ready="true"]');
  assert.equal(await text(page, '#result .error-msg'), '잔액이 부족합니다 (100%)');
  assert.equal(await page.$eval('#result', (e) => e.dataset.success), 'false');
});

test('the V1 shop links to the V2 page and still loads its own SDK only', async () => {
  const page = await open();
  await page.goto(`${demo.url}/`);
  await page.waitForSelector('#checkout[data-ready="true"]');
  assert.equal(await page.$eval('a[href="/v2.html"]', (a) => a.textContent), 'PortOne V2');
  assert.deepEqual(await page.evaluate(() => [typeof window.IMP, typeof window.PortOne]), ['object', 'undefined']);
});
