// MUST NOT COMPILE: amount is a number (line 8), and the failure text is string | null (line 13).
// tests/consumers.test.mjs asserts exactly these two TS2322 errors.
import { validateNaverPay } from 'naverpay-checkout';
import type { NaverPayParams, PaymentResult } from 'naverpay-checkout';

export const params: NaverPayParams = {
  merchant_uid: 'o1',
  amount: '14000',
  naverProducts: [{ categoryType: 'BOOK', categoryId: 'GENERAL', uid: 'b1', name: 'Book', count: 1 }],
};
export const report = validateNaverPay(params);
export function message(result: PaymentResult): string {
  return result.error_msg;
}
