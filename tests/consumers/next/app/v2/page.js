'use client';
// The V2 checkout (naverpay-checkout/v2) as a client component, with no configuration for the
// package: Next renders it on the server first (the import evaluates there), then it loads PortOne's
// V2 SDK (the simulator, copied to public/sim/ by tests/consumers-v2.test.mjs) and pays on click.
import { useEffect } from 'react';
import { NaverPayCheckout, isNaverPayError } from 'naverpay-checkout/v2';

const PARAMS = {
  totalAmount: 14000,
  bypass: {
    naverpay: {
      productItems: [
        { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
      ],
    },
  },
};

export default function CheckoutV2Page() {
  useEffect(() => {
    // Strict Mode runs effects twice in development: the first run's click handler is dropped.
    const wiring = new AbortController();
    const $ = (id) => document.getElementById(id);
    const fail = (e) => {
      $('message').textContent = isNaverPayError(e) ? e.code : String(e);
      $('status').textContent = 'error';
    };
    NaverPayCheckout.load({ storeId: 'store-1', channelKey: 'channel-key-1', sdkUrl: '/sim/portone-v2.js' }).then(
      (checkout) => {
        if (wiring.signal.aborted) return;
        $('pay').disabled = false;
        $('status').textContent = 'ready';
        $('pay').addEventListener(
          'click',
          () => {
            $('status').textContent = 'paying';
            checkout.pay({ ...PARAMS, paymentId: `order_${Date.now()}` }, { mode: 'popup' }).then((result) => {
              $('message').textContent = result.success ? result.merchant_uid : result.error_msg;
              $('status').textContent = result.success ? 'paid' : 'failed';
            }, fail);
          },
          { signal: wiring.signal },
        );
      },
      fail,
    );
    return () => wiring.abort();
  }, []);
  return (
    <main>
      <p>History of the World — 14,000원 (PortOne V2)</p>
      <button id="pay" type="button" disabled>
        네이버페이로 결제
      </button>
      <p id="status">loading</p>
      <p id="message"></p>
    </main>
  );
}
