// naverpay-checkout/server's V2 client against the V2 REST simulator (sim/rest-v2.mjs over HTTP on 127.0.0.1):
// verify-first with the same verdicts as V1, cancel with reason and requester, billing-key payment, schedule and
// its revocation, billing-key deletion, Standard Webhooks signatures, and faults ending in a typed error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { createPortOneV2Client, isPortOneApiError } from '../server/index.mjs';
import { startRestV2Simulator } from '../testing/rest.mjs';
import { isNaverPayError } from '../pkg/node/naverpay_checkout.js';
import { BOUND, RETRIES, TIMEOUT, faultCases } from './support/faults.mjs';

let sim;
let rest;
let url;
let portone;
before(async () => {
  sim = await startRestV2Simulator({
    apiSecret: 'v2_secret_do_not_leak',
    webhookSecret: 'whsec_c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OQ==',
  });
  ({ rest, url } = sim);
  portone = createPortOneV2Client({ apiSecret: rest.apiSecret, webhookSecret: rest.webhookSecret, baseUrl: url });
});
after(() => sim?.close());

async function seed(route, body) {
  const res = await fetch(`${url}/__sim/${route}`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(res.status, 200);
}
let serial = 0;
const newId = () => `payment-${++serial}`;

test('V2 verdicts: paid for exactly the order; a tampered amount cancelled once with reason and requester ADMIN', async () => {
  const honest = newId();
  await seed('payments', { id: honest, amount: 15000 });
  assert.equal((await portone.verifyPayment({ paymentId: honest, amount: 15000 })).verdict, 'paid');

  const tampered = newId();
  await seed('payments', { id: tampered, amount: 100 });
  const first = await portone.verifyPayment({ paymentId: tampered, amount: 15000 }, { onMismatch: 'cancel' });
  assert.deepEqual(
    [first.verdict, first.paid_amount, first.status, first.cancelled],
    ['amount_mismatch', 100, 'CANCELLED', true],
  );
  const second = await portone.verifyPayment({ paymentId: tampered, amount: 15000 }, { onMismatch: 'cancel' });
  assert.deepEqual([second.verdict, second.cancelled], ['amount_mismatch', true]);
  const cancels = rest.state.cancellations.filter((c) => c.paymentId === tampered);
  assert.equal(cancels.length, 1, 'no second cancel is asked for');
  assert.deepEqual([cancels[0].body.requester, cancels[0].body.currentCancellableAmount], ['ADMIN', 100]);
  assert.match(cancels[0].body.reason, /금액 불일치/);

  const ready = newId();
  await seed('payments', { id: ready, amount: 15000, status: 'READY' });
  const r = await portone.verifyPayment({ paymentId: ready, amount: 15000 });
  assert.deepEqual([r.verdict, r.status], ['not_paid', 'READY']);
  const missing = await portone.verifyPayment({ paymentId: 'nope', amount: 1 });
  assert.deepEqual(
    [missing.verdict, missing.error.code, missing.error.status],
    ['not_found', 'PAYMENT_NOT_FOUND', 404],
  );
});

test("V2 products: the order's amount with a count raised is products_mismatch, cancelled once with its own reason", async () => {
  const lines = [
    { id: 'book', amount: 14000, quantity: 1 },
    { id: 'cd', amount: 1000, quantity: 2 },
  ];
  const honest = newId();
  // PortOne's products as the page sent them (name and other fields included), in another order: still the order's.
  await seed('payments', { id: honest, amount: 16000, products: [{ ...lines[1], name: 'CD' }, lines[0]] });
  const ok = await portone.verifyPayment(
    { paymentId: honest, amount: 16000, products: lines },
    { onMismatch: 'cancel' },
  );
  assert.deepEqual([ok.verdict, ok.cancelled, ok.payment.productCount], ['paid', false, 2]);

  const raised = newId();
  await seed('payments', { id: raised, amount: 16000, products: [{ ...lines[0], quantity: 2 }, lines[1]] });
  const first = await portone.verifyPayment(
    { paymentId: raised, amount: 16000, products: lines },
    { onMismatch: 'cancel' },
  );
  assert.deepEqual(
    [first.verdict, first.paid_amount, first.status, first.cancelled],
    ['products_mismatch', 16000, 'CANCELLED', true],
  );
  const second = await portone.verifyPayment(
    { paymentId: raised, amount: 16000, products: lines },
    { onMismatch: 'cancel' },
  );
  assert.deepEqual([second.verdict, second.cancelled], ['products_mismatch', true]);
  const cancels = rest.state.cancellations.filter((c) => c.paymentId === raised);
  assert.equal(cancels.length, 1, 'no second cancel is asked for');
  assert.deepEqual([cancels[0].body.requester, cancels[0].body.currentCancellableAmount], ['ADMIN', 16000]);
  assert.match(cancels[0].body.reason, /상품 불일치/);

  // Without products to compare, the amount alone decides; a payment with no products, or another unit price, is a mismatch.
  assert.equal((await portone.verifyPayment({ paymentId: raised, amount: 16000 })).verdict, 'not_paid');
  const bare = newId();
  await seed('payments', { id: bare, amount: 16000 });
  assert.equal(
    (await portone.verifyPayment({ paymentId: bare, amount: 16000, products: lines })).verdict,
    'products_mismatch',
  );
  const repriced = newId();
  await seed('payments', {
    id: repriced,
    amount: 16000,
    products: [lines[0], { ...lines[1], amount: 500, quantity: 4 }],
  });
  const r = await portone.verifyPayment(
    { paymentId: repriced, amount: 16000, products: lines },
    { reason: '수량 변조' },
  );
  assert.deepEqual([r.verdict, r.cancelled], ['products_mismatch', false], 'no cancel without onMismatch');
  // An amount mismatch is judged first: the products are not read.
  const lowered = newId();
  await seed('payments', { id: lowered, amount: 100, products: lines });
  assert.equal(
    (await portone.verifyPayment({ paymentId: lowered, amount: 16000, products: lines })).verdict,
    'amount_mismatch',
  );

  for (const [products, field] of [
    [[], 'products'],
    [[{ id: '', amount: 1, quantity: 1 }], 'products[0].id'],
    [[lines[0], { id: 'cd', amount: 1000, quantity: 0 }], 'products[1].quantity'],
    [[{ id: 'cd', amount: -1, quantity: 1 }], 'products[0].amount'],
  ]) {
    await assert.rejects(portone.verifyPayment({ paymentId: honest, amount: 16000, products }), (e) => {
      assert.ok(isNaverPayError(e));
      assert.equal(e.errors[0].field, field);
      return true;
    });
  }
});

test("V2 webhooks: with orderProducts, a count raised at the order's amount is products_mismatch and cancelled", async () => {
  const lines = [{ id: 'book', amount: 14000, quantity: 1 }];
  const raised = newId();
  const honest = newId();
  await seed('payments', { id: raised, amount: 14000, products: [{ ...lines[0], quantity: 2, amount: 7000 }] });
  await seed('payments', { id: honest, amount: 14000, products: lines });
  const options = { orderAmount: () => 14000, orderProducts: () => lines, onMismatch: 'cancel' };
  const delivered = async (paymentId) => {
    const text = JSON.stringify({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { paymentId } });
    return portone.handleWebhook(text, rest.signWebhook(text), options);
  };
  assert.equal((await delivered(honest)).verdict, 'paid');
  const r = await delivered(raised);
  assert.deepEqual([r.verdict, r.cancelled], ['products_mismatch', true]);
  assert.equal(rest.state.cancellations.filter((c) => c.paymentId === raised).length, 1);
  // Without orderProducts the amount alone decides, as before; a non-function is refused before anything is read.
  const text = JSON.stringify({
    type: 'Transaction.Paid',
    timestamp: new Date().toISOString(),
    data: { paymentId: honest },
  });
  const amountOnly = await portone.handleWebhook(text, rest.signWebhook(text), { orderAmount: () => 14000 });
  assert.equal(amountOnly.verdict, 'paid');
  await assert.rejects(
    portone.handleWebhook(text, rest.signWebhook(text), { orderAmount: () => 14000, orderProducts: lines }),
    (e) => isNaverPayError(e) && e.errors[0].field === 'orderProducts',
  );
});

test('V2 calls: billing-key payment, schedule, revocation, deletion with reason and requester, cancel refusals verbatim', async () => {
  await seed('billing-keys', { billingKey: 'billing-key-1' });
  const paymentId = newId();
  const paid = await portone.payWithBillingKey({
    paymentId,
    billingKey: 'billing-key-1',
    orderName: '월 구독',
    amount: { total: 9900 },
    currency: 'KRW',
  });
  assert.ok(paid.payment.pgTxId);
  assert.equal((await portone.verifyPayment({ paymentId, amount: 9900 })).verdict, 'paid');
  const scheduled = await portone.schedulePayment({
    paymentId: newId(),
    timeToPay: '2030-01-01T01:00:00Z',
    payment: { billingKey: 'billing-key-1', orderName: '월 구독', amount: { total: 9900 }, currency: 'KRW' },
  });
  const revoked = await portone.revokePaymentSchedules({ billingKey: 'billing-key-1' });
  assert.deepEqual(revoked.revokedScheduleIds, [scheduled.schedule.id]);
  await portone.deleteBillingKey({ billingKey: 'billing-key-1', reason: '구독 해지', requester: 'CUSTOMER' });
  assert.deepEqual(
    rest.state.deletions.map((d) => [d.reason, d.requester, d.accepted]),
    [['구독 해지', 'CUSTOMER', true]],
  );

  await portone.cancelPayment({ paymentId, reason: '단순 변심', requester: 'CUSTOMER' });
  const again = await portone.cancelPayment({ paymentId, reason: '다시' }).then(
    () => null,
    (e) => e,
  );
  assert.deepEqual(
    [again.code, again.message, again.status, again.path],
    ['PAYMENT_ALREADY_CANCELLED', '이미 취소된 결제 건입니다.', 409, `/payments/${paymentId}/cancel`],
  );

  // Validated before anything is sent.
  const before = rest.state.requests.length;
  for (const call of [
    () => portone.cancelPayment({ paymentId, reason: ' ' }),
    () => portone.cancelPayment({ paymentId, reason: 'r', requester: 'customer' }),
    () => portone.deleteBillingKey({ billingKey: 'k', reason: 'r' }),
    () =>
      portone.payWithBillingKey({ paymentId, billingKey: 'k', orderName: 'o', amount: { total: 0 }, currency: 'KRW' }),
    () => portone.revokePaymentSchedules({}),
    () =>
      portone.schedulePayment({
        paymentId,
        timeToPay: 'soon',
        payment: { billingKey: 'k', orderName: 'o', amount: { total: 1 }, currency: 'KRW' },
      }),
  ]) {
    assert.throws(call, (e) => isNaverPayError(e) && e.code === 'INVALID_PARAMS');
  }
  assert.equal(rest.state.requests.length, before);
});

test("V2 webhooks: a valid Standard Webhooks signature passes (also node:crypto's); a changed body, another secret, an old timestamp do not", async () => {
  const paymentId = newId();
  await seed('payments', { id: paymentId, amount: 15000 });
  const text = JSON.stringify({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { paymentId } });
  const headers = rest.signWebhook(text);
  const options = { orderAmount: (id) => (id === paymentId ? 15000 : null), onMismatch: 'cancel' };
  const r = await portone.handleWebhook(text, headers, options);
  assert.deepEqual([r.verdict, r.webhook.type], ['paid', 'Transaction.Paid']);
  assert.equal(
    (await portone.handleWebhook(Buffer.from(text), new Headers(headers), options)).verdict,
    'paid',
    'twice, as bytes and Headers',
  );

  const refused = async (body, h) =>
    assert.rejects(portone.handleWebhook(body, h, options), (e) => isNaverPayError(e) && e.code === 'INVALID_PARAMS');
  await refused(text.replace('15000', '15001').replace(paymentId, `${paymentId} `), headers);
  const otherKey = Buffer.from('another-secret-0123456789').toString('base64');
  const forged = createHmac('sha256', Buffer.from(otherKey, 'base64'))
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${text}`)
    .digest('base64');
  await refused(text, { ...headers, 'webhook-signature': `v1,${forged}` });
  await refused(text, rest.signWebhook(text, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
  await refused(text, { 'webhook-id': headers['webhook-id'] });
  await refused(JSON.parse(text), headers);

  // Delivered twice by the simulator to a merchant endpoint: one order.
  const paid = [];
  const merchant = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const result = await portone.handleWebhook(Buffer.concat(chunks), req.headers, options).catch(() => null);
    if (result?.verdict === 'paid' && !paid.includes(result.paymentId)) paid.push(result.paymentId);
    res.writeHead(result ? 200 : 400).end();
  });
  await new Promise((resolve) => merchant.listen(0, '127.0.0.1', resolve));
  try {
    const deliveries = await rest.sendWebhook({
      paymentId,
      url: `http://127.0.0.1:${merchant.address().port}/`,
      times: 2,
    });
    assert.deepEqual(
      deliveries.map((d) => d.status),
      [200, 200],
    );
    assert.deepEqual(paid, [paymentId]);
  } finally {
    await new Promise((resolve) => merchant.close(resolve));
  }
});

// ---- faults, scripted in the V2 REST simulator (sim/rest-v2.mjs scriptFault) over HTTP -----------------

for (const [kind, extra, expected] of faultCases({
  status: 'INTERNAL_SERVER_ERROR',
  refused: 'PG_PROVIDER_ERROR',
  refusedExtra: { status: 409, type: 'PG_PROVIDER_ERROR' },
})) {
  test(`V2 fault ${kind}: a typed error from a call, unknown from verify (nothing cancelled), within the timeout`, async (t) => {
    const client = createPortOneV2Client({
      apiSecret: rest.apiSecret,
      baseUrl: url,
      timeoutMs: TIMEOUT,
      retries: RETRIES,
    });
    const paymentId = newId();
    await seed('payments', { id: paymentId, amount: 100 }); // a tampered amount: only the fault keeps it from a cancel
    await seed('faults', { kind, path: `/payments/${paymentId}`, times: 10, ...extra });
    let started = performance.now();
    const error = await client.getPayment(paymentId).then(
      () => null,
      (e) => e,
    );
    const callMs = performance.now() - started;
    assert.ok(callMs < BOUND, `getPayment: ${callMs} ms`);
    assert.ok(isPortOneApiError(error), String(error));
    assert.equal(error.code, expected);
    if (kind === 'refused') assert.deepEqual([error.message, error.status], ['  PG사 응답 \n 오류 ', 409], 'verbatim');
    started = performance.now();
    const r = await client.verifyPayment({ paymentId, amount: 15000 }, { onMismatch: 'cancel' });
    const verifyMs = performance.now() - started;
    assert.ok(verifyMs < BOUND, `verifyPayment: ${verifyMs} ms`);
    assert.deepEqual([r.verdict, r.error.code, r.paid_amount, r.cancelled], ['unknown', expected, null, false]);
    assert.equal(rest.state.cancellations.filter((c) => c.paymentId === paymentId).length, 0);
    assert.equal(rest.state.payments.get(paymentId).status, 'PAID', "PortOne's payment untouched");
    t.diagnostic(
      `${kind}: getPayment ${Math.round(callMs)} ms, verifyPayment ${Math.round(verifyMs)} ms (bound ${BOUND} ms)`,
    );
  });
}

test('V2: a lookup is retried after a 5xx; a cancel is not (it may have happened), except after 503', async () => {
  const client = createPortOneV2Client({ apiSecret: rest.apiSecret, baseUrl: url, timeoutMs: TIMEOUT, retries: 2 });
  const paymentId = newId();
  await seed('payments', { id: paymentId, amount: 15000 });
  await seed('faults', { kind: 'html', method: 'GET', path: `/payments/${paymentId}`, times: 2 });
  assert.equal((await client.getPayment(paymentId)).id, paymentId);
  const cancelPath = `/payments/${paymentId}/cancel`;
  await seed('faults', { kind: 'status', status: 500, path: cancelPath });
  await assert.rejects(client.cancelPayment({ paymentId, reason: 'r' }), (e) => e.status === 500);
  assert.equal(rest.state.cancellations.filter((c) => c.paymentId === paymentId).length, 0, 'the fault answered first');
  await seed('faults', { kind: 'status', status: 503, path: cancelPath });
  assert.equal((await client.cancelPayment({ paymentId, reason: 'r' })).cancellation.status, 'SUCCEEDED');
  assert.equal(
    rest.state.requests.filter((q) => q.path === cancelPath).length,
    3,
    'the 500 once; the 503 and its retry',
  );
  const unknown = await fetch(`${url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'flaky' }) });
  assert.deepEqual([unknown.status, (await unknown.json()).type], [400, 'INVALID_REQUEST']);
});

test('V2: the secrets are in no error, toString or inspect', async () => {
  const wrong = createPortOneV2Client({
    apiSecret: 'v2_secret_do_not_leak_wrong',
    baseUrl: url,
    webhookSecret: rest.webhookSecret,
  });
  const error = await wrong.getPayment('x').then(
    () => null,
    (e) => e,
  );
  assert.deepEqual([error.code, error.status], ['UNAUTHORIZED', 401]);
  for (const text of [
    String(error),
    error.stack,
    JSON.stringify(error),
    inspect(wrong, { showHidden: true, depth: 9 }),
    String(wrong),
  ]) {
    assert.ok(!text.includes('v2_secret_do_not_leak') && !text.includes(rest.webhookSecret), text);
  }
});

test("the package: naverpay-checkout/testing's V2 simulator and naverpay-checkout/server's V2 client, as shipped", async () => {
  const kit = await import('../pkg/testing/index.mjs');
  const server = await import('../pkg/server/index.mjs');
  const packaged = await kit.startRestV2Simulator();
  try {
    const client = server.createPortOneV2Client({ apiSecret: packaged.rest.apiSecret, baseUrl: packaged.url });
    await fetch(`${packaged.url}/__sim/payments`, {
      method: 'POST',
      body: JSON.stringify({ id: 'pkg-1', amount: 700 }),
    });
    assert.equal((await client.verifyPayment({ paymentId: 'pkg-1', amount: 700 })).verdict, 'paid');
  } finally {
    await packaged.close();
  }
});
