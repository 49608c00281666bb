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
  /** `'cancel'`: an amount mismatch on a paid payment is cancelled at once (reason, extra.requester 'admin'). */
  onMismatch?: 'cancel';
  /** The cancel's reason. */
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
