// naverpay-checkout/server: PortOne V1's REST API for the merchant's server. Needs no DOM library: lib ES2022 is
// enough (the fetch it takes is described by its shape).
import type {
  AgainPaymentInput,
  BodyOptions,
  CancelPaymentInput,
  DeleteBillingKeyInput,
  SchedulePaymentInput,
  UnschedulePaymentInput,
} from 'naverpay-checkout';

/** PortOne V1's REST base URL, `https://api.iamport.kr`. */
export declare const API_URL: string;

/** The part of `fetch` the client uses (Node ≥ 18, Deno, Bun, edge runtimes and undici all fit). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: unknown },
) => Promise<{
  status: number;
  headers?: { get(name: string): string | null };
  body?: unknown;
  text(): Promise<string>;
}>;

export interface PortOneClientOptions {
  /** The V1 REST API key (PortOne console: 결제 연동 › 식별코드・API Keys › V1 API). */
  apiKey: string;
  /** The V1 REST API secret. Kept in the client's closure: never in an error, a message or `toString`. */
  apiSecret: string;
  /** Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Default `https://api.iamport.kr`; the REST simulator's `url` in tests. */
  baseUrl?: string;
  /** Per attempt, including reading the body. Default 5000. */
  timeoutMs?: number;
  /** Extra attempts where repeating cannot charge or cancel twice (0–5). Default 2. */
  retries?: number;
}

/** The codes of faults that are not PortOne's refusals. */
export type PortOneFaultCode = 'TIMEOUT' | 'NETWORK' | 'BAD_RESPONSE' | 'TOO_LARGE' | 'UNAUTHORIZED';

/** A failed call: PortOne's refusal (`code` its number, `message` its message verbatim) or a fault. */
export declare class PortOneApiError extends Error {
  readonly name: 'PortOneApiError';
  readonly code: number | PortOneFaultCode;
  /** The HTTP status; `null` without an answer. */
  readonly status: number | null;
  /** The API path, without its query. */
  readonly path: string;
}

export declare function isPortOneApiError(e: unknown): e is PortOneApiError;

export type Verdict = 'paid' | 'amount_mismatch' | 'merchant_uid_mismatch' | 'not_paid' | 'not_found' | 'unknown';

/** PortOne V1's payment (`PaymentAnnotation`): the fields the verdict reads, and the rest as PortOne sent them. */
export interface Payment {
  imp_uid: string;
  merchant_uid: string;
  amount: number;
  cancel_amount?: number;
  status: 'ready' | 'paid' | 'cancelled' | 'failed';
  [field: string]: unknown;
}

export interface VerifyResult {
  verdict: Verdict;
  imp_uid: string | null;
  merchant_uid: string;
  /** The order's amount, as your server passed it (`null` from a webhook for an order you do not have). */
  amount: number | null;
  /** What PortOne says was paid. */
  paid_amount: number | null;
  /** PortOne's status after any cancel. */
  status: string | null;
  /** Whether PortOne now says `cancelled` (by this call, another instance, or before). */
  cancelled: boolean;
  payment: Payment | null;
  /** Why the verdict is `unknown` or `not_found`, or why a cancel failed. */
  error?: PortOneApiError;
}

export interface VerifyOptions {
  /**
   * `'cancel'`: an amount mismatch on a paid payment is cancelled at once (reason, extra.requester 'admin'; V2:
   * requester ADMIN), and so is V2's products mismatch.
   */
  onMismatch?: 'cancel';
  /** The cancel's reason (by default one that names the mismatch: the amount, or on V2 the products). */
  reason?: string;
}

export interface WebhookNotice {
  imp_uid: string;
  merchant_uid: string;
  status: string | null;
  cancellation_id: string | null;
}

export interface WebhookOptions extends VerifyOptions {
  /** Your order's amount for a merchant_uid; `null`/`undefined` when you have no such order. */
  orderAmount(merchantUid: string): number | null | undefined | Promise<number | null | undefined>;
}

export interface PreparedPayment {
  merchant_uid: string;
  amount: number;
  currency?: string | null;
}

export interface PortOneClient {
  preparePayment(input: { merchant_uid: string; amount: number; currency?: string }): Promise<PreparedPayment>;
  getPreparedPayment(merchantUid: string): Promise<PreparedPayment>;
  getPayment(impUid: string): Promise<Payment>;
  findPayment(merchantUid: string): Promise<Payment>;
  verifyPayment(order: { imp_uid: string; merchant_uid: string; amount: number }, options?: VerifyOptions): Promise<VerifyResult>;
  handleWebhook(
    body: string | Uint8Array | ArrayBuffer | Iterable<[string, string]> | Record<string, unknown>,
    options: WebhookOptions,
  ): Promise<VerifyResult & { notice: WebhookNotice }>;
  getBillingKey(customerUid: string): Promise<Record<string, unknown>>;
  cancelPayment(input: CancelPaymentInput, options?: BodyOptions): Promise<Payment>;
  againPayment(input: AgainPaymentInput, options?: BodyOptions): Promise<Payment>;
  schedulePayments(input: SchedulePaymentInput, options?: BodyOptions): Promise<Record<string, unknown>[]>;
  unschedulePayments(input: UnschedulePaymentInput, options?: BodyOptions): Promise<Record<string, unknown>[]>;
  deleteBillingKey(input: DeleteBillingKeyInput, options?: BodyOptions): Promise<Record<string, unknown>>;
}

export declare function createPortOneClient(options: PortOneClientOptions): PortOneClient;

// ---- V2 ----------------------------------------------------------------------------------------------------------

/** PortOne V2's REST base URL, `https://api.portone.io`. */
export declare const API_URL_V2: string;

export interface PortOneV2ClientOptions {
  /** The V2 API secret (sent as `Authorization: PortOne …`; never in an error, a message or `toString`). */
  apiSecret: string;
  /** Sent with each call when given; PortOne uses the secret's store otherwise. */
  storeId?: string;
  /** The webhook secret (`whsec_…`) for `verifyWebhook` and `handleWebhook`. */
  webhookSecret?: string;
  fetch?: FetchLike;
  /** Default `https://api.portone.io`. */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
}

/**
 * `products_mismatch`: the order's amount, but PortOne's `products` are not the order's lines (given to
 * `verifyPayment` as `products`): a count or a unit price edited at the same total. With `onMismatch: 'cancel'` a
 * payment still PAID is cancelled, as for `amount_mismatch`.
 */
export type V2Verdict = 'paid' | 'amount_mismatch' | 'products_mismatch' | 'not_paid' | 'not_found' | 'unknown';

/**
 * One line of your order, compared with PortOne's `PaymentProduct` of the same `id` (what the page sent in
 * `requestPayment`'s `products`): the unit price and the quantity must be the same.
 */
export interface V2OrderProduct {
  id: string;
  /** The unit price (PortOne's `amount` of a product). */
  amount: number;
  quantity: number;
}

export type V2PaymentStatus = 'READY' | 'PENDING' | 'VIRTUAL_ACCOUNT_ISSUED' | 'PAID' | 'FAILED' | 'PARTIAL_CANCELLED' | 'CANCELLED';

export interface V2Payment {
  id: string;
  status: V2PaymentStatus;
  amount: { total: number; cancelled?: number; [field: string]: unknown };
  [field: string]: unknown;
}

export interface V2VerifyResult {
  verdict: V2Verdict;
  paymentId: string;
  amount: number;
  paid_amount: number | null;
  status: string | null;
  cancelled: boolean;
  payment: V2Payment | null;
  error?: PortOneApiError;
}

export type V2CancelRequester = 'CUSTOMER' | 'ADMIN';

export interface V2BillingKeyPayment {
  billingKey: string;
  orderName: string;
  amount: { total: number; taxFree?: number; vat?: number };
  currency: string;
  [field: string]: unknown;
}

/** Headers as `Headers`, or as Node's `req.headers`. */
export type WebhookHeaders = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export interface PortOneV2Client {
  getPayment(paymentId: string): Promise<V2Payment>;
  /** With `products`, a payment of the order's amount whose `products` are not these lines (in any order) is `products_mismatch`. */
  verifyPayment(
    order: { paymentId: string; amount: number; products?: readonly V2OrderProduct[] },
    options?: VerifyOptions,
  ): Promise<V2VerifyResult>;
  /** The webhook as PortOne signed it (Standard Webhooks), parsed; rejects with NaverPayError when it is not. */
  verifyWebhook(body: string | Uint8Array | ArrayBuffer, headers: WebhookHeaders): Promise<{ type: string; timestamp: string; data: Record<string, unknown> }>;
  handleWebhook(
    body: string | Uint8Array | ArrayBuffer,
    headers: WebhookHeaders,
    options: {
      orderAmount(paymentId: string): number | null | undefined | Promise<number | null | undefined>;
      /** The order's lines, judged as verifyPayment's `products` (`products_mismatch`). */
      orderProducts?(paymentId: string): readonly V2OrderProduct[] | Promise<readonly V2OrderProduct[]>;
    } & VerifyOptions,
  ): Promise<(Partial<V2VerifyResult> & { verdict: V2Verdict | null; webhook: { type: string; data: Record<string, unknown> } })>;
  cancelPayment(input: { paymentId: string; reason: string; requester?: V2CancelRequester; amount?: number; currentCancellableAmount?: number }): Promise<Record<string, unknown>>;
  payWithBillingKey(input: { paymentId: string } & V2BillingKeyPayment): Promise<{ payment: { pgTxId?: string; paidAt: string } }>;
  schedulePayment(input: { paymentId: string; payment: V2BillingKeyPayment; timeToPay: string }): Promise<{ schedule: { id: string } }>;
  revokePaymentSchedules(input: { billingKey: string; scheduleIds?: string[] } | { billingKey?: string; scheduleIds: string[] }): Promise<{ revokedScheduleIds: string[]; revokedAt?: string }>;
  deleteBillingKey(input: { billingKey: string; reason: string; requester: V2CancelRequester }): Promise<{ deletedAt: string }>;
}

export declare function createPortOneV2Client(options: PortOneV2ClientOptions): PortOneV2Client;
