// The m_redirect_url page: in redirect mode (phones, tablets, in-app browsers) Naver Pay sends the
// buyer here with the result in the query. parseRedirectResult reads it; the server then verifies.
import { parseRedirectResult } from 'naverpay-checkout';
import { el, verifyAndShowReceipt, activateSubscription } from './shop.js';

const $ = (id) => document.getElementById(id);
const result = parseRedirectResult(location.href);
const kind = new URLSearchParams(location.search).get('kind') === 'subscription' ? 'subscription' : 'order';

$('result-raw').textContent = JSON.stringify(result, null, 2);
const facts = $('result-facts');
for (const [label, value] of [
  ['주문번호', result.merchant_uid],
  ['결제번호', result.imp_uid],
  ['오류 코드', result.error_code],
]) {
  if (value) facts.append(el('dt', '', label), el('dd', '', value));
}

if (result.success) {
  $('result-title').textContent =
    kind === 'subscription' ? '정기결제 등록을 확인하고 있습니다' : '결제 요청이 승인되었습니다';
  $('complete').dataset.state = 'success';
  const receipt = $('receipt');
  receipt.hidden = false;
  // The query is what the browser was told, not proof: the server looks the payment up.
  const outcome =
    kind === 'subscription' ? await activateSubscription(receipt, result) : await verifyAndShowReceipt(receipt, result);
  const ok = kind === 'subscription' ? outcome.active : outcome.verified;
  $('result-title').textContent = ok
    ? kind === 'subscription'
      ? '정기구독이 시작되었습니다'
      : '주문이 완료되었습니다'
    : '결제를 확인할 수 없습니다';
  $('complete').dataset.state = ok ? 'verified' : 'rejected';
} else if (result.imp_uid === null && result.error_msg === null && result.error_code === null) {
  // Opened without a result (a bookmark, a reload after clearing the query): nothing to show or verify.
  $('result-title').textContent = '확인할 결제 결과가 없습니다';
  $('complete').dataset.state = 'empty';
} else {
  $('result-title').textContent = kind === 'subscription' ? '정기결제가 등록되지 않았습니다' : '결제되지 않았습니다';
  // Naver Pay's inspection: the PG's message exactly as it came, as text.
  $('result-message').textContent = result.error_msg ?? '';
  $('complete').dataset.state = 'failed';
  if (kind === 'subscription') $('back-link').href = '/subscribe.html';
}
