// NaverPayCheckout in headless Chromium against the PortOne simulator (sim/imp.js): the loader's
// fault modes, and pay()/registerBillingKey() over IMP.request_pay.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, flakyScript, watchPage, assertPageClean } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { openPackagePage, loadPackage, REPO_ROOT, VALID_PARAMS, NASTY_MESSAGES } from './support/pkg.mjs';

let browser, server, page, problems;
// Fails twice, then serves the simulator: a retry after failures must work.
const flaky = flakyScript(await readFile(`${REPO_ROOT}/sim/imp.js`), 2);

before(async () => {
  server = await startStaticServer({
    root: REPO_ROOT,
    routes: {
      '/flaky/imp.js': flaky,
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
  await openPackagePage(page, server);
});
afterEach(async () => {
  await assertPageClean(page, problems);
  await page.close();
});

/** load() in the page; resolves { ok } or { code, name, cause } without throwing. */
const load = (options) =>
  page.evaluate(async (o) => {
    try {
      window.checkout = await npc.NaverPayCheckout.load(o);
      return { ok: true };
    } catch (e) {
      return {
        ok: false,
        code: e.code,
        name: e.name,
        isError: e instanceof Error,
        causeType: e.cause === undefined ? 'none' : (e.cause?.type ?? typeof e.cause),
      };
    }
  }, options);
const scriptsWithSrc = (src) =>
  page.evaluate((s) => [...document.scripts].filter((x) => x.getAttribute('src') === s).length, src);
const CODE = 'imp12345678';

// ---- the loader ------------------------------------------------------------------------------

test('a script that fails to load rejects SDK_LOAD_FAILED with the error event as cause', async () => {
  const r = await load({ merchantCode: CODE, sdkUrl: '/__fixtures/404.js' });
  assert.deepEqual(r, { ok: false, code: 'SDK_LOAD_FAILED', name: 'NaverPayError', isError: true, causeType: 'error' });
});

test('a script that loads without defining IMP rejects SDK_UNAVAILABLE', async () => {
  const r = await load({ merchantCode: CODE, sdkUrl: '/__fixtures/no-imp.js' });
  assert.equal(r.code, 'SDK_UNAVAILABLE');
  assert.equal(await page.evaluate(() => window.__noImpLoaded), true);
});

test('a script that never answers rejects SDK_TIMEOUT after timeoutMs', async () => {
  const started = Date.now();
  const r = await load({ merchantCode: CODE, sdkUrl: '/__fixtures/hang.js', timeoutMs: 300 });
  assert.equal(r.code, 'SDK_TIMEOUT');
  assert.ok(Date.now() - started >= 300);
});

test('an IMP already on the page is reused and nothing is injected', async () => {
  const before = await page.evaluate(() => {
    window.IMP = {
      init: (c) => {
        window.__fakeInit = c;
      },
      request_pay: () => {},
    };
    return document.scripts.length;
  });
  const r = await load({ merchantCode: CODE, sdkUrl: '/sim/imp.js' });
  assert.equal(r.ok, true);
  assert.equal(await page.evaluate(() => document.scripts.length), before);
  assert.equal(await page.evaluate(() => window.__fakeInit), CODE);
});

test('a script tag with the same URL still loading is waited for, not duplicated', async () => {
  const src = '/__fixtures/delay?ms=400&path=/sim/imp.js';
  const r = await page.evaluate(async (s) => {
    const tag = document.createElement('script');
    tag.src = s;
    document.head.append(tag);
    const started = performance.now();
    await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678', sdkUrl: s });
    return { waited: performance.now() - started, impThere: typeof window.IMP?.request_pay === 'function' };
  }, src);
  assert.ok(r.waited >= 300, `resolved after ${r.waited} ms`);
  assert.equal(r.impThere, true);
  assert.equal(await scriptsWithSrc(src), 1);
});

test('lookalike script URLs do not count as the SDK', async () => {
  const lookalikes = [
    '/sim/imp.js.evil',
    '/sim/imp.jsx',
    '/sim/imp.js?v=1',
    '/sim/imp.js/',
    '/sim//imp.js',
    'https://127.0.0.1/sim/imp.js',
    `${server.url.replace('127.0.0.1', 'localhost')}/sim/imp.js`,
  ];
  await page.evaluate((list) => {
    for (const src of list) {
      const tag = document.createElement('script');
      tag.type = 'text/plain'; // present in the DOM, never fetched
      tag.src = src;
      document.head.append(tag);
    }
  }, lookalikes);
  const r = await load({ merchantCode: CODE, sdkUrl: '/sim/imp.js' });
  assert.equal(r.ok, true);
  assert.equal(await scriptsWithSrc('/sim/imp.js'), 1, 'the loader injected its own tag');
});

test('ten separate concurrent loads share one script element', async () => {
  const r = await page.evaluate(async () => {
    const calls = Array.from({ length: 10 }, () =>
      npc.NaverPayCheckout.load({ merchantCode: 'imp12345678', sdkUrl: '/sim/imp.js' }),
    );
    const checkouts = await Promise.all(calls);
    return { n: checkouts.length, distinct: new Set(checkouts).size, inits: window.IMP.__sim.inits.length };
  });
  assert.deepEqual(r, { n: 10, distinct: 10, inits: 10 });
  assert.equal(await scriptsWithSrc('/sim/imp.js'), 1);
});

test('a failed load is not cached: fail, fail, then succeed on the same URL', async () => {
  flaky.reset();
  const codes = [];
  for (let i = 0; i < 3; i++) {
    const r = await load({ merchantCode: CODE, sdkUrl: '/flaky/imp.js' });
    codes.push(r.ok ? 'ok' : r.code);
  }
  assert.deepEqual(codes, ['SDK_LOAD_FAILED', 'SDK_LOAD_FAILED', 'ok']);
  assert.equal(flaky.hits, 3);
  assert.equal(await scriptsWithSrc('/flaky/imp.js'), 1, 'failed tags are removed');
});

test('a load that fails while nobody awaits it leaves no unhandled rejection', async () => {
  await page.evaluate(async () => {
    npc.NaverPayCheckout.load({ merchantCode: 'imp1', sdkUrl: '/__fixtures/404.js' }).catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
  });
  // afterEach checks window.__unhandled
});

test("IMP.init runs with the checkout's code at each load and right before each request_pay", async () => {
  const inits = await page.evaluate(async (p) => {
    const a = await npc.NaverPayCheckout.load({ merchantCode: 'imp11111111', sdkUrl: '/sim/imp.js' });
    await npc.NaverPayCheckout.load({ merchantCode: 'imp11111111', sdkUrl: '/sim/imp.js' });
    IMP.__sim.setOutcome({ result: 'approve', persist: true });
    await a.pay({ ...p, merchant_uid: 'o1' }, { mode: 'popup' });
    await a.pay({ ...p, merchant_uid: 'o2' }, { mode: 'popup' });
    await npc.NaverPayCheckout.load({ merchantCode: 'imp22222222', sdkUrl: '/sim/imp.js' });
    return IMP.__sim.inits;
  }, VALID_PARAMS);
  assert.deepEqual(inits, ['imp11111111', 'imp11111111', 'imp11111111', 'imp11111111', 'imp22222222']);
});

test('a bad merchant code rejects INVALID_MERCHANT_CODE and injects nothing', async () => {
  for (const merchantCode of ['', 'imp', 'IMP12345', '12345678', 'imp1234a', ' imp123', 12345678, undefined]) {
    const r = await load({ merchantCode, sdkUrl: '/sim/imp.js' });
    assert.equal(r.code, 'INVALID_MERCHANT_CODE', String(merchantCode));
  }
  assert.equal(await scriptsWithSrc('/sim/imp.js'), 0);
});

// ---- paying ----------------------------------------------------------------------------------

/** Loads the simulator and wires a button whose click calls pay(); results land in window.results. */
async function checkoutWithButton(options = { mode: 'popup' }) {
  await page.evaluate(
    async ([p, o]) => {
      window.checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678', sdkUrl: '/sim/imp.js' });
      window.results = [];
      const button = document.createElement('button');
      button.id = 'pay';
      button.textContent = 'Pay';
      window.syncCalls = [];
      button.addEventListener('click', () => {
        const before = IMP.__sim.calls.length;
        window.checkout.pay(window.nextParams ?? p, o).then(
          (r) => window.results.push({ resolved: r }),
          (e) => window.results.push({ rejected: { code: e.code, errors: e.errors } }),
        );
        // request_pay must have been entered before pay() returned: no await in between.
        window.syncCalls.push(IMP.__sim.calls.length - before);
      });
      document.body.append(button);
    },
    [VALID_PARAMS, options],
  );
}
const results = async (n) => {
  await page.waitForFunction((k) => window.results.length >= k, n);
  return page.evaluate(() => window.results);
};

test('pay() calls request_pay inside the click, with user activation still active', async () => {
  await checkoutWithButton();
  await page.evaluate(() => IMP.__sim.setOutcome({ result: 'approve' }));
  await page.click('#pay');
  const [r] = await results(1);
  assert.equal(r.resolved.success, true);
  const call = await page.evaluate(() => IMP.__sim.calls[0]);
  assert.equal(call.userActivation, true);
  assert.deepEqual(await page.evaluate(() => window.syncCalls), [1], 'request_pay entered synchronously');
  assert.equal(call.params.naverPopupMode, true);
  assert.equal(call.params.pg, 'naverpay');
});

test('two clicks 50 ms apart give exactly one request_pay; the second is PAYMENT_IN_PROGRESS', async () => {
  await checkoutWithButton();
  await page.evaluate(() => IMP.__sim.setOutcome({ result: 'approve', delayMs: 400 }));
  await page.click('#pay');
  await page.waitForTimeout(50);
  await page.click('#pay');
  const rs = await results(2);
  assert.equal(rs[0].rejected?.code, 'PAYMENT_IN_PROGRESS');
  assert.equal(rs[1].resolved?.success, true);
  assert.equal(await page.evaluate(() => IMP.__sim.calls.length), 1);
});

test('after a payment settles, paying again works', async () => {
  await checkoutWithButton();
  await page.evaluate(() => IMP.__sim.setOutcome({ result: 'cancel', persist: true }));
  await page.click('#pay');
  await results(1);
  await page.click('#pay');
  const rs = await results(2);
  assert.deepEqual(
    rs.map((r) => r.resolved?.success),
    [false, false],
  );
  assert.equal(await page.evaluate(() => IMP.__sim.calls.length), 2);
});

test('an amount below the minimum resolves AMOUNT_BELOW_MINIMUM and never reaches IMP', async () => {
  await checkoutWithButton();
  await page.evaluate((p) => {
    window.nextParams = { ...p, amount: 99 };
  }, VALID_PARAMS);
  await page.click('#pay');
  const [r] = await results(1);
  assert.equal(r.resolved.success, false);
  assert.equal(r.resolved.imp_uid, null);
  assert.equal(r.resolved.error_code, 'AMOUNT_BELOW_MINIMUM');
  assert.equal(r.resolved.error_msg, '결제 금액이 최소 결제 금액(100원)보다 적습니다.');
  assert.equal(await page.evaluate(() => IMP.__sim.calls.length), 0);
});

test('invalid parameters reject INVALID_PARAMS listing every problem, and IMP is not called', async () => {
  await checkoutWithButton();
  await page.evaluate((p) => {
    window.nextParams = { ...p, amount: '14000', merchant_uid: '', naverPopUpMode: true };
  }, VALID_PARAMS);
  await page.click('#pay');
  const [r] = await results(1);
  assert.equal(r.rejected.code, 'INVALID_PARAMS');
  assert.deepEqual(r.rejected.errors.map((e) => e.field).sort(), ['amount', 'merchant_uid', 'naverPopUpMode']);
  assert.equal(await page.evaluate(() => IMP.__sim.calls.length), 0);
});

test("popup mode: the simulator's failure messages come back identical, raw keeps every field", async () => {
  await checkoutWithButton();
  for (const message of NASTY_MESSAGES) {
    await page.evaluate((m) => {
      window.results = [];
      IMP.__sim.setOutcome({ result: 'fail', error_msg: m });
    }, message);
    await page.click('#pay');
    const [r] = await results(1);
    const sent = await page.evaluate(() => IMP.__sim.responses.at(-1));
    assert.equal(r.resolved.error_msg, message);
    assert.equal(r.resolved.success, false);
    assert.equal(r.resolved.mode, 'popup');
    assert.deepEqual(Object.keys(r.resolved.raw).sort(), Object.keys(sent).sort());
  }
});

test('redirect mode: the failure messages come back identical through the m_redirect_url page', async () => {
  for (const message of NASTY_MESSAGES) {
    await page.goto(`${server.url}/__fixtures/blank.html`);
    await loadPackage(page);
    await checkoutWithButton({ mode: 'redirect' });
    await page.evaluate(
      ([p, m, url]) => {
        window.nextParams = { ...p, m_redirect_url: url };
        IMP.__sim.setOutcome({ result: 'fail', error_msg: m });
      },
      [VALID_PARAMS, message, `${server.url}/__fixtures/landing.html`],
    );
    await Promise.all([page.waitForURL(/landing\.html\?/), page.click('#pay')]);
    await loadPackage(page);
    const r = await page.evaluate(() => npc.parseRedirectResult(location.href));
    assert.equal(r.error_msg, message);
    assert.equal(r.success, false);
    assert.equal(r.mode, 'redirect');
    await page.evaluate(() => {
      window.__unhandled = [];
    });
  }
});

test('registerBillingKey goes through the same path and reports customer_uid', async () => {
  const r = await page.evaluate(async () => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678', sdkUrl: '/sim/imp.js' });
    IMP.__sim.setOutcome({ result: 'approve' });
    return checkout.registerBillingKey(
      {
        customer_uid: 'gildong_0001_1234',
        merchant_uid: 'bk_0001',
        name: 'Slim plan',
        amount: 0,
        buyer_tel: '010-1234-5678',
        naverProductCode: 'slim-monthly',
      },
      { mode: 'popup' },
    );
  });
  assert.equal(r.success, true);
  assert.equal(r.raw.customer_uid, 'gildong_0001_1234');
});
