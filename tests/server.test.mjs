// naverpay-checkout/server against the REST simulator (sim/rest.mjs over real HTTP on 127.0.0.1): a merchant's
// verify-first flow, webhooks, the token, every REST call, and every fault ending in a typed error or `unknown`
// within the timeout. The first test runs the Rust table (tests/fixtures/server-decisions.json, written by
// tests/server.rs) through the JavaScript rules, V1's and V2's: both say the same thing for every row.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { inspect } from 'node:util';
import { readFileSync } from 'node:fs';
import { createPortOneClient, isPortOneApiError, PortOneApiError } from '../server/index.mjs';
import {
  decide,
  decideV2,
  mayRetry,
  readEnvelope,
  readEnvelopeV2,
  readWebhook,
  tokenRefreshAt,
} from '../server/rules.mjs';
import { startRestSimulator } from '../testing/rest.mjs';
import { isNaverPayError } from '../pkg/node/naverpay_checkout.js';
import { BOUND, RETRIES, TIMEOUT, faultCases } from './support/faults.mjs';

const table = JSON.parse(readFileSync(new URL('./fixtures/server-decisions.json', import.meta.url), 'utf8'));
const revive = (v) => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v);

test("the JavaScript rules give the Rust table's answer for every row", () => {
  const { merchant_uid, amount } = table.order;
  assert.equal(table.verdicts.length, 9 * 10 * 6);
  for (const row of table.verdicts) {
    const payment = { ...row.payment };
    if (payment.amount === 'NaN') payment.amount = NaN; // JSON has no NaN: both sides see a non-finite number
    assert.deepEqual(
      decide(payment, merchant_uid, amount),
      { verdict: row.verdict, cancel: row.cancel },
      JSON.stringify(row),
    );
  }
  for (const row of table.envelopes) {
    const found = readEnvelope(row.status, row.parsed, row.body);
    const { response, ...kind } = found;
    assert.deepEqual(kind, row.expected, JSON.stringify(row));
    if (found.kind === 'ok') assert.equal(response, row.body.response);
  }
  for (const row of table.tokens) {
    assert.equal(tokenRefreshAt(revive(row.received_ms), row.now, row.expired_at), row.refresh_at, JSON.stringify(row));
  }
  for (const row of table.retries) assert.equal(mayRetry(row.idempotent, row.status), row.retry, JSON.stringify(row));
  assert.equal(table.verdicts_v2.length, 10 * 10 * 4);
  for (const row of table.verdicts_v2) {
    const payment = { ...row.payment };
    if (payment.amount?.total === 'NaN') payment.amount = { ...payment.amount, total: NaN };
    assert.deepEqual(
      decideV2(payment, table.order.payment_id, amount),
      { verdict: row.verdict, cancel: row.cancel },
      JSON.stringify(row),
    );
  }
  for (const row of table.envelopes_v2) {
    const { response, ...kind } = readEnvelopeV2(row.status, row.parsed, row.body);
    assert.deepEqual(kind, row.expected, JSON.stringify(row));
    if (kind.kind === 'ok') assert.equal(response, row.body);
  }
  for (const row of table.webhooks) {
    const found = readWebhook(row.body);
    if (row.expected.errors)
      assert.deepEqual(
        found.errors.map(({ code, field }) => ({ code, field })),
        row.expected.errors,
      );
    else assert.deepEqual(found.notice, row.expected);
  }
});

// ---- the merchant's flow on the REST simulator ---------------------------------------------

let sim;
let portone;
before(async () => {
  sim = await startRestSimulator({ impKey: 'key_test', impSecret: 'secret_do_not_leak_7f3a' });
  portone = createPortOneClient({ apiKey: 'key_test', apiSecret: 'secret_do_not_leak_7f3a', baseUrl: sim.url });
});
after(() => sim?.close());
beforeEach(() => sim.rest.reset());

let serial = 0;
/** A payment as the browser simulator reports it after the payment window (the page's amount). */
async function pay({ merchant_uid, amount, status = 'paid', notice_url }) {
  const imp_uid = `imp_${String(++serial).padStart(12, '0')}`;
  const res = await fetch(`${sim.url}/__sim/payments`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'payment', imp_uid, merchant_uid, amount, status, notice_url }),
  });
  assert.equal(res.status, 200);
  return imp_uid;
}
const accepted = () => sim.rest.snapshot().cancellations.filter((c) => c.accepted);
const tokenCalls = () => sim.rest.snapshot().requests.filter((r) => r.path === '/users/getToken').length;

test('an honest payment verifies paid; nothing is cancelled', async () => {
  const imp_uid = await pay({ merchant_uid: 'order_honest', amount: 15000 });
  const r = await portone.verifyPayment(
    { imp_uid, merchant_uid: 'order_honest', amount: 15000 },
    { onMismatch: 'cancel' },
  );
  assert.equal(r.verdict, 'paid');
  assert.equal(r.paid_amount, 15000);
  assert.equal(r.cancelled, false);
  assert.equal(sim.rest.snapshot().cancellations.length, 0);
});

test('prepare, then a tampered page: PortOne stops the payment and verify refuses it (nothing to cancel)', async () => {
  const prepared = await portone.preparePayment({ merchant_uid: 'order_prepared', amount: 15000 });
  assert.deepEqual(prepared, { merchant_uid: 'order_prepared', amount: 15000, currency: null });
  assert.deepEqual(await portone.getPreparedPayment('order_prepared'), prepared);
  const imp_uid = await pay({ merchant_uid: 'order_prepared', amount: 100 });
  const r = await portone.verifyPayment(
    { imp_uid, merchant_uid: 'order_prepared', amount: 15000 },
    { onMismatch: 'cancel' },
  );
  assert.deepEqual([r.verdict, r.status, r.cancelled], ['amount_mismatch', 'failed', false]);
  assert.equal(sim.rest.snapshot().cancellations.length, 0);
});

test('a tampered amount is refused and cancelled at once with reason and requester admin; again: same verdict, no second cancel', async () => {
  const imp_uid = await pay({ merchant_uid: 'order_tampered', amount: 100 });
  const order = { imp_uid, merchant_uid: 'order_tampered', amount: 15000 };
  const first = await portone.verifyPayment(order, { onMismatch: 'cancel' });
  assert.deepEqual(
    [first.verdict, first.paid_amount, first.status, first.cancelled],
    ['amount_mismatch', 100, 'cancelled', true],
  );
  const [c] = accepted();
  assert.equal(c.requester, 'admin');
  assert.match(c.reason, /금액 불일치/);
  assert.equal(c.body.checksum, 100, 'keyed by the cancellable balance');
  const second = await portone.verifyPayment(order, { onMismatch: 'cancel' });
  assert.deepEqual([second.verdict, second.status, second.cancelled], ['amount_mismatch', 'cancelled', true]);
  assert.equal(sim.rest.snapshot().cancellations.length, 1, 'no second cancel is even asked for');
});

test('two instances verifying the same tampered payment at once cancel it once', async () => {
  const imp_uid = await pay({ merchant_uid: 'order_race', amount: 100 });
  const other = createPortOneClient({ apiKey: 'key_test', apiSecret: 'secret_do_not_leak_7f3a', baseUrl: sim.url });
  const order = { imp_uid, merchant_uid: 'order_race', amount: 15000 };
  const results = await Promise.all([portone, other].map((c) => c.verifyPayment(order, { onMismatch: 'cancel' })));
  assert.deepEqual(
    results.map((r) => [r.verdict, r.cancelled]),
    [
      ['amount_mismatch', true],
      ['amount_mismatch', true],
    ],
  );
  assert.equal(accepted().length, 1);
});

test('without onMismatch nothing is cancelled; a payment of another order is refused and never cancelled', async () => {
  const imp_uid = await pay({ merchant_uid: 'order_cheap', amount: 100 });
  const r = await portone.verifyPayment({ imp_uid, merchant_uid: 'order_cheap', amount: 15000 });
  assert.deepEqual([r.verdict, r.status, r.cancelled], ['amount_mismatch', 'paid', false]);
  const other = await portone.verifyPayment(
    { imp_uid, merchant_uid: 'order_expensive', amount: 100 },
    { onMismatch: 'cancel' },
  );
  assert.deepEqual([other.verdict, other.cancelled], ['merchant_uid_mismatch', false]);
  assert.equal(sim.rest.snapshot().cancellations.length, 0);
});

test('not paid, not found', async () => {
  const ready = await pay({ merchant_uid: 'order_ready', amount: 15000, status: 'ready' });
  const r = await portone.verifyPayment({ imp_uid: ready, merchant_uid: 'order_ready', amount: 15000 });
  assert.deepEqual([r.verdict, r.status], ['not_paid', 'ready']);
  const missing = await portone.verifyPayment({
    imp_uid: 'imp_999999999999',
    merchant_uid: 'order_ready',
    amount: 15000,
  });
  assert.equal(missing.verdict, 'not_found');
  assert.equal(missing.error.message, '존재하지 않는 결제정보입니다.');
});

test('invalid input is a NaverPayError before any request', async () => {
  const before = sim.rest.snapshot().requests.length;
  for (const order of [
    {},
    { imp_uid: 'imp_1', merchant_uid: 'o' },
    { imp_uid: 'imp_1', merchant_uid: 'o', amount: '15000' },
    { imp_uid: '', merchant_uid: 'o', amount: 1 },
    { imp_uid: 'imp_1', merchant_uid: 'o', amount: NaN },
  ]) {
    await assert.rejects(portone.verifyPayment(order), (e) => isNaverPayError(e) && e.code === 'INVALID_PARAMS');
  }
  assert.throws(
    () => portone.cancelPayment({ imp_uid: 'imp_1' }),
    (e) => isNaverPayError(e) && e.errors[0].field === 'reason',
  );
  assert.throws(
    () => portone.deleteBillingKey({ customer_uid: 'c' }),
    (e) => isNaverPayError(e),
  );
  assert.throws(
    () => portone.preparePayment({ merchant_uid: 'x'.repeat(41), amount: 1 }),
    (e) => isNaverPayError(e),
  );
  assert.equal(sim.rest.snapshot().requests.length, before);
});

// ---- webhooks --------------------------------------------------------------------------------

/** A merchant's webhook endpoint on node:http, marking orders paid when the client says so. */
async function startMerchant(orders) {
  const paid = [];
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    try {
      const result = await portone.handleWebhook(Buffer.concat(chunks), {
        orderAmount: (merchant_uid) => orders.get(merchant_uid)?.amount,
        onMismatch: 'cancel',
      });
      if (result.verdict === 'paid') {
        const order = orders.get(result.merchant_uid);
        if (order.status !== 'paid') paid.push(result.merchant_uid);
        order.status = 'paid';
      }
      res.writeHead(200).end('ok');
    } catch (e) {
      res.writeHead(isNaverPayError(e) ? 400 : 500).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/portone-webhook`,
    paid,
    close: () => new Promise((r) => server.close(r)),
  };
}

test("a webhook delivered twice (JSON, then as a form), before the page's redirect, yields one order", async () => {
  const orders = new Map([['order_hook', { amount: 15000, status: 'ready' }]]);
  const merchant = await startMerchant(orders);
  try {
    const imp_uid = await pay({ merchant_uid: 'order_hook', amount: 15000, notice_url: merchant.url });
    const deliveries = await sim.rest.sendWebhook({ imp_uid, times: 2 });
    deliveries.push(...(await sim.rest.sendWebhook({ imp_uid, contentType: 'form' })));
    assert.deepEqual(
      deliveries.map((d) => d.status),
      [200, 200, 200],
    );
    assert.deepEqual(merchant.paid, ['order_hook']);
    // The redirect comes after: the page's verify agrees.
    const r = await portone.verifyPayment({ imp_uid, merchant_uid: 'order_hook', amount: 15000 });
    assert.equal(r.verdict, 'paid');
  } finally {
    await merchant.close();
  }
});

test("a tampered payment's webhook twice: cancelled once, the same verdict both times", async () => {
  const imp_uid = await pay({ merchant_uid: 'order_hook2', amount: 100 });
  const options = { orderAmount: () => 15000, onMismatch: 'cancel' };
  const body = JSON.stringify({ imp_uid, merchant_uid: 'order_hook2', status: 'paid' });
  const first = await portone.handleWebhook(body, options);
  const second = await portone.handleWebhook(body, options);
  assert.deepEqual([first.verdict, first.cancelled], ['amount_mismatch', true]);
  assert.deepEqual([second.verdict, second.cancelled], ['amount_mismatch', true]);
  assert.equal(sim.rest.snapshot().cancellations.length, 1);
});

test('a forged webhook naming another order changes nothing; malformed ones are refused', async () => {
  const imp_uid = await pay({ merchant_uid: 'order_small', amount: 100 });
  const forged = await portone.handleWebhook(
    { imp_uid, merchant_uid: 'order_big', status: 'paid' },
    { orderAmount: () => 15000, onMismatch: 'cancel' },
  );
  assert.equal(forged.verdict, 'merchant_uid_mismatch');
  assert.equal(sim.rest.snapshot().cancellations.length, 0);
  const unknownOrder = await portone.handleWebhook(`imp_uid=${imp_uid}&merchant_uid=order_small`, {
    orderAmount: () => undefined,
  });
  assert.equal(unknownOrder.verdict, 'merchant_uid_mismatch');
  for (const body of ['', '{"imp_uid":', '{"imp_uid":"imp_1"}', 'merchant_uid=x', '[]', 'x'.repeat(20_000), null, 42]) {
    await assert.rejects(
      portone.handleWebhook(body, { orderAmount: () => 1 }),
      (e) => isNaverPayError(e) && e.code === 'INVALID_PARAMS',
    );
  }
});

// ---- token -------------------------------------------------------------------------------------

test('one token for many calls, one request in flight, refreshed once on a 401', async () => {
  const client = createPortOneClient({ apiKey: 'key_test', apiSecret: 'secret_do_not_leak_7f3a', baseUrl: sim.url });
  const imp_uid = await pay({ merchant_uid: 'order_tok', amount: 1000 });
  await Promise.all(Array.from({ length: 8 }, () => client.getPayment(imp_uid)));
  await client.findPayment('order_tok');
  assert.equal(tokenCalls(), 1);
  sim.rest.state.tokens.clear(); // PortOne forgot it (expired early, revoked)
  assert.equal((await client.getPayment(imp_uid)).imp_uid, imp_uid);
  assert.equal(tokenCalls(), 2);
});

test('the secret is in no error, message, stack, toString or inspect', async () => {
  const secret = 'secret_do_not_leak_7f3a';
  const wrong = createPortOneClient({ apiKey: 'key_test', apiSecret: `${secret}_wrong`, baseUrl: sim.url, retries: 0 });
  const error = await wrong.getPayment('imp_1').then(
    () => null,
    (e) => e,
  );
  assert.ok(isPortOneApiError(error) && error instanceof PortOneApiError);
  assert.deepEqual([error.status, error.code, error.path], [401, -1, '/users/getToken']);
  assert.equal(error.message, 'imp_key 또는 imp_secret이 올바르지 않습니다.', "PortOne's message verbatim");
  for (const text of [
    String(error),
    error.stack,
    JSON.stringify(error),
    inspect(error, { depth: 9 }),
    String(wrong),
    inspect(wrong, { depth: 9, showHidden: true }),
    inspect(portone, { depth: 9, showHidden: true }),
  ]) {
    assert.ok(!text.includes(secret), text);
  }
  assert.throws(
    () => createPortOneClient({ apiKey: 'k', apiSecret: '' }),
    (e) => isNaverPayError(e) && e.errors[0].field === 'apiSecret',
  );
});

// ---- the calls ---------------------------------------------------------------------------------

test('again, schedule, unschedule, billing-key deletion and cancel go out as the builders write them', async () => {
  const customer_uid = 'cust_0001';
  await fetch(`${sim.url}/__sim/payments`, {
    method: 'POST',
    body: JSON.stringify({
      kind: 'billing_key',
      imp_uid: 'imp_bk0000000001',
      merchant_uid: 'reg_1',
      customer_uid,
      amount: 0,
      status: 'paid',
    }),
  });
  const charged = await portone.againPayment({ customer_uid, merchant_uid: 'sub_1', amount: 9900, name: 'Plan' });
  assert.deepEqual([charged.status, charged.amount], ['paid', 9900]);
  const at = Math.floor(Date.now() / 1000) + 86_400 * 30;
  const scheduled = await portone.schedulePayments({
    customer_uid,
    schedules: [{ merchant_uid: 'sub_2', schedule_at: at, amount: 9900 }],
  });
  assert.equal(scheduled[0].merchant_uid, 'sub_2');
  const revoked = await portone.unschedulePayments({ customer_uid });
  assert.deepEqual(
    revoked.map((s) => s.merchant_uid),
    ['sub_2'],
  );
  const refund = await portone.cancelPayment({
    imp_uid: charged.imp_uid,
    reason: '고객 요청',
    extra: { requester: 'customer' },
  });
  assert.equal(refund.status, 'cancelled');
  await portone.deleteBillingKey({ customer_uid, reason: '해지', extra: { requester: 'customer' } });
  const state = sim.rest.snapshot();
  assert.deepEqual(
    state.deletions.map((d) => [d.reason, d.requester, d.accepted]),
    [['해지', 'customer', true]],
  );
  assert.equal(state.cancellations[0].requester, 'customer');
  // A refusal: PortOne's message verbatim, its code, the HTTP status, the path.
  const error = await portone.cancelPayment({ imp_uid: charged.imp_uid, reason: '다시' }).then(
    () => null,
    (e) => e,
  );
  assert.deepEqual(
    [error.code, error.message, error.status, error.path],
    [1, '이미 전액취소된 주문입니다.', 200, '/payments/cancel'],
  );
});

// ---- faults ------------------------------------------------------------------------------------

for (const [kind, extra, expected] of faultCases({ status: -1, refused: 1 })) {
  test(`fault ${kind}: a typed error from a call, unknown from verify, within the timeout`, async () => {
    const client = createPortOneClient({
      apiKey: 'key_test',
      apiSecret: 'secret_do_not_leak_7f3a',
      baseUrl: sim.url,
      timeoutMs: TIMEOUT,
      retries: RETRIES,
    });
    const imp_uid = await pay({ merchant_uid: `order_${kind}`, amount: 15000 });
    await client.findPayment(`order_${kind}`); // the token first: the faults hit the lookups
    sim.rest.scriptFault({ kind, path: '/payments/', times: 10, ...extra });
    let started = performance.now();
    const error = await client.getPayment(imp_uid).then(
      () => null,
      (e) => e,
    );
    assert.ok(performance.now() - started < BOUND, `${performance.now() - started} ms`);
    assert.ok(isPortOneApiError(error), String(error));
    assert.equal(error.code, expected);
    if (kind === 'refused') assert.equal(error.message, '  PG사 응답 \n 오류 ', 'verbatim');
    started = performance.now();
    const r = await client.verifyPayment(
      { imp_uid, merchant_uid: `order_${kind}`, amount: 15000 },
      { onMismatch: 'cancel' },
    );
    assert.ok(performance.now() - started < BOUND);
    assert.equal(r.verdict, 'unknown');
    assert.equal(r.error.code, expected);
    assert.equal(sim.rest.snapshot().cancellations.length, 0);
  });
}

test('a lookup is retried after a 5xx; a cancel is not (it may have happened), except after 503', async () => {
  const client = createPortOneClient({
    apiKey: 'key_test',
    apiSecret: 'secret_do_not_leak_7f3a',
    baseUrl: sim.url,
    timeoutMs: TIMEOUT,
    retries: 2,
  });
  const imp_uid = await pay({ merchant_uid: 'order_retry', amount: 15000 });
  sim.rest.scriptFault({ kind: 'html', method: 'GET', path: '/payments/', times: 2 });
  assert.equal((await client.getPayment(imp_uid)).imp_uid, imp_uid);
  sim.rest.scriptFault({ kind: 'status', status: 500, path: '/payments/cancel' });
  await assert.rejects(client.cancelPayment({ imp_uid, reason: 'r' }), (e) => e.status === 500);
  const calls = () => sim.rest.snapshot().requests.filter((q) => q.path === '/payments/cancel').length;
  assert.equal(sim.rest.snapshot().cancellations.length, 0, 'the fault answered before the simulator did anything');
  sim.rest.scriptFault({ kind: 'status', status: 503, path: '/payments/cancel' });
  assert.equal((await client.cancelPayment({ imp_uid, reason: 'r' })).status, 'cancelled');
  assert.equal(calls(), 3, 'the 500 once; the 503 and its retry');
});

// ---- the package ------------------------------------------------------------------------------

test('naverpay-checkout/server is its own entry, for servers: no browser entry carries any of it', async () => {
  const root = new URL('../pkg/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  assert.deepEqual(manifest.exports['./server'], { types: './server/index.d.ts', default: './server/index.mjs' });
  assert.ok(manifest.files.includes('server'));
  const browserEntries = ['esm/naverpay_checkout.js', 'global/naverpay-checkout.js', 'web/naverpay_checkout.js'];
  for (const file of browserEntries) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const marker of [
      'createPortOneClient',
      'createPortOneV2Client',
      'PortOneApiError',
      '/users/getToken',
      'verifyPayment',
      'handleWebhook',
      'webhook-signature',
    ]) {
      assert.ok(!text.includes(marker), `${file} holds ${marker}`);
    }
  }
  for (const wasm of ['web/naverpay_checkout_bg.wasm']) {
    const bytes = readFileSync(new URL(wasm, root)).toString('latin1');
    assert.ok(
      !bytes.includes('merchant_uid_mismatch') && !bytes.includes('amount_mismatch'),
      `${wasm} holds the verdicts`,
    );
  }
  // The packaged copy imports the builders beside it and works as the repository's does.
  const packaged = await import(new URL('server/index.mjs', root));
  const client = packaged.createPortOneClient({
    apiKey: 'key_test',
    apiSecret: 'secret_do_not_leak_7f3a',
    baseUrl: sim.url,
  });
  const imp_uid = await pay({ merchant_uid: 'order_pkg', amount: 5000 });
  assert.equal((await client.verifyPayment({ imp_uid, merchant_uid: 'order_pkg', amount: 5000 })).verdict, 'paid');
});
