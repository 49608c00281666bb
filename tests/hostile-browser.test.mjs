// Hostile input in headless Chromium (pkg/web): pay() and the loader, which need a page. The wasm
// is served with its stack pointer exported (tests/support/stack-pointer.mjs), so that an
// exception unwinding through wasm frames is seen; tests/hostile.test.mjs covers the rest in Node.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, collectPageProblems, flakyScript } from './support/browser.mjs';
import { startStaticServer } from './support/server.mjs';
import { REPO_ROOT, VALID_PARAMS } from './support/pkg.mjs';
import { exportStackPointer } from './support/stack-pointer.mjs';

let browser, server, page, problems;
const simSource = await readFile(`${REPO_ROOT}/sim/imp.js`);
// Fails on the first request after a reset, then serves the simulator.
const flaky = flakyScript(simSource, 1);
const wasm = exportStackPointer(`${REPO_ROOT}/pkg/web/naverpay_checkout_bg.wasm`);
const BLANK = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
const withTag = (src) =>
  `<!doctype html><html><head><meta charset="utf-8"><script src="${src}"></script></head><body></body></html>`;
const html = (body, headers = {}) => ({ status: 200, type: 'text/html; charset=utf-8', body, headers });
const trustedTypes = (policies) => ({
  'Content-Security-Policy': `require-trusted-types-for 'script'; trusted-types ${policies}`,
});

before(async () => {
  server = await startStaticServer({
    root: REPO_ROOT,
    routes: {
      '/hostile/naverpay_checkout_bg.wasm': { status: 200, type: 'application/wasm', body: Buffer.from(wasm) },
      '/flaky/imp.js': flaky,
      '/page/blank.html': html(BLANK),
      '/page/failed-tag.html': html(withTag('/flaky/imp.js')),
      '/page/no-imp-tag.html': html(withTag('/__fixtures/no-imp.js')),
      '/page/tt.html': html(BLANK, trustedTypes('naverpay-checkout page')),
      '/page/tt-without-ours.html': html(BLANK, trustedTypes('page')),
      // The npm README's policy: the package's name alone, no 'allow-duplicates'.
      '/page/tt-readme.html': html(BLANK, trustedTypes('naverpay-checkout')),
      '/page/async-failed-tag.html': html(
        BLANK.replace('</head>', '<script async src="/flaky/imp.js"></script></head>'),
      ),
      '/page/early-import.html': html(
        BLANK.replace(
          '</head>',
          '<script async src="/flaky/imp.js"></script><script type="module">import * as m from "/pkg/web/naverpay_checkout.js"; window.early = m;</script></head>',
        ),
      ),
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
});
afterEach(async () => {
  assert.deepEqual(problems.pageErrors.map(String), [], 'no uncaught page error');
  await page.close();
});

/** Opens `path` and imports pkg/web with the instrumented wasm: `window.npc`, `window.sp()`. */
async function open(path = '/page/blank.html') {
  await page.goto(server.url + path);
  await page.evaluate(async () => {
    const m = await import('/pkg/web/naverpay_checkout.js');
    const exports = await m.default({ module_or_path: '/hostile/naverpay_checkout_bg.wasm' });
    window.npc = m;
    window.sp = () => exports.__test_stack_pointer.value;
  });
}

/** A fake IMP on the page that records each request and keeps each callback in `window.callbacks`. */
const fakeImp = () =>
  page.evaluate(() => {
    window.requests = [];
    window.callbacks = [];
    window.IMP = {
      init() {},
      request_pay(params, callback) {
        window.requests.push(params);
        window.callbacks.push(callback);
      },
    };
  });

test('100,000 throwing inputs through pay, registerBillingKey, load and the validators leave the stack pointer where it was', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    const freed = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    freed.free();
    const start = sp();
    const thrower = () => {
      throw new Error('hostile');
    };
    const traps = { get: thrower, ownKeys: thrower, getPrototypeOf: thrower, getOwnPropertyDescriptor: thrower };
    const hostile = [
      new Proxy({}, traps),
      new Proxy([], traps),
      Object.create(Date.prototype),
      new Proxy(new Date(), {}),
      {
        get merchant_uid() {
          throw new Error('getter');
        },
      },
      { getTime: thrower },
    ];
    let thrown = 0;
    const settled = [];
    for (let i = 0; i < 100_000; i++) {
      const h = hostile[i % hostile.length];
      const calls = [
        () => checkout.pay(h, { now: h }),
        () => checkout.registerBillingKey({ ...valid, custom_data: h }, h),
        () => freed.pay(valid),
        () => npc.NaverPayCheckout.prototype.pay.call(h, valid),
        () => npc.NaverPayCheckout.load(h),
        () => npc.validateNaverPay(h, { now: h, device: h }),
        () => npc.parseRedirectResult(h),
        () => npc.choosePayMode(h),
      ];
      try {
        const out = calls[i % calls.length]();
        if (out instanceof Promise)
          settled.push(
            out.then(
              () => 'resolved',
              (e) => e.code,
            ),
          );
      } catch {
        thrown += 1;
      }
    }
    const codes = [...new Set(await Promise.all(settled))].sort();
    checkout.pay({ ...valid, merchant_uid: 'after' }, { mode: 'popup' });
    return {
      thrown,
      codes,
      moved: sp() - start,
      start,
      end: sp(),
      requests: window.requests.map((p) => p.merchant_uid),
    };
  }, VALID_PARAMS);
  assert.equal(r.thrown, 0);
  assert.deepEqual(r.codes, ['CHECKOUT_FREED', 'INVALID_MERCHANT_CODE', 'INVALID_PARAMS']);
  assert.equal(r.moved, 0, `the wasm stack pointer is where it started: ${r.start} → ${r.end}`);
  assert.deepEqual(r.requests, ['after'], 'a valid pay() still reaches IMP');
});

test('a second IMP callback settles nothing and throws nothing into IMP', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    const start = sp();
    const paid = checkout.pay(valid, { mode: 'popup' });
    const [callback] = window.callbacks;
    const thrown = [];
    for (const response of [{ imp_uid: 'imp_1', merchant_uid: valid.merchant_uid }, { error_msg: 'second' }, null]) {
      try {
        callback(response);
      } catch (e) {
        thrown.push(String(e));
      }
    }
    const result = await paid;
    return { thrown, success: result.success, imp_uid: result.imp_uid, moved: sp() - start };
  }, VALID_PARAMS);
  assert.deepEqual(r, { thrown: [], success: true, imp_uid: 'imp_1', moved: 0 });
});

test('pay() and registerBillingKey() on a freed checkout reject CHECKOUT_FREED, a NaverPayError', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    checkout.free();
    const outcome = (p) =>
      p.then(
        () => 'resolved',
        (e) => [e.code, npc.isNaverPayError(e)],
      );
    return [
      await outcome(checkout.pay(valid)),
      await outcome(checkout.registerBillingKey(valid)),
      await outcome(npc.NaverPayCheckout.prototype.pay.call({}, valid)),
      window.requests.length,
    ];
  }, VALID_PARAMS);
  assert.deepEqual(r, [['CHECKOUT_FREED', true], ['CHECKOUT_FREED', true], ['CHECKOUT_FREED', true], 0]);
});

test('a callback that is not an object gives raw {}, as typed, and no success', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    const out = [];
    for (const response of [null, 'a string', 7]) {
      const paid = checkout.pay(valid, { mode: 'popup' });
      window.callbacks.at(-1)(response);
      const result = await paid;
      out.push([result.success, JSON.stringify(result.raw), result.error_msg]);
    }
    return out;
  }, VALID_PARAMS);
  assert.deepEqual(r, [
    [false, '{}', null],
    [false, '{}', null],
    [false, '{}', null],
  ]);
});

test('no permanent lockout: 10 minutes without an answer (on the monotonic clock), a new pay() supersedes the stale one', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    const outcome = (p) =>
      p.then(
        (x) => ['resolved', x.imp_uid],
        (e) => ['rejected', e.code],
      );
    const first = outcome(checkout.pay({ ...valid, merchant_uid: 'first' }, { mode: 'popup' }));
    const early = await outcome(checkout.pay({ ...valid, merchant_uid: 'early' }, { mode: 'popup' }));
    const now = performance.now;
    performance.now = () => now.call(performance) + 10 * 60 * 1000 + 1;
    let third;
    try {
      third = outcome(checkout.pay({ ...valid, merchant_uid: 'third' }, { mode: 'popup' }));
    } finally {
      performance.now = now;
    }
    // IMP answers the stale payment late, then the new one.
    window.callbacks[0]({ imp_uid: 'imp_stale', merchant_uid: 'first' });
    window.callbacks[1]({ imp_uid: 'imp_third', merchant_uid: 'third' });
    return { first: await first, early, third: await third, requests: window.requests.map((p) => p.merchant_uid) };
  }, VALID_PARAMS);
  assert.deepEqual(r, {
    first: ['rejected', 'PAYMENT_SUPERSEDED'],
    early: ['rejected', 'PAYMENT_IN_PROGRESS'],
    third: ['resolved', 'imp_third'],
    requests: ['first', 'third'],
  });
});

test('the wall clock set back or forward changes nothing: a pending payment is neither locked out longer nor superseded early', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    // Bounded: a payment that went to IMP stays pending (the fake IMP answers only when told).
    const outcome = (p) =>
      Promise.race([
        p.then(
          (x) => ['resolved', x.imp_uid],
          (e) => ['rejected', e.code],
        ),
        new Promise((resolve) => setTimeout(() => resolve(['pending']), 500)),
      ]);
    const first = outcome(checkout.pay({ ...valid, merchant_uid: 'first' }, { mode: 'popup' }));
    const wall = Date.now;
    const out = [];
    try {
      for (const shift of [60 * 60 * 1000, -60 * 60 * 1000]) {
        Date.now = () => wall() + shift;
        out.push(await outcome(checkout.pay({ ...valid, merchant_uid: `shift${shift}` }, { mode: 'popup' })));
      }
    } finally {
      Date.now = wall;
    }
    window.callbacks[0]({ imp_uid: 'imp_first', merchant_uid: 'first' });
    return { first: await first, out, requests: window.requests.map((p) => p.merchant_uid) };
  }, VALID_PARAMS);
  assert.deepEqual(r, {
    first: ['resolved', 'imp_first'],
    out: [
      ['rejected', 'PAYMENT_IN_PROGRESS'],
      ['rejected', 'PAYMENT_IN_PROGRESS'],
    ],
    requests: ['first'],
  });
});

test("every request_pay runs under its own checkout's merchant code, whatever IMP.init ran in between", async () => {
  await open();
  await page.evaluate(() => {
    window.requests = [];
    let code = null;
    window.IMP = {
      init(c) {
        code = c;
      },
      request_pay(params, callback) {
        window.requests.push([code, params.merchant_uid]);
        callback({ imp_uid: `imp_${params.merchant_uid}`, merchant_uid: params.merchant_uid });
      },
    };
  });
  const r = await page.evaluate(async (valid) => {
    const a = await npc.NaverPayCheckout.load({ merchantCode: 'imp11111111' });
    const b = await npc.NaverPayCheckout.load({ merchantCode: 'imp22222222' });
    await a.pay({ ...valid, merchant_uid: 'a1' }, { mode: 'popup' });
    IMP.init('imp99999999'); // the page's own
    await a.pay({ ...valid, merchant_uid: 'a2' }, { mode: 'popup' });
    await b.pay({ ...valid, merchant_uid: 'b1' }, { mode: 'popup' });
    await a.registerBillingKey(
      {
        merchant_uid: 'a3',
        name: 'Plan',
        customer_uid: 'c',
        amount: 0,
        buyer_tel: '010-1234-5678',
        naverProductCode: 'p',
      },
      { mode: 'popup' },
    );
    return window.requests;
  }, VALID_PARAMS);
  assert.deepEqual(r, [
    ['imp11111111', 'a1'],
    ['imp11111111', 'a2'],
    ['imp22222222', 'b1'],
    ['imp11111111', 'a3'],
  ]);
});

test('free() twice, 30,000 times, and free() during pay() throw nothing and leave the stack pointer where it was', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    // Bounded: a payment that went to IMP unanswered stays pending.
    const outcome = (p) =>
      Promise.race([
        p.then(
          (x) => ['resolved', x.imp_uid],
          (e) => ['rejected', e.code],
        ),
        new Promise((resolve) => setTimeout(() => resolve(['pending']), 500)),
      ]);
    const start = sp();
    const thrown = [];
    const attempt = (f) => {
      try {
        f();
      } catch (e) {
        thrown.push(String(e));
      }
    };
    const freed = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    for (let i = 0; i < 30_000; i++) {
      attempt(() => freed.free());
      if (Symbol.dispose) attempt(() => freed[Symbol.dispose]());
    }
    // free() from a getter of the params, inside pay(): pay() goes on, the checkout is freed after it.
    const a = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    const params = {
      ...valid,
      merchant_uid: 'getter',
      get buyer_name() {
        attempt(() => a.free());
        return 'Hong';
      },
    };
    const fromGetter = outcome(a.pay(params, { mode: 'popup' }));
    window.callbacks.at(-1)({ imp_uid: 'imp_getter', merchant_uid: 'getter' });
    // free() from inside request_pay.
    const b = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    const requestPay = IMP.request_pay;
    IMP.request_pay = function (p, callback) {
      attempt(() => b.free());
      requestPay.call(this, p, callback);
    };
    const fromImp = outcome(b.pay({ ...valid, merchant_uid: 'imp' }, { mode: 'popup' }));
    IMP.request_pay = requestPay;
    window.callbacks.at(-1)({ imp_uid: 'imp_imp', merchant_uid: 'imp' });
    return {
      thrown,
      moved: sp() - start,
      fromGetter: await fromGetter,
      fromImp: await fromImp,
      after: [await outcome(a.pay(valid)), await outcome(b.pay(valid))],
      requests: window.requests.map((p) => p.merchant_uid),
      works: npc.validateNaverPay(valid).ok,
    };
  }, VALID_PARAMS);
  assert.deepEqual(r, {
    thrown: [],
    moved: 0,
    fromGetter: ['resolved', 'imp_getter'],
    fromImp: ['resolved', 'imp_imp'],
    after: [
      ['rejected', 'CHECKOUT_FREED'],
      ['rejected', 'CHECKOUT_FREED'],
    ],
    requests: ['getter', 'imp'],
    works: true,
  });
});

test("an approval with a large custom_data echoed beside IMP's own fields is a success", async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    // 49,980 values: the request (49,991 values) is within the limit of 50,000, IMP's answer with
    // 30 more fields (50,015) is not.
    const custom_data = [...Array.from({ length: 49 }, () => Array(999).fill(1)), Array(978).fill(1)];
    const check = npc.validateNaverPay({ ...valid, custom_data }, { mode: 'popup' }).ok;
    const paid = checkout.pay({ ...valid, custom_data }, { mode: 'popup' });
    const response = {
      imp_success: true,
      success: true,
      imp_uid: 'imp_big',
      merchant_uid: valid.merchant_uid,
      custom_data,
    };
    for (let i = 0; i < 30; i++) response[`field${i}`] = `value${i}`;
    window.callbacks.at(-1)(response);
    const result = await paid;
    return {
      check,
      success: result.success,
      imp_uid: result.imp_uid,
      error_msg: result.error_msg,
      raw: result.raw === response,
    };
  }, VALID_PARAMS);
  assert.deepEqual(r, { check: true, success: true, imp_uid: 'imp_big', error_msg: null, raw: true });
});

test('pay() and registerBillingKey() with polluted prototypes: IMP gets what validation read, nothing inherited, nothing changed later', async () => {
  await open();
  await fakeImp();
  const r = await page.evaluate(async (valid) => {
    const checkout = await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    Object.prototype.m_redirect_url = 'javascript:alert(1)';
    Object.prototype.notice_url = 'https://evil.example/';
    Object.defineProperty(Object.prototype, 'amount', { get: () => 1, set() {}, configurable: true });
    Object.defineProperty(Array.prototype, 1, { get: () => ({ evil: true }), set() {}, configurable: true });
    const cart = [{ ...valid.naverProducts[0] }, { ...valid.naverProducts[0], uid: 'second' }];
    try {
      checkout.pay({ ...valid, naverProducts: cart }, { mode: 'popup' });
      // (The fake IMP's own push would meet the index setter: the pollution of indexes ends here.)
      delete Array.prototype[1];
      window.callbacks.at(-1)({ imp_uid: 'imp_1' });
      cart.length = 0; // after pay() returned: IMP reads its request later
      Object.defineProperty(Object.prototype, 'customer_uid', { get: () => 'evil', configurable: true });
      checkout.registerBillingKey(
        {
          merchant_uid: 'bk',
          name: 'Slim plan',
          customer_uid: 'own',
          amount: 0,
          buyer_tel: '010-1234-5678',
          naverProductCode: 'p',
        },
        { mode: 'popup' },
      );
    } finally {
      for (const k of ['m_redirect_url', 'notice_url', 'amount', 'customer_uid']) delete Object.prototype[k];
      delete Array.prototype[1];
    }
    const [pay, billing] = window.requests;
    const seen = (p) => ({ redirect: p.m_redirect_url ?? null, notice: p.notice_url ?? null, amount: p.amount });
    // Read under pollution again, as IMP would read its request later.
    Object.prototype.m_redirect_url = 'javascript:alert(1)';
    const later = { pay: seen(pay), uids: pay.naverProducts.map((x) => x.uid), customer: billing.customer_uid };
    delete Object.prototype.m_redirect_url;
    return later;
  }, VALID_PARAMS);
  assert.deepEqual(r, {
    pay: { redirect: null, notice: null, amount: 14000 },
    uids: ['107922211', 'second'],
    customer: 'own',
  });
});

// ---- the loader ----------------------------------------------------------------------------------

const load = (options) =>
  page.evaluate(async (o) => {
    const started = performance.now();
    try {
      await npc.NaverPayCheckout.load(o);
      return { ok: true, ms: performance.now() - started };
    } catch (e) {
      return { ok: false, code: e.code, ms: performance.now() - started };
    }
  }, options);
/** PortOne's SDK URL answered by the simulator (or by `status`), offline. */
const SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js';
const routeSdk = (status = 200) =>
  page.route(SDK_URL, (route) =>
    route.fulfill(status === 200 ? { status, contentType: 'text/javascript', body: simSource } : { status }),
  );
const tags = (src) =>
  page.evaluate((s) => [...document.scripts].filter((x) => x.getAttribute('src') === s).length, src);

test('an SDK tag in the page HTML that already failed is replaced at once, not waited for', async () => {
  flaky.reset();
  await open('/page/failed-tag.html');
  const r = await load({ merchantCode: 'imp12345678', sdkUrl: '/flaky/imp.js', timeoutMs: 5000 });
  assert.equal(r.ok, true);
  assert.ok(r.ms < 2500, `${r.ms} ms`);
  assert.equal(flaky.hits, 2, 'fetched again');
  assert.equal(await tags('/flaky/imp.js'), 1, 'the failed tag was replaced, not duplicated');
});

test('a failed async SDK tag in the page HTML is replaced at once with Resource Timing cleared, the module imported after the page loaded', async () => {
  flaky.reset();
  await open('/page/async-failed-tag.html');
  await page.evaluate(() => performance.clearResourceTimings());
  const r = await load({ merchantCode: 'imp12345678', sdkUrl: '/flaky/imp.js', timeoutMs: 5000 });
  assert.equal(r.ok, true, r.code);
  assert.ok(r.ms < 2500, `${r.ms} ms, not the timeout`);
  assert.equal(flaky.hits, 2, 'fetched again');
  assert.equal(await tags('/flaky/imp.js'), 1, 'the failed tag was replaced, not duplicated');
});

test('a failed SDK tag is replaced at once with Resource Timing cleared, the module imported before the page loaded', async () => {
  flaky.reset();
  await page.goto(`${server.url}/page/early-import.html`);
  await page.evaluate(async () => {
    await window.early.default({ module_or_path: '/hostile/naverpay_checkout_bg.wasm' });
    window.npc = window.early;
    performance.clearResourceTimings();
  });
  const r = await load({ merchantCode: 'imp12345678', sdkUrl: '/flaky/imp.js', timeoutMs: 5000 });
  assert.equal(r.ok, true, r.code);
  assert.ok(r.ms < 2500, `${r.ms} ms, not the timeout`);
  assert.equal(flaky.hits, 2);
});

test('a failed SDK tag the page inserts later is replaced at once with Resource Timing full or cleared', async () => {
  flaky.reset();
  await open();
  await page.evaluate(async () => {
    const tag = document.createElement('script');
    tag.src = '/flaky/imp.js';
    await new Promise((resolve) => {
      tag.onerror = resolve;
      document.head.append(tag);
    });
    performance.clearResourceTimings();
  });
  const r = await load({ merchantCode: 'imp12345678', sdkUrl: '/flaky/imp.js', timeoutMs: 5000 });
  assert.equal(r.ok, true, r.code);
  assert.ok(r.ms < 2500, `${r.ms} ms, not the timeout`);
  assert.equal(await tags('/flaky/imp.js'), 1);
});

test('an SDK tag in the page HTML that loaded without IMP is replaced and reported at once', async () => {
  await open('/page/no-imp-tag.html');
  const r = await load({ merchantCode: 'imp12345678', sdkUrl: '/__fixtures/no-imp.js', timeoutMs: 5000 });
  assert.equal(r.code, 'SDK_UNAVAILABLE');
  assert.ok(r.ms < 2500, `${r.ms} ms, not the timeout`);
  assert.equal(await tags('/__fixtures/no-imp.js'), 0, 'the tag it injected is removed after the failure');
});

test("under an enforced require-trusted-types-for, load() injects PortOne's SDK through its own policy", async () => {
  await open('/page/tt.html');
  await routeSdk();
  const violations = await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    try {
      document.createElement('script').src = '/sim/imp.js';
      return 'a plain string was accepted';
    } catch {
      return 'enforced';
    }
  });
  assert.equal(violations, 'enforced');
  const r = await load({ merchantCode: 'imp12345678' });
  assert.equal(r.ok, true);
  assert.equal(await page.evaluate(() => typeof IMP.request_pay), 'function');
});

test("the package policy passes only PortOne's SDK: any other string sdkUrl under Trusted Types is refused, not laundered", async () => {
  await open('/page/tt.html');
  await routeSdk();
  const other = [];
  for (const sdkUrl of [
    '/sim/imp.js',
    `${server.url}/sim/imp.js`,
    'https://cdn.iamport.kr.evil.example/v1/iamport.js',
    'http://cdn.iamport.kr/v1/iamport.js',
    'https://evil.example/?https://cdn.iamport.kr/v1/iamport.js',
  ]) {
    other.push([sdkUrl, (await load({ merchantCode: 'imp12345678', sdkUrl, timeoutMs: 3000 })).code]);
  }
  const policy = await page.evaluate(async () => {
    await npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' });
    const shared = globalThis['naverpay-checkout'];
    return [
      'https://evil.example/x.js',
      'https://cdn.iamport.kr/v1/iamport.js',
      'https://cdn.portone.io/v2/browser-sdk.js',
    ].map((url) => String(shared.createScriptURL(url)));
  });
  assert.deepEqual(
    other.map(([, code]) => code),
    Array(other.length).fill('SDK_LOAD_FAILED'),
    JSON.stringify(other),
  );
  assert.equal(await tags('/sim/imp.js'), 0);
  assert.deepEqual(
    policy,
    ['', 'https://cdn.iamport.kr/v1/iamport.js', 'https://cdn.portone.io/v2/browser-sdk.js'],
    'another URL comes out empty',
  );
});

test("two copies of the package on one page under the npm README's Trusted Types policy both load the SDK", async () => {
  await open('/page/tt-readme.html');
  await routeSdk();
  const r = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const other = await import('/pkg/esm/naverpay_checkout.js');
    const outcome = (p) =>
      p.then(
        () => 'ok',
        (e) => e.code,
      );
    const first = await outcome(npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' }));
    delete window.IMP; // so that the second copy injects the SDK too
    const second = await outcome(other.NaverPayCheckout.load({ merchantCode: 'imp12345678' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { first, second, imp: typeof window.IMP?.request_pay, violations };
  });
  assert.deepEqual(r, { first: 'ok', second: 'ok', imp: 'function', violations: [] });
});

test('a TrustedScriptURL is accepted as sdkUrl', async () => {
  await open('/page/tt.html');
  const r = await page.evaluate(async () => {
    const policy = trustedTypes.createPolicy('page', { createScriptURL: (u) => u });
    const checkout = await npc.NaverPayCheckout.load({
      merchantCode: 'imp12345678',
      sdkUrl: policy.createScriptURL('/sim/imp.js'),
    });
    return typeof checkout.pay;
  });
  assert.equal(r, 'function');
});

test('the package policy keeps its name: no other script can make a policy named naverpay-checkout after it', async () => {
  await open('/page/tt.html');
  await routeSdk(404);
  await load({ merchantCode: 'imp12345678' });
  const r = await page.evaluate(() => {
    try {
      trustedTypes.createPolicy('naverpay-checkout', { createScriptURL: (u) => u });
      return 'a second policy of that name was made';
    } catch {
      return 'the name is taken by the package';
    }
  });
  assert.equal(r, 'the name is taken by the package');
});

test('when the page policy list leaves the package policy out, load() rejects SDK_LOAD_FAILED', async () => {
  await open('/page/tt-without-ours.html');
  await routeSdk();
  const r = await load({ merchantCode: 'imp12345678' });
  assert.equal(r.code, 'SDK_LOAD_FAILED');
});

test('load() rejects INVALID_PARAMS for a bad timeoutMs or sdkUrl', async () => {
  await open();
  for (const options of [
    { timeoutMs: -1 },
    { timeoutMs: NaN },
    { timeoutMs: 1e12 },
    { timeoutMs: Infinity },
    { timeoutMs: '1000' },
    { sdkUrl: 42 },
    { sdkUrl: '' },
    { sdkUrl: {} },
  ]) {
    const r = await load({ merchantCode: 'imp12345678', ...options });
    assert.equal(r.code, 'INVALID_PARAMS', JSON.stringify(options));
  }
});

test('load options are own properties: a polluted Object.prototype.sdkUrl is never loaded', async () => {
  await open();
  const r = await page.evaluate(async () => {
    Object.prototype.sdkUrl = '/__fixtures/no-imp.js';
    try {
      const p = npc.NaverPayCheckout.load({ merchantCode: 'imp12345678', timeoutMs: 300 });
      return {
        src: [...document.scripts].map((s) => s.getAttribute('src')),
        settled: await p.then(
          () => 'ok',
          (e) => e.code,
        ),
      };
    } finally {
      delete Object.prototype.sdkUrl;
    }
  });
  assert.ok(!r.src.includes('/__fixtures/no-imp.js'), String(r.src));
  assert.ok(r.src.includes('https://cdn.iamport.kr/v1/iamport.js'), 'the default URL instead');
});
