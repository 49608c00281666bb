'use client';
// A client component importing the package at the top, as the npm README shows: Next renders it on
// the server first (the import must evaluate there without crashing), then hydrates it and runs
// the shared checkout page (copied beside this app by the test) in the browser.
import { useEffect } from 'react';
import { NaverPayCheckout, isNaverPayError, validateNaverPay } from 'naverpay-checkout';
import { runCheckoutPage } from '../shared/checkout-page.js';

export default function CheckoutPage() {
  useEffect(() => {
    // Strict Mode runs effects twice in development: the first run's click handler is dropped.
    const wiring = new AbortController();
    runCheckoutPage({ NaverPayCheckout, isNaverPayError, validateNaverPay }, { signal: wiring.signal });
    return () => wiring.abort();
  }, []);
  return (
    <main>
      <p>History of the World — 14,000원</p>
      <button id="pay" type="button" disabled>
        네이버페이로 결제
      </button>
      <p id="status">loading</p>
      <p id="message"></p>
      <pre id="result"></pre>
    </main>
  );
}
