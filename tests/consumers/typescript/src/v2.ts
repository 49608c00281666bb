// A PortOne V2 page in TypeScript against the published declarations (v2.d.ts).
import { NaverPayCheckout, isNaverPayError, parseRedirectResultV2, validateNaverPayV2 } from 'naverpay-checkout/v2';
import type { NaverPayParamsV2, PaymentResult } from 'naverpay-checkout/v2';

const params: NaverPayParamsV2 = {
  paymentId: 'order_0001',
  totalAmount: 14000,
  redirectUrl: 'https://shop.example/pay/complete',
  bypass: { naverpay: { productItems: [{ categoryType: 'BOOK', categoryId: 'EBOOK', uid: '1', name: 'Book', count: 1 }] } },
};

export async function payV2(): Promise<string | null> {
  if (!validateNaverPayV2(params).ok) return null;
  try {
    const checkout = await NaverPayCheckout.load({ storeId: 'store-1', channelKey: 'channel-key-1' });
    const result: PaymentResult = await checkout.pay(params);
    return result.success ? result.merchant_uid : result.error_msg;
  } catch (e) {
    return isNaverPayError(e) ? e.code : null;
  }
}

export const back: PaymentResult = parseRedirectResultV2('?paymentId=order_0001');
