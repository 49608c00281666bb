// The V2 checkout page: the same cart paid through PortOne V2 (`naverpay-checkout/v2`): the SDK loaded
// at page load, one Naver Pay button, the result shown as it came (popup) or read back from the
// redirectUrl query (phones, tablets, in-app browsers). Copy from here.
import { NaverPayCheckout, parseRedirectResultV2, choosePayMode, isNaverPayError } from 'naverpay-checkout/v2';
import { getJson, formatWon, el } from './shop.js';

const $ = (id) => document.getElementById(id);
const [config, catalog] = await Promise.all([getJson('/config.json'), getJson('/api/products')]);
const lines = catalog.products.filter((p) => catalog.initialCart[p.id] > 0)
  .map((p) => ({ product: p, count: catalog.initialCart[p.id] }));
const total = lines.reduce((sum, l) => sum + l.product.price * l.count, 0);

$('cart-items').replaceChildren(...lines.map((l) => el('li', 'cart-item', `${l.product.name} × ${l.count}`)));
$('total').textContent = formatWon(total);
$('pay-mode').textContent = choosePayMode() === 'redirect'
  ? '이 기기에서는 결제창이 페이지를 이동해 열리고, 결과는 이 페이지로 돌아옵니다.'
  : '결제창이 팝업으로 열립니다.';

/** Shows a result: the PG's message exactly as it came, as text. */
function show(result) {
  const box = $('result');
  box.dataset.success = String(result.success);
  box.replaceChildren(
    el('p', 'result-title', result.success ? '결제가 요청되었습니다 (서버 확인 전).' : '결제하지 못했습니다.'),
    ...(result.success ? [el('p', '', `주문번호 ${result.merchant_uid}`)] : [el('p', 'error-msg', result.error_msg ?? '')]),
  );
}

// Back from the payment window on a phone: the result is in the query.
if (new URLSearchParams(location.search).has('paymentId')) show(parseRedirectResultV2(location.href));

if (!config.v2) {
  $('sdk-status').textContent = 'PortOne V2 데모는 오프라인 시뮬레이터로만 실행됩니다.';
} else {
  try {
    const checkout = await NaverPayCheckout.load(config.v2);
    $('sdk-status').textContent = '오프라인 시뮬레이터로 결제합니다. 실제로 결제되지 않습니다.';
    $('pay').disabled = false;
    $('pay').addEventListener('click', () => {
      checkout.pay({
        paymentId: `order_v2_${Date.now()}`,
        totalAmount: total,
        redirectUrl: new URL('/v2.html', location.href).href,
        bypass: { naverpay: { productItems: lines.map(({ product: p, count }) => ({
          categoryType: p.categoryType, categoryId: p.categoryId, uid: p.uid, name: p.name, count })) } },
      }).then(show, (e) => {
        $('result').replaceChildren(el('p', 'error-msg', isNaverPayError(e) && e.code === 'PAYMENT_IN_PROGRESS'
          ? '결제가 진행 중입니다.' : `결제를 시작하지 못했습니다 (${isNaverPayError(e) ? e.code : 'ERROR'}).`));
      });
    });
  } catch (e) {
    $('sdk-status').textContent = `결제 모듈을 불러오지 못했습니다 (${isNaverPayError(e) ? e.code : 'ERROR'}).`;
  }
}
$('checkout').dataset.ready = 'true';
