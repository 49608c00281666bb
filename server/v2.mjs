// PortOne V2's REST API for the merchant's server (portone-io/developers.portone.io af926bd2:
// src/schema/v2.openapi.yml; webhooks: opi/ko/integration/webhook/readme-v2.mdx), verify-first like the V1 client:
//
//   const portone = createPortOneV2Client({ apiSecret: process.env.PORTONE_API_SECRET });
//   const { verdict } = await portone.verifyPayment({ paymentId, amount: order.amount }, { onMismatch: 'cancel' });
//   // with the order's lines too (PaidPayment.products: what the page sent as requestPayment's `products`):
//   await portone.verifyPayment({ paymentId, amount, products: [{ id, amount: unitPrice, quantity }] }, …);
//
// Authorization is `PortOne <API secret>` on every call (no token). Webhooks are signed (Standard Webhooks:
// HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}` with the base64 key after `whsec_`, v1 signatures,
// five minutes of tolerance), checked with WebCrypto, so any runtime with `crypto.subtle` works.
import { NaverPayError } from '../pkg/node/naverpay_checkout.js';
import { createTransport, noAnswerError, PortOneApiError, sleep } from './http.mjs';
import { amountLike, invalid, nonEmptyString, requireString, transportOptions } from './options.mjs';
import { decideV2, mayRetry, readEnvelopeV2 } from './rules.mjs';

/** PortOne V2's REST base URL. */
export const API_URL_V2 = 'https://api.portone.io';

const BACKOFF_MS = 200;
const MISMATCH_REASON = '결제 금액 불일치: 위변조가 의심되어 자동 취소';
const PRODUCTS_MISMATCH_REASON = '주문 상품 불일치: 위변조가 의심되어 자동 취소';
const REQUESTERS = ['CUSTOMER', 'ADMIN'];
/** Standard Webhooks' default tolerance, which PortOne's SDK uses too. */
const WEBHOOK_TOLERANCE_SEC = 5 * 60;
const MAX_WEBHOOK_BYTES = 64 * 1024;

function requireRequester(v, field = 'requester') {
  if (!REQUESTERS.includes(v)) throw invalid(field, 'CUSTOMER 또는 ADMIN이어야 합니다.');
}

function requireReason(v) {
  if (typeof v !== 'string' || v.trim() === '') throw invalid('reason', '비어 있지 않은 취소/삭제 사유가 필요합니다.');
}

/**
 * A client of PortOne V2's REST API.
 * @param {{ apiSecret: string, storeId?: string, webhookSecret?: string, fetch?: typeof fetch, baseUrl?: string,
 *           timeoutMs?: number, retries?: number }} options
 */
export function createPortOneV2Client(options) {
  const { apiSecret, storeId, webhookSecret } = options ?? {};
  // The secrets' values are never part of a message.
  if (!nonEmptyString(apiSecret)) throw invalid('apiSecret', '필수 항목입니다. (V2 API secret)');
  if (storeId !== undefined) requireString(storeId, 'storeId');
  if (webhookSecret !== undefined && !nonEmptyString(webhookSecret))
    throw invalid('webhookSecret', '비어 있지 않은 문자열이어야 합니다.');
  const { fetch, base, timeoutMs, retries } = transportOptions(options, API_URL_V2);
  const { attempt } = createTransport({ fetch, base, timeoutMs });
  const withStore = (json) => (storeId === undefined ? json : { storeId, ...json });
  const storeQuery = (pairs = []) => {
    const all = storeId === undefined ? pairs : [['storeId', storeId], ...pairs];
    return all.length ? new URLSearchParams(all).toString() : undefined;
  };

  /** Resolves PortOne's answer; rejects with PortOneApiError. Retries as V1 does (mayRetry). */
  async function call(method, path, { json, query, idempotent = method === 'GET' } = {}) {
    for (let tries = 0; ; tries++) {
      const answer = await attempt(method, path, { query, json, headers: { Authorization: `PortOne ${apiSecret}` } });
      const status = answer.failure ? null : answer.status;
      const envelope = answer.failure ? null : readEnvelopeV2(answer.status, answer.parsed, answer.body);
      if (envelope?.kind === 'ok') return envelope.response;
      const success = status !== null && status >= 200 && status < 300;
      if (answer.failure !== 'TOO_LARGE' && !success && tries < retries && mayRetry(idempotent, status)) {
        await sleep(BACKOFF_MS * 2 ** tries);
        continue;
      }
      const none = noAnswerError(answer, path, timeoutMs);
      if (none) throw none;
      if (envelope.kind === 'refused') {
        throw new PortOneApiError({ code: envelope.code, message: envelope.message ?? '', status, path });
      }
      throw new PortOneApiError({
        code: status === 401 ? 'UNAUTHORIZED' : 'BAD_RESPONSE',
        message: `PortOne의 응답(HTTP ${status})을 해석할 수 없습니다.`,
        status,
        path,
      });
    }
  }

  const paymentPath = (paymentId, tail = '') => `/payments/${encodeURIComponent(paymentId)}${tail}`;

  async function lookUp(paymentId) {
    try {
      return { payment: await call('GET', paymentPath(paymentId), { query: storeQuery() }) };
    } catch (error) {
      if (!(error instanceof PortOneApiError)) throw error;
      return { verdict: error.code === 'PAYMENT_NOT_FOUND' ? 'not_found' : 'unknown', error };
    }
  }

  async function verify(paymentId, amount, products, { onMismatch, reason } = {}) {
    const found = await lookUp(paymentId);
    const base = { paymentId, amount, paid_amount: null, status: null, cancelled: false, payment: null };
    if (!found.payment) return { ...base, verdict: found.verdict, error: found.error };
    const payment = found.payment;
    let { verdict, cancel } = decideV2(payment, paymentId, amount);
    // The order's amount may still carry other lines (a count raised at the same total): judged as an amount is.
    const amountMatched = verdict === 'paid' || verdict === 'not_paid';
    if (amountMatched && products !== undefined && !sameProducts(payment.products, products)) {
      cancel = verdict === 'paid';
      verdict = 'products_mismatch';
    }
    const total = payment.amount?.total;
    const result = {
      ...base,
      verdict,
      payment,
      paid_amount: typeof total === 'number' ? total : null,
      status: typeof payment.status === 'string' ? payment.status : null,
      cancelled: payment.status === 'CANCELLED',
    };
    if (!cancel || onMismatch !== 'cancel') return result;
    // Keyed by the cancellable balance: a second cancel of the same payment is refused by PortOne.
    const cancellable = total - (typeof payment.amount?.cancelled === 'number' ? payment.amount.cancelled : 0);
    try {
      const why = reason ?? (verdict === 'products_mismatch' ? PRODUCTS_MISMATCH_REASON : MISMATCH_REASON);
      await call('POST', paymentPath(paymentId, '/cancel'), {
        json: withStore({ reason: why, requester: 'ADMIN', currentCancellableAmount: cancellable }),
      });
    } catch (error) {
      if (!(error instanceof PortOneApiError)) throw error;
      result.error = error; // another instance may have cancelled it: PortOne's state says, below
    }
    const now = (await lookUp(paymentId)).payment ?? payment;
    return { ...result, payment: now, status: now.status ?? result.status, cancelled: now.status === 'CANCELLED' };
  }

  /** The webhook as PortOne signed it, parsed; NaverPayError INVALID_PARAMS when it is not. */
  async function verifyWebhook(body, headers, { now = Date.now() } = {}) {
    if (!nonEmptyString(webhookSecret)) throw invalid('webhookSecret', '웹훅을 검증하려면 webhookSecret이 필요합니다.');
    const text =
      typeof body === 'string'
        ? body
        : ArrayBuffer.isView(body) || body instanceof ArrayBuffer
          ? new TextDecoder().decode(body)
          : null;
    if (text === null)
      throw invalid('body', '받은 그대로의 본문(문자열 또는 바이트)이어야 합니다. 파싱된 객체는 검증할 수 없습니다.');
    const refuse = (code, field, message) =>
      new NaverPayError('INVALID_PARAMS', '웹훅을 검증할 수 없습니다.', undefined, [
        { code, field, message: `${field}: ${message}` },
      ]);
    if (text.length > MAX_WEBHOOK_BYTES)
      throw refuse('LIMIT_EXCEEDED', 'body', `${MAX_WEBHOOK_BYTES}바이트 이하여야 합니다.`);
    const id = header(headers, 'webhook-id');
    const timestamp = header(headers, 'webhook-timestamp');
    const signatures = header(headers, 'webhook-signature');
    for (const [name, value] of [
      ['webhook-id', id],
      ['webhook-timestamp', timestamp],
      ['webhook-signature', signatures],
    ]) {
      if (!value) throw refuse('REQUIRED', name, '필수 헤더입니다.');
    }
    const sentAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
    if (!(Math.abs(now / 1000 - sentAt) <= WEBHOOK_TOLERANCE_SEC)) {
      throw refuse('OUT_OF_RANGE', 'webhook-timestamp', `지금으로부터 ${WEBHOOK_TOLERANCE_SEC}초 안이어야 합니다.`);
    }
    const expected = await hmac(webhookSecret, `${id}.${timestamp}.${text}`);
    const matched = signatures.split(' ').some((entry) => {
      const [version, signature] = entry.split(',');
      return version === 'v1' && typeof signature === 'string' && constantTimeEqual(signature, expected);
    });
    if (!matched) throw refuse('INVALID_FORMAT', 'webhook-signature', '일치하는 서명이 없습니다.');
    try {
      return JSON.parse(text);
    } catch {
      throw refuse('INVALID_FORMAT', 'body', 'JSON이 아닙니다.');
    }
  }

  return Object.freeze({
    /** GET /payments/{paymentId}. */
    getPayment(paymentId) {
      requireString(paymentId, 'paymentId');
      return call('GET', paymentPath(paymentId), { query: storeQuery() });
    },
    /**
     * The payment judged against your order: the verdicts of the V1 client (no merchant_uid_mismatch: the id is the
     * order's), and, with `products`, `products_mismatch` for the order's amount with lines that are not the
     * order's (cancelled, as an amount mismatch is, only while PAID).
     */
    async verifyPayment({ paymentId, amount, products } = {}, verifyOptions) {
      requireString(paymentId, 'paymentId');
      if (!amountLike(amount)) throw invalid('amount', '0 이상의 숫자여야 합니다. (서버가 기록한 주문 금액)');
      if (products !== undefined) checkOrderProducts(products);
      return verify(paymentId, amount, products, verifyOptions);
    },
    verifyWebhook,
    /**
     * A signed webhook: verified, then, when it names a payment, the payment looked up and judged against
     * `orderAmount(paymentId)` and, when given, `orderProducts(paymentId)` (the order's lines, as verifyPayment's
     * `products`). `verdict` is null for events without a payment, or for an order you do not have.
     */
    async handleWebhook(body, headers, { orderAmount, orderProducts, ...verifyOptions } = {}) {
      if (typeof orderAmount !== 'function') throw invalid('orderAmount', '주문 금액을 돌려주는 함수여야 합니다.');
      if (orderProducts !== undefined && typeof orderProducts !== 'function')
        throw invalid('orderProducts', '주문 상품(id, amount, quantity)을 돌려주는 함수여야 합니다.');
      const webhook = await verifyWebhook(body, headers);
      const paymentId = webhook?.data?.paymentId;
      if (!nonEmptyString(paymentId)) return { webhook, verdict: null };
      const amount = await orderAmount(paymentId);
      if (amount === null || amount === undefined) return { webhook, verdict: null, paymentId };
      if (!amountLike(amount)) throw invalid('orderAmount', '0 이상의 숫자 또는 null을 돌려주어야 합니다.');
      const products = orderProducts ? await orderProducts(paymentId) : undefined;
      if (products !== undefined) checkOrderProducts(products);
      return { webhook, ...(await verify(paymentId, amount, products, verifyOptions)) };
    },
    /** POST /payments/{paymentId}/cancel, with `reason` and `requester` (CUSTOMER or ADMIN, default ADMIN). */
    cancelPayment({ paymentId, reason, requester = 'ADMIN', ...rest } = {}) {
      requireString(paymentId, 'paymentId');
      requireReason(reason);
      requireRequester(requester);
      return call('POST', paymentPath(paymentId, '/cancel'), { json: withStore({ ...rest, reason, requester }) });
    },
    /** POST /payments/{paymentId}/billing-key: a payment on a billing key. */
    payWithBillingKey({ paymentId, ...payment } = {}) {
      requireString(paymentId, 'paymentId');
      checkBillingKeyPayment(payment, '');
      return call('POST', paymentPath(paymentId, '/billing-key'), { json: withStore(payment) });
    },
    /** POST /payments/{paymentId}/schedule: `payment` charged at `timeToPay` (RFC 3339). */
    schedulePayment({ paymentId, payment, timeToPay } = {}) {
      requireString(paymentId, 'paymentId');
      checkBillingKeyPayment(payment, 'payment.');
      if (typeof timeToPay !== 'string' || Number.isNaN(Date.parse(timeToPay)))
        throw invalid('timeToPay', 'RFC 3339 시각이어야 합니다.');
      return call('POST', paymentPath(paymentId, '/schedule'), { json: { payment: withStore(payment), timeToPay } });
    },
    /** DELETE /payment-schedules: every schedule of `billingKey`, or those in `scheduleIds`. */
    revokePaymentSchedules({ billingKey, scheduleIds } = {}) {
      if (billingKey !== undefined) requireString(billingKey, 'billingKey');
      const ids = scheduleIds === undefined ? undefined : scheduleIds;
      if (ids !== undefined && (!Array.isArray(ids) || ids.length === 0 || !ids.every(nonEmptyString))) {
        throw invalid('scheduleIds', '비어 있지 않은 문자열의 배열이어야 합니다.');
      }
      if (billingKey === undefined && ids === undefined)
        throw invalid('billingKey', 'billingKey 또는 scheduleIds가 필요합니다.');
      // PortOne's schema takes this DELETE's body as the `requestBody` query parameter (no body on a DELETE).
      const requestBody = JSON.stringify(withStore({ billingKey, scheduleIds: ids }));
      return call('DELETE', '/payment-schedules', { query: new URLSearchParams({ requestBody }).toString() });
    },
    /** DELETE /billing-keys/{billingKey} with `reason` and `requester`, which Naver Pay's inspection checks. */
    deleteBillingKey({ billingKey, reason, requester } = {}) {
      requireString(billingKey, 'billingKey');
      requireReason(reason);
      requireRequester(requester);
      return call('DELETE', `/billing-keys/${encodeURIComponent(billingKey)}`, {
        query: storeQuery([
          ['reason', reason],
          ['requester', requester],
        ]),
      });
    },
    toString: () => `[PortOneV2Client ${base}]`,
  });
}

/** The order's lines as verifyPayment takes them: a non-empty array of { id, amount (unit price), quantity }. */
function checkOrderProducts(products) {
  if (!Array.isArray(products) || products.length === 0)
    throw invalid('products', '비어 있지 않은 배열이어야 합니다. (주문 상품: id, amount, quantity)');
  products.forEach((p, i) => {
    requireString(p?.id, `products[${i}].id`);
    if (!Number.isInteger(p.amount) || p.amount < 0)
      throw invalid(`products[${i}].amount`, '0 이상의 정수여야 합니다.');
    if (!Number.isInteger(p.quantity) || p.quantity <= 0)
      throw invalid(`products[${i}].quantity`, '양의 정수여야 합니다.');
  });
}

/**
 * Whether PortOne's `products` (PaidPayment.products: PaymentProduct's id, amount, quantity) are the order's lines,
 * in any order: missing or extra lines, another unit price or another quantity are a mismatch.
 */
function sameProducts(paid, ordered) {
  if (!Array.isArray(paid) || paid.length !== ordered.length) return false;
  const key = (p) => JSON.stringify([p?.id, p?.amount, p?.quantity]);
  const left = ordered.map(key);
  for (const p of paid) {
    const i = left.indexOf(key(p));
    if (i === -1) return false;
    left.splice(i, 1);
  }
  return true;
}

/** BillingKeyPaymentInput's required fields: billingKey, orderName, amount.total, currency. */
function checkBillingKeyPayment(payment, prefix) {
  if (payment === null || typeof payment !== 'object')
    throw invalid(prefix.slice(0, -1) || 'payment', '객체여야 합니다.');
  requireString(payment.billingKey, `${prefix}billingKey`);
  requireString(payment.orderName, `${prefix}orderName`);
  if (!Number.isInteger(payment.amount?.total) || payment.amount.total <= 0)
    throw invalid(`${prefix}amount.total`, '양의 정수여야 합니다.');
  requireString(payment.currency, `${prefix}currency`);
}

/** A header from a Headers object or a plain object (Node's req.headers), case-insensitive; one value only. */
function header(headers, name) {
  if (headers && typeof headers.get === 'function') return headers.get(name) ?? undefined;
  if (!headers || typeof headers !== 'object') return undefined;
  const found = Object.entries(headers)
    .filter(([k]) => k.toLowerCase() === name)
    .map(([, v]) => v);
  return found.length === 1 && typeof found[0] === 'string' ? found[0] : undefined;
}

/** Base64 HMAC-SHA256 of `message` under the Standard Webhooks secret (`whsec_` + base64 key, or the base64 key). */
async function hmac(secret, message) {
  const raw = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  let key;
  try {
    key = Uint8Array.from(atob(raw), (c) => c.charCodeAt(0));
  } catch {
    throw invalid('webhookSecret', 'whsec_로 시작하는 base64 문자열이어야 합니다.');
  }
  // Node 18 has WebCrypto's global only with --experimental-global-webcrypto; Node ≥ 19, Deno, Bun and edge runtimes have it.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new TypeError(
      'V2 웹훅 검증에는 WebCrypto(globalThis.crypto.subtle)가 필요합니다. ' +
        'Node 18에서는 --experimental-global-webcrypto로 실행하세요.',
    );
  }
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(message)));
  return btoa(String.fromCharCode(...signature));
}

function constantTimeEqual(a, b) {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= a.charCodeAt(i % (a.length || 1)) ^ b.charCodeAt(i);
  return diff === 0;
}
