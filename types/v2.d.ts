/**
 * The `naverpay-checkout/v2` entry: the same Naver Pay checkout over PortOne V2's browser SDK
 * (`PortOne.requestPayment` / `PortOne.requestIssueBillingKey`), with the same validation before
 * the window opens, the same device rule, and V1's result shape.
 *
 * @example
 * import { NaverPayCheckout, parseRedirectResultV2 } from 'naverpay-checkout/v2';
 * const checkout = await NaverPayCheckout.load({ storeId: 'store-…', channelKey: 'channel-key-…' });
 * const result = await checkout.pay({ paymentId: 'order_0001', totalAmount: 14000, … });
 *
 * @packageDocumentation
 */

import type {
  DeviceInfo,
  FieldIssue,
  NaverProductCategory,
  PayMode,
  PayOptions,
  PaymentResult,
  PayReferrer,
  TrustedScriptURL,
  ValidateOptions,
} from './index.js';

export type {
  DeviceInfo,
  ErrorCode,
  FieldIssue,
  Locale,
  PayMode,
  PayModeOption,
  PayOptions,
  PaymentResult,
  ValidateOptions,
} from './index.js';
export { NaverPayError, isNaverPayError, choosePayMode } from './index.js';

// Field tables: every key each call's check takes, typed as wide as the check takes it
// (src/generate.rs writes them from src/catalog.rs). The parameter types below extend these and
// narrow what they know more of.

// @generated field-tables begin
/**
 * The fields of `V2_PAYMENT` (src/catalog.rs), as its check takes them: every key optional. Written
 * by src/generate.rs.
 */
export interface PaymentFieldsV2 {
  storeId?: string | undefined;
  paymentId?: string | undefined;
  /** At most 128 characters. */
  orderName?: string | undefined;
  totalAmount?: number | undefined;
  currency?: string | undefined;
  payMethod?: string | undefined;
  channelKey?: string | undefined;
  channelGroupId?: string | undefined;
  taxFreeAmount?: number | undefined;
  vatAmount?: number | undefined;
  customer?: object | undefined;
  windowType?: object | undefined;
  redirectUrl?: string | undefined;
  forceRedirect?: boolean | undefined;
  noticeUrls?: readonly unknown[] | undefined;
  confirmUrl?: string | undefined;
  appScheme?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  isEscrow?: boolean | undefined;
  products?: readonly unknown[] | undefined;
  isCulturalExpense?: boolean | undefined;
  locale?: string | undefined;
  customData?: unknown;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  country?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  productType?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  offerPeriod?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  storeDetails?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  promotionId?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  merpayCategoryId?: string | undefined;
  popup?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  iframe?: object | undefined;
  bypass?: object | undefined;
  easyPay?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  card?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  virtualAccount?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  transfer?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  mobile?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  giftCertificate?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  paypal?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  alipay?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  convenienceStore?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  alipayPlus?: object | undefined;
}

/**
 * The fields of `V2_BILLING_KEY` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface BillingKeyFieldsV2 {
  storeId?: string | undefined;
  channelKey?: string | undefined;
  billingKeyMethod?: string | undefined;
  issueId?: string | undefined;
  issueName?: string | undefined;
  displayAmount?: number | undefined;
  currency?: string | undefined;
  customer?: object | undefined;
  windowType?: object | undefined;
  redirectUrl?: string | undefined;
  forceRedirect?: boolean | undefined;
  locale?: string | undefined;
  customData?: unknown;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  offerPeriod?: object | undefined;
  appScheme?: string | undefined;
  noticeUrls?: readonly unknown[] | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  productType?: string | undefined;
  bypass?: object | undefined;
  popup?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  iframe?: object | undefined;
  easyPay?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  card?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  mobile?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  paypal?: object | undefined;
}

/**
 * The fields of `V2_CUSTOMER` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface CustomerFieldsV2 {
  customerId?: string | undefined;
  fullName?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phoneNumber?: string | undefined;
  email?: string | undefined;
  address?: object | undefined;
  zipcode?: string | undefined;
  gender?: string | undefined;
  birthYear?: string | undefined;
  birthMonth?: string | undefined;
  birthDay?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  firstNameKana?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  lastNameKana?: string | undefined;
}

/**
 * The fields of `V2_WINDOW_TYPES` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface WindowTypesFieldsV2 {
  pc?: string | undefined;
  mobile?: string | undefined;
}

/**
 * The fields of `V2_EASY_PAY` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface EasyPayFieldsV2 {
  easyPayProvider?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  useFreeInterestFromMall?: boolean | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  availableCards?: readonly unknown[] | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  installment?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  cashReceiptType?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  customerIdentifier?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  useCardPoint?: boolean | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  availablePayMethods?: readonly unknown[] | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  useInstallment?: boolean | undefined;
}

/**
 * The fields of `V2_PAYMENT_BYPASS` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface PaymentBypassFieldsV2 {
  naverpay?: object | undefined;
}

/**
 * The fields of `V2_NAVERPAY_BYPASS` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface NaverpayBypassFieldsV2 {
  useCfmYmdt?: string | undefined;
  productItems?: readonly unknown[] | undefined;
  subMerchantInfo?: object | undefined;
  deliveryFee?: number | undefined;
}

/**
 * The fields of `V2_PRODUCT_ITEM` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface NaverpayProductItemFieldsV2 {
  categoryType?: string | undefined;
  categoryId?: string | undefined;
  /** At most 100 bytes of UTF-8. */
  uid?: string | undefined;
  /** At most 128 characters. */
  name?: string | undefined;
  count?: number | undefined;
  /** At most 30 characters. */
  sellerId?: string | undefined;
  payReferrer?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

/**
 * The fields of `V2_BILLING_KEY_BYPASS` (src/catalog.rs), as its check takes them: every key
 * optional. Written by src/generate.rs.
 */
export interface BillingKeyBypassFieldsV2 {
  naverpay?: object | undefined;
}

/**
 * The fields of `V2_NAVERPAY_BILLING_BYPASS` (src/catalog.rs), as its check takes them: every key
 * optional. Written by src/generate.rs.
 */
export interface NaverpayBillingBypassFieldsV2 {
  subMerchantName?: string | undefined;
  subMerchantId?: string | undefined;
}
// @generated field-tables end

/** `NaverPayCheckout.load` of this entry. */
export interface LoadOptionsV2 {
  /** The store id of PortOne's console (`store-…`). */
  storeId: string;
  /** The channel key of the Naver Pay channel (`channel-key-…`). */
  channelKey: string;
  /** The V2 browser SDK to load; default `https://cdn.portone.io/v2/browser-sdk.js`. */
  sdkUrl?: string | TrustedScriptURL | undefined;
  /** How long to wait for the SDK, in milliseconds (default 10 000). */
  timeoutMs?: number | undefined;
}

/** One `bypass.naverpay.productItems` item (browser-sdk.yml `NaverpayProductItem`). */
export type NaverpayProductItem = NaverpayProductItemFieldsV2 & NaverProductCategory & {
  uid: string;
  /** At most 128 characters. */
  name: string;
  /** 1 to 999 999. */
  count: number;
  payReferrer?: PayReferrer | undefined;
  /** `yyyyMMdd` (a string on V2). */
  startDate?: string | undefined;
  /** `yyyyMMdd`, not before `startDate`. */
  endDate?: string | undefined;
};

/** `customer` (browser-sdk.yml `Customer`); birth year, month and day go together. */
export interface CustomerV2 extends CustomerFieldsV2 {
  address?: { addressLine1: string; addressLine2: string; city?: string; province?: string; country?: string } | undefined;
  gender?: 'MALE' | 'FEMALE' | 'OTHER' | undefined;
}

/** `windowType` (browser-sdk.yml `WindowTypes`): Naver Pay opens a popup on PCs and redirects on mobiles. */
export interface WindowTypesV2 extends WindowTypesFieldsV2 {
  pc?: 'POPUP' | undefined;
  mobile?: 'REDIRECTION' | undefined;
}

/**
 * `easyPay` (browser-sdk.yml `PaymentRequestUnionEasyPay`); an `easyPayProvider` other than
 * `'NAVERPAY'` is ignored (a warning).
 */
export interface EasyPayV2 extends EasyPayFieldsV2, OtherV2Fields {}

/** `bypass` of a payment: Naver Pay reads `naverpay`; other PGs' keys pass (a warning). */
export interface PaymentBypassV2 extends PaymentBypassFieldsV2, OtherV2Fields {
  naverpay: NaverpayBypassV2;
}

/** `bypass.naverpay` of a payment (browser-sdk.yml `NaverpayPaymentBypass`). */
export interface NaverpayBypassV2 extends NaverpayBypassFieldsV2 {
  productItems: readonly NaverpayProductItem[];
  /** `yyyyMMdd`, today in Asia/Seoul or later. */
  useCfmYmdt?: string | undefined;
  subMerchantInfo?: Record<string, string> | undefined;
}

/** `bypass` of a billing key: `naverpay` (browser-sdk.yml `NaverpayIssueBillingKeyBypass`). */
export interface BillingKeyBypassV2 extends BillingKeyBypassFieldsV2 {
  naverpay?: NaverpayBillingBypassFieldsV2 | undefined;
}

/**
 * What V2 parameters narrow alike of the fields both tables have. `storeId` and `channelKey`
 * default to those given to `load()`.
 */
interface V2BaseParams {
  customer?: CustomerV2 | undefined;
  windowType?: WindowTypesV2 | undefined;
  /** An `http(s)` URL; required in redirect mode. */
  redirectUrl?: string | undefined;
  /** Sets the window mode as `naverPopupMode` does on V1 (`true`: redirect); written from the mode. */
  forceRedirect?: boolean | undefined;
  noticeUrls?: readonly string[] | undefined;
  /** Naver Pay shows Korean only: another locale is ignored (a warning). */
  locale?: string | undefined;
  popup?: { center?: boolean | undefined } | undefined;
  easyPay?: EasyPayV2 | undefined;
}

/** Keys no table has also compile: the validator reports them (`UNKNOWN_FIELD`, an error when close to a known key). */
interface OtherV2Fields {
  [key: string]: unknown;
}

/** `PortOne.requestPayment` parameters for Naver Pay. */
export interface NaverPayParamsV2
  extends Omit<PaymentFieldsV2, keyof V2BaseParams>,
    V2BaseParams,
    OtherV2Fields {
  paymentId: string;
  /** At most 128 characters; default `bypass.naverpay.productItems[0].name`. */
  orderName?: string | undefined;
  /** In won, at least `minAmount` (100). */
  totalAmount: number;
  /** Default `'KRW'`. */
  currency?: 'KRW' | 'CURRENCY_KRW' | undefined;
  /** Default `'EASY_PAY'`, the only method of a Naver Pay channel. */
  payMethod?: 'EASY_PAY' | undefined;
  bypass: PaymentBypassV2;
}

/** `PortOne.requestIssueBillingKey` parameters for Naver Pay. */
export interface BillingKeyParamsV2
  extends Omit<BillingKeyFieldsV2, keyof V2BaseParams>,
    V2BaseParams,
    OtherV2Fields {
  /** Required by Naver Pay, and never reused for one Naver account. */
  issueId: string;
  /** Required by Naver Pay: the title of the window. */
  issueName: string;
  /** Default `'EASY_PAY'`. */
  billingKeyMethod?: 'EASY_PAY' | undefined;
  /** Shown only; with `currency`. */
  displayAmount?: number | undefined;
  /** With `displayAmount`. */
  currency?: 'KRW' | 'CURRENCY_KRW' | undefined;
  bypass?: BillingKeyBypassV2 | undefined;
}

/** V2's validation report: `request` is exactly what the SDK receives. */
export type ValidationReportV2 =
  | { ok: true; errors: []; warnings: FieldIssue[]; mode: PayMode; request: Record<string, unknown> }
  | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[]; mode: PayMode; request: null };

/** PortOne V2's SDK bound to one store and Naver Pay channel. */
export declare class NaverPayCheckout {
  private constructor();
  /** Loads the V2 SDK once per page (retrying a failed load on the next call). */
  static load(options: LoadOptionsV2): Promise<NaverPayCheckout>;
  /**
   * Validates, then calls `PortOne.requestPayment` in the same task. Resolves V1's result shape:
   * `merchant_uid` is `paymentId`, `imp_uid` is `txId`, `error_code` PortOne's `code`, and
   * `error_msg` Naver Pay's `pgMessage` when it sent one, else `message`, verbatim. Rejects as V1's
   * `pay` does (`INVALID_PARAMS`, `PAYMENT_IN_PROGRESS`, `PAYMENT_SUPERSEDED`, `CHECKOUT_FREED`,
   * `SDK_UNAVAILABLE` when the SDK threw or rejected). Below the minimum amount it resolves
   * `AMOUNT_BELOW_MINIMUM` without opening a window.
   */
  pay(params: NaverPayParamsV2, options?: PayOptions): Promise<PaymentResult>;
  /** As `pay`, over `PortOne.requestIssueBillingKey`; `raw.billingKey` is the key. */
  registerBillingKey(params: BillingKeyParamsV2, options?: PayOptions): Promise<PaymentResult>;
  /** Releases the checkout; later calls reject `CHECKOUT_FREED`. */
  free(): void;
}

/** Checks `requestPayment` parameters for Naver Pay; never throws. */
export declare function validateNaverPayV2(params: unknown, options?: ValidateOptions): ValidationReportV2;

/** Checks `requestIssueBillingKey` parameters for Naver Pay; never throws. */
export declare function validateBillingKeyV2(params: unknown, options?: ValidateOptions): ValidationReportV2;

/** The query V2 sends to `redirectUrl` (`paymentId`, `code`, `message`, `pgCode`, `pgMessage`) in V1's result shape; never throws. */
export declare function parseRedirectResultV2(urlOrQuery: string): PaymentResult;

/**
 * A V1 `request_pay` for Naver Pay as V2's `requestPayment` parameters on the store and channel
 * given, and the V1 fields that have no V2 equivalent (`dropped`, paths such as `customer_uid`).
 * Never throws; check the request with {@link validateNaverPayV2}.
 */
export declare function toV2PaymentRequest(
  v1Params: unknown,
  ids: { storeId: string; channelKey: string },
): { request: Record<string, unknown>; dropped: string[] };

