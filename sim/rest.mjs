// Offline simulator of PortOne V1's REST API (https://api.iamport.kr), on plain node:http semantics.
//
//   const rest = createRestSimulator({ impKey: 'key', impSecret: 'secret', prefix: '/portone' });
//   http.createServer((req, res) => { if (!rest.handle(req, res)) serveStatic(req, res); });
//
// Envelope, as PortOne V1: { code: 0, message: null, response } on success; { code: -1 | 1, message, response: null }
// on failure. Business refusals (cancel without reason, unknown customer_uid …) are HTTP 200 with code 1, as V1 does;
// a missing payment is HTTP 404 code 1; bad credentials or token HTTP 401 code -1.
//
// It takes what PortOne's V1 schema documents (src/schema/v1.openapi.yml): unknown and other-PG fields are stored,
// never refused. Naver Pay's own rules from the V1 Naver Pay page are enforced as its inspection does: a cancel
// without `reason` is refused, and so is deleting a Naver Pay billing key without `reason` and `extra[requester]`.
//
// Inspection mode (`inspection: true | { naverUseCfm: true }`, or POST /__sim/inspection) refuses what Naver Pay's
// inspection rejects though PortOne itself would take it, with a message naming the rule (inspectionRefusal below).
//
// Simulator-only routes (no token needed, CORS open so the browser simulator can report):
//   POST {prefix}/__sim/payments    a payment record or an array of them (see sim/imp.js paymentRecord)
//   GET  {prefix}/__sim/state       everything recorded, as JSON
//   POST {prefix}/__sim/reset       forget everything but the credentials
//   POST {prefix}/__sim/inspection  { on: boolean, naverUseCfm?: boolean }: inspection mode on or off
//   POST {prefix}/__sim/faults      script a fault for the next matching API calls (see scriptFault)
//   POST {prefix}/__sim/webhooks    post a payment's webhook to a notice_url, once or more (see sendWebhook)
//
// Amount pre-registration (POST /payments/prepare) is enforced as PortOne describes it: a payment reported for a
// prepared merchant_uid with another amount is stored as failed, never paid.
import { randomBytes } from 'node:crypto';

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY = 1024 * 1024;

export const MESSAGES = Object.freeze({
  unauthorized: 'Unauthorized',
  credentialsMissing: 'imp_key, imp_secret 파라메터가 누락되었습니다.',
  credentialsWrong: 'imp_key 또는 imp_secret이 올바르지 않습니다.',
  paymentNotFound: '존재하지 않는 결제정보입니다.',
  cancelTargetMissing: 'imp_uid 또는 merchant_uid 중 하나는 필수입니다.',
  cancelReasonRequired: '취소 사유(reason)는 필수입니다.',
  cancelNotPaid: '결제완료 상태의 결제건만 취소할 수 있습니다.',
  alreadyCancelled: '이미 전액취소된 주문입니다.',
  cancelAmountInvalid: '취소 금액(amount)은 0 이상의 정수여야 합니다.',
  cancelAmountExceeds: '취소 가능 금액을 초과하였습니다.',
  checksumMismatch: '취소 가능 잔액(checksum)이 일치하지 않습니다.',
  customerUidRequired: 'customer_uid 파라메터가 누락되었습니다.',
  billingKeyNotFound: '등록되지 않은 customer_uid 입니다.',
  merchantUidRequired: 'merchant_uid 파라메터가 누락되었습니다.',
  merchantUidUsed: '이미 결제완료된 merchant_uid 입니다.',
  amountInvalid: 'amount 파라메터는 0보다 큰 숫자여야 합니다.',
  nameRequired: 'name 파라메터가 누락되었습니다.',
  schedulesRequired: 'schedules 파라메터가 누락되었습니다.',
  scheduleAtInvalid: 'schedule_at 은 미래 시각의 UNIX timestamp(초)여야 합니다.',
  scheduleDuplicate: '중복된 merchant_uid 가 있습니다.',
  unscheduleTargetMissing: 'customer_uid 또는 merchant_uid 중 하나는 필수입니다.',
  unscheduleNothing: '취소할 예약결제 기록이 존재하지 않습니다.',
  deleteReasonRequired: '네이버페이 빌링키 삭제에는 삭제 사유(reason)가 필요합니다.',
  requesterRequired: '네이버페이 요청에는 extra[requester](customer 또는 admin)가 필요합니다.',
  badBody: '요청 본문을 해석할 수 없습니다.',
  badUrl: '요청 URL을 해석할 수 없습니다.',
  notFound: 'Not Found',
  alreadyPrepared: '이미 사전등록된 merchant_uid 입니다.',
  notPrepared: '사전등록된 결제정보가 없습니다.',
  preparedAmountMismatch: '사전등록된 결제금액과 요청 금액이 일치하지 않습니다.',
});

/**
 * Parses application/x-www-form-urlencoded with bracket keys into nested objects:
 * `schedules[0][merchant_uid]=a&extra[requester]=admin` → { schedules: [{ merchant_uid: 'a' }], extra: { requester: 'admin' } }.
 * Values stay strings. `a[]=1&a[]=2` appends. Objects whose keys are exactly 0..n-1 become arrays.
 * Linear in the text: each object's key count is kept, not counted again at each append.
 */
export function parseForm(text) {
  const root = {};
  const sizes = new Map(); // object → its number of keys
  const add = (node, seg, value) => {
    node[seg] = value;
    sizes.set(node, (sizes.get(node) ?? 0) + 1);
  };
  for (const part of String(text).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const key = decodeFormComponent(rawKey);
    const value = decodeFormComponent(rawValue);
    const m = /^([^[\]]*)((?:\[[^[\]]*\])*)$/.exec(key);
    const path = m && m[1] !== '' ? [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])] : [key];
    let node = root;
    for (let i = 0; i < path.length; i++) {
      let seg = path[i];
      const last = i === path.length - 1;
      if (seg === '') seg = String(sizes.get(node) ?? 0); // a[] appends
      if (seg === '__proto__' || seg === 'constructor' || seg === 'prototype') break;
      if (last) {
        if (!Object.hasOwn(node, seg)) add(node, seg, value);
      } else {
        if (!Object.hasOwn(node, seg)) add(node, seg, {});
        else if (typeof node[seg] !== 'object') node[seg] = {};
        node = node[seg];
      }
    }
  }
  return arrayify(root);
}

function decodeFormComponent(s) {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function arrayify(node) {
  if (node === null || typeof node !== 'object') return node;
  for (const k of Object.keys(node)) node[k] = arrayify(node[k]);
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => node[k]);
  return node;
}

/** Inspection mode's refusals: each names the rule it stands for (SPEC.md, the seed's Naver Pay guide). */
export const INSPECTION_MESSAGES = Object.freeze({
  cancel:
    "Naver Pay inspection: POST /payments/cancel needs reason and extra.requester ('customer' or 'admin'); the inspection rejects a cancel without them",
  deletion:
    "Naver Pay inspection: DELETE /subscribe/customers/{customer_uid} needs reason and extra[requester] ('customer' or 'admin'); the inspection rejects a deletion without them",
  again:
    'Naver Pay inspection: POST /subscribe/payments/again needs extra.naverUseCfm (yyyyMMdd) when the contract requires it for the product',
  schedule:
    'Naver Pay inspection: every schedule of POST /subscribe/payments/schedule needs extra.naverUseCfm (yyyyMMdd) when the contract requires it for the product',
});

const filled = (v) => typeof v === 'string' && v.trim() !== '';
const requesterOf = (input) =>
  input && typeof input.extra === 'object' && input.extra !== null ? input.extra.requester : undefined;
const hasUseCfm = (input) =>
  input &&
  typeof input.extra === 'object' &&
  input.extra !== null &&
  /^\d{8}$/.test(String(input.extra.naverUseCfm ?? ''));

/**
 * What inspection mode refuses in a call PortOne would take: `{ rule, message }`, or null. `input` is the body
 * (and, for a deletion, the query over it); `inspection` is { naverUseCfm } (the merchant's contract requires it).
 */
export function inspectionRefusal(inspection, method, path, input) {
  if (method === 'POST' && path === '/payments/cancel') {
    if (!filled(input.reason) || !['customer', 'admin'].includes(requesterOf(input)))
      return { rule: 'cancel', message: INSPECTION_MESSAGES.cancel };
  }
  if (method === 'DELETE' && path.startsWith('/subscribe/customers/')) {
    if (!filled(input.reason) || !['customer', 'admin'].includes(requesterOf(input)))
      return { rule: 'deletion', message: INSPECTION_MESSAGES.deletion };
  }
  if (inspection.naverUseCfm && method === 'POST' && path === '/subscribe/payments/again' && !hasUseCfm(input)) {
    return { rule: 'again', message: INSPECTION_MESSAGES.again };
  }
  if (
    inspection.naverUseCfm &&
    method === 'POST' &&
    path === '/subscribe/payments/schedule' &&
    !(Array.isArray(input.schedules) && input.schedules.length > 0 && input.schedules.every(hasUseCfm))
  ) {
    return { rule: 'schedule', message: INSPECTION_MESSAGES.schedule };
  }
  return null;
}

export const BODY_TOO_LARGE = 'body too large';

/** The request body as UTF-8 text; rejects with an Error whose message is `BODY_TOO_LARGE` past `maxBytes`. */
export function readBody(req, maxBytes = MAX_BODY) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > maxBytes) {
        reject(new Error(BODY_TOO_LARGE));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON or form, whatever the Content-Type claims (the browser simulator posts JSON as text/plain). */
function parseBody(text, contentType = '') {
  if (text.trim() === '') return {};
  const ct = contentType.toLowerCase();
  if (ct.includes('application/x-www-form-urlencoded')) return parseForm(text);
  const t = text.trimStart();
  if (ct.includes('json') || t.startsWith('{') || t.startsWith('[')) return JSON.parse(text);
  return parseForm(text);
}

function toNumber(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return NaN;
}

function nowSec() {
  return Math.floor(Date.now() / 1000);
}

function digits(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
  return s;
}

/** A V1 Payment annotation, with every field V1 documents (most null for Naver Pay). */
function paymentAnnotation(input) {
  const paid = input.status === 'paid';
  return {
    imp_uid: input.imp_uid,
    merchant_uid: input.merchant_uid ?? null,
    pay_method: input.pay_method ?? 'naverpay',
    channel: input.channel ?? 'pc',
    pg_provider: input.pg_provider ?? 'naverpay',
    emb_pg_provider: null,
    pg_tid: input.pg_tid ?? null,
    pg_id: input.pg_id ?? null,
    escrow: false,
    apply_num: input.apply_num ?? null,
    bank_code: null,
    bank_name: null,
    card_code: null,
    card_name: null,
    card_quota: 0,
    card_number: null,
    card_type: null,
    vbank_code: null,
    vbank_name: null,
    vbank_num: null,
    vbank_holder: null,
    vbank_date: 0,
    vbank_issued_at: 0,
    name: input.name ?? null,
    amount: toNumber(input.amount) || 0,
    cancel_amount: 0,
    currency: input.currency ?? 'KRW',
    buyer_name: input.buyer_name ?? null,
    buyer_email: input.buyer_email ?? null,
    buyer_tel: input.buyer_tel ?? null,
    buyer_addr: input.buyer_addr ?? null,
    buyer_postcode: input.buyer_postcode ?? null,
    custom_data:
      input.custom_data == null
        ? null
        : typeof input.custom_data === 'string'
          ? input.custom_data
          : JSON.stringify(input.custom_data),
    user_agent: input.user_agent ?? 'sorry_not_supported_anymore',
    status: input.status ?? 'paid',
    started_at: input.started_at ?? input.paid_at ?? nowSec(),
    paid_at: paid ? (input.paid_at ?? nowSec()) : 0,
    failed_at: input.status === 'failed' ? (input.failed_at ?? nowSec()) : 0,
    cancelled_at: 0,
    fail_reason: input.fail_reason ?? null,
    cancel_reason: null,
    receipt_url: input.receipt_url ?? null,
    cancel_history: [],
    cancel_receipt_urls: [],
    cash_receipt_issued: false,
    customer_uid: input.customer_uid ?? null,
    customer_uid_usage: input.customer_uid_usage ?? null,
  };
}

/** `true` or { naverUseCfm } → inspection mode's settings; anything falsy → off (null). */
function inspectionMode(option) {
  if (!option) return null;
  return { naverUseCfm: typeof option === 'object' && option.naverUseCfm === true };
}

/**
 * @param {{ impKey?: string, impSecret?: string, prefix?: string, tokenTtlSec?: number,
 *           inspection?: boolean | { naverUseCfm?: boolean } }} [options]
 * @returns {{ handle(req, res): boolean, state: object, prefix: string, reset(): void,
 *             issueToken(): { access_token: string, now: number, expired_at: number }, snapshot(): object }}
 */
export function createRestSimulator(options = {}) {
  const impKey = options.impKey ?? 'imp_apikey_test';
  const impSecret = options.impSecret ?? 'imp_secret_test';
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const tokenTtlSec = options.tokenTtlSec ?? 1800;
  let inspection = inspectionMode(options.inspection);

  const state = {
    tokens: new Map(), // access_token → expired_at
    payments: new Map(), // imp_uid → Payment annotation
    billingKeys: new Map(), // customer_uid → record
    schedules: [],
    cancellations: [],
    agains: [],
    unschedules: [],
    deletions: [],
    reports: [],
    requests: [],
    prepared: new Map(), // merchant_uid → { merchant_uid, amount, currency }
    faults: [], // scripted faults, consumed in order (scriptFault)
    webhooks: [], // every webhook sent (sendWebhook)
    inspectionRefusals: [], // { method, path, rule, message, body, at }
  };

  function reset() {
    state.tokens.clear();
    state.payments.clear();
    state.billingKeys.clear();
    state.prepared.clear();
    for (const k of [
      'schedules',
      'cancellations',
      'agains',
      'unschedules',
      'deletions',
      'reports',
      'requests',
      'faults',
      'webhooks',
      'inspectionRefusals',
    ]) {
      state[k].length = 0;
    }
  }

  function issueToken() {
    const access_token = randomBytes(20).toString('hex');
    const now = nowSec();
    const expired_at = now + tokenTtlSec;
    state.tokens.set(access_token, expired_at);
    return { access_token, now, expired_at };
  }

  function snapshot() {
    return {
      payments: [...state.payments.values()],
      billingKeys: [...state.billingKeys.values()],
      schedules: state.schedules,
      cancellations: state.cancellations,
      agains: state.agains,
      unschedules: state.unschedules,
      deletions: state.deletions,
      reports: state.reports,
      requests: state.requests,
      prepared: [...state.prepared.values()],
      webhooks: state.webhooks,
      inspectionRefusals: state.inspectionRefusals,
      inspection,
      tokens: state.tokens.size,
    };
  }

  function authorized(req) {
    const h = req.headers.authorization;
    if (typeof h !== 'string') return false;
    const token = h.replace(/^Bearer\s+/i, '').trim();
    const exp = state.tokens.get(token);
    return exp !== undefined && exp > nowSec();
  }

  function findByMerchantUid(merchantUid) {
    let found = null;
    for (const p of state.payments.values()) if (p.merchant_uid === merchantUid) found = p; // the latest wins
    return found;
  }

  function storePayment(input) {
    const annotation = paymentAnnotation(input);
    state.payments.set(annotation.imp_uid, annotation);
    return annotation;
  }

  function registerBillingKey(input) {
    const record = {
      customer_uid: input.customer_uid,
      pg_provider: input.pg_provider ?? 'naverpay',
      pg_id: input.pg_id ?? null,
      card_code: null,
      card_name: null,
      card_number: null,
      card_type: null,
      customer_name: input.buyer_name ?? null,
      customer_tel: input.buyer_tel ?? null,
      customer_email: input.buyer_email ?? null,
      customer_addr: input.buyer_addr ?? null,
      customer_postcode: input.buyer_postcode ?? null,
      naverProductCode: input.naverProductCode ?? null,
      inserted: input.paid_at ?? nowSec(),
      updated: nowSec(),
      imp_uid: input.imp_uid ?? null,
    };
    state.billingKeys.set(record.customer_uid, record);
    return record;
  }

  const ok = (response) => [200, { code: 0, message: null, response }];
  const refuse = (message, status = 200) => [status, { code: 1, message, response: null }];

  const routes = {
    ...prepareRoutes(),
    'POST /users/getToken': ({ body }) => {
      if (!body.imp_key || !body.imp_secret)
        return [401, { code: -1, message: MESSAGES.credentialsMissing, response: null }];
      if (body.imp_key !== impKey || body.imp_secret !== impSecret) {
        return [401, { code: -1, message: MESSAGES.credentialsWrong, response: null }];
      }
      return ok(issueToken());
    },

    'GET /payments/find/:merchant_uid': ({ params }) => {
      const p = findByMerchantUid(params.merchant_uid);
      return p ? ok(p) : refuse(MESSAGES.paymentNotFound, 404);
    },

    'GET /payments/:imp_uid': ({ params }) => {
      const p = state.payments.get(params.imp_uid);
      return p ? ok(p) : refuse(MESSAGES.paymentNotFound, 404);
    },

    'POST /payments/cancel': ({ body }) => {
      const reason = body.reason;
      const extra = body.extra && typeof body.extra === 'object' ? body.extra : {};
      const attempt = {
        imp_uid: body.imp_uid ?? null,
        merchant_uid: body.merchant_uid ?? null,
        amount: body.amount ?? null,
        reason: reason ?? null,
        requester: extra.requester ?? null,
        body,
        accepted: false,
        at: nowSec(),
      };
      state.cancellations.push(attempt);
      if (!body.imp_uid && !body.merchant_uid) return refuse(MESSAGES.cancelTargetMissing);
      if (typeof reason !== 'string' || reason.trim() === '') return refuse(MESSAGES.cancelReasonRequired);
      const payment = body.imp_uid ? state.payments.get(body.imp_uid) : findByMerchantUid(body.merchant_uid);
      if (!payment) return refuse(MESSAGES.paymentNotFound);
      if (payment.status === 'cancelled') return refuse(MESSAGES.alreadyCancelled);
      if (payment.status !== 'paid') return refuse(MESSAGES.cancelNotPaid);
      const remaining = payment.amount - payment.cancel_amount;
      let amount = remaining;
      if (body.amount !== undefined && body.amount !== null && body.amount !== '') {
        amount = toNumber(body.amount);
        if (!Number.isInteger(amount) || amount < 0) return refuse(MESSAGES.cancelAmountInvalid);
        if (amount === 0) amount = remaining; // the schema: 0 (or none) refunds the whole balance
        if (amount > remaining) return refuse(MESSAGES.cancelAmountExceeds);
      }
      if (
        body.checksum !== undefined &&
        body.checksum !== null &&
        body.checksum !== '' &&
        toNumber(body.checksum) !== remaining
      ) {
        return refuse(MESSAGES.checksumMismatch);
      }
      const at = nowSec();
      const pgTid = payment.pg_tid ?? `NPC${digits(12)}`;
      payment.cancel_amount += amount;
      payment.cancel_history.push({
        pg_tid: pgTid,
        amount,
        cancelled_at: at,
        reason,
        cancellation_id: `cancel_${digits(10)}`,
        receipt_url: payment.receipt_url,
      });
      payment.cancel_receipt_urls.push(payment.receipt_url);
      payment.cancel_reason = reason;
      payment.cancelled_at = at;
      if (payment.cancel_amount >= payment.amount) payment.status = 'cancelled';
      attempt.accepted = true;
      attempt.amount = amount;
      attempt.imp_uid = payment.imp_uid;
      return ok(payment);
    },

    'POST /subscribe/payments/again': ({ body }) => {
      const record = { body, accepted: false, at: nowSec() };
      state.agains.push(record);
      if (!body.customer_uid) return refuse(MESSAGES.customerUidRequired);
      const key = state.billingKeys.get(body.customer_uid);
      if (!key) return refuse(MESSAGES.billingKeyNotFound);
      if (!body.merchant_uid) return refuse(MESSAGES.merchantUidRequired);
      const used = findByMerchantUid(body.merchant_uid);
      if (used && used.status === 'paid') return refuse(MESSAGES.merchantUidUsed);
      const amount = toNumber(body.amount);
      if (!Number.isFinite(amount) || amount <= 0) return refuse(MESSAGES.amountInvalid);
      if (typeof body.name !== 'string' || body.name === '') return refuse(MESSAGES.nameRequired);
      const payment = storePayment({
        imp_uid: `imp_${digits(12)}`,
        merchant_uid: body.merchant_uid,
        pay_method: 'card',
        pg_provider: key.pg_provider,
        pg_tid: `NPA${digits(14)}`,
        name: body.name,
        amount,
        status: 'paid',
        paid_at: nowSec(),
        customer_uid: body.customer_uid,
        customer_uid_usage: 'payment',
        buyer_name: body.buyer_name ?? key.customer_name,
        buyer_email: body.buyer_email ?? key.customer_email,
        buyer_tel: body.buyer_tel ?? key.customer_tel,
        custom_data: body.custom_data,
      });
      payment.tax_free = body.tax_free === undefined ? 0 : toNumber(body.tax_free);
      payment.extra = body.extra ?? null;
      record.accepted = true;
      record.imp_uid = payment.imp_uid;
      return ok(payment);
    },

    'POST /subscribe/payments/schedule': ({ body }) => {
      const record = { body, accepted: false, at: nowSec(), schedules: [] };
      if (!body.customer_uid) {
        state.schedules.push(record);
        return refuse(MESSAGES.customerUidRequired);
      }
      if (!state.billingKeys.has(body.customer_uid)) {
        state.schedules.push(record);
        return refuse(MESSAGES.billingKeyNotFound);
      }
      const schedules = Array.isArray(body.schedules) ? body.schedules : [];
      state.schedules.push(record);
      if (schedules.length === 0) return refuse(MESSAGES.schedulesRequired);
      const seen = new Set();
      const now = nowSec();
      for (const s of schedules) {
        if (!s || !s.merchant_uid) return refuse(MESSAGES.merchantUidRequired);
        if (seen.has(s.merchant_uid)) return refuse(MESSAGES.scheduleDuplicate);
        seen.add(s.merchant_uid);
        const at = toNumber(s.schedule_at);
        if (!Number.isInteger(at) || at <= now) return refuse(MESSAGES.scheduleAtInvalid);
        const amount = toNumber(s.amount);
        if (!Number.isFinite(amount) || amount <= 0) return refuse(MESSAGES.amountInvalid);
      }
      const response = schedules.map((s) => ({
        customer_uid: body.customer_uid,
        merchant_uid: s.merchant_uid,
        schedule_at: toNumber(s.schedule_at),
        amount: toNumber(s.amount),
        name: s.name ?? null,
        extra: s.extra ?? null,
        schedule_status: 'scheduled',
        payment_status: null,
        imp_uid: null,
        buyer_name: s.buyer_name ?? null,
        buyer_tel: s.buyer_tel ?? null,
        buyer_email: s.buyer_email ?? null,
        custom_data: s.custom_data ?? null,
      }));
      record.accepted = true;
      record.schedules = response;
      return ok(response);
    },

    'GET /subscribe/customers/:customer_uid': ({ params }) => {
      const key = state.billingKeys.get(params.customer_uid);
      return key ? ok(key) : refuse(MESSAGES.billingKeyNotFound, 404);
    },

    // Revokes the scheduled payments of customer_uid, of the orders in merchant_uid, or of both.
    'POST /subscribe/payments/unschedule': ({ body }) => {
      const record = { body, accepted: false, at: nowSec(), revoked: [] };
      state.unschedules.push(record);
      const customerUid = body.customer_uid || null;
      const raw = body.merchant_uid;
      const uids =
        raw === undefined || raw === null || raw === '' ? null : (Array.isArray(raw) ? raw : [raw]).map(String);
      if (!customerUid && !uids) return refuse(MESSAGES.unscheduleTargetMissing);
      const revoked = [];
      for (const call of state.schedules) {
        for (const s of call.schedules) {
          if (s.schedule_status !== 'scheduled') continue;
          if (customerUid && s.customer_uid !== customerUid) continue;
          if (uids && !uids.includes(s.merchant_uid)) continue;
          s.schedule_status = 'revoked';
          s.revoked_at = nowSec();
          revoked.push(s);
        }
      }
      if (revoked.length === 0) return refuse(MESSAGES.unscheduleNothing);
      record.accepted = true;
      record.revoked = revoked.map((s) => s.merchant_uid);
      return ok(revoked);
    },

    // Deletes a billing key. PortOne takes reason and extra[requester] in the query (a JSON body is read too);
    // for a Naver Pay key both are required, as the V1 Naver Pay page says its inspection checks.
    'DELETE /subscribe/customers/:customer_uid': ({ params, body, query }) => {
      const input = { ...(body && typeof body === 'object' ? body : {}), ...query };
      const extra = input.extra && typeof input.extra === 'object' ? input.extra : {};
      const record = {
        customer_uid: params.customer_uid,
        reason: input.reason ?? null,
        requester: extra.requester ?? null,
        accepted: false,
        at: nowSec(),
      };
      state.deletions.push(record);
      const key = state.billingKeys.get(params.customer_uid);
      if (!key) return refuse(MESSAGES.billingKeyNotFound, 404);
      if (key.pg_provider === 'naverpay') {
        if (typeof input.reason !== 'string' || input.reason.trim() === '')
          return refuse(MESSAGES.deleteReasonRequired);
        if (extra.requester !== 'customer' && extra.requester !== 'admin') return refuse(MESSAGES.requesterRequired);
      }
      state.billingKeys.delete(params.customer_uid);
      for (const call of state.schedules) {
        for (const s of call.schedules) {
          if (s.customer_uid === params.customer_uid && s.schedule_status === 'scheduled')
            s.schedule_status = 'revoked';
        }
      }
      record.accepted = true;
      return ok({ ...key, deleted: nowSec() });
    },
  };

  const simRoutes = {
    'POST /__sim/payments': ({ body }) => {
      const list = Array.isArray(body) ? body : [body];
      const stored = [];
      for (const rec of list) {
        if (!rec || typeof rec !== 'object' || typeof rec.imp_uid !== 'string') continue;
        state.reports.push(rec);
        const payment = storePayment({
          ...blockUnprepared(rec),
          customer_uid_usage: rec.customer_uid ? (rec.kind === 'billing_key' ? 'issue' : 'payment') : null,
        });
        if (rec.customer_uid && rec.kind === 'billing_key' && rec.status === 'paid') registerBillingKey(rec);
        stored.push(payment);
      }
      return ok(stored);
    },
    'GET /__sim/state': () => ok(snapshot()),
    'POST /__sim/faults': ({ body }) => ok(scriptFault(body)),
    'POST /__sim/webhooks': async ({ body }) => ok(await sendWebhook(body)),
    'POST /__sim/reset': () => {
      reset();
      return ok(null);
    },
    'POST /__sim/inspection': ({ body }) => {
      inspection = body.on === false ? null : inspectionMode({ naverUseCfm: body.naverUseCfm === true });
      return ok(inspection);
    },
  };

  function match(table, method, path) {
    for (const [key, fn] of Object.entries(table)) {
      const [m, pattern] = key.split(' ');
      if (m !== method) continue;
      const names = [];
      const re = new RegExp('^' + pattern.replace(/:([a-z_]+)/g, (_, n) => (names.push(n), '([^/]+)')) + '$');
      const hit = re.exec(path);
      if (!hit) continue;
      const params = {};
      names.forEach((n, i) => {
        try {
          params[n] = decodeURIComponent(hit[i + 1]);
        } catch {
          params[n] = hit[i + 1];
        }
      });
      return { fn, params };
    }
    return null;
  }

  function reply(res, status, payload, extraHeaders = {}) {
    res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...extraHeaders });
    res.end(JSON.stringify(payload));
  }

  const CORS = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  };

  function handle(req, res) {
    let url;
    try {
      url = new URL(req.url, 'http://127.0.0.1');
    } catch {
      // A request line that is no URL (`GET //[ HTTP/1.1`) is nobody's route: answered, never thrown.
      reply(res, 400, { code: -1, message: MESSAGES.badUrl, response: null });
      return true;
    }
    let path = url.pathname;
    if (prefix) {
      if (path !== prefix && !path.startsWith(prefix + '/')) return false;
      path = path.slice(prefix.length) || '/';
    }
    const method = req.method.toUpperCase();
    const isSim = path.startsWith('/__sim/');
    if (isSim && method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return true;
    }
    const sim = isSim ? match(simRoutes, method, path) : null;
    const api = sim ? null : match(routes, method, path);
    if (!sim && !api) {
      if (!prefix) return false; // let the host server try its own routes
      reply(res, 404, { code: -1, message: MESSAGES.notFound, response: null }, isSim ? CORS : {});
      return true;
    }
    (async () => {
      const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      // The token is checked before the body is parsed: an unauthorised request costs a read, no
      // more, and is recorded with its body as text.
      const needsAuth = !sim && path !== '/users/getToken';
      const auth = needsAuth ? authorized(req) : null;
      let body = text;
      if (!needsAuth || auth) {
        try {
          body = parseBody(text, req.headers['content-type']);
        } catch {
          state.requests.push({ method, path, body: text, authorized: null });
          return reply(res, 400, { code: -1, message: MESSAGES.badBody, response: null }, isSim ? CORS : {});
        }
      }
      if (sim) return reply(res, ...(await sim.fn({ body, params: sim.params })), CORS);
      state.requests.push({ method, path, body, authorized: auth });
      const fault = takeFault(method, path);
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
      else if (fault) return answerFault(fault, res);
      if (needsAuth && !auth) return reply(res, 401, { code: -1, message: MESSAGES.unauthorized, response: null });
      const query = parseForm(url.search.slice(1));
      const refusal =
        inspection &&
        inspectionRefusal(inspection, method, path, { ...(body && typeof body === 'object' ? body : {}), ...query });
      if (refusal) {
        state.inspectionRefusals.push({ method, path, ...refusal, body, at: nowSec() });
        return reply(res, 200, { code: 1, message: refusal.message, response: null });
      }
      return reply(res, ...api.fn({ body, params: api.params, query }));
    })().catch((err) => {
      if (!res.headersSent) reply(res, 500, { code: -1, message: String(err?.message ?? err), response: null });
      else res.destroy();
    });
    return true;
  }

  // ---- amount pre-registration (POST /payments/prepare) ------------------------------------

  /** PortOne V1's prepare API: POST registers (or, for a known merchant_uid, refuses), GET reads it back. */
  function prepareRoutes() {
    return {
      'POST /payments/prepare': ({ body }) => {
        const merchantUid = typeof body.merchant_uid === 'string' ? body.merchant_uid : '';
        if (merchantUid === '') return refuse(MESSAGES.merchantUidRequired);
        const amount = toNumber(body.amount);
        if (!Number.isFinite(amount) || amount < 0) return refuse(MESSAGES.amountInvalid);
        if (state.prepared.has(merchantUid)) return refuse(MESSAGES.alreadyPrepared);
        const record = { merchant_uid: merchantUid, amount, currency: body.currency ?? null };
        state.prepared.set(merchantUid, record);
        return ok(record);
      },
      'GET /payments/prepare/:merchant_uid': ({ params }) => {
        const record = state.prepared.get(params.merchant_uid);
        return record ? ok(record) : refuse(MESSAGES.notPrepared, 404);
      },
    };
  }

  /** A reported payment for a prepared merchant_uid with another amount: PortOne stops it, so it is failed. */
  function blockUnprepared(rec) {
    const prepared = rec.merchant_uid == null ? undefined : state.prepared.get(rec.merchant_uid);
    if (!prepared || rec.status !== 'paid' || toNumber(rec.amount) === prepared.amount) return rec;
    return { ...rec, status: 'failed', fail_reason: MESSAGES.preparedAmountMismatch };
  }

  // ---- scripted faults (faultScript, shared with sim/rest-v2.mjs) ----------------------------

  const { scriptFault, takeFault, answerFault } = faultScript(state.faults, {
    status: (fault) => [fault.status ?? 500, { code: -1, message: fault.message, response: null }],
    refused: (fault) => [200, { code: 1, message: fault.message, response: null }],
    truncated: '{"code":0,"message":null,"response":{"imp_uid":"imp_0000000000',
    huge: () => `{"code":0,"message":null,"response":"${'x'.repeat(10 * 1024 * 1024)}"}`,
  });

  // ---- webhooks ----------------------------------------------------------------------------

  /**
   * Posts payment `imp_uid`'s webhook to `url` (default: the `notice_url` its report to /__sim/payments carried) `times` times (default 1),
   * as PortOne V1 does: { imp_uid, merchant_uid, status } (and `cancellation_id` after a cancel), as JSON or, with
   * `contentType: 'form'`, application/x-www-form-urlencoded. Each delivery is recorded in `state.webhooks`.
   * @returns the deliveries: { url, body, status } (status null when the request failed)
   */
  async function sendWebhook({ imp_uid, url, times = 1, contentType = 'json' } = {}) {
    const payment = state.payments.get(imp_uid);
    const target = url ?? state.reports.findLast((r) => r.imp_uid === imp_uid)?.notice_url;
    if (!payment || typeof target !== 'string') throw new TypeError('sendWebhook needs a known imp_uid and a url');
    const notice = { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: payment.status };
    const lastCancel = payment.cancel_history.at(-1);
    if (payment.status === 'cancelled' && lastCancel) notice.cancellation_id = lastCancel.cancellation_id;
    const body = contentType === 'form' ? new URLSearchParams(notice).toString() : JSON.stringify(notice);
    const type = contentType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
    const deliveries = [];
    for (let i = 0; i < times; i++) {
      let status = null;
      try {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'Content-Type': type },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        /* recorded as status null: PortOne would retry later */
      }
      const delivery = { url: target, body: notice, status };
      state.webhooks.push(delivery);
      deliveries.push(delivery);
    }
    return deliveries;
  }

  return {
    handle,
    state,
    prefix,
    reset,
    issueToken,
    snapshot,
    impKey,
    impSecret,
    scriptFault,
    sendWebhook,
    /** Inspection mode on ({ naverUseCfm }) or off (null). */
    setInspection(option) {
      inspection = inspectionMode(option);
    },
  };
}

/**
 * Scripted faults for a REST simulator: `faults` is the simulator's state array (consumed in order), `bodies` its
 * API's own answers for the kinds that carry one. The next `times` (default 1) API calls matching `method` (any when
 * absent) and `path` (a prefix of the path after the simulator's prefix, e.g. '/payments/') answer with a fault
 * instead of PortOne's answer:
 *   slow       the real answer after `delayMs` (default 2000)
 *   hang       nothing at all, ever (the connection stays open until the server closes)
 *   status     bodies.status(fault): [HTTP status (`status`), the API's error body with `message`]
 *   html       HTTP `status` (default 502) with an HTML error page, as a proxy in front of an API answers
 *   garbage    HTTP 200 with bytes that are not JSON
 *   truncated  HTTP 200 with the API's JSON cut in the middle (bodies.truncated)
 *   refused    bodies.refused(fault): PortOne's business refusal, `message` as given
 *   huge       HTTP 200 with a 10 MB body (bodies.huge())
 */
export function faultScript(faults, bodies) {
  const kinds = ['slow', 'hang', 'status', 'html', 'garbage', 'truncated', 'refused', 'huge'];

  /** Stores `fault` ({ kind, method?, path?, times?, status?, message?, type?, delayMs? }); returns it as stored. */
  function scriptFault(fault) {
    if (!fault || !kinds.includes(fault.kind)) throw new TypeError(`a fault's kind is one of ${kinds.join(', ')}`);
    const stored = {
      method: fault.method ?? null,
      path: fault.path ?? '/',
      times: fault.times ?? 1,
      kind: fault.kind,
      status: fault.status ?? null,
      message: fault.message ?? 'Internal Server Error',
      type: fault.type ?? null,
      delayMs: fault.delayMs ?? 2000,
      hit: 0,
    };
    faults.push(stored);
    return stored;
  }

  /** The first scripted fault matching the call, counted as used; `undefined` when none. */
  function takeFault(method, path) {
    const fault = faults.find((f) => f.hit < f.times && (!f.method || f.method === method) && path.startsWith(f.path));
    if (fault) fault.hit += 1;
    return fault;
  }

  /** Answers the call with `fault` (any kind but slow, which only delays the real answer). */
  function answerFault(fault, res) {
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    const sendJson = ([status, body]) => send(status, JSON_TYPE, JSON.stringify(body));
    switch (fault.kind) {
      case 'hang':
        return;
      case 'status':
        return sendJson(bodies.status(fault));
      case 'html':
        send(
          fault.status ?? 502,
          'text/html; charset=utf-8',
          '<html><head><title>502 Bad Gateway</title></head><body>' +
            '<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
        );
        return;
      case 'garbage':
        send(200, JSON_TYPE, Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0x63, 0x9c, 0x01]));
        return;
      case 'truncated':
        send(200, JSON_TYPE, bodies.truncated);
        return;
      case 'refused':
        return sendJson(bodies.refused(fault));
      case 'huge':
        send(200, JSON_TYPE, bodies.huge());
        return;
    }
  }

  return { scriptFault, takeFault, answerFault };
}
