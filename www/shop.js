// What the shop's pages share: talking to the shop's backend, formatting, and the receipt card.
// Everything from outside (product names, PortOne's messages, the server's answers) is set with
// textContent, never as HTML.

/** POSTs JSON to the shop's backend; resolves the JSON answer, rejects with the server's message. */
export async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const value = await res.json().catch(() => null);
  if (!res.ok) throw new Error(value?.error ?? `HTTP ${res.status}`);
  return value;
}

export async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

const won = new Intl.NumberFormat('ko-KR');
export const formatWon = (n) => `${won.format(n)}원`;

/** An element with a class and text (never HTML). */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** A definition list from [label, value] pairs; empty values are left out. */
export function details(pairs) {
  const dl = el('dl', 'facts');
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    dl.append(el('dt', '', label), el('dd', '', value));
  }
  return dl;
}

// The order's secret token (it authorises a cancel) survives the redirect to m_redirect_url.
const tokenKey = (merchantUid) => `npc-demo:${merchantUid}`;
export const rememberToken = (merchantUid, token) => sessionStorage.setItem(tokenKey(merchantUid), token);
export const recallToken = (merchantUid) => sessionStorage.getItem(tokenKey(merchantUid));

/**
 * Asks the backend to verify a payment the browser was told succeeded, and shows the outcome in
 * `container`: the receipt with a cancel button when the server confirmed it.
 */
export async function verifyAndShowReceipt(container, { imp_uid, merchant_uid }) {
  container.replaceChildren(el('p', 'muted', '결제 내역을 서버에서 확인하고 있습니다…'));
  container.dataset.state = 'verifying';
  let v;
  try {
    v = await postJson('/api/payments/complete', { imp_uid, merchant_uid });
  } catch (e) {
    v = { verified: false, status: 'error', message: e.message };
  }
  container.replaceChildren();
  if (!v.verified) {
    container.dataset.state = 'rejected';
    container.append(el('h3', 'receipt-title bad', '결제를 확인할 수 없습니다'));
    const msg = el('p', 'verify-message', v.message);
    msg.id = 'verify-message';
    container.append(
      msg,
      details([
        ['주문번호', merchant_uid],
        ['결제번호', imp_uid],
      ]),
    );
    return v;
  }
  container.dataset.state = 'verified';
  const title = el('h3', 'receipt-title good', '결제가 완료되었습니다');
  const name = v.count > 1 ? `${v.name} 외 ${v.count - 1}건` : v.name;
  container.append(
    title,
    el('p', 'muted', '쇼핑몰 서버가 포트원에서 결제 금액을 확인했습니다.'),
    details([
      ['주문번호', v.merchant_uid],
      ['상품', name],
      ['결제 금액', formatWon(v.amount)],
      ['결제번호', v.imp_uid],
    ]),
  );
  container.append(cancelForm(container, v.merchant_uid));
  return v;
}

function cancelForm(container, merchantUid) {
  const form = el('form', 'cancel-form');
  const label = el('label', '', '취소 사유');
  const select = el('select');
  select.name = 'reason';
  select.id = 'cancel-reason';
  for (const r of ['단순 변심', '주문 실수 (다시 주문할게요)', '배송이 너무 늦어요']) select.append(new Option(r, r));
  label.htmlFor = select.id;
  const button = el('button', 'btn secondary', '결제 취소');
  button.type = 'submit';
  button.id = 'cancel-button';
  const status = el('p', 'cancel-status');
  status.id = 'cancel-status';
  status.setAttribute('role', 'status');
  form.append(label, select, button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = '취소를 요청하고 있습니다…';
    try {
      const r = await postJson('/api/payments/cancel', {
        merchant_uid: merchantUid,
        token: recallToken(merchantUid),
        reason: select.value,
      });
      status.textContent = `${formatWon(r.cancel_amount)} 결제가 취소되었습니다.`;
      container.dataset.state = 'cancelled';
      select.disabled = true;
    } catch (e) {
      status.textContent = e.message;
      button.disabled = false;
    }
  });
  return form;
}

const kstDate = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/**
 * After a billing key was registered: the backend checks it at PortOne, charges the first month
 * (/subscribe/payments/again) and schedules the next (/subscribe/payments/schedule).
 */
export async function activateSubscription(container, { merchant_uid }) {
  container.replaceChildren(el('p', 'muted', '빌링키를 확인하고 첫 달 결제를 요청하고 있습니다…'));
  container.dataset.state = 'activating';
  let r;
  try {
    r = await postJson('/api/subscriptions/activate', { merchant_uid, token: recallToken(merchant_uid) });
  } catch (e) {
    r = { active: false, message: e.message };
  }
  container.replaceChildren();
  if (!r.active) {
    container.dataset.state = 'rejected';
    const msg = el('p', 'verify-message', r.message);
    msg.id = 'verify-message';
    container.append(el('h3', 'receipt-title bad', '정기구독을 시작하지 못했습니다'), msg);
    return r;
  }
  container.dataset.state = 'active';
  container.append(
    el('h3', 'receipt-title good', '정기구독이 시작되었습니다'),
    details([
      ['플랜', r.plan],
      ['첫 달 결제', formatWon(r.first.amount)],
      ['결제번호', r.first.imp_uid],
      ['다음 결제일', kstDate.format(new Date(r.next.schedule_at * 1000))],
      ['다음 결제 금액', formatWon(r.next.amount)],
      ['예약 주문번호', r.next.merchant_uid],
    ]),
  );
  return r;
}
