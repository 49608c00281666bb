// The web entry for a page without a bundler: init first, then the same API.
import init, { NaverPayCheckout, validateNaverPay } from 'naverpay-checkout/web';
import type { ValidationReport } from 'naverpay-checkout/web';

export async function start(): Promise<ValidationReport> {
  await init();
  await NaverPayCheckout.load({ merchantCode: 'imp12345678', sdkUrl: '/sim/imp.js' });
  return validateNaverPay({ merchant_uid: 'o1', amount: 1000, naverProducts: [] });
}
