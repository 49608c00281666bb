// The V2 checkout page: the same cart paid through PortOne V2 (`naverpay-checkout/v2`): the order recorded by
// the server at page load (its amount from the server's price list), the SDK loaded at page load, one Naver Pay
// button, the result shown as it came (popup) or read back from the redirectUrl query (phones, tablets, in-app
// browsers), and the order shown as paid only after the server verified it with PortOne V2. Copy from here.
import { NaverPayCheckout, parseRedirectResultV2, choosePayMode, isNaverPayError } from 'naverpay-checkout/v2';
import { getJson, postJson, formatWon, el, details } from './shop.js';

const $ = (id) => document.getElementById(id);
const [config, catalog] = await Promise.all([getJson('/config.json'), getJson('/api/products')]);
const lines = catalog.products
  .filter((p) => catalog.initialCart[p.id] > 0)
  .map((p) => ({ product: p, count: catalog.initialCart[p.id] }));

$('cart-items').replaceChildren(...lines.map((l) => el('li', 'cart-item', `${l.product.name} × ${l.count}`)));
$('total').textContent = formatWon(lines.reduce((sum, l) => sum + l.product.price * l.count, 0));
$('pay-mode').textContent =
  choosePayMode() === 'redirect'
    ? '이 기기에서는 결제창이 페이지를 이동해 열리고, 결과는 이 페이지로 돌아옵니다.'
    : '결제창이 팝업으로 열립니다.';

/** Shows a result: the PG's message exactly as it came, as text; a success goes to the server first. */
async function show(result) {
  const box = $('result');
  box.dataset.success = String(result.success);
  box.replaceChildren(
    el('p', 'result-title', result.success ? '결제가 요청되었습니다 (서버 확인 전).' : '결제하지 못했습니다.'),
    ...(result.success
      ? [el('p', '', `주문번호 ${result.merchant_uid}`)]
      : [el('p', 'error-msg', result.error_msg ?? '')]),
  );
  if (result.success) await verify(result.merchant_uid);
}

/** The redirect's query or the SDK's answer is what the browser was told, not proof: the server looks it up. */
async function verify(paymentId) {
  const receipt = $('receipt');
  receipt.hidden = false;
  receipt.dataset.state = 'verifying';
  receipt.replaceChildren(el('p', 'muted', '결제 내역을 서버에서 확인하고 있습니다…'));
  let v;
  try {
    v = await postJson('/api/v2/payments/complete', { paymentId });
  } catch (e) {
    v = { verified: false, status: 'error', message: e.message };
  }
  receipt.dataset.state = v.verified ? 'verified' : 'rejected';
  receipt.replaceChildren(
    ...(v.verified
      ? [
          el('h3', 'receipt-title good', '결제가 완료되었습니다'),
          details([
            ['주문번호', v.merchant_uid],
            ['결제 금액', formatWon(v.amount)],
          ]),
        ]
      : [el('h3', 'receipt-title bad', '결제를 확인할 수 없습니다'), el('p', 'verify-message', v.message)]),
  );
  if (v.verified) $('pay').disabled = true;
}

// Back from the payment window on a phone: the result is in the query.
if (new URLSearchParams(location.search).has('paymentId')) await show(parseRedirectResultV2(location.href));

if (!config.v2) {
  $('sdk-status').textContent = 'PortOne V2 데모는 오프라인 시뮬레이터 또는 PORTONE_STORE_ID와 함께 실행됩니다.';
} else {
  try {
    // The server records the order: its paymentId, name, amount and product items come from there, never from here.
    // `products` is PortOne's own list (Naver Pay reads productItems): PortOne's payment lists it back, and the server
    // compares it with the order's lines, which the amount alone cannot tell from a count raised at the same total.
    const [checkout, order] = await Promise.all([
      NaverPayCheckout.load(config.v2),
      postJson('/api/orders', { items: lines.map((l) => ({ id: l.product.id, count: l.count })) }),
    ]);
    $('sdk-status').textContent = config.v2.simulator
      ? '오프라인 시뮬레이터로 결제합니다. 실제로 결제되지 않습니다.'
      : 'PortOne V2로 결제합니다.';
    $('pay').disabled = false;
    // A failed attempt may be retried on the same paymentId (PortOne V2 refuses it only once paid).
    $('pay').addEventListener('click', () => {
      checkout
        .pay({
          paymentId: order.merchant_uid,
          orderName: order.name,
          totalAmount: order.amount,
          products: order.products,
          redirectUrl: new URL('/v2.html', location.href).href,
          bypass: { naverpay: { productItems: order.naverProducts } },
        })
        .then(show, (e) => {
          $('result').replaceChildren(
            el(
              'p',
              'error-msg',
              isNaverPayError(e) && e.code === 'PAYMENT_IN_PROGRESS'
                ? '결제가 진행 중입니다.'
                : `결제를 시작하지 못했습니다 (${isNaverPayError(e) ? e.code : 'ERROR'}).`,
            ),
          );
        });
    });
  } catch (e) {
    $('sdk-status').textContent = `결제 모듈을 불러오지 못했습니다 (${isNaverPayError(e) ? e.code : 'ERROR'}).`;
  }
}
$('checkout').dataset.ready = 'true';
