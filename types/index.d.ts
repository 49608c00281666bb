/**
 * naverpay-checkout: Naver Pay payments through PortOne V1 (`IMP.request_pay`), with parameters
 * checked before the payment window opens, the right window mode for the device, and the PG's
 * failure text shown to the buyer as-is.
 *
 * Hand-written declarations of the package's JavaScript API. The category table, the
 * `payReferrer` list, the error codes and the field tables' interfaces (`AgainPaymentFields`, …)
 * between the `@generated` markers are written from the crate's tables (`src/catalog.rs`,
 * `src/error.rs`) by src/generate.rs: edit the tables, then run
 * `NAVERPAY_REGENERATE=1 cargo test --lib generate` (`npm test` fails while they differ). The
 * input types extend those interfaces and declare only what they narrow, so a new row of a table
 * is a new key of its input type.
 *
 * @packageDocumentation
 */

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/**
 * A stable error code. Once shipped, a code is never renamed: match on the code, never on the
 * message text (messages may be reworded).
 */
export type ErrorCode =
  // @generated error-codes begin
  /** A required field is missing or empty. */
  | 'REQUIRED'
  /** A field has the wrong JavaScript type. */
  | 'INVALID_TYPE'
  /** A number that must be an integer is not. */
  | 'NOT_INTEGER'
  /** A number is outside its allowed range. */
  | 'OUT_OF_RANGE'
  /** A string is longer than allowed. */
  | 'TOO_LONG'
  /** A string does not have the required format. */
  | 'INVALID_FORMAT'
  /** A value is not one of the allowed values. */
  | 'INVALID_VALUE'
  /** A date is not a real `yyyyMMdd` calendar date, or dates are out of order. */
  | 'INVALID_DATE'
  /** A date lies before today in Asia/Seoul. */
  | 'DATE_IN_PAST'
  /** `categoryType`/`categoryId` is not a Naver Pay category. */
  | 'INVALID_CATEGORY'
  /** A URL is not an allowed absolute URL. */
  | 'INVALID_URL'
  /** Redirect mode needs `m_redirect_url` (V1) or `redirectUrl` (V2). */
  | 'REDIRECT_URL_REQUIRED'
  /**
   * The amount is below the minimum: 100 won unless `minAmount` says otherwise (the integration
   * guide and PortOne's V2 page say 100; PortOne's V1 Naver Pay page says 10 since 2024-02, which
   * `minAmount: 10` follows).
   */
  | 'AMOUNT_BELOW_MINIMUM'
  /** Warning: with several products, `name` differs from `naverProducts[0].name`. */
  | 'NAME_MISMATCH'
  /** A field IMP does not know (an error when it is a likely typo of a known field). */
  | 'UNKNOWN_FIELD'
  /** A REST credential was passed to the browser. */
  | 'SECRET_IN_BROWSER'
  /** Parameters were invalid; `NaverPayError.errors` lists every problem. */
  | 'INVALID_PARAMS'
  /** A payment is already pending; IMP was not called again. */
  | 'PAYMENT_IN_PROGRESS'
  /** The code runs outside a browser. */
  | 'NOT_IN_BROWSER'
  /** A merchant code is `imp` followed by digits. */
  | 'INVALID_MERCHANT_CODE'
  /** The PortOne SDK script failed to load. */
  | 'SDK_LOAD_FAILED'
  /** The PortOne SDK script neither loaded nor failed in time. */
  | 'SDK_TIMEOUT'
  /** The script loaded but `window.IMP` is missing. */
  | 'SDK_UNAVAILABLE'
  /** `naverpay-checkout/web` only: called before `await init()` finished. */
  | 'NOT_INITIALIZED'
  /** Warning: a field PortOne documents for other PGs only; passed on, but Naver Pay ignores it. */
  | 'IGNORED_FIELD'
  /**
   * The input is larger or deeper than the checker reads (docs/npm-readme.md, "Limits"): nothing
   * else about it is checked, and it never reaches IMP.
   */
  | 'LIMIT_EXCEEDED'
  /** A payment IMP never answered for 10 minutes was given up when a new `pay()` started. */
  | 'PAYMENT_SUPERSEDED'
  /** `free()` was called on the checkout (or `pay` was called on something that is none). */
  | 'CHECKOUT_FREED'
  /**
   * Warning: a field PortOne replaced or dropped (`pg`, `naverChainId`, `naverActionType`); the
   * message says what replaced it.
   */
  | 'DEPRECATED_FIELD'
  /**
   * A field PortOne documents for other PGs that has no place in a Naver Pay request (a schedule's
   * card number).
   */
  | 'UNSUPPORTED_FIELD'
  /** Warning: `m_redirect_url` is plain `http:` to a host that is not this machine. */
  | 'INSECURE_URL'
  /** Warning: popup mode forced on a device that needs redirect mode; the result would be lost. */
  | 'POPUP_ON_MOBILE';
// @generated error-codes end

/** The codes {@link NaverPayCheckout.load} rejects with. */
export type LoadErrorCode =
  | 'NOT_IN_BROWSER'
  | 'INVALID_MERCHANT_CODE'
  | 'INVALID_PARAMS'
  | 'SDK_LOAD_FAILED'
  | 'SDK_TIMEOUT'
  | 'SDK_UNAVAILABLE';

/** The codes {@link NaverPayCheckout.pay} and {@link NaverPayCheckout.registerBillingKey} reject with. */
export type PayErrorCode =
  | 'INVALID_PARAMS'
  | 'PAYMENT_IN_PROGRESS'
  | 'PAYMENT_SUPERSEDED'
  | 'CHECKOUT_FREED'
  | 'SDK_UNAVAILABLE';

/**
 * How the Naver Pay window opens: `'popup'` (`naverPopupMode: true`, the result comes back
 * through the callback) or `'redirect'` (`naverPopupMode: false`, the page leaves for Naver Pay
 * and returns to `m_redirect_url`).
 */
export type PayMode = 'popup' | 'redirect';

/** The window mode to use: `'auto'` asks {@link choosePayMode}; the others force a mode. */
export type PayModeOption = 'auto' | PayMode;

/** The language of messages: Korean (the default) or English. */
export type Locale = 'ko' | 'en';

/**
 * Naver Pay's product categories: each `categoryType` with its allowed `categoryId`s.
 * (`BLUERAY` is Naver's spelling.)
 */
export interface NaverCategoryIds {
  // @generated categories begin
  BOOK: 'GENERAL' | 'EBOOK' | 'USED';
  MUSIC: 'CD' | 'LP' | 'USED';
  MOVIE: 'DVD' | 'BLUERAY' | 'VOD' | 'TICKET' | 'USED';
  PRODUCT: 'GENERAL' | 'CASHABLE' | 'CLAIM' | 'DIGITAL_CONTENT' | 'SUPPORT';
  PLAY: 'TICKET';
  TRAVEL: 'DOMESTIC' | 'OVERSEA';
  INSURANCE:
    | 'CAR'
    | 'DRIVER'
    | 'HEALTH'
    | 'CHILD'
    | 'TRAVELER'
    | 'GOLF'
    | 'ANNUITY'
    | 'ANNUITY_SAVING'
    | 'SAVING'
    | 'VARIABLE_ANNUITY'
    | 'CANCER'
    | 'DENTIST'
    | 'ACCIDENT'
    | 'SEVERANCE'
    | 'PHONE'
    | 'PET';
  FLIGHT: 'TICKET';
  FOOD: 'DELIVERY';
  ETC: 'ETC';
  // @generated categories end
}

/** A Naver Pay `categoryType`. */
export type NaverCategoryType = keyof NaverCategoryIds;

/** The `categoryId`s allowed with `categoryType` `T`. */
export type NaverCategoryId<T extends NaverCategoryType = NaverCategoryType> = NaverCategoryIds[T];

/**
 * A valid `categoryType`/`categoryId` pair, as a union discriminated by `categoryType`:
 * `{ categoryType: 'MUSIC', categoryId: 'EBOOK' }` does not compile.
 */
export type NaverProductCategory = {
  [T in NaverCategoryType]: { categoryType: T; categoryId: NaverCategoryIds[T] };
}[NaverCategoryType];

/**
 * The funnel through which the buyer reached Naver Pay (`naverProducts[i].payReferrer`).
 * Set it only under a partnership agreement with another Naver service.
 */
export type PayReferrer =
  // @generated pay-referrers begin
  | 'NAVER_BOOK'
  | 'NAVER_MUSIC'
  | 'NAVER_SHOPPING'
  | 'NAVER_MAP'
  | 'NAVER_PLACE'
  | 'SEARCH_AD'
  | 'NAVER_SEARCH'
  | 'BRAND_SEARCH'
  | 'PARTNER_DIRECT'
  | 'ETC';
// @generated pay-referrers end

/** The PG code: `'naverpay'`, or `'naverpay.<MID>'` when the merchant has several Naver Pay MIDs. */
export type NaverPayPg = 'naverpay' | `naverpay.${string}`;

// ---------------------------------------------------------------------------------------------
// Field tables: every key each call's check takes, typed as wide as the check takes it. The
// input types below extend these and narrow what they know more of.
// ---------------------------------------------------------------------------------------------

// @generated field-tables begin
/**
 * The fields of `REQUEST_PAY` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface RequestPayFields {
  /** Replaced or dropped by PortOne: passed on with a `DEPRECATED_FIELD` warning. */
  pg?: string | null | undefined;
  channelKey?: string | null | undefined;
  pay_method?: string | null | undefined;
  escrow?: boolean | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  products?: readonly unknown[] | null | undefined;
  /** At most 40 characters. */
  merchant_uid?: string | null | undefined;
  /** At most 40 characters. */
  name?: string | null | undefined;
  amount?: number | null | undefined;
  custom_data?: unknown;
  tax_free?: number | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  vat_amount?: number | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  vat?: number | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  currency?: string | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  language?: string | null | undefined;
  buyer_name?: string | null | undefined;
  buyer_tel?: string | null | undefined;
  buyer_email?: string | null | undefined;
  buyer_addr?: string | null | undefined;
  buyer_postcode?: string | null | undefined;
  confirm_url?: string | null | undefined;
  notice_url?: string | readonly string[] | null | undefined;
  /** At most 80 characters. */
  customer_uid?: string | null | undefined;
  customer_id?: string | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  digital?: boolean | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  vbank_due?: string | null | undefined;
  m_redirect_url?: string | null | undefined;
  app_scheme?: string | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  biz_num?: string | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  useFreeInterestFromMall?: boolean | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  display?: object | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  card?: object | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  popup?: boolean | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  period?: object | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  company?: string | null | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  bypass?: object | null | undefined;
  naverPopupMode?: boolean | null | undefined;
  naverUseCfm?: string | null | undefined;
  naverProducts?: readonly unknown[] | null | undefined;
  naverPurchaserName?: string | null | undefined;
  naverPurchaserBirthday?: string | null | undefined;
  /** Replaced or dropped by PortOne: passed on with a `DEPRECATED_FIELD` warning. */
  naverChainId?: string | null | undefined;
  naverCultureBenefit?: boolean | null | undefined;
  naverMerchantUserKey?: string | null | undefined;
  naverProductCount?: number | null | undefined;
  naverProductCode?: string | null | undefined;
  /** Replaced or dropped by PortOne: passed on with a `DEPRECATED_FIELD` warning. */
  naverActionType?: string | null | undefined;
  naverInterface?: object | null | undefined;
  niceMobileV2?: boolean | null | undefined;
  kakaoOpenApp?: boolean | null | undefined;
}

/**
 * The fields of `PRODUCT` (src/catalog.rs), as its check takes them: every key optional. Written by
 * src/generate.rs.
 */
export interface NaverProductFields {
  categoryType?: string | null | undefined;
  categoryId?: string | null | undefined;
  /** At most 100 bytes of UTF-8. */
  uid?: string | null | undefined;
  /** At most 128 characters. */
  name?: string | null | undefined;
  count?: number | null | undefined;
  /** At most 30 characters. */
  sellerId?: string | null | undefined;
  payReferrer?: string | null | undefined;
  startDate?: string | number | null | undefined;
  endDate?: string | number | null | undefined;
}

/**
 * The fields of `AGAIN` (src/catalog.rs), as its check takes them: every key optional. Written by
 * src/generate.rs.
 */
export interface AgainPaymentFields {
  /** At most 80 characters. */
  customer_uid?: string | undefined;
  /** At most 40 characters. */
  merchant_uid?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  currency?: string | undefined;
  amount?: number | undefined;
  tax_free?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  vat_amount?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  vat?: number | undefined;
  /** At most 40 characters. */
  name?: string | undefined;
  /** At most 16 characters. */
  buyer_name?: string | undefined;
  /** At most 64 characters. */
  buyer_email?: string | undefined;
  /** At most 16 characters. */
  buyer_tel?: string | undefined;
  /** At most 128 characters. */
  buyer_addr?: string | undefined;
  /** At most 8 characters. */
  buyer_postcode?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  card_quota?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  interest_free_by_merchant?: boolean | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  use_card_point?: boolean | undefined;
  custom_data?: string | undefined;
  notice_url?: string | undefined;
  browser_ip?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  product_type?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  product_count?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  cash_receipt_type?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  bypass?: string | undefined;
  extra?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  promotion_id?: string | undefined;
  /** At most 55 characters. */
  channel_key?: string | undefined;
}

/**
 * The fields of `PAYMENT_EXTRA` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface PaymentExtraFields {
  naverUseCfm?: string | undefined;
}

/**
 * The fields of `SCHEDULE` (src/catalog.rs), as its check takes them: every key optional. Written
 * by src/generate.rs.
 */
export interface SchedulePaymentFields {
  /** At most 80 characters. */
  customer_uid?: string | undefined;
  customer_id?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  checking_amount?: number | undefined;
  /** Documented for other PGs; no place in a Naver Pay request (an `UNSUPPORTED_FIELD` error). */
  card_number?: string | undefined;
  /** Documented for other PGs; no place in a Naver Pay request (an `UNSUPPORTED_FIELD` error). */
  expiry?: string | undefined;
  /** Documented for other PGs; no place in a Naver Pay request (an `UNSUPPORTED_FIELD` error). */
  birth?: string | undefined;
  /** Documented for other PGs; no place in a Naver Pay request (an `UNSUPPORTED_FIELD` error). */
  pwd_2digit?: string | undefined;
  /** Documented for other PGs; no place in a Naver Pay request (an `UNSUPPORTED_FIELD` error). */
  cvc?: string | undefined;
  /** At most 55 characters. */
  channel_key?: string | undefined;
  schedules?: readonly unknown[] | undefined;
}

/**
 * The fields of `SCHEDULE_ITEM` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface ScheduleFields {
  /** At most 40 characters. */
  merchant_uid?: string | undefined;
  schedule_at?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  currency?: string | undefined;
  amount?: number | undefined;
  tax_free?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  vat_amount?: number | undefined;
  /** At most 40 characters. */
  name?: string | undefined;
  /** At most 16 characters. */
  buyer_name?: string | undefined;
  /** At most 64 characters. */
  buyer_email?: string | undefined;
  /** At most 16 characters. */
  buyer_tel?: string | undefined;
  /** At most 128 characters. */
  buyer_addr?: string | undefined;
  /** At most 8 characters. */
  buyer_postcode?: string | undefined;
  custom_data?: string | undefined;
  notice_url?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  product_type?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  cash_receipt_type?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  card_quota?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  interest_free_by_merchant?: boolean | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  use_card_point?: boolean | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  product_count?: number | undefined;
  browser_ip?: string | undefined;
  extra?: object | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  bypass?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  promotion_id?: string | undefined;
}

/**
 * The fields of `UNSCHEDULE` (src/catalog.rs), as its check takes them: every key optional. Written
 * by src/generate.rs.
 */
export interface UnschedulePaymentFields {
  /** At most 80 characters. */
  customer_uid?: string | undefined;
  /** Each at most 40 characters. */
  merchant_uid?: readonly unknown[] | undefined;
}

/**
 * The fields of `DELETE_BILLING_KEY` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface DeleteBillingKeyFields {
  /** At most 80 characters. */
  customer_uid?: string | undefined;
  reason?: string | undefined;
  extra?: object | undefined;
}

/**
 * The fields of `REQUESTER_EXTRA` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface RequesterExtraFields {
  requester?: string | undefined;
}

/**
 * The fields of `CANCEL` (src/catalog.rs), as its check takes them: every key optional. Written by
 * src/generate.rs.
 */
export interface CancelPaymentFields {
  imp_uid?: string | undefined;
  /** At most 40 characters. */
  merchant_uid?: string | undefined;
  amount?: number | undefined;
  tax_free?: number | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  vat_amount?: number | undefined;
  checksum?: number | undefined;
  reason?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  refund_holder?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  refund_bank?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  refund_account?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  refund_tel?: string | undefined;
  /** Documented for other PGs: passed on, Naver Pay ignores it (an `IGNORED_FIELD` warning). */
  retain_promotion?: boolean | undefined;
  enable_webhook?: boolean | undefined;
  extra?: object | undefined;
}

/**
 * The fields of `PAY_OPTIONS` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface ValidateOptionsFields {
  mode?: string | undefined;
  minAmount?: number | undefined;
  locale?: string | undefined;
  device?: object | undefined;
  now?: unknown;
}

/**
 * The fields of `BODY_OPTIONS` (src/catalog.rs), as its check takes them: every key optional.
 * Written by src/generate.rs.
 */
export interface BodyOptionsFields {
  minAmount?: number | undefined;
  now?: unknown;
  locale?: string | undefined;
}
// @generated field-tables end

// ---------------------------------------------------------------------------------------------
// Payment parameters
// ---------------------------------------------------------------------------------------------

/**
 * One product of the order (Naver Pay's `productItems`). Without products a payment fails Naver
 * Pay's inspection.
 */
export type NaverProduct = NaverProductFields & NaverProductCategory & {
  /** The merchant's product id: required, non-empty, at most 100 bytes of UTF-8. */
  uid: string;
  /** The product name: required, non-empty, at most 128 characters. */
  name: string;
  /** The quantity: an integer from 1 to 999999. */
  count: number;
  /** The sub-merchant id of brokerage merchants: ASCII letters and digits only, at most 30. */
  sellerId?: string | null | undefined;
  /** The funnel to Naver Pay; only under a partnership agreement. */
  payReferrer?: PayReferrer | null | undefined;
  /** The start of the service period, `yyyyMMdd` (a string, or the same digits as a number). */
  startDate?: string | number | null | undefined;
  /** The end of the service period, `yyyyMMdd` (string or number), not before `startDate`. */
  endDate?: string | number | null | undefined;
};

/**
 * What a general payment and a billing-key registration share. Every field is checked by the
 * validator before IMP is called; an `undefined` or `null` optional field counts as not entered
 * (`null` is passed on to IMP as given).
 */
export interface NaverPayBaseParams
  extends Omit<RequestPayFields, 'customer_uid' | 'naverProductCode' | 'naverUseCfm' | 'tax_free'> {
  /**
   * The PG code; default `'naverpay'` when `channelKey` is absent. Deprecated by PortOne for
   * `channelKey` (a `DEPRECATED_FIELD` warning when given).
   */
  pg?: NaverPayPg | null | undefined;
  /** The channel key from PortOne's console: PortOne's way to pick the Naver Pay channel. */
  channelKey?: string | null | undefined;
  /** The merchant's order id: required, non-empty, at most 40 characters, unique per request. */
  merchant_uid: string;
  /**
   * The order name, at most 40 characters; missing → `naverProducts[0].name`. With several
   * products PortOne recommends `naverProducts[0].name` (a `NAME_MISMATCH` warning otherwise):
   * Naver Pay appends "외 N개" itself.
   */
  name?: string | null | undefined;
  /**
   * Where the page returns after the payment window in redirect mode (required there): an
   * absolute URL whose host a browser accepts, with spaces and other characters
   * percent-encoded; `http:` to another host than this machine draws an `INSECURE_URL` warning.
   */
  m_redirect_url?: string | null | undefined;
  /**
   * Popup (`true`) or redirect (`false`). Leave it out: the device decides (see
   * {@link choosePayMode}). Set, it overrides the device (`true` on a phone draws a
   * `POPUP_ON_MOBILE` warning: the result would be lost).
   */
  naverPopupMode?: boolean | null | undefined;
  /** The purchaser's name, for high-risk industries when the Naver Pay contract asks for it. */
  naverPurchaserName?: string | null | undefined;
  /** The purchaser's birthday, `yyyyMMdd`, not in the future; high-risk industries only. */
  naverPurchaserBirthday?: string | null | undefined;
  /**
   * @deprecated PortOne dropped it from the request (2025-06): register the Chain ID with the
   * Naver Pay channel in PortOne's console and pick the channel with `channelKey`.
   */
  naverChainId?: string | null | undefined;
  /** The buyer's e-mail address. */
  buyer_email?: string | null | undefined;
  /** The buyer's phone number: digits, optional `-` and leading `+`, 8–20 characters. */
  buyer_tel?: string | null | undefined;
  /** The buyer's name. */
  buyer_name?: string | null | undefined;
  /** The buyer's address. */
  buyer_addr?: string | null | undefined;
  /** The buyer's postcode. */
  buyer_postcode?: string | null | undefined;
  /** PortOne's webhook URL(s) for this payment. */
  notice_url?: string | string[] | null | undefined;
  /** PortOne's confirm-process URL. */
  confirm_url?: string | null | undefined;
  /** Data of the merchant's own, stored with the payment by PortOne. */
  custom_data?: unknown;
  /** The merchant's customer id. */
  customer_id?: string | null | undefined;
  /** The currency; Naver Pay takes `'KRW'`. */
  currency?: string | null | undefined;
  /** Whether the payment qualifies for the culture-expense income deduction. */
  naverCultureBenefit?: boolean | null | undefined;
  /** The merchant's key for the Naver user. */
  naverMerchantUserKey?: string | null | undefined;
  /** The product count Naver Pay shows. */
  naverProductCount?: number | null | undefined;

  // Other fields of PortOne V1's `IMP.request_pay`: known to IMP and passed through untouched.
  // Those documented for other PGs only draw an `IGNORED_FIELD` warning (Naver Pay ignores them).

  /** PortOne's payment method code: `'naverpay'` or none (any other draws `IGNORED_FIELD`). */
  pay_method?: string | null | undefined;
  /** Whether the payment is held in escrow (Naver Pay's inspection sheet asks). */
  escrow?: boolean | null | undefined;
  /** Set by PortOne's React Native SDK (NICE's mobile window); passed on. */
  niceMobileV2?: boolean | null | undefined;
  /** Set by PortOne's KakaoPay samples; passed on. */
  kakaoOpenApp?: boolean | null | undefined;
  /** The VAT part of `amount`. */
  vat_amount?: number | null | undefined;
  /** The older name of `vat_amount`. */
  vat?: number | null | undefined;
  /** The payment window's language (PortOne's, not this package's `locale`). */
  language?: string | null | undefined;
  /** The app's URL scheme, for returning from an external app in a WebView. */
  app_scheme?: string | null | undefined;
  /** Display options of the payment window (e.g. card instalment months). */
  display?: { card_quota?: number[] | undefined } | null | undefined;
  /** Whether the goods are digital (for mobile carrier billing). */
  digital?: boolean | null | undefined;
  /** The virtual-account deposit deadline. */
  vbank_due?: string | null | undefined;
  /** The business registration number. */
  biz_num?: string | null | undefined;
  /** Whether PortOne opens the window as a popup (PortOne's generic flag; Naver Pay uses `naverPopupMode`). */
  popup?: boolean | null | undefined;
  /** The service period shown by some PGs. */
  period?: { from?: string | null | undefined; to?: string | undefined } | null | undefined;
  /** The merchant's company name shown by some PGs. */
  company?: string | null | undefined;
  /** PG-specific parameters passed through to the PG. */
  bypass?: Record<string, unknown> | null | undefined;
  /** @deprecated PortOne dropped it from its Naver Pay page (2026-06). */
  naverActionType?: string | null | undefined;
  /** Naver Pay's interface data (inflow codes and the like), when the Naver Pay contract calls for it. */
  naverInterface?: Record<string, unknown> | null | undefined;
  /** PortOne's per-product list for other PGs. */
  products?: readonly Record<string, unknown>[] | null | undefined;
  /** Card options for other PGs. */
  card?: Record<string, unknown> | null | undefined;
  /** Whether the merchant pays the card instalment interest (other PGs). */
  useFreeInterestFromMall?: boolean | null | undefined;
}

/**
 * The parameters of a general Naver Pay payment: what `IMP.request_pay` receives, checked first.
 *
 * Only documented V1 fields are declared, so a misspelt field in an object literal
 * (`naverPopUpMode`) does not compile. `customer_uid` is not one of them: with it IMP registers
 * a billing key instead, which is {@link NaverPayCheckout.registerBillingKey}'s job. At run time a field IMP does not know is an
 * `UNKNOWN_FIELD` error when it is close to a known one, otherwise a warning, and REST
 * credentials (`imp_key`, `imp_secret`, …) are refused with `SECRET_IN_BROWSER`.
 */
export interface NaverPayParams extends NaverPayBaseParams {
  /**
   * The amount in won: a JavaScript number (never a string), an integer, at least `minAmount`
   * (default 100).
   */
  amount: number;
  /** The order's products: required, non-empty. */
  naverProducts: readonly NaverProduct[];
  /**
   * The payment's expiry date, `yyyyMMdd`, on or after today in Asia/Seoul; only when the Naver Pay
   * contract asks for it (music, tickets, …).
   */
  naverUseCfm?: string | null | undefined;
  /** The tax-free part of `amount`: an integer, 0 ≤ tax_free ≤ amount. */
  tax_free?: number | null | undefined;
}

/**
 * The parameters of a Naver Pay billing-key registration (recurring payments). No payment is
 * approved: later charges go through {@link buildAgainPaymentBody} and
 * {@link buildSchedulePaymentBody} on the merchant's server.
 */
export interface BillingKeyParams extends NaverPayBaseParams {
  /** The billing key to register: required, non-empty, at most 80 characters. */
  customer_uid: string;
  /** The buyer's phone number: required here. */
  buyer_tel: string;
  /**
   * The merchant's product code: required, non-empty. Naver Pay uses it to stop a customer from
   * registering the same product twice.
   */
  naverProductCode: string;
  /** The amount shown to the buyer, for display only: an integer ≥ 0, no minimum. */
  amount: number;
  /** The products, optional here. */
  naverProducts?: readonly NaverProduct[] | null | undefined;
}

/**
 * A request that passed validation: exactly what `IMP.request_pay` receives. `pg` (unless
 * `channelKey` stands instead), `name` and `naverPopupMode` are always filled in; unknown fields
 * that only drew a warning are passed through untouched.
 */
export interface NaverPayRequest {
  pg?: NaverPayPg;
  channelKey?: string;
  merchant_uid: string;
  name: string;
  amount: number;
  naverPopupMode: boolean;
  [field: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Options, reports, results
// ---------------------------------------------------------------------------------------------

/**
 * A Trusted Types `TrustedScriptURL` (`trustedTypes.createPolicy(…).createScriptURL(url)`), which
 * TypeScript's DOM library does not declare.
 */
export interface TrustedScriptURL {
  toJSON(): string;
  toString(): string;
}

/** How {@link NaverPayCheckout.load} loads the PortOne V1 SDK. */
export interface LoadOptions {
  /** The PortOne merchant code (가맹점 식별코드): `imp` followed by digits. */
  merchantCode: string;
  /**
   * The SDK's URL, a string or a {@link TrustedScriptURL}; default
   * `https://cdn.iamport.kr/v1/iamport.js`. Under Trusted Types a string goes through the
   * package's own policy, `naverpay-checkout`, which passes only this URL.
   */
  sdkUrl?: string | TrustedScriptURL | undefined;
  /** How long to wait for the script, in milliseconds; default 10000. */
  timeoutMs?: number | undefined;
}

/** How a payment runs. A misspelt option is an `UNKNOWN_FIELD` error that names the option meant. */
export interface PayOptions {
  /**
   * The window mode; default `'auto'`: popup on desktop, redirect on phones, tablets and in-app
   * browsers. An explicit `naverPopupMode` in the params also overrides the device.
   */
  mode?: PayModeOption | undefined;
  /**
   * The smallest amount accepted, in won; default 100 (the integration guide's and PortOne's V2
   * page's minimum). PortOne's V1 Naver Pay page says 10 won: `minAmount: 10` follows it.
   */
  minAmount?: number | undefined;
  /** The language of messages; default `'ko'`. */
  locale?: Locale | undefined;
}

/** How {@link validateNaverPay} and {@link validateBillingKey} validate. */
export interface ValidateOptions extends Omit<ValidateOptionsFields, keyof PayOptions>, PayOptions {
  /** The device, for `mode: 'auto'`; default: read from `navigator`. */
  device?: DeviceInfo | undefined;
  /** "Now", for tests; default `Date.now()`. Dates are compared with today in Asia/Seoul. */
  now?: Date | number | undefined;
}

/** What the browser says about the device. */
export interface DeviceInfo {
  /** `navigator.userAgent`. */
  userAgent: string;
  /** `navigator.maxTouchPoints`; above 1 with a Mac user agent means iPadOS. */
  maxTouchPoints?: number | undefined;
  /** `navigator.userAgentData.mobile`, where the browser has it. */
  mobile?: boolean | undefined;
}

/** One problem with one field. */
export interface FieldIssue {
  /** What kind of problem: match on this, never on `message`. */
  code: ErrorCode;
  /** Where: a path like `naverProducts[1].count`, or `''` for the whole input. */
  field: string;
  /** A sentence for people, in the requested locale. */
  message: string;
}

/** A report without errors: `request` is what IMP will receive. */
export interface ValidationReportOk {
  ok: true;
  errors: [];
  /** Problems worth fixing that do not stop the payment (`NAME_MISMATCH`, `UNKNOWN_FIELD`). */
  warnings: FieldIssue[];
  /** The window mode the request uses. */
  mode: PayMode;
  /** Exactly what `IMP.request_pay` receives. */
  request: NaverPayRequest;
}

/** A report with errors: every problem is listed, not only the first; there is no request. */
export interface ValidationReportFailed {
  ok: false;
  /** Every problem that stops the payment. */
  errors: FieldIssue[];
  /** Problems worth fixing that do not stop the payment (`NAME_MISMATCH`, `UNKNOWN_FIELD`). */
  warnings: FieldIssue[];
  /** The window mode the request uses. */
  mode: PayMode;
  request: null;
}

/** The outcome of validation; narrow on `ok`. */
export type ValidationReport = ValidationReportOk | ValidationReportFailed;

/**
 * A payment's outcome as the page sees it: from the popup callback, from the query
 * `m_redirect_url` receives, or the minimum-amount refusal.
 *
 * **A success flag is not proof of payment.** The merchant's server must look the payment up
 * by `imp_uid` with PortOne's REST API and compare the amount before fulfilling the order.
 *
 * **Show `error_msg` to the buyer verbatim**: no prefix, no wrapping, no translation. Naver Pay's
 * inspection rejects a page that rewrites it.
 */
export interface PaymentResult {
  /** Whether IMP reported success (`imp_success`, else `success`, else derived). Not proof of payment. */
  success: boolean;
  /** PortOne's payment id; `null` when IMP sent none. Look the payment up by it on the server. */
  imp_uid: string | null;
  /** The merchant's order id, as IMP sent it. */
  merchant_uid: string | null;
  /**
   * The PG's error code, or `'AMOUNT_BELOW_MINIMUM'` when the amount was below the minimum and IMP
   * was not called.
   */
  error_code: string | null;
  /** The PG's failure message, exactly as sent (`===`): show it to the buyer as-is. */
  error_msg: string | null;
  /** How the result arrived. */
  mode: PayMode;
  /**
   * Every field IMP sent, untouched: in popup mode the very object IMP passed to the callback
   * (`{}` when it passed anything but an object), in redirect mode the decoded query (each value
   * a string, the first of each key, at most 1000 pairs), on the minimum-amount refusal
   * `{ success, merchant_uid, error_code, error_msg }`.
   */
  raw: Record<string, unknown>;
  /**
   * From `pay` and `registerBillingKey` only, when there are some: the validation's warnings
   * (`NAME_MISMATCH`, `DEPRECATED_FIELD`, `POPUP_ON_MOBILE`, …), which did not stop the payment.
   */
  warnings?: FieldIssue[];
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * What the package throws or rejects with for setup mistakes and programming errors. Payment
 * outcomes, failures included, are resolved as {@link PaymentResult}s instead.
 *
 * Created by the package only; narrow an unknown value with {@link isNaverPayError} (or
 * `instanceof`).
 */
export declare class NaverPayError extends Error {
  private constructor();
  /** Always `'NaverPayError'`. */
  readonly name: 'NaverPayError';
  /** What went wrong: match on this, never on `message`. */
  readonly code: ErrorCode;
  /** The field concerned, when there is one. */
  readonly field?: string;
  /** With `INVALID_PARAMS`: every problem with the parameters, not only the first. */
  readonly errors?: FieldIssue[];
  /** With `INVALID_PARAMS` from `pay`/`registerBillingKey`: the warnings too, when there are some. */
  readonly warnings?: FieldIssue[];
  /** The original JavaScript value of an outside failure (a script `error` event, an exception). */
  readonly cause?: unknown;
}

/** Whether `e` is a {@link NaverPayError}: use it in `catch` blocks to read `code` safely. */
export declare function isNaverPayError(e: unknown): e is NaverPayError;

// ---------------------------------------------------------------------------------------------
// Browser API
// ---------------------------------------------------------------------------------------------

/**
 * Naver Pay checkout on a page. Get one with {@link NaverPayCheckout.load} at page load, then call
 * {@link NaverPayCheckout.pay} from the click handler.
 */
export declare class NaverPayCheckout {
  private constructor();

  /**
   * Loads the PortOne V1 SDK (or reuses an `IMP` or a script tag with the same URL already on the
   * page) and initialises it with the merchant code. Call it at page load, before the buyer
   * clicks. Concurrent calls share one script element.
   *
   * @throws {NaverPayError} (rejects) a {@link LoadErrorCode}: `NOT_IN_BROWSER`,
   *   `INVALID_MERCHANT_CODE`, `INVALID_PARAMS` (a `timeoutMs` that is not a number from 0 to
   *   2^31 − 1, an `sdkUrl` that is not a non-empty string or a TrustedScriptURL; `errors` says
   *   which), `SDK_LOAD_FAILED`, `SDK_TIMEOUT` or `SDK_UNAVAILABLE`. A rejected load is not
   *   cached: calling `load` again retries.
   */
  static load(options: LoadOptions): Promise<NaverPayCheckout>;

  /**
   * Validates the parameters and opens the Naver Pay window. `IMP.request_pay` is called
   * synchronously, before the first `await`, so call `pay` directly from the click handler:
   * the click's user activation keeps popup blockers quiet.
   *
   * Resolves with every outcome IMP reports, and with `error_code: 'AMOUNT_BELOW_MINIMUM'`
   * (IMP not called) when the amount is below the minimum, so one failure path shows
   * `error_msg` verbatim. A resolved `success` is not proof of payment: verify on the server.
   * In redirect mode the page leaves for `m_redirect_url` and the promise stays pending; read the
   * result there with {@link parseRedirectResult}.
   *
   * @throws {NaverPayError} (rejects) a {@link PayErrorCode}: `INVALID_PARAMS` with `errors`
   *   listing every problem (`LIMIT_EXCEEDED` among them for input past the limits);
   *   `PAYMENT_IN_PROGRESS` when a payment is already pending (IMP not called again);
   *   `PAYMENT_SUPERSEDED` for a payment IMP never answered, when a new `pay()` starts 10 minutes
   *   or more after it; `CHECKOUT_FREED` after `free()`; `SDK_UNAVAILABLE` when `IMP.init` or
   *   `IMP.request_pay` throws (the exception as `cause`).
   */
  pay(params: NaverPayParams, options?: PayOptions): Promise<PaymentResult>;

  /**
   * Registers a Naver Pay billing key (`customer_uid`) for recurring payments; no payment is
   * approved. Resolves and rejects as {@link NaverPayCheckout.pay} does.
   *
   * @throws {NaverPayError} (rejects) a {@link PayErrorCode}, as `pay` does.
   */
  registerBillingKey(params: BillingKeyParams, options?: PayOptions): Promise<PaymentResult>;
}

/**
 * Checks the parameters of a general payment as {@link NaverPayCheckout.pay} would, without
 * calling IMP. Takes anything (it validates at run time) and never throws: type mismatches are
 * reported as issues, every problem at once.
 */
export declare function validateNaverPay(params: unknown, options?: ValidateOptions): ValidationReport;

/**
 * Checks the parameters of a billing-key registration as
 * {@link NaverPayCheckout.registerBillingKey} would. Never throws.
 */
export declare function validateBillingKey(params: unknown, options?: ValidateOptions): ValidationReport;

/**
 * The window mode this device needs: `'redirect'` on phones, tablets (iPadOS with a Mac user
 * agent included) and in-app browsers (KakaoTalk, NAVER, Instagram, Facebook, LINE, Daum, Android
 * web views), where a popup's callback is lost; `'popup'` on desktop browsers.
 *
 * @param device Default: read from `navigator`.
 */
export declare function choosePayMode(device?: DeviceInfo): PayMode;

/**
 * Reads the payment result on the `m_redirect_url` page from a whole URL or a query (with or
 * without `?`). Never throws; an empty or foreign query is never a success.
 *
 * A success flag is not proof of payment: send `imp_uid` to the server, which looks the payment
 * up and compares the amount. Show `error_msg` verbatim.
 *
 * @example
 * const result = parseRedirectResult(location.href);
 */
export declare function parseRedirectResult(urlOrQuery: string): PaymentResult;

// ---------------------------------------------------------------------------------------------
// Server bodies (Node or Rust): the browser never calls these REST APIs, they need the secret.
// ---------------------------------------------------------------------------------------------

/** How the server body builders check their input. A misspelt option is an `UNKNOWN_FIELD` error. */
export interface BodyOptions extends BodyOptionsFields {
  /** The smallest amount accepted, in won; default 100. */
  minAmount?: number | undefined;
  /** "Now"; default `Date.now()`. Dates are compared in Asia/Seoul. */
  now?: Date | number | undefined;
  /** The language of messages; default `'ko'`. */
  locale?: Locale | undefined;
}

/** A request body in both encodings PortOne's REST API takes. */
export interface ServerRequestBody<TJson> {
  /** The body as an object, for `Content-Type: application/json` (`JSON.stringify` it). */
  json: TJson;
  /**
   * The body as `application/x-www-form-urlencoded` UTF-8 with bracket keys
   * (`extra[naverUseCfm]=…`, `schedules[0][merchant_uid]=…`), in a stable order.
   */
  form: string;
  /** `IGNORED_FIELD` warnings: fields documented for other PGs, written as given; only when there are some. */
  warnings?: FieldIssue[];
}

/**
 * What `again` and each schedule narrow alike of the fields PortOne's V1 schema documents for both
 * ({@link AgainPaymentFields}, {@link ScheduleFields}); written as given.
 */
export interface PaymentRestFields {
  /** The VAT part of `amount` (≤ amount); other PGs. */
  vat_amount?: number | undefined;
  /** The currency; other PGs (Naver Pay is KRW). */
  currency?: string | undefined;
  /** Stored with the payment (a string). */
  custom_data?: string | undefined;
  /** The webhook URL for this payment. */
  notice_url?: string | undefined;
  /** The buyer's browser IP. */
  browser_ip?: string | undefined;
  /** Other PGs. */
  product_type?: 'real' | 'digital' | undefined;
  /** Other PGs. */
  cash_receipt_type?: 'person' | 'company' | 'anonymous' | undefined;
  /** Other PGs (a JSON string). */
  bypass?: string | undefined;
}

/** A charge on a registered billing key (`POST /subscribe/payments/again`). */
export interface AgainPaymentInput extends Omit<AgainPaymentFields, keyof PaymentRestFields>, PaymentRestFields {
  /** The billing key registered with {@link NaverPayCheckout.registerBillingKey}: at most 80 characters. */
  customer_uid: string;
  /** The order id: at most 40 characters, never reused. */
  merchant_uid: string;
  /** The amount in won: an integer ≥ `minAmount`. */
  amount: number;
  /** The order name: at most 40 characters. */
  name: string;
  /** The tax-free part of `amount` (≤ amount); default 0. */
  tax_free?: number | undefined;
  /** The deprecated VAT field; other PGs. */
  vat?: number | undefined;
  /** The channel of a "super" billing key: at most 55 characters. */
  channel_key?: string | undefined;
  extra?:
    | (PaymentExtraFields & {
        /** The expiry date, `yyyyMMdd`, on or after today in Asia/Seoul. */
        naverUseCfm?: string | undefined;
      })
    | undefined;
}

/** The JSON of `POST /subscribe/payments/again`: the input's fields, as given. */
export type AgainPaymentJson = Omit<AgainPaymentInput, 'extra'> & { extra?: { naverUseCfm?: string } };

/**
 * One scheduled charge. (`schedule_at` is left out of {@link ScheduleFields}, whose `Int` it widens:
 * its own rule takes the digits as a string too.)
 */
export interface ScheduleInput
  extends Omit<ScheduleFields, keyof PaymentRestFields | 'schedule_at'>,
    PaymentRestFields {
  /** The order id: at most 40 characters, unique within the call. */
  merchant_uid: string;
  /**
   * When to charge: UNIX seconds, in the future; an integer (the OpenAPI schema) or its digits as
   * a string (naver.mdx), written as given.
   */
  schedule_at: number | string;
  /** The order name: at most 40 characters. */
  name?: string | undefined;
  /** The tax-free part of `amount` (≤ amount). */
  tax_free?: number | undefined;
  /** The amount in won: an integer ≥ `minAmount`. */
  amount: number;
  extra?:
    | (PaymentExtraFields & {
        /** The expiry date, `yyyyMMdd`, on or after the schedule's date in Asia/Seoul. */
        naverUseCfm?: string | undefined;
      })
    | undefined;
}

/** Scheduled charges on a registered billing key (`POST /subscribe/payments/schedule`). */
export interface SchedulePaymentInput extends SchedulePaymentFields {
  /** The billing key registered with {@link NaverPayCheckout.registerBillingKey}: at most 80 characters. */
  customer_uid: string;
  /** The buyer's id (Toss Payments). */
  customer_id?: string | undefined;
  /** An amount charged and refunded to check a key-in card; other PGs. */
  checking_amount?: number | undefined;
  /** The channel of a "super" billing key: at most 55 characters. */
  channel_key?: string | undefined;
  /** The charges: at least one. */
  schedules: readonly ScheduleInput[];
}

/** The JSON of `POST /subscribe/payments/schedule`: the input's fields, as given. */
export interface SchedulePaymentJson {
  customer_uid: string;
  customer_id?: string;
  checking_amount?: number;
  card_number?: string;
  expiry?: string;
  birth?: string;
  pwd_2digit?: string;
  cvc?: string;
  channel_key?: string;
  schedules: Array<Omit<ScheduleInput, 'extra'> & { extra?: { naverUseCfm?: string } }>;
}

/** Who asks for a cancellation: the buyer or the merchant. */
export type CancelRequester = 'customer' | 'admin';

/** Which payment to cancel: by `imp_uid`, by `merchant_uid`, or both; at least one. */
export type CancelTarget =
  | { imp_uid?: string | undefined; merchant_uid: string }
  | { imp_uid: string; merchant_uid?: string | undefined };

/** A cancellation (`POST /payments/cancel`). */
export type CancelPaymentInput = CancelPaymentFields & CancelTarget & {
  /** The amount to refund: an integer; 0 or none refunds the whole balance. At most `checksum`. */
  amount?: number | undefined;
  /** The cancellable balance as the merchant knows it; PortOne refuses the refund when it differs. */
  checksum?: number | undefined;
  /** The tax-free part of a partial refund (≤ amount). */
  tax_free?: number | undefined;
  /** The VAT part of a partial refund (≤ amount); other PGs. */
  vat_amount?: number | undefined;
  /** Whether PortOne sends the cancellation webhook. */
  enable_webhook?: boolean | undefined;
  /** The real reason: required, non-empty (Naver Pay's inspection fails without it). */
  reason: string;
  extra?:
    | (RequesterExtraFields & {
        /** Who asks; default `'admin'`. Always written into the body. */
        requester?: CancelRequester | undefined;
      })
    | undefined;
};

/** The JSON of `POST /payments/cancel`: `reason` and `extra.requester` are always there. */
export type CancelPaymentJson = Omit<CancelPaymentInput, 'extra'> & { extra: { requester: CancelRequester } };

/**
 * Revoking scheduled charges (`POST /subscribe/payments/unschedule`): every schedule of
 * `customer_uid`, the schedules of the orders in `merchant_uid`, or those of both.
 */
export type UnschedulePaymentInput = UnschedulePaymentFields &
  (
    | { customer_uid: string; merchant_uid?: readonly string[] | undefined }
    | { customer_uid?: string | undefined; merchant_uid: readonly string[] }
  );

/** The JSON of `POST /subscribe/payments/unschedule`. */
export interface UnschedulePaymentJson {
  customer_uid?: string;
  merchant_uid?: string[];
}

/** Deleting a billing key (`DELETE /subscribe/customers/{customer_uid}`). */
export interface DeleteBillingKeyInput extends DeleteBillingKeyFields {
  /** The billing key: at most 80 characters. It goes into the path. */
  customer_uid: string;
  /** The real reason: required, non-empty (Naver Pay's inspection fails without it). */
  reason: string;
  extra?:
    | (RequesterExtraFields & {
        /** Who asks; default `'admin'`. Always written. */
        requester?: CancelRequester | undefined;
      })
    | undefined;
}

/** The fields of billing-key deletion: PortOne takes them in the query (`form`). */
export interface DeleteBillingKeyJson {
  reason: string;
  extra: { requester: CancelRequester };
}

/** The body of `POST /subscribe/payments/again`. */
export type AgainPaymentBody = ServerRequestBody<AgainPaymentJson>;
/** The body of `POST /subscribe/payments/schedule`. */
export type SchedulePaymentBody = ServerRequestBody<SchedulePaymentJson>;
/** The body of `POST /payments/cancel`. */
export type CancelPaymentBody = ServerRequestBody<CancelPaymentJson>;
/** The body of `POST /subscribe/payments/unschedule`. */
export type UnschedulePaymentBody = ServerRequestBody<UnschedulePaymentJson>;
/**
 * The request of `DELETE /subscribe/customers/{customer_uid}`: send `DELETE {path}?{form}`
 * (`form` is the query string).
 */
export type DeleteBillingKeyRequest = ServerRequestBody<DeleteBillingKeyJson> & {
  /** `/subscribe/customers/` and the key, percent-encoded. */
  path: string;
};

/**
 * Builds the body of `POST /subscribe/payments/again`: a charge on a billing key. For the
 * merchant's server only (the call needs the REST secret).
 *
 * @throws {NaverPayError} `INVALID_PARAMS`, with `errors` listing every problem.
 */
export declare function buildAgainPaymentBody(input: AgainPaymentInput, options?: BodyOptions): AgainPaymentBody;

/**
 * Builds the body of `POST /subscribe/payments/schedule`: future charges on a billing key. For
 * the merchant's server only.
 *
 * @throws {NaverPayError} `INVALID_PARAMS`, with `errors` listing every problem.
 */
export declare function buildSchedulePaymentBody(
  input: SchedulePaymentInput,
  options?: BodyOptions,
): SchedulePaymentBody;

/**
 * Builds the body of `POST /payments/cancel`, with `reason` and `extra.requester` (default
 * `'admin'`) always written out, as Naver Pay's inspection requires. For the merchant's server
 * only.
 *
 * @throws {NaverPayError} `INVALID_PARAMS`, with `errors` listing every problem.
 */
export declare function buildCancelPaymentBody(input: CancelPaymentInput, options?: BodyOptions): CancelPaymentBody;

/**
 * Builds the body of `POST /subscribe/payments/unschedule`: revokes scheduled charges. For the
 * merchant's server only.
 *
 * @throws {NaverPayError} `INVALID_PARAMS`, with `errors` listing every problem.
 */
export declare function buildUnschedulePaymentBody(
  input: UnschedulePaymentInput,
  options?: BodyOptions,
): UnschedulePaymentBody;

/**
 * Builds `DELETE /subscribe/customers/{customer_uid}`: deletes a billing key, with `reason` and
 * `extra[requester]` (default `'admin'`) always written, as Naver Pay's inspection requires. For
 * the merchant's server only.
 *
 * @throws {NaverPayError} `INVALID_PARAMS`, with `errors` listing every problem.
 */
export declare function buildDeleteBillingKeyBody(
  input: DeleteBillingKeyInput,
  options?: BodyOptions,
): DeleteBillingKeyRequest;
