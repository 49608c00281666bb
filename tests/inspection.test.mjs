// The inspection rehearsal (naverpay-checkout/testing, rehearseInspection) on the demo checkout, where every
// scenario passes, and on deliberately broken copies of it (tests/support/broken-demo.mjs), where the scenario
// that stands for the broken rule fails with a reason that names what the buyer saw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleDemo } from './support/demo.mjs';
import { bundleBrokenDemos, serveBrokenDemo } from './support/broken-demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser } from './support/browser.mjs';
import { rehearseInspection, SCENARIOS } from '../testing/index.mjs';

let browser, demo, tmp, broken;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'npc-inspection-'));
  browser = await launchBrowser();
  await Promise.all([bundleDemo(path.join(tmp, 'demo')), bundleBrokenDemos(path.join(tmp, 'broken')).then((d) => { broken = d; })]);
  demo = await startDemoServer({ port: 0, distDir: path.join(tmp, 'demo') });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// What a merchant passes for the demo: wait until it can pay; for the minimum, empty the cart but a 50-won e-book.
const ready = (page) => page.waitForSelector('#checkout[data-ready="true"]');
const DEMO_OPTIONS = {
  pay: '#pay-button',
  setup: ready,
  belowMinimum: {
    async setup(page) {
      await ready(page);
      for (const id of ['history-of-the-world', 'bts-map-of-the-soul', 'steel-tumbler']) {
        await page.click(`[data-product="${id}"] [data-step="-1"]`);
      }
      await page.click('[data-product="ebook-sample"] [data-step="1"]');
    },
  },
};

/** Rehearses on a fresh page of the demo, or of the broken copy `name`. */
async function rehearse(name, extra = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const prepare = name ? (p) => serveBrokenDemo(p, demo.url, broken[name]) : null;
    if (prepare) await prepare(page);
    await page.goto(demo.url + '/');
    return await rehearseInspection(page, { ...DEMO_OPTIONS, preparePage: prepare ?? undefined, ...extra });
  } finally {
    await context.close();
  }
}

const statuses = (report) => Object.fromEntries(report.scenarios.map((s) => [s.id, s.status]));
const scenario = (report, id) => report.scenarios.find((s) => s.id === id);
const allPassedBut = (report, others) => Object.fromEntries(SCENARIOS.map((s) => [s.id, others[s.id] ?? 'passed']));

test('the demo checkout passes every scenario of the rehearsal', async () => {
  const report = await rehearse(null);
  assert.deepEqual(statuses(report), allPassedBut(report, {}), report.summary);
  assert.equal(report.ok, true);
  assert.equal(report.passed, SCENARIOS.length);
  assert.match(scenario(report, 'failure-message').reason, /^shown as an element's whole text: "잔액이 부족합니다 \(리허설 \d{6}\)"$/);
  assert.match(scenario(report, 'below-minimum').reason, /결제 금액이 최소 결제 금액\(100원\)보다 적습니다/);
  assert.match(scenario(report, 'redirect-phone').reason, /naverPopupMode: false, m_redirect_url "http:\/\/127\.0\.0\.1:\d+\/complete\.html"/);
  assert.match(scenario(report, 'failure-message-redirect-euc-kr').reason, /returned to \/complete\.html/);
  assert.match(report.summary, /^Naver Pay inspection rehearsal: 9 passed, 0 failed, 0 not rehearsed\n/);
});

test('a prefixed message fails the failure-message scenarios, quoting the longer text the buyer saw', async () => {
  const report = await rehearse('prefixed', { skip: ['redirect-tablet', 'redirect-in-app'] });
  const { 'redirect-tablet': _t, 'redirect-in-app': _i, ...expected } = allPassedBut(report, { 'failure-message': 'failed' });
  assert.deepEqual(statuses(report), expected, report.summary);
  assert.match(scenario(report, 'failure-message').reason,
    /^the PG sent "(잔액이 부족합니다 \(리허설 \d{6}\))" but the buyer saw it inside a longer text: "결제에 실패했습니다\. 사유: \1"$/);
  assert.equal(report.ok, false);
  assert.match(report.summary, /FAIL {2}failure-message: .*\n {8}the PG sent/);
});

test('a translated message fails, naming the text shown instead', async () => {
  const report = await rehearse('translated', { skip: ['redirect-tablet', 'redirect-in-app'] });
  assert.equal(scenario(report, 'failure-message').status, 'failed', report.summary);
  assert.match(scenario(report, 'failure-message').reason,
    /^the PG sent "잔액이 부족합니다 \(리허설 \d{6}\)" but no element's text nor alert carried it; the buyer saw "결제되지 않았습니다", "Your payment was declined\." \(translated or replaced\?\)$/);
  assert.equal(scenario(report, 'below-minimum').status, 'passed', 'the minimum-amount message is kept');
  assert.equal(scenario(report, 'failure-message-redirect').status, 'passed', 'the completion page is not broken');
});

test('no message for an amount under the minimum fails below-minimum, though no window opened', async () => {
  const report = await rehearse('no-minimum-message', { skip: ['redirect-tablet', 'redirect-in-app', 'failure-message-redirect-euc-kr'] });
  assert.equal(scenario(report, 'below-minimum').status, 'failed', report.summary);
  assert.match(scenario(report, 'below-minimum').reason, /^no window opened, but no message naming the minimum \(100\) appeared after the click/);
  assert.equal(report.failed, 1, report.summary);
});

test('a minimum lower than Naver Pay\'s fails below-minimum: the window opened for 50 won', async () => {
  const report = await rehearse('minimum-too-low', { skip: ['redirect-phone', 'redirect-tablet', 'redirect-in-app'] });
  assert.equal(scenario(report, 'below-minimum').status, 'failed', report.summary);
  assert.equal(scenario(report, 'below-minimum').reason,
    'IMP.request_pay was called with amount 50, under the minimum of 100: a payment window opened instead of the page answering');
});

test('popup mode forced on a phone fails every device scenario; the redirect page cannot be rehearsed', async () => {
  const report = await rehearse('popup-on-phone');
  assert.deepEqual(statuses(report), allPassedBut(report, {
    'redirect-phone': 'failed', 'redirect-tablet': 'failed', 'redirect-in-app': 'failed',
    'failure-message-redirect': 'not rehearsed', 'failure-message-redirect-euc-kr': 'not rehearsed',
  }), report.summary);
  assert.match(scenario(report, 'redirect-phone').reason, /^on iPhone \(Safari\) IMP\.request_pay got naverPopupMode: true; a mobile browser ignores the popup callback/);
  assert.equal(scenario(report, 'redirect-in-app').device, 'KakaoTalk in-app browser (Android)');
  assert.equal(scenario(report, 'failure-message-redirect').reason, 'no device made a redirect-mode request with an m_redirect_url to return to');
});

test('a request without naverProducts fails naver-products', async () => {
  const report = await rehearse('no-products', { skip: ['failure-message', 'double-click', 'below-minimum',
    'redirect-phone', 'redirect-tablet', 'redirect-in-app', 'failure-message-redirect', 'failure-message-redirect-euc-kr'] });
  assert.deepEqual(statuses(report), { 'naver-products': 'failed' }, 'a skipped scenario is left out of the report');
  assert.equal(scenario(report, 'naver-products').reason, 'IMP.request_pay got no naverProducts (missing)');
});

test('a pay button that calls IMP on every click fails double-click', async () => {
  const report = await rehearse('double-click', { skip: ['below-minimum', 'redirect-phone', 'redirect-tablet', 'redirect-in-app'] });
  assert.equal(scenario(report, 'double-click').status, 'failed', report.summary);
  assert.match(scenario(report, 'double-click').reason, /^two clicks made 2 IMP\.request_pay calls \(merchant_uid "order_[^"]+", "order_[^"]+"\): 2 payment windows$/);
});

test('what the caller did not set up is reported not rehearsed, never passed', async () => {
  const report = await rehearse(null, { belowMinimum: undefined, skip: ['redirect-tablet', 'redirect-in-app', 'failure-message-redirect-euc-kr'] });
  assert.equal(scenario(report, 'below-minimum').status, 'not rehearsed');
  assert.equal(scenario(report, 'below-minimum').reason, 'needs a cart under the minimum: pass belowMinimum: { setup(page) } or { url }');
  assert.equal(report.ok, false, 'not rehearsed is not ready');
  assert.match(report.summary, /SKIP {2}below-minimum: .*\n {8}not rehearsed: needs a cart/);
});

test('a setup that does not get under the minimum, or a pay button that is not there, is not rehearsed', async () => {
  const report = await rehearse(null, {
    belowMinimum: { setup: ready }, // the full cart: 48,400 won
    skip: ['redirect-phone', 'redirect-tablet', 'redirect-in-app'],
  });
  assert.equal(scenario(report, 'below-minimum').status, 'not rehearsed', report.summary);
  assert.equal(scenario(report, 'below-minimum').reason, 'the setup did not put the cart under the minimum: IMP.request_pay got amount 48400');

  const missing = await rehearse(null, { pay: '#no-such-button', timeoutMs: 300,
    skip: ['below-minimum', 'redirect-tablet', 'redirect-in-app'] });
  assert.deepEqual(new Set(missing.scenarios.map((s) => s.status)), new Set(['not rehearsed']), missing.summary);
  assert.match(scenario(missing, 'failure-message').reason, /^the pay button "#no-such-button" could not be clicked: /);
  assert.equal(missing.ok, false);
});
