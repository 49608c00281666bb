// Type-only tests of `naverpay-checkout/v2` (types/v2.d.ts): the V2 checkout, validators, migration
// and redirect parser.

import {
  NaverPayCheckout,
  isNaverPayError,
  parseRedirectResultV2,
  toV2PaymentRequest,
  validateBillingKeyV2,
  validateNaverPayV2,
} from 'naverpay-checkout/v2';
import type { BillingKeyParamsV2, NaverPayParamsV2, PaymentResult, ValidationReportV2 } from 'naverpay-checkout/v2';

const checkout: NaverPayCheckout = await NaverPayCheckout.load({ storeId: 'store-1', channelKey: 'channel-key-1' });
// @ts-expect-error: a V2 checkout is loaded with a store and a channel, not V1's merchant code
await NaverPayCheckout.load({ merchantCode: 'imp00000000' });

const params: NaverPayParamsV2 = {
  paymentId: 'order_0001',
  totalAmount: 14000,
  redirectUrl: 'https://shop.example/pay/complete',
  bypass: { naverpay: { productItems: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '1', name: 'Book', count: 1 }] } },
};
const result: PaymentResult = await checkout.pay(params, { mode: 'redirect' });
const key: PaymentResult = await checkout.registerBillingKey({ issueId: 'issue_1', issueName: 'Plan' });
// @ts-expect-error: Naver Pay on V2 opens a popup on PCs only
const wrong: NaverPayParamsV2 = { ...params, windowType: { pc: 'IFRAME' } };
// @ts-expect-error: a V2 product's dates are strings
const dated: NaverPayParamsV2 = { ...params, bypass: { naverpay: { productItems: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: '1', name: 'Book', count: 1, startDate: 20250101 }] } } };

// The nested objects take their tables' keys at the types the checks take (the interfaces src/generate.rs
// writes), beside what the hand-written types narrow.
const nested: NaverPayParamsV2 = {
  ...params,
  windowType: { pc: 'POPUP', mobile: 'REDIRECTION' },
  easyPay: { easyPayProvider: 'NAVERPAY', useCardPoint: false },
  bypass: { naverpay: { ...params.bypass.naverpay, useCfmYmdt: '20250101', deliveryFee: 3000 }, toss: {} },
};
// @ts-expect-error: bypass.naverpay.deliveryFee is a number
const feeText: NaverPayParamsV2 = { ...params, bypass: { naverpay: { ...params.bypass.naverpay, deliveryFee: '3000' } } };
// @ts-expect-error: bypass.naverpay.productItems is required
const noItems: NaverPayParamsV2 = { ...params, bypass: { naverpay: { deliveryFee: 3000 } } };
// @ts-expect-error: easyPay.useCardPoint is a boolean, even beside easyPay's other keys
const pointText: NaverPayParamsV2 = { ...params, easyPay: { useCardPoint: 'Y' } };
// @ts-expect-error: windowType.mobile is a string
const mobileFlag: NaverPayParamsV2 = { ...params, windowType: { mobile: true } };
const subMerchant: BillingKeyParamsV2 = { issueId: 'issue_1', issueName: 'Plan', bypass: { naverpay: { subMerchantId: 'sub_1' } } };
// @ts-expect-error: a billing key's bypass.naverpay.subMerchantId is a string
const subMerchantNumber: BillingKeyParamsV2 = { issueId: 'issue_1', issueName: 'Plan', bypass: { naverpay: { subMerchantId: 1 } } };
// @ts-expect-error: a billing key's bypass.naverpay is an object
const bypassText: BillingKeyParamsV2 = { issueId: 'issue_1', issueName: 'Plan', bypass: { naverpay: 'sub_1' } };

const report: ValidationReportV2 = validateNaverPayV2(params);
if (report.ok) {
  const sent: Record<string, unknown> = report.request;
  void sent;
}
void validateBillingKeyV2({}, { locale: 'en' });
const { request, dropped }: { request: Record<string, unknown>; dropped: string[] } = toV2PaymentRequest(
  { merchant_uid: 'o', amount: 1000 },
  { storeId: 'store-1', channelKey: 'channel-key-1' },
);
const back: PaymentResult = parseRedirectResultV2('?paymentId=order_0001&code=FAILURE_TYPE_PG&pgMessage=x');
void [result, key, wrong, dated, nested, feeText, noItems, pointText, mobileFlag, subMerchant, subMerchantNumber, bypassText];
void [request, dropped, back, isNaverPayError];
