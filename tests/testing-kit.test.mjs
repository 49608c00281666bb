// naverpay-checkout/testing as the package ships it (pkg/testing, built by scripts/package.mjs): the examples of
// docs/testing.md run as written (Playwright through a small stand-in for @playwright/test, Vitest under jsdom
// and happy-dom in tests/kit-vitest/, the backend one under node --test), the REST simulator as a server and
// as a fetch, the CLI, and the packaging (the export, the bin, browser entries that never import it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundleDemo } from './support/demo.mjs';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser, CHROMIUM_PATH } from './support/browser.mjs';
import { REPO_ROOT } from './support/pkg.mjs';

const run = promisify(execFile);
const PKG = path.join(REPO_ROOT, 'pkg');
const KIT = pathToFileURL(path.join(PKG, 'testing/index.mjs')).href;
const VITEST_APP = path.join(REPO_ROOT, 'tests/kit-vitest');
// Child processes get neither the outer npm run's npm_config_* nor node --test's NODE_TEST_CONTEXT (with it, a
// child `node --test` reports to us in its binary protocol instead of printing TAP).
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env)
  .filter(([k]) => !k.toLowerCase().startsWith('npm_') && k !== 'NODE_TEST_CONTEXT'));

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

test('docs/testing.md: the Playwright rehearsal example passes on the demo checkout', () => runPlaywrightExample('playwright-rehearsal'));

test('docs/testing.md: the Playwright simulator example passes on the demo checkout', () => runPlaywrightExample('playwright-simulator'));

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
  await writeFile(path.join(generated, 'happy-dom.test.js'), source.replace('@vitest-environment jsdom', '@vitest-environment happy-dom'));
  const { stdout } = await run(path.join(VITEST_APP, 'node_modules/.bin/vitest'), ['run', '--reporter=verbose'],
    { cwd: VITEST_APP, env: { ...CLEAN_ENV, NO_COLOR: '1' } });
  assert.match(stdout, /Tests {2}4 passed \(4\)/, stdout);
  for (const env of ['jsdom', 'happy-dom']) assert.match(stdout, new RegExp(`generated/${env}\\.test\\.js > redirect mode`), stdout);
});

test('docs/testing.md: the backend example passes under node --test', async () => {
  const file = await writeExample('backend', await example('backend'));
  const { stdout } = await run(process.execPath, ['--test', file], { env: CLEAN_ENV });
  assert.match(stdout, /^# pass 1$/m, stdout);
  assert.match(stdout, /^# fail 0$/m, stdout);
});

// ---- the REST simulator ----------------------------------------------------------------------------

async function token(fetch, base) {
  const r = await fetch(`${base}/users/getToken`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ imp_key: 'k', imp_secret: 's' }) });
  return (await r.json()).response.access_token;
}

/** The backend flows on one simulator: lookup, again on a billing key, schedule, cancel (refused without reason). */
async function backendFlows(fetch, base, rest) {
  const access = await token(fetch, base);
  const post = async (route, body, auth = access) => {
    const r = await fetch(base + route, { method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) } });
    return { status: r.status, ...(await r.json()) };
  };
  await post('/__sim/payments', [
    { kind: 'payment', imp_uid: 'imp_100000000001', merchant_uid: 'order_1', amount: 14000, status: 'paid' },
    { kind: 'billing_key', imp_uid: 'imp_100000000002', merchant_uid: 'reg_1', amount: 0, status: 'paid', customer_uid: 'cust_1' },
  ], null);
  const lookup = await (await fetch(`${base}/payments/imp_100000000001`, { headers: { Authorization: `Bearer ${access}` } })).json();
  assert.deepEqual([lookup.code, lookup.response.amount, lookup.response.status], [0, 14000, 'paid']);
  const unknown = await fetch(`${base}/payments/imp_999999999999`, { headers: { Authorization: access } });
  assert.equal(unknown.status, 404);
  assert.equal((await post('/payments/cancel', { imp_uid: 'imp_100000000001' }, null)).status, 401, 'no token, no API');

  const again = await post('/subscribe/payments/again', { customer_uid: 'cust_1', merchant_uid: 'order_2', amount: 9900, name: 'Slim plan' });
  assert.deepEqual([again.code, again.response.status, again.response.amount], [0, 'paid', 9900]);
  const future = Math.floor(Date.now() / 1000) + 86400;
  const schedule = await post('/subscribe/payments/schedule', { customer_uid: 'cust_1',
    schedules: [{ merchant_uid: 'order_3', schedule_at: future, amount: 9900 }] });
  assert.equal(schedule.response[0].schedule_status, 'scheduled');

  const unschedule = await post('/subscribe/payments/unschedule', { customer_uid: 'cust_1', merchant_uid: ['order_3'] });
  assert.deepEqual(unschedule.response.map((x) => [x.merchant_uid, x.schedule_status]), [['order_3', 'revoked']]);
  const remove = (query) => fetch(`${base}/subscribe/customers/cust_1${query}`, { method: 'DELETE', headers: { Authorization: access } })
    .then(async (r) => ({ status: r.status, ...(await r.json()) }));
  assert.deepEqual([(await remove('')).code, (await remove('?reason=x')).code], [1, 1], 'a Naver Pay key needs reason and extra[requester]');
  const removed = await remove(`?reason=${encodeURIComponent('해지 요청')}&extra[requester]=customer`);
  assert.deepEqual([removed.status, removed.code, removed.response.customer_uid], [200, 0, 'cust_1']);

  const noReason = await post('/payments/cancel', { imp_uid: 'imp_100000000001' });
  assert.deepEqual([noReason.status, noReason.code], [200, 1], 'a business refusal, as V1');
  const cancel = await post('/payments/cancel', { imp_uid: 'imp_100000000001', reason: '단순 변심', extra: { requester: 'customer' } });
  assert.equal(cancel.response.status, 'cancelled');
  const { cancellations } = rest.snapshot();
  assert.deepEqual(cancellations.map((c) => [c.accepted, c.reason, c.requester]), [[false, null, null], [true, '단순 변심', 'customer']]);
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
  const wrong = await portone(`${kit.API_URL}/users/getToken`, { method: 'POST', body: 'imp_key=k&imp_secret=nope',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(wrong.status, 401);
});

// ---- the IMP simulator in Playwright -----------------------------------------------------------------

test('installImpSimulator on a page: the record survives a redirect, outcomes go one a call, twice gives one handle', async () => {
  const page = await browser.newPage();
  try {
    const imp = await kit.installImpSimulator(page, { outcomes: ['cancel'] });
    assert.equal(await kit.installImpSimulator(page, { outcomes: [{ result: 'fail', error_msg: 'x' }] }), imp);
    assert.deepEqual(imp.queued.map((o) => o.result), ['cancel', 'fail']);
    await page.goto(`${demo.url}/complete.html`);
    const first = await page.evaluate(() => new Promise((r) => { window.IMP.init('imp00000000'); window.IMP.request_pay({ merchant_uid: 'o1', amount: 1000 }, r); }));
    assert.equal(first.error_msg, kit.IMP_MESSAGES.cancel);
    await page.evaluate(() => window.IMP.request_pay({ merchant_uid: 'o2', amount: 1000, naverPopupMode: false, m_redirect_url: '/complete.html' }));
    await page.waitForURL(/error_code=/);
    await imp.sync();
    assert.deepEqual(imp.calls.map((c) => [c.params.merchant_uid, c.mode, c.response?.error_msg]), [['o1', 'popup', kit.IMP_MESSAGES.cancel], ['o2', 'redirect', 'x']]);
    assert.equal(imp.redirects.length, 1);
    assert.deepEqual(imp.inits, ['imp00000000']);
    await assert.rejects(imp.script('approved'), TypeError);
  } finally {
    await page.close();
  }
});

test('a page of a context that has the simulator shares the context\'s handle, and the rehearsal can use it', async () => {
  const context = await browser.newContext();
  try {
    const imp = await kit.installImpSimulator(context, { reportUrl: '/portone/__sim/payments' });
    const page = await context.newPage();
    assert.equal(await kit.installImpSimulator(page), imp);
    await page.goto(`${demo.url}/`);
    const report = await kit.rehearseInspection(page, { pay: '#pay-button', setup: (p) => p.waitForSelector('#checkout[data-ready="true"]'),
      skip: ['double-click', 'below-minimum', 'redirect-tablet', 'redirect-in-app', 'failure-message-redirect-euc-kr'] });
    assert.deepEqual(report.scenarios.map((s) => [s.id, s.status]), [['failure-message', 'passed'], ['naver-products', 'passed'],
      ['redirect-phone', 'passed'], ['failure-message-redirect', 'passed']], report.summary);
  } finally {
    await context.close();
  }
});

// ---- the CLI -------------------------------------------------------------------------------------

const cli = (args) => run(process.execPath, [path.join(PKG, 'testing/cli.mjs'), ...args], { env: CLEAN_ENV })
  .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (e) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

test('the CLI rehearses the demo: every scenario it can set up passes; without a below-minimum URL it exits 1', async () => {
  const r = await cli(['rehearse', `${demo.url}/`, '--pay', '#pay-button', '--ready', '#checkout[data-ready="true"]', '--browser', CHROMIUM_PATH]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^Naver Pay inspection rehearsal: 8 passed, 0 failed, 1 not rehearsed \(not ready for inspection\)\n/);
  assert.match(r.stdout, /SKIP {2}below-minimum: .*\n {8}not rehearsed: needs a cart under the minimum/);
});

test('the CLI: --json gives the report; a usage error exits 2 with the usage', async () => {
  const r = await cli(['rehearse', `${demo.url}/`, '--pay', '#no-such-button', '--timeout', '300', '--json', '--browser', CHROMIUM_PATH]);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.ok, false);
  assert.equal(report.passed, 0);
  for (const args of [[], ['rehearse'], ['rehearse', 'ftp://x', '--pay', 'a'], ['rehearse', 'http://x'], ['frobnicate', 'http://x', '--pay', 'a']]) {
    const bad = await cli(args);
    assert.equal(bad.code, 2, JSON.stringify(args));
    assert.match(bad.stderr, /^naverpay-checkout: .+\n\nusage: naverpay-checkout rehearse <checkout-url> --pay <selector>/);
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
  assert.equal(await readFile(path.join(PKG, 'testing/imp.js'), 'utf8'), await readFile(path.join(REPO_ROOT, 'sim/imp.js'), 'utf8'));
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
  assert.equal(await readFile(path.join(PKG, 'testing/index.d.ts'), 'utf8'), await readFile(path.join(REPO_ROOT, 'testing/index.d.ts'), 'utf8'));
});
