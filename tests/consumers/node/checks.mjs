// The assertions both entry styles run against the module they got. Values come from SPEC.md
// (Parameter rules, Server bodies) and PortOne V1's documented request shapes.
import assert from 'node:assert/strict';

const VALID = {
  merchant_uid: 'order_0001',
  name: 'History of the World',
  amount: 14000,
  naverProducts: [
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
  ],
};

export async function checkApi(npc) {
  const names = [
    'NaverPayCheckout',
    'NaverPayError',
    'isNaverPayError',
    'validateNaverPay',
    'validateBillingKey',
    'choosePayMode',
    'parseRedirectResult',
    'buildAgainPaymentBody',
    'buildSchedulePaymentBody',
    'buildCancelPaymentBody',
  ];
  for (const name of names) assert.equal(typeof npc[name], 'function', `export ${name}`);

  // validateNaverPay: a valid payment, and the request IMP would receive.
  const ok = npc.validateNaverPay(VALID, { mode: 'popup' });
  assert.equal(ok.ok, true, JSON.stringify(ok.errors));
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.mode, 'popup');
  assert.equal(ok.request.pg, 'naverpay');
  assert.equal(ok.request.naverPopupMode, true);
  assert.equal(ok.request.amount, 14000);
  assert.equal(ok.request.merchant_uid, 'order_0001');

  // Every problem at once, with stable codes and field paths; never throws.
  const bad = npc.validateNaverPay(
    {
      ...VALID,
      amount: '14000',
      naverProducts: [{ categoryType: 'MUSIC', categoryId: 'EBOOK', uid: 'm1', name: 'Album', count: 0 }],
      imp_secret: 'shh',
    },
    { mode: 'popup', locale: 'en' },
  );
  assert.equal(bad.ok, false);
  assert.equal(bad.request, null);
  assert.deepEqual(
    bad.errors.map((e) => [e.field, e.code]),
    [
      ['amount', 'INVALID_TYPE'],
      ['naverProducts[0].categoryId', 'INVALID_CATEGORY'],
      ['naverProducts[0].count', 'OUT_OF_RANGE'],
      ['imp_secret', 'SECRET_IN_BROWSER'],
    ],
  );
  assert.deepEqual(npc.validateNaverPay(undefined).ok, false);

  // Minimum amount: 100 won by default, an option lowers it.
  const cheap = npc.validateNaverPay({ ...VALID, amount: 50 }, { mode: 'popup', locale: 'en' });
  assert.deepEqual(
    cheap.errors.map((e) => e.code),
    ['AMOUNT_BELOW_MINIMUM'],
  );
  assert.match(cheap.errors[0].message, /100/);
  assert.equal(npc.validateNaverPay({ ...VALID, amount: 50 }, { mode: 'popup', minAmount: 10 }).ok, true);

  // Device → window mode.
  assert.equal(
    npc.choosePayMode({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' }),
    'redirect',
  );
  assert.equal(npc.choosePayMode({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' }), 'popup');

  // Billing keys: customer_uid, buyer_tel and naverProductCode are required.
  const billing = npc.validateBillingKey({ merchant_uid: 'bk_1', amount: 0 }, { mode: 'popup' });
  assert.equal(billing.ok, false);
  for (const field of ['customer_uid', 'buyer_tel', 'naverProductCode']) {
    assert.ok(
      billing.errors.some((e) => e.field === field && e.code === 'REQUIRED'),
      `billing key needs ${field}`,
    );
  }

  // The redirect page's parser.
  const back = npc.parseRedirectResult(
    'https://shop.example/done?imp_uid=imp_123412341234&merchant_uid=order_0001&imp_success=false&error_msg=%EC%9E%94%EC%95%A1%EC%9D%B4+%EB%B6%80%EC%A1%B1%ED%95%A9%EB%8B%88%EB%8B%A4',
  );
  assert.equal(back.success, false);
  assert.equal(back.imp_uid, 'imp_123412341234');
  assert.equal(back.error_msg, '잔액이 부족합니다');
  assert.equal(back.mode, 'redirect');

  // Server bodies. now: 2020-01-01 UTC, so the dates below lie in the future.
  const now = Date.UTC(2020, 0, 1);
  const again = npc.buildAgainPaymentBody(
    {
      customer_uid: 'gildong_0001_1234',
      merchant_uid: 'order_monthly_0002',
      amount: 10000,
      name: 'Slim plan',
      extra: { naverUseCfm: '20201001' },
    },
    { now },
  );
  assert.deepEqual(again.json, {
    customer_uid: 'gildong_0001_1234',
    merchant_uid: 'order_monthly_0002',
    amount: 10000,
    name: 'Slim plan',
    extra: { naverUseCfm: '20201001' },
  });
  assert.equal(
    again.form,
    'customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000&name=Slim+plan&extra[naverUseCfm]=20201001',
  );

  const scheduleAt = Math.floor(now / 1000) + 86400 * 30;
  const schedule = npc.buildSchedulePaymentBody(
    {
      customer_uid: 'gildong_0001_1234',
      schedules: [
        { merchant_uid: 'order_monthly_0003', schedule_at: scheduleAt, amount: 10000 },
        { merchant_uid: 'order_monthly_0004', schedule_at: scheduleAt + 86400 * 30, amount: 10000 },
      ],
    },
    { now },
  );
  assert.equal(schedule.json.customer_uid, 'gildong_0001_1234');
  assert.deepEqual(
    schedule.json.schedules.map((s) => [s.merchant_uid, s.schedule_at, s.amount]),
    [
      ['order_monthly_0003', scheduleAt, 10000],
      ['order_monthly_0004', scheduleAt + 86400 * 30, 10000],
    ],
  );
  assert.match(
    schedule.form,
    new RegExp(
      `^customer_uid=gildong_0001_1234&schedules\\[0\\]\\[merchant_uid\\]=order_monthly_0003&schedules\\[0\\]\\[schedule_at\\]=${scheduleAt}&`,
    ),
  );
  assert.throws(
    () => npc.buildSchedulePaymentBody({ customer_uid: 'c', schedules: [] }, { now }),
    (e) => npc.isNaverPayError(e) && e.code === 'INVALID_PARAMS' && e.errors.some((i) => i.field === 'schedules'),
  );

  const cancel = npc.buildCancelPaymentBody({
    imp_uid: 'imp_123412341234',
    amount: 5000,
    reason: '고객 요청',
    extra: { requester: 'customer' },
  });
  assert.deepEqual(cancel.json, {
    imp_uid: 'imp_123412341234',
    amount: 5000,
    reason: '고객 요청',
    extra: { requester: 'customer' },
  });
  assert.equal(new URLSearchParams(cancel.form).get('reason'), '고객 요청');
  assert.equal(new URLSearchParams(cancel.form).get('extra[requester]'), 'customer');

  // Invalid input throws one NaverPayError listing every problem.
  let thrown;
  try {
    npc.buildCancelPaymentBody({ amount: -1 });
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error && thrown instanceof npc.NaverPayError, 'a NaverPayError');
  assert.equal(thrown.name, 'NaverPayError');
  assert.equal(thrown.code, 'INVALID_PARAMS');
  assert.deepEqual(thrown.errors.map((i) => i.field).sort(), ['amount', 'imp_uid', 'reason']);

  // The browser part says where it belongs.
  await assert.rejects(
    npc.NaverPayCheckout.load({ merchantCode: 'imp12345678' }),
    (e) => npc.isNaverPayError(e) && e.code === 'NOT_IN_BROWSER',
  );

  return { ok: true, again: again.form, cancelJson: cancel.json };
}
