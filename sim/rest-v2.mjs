// Offline simulator of PortOne V2's REST API (https://api.portone.io) for the calls a Naver Pay merchant's server
// makes, on plain node:http semantics, after src/schema/v2.openapi.yml (portone-io/developers.portone.io af926bd2):
//
//   const rest = createRestV2Simulator({ apiSecret: 'secret' });
//   http.createServer((req, res) => { if (!rest.handle(req, res)) res.writeHead(404).end(); });
//
// Every API call needs `Authorization: PortOne <apiSecret>` (else 401 { type: 'UNAUTHORIZED' }). Errors are
// { type, message } with the status the schema gives. Webhooks are signed as Standard Webhooks (signWebhook).
//
// Simulator-only routes (no authorization):
//   POST /__sim/payments      a payment { id, status, amount (the total), orderName?, products? } or an array of them
//                             (`products` as requestPayment got them: PaidPayment's `products` and `productCount`)
//   POST /__sim/billing-keys  a billing key { billingKey } or an array of them
//   POST /__sim/faults        script a fault for the next matching API calls (scriptFault, as sim/rest.mjs's: slow,
//                             hang, status, html, garbage, truncated, refused, huge; V2's bodies { type, message })
//   GET  /__sim/state         everything recorded
import { createHmac, randomBytes } from 'node:crypto';
import { faultScript, readBody } from './rest.mjs';

const JSON_TYPE = 'application/json; charset=utf-8';

export const V2_MESSAGES = Object.freeze({
  unauthorized: '인증 정보가 올바르지 않습니다.',
  paymentNotFound: '결제 건이 존재하지 않습니다.',
  reasonRequired: 'reason은 필수 입력 항목입니다.',
  requesterInvalid: 'requester는 CUSTOMER 또는 ADMIN이어야 합니다.',
  alreadyCancelled: '이미 취소된 결제 건입니다.',
  notPaid: '결제 완료 상태가 아닌 결제 건입니다.',
  cancellableBroken: '취소 가능 금액(currentCancellableAmount)이 일치하지 않습니다.',
  billingKeyNotFound: '빌링키가 존재하지 않습니다.',
  alreadyPaid: '이미 결제 완료된 결제 건입니다.',
  badRequest: '요청이 올바르지 않습니다.',
});

/**
 * @param {{ apiSecret?: string, webhookSecret?: string, prefix?: string }} [options]
 */
export function createRestV2Simulator(options = {}) {
  const apiSecret = options.apiSecret ?? 'portone_v2_secret_test';
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString('base64')}`;
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const state = {
    payments: new Map(),
    billingKeys: new Map(),
    schedules: [],
    cancellations: [],
    deletions: [],
    requests: [],
    webhooks: [],
    faults: [],
  };

  const now = () => new Date().toISOString();
  const ok = (body) => [200, body];
  const error = (status, type, message) => [status, { type, message }];

  function payment({ id, status = 'PAID', amount, orderName = 'order', billingKey = null, products }) {
    const lines = Array.isArray(products) ? products.map((p) => ({ ...p })) : null;
    return {
      status,
      id,
      transactionId: randomBytes(8).toString('hex'),
      merchantId: 'merchant-sim',
      storeId: 'store-sim',
      channel: { type: 'TEST', pgProvider: 'NAVERPAY' },
      version: 'V2',
      requestedAt: now(),
      updatedAt: now(),
      statusChangedAt: now(),
      orderName,
      currency: 'KRW',
      customer: {},
      billingKey,
      amount: {
        total: amount,
        taxFree: 0,
        discount: 0,
        paid: status === 'PAID' ? amount : 0,
        cancelled: 0,
        cancelledTaxFree: 0,
      },
      ...(status === 'PAID' ? { paidAt: now() } : {}),
      ...(lines ? { products: lines, productCount: lines.length } : {}),
    };
  }

  // A fault's `status` and `refused` answers are V2's error body, `type` as scripted (PortOne documents no type for
  // a 5xx: INTERNAL_SERVER_ERROR is the simulator's word; a refusal defaults to 400 INVALID_REQUEST).
  const { scriptFault, takeFault, answerFault } = faultScript(state.faults, {
    status: (f) => [f.status ?? 500, { type: f.type ?? 'INTERNAL_SERVER_ERROR', message: f.message }],
    refused: (f) => [f.status ?? 400, { type: f.type ?? 'INVALID_REQUEST', message: f.message }],
    truncated: '{"status":"PAID","id":"payment-0","amount":{"tot',
    huge: () => `{"status":"PAID","id":"${'x'.repeat(10 * 1024 * 1024)}"}`,
  });

  const routes = {
    'GET /payments/:paymentId': ({ params }) => {
      const p = state.payments.get(params.paymentId);
      return p ? ok(p) : error(404, 'PAYMENT_NOT_FOUND', V2_MESSAGES.paymentNotFound);
    },
    'POST /payments/:paymentId/cancel': ({ params, body }) => {
      const record = { paymentId: params.paymentId, body, accepted: false };
      state.cancellations.push(record);
      const p = state.payments.get(params.paymentId);
      if (!p) return error(404, 'PAYMENT_NOT_FOUND', V2_MESSAGES.paymentNotFound);
      if (typeof body.reason !== 'string' || body.reason.trim() === '')
        return error(400, 'INVALID_REQUEST', V2_MESSAGES.reasonRequired);
      if (body.requester !== undefined && !['CUSTOMER', 'ADMIN'].includes(body.requester)) {
        return error(400, 'INVALID_REQUEST', V2_MESSAGES.requesterInvalid);
      }
      if (p.status === 'CANCELLED') return error(409, 'PAYMENT_ALREADY_CANCELLED', V2_MESSAGES.alreadyCancelled);
      if (p.status !== 'PAID' && p.status !== 'PARTIAL_CANCELLED')
        return error(409, 'PAYMENT_NOT_PAID', V2_MESSAGES.notPaid);
      const cancellable = p.amount.total - p.amount.cancelled;
      if (body.currentCancellableAmount !== undefined && body.currentCancellableAmount !== cancellable) {
        return error(409, 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN', V2_MESSAGES.cancellableBroken);
      }
      const amount = body.amount ?? cancellable;
      p.amount.cancelled += amount;
      p.status = p.amount.cancelled >= p.amount.total ? 'CANCELLED' : 'PARTIAL_CANCELLED';
      p.cancellations = [
        ...(p.cancellations ?? []),
        {
          id: randomBytes(8).toString('hex'),
          totalAmount: amount,
          reason: body.reason,
          requester: body.requester ?? null,
          cancelledAt: now(),
        },
      ];
      record.accepted = true;
      return ok({ cancellation: { status: 'SUCCEEDED', ...p.cancellations.at(-1) } });
    },
    'POST /payments/:paymentId/billing-key': ({ params, body }) => {
      if (!state.billingKeys.has(body.billingKey))
        return error(404, 'BILLING_KEY_NOT_FOUND', V2_MESSAGES.billingKeyNotFound);
      if (state.payments.get(params.paymentId)?.status === 'PAID')
        return error(409, 'ALREADY_PAID', V2_MESSAGES.alreadyPaid);
      if (typeof body.orderName !== 'string' || !Number.isInteger(body.amount?.total)) {
        return error(400, 'INVALID_REQUEST', V2_MESSAGES.badRequest);
      }
      const p = payment({
        id: params.paymentId,
        amount: body.amount.total,
        orderName: body.orderName,
        billingKey: body.billingKey,
      });
      state.payments.set(p.id, p);
      return ok({ payment: { pgTxId: p.transactionId, paidAt: p.paidAt } });
    },
    'POST /payments/:paymentId/schedule': ({ params, body }) => {
      if (!state.billingKeys.has(body.payment?.billingKey)) {
        return error(404, 'BILLING_KEY_NOT_FOUND', V2_MESSAGES.billingKeyNotFound);
      }
      const schedule = {
        id: randomBytes(8).toString('hex'),
        paymentId: params.paymentId,
        billingKey: body.payment.billingKey,
        timeToPay: body.timeToPay,
        status: 'SCHEDULED',
        body,
      };
      state.schedules.push(schedule);
      return ok({ schedule: { id: schedule.id } });
    },
    'DELETE /payment-schedules': ({ query }) => {
      let input;
      try {
        input = JSON.parse(query.get('requestBody') ?? '{}');
      } catch {
        return error(400, 'INVALID_REQUEST', V2_MESSAGES.badRequest);
      }
      const revoked = state.schedules.filter(
        (s) =>
          s.status === 'SCHEDULED' &&
          (input.billingKey === undefined || s.billingKey === input.billingKey) &&
          (input.scheduleIds === undefined || input.scheduleIds.includes(s.id)),
      );
      if (input.billingKey === undefined && input.scheduleIds === undefined)
        return error(400, 'INVALID_REQUEST', V2_MESSAGES.badRequest);
      for (const s of revoked) s.status = 'REVOKED';
      return ok({ revokedScheduleIds: revoked.map((s) => s.id), revokedAt: now() });
    },
    'DELETE /billing-keys/:billingKey': ({ params, query }) => {
      const record = {
        billingKey: params.billingKey,
        reason: query.get('reason'),
        requester: query.get('requester'),
        accepted: false,
      };
      state.deletions.push(record);
      if (!state.billingKeys.has(params.billingKey))
        return error(404, 'BILLING_KEY_NOT_FOUND', V2_MESSAGES.billingKeyNotFound);
      state.billingKeys.delete(params.billingKey);
      record.accepted = true;
      return ok({ deletedAt: now() });
    },
  };

  const simRoutes = {
    'POST /__sim/payments': ({ body }) => {
      const stored = (Array.isArray(body) ? body : [body]).map((rec) => {
        const p = payment(rec);
        state.payments.set(p.id, p);
        return p;
      });
      return ok(stored);
    },
    'POST /__sim/billing-keys': ({ body }) => {
      for (const rec of Array.isArray(body) ? body : [body])
        state.billingKeys.set(rec.billingKey, { ...rec, issuedAt: now() });
      return ok({});
    },
    'POST /__sim/faults': ({ body }) => {
      try {
        return ok(scriptFault(body));
      } catch (e) {
        return error(400, 'INVALID_REQUEST', e.message);
      }
    },
    'GET /__sim/state': () => ok(snapshot()),
  };

  function snapshot() {
    return {
      payments: [...state.payments.values()],
      billingKeys: [...state.billingKeys.values()],
      schedules: state.schedules,
      cancellations: state.cancellations,
      deletions: state.deletions,
      requests: state.requests,
      webhooks: state.webhooks,
      faults: state.faults,
    };
  }

  function match(table, method, path) {
    for (const [key, fn] of Object.entries(table)) {
      const [m, pattern] = key.split(' ');
      if (m !== method) continue;
      const names = [];
      const re = new RegExp(`^${pattern.replace(/:([a-zA-Z]+)/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
      const hit = re.exec(path);
      if (hit) return { fn, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1])])) };
    }
    return null;
  }

  function handle(req, res) {
    const url = new URL(req.url, 'http://127.0.0.1');
    let path = url.pathname;
    if (prefix) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;
      path = path.slice(prefix.length) || '/';
    }
    const sim = match(simRoutes, req.method, path);
    const api = sim ? null : match(routes, req.method, path);
    if (!sim && !api) return false;
    (async () => {
      const text = req.method === 'GET' || req.method === 'DELETE' ? '' : await readBody(req);
      let body = {};
      try {
        if (text.trim() !== '') body = JSON.parse(text);
      } catch {
        return reply(res, ...error(400, 'INVALID_REQUEST', V2_MESSAGES.badRequest));
      }
      if (sim) return reply(res, ...sim.fn({ body }));
      const authorized = req.headers.authorization === `PortOne ${apiSecret}`;
      state.requests.push({ method: req.method, path, query: url.search, body, authorized });
      const fault = takeFault(req.method, path);
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
      else if (fault) return answerFault(fault, res);
      if (!authorized) return reply(res, ...error(401, 'UNAUTHORIZED', V2_MESSAGES.unauthorized));
      return reply(res, ...api.fn({ body, params: api.params, query: url.searchParams }));
    })().catch(() => (res.headersSent ? res.destroy() : reply(res, ...error(500, 'INTERNAL', 'simulator error'))));
    return true;
  }

  function reply(res, status, payload) {
    res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(payload));
  }

  /** The Standard Webhooks headers PortOne sends with `text` (computed with node:crypto). */
  function signWebhook(
    text,
    { id = `msg_${randomBytes(8).toString('hex')}`, timestamp = Math.floor(Date.now() / 1000) } = {},
  ) {
    const key = Buffer.from(webhookSecret.replace(/^whsec_/, ''), 'base64');
    const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${text}`).digest('base64');
    return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
  }

  /** Posts a signed `type` webhook about payment `paymentId` to `url`, `times` times; each delivery is recorded. */
  async function sendWebhook({ paymentId, url, type = 'Transaction.Paid', times = 1 }) {
    const text = JSON.stringify({
      type,
      timestamp: now(),
      data: { paymentId, storeId: 'store-sim', transactionId: state.payments.get(paymentId)?.transactionId ?? null },
    });
    const headers = { 'Content-Type': 'application/json', ...signWebhook(text) };
    const deliveries = [];
    for (let i = 0; i < times; i++) {
      let status = null;
      try {
        const r = await fetch(url, { method: 'POST', headers, body: text, signal: AbortSignal.timeout(30_000) });
        await r.arrayBuffer();
        status = r.status;
      } catch {
        /* recorded as null */
      }
      deliveries.push({ url, type, status });
      state.webhooks.push(deliveries.at(-1));
    }
    return deliveries;
  }

  return { handle, state, prefix, snapshot, apiSecret, webhookSecret, signWebhook, sendWebhook, scriptFault };
}
