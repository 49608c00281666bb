// The decisions of naverpay-checkout/server, as src/server (Rust) states them: the verdict for a payment, the
// reading of PortOne's { code, message, response } envelope, the token's lifetime, the retry rule and the webhook
// body check. tests/server.test.mjs runs every row of the Rust table (tests/fixtures/server-decisions.json)
// through these functions; docs/design.md says why they are JavaScript here and not wasm exports.

/** The statuses PortOne V1 documents for a payment (v1.openapi.yml, PaymentAnnotation.status). */
export const STATUSES = Object.freeze(['ready', 'paid', 'cancelled', 'failed']);

/** How long before PortOne's `expired_at` a cached token stops being used, in milliseconds. */
export const TOKEN_MARGIN_MS = 60_000;

/**
 * The verdict for `payment` (the `response` of GET /payments/{imp_uid}) against the order: `paid` only when PortOne
 * says paid for exactly `amount` and `merchantUid`; `cancel` only for an amount mismatch on a payment still paid.
 * @returns {{ verdict: 'paid' | 'amount_mismatch' | 'merchant_uid_mismatch' | 'not_paid' | 'unknown', cancel: boolean }}
 */
export function decide(payment, merchantUid, amount) {
  const unknown = { verdict: 'unknown', cancel: false };
  if (payment === null || typeof payment !== 'object' || Array.isArray(payment)) return unknown;
  const { merchant_uid: paidUid, status, amount: paid } = payment;
  if (typeof paidUid !== 'string' || typeof status !== 'string' || typeof paid !== 'number') return unknown;
  if (!Number.isFinite(paid) || !STATUSES.includes(status)) return unknown;
  let verdict;
  if (paidUid !== merchantUid) verdict = 'merchant_uid_mismatch';
  else if (paid !== amount) verdict = 'amount_mismatch';
  else verdict = status === 'paid' ? 'paid' : 'not_paid';
  return { verdict, cancel: verdict === 'amount_mismatch' && status === 'paid' };
}

/**
 * What an answer says: `status` its HTTP status, `parsed` whether its body was JSON, `body` that JSON.
 * @returns {{ kind: 'ok', response: unknown } | { kind: 'unauthorized' } | { kind: 'nonsense' }
 *   | { kind: 'refused', code: number, message: string | null }}
 */
export function readEnvelope(status, parsed, body) {
  if (status === 401) return { kind: 'unauthorized' };
  if (!parsed || body === null || typeof body !== 'object' || Array.isArray(body)) return { kind: 'nonsense' };
  const { code } = body;
  if (!Number.isInteger(code)) return { kind: 'nonsense' };
  if (code !== 0) return { kind: 'refused', code, message: typeof body.message === 'string' ? body.message : null };
  if (status >= 200 && status < 300 && body.response !== undefined) return { kind: 'ok', response: body.response };
  return { kind: 'nonsense' };
}

/**
 * The local time (ms) until which a token is used, measured on PortOne's clock (`now`, `expiredAt` in seconds);
 * `receivedMs` when less than the margin is left; `null` when the numbers are not a lifetime.
 */
export function tokenRefreshAt(receivedMs, now, expiredAt) {
  if (typeof now !== 'number' || typeof expiredAt !== 'number') return null;
  if (!Number.isFinite(receivedMs) || !Number.isFinite(now) || !Number.isFinite(expiredAt) || expiredAt <= now)
    return null;
  return receivedMs + Math.max((expiredAt - now) * 1000 - TOKEN_MARGIN_MS, 0);
}

/** Whether a failed attempt may be sent again: `status` null for no answer (a connection failure, a timeout). */
export function mayRetry(idempotent, status) {
  if (status === null) return idempotent;
  if (status === 429 || status === 503) return true;
  return idempotent && status >= 500 && status < 600;
}

/**
 * The webhook notice in `body` (an object), or the problems with it as { code, field, message } (field '' for the
 * whole body). imp_uid and merchant_uid are required strings; status and cancellation_id optional strings.
 */
export function readWebhook(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { errors: [issue('INVALID_TYPE', '')] };
  }
  const errors = [];
  const required = (field) => {
    const v = Object.hasOwn(body, field) ? body[field] : undefined;
    if (typeof v === 'string' && v !== '') return v;
    errors.push(issue(v === undefined || v === null || typeof v === 'string' ? 'REQUIRED' : 'INVALID_TYPE', field));
    return undefined;
  };
  const optional = (field) => {
    const v = Object.hasOwn(body, field) ? body[field] : undefined;
    if (typeof v === 'string') return v;
    if (v !== undefined && v !== null) errors.push(issue('INVALID_TYPE', field));
    return null;
  };
  const notice = {
    imp_uid: required('imp_uid'),
    merchant_uid: required('merchant_uid'),
    status: optional('status'),
    cancellation_id: optional('cancellation_id'),
  };
  return errors.length ? { errors } : { notice };
}

const MESSAGES = { REQUIRED: '필수 항목입니다.', INVALID_TYPE: '형식(타입)이 올바르지 않습니다. (string)' };

function issue(code, field) {
  const text = field === '' ? '형식(타입)이 올바르지 않습니다. (object)' : MESSAGES[code];
  return { code, field, message: field === '' ? text : `${field}: ${text}` };
}

// ---- V2 (portone-io/developers.portone.io af926bd2, src/schema/v2.openapi.yml) ------------------------------

/** `PaymentStatus` of V2. */
export const V2_STATUSES = Object.freeze([
  'READY',
  'PENDING',
  'VIRTUAL_ACCOUNT_ISSUED',
  'PAID',
  'FAILED',
  'PARTIAL_CANCELLED',
  'CANCELLED',
]);

/**
 * V2's verdict for `payment` (GET /payments/{paymentId}) against the order's `paymentId` and `amount`: `paid` only for
 * status PAID with `amount.total` exactly the order's; `cancel` only for an amount mismatch on a payment still PAID.
 * A payment with another `id` than the one asked for, an undocumented status or a non-number total is `unknown`.
 */
export function decideV2(payment, paymentId, amount) {
  const unknown = { verdict: 'unknown', cancel: false };
  if (payment === null || typeof payment !== 'object' || Array.isArray(payment)) return unknown;
  const total = payment.amount?.total;
  if (payment.id !== paymentId || !V2_STATUSES.includes(payment.status)) return unknown;
  if (typeof total !== 'number' || !Number.isFinite(total)) return unknown;
  if (total !== amount) return { verdict: 'amount_mismatch', cancel: payment.status === 'PAID' };
  return { verdict: payment.status === 'PAID' ? 'paid' : 'not_paid', cancel: false };
}

/**
 * What a V2 answer says: a 2xx with a JSON object is the answer itself; an error status with PortOne's
 * `{ type, message }` a refusal (`code` is the `type`, e.g. PAYMENT_NOT_FOUND); anything else nonsense.
 */
export function readEnvelopeV2(status, parsed, body) {
  const object = parsed && body !== null && typeof body === 'object' && !Array.isArray(body);
  if (status >= 200 && status < 300) return object ? { kind: 'ok', response: body } : { kind: 'nonsense' };
  if (object && typeof body.type === 'string') {
    return { kind: 'refused', code: body.type, message: typeof body.message === 'string' ? body.message : null };
  }
  return { kind: 'nonsense' };
}
