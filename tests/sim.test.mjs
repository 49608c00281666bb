// Proves the offline simulators themselves: sim/imp.js (iamport.js for Naver Pay), sim/rest.mjs (PortOne V1 REST),
// and the test server's fixture routes. Run: node --test tests/sim.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './support/browser.mjs';
import { startStaticServer, mimeTypeFor } from './support/server.mjs';
import { createRestSimulator, parseForm, MESSAGES as REST_MESSAGES } from '../sim/rest.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMP_KEY = 'test_key';
const IMP_SECRET = 'test_secret';
const IMP_UID = /^imp_\d{12}$/;

let browser;
let context; // one context for the file, a new page per test (contexts cost ~300 ms each)
let server;
let rest;

// A page whose own code calls request_pay with no user gesture (page.evaluate would grant one).
const NO_GESTURE_PAGE = `<!doctype html><meta charset="utf-8"><script src="/sim/imp.js"></script><script>
IMP.init('imp00000000');
IMP.__sim.configure({ navigate: false });
setTimeout(() => IMP.request_pay({ merchant_uid: 'order_nogesture', amount: 1000, naverPopupMode: false,
  m_redirect_url: '/__fixtures/landing.html' }, () => {}), 0);
</script>`;

before(async () => {
  rest = createRestSimulator({ impKey: IMP_KEY, impSecret: IMP_SECRET, prefix: '/portone' });
  server = await startStaticServer({
    root: repoRoot,
    handlers: [rest.handle],
    routes: {
      '/csp/*': (req, res, { send }) => send(200, 'csp page', 'text/html; charset=utf-8'),
      '/t/no-gesture.html': { body: NO_GESTURE_PAGE, type: 'text/html; charset=utf-8' },
      // The simulator already on the page (one round trip instead of goto + addScriptTag).
      '/t/sim.html': (req, res, { url, send }) => send(200, simPage(url.searchParams), 'text/html; charset=utf-8'),
    },
    headers: (req) => (req.url.startsWith('/csp/') ? { 'Content-Security-Policy': "script-src 'none'" } : {}),
  });
  browser = await launchBrowser();
  context = await browser.newContext();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function simPage(query) {
  const script = `/sim/imp.js${query.get('script') ?? ''}`;
  const init = query.get('init');
  return (
    `<!doctype html><meta charset="utf-8"><title>sim</title><script src="${script}"></script>` +
    (init ? `<script>IMP.init(${JSON.stringify(init)});</script>` : '') +
    '<body></body>'
  );
}

/** A new page with the simulator loaded (and initialised unless init is null). */
async function openSimPage(t, { init = 'imp00000000', scriptQuery = '' } = {}) {
  const page = await context.newPage();
  t.after(() => page.close());
  page.setDefaultTimeout(5000);
  const q = new URLSearchParams();
  if (init !== null) q.set('init', init);
  if (scriptQuery) q.set('script', scriptQuery);
  await page.goto(`${server.url}/t/sim.html?${q}`);
  return page;
}

/** A button whose click calls IMP.request_pay(params, cb) synchronously; responses land in window.__responses. */
async function installPayButton(page, params) {
  await page.evaluate((p) => {
    window.__params = p;
    window.__responses = [];
    const b = document.createElement('button');
    b.id = 'pay';
    b.textContent = 'pay';
    b.addEventListener('click', () => window.IMP.request_pay(window.__params, (r) => window.__responses.push(r)));
    document.body.append(b);
  }, params);
}

/** Today's iamport.js: no success flags; the outcome is in `error_code` (null when paid). */
function assertCurrentShape(rsp, paid) {
  assert.equal('success' in rsp, false, 'no success flag in the callback');
  assert.equal('imp_success' in rsp, false, 'no imp_success flag in the callback');
  assert.equal(rsp.error_code === null, paid);
}

async function nextResponse(page) {
  await page.waitForFunction(() => window.__responses.length > 0);
  return page.evaluate(() => window.__responses[0]);
}

/** Calls request_pay from script (no user gesture) and resolves with the callback's response. */
function payFromScript(page, params) {
  return page.evaluate((p) => new Promise((resolve) => window.IMP.request_pay(p, resolve)), params);
}

const PARAMS = {
  pg: 'naverpay',
  merchant_uid: 'order_0001',
  name: 'History of the World',
  amount: 14000,
  buyer_name: '홍길동',
  buyer_email: 'buyer@example.com',
  buyer_tel: '010-1234-5678',
  custom_data: { cart: [1, 2] },
  naverProducts: [
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
  ],
};

async function getToken() {
  const res = await fetch(`${server.url}/portone/users/getToken`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ imp_key: IMP_KEY, imp_secret: IMP_SECRET }),
  });
  const json = await res.json();
  assert.equal(json.code, 0);
  return json.response.access_token;
}

async function api(method, route, { token, body, form } = {}) {
  const headers = {};
  if (token) headers.Authorization = token;
  let payload;
  if (form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    payload = form;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${server.url}/portone${route}`, { method, headers, body: payload });
  return { status: res.status, json: await res.json() };
}

describe('imp.js popup mode, decided by clicking the window', () => {
  test('approve calls back a V1-shaped paid response echoing the request', async (t) => {
    const page = await openSimPage(t);
    await installPayButton(page, PARAMS);
    await page.click('#pay');
    await page.click('[data-imp-sim="approve"]');
    const rsp = await nextResponse(page);
    assertCurrentShape(rsp, true);
    assert.match(rsp.imp_uid, IMP_UID);
    assert.equal(rsp.merchant_uid, 'order_0001');
    assert.equal(rsp.pay_method, 'naverpay');
    assert.equal(rsp.pg_provider, 'naverpay');
    assert.equal(rsp.pg_type, 'payment');
    assert.equal(typeof rsp.pg_tid, 'string');
    assert.equal(rsp.paid_amount, 14000);
    assert.equal(rsp.status, 'paid');
    assert.equal(rsp.currency, 'KRW');
    assert.equal(rsp.name, 'History of the World');
    assert.equal(rsp.buyer_name, '홍길동');
    assert.equal(rsp.buyer_tel, '010-1234-5678');
    assert.deepEqual(rsp.custom_data, { cart: [1, 2] });
    assert.ok(Math.abs(rsp.paid_at - Date.now() / 1000) < 120, 'paid_at is UNIX seconds, now');
    assert.equal(rsp.error_code, null);
    assert.equal(rsp.error_msg, null);
    assert.equal(await page.locator('[data-imp-sim="dialog"]').count(), 0, 'the window closed');
    const payments = await page.evaluate(() => window.IMP.__sim.payments);
    assert.deepEqual(
      payments.map((p) => [p.imp_uid, p.merchant_uid, p.amount, p.status]),
      [[rsp.imp_uid, 'order_0001', 14000, 'paid']],
    );
  });

  const failures = [
    { button: 'cancel', error_msg: '사용자가 결제를 취소하셨습니다' },
    { button: 'insufficient', error_msg: '잔액이 부족합니다' },
  ];
  for (const { button, error_msg } of failures) {
    test(`the ${button} button calls back a failure with Naver's message "${error_msg}"`, async (t) => {
      const page = await openSimPage(t);
      await installPayButton(page, PARAMS);
      await page.click('#pay');
      await page.click(`[data-imp-sim="${button}"]`);
      const rsp = await nextResponse(page);
      assertCurrentShape(rsp, false);
      assert.equal(rsp.error_msg, error_msg);
      assert.equal(rsp.status, 'failed');
      assert.equal(rsp.paid_amount, 0);
      assert.match(rsp.imp_uid, IMP_UID);
      assert.equal(await page.evaluate(() => window.IMP.__sim.payments.length), 0, 'a failure is no payment');
    });
  }

  test('the custom failure button sends the typed message exactly, spaces and markup included', async (t) => {
    const page = await openSimPage(t);
    await installPayButton(page, PARAMS);
    await page.click('#pay');
    const typed = '  한도 초과 <b>x</b> 100%  ';
    await page.fill('[data-imp-sim="fail-message"]', typed);
    await page.click('[data-imp-sim="fail"]');
    const rsp = await nextResponse(page);
    assertCurrentShape(rsp, false);
    assert.equal(rsp.error_msg, typed);
  });

  test('names from the request are shown as text, never parsed as HTML', async (t) => {
    const page = await openSimPage(t);
    const evil = '<img src=x onerror="window.__xss=1">';
    await installPayButton(page, {
      ...PARAMS,
      name: evil,
      naverProducts: [{ ...PARAMS.naverProducts[0], name: `<b>${evil}</b>` }],
    });
    await page.click('#pay');
    const dialog = page.locator('[data-imp-sim="dialog"]');
    assert.equal(await dialog.locator('img, b').count(), 0);
    assert.equal(await page.textContent('[data-imp-sim="name"]'), evil);
    assert.match(await page.textContent('[data-imp-sim="products"]'), /<b><img src=x/);
    assert.equal(await page.textContent('[data-imp-sim="amount"]'), '14,000원');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });
});

describe('imp.js popup mode, decided by setOutcome', () => {
  const table = [
    { outcome: { result: 'approve' }, success: true, error_msg: null, error_code: null },
    { outcome: { result: 'cancel' }, success: false, error_msg: '사용자가 결제를 취소하셨습니다', error_code: 'F400' },
    { outcome: { result: 'insufficient' }, success: false, error_msg: '잔액이 부족합니다', error_code: 'F400' },
    {
      outcome: { result: 'fail', error_msg: ' 카드 한도 초과 ', error_code: 'NP_LIMIT' },
      success: false,
      error_msg: ' 카드 한도 초과 ',
      error_code: 'NP_LIMIT',
    },
    {
      outcome: { result: 'cancel', error_msg: '[NAVERPAY] 결제 취소' },
      success: false,
      error_msg: '[NAVERPAY] 결제 취소',
      error_code: 'F400',
    },
  ];
  for (const row of table) {
    test(`${JSON.stringify(row.outcome)} resolves without a window`, async (t) => {
      const page = await openSimPage(t);
      await page.evaluate((o) => window.IMP.__sim.setOutcome(o), row.outcome);
      const rsp = await payFromScript(page, PARAMS);
      assertCurrentShape(rsp, row.success);
      assert.equal(rsp.error_msg, row.error_msg);
      assert.equal(rsp.error_code, row.error_code);
      assert.equal(rsp.status, row.success ? 'paid' : 'failed');
      assert.equal(await page.locator('[data-imp-sim="dialog"]').count(), 0);
    });
  }

  test('an outcome is used once: the next call waits for a click', async (t) => {
    const page = await openSimPage(t);
    await page.evaluate(() => window.IMP.__sim.setOutcome({ result: 'approve' }));
    await payFromScript(page, PARAMS);
    await page.evaluate((p) => {
      window.IMP.request_pay(p, () => {
        window.__late = true;
      });
    }, PARAMS);
    assert.equal(await page.locator('[data-imp-sim="dialog"]').count(), 1);
    assert.equal(await page.evaluate(() => window.IMP.__sim.isOpen()), true);
    await page.waitForTimeout(50);
    assert.equal(await page.evaluate(() => window.__late), undefined);
  });

  test('delayMs holds the callback back', async (t) => {
    const page = await openSimPage(t);
    await page.evaluate((p) => {
      window.IMP.__sim.setOutcome({ result: 'approve', delayMs: 300 });
      window.__t0 = performance.now();
      window.IMP.request_pay(p, () => {
        window.__elapsed = performance.now() - window.__t0;
      });
    }, PARAMS);
    assert.equal(await page.evaluate(() => window.__elapsed), undefined);
    await page.waitForFunction(() => window.__elapsed !== undefined);
    assert.ok((await page.evaluate(() => window.__elapsed)) >= 290);
  });

  test('clearOutcome brings back the window; resolvePending decides it', async (t) => {
    const page = await openSimPage(t);
    await page.evaluate(() => {
      window.IMP.__sim.setOutcome({ result: 'approve' });
      window.IMP.__sim.clearOutcome();
    });
    const pending = payFromScript(page, PARAMS);
    await page.waitForSelector('[data-imp-sim="dialog"]');
    await page.evaluate(() => window.IMP.__sim.resolvePending({ result: 'insufficient' }));
    const rsp = await pending;
    assert.equal(rsp.error_msg, '잔액이 부족합니다');
  });

  test('setOutcome refuses an unknown result', async (t) => {
    const page = await openSimPage(t);
    const err = await page.evaluate(() => {
      try {
        window.IMP.__sim.setOutcome({ result: 'approved' });
        return null;
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(err, 'TypeError');
  });
});

describe('imp.js checks before opening a window', () => {
  const cases = [
    { name: 'no IMP.init', init: null, params: PARAMS, message: 'notInitialized' },
    { name: 'merchant_uid missing', params: { ...PARAMS, merchant_uid: undefined }, message: 'merchantUidRequired' },
    { name: 'merchant_uid empty', params: { ...PARAMS, merchant_uid: '' }, message: 'merchantUidRequired' },
    { name: 'amount missing', params: { ...PARAMS, amount: undefined }, message: 'amountRequired' },
    { name: 'amount as a string', params: { ...PARAMS, amount: '14000' }, message: 'amountNotNumber' },
    {
      name: 'redirect mode without m_redirect_url',
      params: { ...PARAMS, naverPopupMode: false },
      message: 'redirectUrlRequired',
    },
  ];
  for (const c of cases) {
    test(`${c.name} calls back an error response and opens nothing`, async (t) => {
      const page = await openSimPage(t, { init: c.init === null ? null : 'imp00000000' });
      const params = JSON.parse(JSON.stringify(c.params)); // drops the undefined fields, as a real caller would
      const rsp = await payFromScript(page, params);
      const messages = await page.evaluate(() => window.IMP.__sim.messages);
      assertCurrentShape(rsp, false);
      assert.equal(rsp.error_msg, messages[c.message]);
      assert.equal(typeof rsp.error_code, 'string');
      assert.equal(rsp.imp_uid, null);
      assert.equal(rsp.merchant_uid, params.merchant_uid ?? null);
      assert.equal(await page.locator('[data-imp-sim="dialog"]').count(), 0);
      assert.equal(await page.evaluate(() => window.IMP.__sim.calls.length), 1, 'the call is still recorded');
    });
  }
});

describe('imp.js records calls', () => {
  test('a click keeps user activation; params are a deep copy taken at the call', async (t) => {
    const page = await openSimPage(t);
    await installPayButton(page, PARAMS);
    await page.click('#pay');
    await page.evaluate(() => window.IMP.__sim.resolvePending({ result: 'cancel' }));
    await page.evaluate((p) => {
      const params = { ...p, merchant_uid: 'order_0002', naverPopupMode: false, m_redirect_url: '/x' };
      window.IMP.__sim.configure({ navigate: false });
      window.IMP.request_pay(params, () => {});
      params.naverProducts[0].name = 'mutated after the call';
    }, PARAMS);
    const calls = await page.evaluate(() => window.IMP.__sim.calls);
    assert.equal(calls.length, 2);
    assert.equal(calls[0].userActivation, true);
    assert.equal(calls[0].mode, 'popup');
    assert.equal(calls[0].params.merchant_uid, 'order_0001');
    assert.deepEqual(calls[0].params.custom_data, { cart: [1, 2] });
    assert.equal(calls[1].mode, 'redirect');
    assert.equal(calls[1].params.naverProducts[0].name, 'History of the World');
    assert.deepEqual(await page.evaluate(() => window.IMP.__sim.inits), ['imp00000000']);
    assert.equal(await page.evaluate(() => window.__impSim === window.IMP.__sim), true);
  });

  test('a call from a timer with no gesture is recorded with userActivation false', async (t) => {
    const page = await context.newPage();
    t.after(() => page.close());
    await page.goto(`${server.url}/t/no-gesture.html`);
    await page.waitForFunction(() => window.IMP.__sim.calls.length === 1);
    const call = await page.evaluate(() => window.IMP.__sim.calls[0]);
    assert.equal(call.userActivation, false);
    assert.equal(call.hasBeenActive, false);
    assert.equal(call.params.merchant_uid, 'order_nogesture');
  });

  test('reset forgets calls and outcome but keeps the merchant code unless asked', async (t) => {
    const page = await openSimPage(t);
    await page.evaluate(() => window.IMP.__sim.setOutcome({ result: 'approve' }));
    await payFromScript(page, PARAMS);
    await page.evaluate(() => window.IMP.__sim.setOutcome({ result: 'cancel' }));
    await page.evaluate(() => window.IMP.__sim.reset());
    assert.deepEqual(
      await page.evaluate(() => [
        window.IMP.__sim.calls.length,
        window.IMP.__sim.payments.length,
        window.IMP.__sim.outcome,
        window.IMP.__sim.merchantCode,
      ]),
      [0, 0, null, 'imp00000000'],
    );
    await page.evaluate(() => window.IMP.__sim.reset({ init: true }));
    const rsp = await payFromScript(page, PARAMS);
    assert.equal(rsp.error_msg, await page.evaluate(() => window.IMP.__sim.messages.notInitialized));
  });

  test('running the script a second time keeps the first simulator and its records', async (t) => {
    const page = await openSimPage(t);
    await page.evaluate(() => window.IMP.__sim.setOutcome({ result: 'approve' }));
    await payFromScript(page, PARAMS);
    await page.addScriptTag({ url: '/sim/imp.js?again=1' });
    assert.equal(await page.evaluate(() => window.IMP.__sim.calls.length), 1);
  });
});

describe('imp.js redirect mode', () => {
  const nasty = [
    '<img src=x onerror=alert(1)>',
    '잔액이 부족합니다',
    '결제 실패 😵‍💫',
    '  leading and trailing  ',
    '100%',
    'a+b',
    'a&b=c',
    'line one\nline two',
    '%E2%82%AC is not decoded twice',
  ];
  for (const encoding of ['form', 'percent']) {
    for (const message of nasty) {
      test(`${encoding} encoding round-trips error_msg ${JSON.stringify(message)}`, async (t) => {
        const page = await openSimPage(t);
        const base = `${server.url}/__fixtures/landing.html?order=7&from=cart#top`;
        await page.evaluate(
          ({ enc, msg, p, base }) => {
            window.IMP.__sim.configure({ redirectEncoding: enc });
            window.IMP.__sim.setOutcome({ result: 'fail', error_msg: msg, error_code: 'F400' });
            window.IMP.request_pay({ ...p, naverPopupMode: false, m_redirect_url: base }, () => {
              throw new Error('no callback in redirect mode');
            });
          },
          { enc: encoding, msg: message, p: PARAMS, base },
        );
        await page.waitForURL((u) => u.pathname === '/__fixtures/landing.html' && u.searchParams.has('imp_uid'));
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('error_msg'), message);
        assert.equal(url.searchParams.has('imp_success'), false, "today's query has no success flag");
        assert.equal(url.searchParams.get('error_code'), 'F400');
        assert.equal(url.searchParams.get('merchant_uid'), 'order_0001');
        assert.match(url.searchParams.get('imp_uid'), IMP_UID);
        assert.equal(url.searchParams.get('order'), '7', 'the existing query is kept');
        assert.equal(url.searchParams.get('from'), 'cart');
        assert.equal(url.hash, '#top', 'the fragment stays after the query');
        if (message.includes(' ')) {
          const raw = url.search.slice(url.search.indexOf('error_msg='));
          assert.ok(
            encoding === 'form'
              ? raw.includes('+') && !raw.includes('%20')
              : raw.includes('%20') && !/\+/.test(raw.replace(/%2B/g, '')),
            `spaces written as ${encoding === 'form' ? '+' : '%20'}: ${raw}`,
          );
        }
      });
    }
  }

  test('approving in the redirect window navigates with imp_uid and merchant_uid, no flag and no error fields', async (t) => {
    const page = await openSimPage(t);
    await installPayButton(page, { ...PARAMS, naverPopupMode: false, m_redirect_url: '/__fixtures/landing.html' });
    await page.click('#pay');
    assert.equal(await page.getAttribute('[data-imp-sim="dialog"]', 'data-mode'), 'redirect');
    await Promise.all([page.waitForURL((u) => u.searchParams.has('imp_uid')), page.click('[data-imp-sim="approve"]')]);
    const url = new URL(page.url());
    assert.equal(url.origin + url.pathname, `${server.url}/__fixtures/landing.html`);
    assert.equal(url.searchParams.has('imp_success'), false, "today's query has no success flag");
    assert.match(url.searchParams.get('imp_uid'), IMP_UID);
    assert.equal(url.searchParams.has('error_msg'), false);
    assert.equal(url.searchParams.has('error_code'), false);
  });

  test('navigate:false records the target instead of leaving', async (t) => {
    const page = await openSimPage(t);
    const target = await page.evaluate((p) => {
      window.IMP.__sim.configure({ navigate: false });
      window.IMP.__sim.setOutcome({ result: 'cancel' });
      window.IMP.request_pay({ ...p, naverPopupMode: false, m_redirect_url: 'https://shop.example/done?' }, () => {});
      return new Promise((r) => setTimeout(() => r(window.IMP.__sim.redirects[0]), 50));
    }, PARAMS);
    assert.ok(target.startsWith('https://shop.example/done?imp_uid=imp_'), target);
    assert.equal(new URL(target).searchParams.get('error_msg'), '사용자가 결제를 취소하셨습니다');
    assert.match(page.url(), /\/t\/sim\.html\?/);
  });
});

describe('imp.js billing keys and shared state', () => {
  test('a billing-key registration is paid with amount 0, reported to the REST simulator, and usable for again', async (t) => {
    const page = await openSimPage(t, { scriptQuery: '?reportUrl=/portone/__sim/payments' });
    await installPayButton(page, {
      pg: 'naverpay',
      customer_uid: 'gildong_0001_1234',
      merchant_uid: 'order_monthly_0001',
      name: 'Slim plan',
      amount: 14000,
      buyer_tel: '010-1234-5678',
      naverProductCode: 'slim',
      naverPopupMode: true,
    });
    await page.click('#pay');
    assert.equal(await page.textContent('[data-imp-sim="approve"]'), '등록하기');
    await page.click('[data-imp-sim="approve"]');
    const rsp = await nextResponse(page);
    assertCurrentShape(rsp, true);
    assert.equal(rsp.customer_uid, 'gildong_0001_1234');
    assert.equal(rsp.pay_method, 'card');
    assert.equal(rsp.paid_amount, 0);
    assert.equal(rsp.status, 'paid');
    const keys = await page.evaluate(() => window.IMP.__sim.billingKeys.map((k) => k.customer_uid));
    assert.deepEqual(keys, ['gildong_0001_1234']);
    assert.deepEqual(await page.evaluate(() => window.IMP.__sim.reports.map((r) => r.status)), [200]);

    const token = await getToken();
    const customer = await api('GET', '/subscribe/customers/gildong_0001_1234', { token });
    assert.equal(customer.json.code, 0);
    const again = await api('POST', '/subscribe/payments/again', {
      token,
      form: 'customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000&name=Slim+plan+%28first%29&extra[naverUseCfm]=20991231',
    });
    assert.equal(again.json.code, 0, again.json.message);
    assert.equal(again.json.response.amount, 10000);
    assert.equal(again.json.response.name, 'Slim plan (first)');
    assert.deepEqual(again.json.response.extra, { naverUseCfm: '20991231' });
  });

  test('an approved payment is reported, then found by GET /payments/{imp_uid}', async (t) => {
    const page = await openSimPage(t);
    await page.evaluate(() => {
      window.__reported = [];
      window.__impSimReport = (rec) => {
        window.__reported.push(rec);
      };
      window.IMP.__sim.configure({ reportUrl: '/portone/__sim/payments' });
      window.IMP.__sim.setOutcome({ result: 'approve' });
    });
    const rsp = await payFromScript(page, { ...PARAMS, merchant_uid: 'order_shared_1', amount: 23000 });
    assert.deepEqual(await page.evaluate(() => window.__reported.map((r) => [r.imp_uid, r.amount])), [
      [rsp.imp_uid, 23000],
    ]);
    const token = await getToken();
    const found = await api('GET', `/payments/${rsp.imp_uid}`, { token });
    assert.equal(found.status, 200);
    assert.equal(found.json.response.merchant_uid, 'order_shared_1');
    assert.equal(found.json.response.amount, 23000);
    assert.equal(found.json.response.status, 'paid');
    assert.equal(found.json.response.pg_provider, 'naverpay');
    const state = (await api('GET', '/__sim/state')).json.response;
    assert.ok(state.payments.some((p) => p.imp_uid === rsp.imp_uid));
  });
});

describe('REST simulator', () => {
  test('getToken takes JSON or form; wrong or missing credentials are 401 code -1', async () => {
    const json = await api('POST', '/users/getToken', { body: { imp_key: IMP_KEY, imp_secret: IMP_SECRET } });
    assert.equal(json.status, 200);
    assert.equal(json.json.code, 0);
    assert.equal(json.json.message, null);
    assert.match(json.json.response.access_token, /^[0-9a-f]{40}$/);
    assert.ok(json.json.response.expired_at > json.json.response.now);
    const form = await api('POST', '/users/getToken', { form: `imp_key=${IMP_KEY}&imp_secret=${IMP_SECRET}` });
    assert.equal(form.json.code, 0);
    const wrong = await api('POST', '/users/getToken', { body: { imp_key: IMP_KEY, imp_secret: 'nope' } });
    assert.deepEqual([wrong.status, wrong.json.code, wrong.json.response], [401, -1, null]);
    const missing = await api('POST', '/users/getToken', { body: {} });
    assert.deepEqual([missing.status, missing.json.code], [401, -1]);
  });

  test('other routes need the token, raw or Bearer', async () => {
    const token = await getToken();
    const none = await api('GET', '/payments/imp_000000000000');
    assert.deepEqual([none.status, none.json.code, none.json.message], [401, -1, 'Unauthorized']);
    const bogus = await api('GET', '/payments/imp_000000000000', { token: 'deadbeef' });
    assert.equal(bogus.status, 401);
    const raw = await api('GET', '/payments/imp_000000000000', { token });
    const bearer = await api('GET', '/payments/imp_000000000000', { token: `Bearer ${token}` });
    assert.deepEqual([raw.status, raw.json.code, raw.json.message], [404, 1, REST_MESSAGES.paymentNotFound]);
    assert.equal(bearer.status, 404, 'Bearer is accepted (past auth, to the lookup)');
  });

  test('cancel refuses without reason, records reason and extra.requester, supports partial amounts', async () => {
    const token = await getToken();
    await api('POST', '/__sim/payments', {
      body: { imp_uid: 'imp_111111111111', merchant_uid: 'order_cancel', amount: 10000, status: 'paid', name: 'x' },
    });
    const noReason = await api('POST', '/payments/cancel', {
      token,
      body: { imp_uid: 'imp_111111111111', extra: { requester: 'customer' } },
    });
    assert.deepEqual(
      [noReason.status, noReason.json.code, noReason.json.message],
      [200, 1, REST_MESSAGES.cancelReasonRequired],
    );
    const blank = await api('POST', '/payments/cancel', { token, form: 'imp_uid=imp_111111111111&reason=+' });
    assert.equal(blank.json.code, 1);

    const partial = await api('POST', '/payments/cancel', {
      token,
      form: 'imp_uid=imp_111111111111&amount=3000&reason=%EB%8B%A8%EC%88%9C+%EB%B3%80%EC%8B%AC&extra[requester]=customer',
    });
    assert.equal(partial.json.code, 0, partial.json.message);
    assert.equal(partial.json.response.status, 'paid');
    assert.equal(partial.json.response.cancel_amount, 3000);
    assert.equal(partial.json.response.cancel_reason, '단순 변심');
    const tooMuch = await api('POST', '/payments/cancel', {
      token,
      body: { imp_uid: 'imp_111111111111', amount: 8000, reason: 'r' },
    });
    assert.equal(tooMuch.json.code, 1);
    const rest2 = await api('POST', '/payments/cancel', {
      token,
      body: { merchant_uid: 'order_cancel', reason: '품절', extra: { requester: 'admin' } },
    });
    assert.equal(rest2.json.response.status, 'cancelled');
    assert.equal(rest2.json.response.cancel_amount, 10000);
    assert.equal(rest2.json.response.cancel_history.length, 2);
    const again = await api('POST', '/payments/cancel', { token, body: { imp_uid: 'imp_111111111111', reason: 'r' } });
    assert.deepEqual([again.json.code, again.json.message], [1, REST_MESSAGES.alreadyCancelled]);

    const mine = rest.state.cancellations.filter((c) => c.imp_uid === 'imp_111111111111' && c.accepted);
    assert.deepEqual(
      mine.map((c) => [c.amount, c.reason, c.requester]),
      [
        [3000, '단순 변심', 'customer'],
        [7000, '품절', 'admin'],
      ],
    );
  });

  test('again needs a registered billing key and records a paid payment', async () => {
    const token = await getToken();
    const unknown = await api('POST', '/subscribe/payments/again', {
      token,
      body: { customer_uid: 'nobody', merchant_uid: 'o', amount: 1000, name: 'n' },
    });
    assert.deepEqual([unknown.json.code, unknown.json.message], [1, REST_MESSAGES.billingKeyNotFound]);
    await api('POST', '/__sim/payments', {
      body: {
        kind: 'billing_key',
        imp_uid: 'imp_222222222222',
        merchant_uid: 'bk_1',
        customer_uid: 'cu_1',
        amount: 0,
        status: 'paid',
        pay_method: 'card',
      },
    });
    const paid = await api('POST', '/subscribe/payments/again', {
      token,
      body: { customer_uid: 'cu_1', merchant_uid: 'again_1', amount: 5000, name: 'Monthly' },
    });
    assert.equal(paid.json.code, 0, paid.json.message);
    assert.match(paid.json.response.imp_uid, IMP_UID);
    assert.equal(paid.json.response.status, 'paid');
    assert.equal(paid.json.response.customer_uid, 'cu_1');
    const found = await api('GET', `/payments/${paid.json.response.imp_uid}`, { token });
    assert.equal(found.json.response.amount, 5000);
    const dup = await api('POST', '/subscribe/payments/again', {
      token,
      body: { customer_uid: 'cu_1', merchant_uid: 'again_1', amount: 5000, name: 'Monthly' },
    });
    assert.equal(dup.json.code, 1);
  });

  test('schedule parses bracket keys and records each schedule', async () => {
    const token = await getToken();
    await api('POST', '/__sim/payments', {
      body: {
        kind: 'billing_key',
        imp_uid: 'imp_333333333333',
        merchant_uid: 'bk_2',
        customer_uid: 'cu_2',
        amount: 0,
        status: 'paid',
      },
    });
    const at = Math.floor(Date.now() / 1000) + 86400;
    const form =
      `customer_uid=cu_2&schedules[0][merchant_uid]=s1&schedules[0][schedule_at]=${at}&schedules[0][amount]=10000` +
      `&schedules[0][extra][naverUseCfm]=20991231&schedules[1][merchant_uid]=s2&schedules[1][schedule_at]=${at + 60}&schedules[1][amount]=10000`;
    const ok = await api('POST', '/subscribe/payments/schedule', { token, form });
    assert.equal(ok.json.code, 0, ok.json.message);
    assert.deepEqual(
      ok.json.response.map((s) => [s.merchant_uid, s.schedule_at, s.amount, s.schedule_status]),
      [
        ['s1', at, 10000, 'scheduled'],
        ['s2', at + 60, 10000, 'scheduled'],
      ],
    );
    assert.deepEqual(ok.json.response[0].extra, { naverUseCfm: '20991231' });
    const dup = await api('POST', '/subscribe/payments/schedule', {
      token,
      body: {
        customer_uid: 'cu_2',
        schedules: [
          { merchant_uid: 'd', schedule_at: at, amount: 100 },
          { merchant_uid: 'd', schedule_at: at, amount: 100 },
        ],
      },
    });
    assert.deepEqual([dup.json.code, dup.json.message], [1, REST_MESSAGES.scheduleDuplicate]);
    const past = await api('POST', '/subscribe/payments/schedule', {
      token,
      body: { customer_uid: 'cu_2', schedules: [{ merchant_uid: 'p', schedule_at: 1000, amount: 100 }] },
    });
    assert.equal(past.json.code, 1);
    const state = (await api('GET', '/__sim/state')).json.response;
    assert.ok(
      state.schedules.some((s) => s.accepted && s.schedules.length === 2 && s.schedules[0].merchant_uid === 's1'),
    );
  });

  test('cancel takes the documented amount 0 (full refund), checksum, tax_free and vat_amount', async () => {
    const token = await getToken();
    await api('POST', '/__sim/payments', {
      body: { imp_uid: 'imp_121212121212', merchant_uid: 'order_full', amount: 9000, status: 'paid', name: 'x' },
    });
    const stale = await api('POST', '/payments/cancel', {
      token,
      body: { imp_uid: 'imp_121212121212', amount: 0, checksum: 8000, reason: 'r' },
    });
    assert.deepEqual([stale.json.code, stale.json.message], [1, REST_MESSAGES.checksumMismatch]);
    const full = await api('POST', '/payments/cancel', {
      token,
      form: 'imp_uid=imp_121212121212&amount=0&checksum=9000&tax_free=0&vat_amount=0&reason=%ED%92%88%EC%A0%88&extra[requester]=admin',
    });
    assert.equal(full.json.code, 0, full.json.message);
    assert.deepEqual([full.json.response.status, full.json.response.cancel_amount], ['cancelled', 9000]);
  });

  test('again stores the documented buyer_*, notice_url and custom_data fields', async () => {
    const token = await getToken();
    await api('POST', '/__sim/payments', {
      body: {
        kind: 'billing_key',
        imp_uid: 'imp_444444444444',
        merchant_uid: 'bk_4',
        customer_uid: 'cu_4',
        amount: 0,
        status: 'paid',
      },
    });
    const body = {
      customer_uid: 'cu_4',
      merchant_uid: 'again_4',
      amount: 5000,
      name: 'Monthly',
      buyer_name: '홍길동',
      buyer_tel: '010-1234-5678',
      buyer_email: 'a@b.co',
      notice_url: 'https://shop.example/hook',
      custom_data: '{"plan":"slim"}',
      tax_free: 0,
      extra: { naverUseCfm: '20991231' },
    };
    const paid = await api('POST', '/subscribe/payments/again', { token, body });
    assert.equal(paid.json.code, 0, paid.json.message);
    assert.deepEqual([paid.json.response.buyer_name, paid.json.response.custom_data], ['홍길동', '{"plan":"slim"}']);
  });

  test('unschedule revokes by customer_uid or by merchant_uid[], and refuses when there is nothing to revoke', async () => {
    const token = await getToken();
    await api('POST', '/__sim/payments', {
      body: {
        kind: 'billing_key',
        imp_uid: 'imp_555555555555',
        merchant_uid: 'bk_5',
        customer_uid: 'cu_5',
        amount: 0,
        status: 'paid',
      },
    });
    const at = Math.floor(Date.now() / 1000) + 86400;
    const schedules = ['u1', 'u2', 'u3'].map((merchant_uid, i) => ({
      merchant_uid,
      schedule_at: at + i,
      amount: 1000,
    }));
    assert.equal(
      (await api('POST', '/subscribe/payments/schedule', { token, body: { customer_uid: 'cu_5', schedules } })).json
        .code,
      0,
    );
    const neither = await api('POST', '/subscribe/payments/unschedule', { token, body: {} });
    assert.deepEqual([neither.json.code, neither.json.message], [1, REST_MESSAGES.unscheduleTargetMissing]);
    const one = await api('POST', '/subscribe/payments/unschedule', { token, form: 'merchant_uid[0]=u2' });
    assert.equal(one.json.code, 0, one.json.message);
    assert.deepEqual(
      one.json.response.map((s) => [s.merchant_uid, s.schedule_status]),
      [['u2', 'revoked']],
    );
    const rest2 = await api('POST', '/subscribe/payments/unschedule', { token, body: { customer_uid: 'cu_5' } });
    assert.deepEqual(
      rest2.json.response.map((s) => s.merchant_uid),
      ['u1', 'u3'],
    );
    const again = await api('POST', '/subscribe/payments/unschedule', { token, body: { customer_uid: 'cu_5' } });
    assert.deepEqual([again.json.code, again.json.message], [1, REST_MESSAGES.unscheduleNothing]);
  });

  test('deleting a Naver Pay billing key needs reason and extra[requester] in the query', async () => {
    const token = await getToken();
    await api('POST', '/__sim/payments', {
      body: {
        kind: 'billing_key',
        imp_uid: 'imp_666666666666',
        merchant_uid: 'bk_6',
        customer_uid: 'cu/6',
        amount: 0,
        status: 'paid',
      },
    });
    const path = `/subscribe/customers/${encodeURIComponent('cu/6')}`;
    const noReason = await api('DELETE', `${path}?extra[requester]=customer`, { token });
    assert.deepEqual([noReason.json.code, noReason.json.message], [1, REST_MESSAGES.deleteReasonRequired]);
    const noRequester = await api('DELETE', `${path}?reason=%ED%95%B4%EC%A7%80`, { token });
    assert.deepEqual([noRequester.json.code, noRequester.json.message], [1, REST_MESSAGES.requesterRequired]);
    const deleted = await api('DELETE', `${path}?reason=%ED%95%B4%EC%A7%80&extra[requester]=customer`, { token });
    assert.equal(deleted.json.code, 0, deleted.json.message);
    assert.equal(deleted.json.response.customer_uid, 'cu/6');
    assert.equal((await api('GET', path, { token })).status, 404);
    const gone = await api('DELETE', `${path}?reason=r&extra[requester]=admin`, { token });
    assert.deepEqual([gone.status, gone.json.message], [404, REST_MESSAGES.billingKeyNotFound]);
    const state = (await api('GET', '/__sim/state')).json.response;
    assert.deepEqual(
      state.deletions.filter((d) => d.customer_uid === 'cu/6').map((d) => [d.reason, d.requester, d.accepted]),
      [
        [null, 'customer', false],
        ['해지', null, false],
        ['해지', 'customer', true],
        ['r', 'admin', false],
      ],
    );
  });

  test('parseForm builds nested objects and arrays, decodes + and %, ignores __proto__', () => {
    assert.deepEqual(
      parseForm('a=1&extra[requester]=customer&s[0][m]=x&s[0][e][c]=y&s[1][m]=z&l[]=p&l[]=q&t=a+b%2Bc&bad=%E0%A4%A'),
      {
        a: '1',
        extra: { requester: 'customer' },
        s: [{ m: 'x', e: { c: 'y' } }, { m: 'z' }],
        l: ['p', 'q'],
        t: 'a b+c',
        bad: '%E0%A4%A',
      },
    );
    const polluted = parseForm('__proto__[x]=1&constructor[prototype][y]=2');
    assert.equal({}.x, undefined);
    assert.equal({}.y, undefined);
    assert.equal(Object.getPrototypeOf(polluted), Object.prototype);
  });

  test('handle() claims only its prefix; unknown routes under it are 404 JSON', async () => {
    const outside = await fetch(`${server.url}/portonex/users/getToken`, { method: 'POST' });
    assert.equal(outside.status, 405, 'fell through to the static server');
    const unknown = await api('GET', '/nope');
    assert.deepEqual([unknown.status, unknown.json.code], [404, -1]);
    const bare = createRestSimulator();
    const fake = { url: '/index.html', method: 'GET', headers: {} };
    assert.equal(bare.handle(fake, {}), false);
  });
});

describe('test server', () => {
  test('MIME types include application/wasm and text/javascript', async () => {
    assert.equal(mimeTypeFor('x.wasm'), 'application/wasm');
    assert.match(mimeTypeFor('x.mjs'), /^text\/javascript/);
    const res = await fetch(`${server.url}/sim/imp.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/javascript/);
    const escape = await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`);
    assert.notEqual(escape.status, 200);
  });

  test('fixture scripts: 404 fires error, no-imp loads without IMP, hang fires nothing', async (t) => {
    const page = await context.newPage();
    t.after(() => page.close());
    await page.goto(`${server.url}/__fixtures/blank.html`);
    const results = await page.evaluate(async () => {
      const load = (src) =>
        new Promise((resolve) => {
          const s = document.createElement('script');
          s.src = src;
          s.onload = () => resolve('load');
          s.onerror = () => resolve('error');
          setTimeout(() => resolve('pending'), 400);
          document.head.append(s);
        });
      return {
        notFound: await load('/__fixtures/404.js'),
        noImp: await load('/__fixtures/no-imp.js'),
        hang: await load('/__fixtures/hang.js'),
        imp: typeof window.IMP,
        noImpRan: window.__noImpLoaded === true,
      };
    });
    assert.deepEqual(results, { notFound: 'error', noImp: 'load', hang: 'pending', imp: 'undefined', noImpRan: true });
  });

  test('the delay fixture serves the named file after the delay', async () => {
    const t0 = Date.now();
    const res = await fetch(`${server.url}/__fixtures/delay?ms=200&path=/sim/imp.js`);
    const body = await res.text();
    assert.ok(Date.now() - t0 >= 190);
    assert.match(res.headers.get('content-type'), /^text\/javascript/);
    assert.match(body, /window\.IMP = \{/);
  });

  test('headers option adds a Content-Security-Policy', async () => {
    const res = await fetch(`${server.url}/csp/page`);
    assert.equal(res.headers.get('content-security-policy'), "script-src 'none'");
    const other = await fetch(`${server.url}/__fixtures/blank.html`);
    assert.equal(other.headers.get('content-security-policy'), null);
  });

  test('close() ends held connections promptly', async () => {
    const own = await startStaticServer({ root: repoRoot });
    const held = fetch(`${own.url}/__fixtures/hang.js`).then(
      () => 'answered',
      () => 'ended',
    );
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await own.close();
    assert.equal(await held, 'ended');
    assert.ok(Date.now() - t0 < 1000);
  });
});

describe('imp.js scripted outcomes, EUC-KR redirects and the harness hooks', () => {
  test('script() queues one outcome a call, ahead of setOutcome; then the window comes back', async (t) => {
    const page = await openSimPage(t);
    const queued = await page.evaluate(() => {
      window.IMP.__sim.setOutcome({ result: 'approve' });
      return window.IMP.__sim.script(['cancel', { result: 'fail', error_msg: '한도 초과', error_code: 'NP_LIMIT' }]);
    });
    assert.equal(queued, 2);
    const messages = [];
    for (let i = 0; i < 3; i++) messages.push((await payFromScript(page, PARAMS)).error_msg);
    assert.deepEqual(messages, ['사용자가 결제를 취소하셨습니다', '한도 초과', null]);
    await page.evaluate((p) => {
      window.IMP.request_pay(p, () => {});
    }, PARAMS);
    assert.equal(await page.locator('[data-imp-sim="dialog"]').count(), 1, 'nothing left: a window');
  });

  test("below_minimum fails with the minimum-amount message; 'never' calls back nothing and opens nothing", async (t) => {
    const page = await openSimPage(t);
    const rsp = await page.evaluate((p) => {
      window.IMP.__sim.script('below_minimum');
      return new Promise((r) => window.IMP.request_pay(p, r));
    }, PARAMS);
    assertCurrentShape(rsp, false);
    assert.equal(rsp.error_msg, await page.evaluate(() => window.IMP.__sim.messages.belowMinimum));
    assert.match(rsp.error_msg, /100원/);
    await page.evaluate((p) => {
      window.IMP.__sim.script('never');
      window.IMP.request_pay(p, () => {
        window.__called = true;
      });
    }, PARAMS);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__called), undefined);
    assert.equal(await page.locator('[data-imp-sim="dialog"]').count(), 0);
    assert.equal(await page.evaluate(() => window.IMP.__sim.isOpen()), false);
    assert.deepEqual(await page.evaluate(() => window.IMP.__sim.calls[1].outcome), { result: 'never' });
  });

  test('script() and setOutcome refuse unknown results and encodings', async (t) => {
    const page = await openSimPage(t);
    const errors = await page.evaluate(() =>
      [
        ['script', 'approved'],
        ['setOutcome', { result: 'fail', redirectEncoding: 'utf-16' }],
      ].map(([fn, arg]) => {
        try {
          window.IMP.__sim[fn](arg);
          return null;
        } catch (e) {
          return e.name;
        }
      }),
    );
    assert.deepEqual(errors, ['TypeError', 'TypeError']);
  });

  const eucKr = [
    ['잔액이 부족합니다', '%C0%DC%BE%D7%C0%CC+%BA%CE%C1%B7%C7%D5%B4%CF%B4%D9'],
    ['100% a+b', '100%25+a%2Bb'],
    ['결제 😢', '%B0%E1%C1%A6+%3F'], // a character EUC-KR lacks is written '?', as Java's getBytes("EUC-KR")
  ];
  for (const [message, encoded] of eucKr) {
    test(`euc-kr redirect encoding writes ${JSON.stringify(message)} as ${encoded}`, async (t) => {
      const page = await openSimPage(t);
      const target = await page.evaluate(
        ({ p, message }) => {
          window.IMP.__sim.configure({ navigate: false, redirectEncoding: 'euc-kr' });
          window.IMP.__sim.script({ result: 'fail', error_msg: message });
          window.IMP.request_pay(
            { ...p, naverPopupMode: false, m_redirect_url: 'https://shop.example/done' },
            () => {},
          );
          return new Promise((r) => setTimeout(() => r(window.IMP.__sim.redirects[0]), 20));
        },
        { p: PARAMS, message },
      );
      assert.ok(target.endsWith(`&error_msg=${encoded}`), target);
      // Back to bytes ('+' a space, %XX a byte), then read as EUC-KR.
      const bytes = Buffer.from(
        encoded.replace(/\+/g, ' ').replace(/%([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      );
      assert.equal(new TextDecoder('euc-kr').decode(bytes), message.replace('😢', '?'));
    });
  }

  test('a harness outside the page gets every init and call (window.__impSimRecord) and decides outcomes (window.__impSimOutcome)', async (t) => {
    const page = await openSimPage(t, { init: null });
    const events = [];
    await page.exposeFunction('__impSimRecord', (e) => {
      events.push(e);
    });
    await page.exposeFunction('__impSimOutcome', (record) =>
      record.params.merchant_uid === 'order_0001' ? 'insufficient' : null,
    );
    const rsp = await page.evaluate((p) => {
      window.IMP.init('imp11112222');
      return new Promise((r) => window.IMP.request_pay(p, r));
    }, PARAMS);
    assert.equal(rsp.error_msg, '잔액이 부족합니다');
    await page.evaluate((p) => {
      window.IMP.request_pay({ ...p, merchant_uid: 'order_0002' }, () => {});
    }, PARAMS);
    await page.waitForSelector('[data-imp-sim="dialog"]'); // the harness said null: a window
    assert.deepEqual(events[0], { type: 'init', code: 'imp11112222' });
    const calls = events.filter((e) => e.type === 'call');
    const first = calls.filter((e) => e.record.params.merchant_uid === 'order_0001');
    assert.match(first[0].record.id, /^\d{12}$/);
    assert.equal(
      first.at(-1).record.response.error_msg,
      '잔액이 부족합니다',
      'the call is published again once answered',
    );
    assert.ok(calls.some((e) => e.record.params.merchant_uid === 'order_0002'));
  });
});

describe("imp.js answers in today's shape by default, the old one on request", () => {
  test('legacy shape (configure or ?responseShape=legacy) adds success/imp_success to the callback and imp_success to the query', async (t) => {
    for (const how of ['configure', 'query']) {
      const page = await openSimPage(t, how === 'query' ? { scriptQuery: '?responseShape=legacy' } : {});
      if (how === 'configure') await page.evaluate(() => window.IMP.__sim.configure({ responseShape: 'legacy' }));
      assert.equal(await page.evaluate(() => window.IMP.__sim.config.responseShape), 'legacy', how);
      await page.evaluate(() => window.IMP.__sim.script(['approve', 'cancel']));
      const paid = await payFromScript(page, PARAMS);
      const failed = await payFromScript(page, PARAMS);
      assert.deepEqual(
        [paid.success, paid.imp_success, failed.success, failed.imp_success],
        [true, true, false, false],
        how,
      );
      const target = await page.evaluate(
        (r) => window.IMP.__sim.buildRedirectUrl('https://shop.example/done', r),
        failed,
      );
      assert.equal(new URL(target).searchParams.get('imp_success'), 'false', how);
    }
  });

  test('an unknown responseShape is a TypeError', async (t) => {
    const page = await openSimPage(t);
    const message = await page.evaluate(() => {
      try {
        window.IMP.__sim.configure({ responseShape: 'v0' });
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert.match(message, /responseShape must be one of current, legacy/);
  });

  // The package's success rule (src/redirect/mod.rs, derive_success): the flag when IMP sends one,
  // else imp_uid and no error. Both shapes, both window modes, approved and refused.
  for (const shape of ['current', 'legacy']) {
    for (const outcome of ['approve', 'cancel']) {
      test(`the package reads a ${shape}-shape ${outcome} right, in popup and in redirect mode`, async (t) => {
        const page = await openSimPage(t);
        await page.evaluate(async () => {
          window.npc = await import('/pkg/esm/naverpay_checkout.js');
        });
        const popup = await page.evaluate(
          async ({ shape, outcome, params }) => {
            window.IMP.__sim.configure({ responseShape: shape, navigate: false });
            window.IMP.__sim.script([outcome, outcome]);
            const checkout = await window.npc.NaverPayCheckout.load({ merchantCode: 'imp00000000' });
            const result = await checkout.pay(params, { mode: 'popup' });
            checkout.pay({ ...params, merchant_uid: 'order_0002' }, { mode: 'redirect' }).catch(() => {});
            return { success: result.success, flag: 'success' in result.raw };
          },
          {
            shape,
            outcome,
            params: { ...PARAMS, pg: undefined, m_redirect_url: `${server.url}/__fixtures/landing.html` },
          },
        );
        const expected = outcome === 'approve';
        assert.deepEqual(popup, { success: expected, flag: shape === 'legacy' });
        await page.waitForFunction(() => window.IMP.__sim.redirects.length === 1);
        const target = await page.evaluate(() => window.IMP.__sim.redirects[0]);
        const redirect = await page.evaluate((url) => window.npc.parseRedirectResult(url), target);
        assert.equal(redirect.success, expected, target);
        assert.equal(new URL(target).searchParams.has('imp_success'), shape === 'legacy', target);
      });
    }
  }
});

describe('warnings reach pay() and registerBillingKey() callers', () => {
  const PRODUCTS = [
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '1', name: 'History of the World', count: 1 },
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '2', name: 'Atlas', count: 1 },
  ];
  test('a result carries the warnings, and so does an INVALID_PARAMS rejection', async (t) => {
    const page = await openSimPage(t);
    await page.evaluate(async () => {
      window.npc = await import('/pkg/esm/naverpay_checkout.js');
    });
    const out = await page.evaluate(
      async ({ products }) => {
        window.IMP.__sim.script(['approve', 'approve', 'approve']);
        const checkout = await window.npc.NaverPayCheckout.load({ merchantCode: 'imp00000000' });
        const base = {
          merchant_uid: 'order_0001',
          name: 'History of the World 외 1건',
          amount: 14000,
          naverProducts: products,
        };
        const paid = await checkout.pay(base, { mode: 'popup' });
        const clean = await checkout.pay(
          { ...base, merchant_uid: 'order_0002', name: 'History of the World' },
          { mode: 'popup' },
        );
        const rejected = await checkout.pay({ ...base, amount: '14000' }, { mode: 'popup' }).catch((e) => e);
        const below = await checkout.pay({ ...base, amount: 50 }, { mode: 'popup' });
        const billing = await checkout
          .registerBillingKey(
            {
              customer_uid: 'c1',
              merchant_uid: 'b1',
              name: 'Plan',
              amount: 0,
              buyer_tel: '010-1234-5678',
              naverProductCode: 'p',
              naverChainId: 'chain',
            },
            { mode: 'popup' },
          )
          .catch((e) => e);
        const pick = (ws) => ws?.map((w) => `${w.code} ${w.field}`);
        return {
          paid: [paid.success, pick(paid.warnings)],
          clean: 'warnings' in clean,
          rejected: [rejected.code, pick(rejected.errors), pick(rejected.warnings)],
          below: [below.error_code, pick(below.warnings)],
          billing: pick(billing.warnings),
        };
      },
      { products: PRODUCTS },
    );
    assert.deepEqual(out.paid, [true, ['NAME_MISMATCH name']]);
    assert.equal(out.clean, false, 'no warnings, no key');
    assert.deepEqual(out.rejected, ['INVALID_PARAMS', ['INVALID_TYPE amount'], ['NAME_MISMATCH name']]);
    assert.deepEqual(out.below, ['AMOUNT_BELOW_MINIMUM', ['NAME_MISMATCH name']]);
    assert.deepEqual(out.billing, ['DEPRECATED_FIELD naverChainId']);
  });
});
