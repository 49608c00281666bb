// naverpay-checkout/server: PortOne V1's REST API for the merchant's server (Node ≥ 18, Deno, Bun, edge functions:
// anything with `fetch`), verify-first. Never part of a browser entry: it holds the REST secret.
//
//   const portone = createPortOneClient({ apiKey: process.env.IMP_KEY, apiSecret: process.env.IMP_SECRET });
//   const result = await portone.verifyPayment({ imp_uid, merchant_uid, amount: order.amount }, { onMismatch: 'cancel' });
//   if (result.verdict === 'paid') markPaid(order);
//
// The rules (verdicts, envelope, token lifetime, retries, webhook body) are server/rules.mjs, checked row for row
// against the crate's src/server. The request bodies come from the package's builders, which validate before any
// request is sent.
import {
  NaverPayError,
  buildAgainPaymentBody,
  buildCancelPaymentBody,
  buildDeleteBillingKeyBody,
  buildSchedulePaymentBody,
  buildUnschedulePaymentBody,
} from '../pkg/node/naverpay_checkout.js';
import { createTransport, isPortOneApiError, noAnswerError, PortOneApiError, sleep } from './http.mjs';
import { amountLike, invalid, nonEmptyString, requireString, transportOptions } from './options.mjs';
import { decide, mayRetry, readEnvelope, readWebhook, tokenRefreshAt } from './rules.mjs';

/** PortOne V1's REST base URL. */
export const API_URL = 'https://api.iamport.kr';

/** A webhook notice is four short fields. */
const MAX_WEBHOOK_BYTES = 16 * 1024;
const BACKOFF_MS = 200;
const MISMATCH_REASON = '결제 금액 불일치: 위변조가 의심되어 자동 취소';

export { PortOneApiError, isPortOneApiError };

/**
 * A client of PortOne V1's REST API.
 * @param {{ apiKey: string, apiSecret: string, fetch?: typeof fetch, baseUrl?: string, timeoutMs?: number,
 *           retries?: number }} options
 */
export function createPortOneClient(options) {
  const { apiKey, apiSecret } = options ?? {};
  if (!nonEmptyString(apiKey)) throw invalid('apiKey', '필수 항목입니다. (REST API 키)');
  // The secret's value is never part of a message.
  if (!nonEmptyString(apiSecret)) throw invalid('apiSecret', '필수 항목입니다. (REST API secret)');
  const { fetch, base, timeoutMs, retries } = transportOptions(options, API_URL);
  const { attempt } = createTransport({ fetch, base, timeoutMs });
  let token = null; // { value, until } (local ms)
  let pendingToken = null;

  /**
   * Sends a request and resolves PortOne's `response`; rejects with a PortOneApiError. `idempotent` requests
   * (the token, lookups) are retried after no answer, 429 or 5xx; others only after 429 or 503.
   */
  async function call(method, path, { json, query, idempotent = method === 'GET', auth = true } = {}) {
    let refreshed = false;
    for (let tries = 0; ;) {
      const accessToken = auth ? await getToken() : null;
      const answer = await attempt(method, path, {
        query,
        json,
        headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
      });
      if (answer.failure === 'TOO_LARGE') throw noAnswerError(answer, path, timeoutMs);
      const status = answer.failure ? null : answer.status;
      const envelope = answer.failure ? null : readEnvelope(answer.status, answer.parsed, answer.body);
      if (envelope?.kind === 'ok') return envelope.response;
      if (envelope?.kind === 'unauthorized' && auth && !refreshed) {
        refreshed = true; // the token expired early or was revoked: once more with a new one
        if (token?.value === accessToken) token = null;
        continue;
      }
      const success = status !== null && status >= 200 && status < 300;
      if (!success && envelope?.kind !== 'unauthorized' && tries < retries && mayRetry(idempotent, status)) {
        tries += 1;
        await sleep(BACKOFF_MS * 2 ** (tries - 1));
        continue;
      }
      throw failure(answer, envelope, path);
    }
  }

  function failure(answer, envelope, path) {
    const none = noAnswerError(answer, path, timeoutMs);
    if (none) return none;
    const { status, body } = answer;
    if (envelope.kind === 'refused') {
      return new PortOneApiError({ code: envelope.code, message: envelope.message ?? '', status, path });
    }
    if (envelope.kind === 'unauthorized') {
      const message = answer.parsed && typeof body?.message === 'string' ? body.message : 'Unauthorized';
      const code = answer.parsed && Number.isInteger(body?.code) ? body.code : 'UNAUTHORIZED';
      return new PortOneApiError({ code, message, status, path });
    }
    return new PortOneApiError({
      code: 'BAD_RESPONSE',
      message: `PortOne의 응답(HTTP ${status})을 해석할 수 없습니다.`,
      status,
      path,
    });
  }

  /** The cached token, or one new token for every caller waiting at once. */
  function getToken() {
    if (token && Date.now() < token.until) return Promise.resolve(token.value);
    pendingToken ??= (async () => {
      try {
        const response = await call('POST', '/users/getToken', {
          json: { imp_key: apiKey, imp_secret: apiSecret },
          idempotent: true,
          auth: false,
        });
        const until = tokenRefreshAt(Date.now(), response?.now, response?.expired_at);
        const value = response?.access_token;
        if (!nonEmptyString(value) || until === null) {
          throw new PortOneApiError({
            code: 'BAD_RESPONSE',
            message: 'PortOne의 토큰 응답을 해석할 수 없습니다.',
            status: 200,
            path: '/users/getToken',
          });
        }
        token = { value, until };
        return value;
      } finally {
        pendingToken = null;
      }
    })();
    return pendingToken;
  }

  const segment = (v) => encodeURIComponent(v);

  /** The payment, or a verdict of not_found / unknown. */
  async function lookUp(impUid) {
    try {
      return { payment: await call('GET', `/payments/${segment(impUid)}`) };
    } catch (error) {
      if (!isPortOneApiError(error)) throw error;
      const notFound = error.status === 404 && typeof error.code === 'number';
      return { verdict: notFound ? 'not_found' : 'unknown', error };
    }
  }

  /** The verdict for a payment PortOne returned, cancelling a tampered one when asked to. */
  async function settle(payment, merchantUid, amount, { onMismatch, reason = MISMATCH_REASON } = {}) {
    const { verdict, cancel } = decide(payment, merchantUid, amount);
    const result = {
      verdict,
      imp_uid: payment?.imp_uid ?? null,
      merchant_uid: merchantUid,
      amount,
      paid_amount: typeof payment?.amount === 'number' ? payment.amount : null,
      status: typeof payment?.status === 'string' ? payment.status : null,
      cancelled: payment?.status === 'cancelled',
      payment,
    };
    if (!cancel || onMismatch !== 'cancel') return result;
    // Keyed by imp_uid and the cancellable balance: a second cancel of the same payment is refused by PortOne.
    const { json } = buildCancelPaymentBody({
      imp_uid: payment.imp_uid,
      reason,
      checksum: payment.amount - (typeof payment.cancel_amount === 'number' ? payment.cancel_amount : 0),
      extra: { requester: 'admin' },
    });
    try {
      const cancelled = await call('POST', '/payments/cancel', { json });
      return {
        ...result,
        status: cancelled?.status ?? 'cancelled',
        cancelled: cancelled?.status === 'cancelled',
        payment: cancelled ?? payment,
      };
    } catch (error) {
      if (!isPortOneApiError(error)) throw error;
      // Another instance may have cancelled it just now: PortOne's state says.
      const again = await lookUp(payment.imp_uid);
      const now = again.payment;
      return {
        ...result,
        status: now?.status ?? result.status,
        cancelled: now?.status === 'cancelled',
        payment: now ?? payment,
        error,
      };
    }
  }

  function checkOrder({ imp_uid, merchant_uid, amount } = {}) {
    requireString(imp_uid, 'imp_uid');
    requireString(merchant_uid, 'merchant_uid');
    if (!amountLike(amount)) throw invalid('amount', '0 이상의 숫자여야 합니다. (서버가 기록한 주문 금액)');
  }

  const client = {
    /** POST /payments/prepare: registers the order's amount before the payment window opens. */
    preparePayment({ merchant_uid, amount, currency } = {}) {
      requireString(merchant_uid, 'merchant_uid');
      if ([...merchant_uid].length > 40) throw invalid('merchant_uid', '40자 이하여야 합니다.');
      if (!amountLike(amount)) throw invalid('amount', '0 이상의 숫자여야 합니다.');
      if (currency !== undefined) requireString(currency, 'currency');
      const json = currency === undefined ? { merchant_uid, amount } : { merchant_uid, amount, currency };
      return call('POST', '/payments/prepare', { json });
    },
    /** GET /payments/prepare/{merchant_uid}: the registered amount. */
    getPreparedPayment(merchantUid) {
      requireString(merchantUid, 'merchant_uid');
      return call('GET', `/payments/prepare/${segment(merchantUid)}`);
    },
    /** GET /payments/{imp_uid}. */
    getPayment(impUid) {
      requireString(impUid, 'imp_uid');
      return call('GET', `/payments/${segment(impUid)}`);
    },
    /** GET /payments/find/{merchant_uid}: the latest payment of the order. */
    findPayment(merchantUid) {
      requireString(merchantUid, 'merchant_uid');
      return call('GET', `/payments/find/${segment(merchantUid)}`);
    },
    /**
     * Looks the payment up and compares it with the order your server recorded. Resolves a verdict, never rejects
     * for PortOne's faults (they are `unknown`, with `error`); rejects with NaverPayError for invalid input.
     */
    async verifyPayment(order, verifyOptions = {}) {
      checkOrder(order);
      const found = await lookUp(order.imp_uid);
      if (!found.payment) {
        return {
          verdict: found.verdict,
          imp_uid: order.imp_uid,
          merchant_uid: order.merchant_uid,
          amount: order.amount,
          paid_amount: null,
          status: null,
          cancelled: false,
          payment: null,
          error: found.error,
        };
      }
      return settle(found.payment, order.merchant_uid, order.amount, verifyOptions);
    },
    /**
     * A webhook notice as PortOne posted it (a JSON or form string, bytes, URLSearchParams or a parsed object):
     * checked, then the payment looked up again and judged against `orderAmount(merchant_uid)` (your order's amount,
     * or null/undefined when you have no such order). The same notice twice gives the same verdict and no second
     * cancel.
     */
    async handleWebhook(body, { orderAmount, ...verifyOptions } = {}) {
      if (typeof orderAmount !== 'function') throw invalid('orderAmount', '주문 금액을 돌려주는 함수여야 합니다.');
      const { notice, errors } = readWebhook(webhookObject(body));
      if (errors) throw new NaverPayError('INVALID_PARAMS', '웹훅 본문이 올바르지 않습니다.', undefined, errors);
      const found = await lookUp(notice.imp_uid);
      const base = {
        notice,
        imp_uid: notice.imp_uid,
        merchant_uid: notice.merchant_uid,
        amount: null,
        paid_amount: null,
        status: null,
        cancelled: false,
        payment: null,
      };
      if (!found.payment) return { ...base, verdict: found.verdict, error: found.error };
      const payment = found.payment;
      // The notice names another order than PortOne's record (forged or garbled): nothing is cancelled for it.
      const ownUid = typeof payment?.merchant_uid === 'string' ? payment.merchant_uid : null;
      const amount = ownUid === null || ownUid !== notice.merchant_uid ? null : await orderAmount(ownUid);
      if (amount === null || amount === undefined) {
        const verdict =
          decide(payment, notice.merchant_uid, NaN).verdict === 'unknown' ? 'unknown' : 'merchant_uid_mismatch';
        return { ...base, verdict, status: typeof payment?.status === 'string' ? payment.status : null, payment };
      }
      if (!amountLike(amount)) throw invalid('orderAmount', '0 이상의 숫자 또는 null을 돌려주어야 합니다.');
      return { notice, ...(await settle(payment, ownUid, amount, verifyOptions)) };
    },
    /** GET /subscribe/customers/{customer_uid}: the billing key, if registered. */
    getBillingKey(customerUid) {
      requireString(customerUid, 'customer_uid');
      return call('GET', `/subscribe/customers/${segment(customerUid)}`);
    },
    /** POST /payments/cancel with buildCancelPaymentBody's body (reason and extra.requester always sent). */
    cancelPayment(input, bodyOptions) {
      return call('POST', '/payments/cancel', { json: buildCancelPaymentBody(input, bodyOptions).json });
    },
    /** POST /subscribe/payments/again with buildAgainPaymentBody's body. */
    againPayment(input, bodyOptions) {
      return call('POST', '/subscribe/payments/again', { json: buildAgainPaymentBody(input, bodyOptions).json });
    },
    /** POST /subscribe/payments/schedule with buildSchedulePaymentBody's body. */
    schedulePayments(input, bodyOptions) {
      return call('POST', '/subscribe/payments/schedule', { json: buildSchedulePaymentBody(input, bodyOptions).json });
    },
    /** POST /subscribe/payments/unschedule with buildUnschedulePaymentBody's body. */
    unschedulePayments(input, bodyOptions) {
      return call('POST', '/subscribe/payments/unschedule', {
        json: buildUnschedulePaymentBody(input, bodyOptions).json,
      });
    },
    /** DELETE /subscribe/customers/{customer_uid} with reason and extra[requester] in the query. */
    deleteBillingKey(input, bodyOptions) {
      const { path, form } = buildDeleteBillingKeyBody(input, bodyOptions);
      return call('DELETE', path, { query: form });
    },
    toString: () => `[PortOneClient ${base}]`,
  };
  return Object.freeze(client);
}

/** The webhook body as an object: JSON when it looks like JSON, a form otherwise. */
function webhookObject(body) {
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  let text = body;
  if (body instanceof ArrayBuffer) text = new TextDecoder().decode(body);
  else if (ArrayBuffer.isView(body)) text = new TextDecoder().decode(body);
  if (typeof text !== 'string') return body;
  if (text.length > MAX_WEBHOOK_BYTES) {
    throw new NaverPayError('INVALID_PARAMS', '웹훅 본문이 너무 큽니다.', undefined, [
      { code: 'LIMIT_EXCEEDED', field: '', message: `${MAX_WEBHOOK_BYTES}바이트 이하여야 합니다.` },
    ]);
  }
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export { API_URL_V2, createPortOneV2Client } from './v2.mjs';
