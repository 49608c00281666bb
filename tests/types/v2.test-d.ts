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
import type { NaverPayParamsV2, PaymentResult, ValidationReportV2 } from 'naverpay-checkout/v2';

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
void [result, key, wrong, dated, request, dropped, back, isNaverPayError];
