// The default entry as the npm README imports it, with no configuration for it, driving the shared
// checkout page (tests/consumers/shared/checkout-page.js, copied beside this app by the test).
import { NaverPayCheckout, isNaverPayError, validateNaverPay } from 'naverpay-checkout';
import { runCheckoutPage } from '../shared/checkout-page.js';

runCheckoutPage({ NaverPayCheckout, isNaverPayError, validateNaverPay });
