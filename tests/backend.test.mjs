// The demo merchant backend (www/server.mjs) over HTTP, without a browser: prices come from the server,
// secrets stay there, a payment counts only when PortOne's record matches the order, and every
// request to PortOne's REST API (here the simulator, sim/rest.mjs) carries a token of the server's own.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, nextMonthSec, contentSecurityPolicy } from '../www/server.mjs';
import { PRODUCTS, PLANS } from '../www/catalog.mjs';
import { startRestV2Simulator } from '../testing/rest.mjs';

let demo;
before(async () => {
  demo = await startDemoServer({ port: 0 });
});
after(() => demo?.close());
beforeEach(() => demo.rest.reset());

async function post(pathname, body) {
  const res = await fetch(demo.url + pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** What sim/imp.js reports after an approved payment (the REST simulator's shared state). */
async function simulatePaid(order, overrides = {}) {
  const imp_uid = `imp_${String(Math.random()).slice(2, 14).padEnd(12, '0')}`;
  const record = {
    kind: 'payment',
    imp_uid,
    merchant_uid: order.merchant_uid,
    amount: order.amount,
    status: 'paid',
    ...overrides,
  };
  const res = await fetch(`${demo.url}/portone/__sim/payments`, { method: 'POST', body: JSON.stringify(record) });
  assert.equal(res.status, 200);
  return imp_uid;
}

const book = PRODUCTS.find((p) => p.categoryType === 'BOOK' && p.categoryId === 'GENERAL');
const cd = PRODUCTS.find((p) => p.categoryType === 'MUSIC');

// ---- orders ----------------------------------------------------------------------------------

test("an order's amount comes from the server's price list; amounts and prices from the page are ignored", async () => {
  const r = await post('/api/orders', {
    amount: 100,
    items: [
      { id: book.id, count: 2, price: 1 },
      { id: cd.id, count: 1 },
    ],
  });
  assert.equal(r.status, 200);
  assert.equal(r.body.amount, book.price * 2 + cd.price);
  assert.equal(r.body.name, book.name, 'the first product\'s name (Naver Pay appends "외 N개")');
  assert.deepEqual(r.body.naverProducts, [
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: book.uid, name: book.name, count: 2 },
    { categoryType: 'MUSIC', categoryId: 'CD', uid: cd.uid, name: cd.name, count: 1 },
  ]);
  assert.ok(r.body.merchant_uid.length <= 40);
  assert.match(r.body.token, /^[0-9a-f]{32}$/);
});

for (const [title, items] of [
  ['an unknown product', [{ id: 'nope', count: 1 }]],
  ['a fractional count', [{ id: book.id, count: 1.5 }]],
  ['a negative count', [{ id: book.id, count: -1 }]],
  ['a count given as a string', [{ id: book.id, count: '2' }]],
  ['an empty cart', []],
  ['only zero counts', [{ id: book.id, count: 0 }]],
]) {
  test(`an order with ${title} is refused with 400`, async () => {
    const r = await post('/api/orders', { items });
    assert.equal(r.status, 400);
    assert.equal(typeof r.body.error, 'string');
  });
}

test('a body that is not a JSON object is refused with 400', async () => {
  const res = await fetch(demo.url + '/api/orders', { method: 'POST', body: '[1,2' });
  assert.equal(res.status, 400);
});

// ---- verification ----------------------------------------------------------------------------

test('a payment is confirmed only after the server looked it up with its own token and the amounts match', async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: book.id, count: 1 }] });
  const imp_uid = await simulatePaid(order);
  const r = await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  assert.deepEqual(
    { verified: r.body.verified, amount: r.body.amount, imp_uid: r.body.imp_uid },
    { verified: true, amount: book.price, imp_uid },
  );
  const { requests } = demo.rest.snapshot();
  assert.deepEqual(
    requests.map((q) => `${q.method} ${q.path} ${q.authorized}`),
    ['POST /users/getToken null', `GET /payments/${imp_uid} true`],
  );
  // Asking twice (a reload of the completion page) answers the same, without paying twice.
  const again = await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  assert.equal(again.body.verified, true);
});

test('a payment of another order is not accepted for this one', async () => {
  const { body: cheap } = await post('/api/orders', { items: [{ id: PRODUCTS.at(-1).id, count: 2 }] });
  const { body: order } = await post('/api/orders', { items: [{ id: book.id, count: 1 }] });
  const imp_uid = await simulatePaid(cheap);
  const r = await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  assert.equal(r.body.verified, false);
  assert.equal(r.body.status, 'not_found');
});

test('an unknown imp_uid is not a payment', async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: book.id, count: 1 }] });
  const r = await post('/api/payments/complete', { imp_uid: 'imp_000000000000', merchant_uid: order.merchant_uid });
  assert.equal(r.body.verified, false);
});

test('a paid amount below the order is refunded by the server as admin, with a reason', async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: book.id, count: 1 }] });
  const imp_uid = await simulatePaid(order, { amount: 100 });
  const r = await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  assert.deepEqual(
    {
      verified: r.body.verified,
      status: r.body.status,
      expected: r.body.expected,
      paid: r.body.paid,
      refunded: r.body.refunded,
    },
    { verified: false, status: 'amount_mismatch', expected: book.price, paid: 100, refunded: true },
  );
  const [c] = demo.rest.snapshot().cancellations;
  assert.equal(c.accepted, true);
  assert.equal(c.requester, 'admin');
  assert.match(c.reason, /금액 불일치/);
});

// ---- cancel ----------------------------------------------------------------------------------

test("cancel goes out with the buyer's reason and extra.requester customer, built by buildCancelPaymentBody", async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: cd.id, count: 1 }] });
  const imp_uid = await simulatePaid(order);
  await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  const r = await post('/api/payments/cancel', {
    merchant_uid: order.merchant_uid,
    token: order.token,
    reason: '단순 변심 😢',
  });
  assert.deepEqual(r.body, {
    cancelled: true,
    merchant_uid: order.merchant_uid,
    cancel_amount: cd.price,
    reason: '단순 변심 😢',
  });
  const [c] = demo.rest.snapshot().cancellations;
  assert.deepEqual(c.body, {
    imp_uid,
    merchant_uid: order.merchant_uid,
    reason: '단순 변심 😢',
    extra: { requester: 'customer' },
  });
  const second = await post('/api/payments/cancel', {
    merchant_uid: order.merchant_uid,
    token: order.token,
    reason: 'x',
  });
  assert.equal(second.status, 409, 'a cancelled order cannot be cancelled again');
});

test("cancel without the order's token is refused before PortOne is asked", async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: cd.id, count: 1 }] });
  const imp_uid = await simulatePaid(order);
  await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  for (const token of [undefined, '', 'f'.repeat(32)]) {
    const r = await post('/api/payments/cancel', { merchant_uid: order.merchant_uid, token, reason: '단순 변심' });
    assert.equal(r.status, 403);
  }
  assert.equal(demo.rest.snapshot().cancellations.length, 0);
});

test('an empty reason is never sent: the server writes one', async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: cd.id, count: 1 }] });
  const imp_uid = await simulatePaid(order);
  await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  const r = await post('/api/payments/cancel', { merchant_uid: order.merchant_uid, token: order.token, reason: '   ' });
  assert.equal(r.body.cancelled, true);
  assert.equal(demo.rest.snapshot().cancellations[0].reason, '구매자 요청');
});

// ---- subscriptions ---------------------------------------------------------------------------

test("subscription: registered key → again for the plan's price → next month scheduled", async () => {
  const { body: sub } = await post('/api/subscriptions', { plan: PLANS[0].id });
  assert.equal(sub.amount, PLANS[0].price);
  await simulatePaid(sub, { kind: 'billing_key', amount: 0, customer_uid: sub.customer_uid });
  const r = await post('/api/subscriptions/activate', { merchant_uid: sub.merchant_uid, token: sub.token });
  assert.equal(r.body.active, true);
  const { agains, schedules } = demo.rest.snapshot();
  assert.equal(agains[0].body.customer_uid, sub.customer_uid);
  assert.equal(agains[0].body.amount, PLANS[0].price);
  assert.equal(schedules[0].body.schedules[0].schedule_at, r.body.next.schedule_at);
  assert.equal(r.body.next.amount, PLANS[0].price);
  // Activating twice charges once.
  await post('/api/subscriptions/activate', { merchant_uid: sub.merchant_uid, token: sub.token });
  assert.equal(demo.rest.snapshot().agains.length, 1);
});

test('cancelling a subscription revokes its schedules, then deletes the key with reason and requester', async () => {
  const { body: sub } = await post('/api/subscriptions', { plan: PLANS[0].id });
  await simulatePaid(sub, { kind: 'billing_key', amount: 0, customer_uid: sub.customer_uid });
  const active = await post('/api/subscriptions/activate', { merchant_uid: sub.merchant_uid, token: sub.token });
  assert.equal(active.body.active, true);

  const stranger = await post('/api/subscriptions/cancel', { merchant_uid: sub.merchant_uid, token: 'not-the-token' });
  assert.equal(stranger.status, 403);
  const r = await post('/api/subscriptions/cancel', {
    merchant_uid: sub.merchant_uid,
    token: sub.token,
    reason: '이사',
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body, { cancelled: true, revoked: [active.body.next.merchant_uid] });

  const state = demo.rest.snapshot();
  assert.deepEqual(
    state.unschedules.map((u) => u.body),
    [{ customer_uid: sub.customer_uid }],
  );
  assert.deepEqual(
    state.deletions.map((d) => [d.customer_uid, d.reason, d.requester, d.accepted]),
    [[sub.customer_uid, '이사', 'customer', true]],
  );
  assert.equal(
    state.billingKeys.some((k) => k.customer_uid === sub.customer_uid),
    false,
  );
  const calls = state.requests.filter((q) => q.path.startsWith('/subscribe/customers/') && q.method === 'DELETE');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].authorized, true, "with the server's token");

  // Twice is once: nothing more reaches PortOne.
  const again = await post('/api/subscriptions/cancel', { merchant_uid: sub.merchant_uid, token: sub.token });
  assert.deepEqual(again.body, r.body);
  assert.equal(demo.rest.snapshot().deletions.length, 1);
});

test('subscription without a registered billing key charges nothing', async () => {
  const { body: sub } = await post('/api/subscriptions', { plan: PLANS[0].id });
  const r = await post('/api/subscriptions/activate', { merchant_uid: sub.merchant_uid, token: sub.token });
  assert.equal(r.body.active, false);
  assert.equal(demo.rest.snapshot().agains.length, 0);
});

test("next month: the same day at 10:00 in Seoul, the 31st becoming the month's last day", () => {
  const kst = (iso) => Date.parse(iso + '+09:00');
  const asKst = (sec) => new Date(sec * 1000 + 9 * 3600_000).toISOString().slice(0, 16);
  assert.equal(asKst(nextMonthSec(kst('2026-01-31T15:00'))), '2026-02-28T10:00');
  assert.equal(asKst(nextMonthSec(kst('2028-01-31T15:00'))), '2028-02-29T10:00');
  assert.equal(asKst(nextMonthSec(kst('2026-12-15T08:00'))), '2027-01-15T10:00');
  assert.equal(asKst(nextMonthSec(kst('2026-03-01T00:30'))), '2026-04-01T10:00', 'KST date, not the UTC one');
});

// ---- secrets, config and CSP -----------------------------------------------------------------

test('the REST API secret never reaches the page, and the REST simulator refuses calls without a token', async () => {
  for (const pathname of ['/config.json', '/', '/api/products']) {
    const text = await (await fetch(demo.url + pathname)).text();
    assert.ok(!text.includes(demo.rest.impSecret), `${pathname} leaks the secret`);
    assert.ok(!text.includes(demo.rest.impKey), `${pathname} leaks the key`);
  }
  const res = await fetch(`${demo.url}/portone/payments/imp_000000000000`);
  assert.equal(res.status, 401);
  const token = await fetch(`${demo.url}/portone/users/getToken`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ imp_key: 'guess', imp_secret: 'guess' }),
  });
  assert.equal(token.status, 401);
});

test('offline, the page is configured for the simulator', async () => {
  const config = await (await fetch(demo.url + '/config.json')).json();
  assert.deepEqual(config, {
    merchantCode: 'imp00000000',
    sdkUrl: '/sim/imp.js?reportUrl=%2Fportone%2F__sim%2Fpayments',
    simulator: true,
    v2: {
      storeId: 'store-00000000-0000-0000-0000-000000000000',
      channelKey: 'channel-key-demo',
      sdkUrl: '/sim/portone-v2.js?reportUrl=%2Fportone-v2%2F__sim%2Fpayments',
      simulator: true,
    },
  });
});

test('with PORTONE_STORE_ID the V2 page gets the real V2 SDK, and the backend verifies V2 payments with PORTONE_API_SECRET', async () => {
  const api = await startRestV2Simulator({ apiSecret: 'v2_demo_secret_do_not_leak' });
  const store = { storeId: 'store-11111111-2222-3333-4444-555555555555', channelKey: 'channel-key-real' };
  const real = await startDemoServer({ port: 0, ...store, apiSecretV2: api.rest.apiSecret, apiUrlV2: api.url });
  const unverified = await startDemoServer({ port: 0, ...store });
  try {
    const res = await fetch(real.url + '/config.json');
    assert.deepEqual((await res.json()).v2, {
      ...store,
      sdkUrl: 'https://cdn.portone.io/v2/browser-sdk.js',
      simulator: false,
    });
    const csp = res.headers.get('content-security-policy');
    assert.match(csp, /(^|; )script-src 'self' 'wasm-unsafe-eval' https:\/\/cdn\.portone\.io(;|$)/);
    assert.equal(real.restV2, null);
    assert.equal((await fetch(real.url + '/portone-v2/__sim/state')).status, 404);

    const post = (server, route, body) => fetch(server.url + route, { method: 'POST', body: JSON.stringify(body) });
    const order = await (await post(real, '/api/orders', { items: [{ id: PRODUCTS[0].id, count: 1 }] })).json();
    // PortOne's payment lists the `products` the V2 page sent: the order's lines.
    await fetch(`${api.url}/__sim/payments`, {
      method: 'POST',
      body: JSON.stringify({ id: order.merchant_uid, amount: order.amount, products: order.products }),
    });
    const verdict = await (await post(real, '/api/v2/payments/complete', { paymentId: order.merchant_uid })).json();
    assert.deepEqual([verdict.verified, verdict.amount], [true, order.amount]);
    // The same amount for two of the product ordered once: refunded.
    const once = await (await post(real, '/api/orders', { items: [{ id: PRODUCTS[0].id, count: 1 }] })).json();
    await fetch(`${api.url}/__sim/payments`, {
      method: 'POST',
      body: JSON.stringify({
        id: once.merchant_uid,
        amount: once.amount,
        products: [{ ...once.products[0], quantity: 2 }],
      }),
    });
    const raised = await (await post(real, '/api/v2/payments/complete', { paymentId: once.merchant_uid })).json();
    assert.deepEqual([raised.verified, raised.status, raised.refunded], [false, 'products_mismatch', true]);
    const lookup = api.rest.state.requests.find((r) => r.path === `/payments/${order.merchant_uid}`);
    assert.deepEqual([lookup.authorized, new URLSearchParams(lookup.query).get('storeId')], [true, store.storeId]);

    const other = await (await post(unverified, '/api/orders', { items: [{ id: PRODUCTS[0].id, count: 1 }] })).json();
    const refused = await post(unverified, '/api/v2/payments/complete', { paymentId: other.merchant_uid });
    assert.equal(refused.status, 503);
    assert.match((await refused.json()).error, /PORTONE_API_SECRET/);
  } finally {
    await Promise.all([real.close(), unverified.close(), api.close()]);
  }
});

test('with IMP_CODE the page gets the real SDK and the CSP names PortOne, and no simulator is mounted', async () => {
  const real = await startDemoServer({ port: 0, impCode: 'imp12345678' });
  try {
    const res = await fetch(real.url + '/config.json');
    assert.deepEqual(await res.json(), {
      merchantCode: 'imp12345678',
      sdkUrl: 'https://cdn.iamport.kr/v1/iamport.js',
      simulator: false,
      v2: null,
    });
    const csp = res.headers.get('content-security-policy');
    assert.equal(csp, contentSecurityPolicy({ impCode: 'imp12345678' }));
    assert.match(csp, /(^|; )script-src 'self' 'wasm-unsafe-eval' https:\/\/cdn\.iamport\.kr(;|$)/);
    assert.match(csp, /frame-src https:\/\/\*\.iamport\.kr/);
    assert.ok(!/unsafe-inline/.test(csp.split('; ').find((d) => d.startsWith('script-src '))));
    assert.equal((await fetch(real.url + '/portone/__sim/state')).status, 404);
  } finally {
    await real.close();
  }
});

test('a merchant code that is not "imp" and digits is refused at start', async () => {
  await assert.rejects(startDemoServer({ port: 0, impCode: 'imp_1234' }), /IMP_CODE/);
  await assert.rejects(startDemoServer({ port: 0, impCode: 'imp1"; script-src *' }), /IMP_CODE/);
});

test('static files stay inside their directories', async () => {
  for (const pathname of ['/..%2fpackage.json', '/sim/..%2f..%2fpackage.json', '/%2e%2e/Cargo.toml']) {
    const res = await fetch(demo.url + pathname);
    assert.ok(res.status === 403 || res.status === 404, `${pathname} → ${res.status}`);
    assert.ok(!(await res.text()).includes('"devDependencies"'));
  }
});

test('CSP_REPORT: violation reports are accepted and handed over; without it there is no report-uri', async () => {
  assert.ok(!demo.csp.includes('report-uri'));
  assert.equal(
    (await fetch(`${demo.url}/__csp-report`, { method: 'POST', body: '{}' })).status,
    405,
    'no such endpoint',
  );
  const reports = [];
  const demo2 = await startDemoServer({ port: 0, reportViolations: true, onCspViolation: (r) => reports.push(r) });
  try {
    const report = {
      'document-uri': 'http://127.0.0.1/complete.html?imp_uid=imp_1',
      'effective-directive': 'frame-src',
      'blocked-uri': 'https://service.iamport.kr/x?y',
    };
    const res = await fetch(`${demo2.url}/__csp-report`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/csp-report' },
      body: JSON.stringify({ 'csp-report': report }),
    });
    assert.equal(res.status, 204);
    assert.deepEqual(reports, [report]);
    assert.match(demo2.csp, /(^|; )report-uri \/__csp-report($|;)/);
  } finally {
    await demo2.close();
  }
});

// ---- verify-first through naverpay-checkout/server -------------------------------------------

test('PortOne unreachable or answering nonsense: the order is not paid and stays open; asked again, it verifies', async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: book.id, count: 1 }] });
  const imp_uid = await simulatePaid(order);
  demo.rest.scriptFault({ kind: 'html', path: '/payments/', times: 3 });
  const r = await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  assert.deepEqual([r.status, r.body.verified, r.body.status], [200, false, 'unknown']);
  const again = await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  assert.deepEqual([again.body.verified, again.body.status], [true, 'paid']);
});

test('with a real merchant code and IMP_KEY/IMP_SECRET the backend verifies against that REST API (here a second simulator)', async () => {
  const { startRestSimulator } = await import('../testing/rest.mjs');
  const api = await startRestSimulator({ impKey: 'real_key', impSecret: 'real_secret' });
  const real = await startDemoServer({
    port: 0,
    impCode: 'imp12345678',
    impKey: 'real_key',
    impSecret: 'real_secret',
    apiUrl: api.url,
  });
  const keyless = await startDemoServer({ port: 0, impCode: 'imp12345678' });
  try {
    const { body: order } = await (
      await fetch(`${real.url}/api/orders`, {
        method: 'POST',
        body: JSON.stringify({ items: [{ id: book.id, count: 1 }] }),
      })
    )
      .json()
      .then((body) => ({ body }));
    await fetch(`${api.url}/__sim/payments`, {
      method: 'POST',
      body: JSON.stringify({
        kind: 'payment',
        imp_uid: 'imp_000000000777',
        merchant_uid: order.merchant_uid,
        amount: order.amount,
        status: 'paid',
      }),
    });
    const res = await fetch(`${real.url}/api/payments/complete`, {
      method: 'POST',
      body: JSON.stringify({ imp_uid: 'imp_000000000777', merchant_uid: order.merchant_uid }),
    });
    assert.equal((await res.json()).verified, true);
    assert.ok(api.rest.snapshot().requests.some((q) => q.path === '/payments/imp_000000000777' && q.authorized));
    // Without the keys nothing can be verified, and the backend says so instead of guessing.
    const { merchant_uid } = await (
      await fetch(`${keyless.url}/api/orders`, {
        method: 'POST',
        body: JSON.stringify({ items: [{ id: book.id, count: 1 }] }),
      })
    ).json();
    const refused = await fetch(`${keyless.url}/api/payments/complete`, {
      method: 'POST',
      body: JSON.stringify({ imp_uid: 'imp_000000000777', merchant_uid }),
    });
    assert.equal(refused.status, 503);
  } finally {
    await Promise.all([real.close(), keyless.close(), api.close()]);
  }
});

test("PortOne's webhook before the page's redirect marks the order paid once; the page then sees it verified", async () => {
  const { body: order } = await post('/api/orders', { items: [{ id: book.id, count: 1 }] });
  const imp_uid = await simulatePaid(order);
  const deliveries = await demo.rest.sendWebhook({ imp_uid, url: `${demo.url}/api/portone/webhook`, times: 2 });
  assert.deepEqual(
    deliveries.map((d) => d.status),
    [200, 200],
  );
  const r = await post('/api/payments/complete', { imp_uid, merchant_uid: order.merchant_uid });
  assert.deepEqual([r.body.verified, r.body.status], [true, 'paid']);
  assert.equal(demo.rest.snapshot().cancellations.length, 0);

  const { body: forged } = await post('/api/orders', { items: [{ id: book.id, count: 1 }] });
  const forgedUid = await simulatePaid(forged, { amount: 100 });
  await demo.rest.sendWebhook({ imp_uid: forgedUid, url: `${demo.url}/api/portone/webhook`, times: 2 });
  assert.deepEqual(
    demo.rest
      .snapshot()
      .cancellations.filter((c) => c.accepted)
      .map((c) => c.requester),
    ['admin'],
  );
  assert.equal(
    (await post('/api/payments/complete', { imp_uid: forgedUid, merchant_uid: forged.merchant_uid })).status,
    409,
  );
  assert.equal((await post('/api/portone/webhook', { imp_uid: forgedUid })).status, 400, 'a malformed notice');
});
