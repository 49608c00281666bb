// Type-only tests of `naverpay-checkout` (types/index.d.ts). Never run, only compiled:
//   node_modules/.bin/tsc -p tests/types/tsconfig.json
// Valid uses must compile; each `// @ts-expect-error` marks the one line that must not
// (tsc fails when the marked line compiles).

import {
  NaverPayCheckout,
  NaverPayError,
  buildAgainPaymentBody,
  buildCancelPaymentBody,
  buildSchedulePaymentBody,
  choosePayMode,
  isNaverPayError,
  parseRedirectResult,
  validateBillingKey,
  validateNaverPay,
} from 'naverpay-checkout';
import type {
  AgainPaymentInput,
  BillingKeyParams,
  CancelPaymentInput,
  CancelPaymentJson,
  CancelRequester,
  DeviceInfo,
  ErrorCode,
  LoadErrorCode,
  PayErrorCode,
  TrustedScriptURL,
  FieldIssue,
  Locale,
  NaverCategoryId,
  NaverCategoryType,
  NaverPayParams,
  NaverPayRequest,
  NaverProduct,
  NaverProductCategory,
  PayMode,
  PayReferrer,
  PaymentResult,
  SchedulePaymentInput,
  ValidationReport,
} from 'naverpay-checkout';

/** `true` exactly when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectTrue<T extends true>(_: T): void {}

declare const payButton: HTMLButtonElement;
declare const messageEl: HTMLElement;

// ---------------------------------------------------------------------------------------------
// SPEC's example, verbatim
// ---------------------------------------------------------------------------------------------

const checkout = await NaverPayCheckout.load({ merchantCode: 'imp00000000' }); // at page load
payButton.addEventListener('click', async () => {
  const result = await checkout.pay({
    merchant_uid: 'order_0001', name: 'History of the World', amount: 14000,
    m_redirect_url: 'https://shop.example/pay/complete',
    naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211',
                      name: 'History of the World', count: 1 }],
  });
  if (!result.success) messageEl.textContent = result.error_msg; // verbatim, never wrapped
});
// on the m_redirect_url page
const result = parseRedirectResult(location.href);

// ---------------------------------------------------------------------------------------------
// load and pay
// ---------------------------------------------------------------------------------------------

expectTrue<Equal<typeof checkout, NaverPayCheckout>>(true);
expectTrue<Equal<typeof result, PaymentResult>>(true);

// every option
await NaverPayCheckout.load({
  merchantCode: 'imp12345678',
  sdkUrl: 'https://cdn.iamport.kr/v1/iamport.js',
  timeoutMs: 5000,
});

// The seed's request, every documented field used.
const seedParams: NaverPayParams = {
  pg: 'naverpay',
  merchant_uid: 'order_no_0001',
  name: 'History of the World',
  amount: 14000,
  buyer_email: 'iamport@siot.do',
  buyer_name: 'Customer name',
  buyer_tel: '010-1234-5678',
  buyer_addr: 'Samseong-dong, Gangnam-gu, Seoul',
  buyer_postcode: '123-456',
  naverUseCfm: '20301001',
  naverPopupMode: true,
  m_redirect_url: 'https://shop.example/pay/complete',
  naverPurchaserName: 'Purchaser name',
  naverPurchaserBirthday: '20151201',
  naverChainId: 'chain01',
  tax_free: 0,
  notice_url: ['https://shop.example/hook', 'https://backup.example/hook'],
  confirm_url: 'https://shop.example/confirm',
  custom_data: { cart: [1, 2, 3] },
  customer_id: 'member_42',
  currency: 'KRW',
  naverCultureBenefit: true,
  naverMerchantUserKey: 'user-key',
  naverProductCount: 2,
  language: 'ko',
  escrow: false,
  vat_amount: 1272,
  app_scheme: 'shopapp',
  bypass: { naverpay: {} },
  naverProducts: [
    {
      categoryType: 'BOOK',
      categoryId: 'GENERAL',
      uid: '107922211',
      name: 'History of the World',
      payReferrer: 'NAVER_BOOK',
      count: 10,
    },
    {
      categoryType: 'MUSIC',
      categoryId: 'CD',
      uid: '299911002',
      name: 'BTS',
      payReferrer: 'NAVER_BOOK',
      count: 1,
      sellerId: 'seller01',
      startDate: '20300101',
      endDate: '20301231',
    },
  ],
};
await checkout.pay(seedParams, { mode: 'redirect', minAmount: 10, locale: 'en' });
await checkout.pay(seedParams, { mode: 'popup' });
await checkout.pay(seedParams, { mode: 'auto', locale: 'ko' });

// pg with a MID, a channel key instead, and `undefined` as absent (exactOptionalPropertyTypes is on).
declare const maybeEmail: string | undefined;
await checkout.pay({ ...seedParams, pg: 'naverpay.mid0001', buyer_email: maybeEmail });
await checkout.pay({ ...seedParams, pg: undefined, channelKey: 'channel-key-0001' });

// Products built elsewhere, as a readonly constant or a mapped array.
const products = [
  { categoryType: 'MOVIE', categoryId: 'BLUERAY', uid: 'm1', name: 'Movie', count: 1 },
  { categoryType: 'INSURANCE', categoryId: 'VARIABLE_ANNUITY', uid: 'i1', name: 'Plan', count: 1 },
] as const;
await checkout.pay({ merchant_uid: 'order_0002', amount: 1000, naverProducts: products });
declare const cart: Array<{ sku: string; title: string; qty: number }>;
await checkout.pay({
  merchant_uid: 'order_0003',
  amount: 3000,
  naverProducts: cart.map(
    (line): NaverProduct => ({
      categoryType: 'PRODUCT',
      categoryId: 'GENERAL',
      uid: line.sku,
      name: line.title,
      count: line.qty,
    }),
  ),
});

// The category union narrows on categoryType.
function describeCategory(c: NaverProductCategory): string {
  if (c.categoryType === 'PLAY') {
    expectTrue<Equal<typeof c.categoryId, 'TICKET'>>(true);
  }
  return `${c.categoryType}/${c.categoryId}`;
}
describeCategory({ categoryType: 'ETC', categoryId: 'ETC' });
expectTrue<Equal<NaverCategoryId<'TRAVEL'>, 'DOMESTIC' | 'OVERSEA'>>(true);
expectTrue<
  Equal<
    NaverCategoryType,
    'BOOK' | 'MUSIC' | 'MOVIE' | 'PRODUCT' | 'PLAY' | 'TRAVEL' | 'INSURANCE' | 'FLIGHT' | 'FOOD' | 'ETC'
  >
>(true);
const referrer: PayReferrer = 'PARTNER_DIRECT';
const locale: Locale = 'en';
const mode: PayMode = choosePayMode();

// ---------------------------------------------------------------------------------------------
// Billing key
// ---------------------------------------------------------------------------------------------

const billing: BillingKeyParams = {
  pg: 'naverpay',
  customer_uid: 'gildong_0001_1234',
  merchant_uid: 'order_monthly_0001',
  name: 'Slim plan (monthly)',
  amount: 0,
  buyer_email: 'iamport@siot.do',
  buyer_name: 'Customer name',
  buyer_tel: '010-1234-5678',
  buyer_addr: 'Samseong-dong, Gangnam-gu, Seoul',
  buyer_postcode: '123-456',
  naverProductCode: 'slim-plan',
  naverPopupMode: true,
  m_redirect_url: 'https://shop.example/billing/complete',
};
const registered: PaymentResult = await checkout.registerBillingKey(billing, { locale });
await checkout.registerBillingKey({
  ...billing,
  naverProducts: [{ categoryType: 'PRODUCT', categoryId: 'DIGITAL_CONTENT', uid: 'plan', name: 'Plan', count: 1 }],
});

// ---------------------------------------------------------------------------------------------
// Results: not proof of payment; error_msg shown verbatim
// ---------------------------------------------------------------------------------------------

function showResult(r: PaymentResult): void {
  expectTrue<Equal<typeof r.imp_uid, string | null>>(true);
  expectTrue<Equal<typeof r.merchant_uid, string | null>>(true);
  expectTrue<Equal<typeof r.error_code, string | null>>(true);
  expectTrue<Equal<typeof r.error_msg, string | null>>(true);
  expectTrue<Equal<typeof r.mode, 'popup' | 'redirect'>>(true);
  expectTrue<Equal<typeof r.raw, Record<string, unknown>>>(true);
  if (r.success && r.imp_uid !== null) {
    void fetch('/payments/verify', { method: 'POST', body: JSON.stringify({ imp_uid: r.imp_uid }) });
  } else if (r.error_code === 'AMOUNT_BELOW_MINIMUM' || r.error_msg !== null) {
    messageEl.textContent = r.error_msg;
  }
  const extra: unknown = r.raw['pg_provider'];
  void extra;
}
showResult(result);
showResult(registered);

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

declare const formJson: unknown;
const device: DeviceInfo = { userAgent: navigator.userAgent, maxTouchPoints: 5, mobile: true };
const report: ValidationReport = validateNaverPay(formJson, {
  mode: 'auto',
  minAmount: 100,
  locale: 'ko',
  device,
  now: new Date('2030-01-01T00:00:00+09:00'),
});
validateNaverPay(null);
validateNaverPay('not even an object', { now: 1_900_000_000_000 });
validateBillingKey(billing, { device: { userAgent: 'Mozilla/5.0 (iPhone)' } });
if (report.ok) {
  const request: NaverPayRequest = report.request;
  expectTrue<Equal<typeof request.merchant_uid, string>>(true);
  expectTrue<Equal<typeof request.amount, number>>(true);
  expectTrue<Equal<typeof request.naverPopupMode, boolean>>(true);
  expectTrue<Equal<typeof report.errors, []>>(true);
} else {
  expectTrue<Equal<typeof report.request, null>>(true);
}
expectTrue<Equal<typeof report.request, NaverPayRequest | null>>(true);
expectTrue<Equal<typeof report.mode, PayMode>>(true);
const issues: FieldIssue[] = [...report.errors, ...report.warnings];
const codes: ErrorCode[] = report.errors.map((e) => e.code);
for (const issue of report.errors) console.log(issue.field, issue.message);
void issues;
void codes;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

try {
  await checkout.pay(seedParams);
} catch (e) {
  if (isNaverPayError(e)) {
    expectTrue<Equal<typeof e.name, 'NaverPayError'>>(true);
    expectTrue<Equal<typeof e.code, ErrorCode>>(true);
    const field: string | undefined = e.field;
    const errors: FieldIssue[] | undefined = e.errors;
    const cause: unknown = e.cause;
    const message: string = e.message;
    void [field, errors, cause, message];
    if (e.code === 'INVALID_PARAMS') for (const issue of e.errors ?? []) console.log(issue.code);
  }
  if (e instanceof NaverPayError) console.log(e.code);
  if (e instanceof Error) console.log(e.message);
}

/** Every code handled: adding a code to the union breaks this switch. */
function describeCode(code: ErrorCode): string {
  switch (code) {
    case 'REQUIRED':
    case 'INVALID_TYPE':
    case 'NOT_INTEGER':
    case 'OUT_OF_RANGE':
    case 'TOO_LONG':
    case 'INVALID_FORMAT':
    case 'INVALID_VALUE':
    case 'INVALID_DATE':
    case 'DATE_IN_PAST':
    case 'INVALID_CATEGORY':
    case 'INVALID_URL':
    case 'REDIRECT_URL_REQUIRED':
    case 'AMOUNT_BELOW_MINIMUM':
    case 'NAME_MISMATCH':
    case 'UNKNOWN_FIELD':
    case 'SECRET_IN_BROWSER':
    case 'IGNORED_FIELD':
    case 'DEPRECATED_FIELD':
    case 'UNSUPPORTED_FIELD':
    case 'INSECURE_URL':
    case 'POPUP_ON_MOBILE':
      return 'field';
    case 'INVALID_PARAMS':
    case 'PAYMENT_IN_PROGRESS':
    case 'PAYMENT_SUPERSEDED':
    case 'CHECKOUT_FREED':
    case 'LIMIT_EXCEEDED':
      return 'pay';
    case 'NOT_IN_BROWSER':
    case 'INVALID_MERCHANT_CODE':
    case 'SDK_LOAD_FAILED':
    case 'SDK_TIMEOUT':
    case 'SDK_UNAVAILABLE':
      return 'load';
    case 'NOT_INITIALIZED':
      return 'web';
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
describeCode('SDK_TIMEOUT');

// The rejections of load and pay are subsets of ErrorCode, and name what each can give.
expectTrue<Equal<Extract<LoadErrorCode, ErrorCode>, LoadErrorCode>>(true);
expectTrue<Equal<Extract<PayErrorCode, ErrorCode>, PayErrorCode>>(true);
const payCode: PayErrorCode = 'PAYMENT_SUPERSEDED';
// @ts-expect-error load never rejects PAYMENT_IN_PROGRESS
const loadCode: LoadErrorCode = 'PAYMENT_IN_PROGRESS';
declare const trustedUrl: TrustedScriptURL;
NaverPayCheckout.load({ merchantCode: 'imp00000000', sdkUrl: trustedUrl });

/** A switch missing one code is not exhaustive: ErrorCode is a literal union, not `string`. */
function describeCodeMissingOne(code: ErrorCode): string {
  switch (code) {
    case 'REQUIRED': case 'INVALID_TYPE': case 'NOT_INTEGER': case 'OUT_OF_RANGE': case 'TOO_LONG':
    case 'INVALID_FORMAT': case 'INVALID_VALUE': case 'INVALID_DATE': case 'DATE_IN_PAST':
    case 'INVALID_CATEGORY': case 'INVALID_URL': case 'REDIRECT_URL_REQUIRED': case 'AMOUNT_BELOW_MINIMUM':
    case 'NAME_MISMATCH': case 'UNKNOWN_FIELD': case 'SECRET_IN_BROWSER': case 'INVALID_PARAMS':
    case 'PAYMENT_IN_PROGRESS': case 'NOT_IN_BROWSER': case 'INVALID_MERCHANT_CODE': case 'SDK_LOAD_FAILED':
    case 'SDK_TIMEOUT': case 'NOT_INITIALIZED': case 'LIMIT_EXCEEDED': case 'PAYMENT_SUPERSEDED': case 'CHECKOUT_FREED':
      return 'known';
    default: {
      // @ts-expect-error 'SDK_UNAVAILABLE' is left
      const unreachable: never = code;
      return unreachable;
    }
  }
}
describeCodeMissingOne('REQUIRED');

// ---------------------------------------------------------------------------------------------
// Server bodies
// ---------------------------------------------------------------------------------------------

const again = buildAgainPaymentBody(
  {
    customer_uid: 'gildong_0001_1234',
    merchant_uid: 'order_monthly_0002',
    amount: 10000,
    name: 'Slim plan (initial payment)',
    tax_free: 0,
    extra: { naverUseCfm: '20301001' },
  },
  { minAmount: 100, now: Date.now() },
);
const againBody: string = again.form;
const againAmount: number = again.json.amount;
const againCfm: string | undefined = again.json.extra?.naverUseCfm;
void [againBody, againAmount, againCfm];
const againInput: AgainPaymentInput = { customer_uid: 'c', merchant_uid: 'm', amount: 100, name: 'n' };
buildAgainPaymentBody(againInput);

const scheduleInput: SchedulePaymentInput = {
  customer_uid: 'gildong_0001_1234',
  schedules: [
    { merchant_uid: 'order_monthly_0003', schedule_at: 1_900_000_000, amount: 10000, extra: { naverUseCfm: '20301001' } },
    { merchant_uid: 'order_monthly_0004', schedule_at: 1_902_592_000, amount: 10000 },
  ],
};
const schedule = buildSchedulePaymentBody(scheduleInput, { now: new Date() });
const firstSchedule = schedule.json.schedules[0];
// Written as given: an integer (the OpenAPI schema) or its digits (naver.mdx).
if (firstSchedule) expectTrue<Equal<typeof firstSchedule.schedule_at, number | string>>(true);
void schedule.form.length;

const cancelByImpUid = buildCancelPaymentBody({
  imp_uid: 'imp_123412341234',
  amount: 3000,
  reason: 'The buyer changed their mind',
  extra: { requester: 'customer' },
});
const cancelByMerchantUid = buildCancelPaymentBody({ merchant_uid: 'order_0001', reason: 'Out of stock' });
const cancelByBoth: CancelPaymentInput = { imp_uid: 'imp_1', merchant_uid: 'order_1', reason: 'Duplicate order' };
buildCancelPaymentBody(cancelByBoth, { now: 0 });
const cancelJson: CancelPaymentJson = cancelByImpUid.json;
// reason and extra.requester are always in the body: no optional chaining needed.
const reason: string = cancelByMerchantUid.json.reason;
const requester: CancelRequester = cancelJson.extra.requester;
const cancelForm: string = cancelByMerchantUid.form;
void [reason, requester, cancelForm];

// In a server's catch block: invalid input throws NaverPayError INVALID_PARAMS.
try {
  buildAgainPaymentBody(againInput);
} catch (e) {
  if (isNaverPayError(e) && e.code === 'INVALID_PARAMS') console.log(e.errors?.length);
}

void [referrer, mode];

// ---------------------------------------------------------------------------------------------
// Must not compile
// ---------------------------------------------------------------------------------------------

const product: NaverProduct = { categoryType: 'BOOK', categoryId: 'GENERAL', uid: 'u', name: 'n', count: 1 };

// amount as a string
// @ts-expect-error amount must be a number
await checkout.pay({ merchant_uid: 'o', amount: '14000', naverProducts: [product] });

// a categoryId of another categoryType
// @ts-expect-error EBOOK is a BOOK id, not a MUSIC id
const musicEbook: NaverProduct = { categoryType: 'MUSIC', categoryId: 'EBOOK', uid: 'u', name: 'n', count: 1 };

// @ts-expect-error GAME is not a categoryType
const game: NaverProductCategory = { categoryType: 'GAME', categoryId: 'ETC' };

// @ts-expect-error BLURAY: Naver spells it BLUERAY
const bluray: NaverProductCategory = { categoryType: 'MOVIE', categoryId: 'BLURAY' };

// @ts-expect-error payReferrer typo
const badReferrer: NaverProduct = { ...product, payReferrer: 'NAVER_SHOP' };

// @ts-expect-error product count as a string
const countString: NaverProduct = { ...product, count: '1' };

// a misspelt field in an object literal (the runtime also rejects it with UNKNOWN_FIELD)
await checkout.pay({
  merchant_uid: 'o',
  amount: 14000,
  naverProducts: [product],
  // @ts-expect-error naverPopUpMode is a typo of naverPopupMode
  naverPopUpMode: true,
});

// @ts-expect-error a typo inside a product
const productTypo: NaverProduct = { ...product, sellerID: 'seller01' };

// @ts-expect-error customer_uid turns a payment into a billing-key registration: registerBillingKey takes it
const customerUid: NaverPayParams = { ...seedParams, customer_uid: 'c' };

// @ts-expect-error REST credentials do not belong in the browser's params
const secret: NaverPayParams = { ...seedParams, imp_secret: 'xxxx' };

// @ts-expect-error pg of another PG
const otherPg: NaverPayParams = { ...seedParams, pg: 'kakaopay' };

// @ts-expect-error naverPopupMode is a boolean
const popupString: NaverPayParams = { ...seedParams, naverPopupMode: 'true' };

// @ts-expect-error merchant_uid is required
const noMerchantUid: NaverPayParams = { amount: 14000, naverProducts: [product] };

// @ts-expect-error naverProducts is required for a general payment
const noProducts: NaverPayParams = { merchant_uid: 'o', amount: 14000 };

// @ts-expect-error mode 'modal' does not exist
await checkout.pay(seedParams, { mode: 'modal' });

// @ts-expect-error locale 'jp' does not exist
await checkout.pay(seedParams, { locale: 'jp' });

// @ts-expect-error merchantCode is required
await NaverPayCheckout.load({});

// @ts-expect-error only load() makes a NaverPayCheckout
new NaverPayCheckout();

// @ts-expect-error only the package makes a NaverPayError
new NaverPayError();

// @ts-expect-error naverProductCode is required for a billing key
const noProductCode: BillingKeyParams = { customer_uid: 'c', merchant_uid: 'o', amount: 0, buyer_tel: '010-1234-5678' };

// @ts-expect-error buyer_tel is required for a billing key
const noBuyerTel: BillingKeyParams = { customer_uid: 'c', merchant_uid: 'o', amount: 0, naverProductCode: 'p' };

// @ts-expect-error general params are not billing-key params (no customer_uid)
await checkout.registerBillingKey(seedParams);

// @ts-expect-error ErrorCode typo
const codeTypo: ErrorCode = 'INVALID_PARAM';

// @ts-expect-error choosePayMode never answers 'auto'
const autoMode: 'auto' = choosePayMode();

// @ts-expect-error error_msg may be null
const msg: string = result.error_msg;

// @ts-expect-error raw's fields are unknown until checked
const rawUid: string = result.raw['imp_uid'];

// @ts-expect-error request is null when the report is not ok
const unchecked: NaverPayRequest = report.request;

// reading .code on an unknown catch value without narrowing
try {
  await checkout.pay(seedParams);
} catch (e) {
  // @ts-expect-error e is unknown
  console.log(e.code);
}

// cancel without a reason
// @ts-expect-error reason is required
buildCancelPaymentBody({ imp_uid: 'imp_123412341234' });

// cancel naming no payment
// @ts-expect-error imp_uid or merchant_uid is required
buildCancelPaymentBody({ reason: 'Out of stock' });

// @ts-expect-error requester is 'customer' or 'admin'
buildCancelPaymentBody({ imp_uid: 'imp_1', reason: 'r', extra: { requester: 'user' } });

// @ts-expect-error schedule_at is UNIX seconds, a number or its digits as a string
buildSchedulePaymentBody({ customer_uid: 'c', schedules: [{ merchant_uid: 'o', schedule_at: new Date(), amount: 100 }] });

// @ts-expect-error the again body needs a name
buildAgainPaymentBody({ customer_uid: 'c', merchant_uid: 'o', amount: 100 });

// @ts-expect-error naverUseCfm goes inside extra in the again body
buildAgainPaymentBody({ ...againInput, naverUseCfm: '20301001' });

void [customerUid, musicEbook, game, bluray, badReferrer, countString, productTypo, secret, otherPg, popupString];
void [noMerchantUid, noProducts, noProductCode, noBuyerTel, codeTypo, autoMode, msg, rawUid, unchecked];

// Issue 19: `null` in an optional field means "not entered"; BodyOptions takes `locale`; warnings
// ride on results and on INVALID_PARAMS errors.
validateNaverPay({ ...{ merchant_uid: 'o', amount: 100, naverProducts: [] }, naverChainId: null, buyer_addr: null, channelKey: null });
buildAgainPaymentBody({ customer_uid: 'c', merchant_uid: 'o', amount: 100, name: 'n' }, { locale: 'en' });
// @ts-expect-error a locale is 'ko' or 'en'
buildAgainPaymentBody({ customer_uid: 'c', merchant_uid: 'o', amount: 100, name: 'n' }, { locale: 'jp' });
declare const someResult: PaymentResult;
expectTrue<Equal<typeof someResult.warnings, FieldIssue[] | undefined>>(true);
declare const someError: NaverPayError;
expectTrue<Equal<typeof someError.warnings, FieldIssue[] | undefined>>(true);
