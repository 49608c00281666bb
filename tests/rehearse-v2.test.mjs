// The inspection rehearsal on a PortOne V2 checkout (rehearseInspection(page, { sdk: 'v2' })): the demo's V2 page
// (www/v2.html, naverpay-checkout/v2 on the V2 simulator, verified by its server against the V2 REST simulator)
// passes every scenario that applies on V2, the one that does not is "not applicable" with its reason, and broken
// copies of the page and of its server (tests/support/broken-demo.mjs) fail the scenario that stands for the rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleDemo } from './support/demo.mjs';
import { bundleBrokenDemos, serveBrokenDemo, startBrokenBackend } from './support/broken-demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser } from './support/browser.mjs';
import { rehearseInspection, SCENARIOS } from '../testing/index.mjs';

let browser, demo, tmp, broken;
const backends = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'npc-rehearse-v2-'));
  browser = await launchBrowser();
  await Promise.all([
    bundleDemo(path.join(tmp, 'demo')),
    bundleBrokenDemos(path.join(tmp, 'broken'), ['v2-message-wrapped', 'v2-popup-on-phone']).then((d) => {
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

const ready = (page) => page.waitForSelector('#checkout[data-ready="true"]');
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
const V2_OPTIONS = { sdk: 'v2', pay: '#pay', setup: ready, belowMinimum: { amount: 50, setup: underMinimum } };

/** Rehearses the V2 page of `server` (the demo's by default), or of the broken copy `name`. */
async function rehearse(name, extra = {}, server = demo) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const prepare = name ? (p) => serveBrokenDemo(p, server.url, broken[name]) : null;
    if (prepare) await prepare(page);
    await page.goto(`${server.url}/v2.html`);
    return await rehearseInspection(page, {
      ...V2_OPTIONS,
      rest: { url: `${server.url}/portone-v2` },
      preparePage: prepare ?? undefined,
      ...extra,
    });
  } finally {
    await context.close();
  }
}

const statuses = (report) => Object.fromEntries(report.scenarios.map((s) => [s.id, s.status]));
const scenario = (report, id) => report.scenarios.find((s) => s.id === id);
const EUC_KR = 'failure-message-redirect-euc-kr';

test('the demo V2 page passes every scenario that applies on V2; EUC-KR is not applicable, with the reason', async () => {
  const report = await rehearse(null);
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
    /^the buyer changed the amount from 48400 to 100 in the browser \(paymentId (order_[\w-]+)\); PortOne approved 100 won, and the server looked it up and refunded it \(reason "[^"]+", requester "ADMIN"\)$/,
  );
  assert.match(
    report.summary,
    new RegExp(
      `^Naver Pay inspection rehearsal: ${SCENARIOS.length - 1} passed, 0 failed, 0 not rehearsed, 1 not applicable\n`,
    ),
  );
});

test("a V2 page that shows PortOne's message instead of pgMessage fails both failure-message scenarios", async () => {
  const report = await rehearse('v2-message-wrapped', {
    only: ['failure-message', 'redirect-phone', 'failure-message-redirect'],
  });
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
  const report = await rehearse('v2-popup-on-phone', {
    only: ['redirect-phone', 'redirect-tablet', 'redirect-in-app', 'failure-message-redirect', EUC_KR],
  });
  assert.deepEqual(
    statuses(report),
    {
      'redirect-phone': 'failed',
      'redirect-tablet': 'failed',
      'redirect-in-app': 'failed',
      'failure-message-redirect': 'not rehearsed',
      [EUC_KR]: 'not applicable',
    },
    report.summary,
  );
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
  const server = await startBrokenBackend('v2-trusts-the-page', path.join(tmp, 'backends'), path.join(tmp, 'demo'));
  backends.push(server);
  const report = await rehearse(null, { only: ['tampered-amount'] }, server);
  assert.deepEqual(statuses(report), { 'tampered-amount': 'failed' }, report.summary);
  assert.match(
    scenario(report, 'tampered-amount').reason,
    /^the buyer changed the amount from 48400 to 100 in the browser \(paymentId (order_[\w-]+)\) and the merchant's server never looked the payment up at PortOne \(GET \/payments\/\1\): it trusted the page/,
  );
});

test('without the REST simulator, tampered-amount is not rehearsed and names the V2 client to point at it', async () => {
  const report = await rehearse(null, { rest: undefined, only: ['tampered-amount'] });
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
