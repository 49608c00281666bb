// naverpay-checkout/testing as the package ships it (pkg/testing, built by scripts/package.mjs): the examples of
// docs/testing.md run as written (Playwright through a small stand-in for @playwright/test, Vitest under jsdom
// and happy-dom in tests/kit-vitest/, the backend one under node --test), the REST simulator as a server and
// as a fetch, the CLI, and the packaging (the export, the bin, browser entries that never import it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundleDemo } from './support/demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser, CHROMIUM_PATH } from './support/browser.mjs';
import { REPO_ROOT } from './support/pkg.mjs';

const run = promisify(execFile);
const nodeBuild = createRequire(import.meta.url)('../pkg/node/naverpay_checkout.js');
const PKG = path.join(REPO_ROOT, 'pkg');
const KIT = pathToFileURL(path.join(PKG, 'testing/index.mjs')).href;
const VITEST_APP = path.join(REPO_ROOT, 'tests/kit-vitest');
// Child processes get neither the outer npm run's npm_config_* nor node --test's NODE_TEST_CONTEXT (with it, a
// child `node --test` reports to us in its binary protocol instead of printing TAP).
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_') && k !== 'NODE_TEST_CONTEXT'),
);

let browser, demo, tmp, kit;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'npc-kit-'));
  browser = await launchBrowser();
  await bundleDemo(path.join(tmp, 'demo'));
  demo = await startDemoServer({ port: 0, distDir: path.join(tmp, 'demo') });
  kit = await import(KIT);
});
after(async () => {
  await browser?.close();
  await demo?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The ```js block after `<!-- example: name -->` in docs/testing.md. */
async function example(name) {
  const doc = await readFile(path.join(REPO_ROOT, 'docs/testing.md'), 'utf8');
  const m = doc.match(new RegExp(`<!-- example: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\\n\`\`\`\\n`));
  assert.ok(m, `docs/testing.md has the example ${name}`);
  return m[1];
}

// A stand-in for @playwright/test: test() collects, expect() knows what the examples use.
const PLAYWRIGHT_TEST_SHIM = `
export const tests = [];
export function test(name, fn) { tests.push({ name, fn }); }
export function expect(actual, message) {
  const fail = (what) => { throw new Error((message ? message + '\\n' : '') + what); };
  return {
    toBe(expected) { if (!Object.is(actual, expected)) fail('expected ' + JSON.stringify(expected) + ', got ' + JSON.stringify(actual)); },
    async toHaveText(expected) {
      const deadline = Date.now() + 5000;
      let text;
      while ((text = (await actual.textContent()) ?? '') !== expected) {
        if (Date.now() > deadline) fail('expected the text ' + JSON.stringify(expected) + ', got ' + JSON.stringify(text));
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}`;

/** Writes an example as a module, its imports pointed at the built package (and the shim). */
async function writeExample(name, source) {
  const shim = path.join(tmp, 'playwright-test-shim.mjs');
  await writeFile(shim, PLAYWRIGHT_TEST_SHIM);
  const file = path.join(tmp, `${name}.mjs`);
  const rewritten = source
    .replaceAll("'naverpay-checkout/testing'", `'${KIT}'`)
    .replaceAll("'naverpay-checkout'", `'${pathToFileURL(path.join(PKG, 'node/naverpay_checkout.js')).href}'`)
    .replaceAll("'@playwright/test'", `'${pathToFileURL(shim).href}'`);
  assert.notEqual(rewritten, source, 'the example imports the package');
  await writeFile(file, rewritten);
  return file;
}

async function runPlaywrightExample(name) {
  const file = await writeExample(name, await example(name));
  const before = (await import(pathToFileURL(path.join(tmp, 'playwright-test-shim.mjs')).href)).tests.length;
  await import(pathToFileURL(file).href);
  const { tests } = await import(pathToFileURL(path.join(tmp, 'playwright-test-shim.mjs')).href);
  const mine = tests.slice(before);
  assert.equal(mine.length, 1);
  const context = await browser.newContext({ baseURL: demo.url });
  try {
    await mine[0].fn({ page: await context.newPage() });
  } finally {
    await context.close();
  }
}

test('docs/testing.md: the Playwright rehearsal example passes on the demo checkout', () =>
  runPlaywrightExample('playwright-rehearsal'));

test('docs/testing.md: the Playwright simulator example passes on the demo checkout', () =>
  runPlaywrightExample('playwright-simulator'));

test('docs/testing.md: the Vitest example passes under jsdom and under happy-dom', async () => {
  if (!existsSync(path.join(VITEST_APP, 'node_modules/.package-lock.json'))) {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: VITEST_APP, env: CLEAN_ENV });
  }
  const source = await example('vitest');
  assert.match(source, /^\/\/ @vitest-environment jsdom\n/);
  const generated = path.join(VITEST_APP, 'generated');
  await rm(generated, { recursive: true, force: true });
  await mkdir(generated);
  await writeFile(path.join(generated, 'jsdom.test.js'), source);
  await writeFile(
    path.join(generated, 'happy-dom.test.js'),
    source.replace('@vitest-environment jsdom', '@vitest-environment happy-dom'),
  );
  const { stdout } = await run(path.join(VITEST_APP, 'node_modules/.bin/vitest'), ['run', '--reporter=verbose'], {
    cwd: VITEST_APP,
    env: { ...CLEAN_ENV, NO_COLOR: '1' },
  });
  assert.match(stdout, /Tests {2}4 passed \(4\)/, stdout);
  for (const env of ['jsdom', 'happy-dom'])
    assert.match(stdout, new RegExp(`generated/${env}\\.test\\.js > redirect mode`), stdout);
});

test('docs/testing.md: the backend example passes under node --test', async () => {
  const file = await writeExample('backend', await example('backend'));
  const { stdout } = await run(process.execPath, ['--test', file], { env: CLEAN_ENV });
  assert.match(stdout, /^# pass 1$/m, stdout);
  assert.match(stdout, /^# fail 0$/m, stdout);
});

test('docs/testing.md: the server rehearsal example passes under node --test, and fails without extra.requester', async () => {
  const source = await example('server-rehearsal');
  const file = await writeExample('server-rehearsal', source);
  const { stdout } = await run(process.execPath, ['--test', file], { env: CLEAN_ENV });
  assert.match(stdout, /^# pass 1$/m, stdout);
  const without = source.replace(", extra: { requester: 'customer' } }", ' }');
  assert.notEqual(without, source);
  const broken = await writeExample('server-rehearsal-broken', without);
  const failed = await run(process.execPath, ['--test', broken], { env: CLEAN_ENV }).then(
    () => null,
    (e) => e.stdout,
  );
  assert.match(
    failed,
    /FAIL {2}refund-body: [^\n]*\n\s+the REST simulator refused POST \/payments\/cancel: Naver Pay inspection: /,
    failed,
  );
});

// ---- the REST simulator ----------------------------------------------------------------------------

async function token(fetch, base) {
  const r = await fetch(`${base}/users/getToken`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ imp_key: 'k', imp_secret: 's' }),
  });
  return (await r.json()).response.access_token;
}

/** The backend flows on one simulator: lookup, again on a billing key, schedule, cancel (refused without reason). */
async function backendFlows(fetch, base, rest) {
  const access = await token(fetch, base);
  const post = async (route, body, auth = access) => {
    const r = await fetch(base + route, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    });
    return { status: r.status, ...(await r.json()) };
  };
  await post(
    '/__sim/payments',
    [
      { kind: 'payment', imp_uid: 'imp_100000000001', merchant_uid: 'order_1', amount: 14000, status: 'paid' },
      {
        kind: 'billing_key',
        imp_uid: 'imp_100000000002',
        merchant_uid: 'reg_1',
        amount: 0,
        status: 'paid',
        customer_uid: 'cust_1',
      },
    ],
    null,
  );
  const lookup = await (
    await fetch(`${base}/payments/imp_100000000001`, { headers: { Authorization: `Bearer ${access}` } })
  ).json();
  assert.deepEqual([lookup.code, lookup.response.amount, lookup.response.status], [0, 14000, 'paid']);
  const unknown = await fetch(`${base}/payments/imp_999999999999`, { headers: { Authorization: access } });
  assert.equal(unknown.status, 404);
  assert.equal((await post('/payments/cancel', { imp_uid: 'imp_100000000001' }, null)).status, 401, 'no token, no API');

  const again = await post('/subscribe/payments/again', {
    customer_uid: 'cust_1',
    merchant_uid: 'order_2',
    amount: 9900,
    name: 'Slim plan',
  });
  assert.deepEqual([again.code, again.response.status, again.response.amount], [0, 'paid', 9900]);
  const future = Math.floor(Date.now() / 1000) + 86400;
  const schedule = await post('/subscribe/payments/schedule', {
    customer_uid: 'cust_1',
    schedules: [{ merchant_uid: 'order_3', schedule_at: future, amount: 9900 }],
  });
  assert.equal(schedule.response[0].schedule_status, 'scheduled');

  const unschedule = await post('/subscribe/payments/unschedule', {
    customer_uid: 'cust_1',
    merchant_uid: ['order_3'],
  });
  assert.deepEqual(
    unschedule.response.map((x) => [x.merchant_uid, x.schedule_status]),
    [['order_3', 'revoked']],
  );
  const remove = (query) =>
    fetch(`${base}/subscribe/customers/cust_1${query}`, { method: 'DELETE', headers: { Authorization: access } }).then(
      async (r) => ({ status: r.status, ...(await r.json()) }),
    );
  assert.deepEqual(
    [(await remove('')).code, (await remove('?reason=x')).code],
    [1, 1],
    'a Naver Pay key needs reason and extra[requester]',
  );
  const removed = await remove(`?reason=${encodeURIComponent('해지 요청')}&extra[requester]=customer`);
  assert.deepEqual([removed.status, removed.code, removed.response.customer_uid], [200, 0, 'cust_1']);

  const noReason = await post('/payments/cancel', { imp_uid: 'imp_100000000001' });
  assert.deepEqual([noReason.status, noReason.code], [200, 1], 'a business refusal, as V1');
  const cancel = await post('/payments/cancel', {
    imp_uid: 'imp_100000000001',
    reason: '단순 변심',
    extra: { requester: 'customer' },
  });
  assert.equal(cancel.response.status, 'cancelled');
  const { cancellations } = rest.snapshot();
  assert.deepEqual(
    cancellations.map((c) => [c.accepted, c.reason, c.requester]),
    [
      [false, null, null],
      [true, '단순 변심', 'customer'],
    ],
  );
}

test('startRestSimulator serves token, lookup, again, schedule, unschedule, billing-key deletion and cancel on 127.0.0.1', async () => {
  const server = await kit.startRestSimulator({ impKey: 'k', impSecret: 's' });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await backendFlows(fetch, server.url, server.rest);
    const nowhere = await fetch(`${server.url}/not/portone`);
    assert.equal(nowhere.status, 404);
    assert.equal((await nowhere.json()).code, -1);
  } finally {
    await server.close();
  }
});

test('createRestFetch answers https://api.iamport.kr in memory and refuses every other URL', async () => {
  const { fetch: portone, rest } = kit.createRestFetch({ impKey: 'k', impSecret: 's' });
  await backendFlows(portone, kit.API_URL, rest);
  await assert.rejects(portone('https://api.iamport.kr.evil.example/users/getToken'), TypeError);
  await assert.rejects(portone('http://127.0.0.1:1/payments/x'), /answers https:\/\/api\.iamport\.kr only/);
  const wrong = await portone(`${kit.API_URL}/users/getToken`, {
    method: 'POST',
    body: 'imp_key=k&imp_secret=nope',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(wrong.status, 401);
});

test('inspection mode refuses a cancel or a deletion without reason and requester, naming the rule; off by default', async () => {
  const { fetch: portone, rest } = kit.createRestFetch({ impKey: 'k', impSecret: 's' });
  const access = await token(portone, kit.API_URL);
  const call = async (method, route, body) => {
    const r = await portone(kit.API_URL + route, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Authorization: access },
    });
    return r.json();
  };
  await call('POST', '/__sim/payments', [
    { kind: 'payment', imp_uid: 'imp_100000000001', merchant_uid: 'order_1', amount: 14000, status: 'paid' },
    {
      kind: 'billing_key',
      imp_uid: 'imp_100000000002',
      merchant_uid: 'reg_1',
      amount: 0,
      status: 'paid',
      customer_uid: 'cust_1',
    },
  ]);
  const handWritten = { imp_uid: 'imp_100000000001', reason: '단순 변심', amount: 1000 };
  assert.equal(
    (await call('POST', '/payments/cancel', handWritten)).code,
    0,
    'PortOne itself takes a cancel without requester',
  );

  assert.deepEqual((await call('POST', '/__sim/inspection', { on: true })).response, { naverUseCfm: false });
  const refused = await call('POST', '/payments/cancel', handWritten);
  assert.deepEqual([refused.code, refused.response], [1, null]);
  assert.match(
    refused.message,
    /^Naver Pay inspection: POST \/payments\/cancel needs reason and extra\.requester \('customer' or 'admin'\)/,
  );
  assert.equal((await call('POST', '/payments/cancel', { ...handWritten, extra: { requester: 'someone' } })).code, 1);
  assert.equal((await call('POST', '/payments/cancel', { ...handWritten, extra: { requester: 'admin' } })).code, 0);
  const deletion = await call('DELETE', '/subscribe/customers/cust_1?extra[requester]=customer');
  assert.match(
    deletion.message,
    /^Naver Pay inspection: DELETE \/subscribe\/customers\/\{customer_uid\} needs reason and extra\[requester\]/,
  );
  const again = { customer_uid: 'cust_1', merchant_uid: 'order_2', amount: 9900, name: 'Slim plan' };
  assert.equal(
    (await call('POST', '/subscribe/payments/again', again)).code,
    0,
    'naverUseCfm only when the contract requires it',
  );

  rest.setInspection({ naverUseCfm: true });
  const noCfm = await call('POST', '/subscribe/payments/again', { ...again, merchant_uid: 'order_3' });
  assert.match(noCfm.message, /^Naver Pay inspection: POST \/subscribe\/payments\/again needs extra\.naverUseCfm/);
  assert.equal(
    (
      await call('POST', '/subscribe/payments/again', {
        ...again,
        merchant_uid: 'order_3',
        extra: { naverUseCfm: '20991231' },
      })
    ).code,
    0,
  );
  const future = Math.floor(Date.now() / 1000) + 86400;
  const schedule = await call('POST', '/subscribe/payments/schedule', {
    customer_uid: 'cust_1',
    schedules: [
      { merchant_uid: 'order_4', schedule_at: future, amount: 9900, extra: { naverUseCfm: '20991231' } },
      { merchant_uid: 'order_5', schedule_at: future, amount: 9900 },
    ],
  });
  assert.match(
    schedule.message,
    /^Naver Pay inspection: every schedule of POST \/subscribe\/payments\/schedule needs extra\.naverUseCfm/,
  );

  const { inspectionRefusals, inspection } = rest.snapshot();
  assert.deepEqual(
    inspectionRefusals.map((r) => r.rule),
    ['cancel', 'cancel', 'deletion', 'again', 'schedule'],
  );
  assert.deepEqual(inspection, { naverUseCfm: true });
  await call('POST', '/__sim/inspection', { on: false });
  assert.equal(rest.snapshot().inspection, null);
  assert.equal(kit.createRestSimulator({ inspection: true }).snapshot().inspection.naverUseCfm, false);
});

test('rehearseServer over createRestFetch: a backend that takes its fetch, refund and unsubscribe judged in memory', async () => {
  const { fetch: portone, rest } = kit.createRestFetch({ impKey: 'k', impSecret: 's' });
  // The code under test: a backend whose unsubscribe forgets extra[requester], whose refund does not.
  const backend = {
    async refund(impUid) {
      const { json } = nodeBuild.buildCancelPaymentBody({ imp_uid: impUid, reason: '단순 변심' });
      return portone(`${kit.API_URL}/payments/cancel`, {
        method: 'POST',
        body: JSON.stringify(json),
        headers: { 'Content-Type': 'application/json', Authorization: await token(portone, kit.API_URL) },
      });
    },
    async unsubscribe(customerUid) {
      return portone(`${kit.API_URL}/subscribe/customers/${customerUid}?reason=${encodeURIComponent('해지')}`, {
        method: 'DELETE',
        headers: { Authorization: await token(portone, kit.API_URL) },
      });
    },
  };
  const report = await kit.rehearseServer({
    fetch: portone,
    async refund(ctx) {
      await backend.refund((await ctx.seedPayment({ merchant_uid: 'order_1', amount: 14000 })).imp_uid);
    },
    async unsubscribe(ctx) {
      await backend.unsubscribe((await ctx.seedBillingKey({ customer_uid: 'cust_1' })).customer_uid);
    },
  });
  assert.deepEqual(
    report.scenarios.map((x) => [x.id, x.status]),
    [
      ['refund-body', 'passed'],
      ['unsubscribe-body', 'failed'],
    ],
    report.summary,
  );
  assert.equal(
    report.scenarios[0].reason,
    'POST /payments/cancel with reason "단순 변심" and requester "admin"',
    'the builder writes admin unless told',
  );
  assert.match(
    report.scenarios[1].reason,
    /^the REST simulator refused DELETE \/subscribe\/customers\/cust_1: Naver Pay inspection: /,
  );
  assert.equal(rest.snapshot().inspection, null, 'the mode is put back');
  await assert.rejects(kit.rehearseServer({ fetch: portone, only: ['refund'] }), {
    name: 'TypeError',
    message: /no scenario "refund"/,
  });
});

// ---- the IMP simulator in Playwright -----------------------------------------------------------------

test('installImpSimulator on a page: the record survives a redirect, outcomes go one a call, twice gives one handle', async () => {
  const page = await browser.newPage();
  try {
    const imp = await kit.installImpSimulator(page, { outcomes: ['cancel'] });
    assert.equal(await kit.installImpSimulator(page, { outcomes: [{ result: 'fail', error_msg: 'x' }] }), imp);
    assert.deepEqual(
      imp.queued.map((o) => o.result),
      ['cancel', 'fail'],
    );
    await page.goto(`${demo.url}/complete.html`);
    const first = await page.evaluate(
      () =>
        new Promise((r) => {
          window.IMP.init('imp00000000');
          window.IMP.request_pay({ merchant_uid: 'o1', amount: 1000 }, r);
        }),
    );
    assert.equal(first.error_msg, kit.IMP_MESSAGES.cancel);
    await page.evaluate(() =>
      window.IMP.request_pay({
        merchant_uid: 'o2',
        amount: 1000,
        naverPopupMode: false,
        m_redirect_url: '/complete.html',
      }),
    );
    await page.waitForURL(/error_code=/);
    await imp.sync();
    assert.deepEqual(
      imp.calls.map((c) => [c.params.merchant_uid, c.mode, c.response?.error_msg]),
      [
        ['o1', 'popup', kit.IMP_MESSAGES.cancel],
        ['o2', 'redirect', 'x'],
      ],
    );
    assert.equal(imp.redirects.length, 1);
    assert.deepEqual(imp.inits, ['imp00000000']);
    await assert.rejects(imp.script('approved'), TypeError);
  } finally {
    await page.close();
  }
});

test("a page of a context that has the simulator shares the context's handle, and the rehearsal can use it", async () => {
  const context = await browser.newContext();
  try {
    const imp = await kit.installImpSimulator(context, { reportUrl: '/portone/__sim/payments' });
    const page = await context.newPage();
    assert.equal(await kit.installImpSimulator(page), imp);
    await page.goto(`${demo.url}/`);
    const report = await kit.rehearseInspection(page, {
      pay: '#pay-button',
      setup: (p) => p.waitForSelector('#checkout[data-ready="true"]'),
      only: ['failure-message', 'naver-products', 'redirect-phone', 'failure-message-redirect'],
    });
    assert.deepEqual(
      report.scenarios.map((s) => [s.id, s.status]),
      [
        ['failure-message', 'passed'],
        ['naver-products', 'passed'],
        ['redirect-phone', 'passed'],
        ['failure-message-redirect', 'passed'],
      ],
      report.summary,
    );
  } finally {
    await context.close();
  }
});

// ---- the CLI -------------------------------------------------------------------------------------

const cli = (args) =>
  run(process.execPath, [path.join(PKG, 'testing/cli.mjs'), ...args], { env: CLEAN_ENV }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

// The demo's cart under the minimum, from the command line: the three books and the tumbler out, one 50-won e-book in.
const BELOW_MINIMUM_CLICKS = [
  ...['history-of-the-world', 'bts-map-of-the-soul', 'steel-tumbler'].map(
    (id) => `[data-product="${id}"] [data-step="-1"]`,
  ),
  '[data-product="ebook-sample"] [data-step="1"]',
].flatMap((selector) => ['--below-minimum-click', selector]);

test('the CLI rehearses the demo: with the cart under the minimum set up from the command line, every scenario passes', async () => {
  const r = await cli([
    'rehearse',
    `${demo.url}/`,
    '--pay',
    '#pay-button',
    '--ready',
    '#checkout[data-ready="true"]',
    ...BELOW_MINIMUM_CLICKS,
    '--below-minimum-amount',
    '50',
    '--rest-url',
    `${demo.url}/portone`,
    '--browser',
    CHROMIUM_PATH,
  ]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    new RegExp(
      `^Naver Pay inspection rehearsal: ${kit.SCENARIOS.length - 1} passed, 0 failed, 0 not rehearsed, 1 not applicable\n`,
    ),
  );
  assert.match(r.stdout, /N\/A {3}tampered-count: .*\n {8}PortOne V1's payment \(GET \/payments\/\{imp_uid\}/);
});

test('the CLI: --only picks scenarios; one not set up is not rehearsed and exits 1; --json gives the report', async () => {
  const r = await cli([
    'rehearse',
    `${demo.url}/`,
    '--pay',
    '#pay-button',
    '--ready',
    '#checkout[data-ready="true"]',
    '--only',
    'below-minimum,failure-message',
    '--browser',
    CHROMIUM_PATH,
  ]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stdout,
    /^Naver Pay inspection rehearsal: 1 passed, 0 failed, 1 not rehearsed \(not ready for inspection\)\n/,
  );
  assert.match(r.stdout, /SKIP {2}below-minimum: .*\n {8}not rehearsed: needs a cart under the minimum/);

  const j = await cli([
    'rehearse',
    `${demo.url}/`,
    '--pay',
    '#no-such-button',
    '--timeout',
    '300',
    '--json',
    '--skip',
    'redirect-tablet,redirect-in-app',
    '--skip',
    'double-click',
    '--only',
    'failure-message,double-click',
    '--browser',
    CHROMIUM_PATH,
  ]);
  assert.equal(j.code, 1);
  const report = JSON.parse(j.stdout);
  assert.deepEqual(
    report.scenarios.map((s) => [s.id, s.status]),
    [['failure-message', 'not rehearsed']],
  );
});

test('the CLI: --sdk v2 rehearses the V2 page; EUC-KR is reported not applicable, and the run still exits 0', async () => {
  const r = await cli([
    'rehearse',
    `${demo.url}/v2.html`,
    '--sdk',
    'v2',
    '--pay',
    '#pay',
    '--ready',
    '#checkout[data-ready="true"]',
    '--rest-url',
    `${demo.url}/portone-v2`,
    '--only',
    'failure-message,redirect-phone,failure-message-redirect-euc-kr,tampered-amount,tampered-count',
    '--browser',
    CHROMIUM_PATH,
  ]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^Naver Pay inspection rehearsal: 4 passed, 0 failed, 0 not rehearsed, 1 not applicable\n/);
  assert.match(r.stdout, /PASS {2}tampered-count: /);
  assert.match(
    r.stdout,
    /N\/A {3}failure-message-redirect-euc-kr: .*\n {8}PortOne V2 builds the redirectUrl query itself/,
  );
  assert.match(r.stdout, /PASS {2}redirect-phone: .* \[iPhone \(Safari\)\]\n/);
});

test('the CLI: usage and environment errors exit 2 with one plain line, never a stack trace', async () => {
  const closed = await new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(`http://127.0.0.1:${port}/`));
    });
  });
  const cases = [
    [[], /^naverpay-checkout: no command: naverpay-checkout rehearse <checkout-url> --pay <selector>/],
    [['rehearse'], /^naverpay-checkout: give exactly one checkout URL/],
    [['rehearse', 'ftp://x', '--pay', 'a'], /^naverpay-checkout: checkout URL "ftp:\/\/x" is not an http\(s\) URL\n/],
    [['rehearse', 'http://x'], /^naverpay-checkout: --pay <selector> is required/],
    [['frobnicate', 'http://x', '--pay', 'a'], /^naverpay-checkout: unknown command "frobnicate"/],
    [
      ['rehearse', 'http://x', '--pay', 'a', '--only', 'failure-mesage'],
      /^naverpay-checkout: --only: no scenario "failure-mesage"/,
    ],
    [['rehearse', 'http://x', '--pay', 'a', '--frob'], /^naverpay-checkout: Unknown option '--frob'/],
    [['rehearse', 'http://x', '--pay', 'a', '--sdk', 'v3'], /^naverpay-checkout: --sdk is v1 or v2; got "v3"\n/],
    [
      ['rehearse', closed, '--pay', 'a', '--browser', CHROMIUM_PATH],
      /^naverpay-checkout: could not open http:\/\/127\.0\.0\.1:\d+\/: net::ERR_CONNECTION_REFUSED/,
    ],
    [
      ['rehearse', `${demo.url}/`, '--pay', 'a', '--browser', '/no/such/chrome'],
      /^naverpay-checkout: could not start the browser "\/no\/such\/chrome": /,
    ],
  ];
  for (const [args, expected] of cases) {
    const bad = await cli(args);
    assert.equal(bad.code, 2, JSON.stringify(args));
    assert.match(bad.stderr, expected, JSON.stringify(args));
    assert.equal(bad.stderr.split('\n').length, 2, `one line: ${bad.stderr}`);
    assert.equal(bad.stdout, '');
  }
});

// ---- packaging -----------------------------------------------------------------------------------

test('the package exports ./testing with types, a bin, and playwright-core as an optional peer', async () => {
  const manifest = JSON.parse(await readFile(path.join(PKG, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.exports['./testing'], { types: './testing/index.d.ts', default: './testing/index.mjs' });
  assert.deepEqual(manifest.bin, { 'naverpay-checkout': './testing/cli.mjs' });
  assert.deepEqual(manifest.peerDependenciesMeta, { 'playwright-core': { optional: true } });
  assert.ok(manifest.files.includes('testing'));
  assert.match(await readFile(path.join(PKG, 'testing/cli.mjs'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  // The simulators ship beside the kit, byte for byte the repository's.
  assert.equal(
    await readFile(path.join(PKG, 'testing/imp.js'), 'utf8'),
    await readFile(path.join(REPO_ROOT, 'sim/imp.js'), 'utf8'),
  );
  assert.equal(kit.IMP_SOURCE, await readFile(path.join(REPO_ROOT, 'sim/imp.js'), 'utf8'));
});

test('no browser entry of the package reaches the test kit', async () => {
  for (const dir of ['esm', 'global', 'web']) {
    for (const f of await readdir(path.join(PKG, dir))) {
      if (!f.endsWith('.js')) continue;
      const source = await readFile(path.join(PKG, dir, f), 'utf8');
      assert.ok(!/testing|__impSim|rehearse/i.test(source), `${dir}/${f} mentions the test kit`);
    }
  }
});

test('testing/index.d.ts: the valid uses compile and every @ts-expect-error is an error', async () => {
  const tsc = path.join(REPO_ROOT, 'node_modules/.bin/tsc');
  const r = await run(tsc, ['-p', path.join(REPO_ROOT, 'tests/types-testing/tsconfig.json')]).catch((e) => e);
  assert.equal(r.code ?? 0, 0, r.stdout);
  // The package ships the very declarations it was checked with.
  assert.equal(
    await readFile(path.join(PKG, 'testing/index.d.ts'), 'utf8'),
    await readFile(path.join(REPO_ROOT, 'testing/index.d.ts'), 'utf8'),
  );
});
