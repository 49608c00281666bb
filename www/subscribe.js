// The subscription page: registerBillingKey in the browser (no payment yet); the shop's server then
// charges the key (/subscribe/payments/again) and schedules next month (/subscribe/payments/schedule).
// Cancelling asks the server to revoke the schedules (/subscribe/payments/unschedule) and delete the key
// (DELETE /subscribe/customers/{customer_uid} with reason and extra[requester]).
import { NaverPayCheckout, validateBillingKey, isNaverPayError } from 'naverpay-checkout';
import { getJson, postJson, formatWon, el, rememberToken, recallToken, activateSubscription } from './shop.js';

const $ = (id) => document.getElementById(id);
const BUYER_FIELDS = ['buyer_name', 'buyer_tel', 'buyer_email'];

const [config, catalog] = await Promise.all([getJson('/config.json'), getJson('/api/products')]);
const plan = catalog.plans[0];
const state = { checkout: null, draft: null, busy: false, subscribed: false, active: null };

$('plan-name').textContent = plan.name;
$('plan-description').textContent = plan.description;
$('plan-price').textContent = formatWon(plan.price);

/** The server's subscription draft: customer_uid and merchant_uid come from the merchant, never the page. */
async function newDraft() {
  state.draft = null;
  update();
  try {
    state.draft = await postJson('/api/subscriptions', { plan: plan.id });
  } catch (e) {
    $('form-errors').replaceChildren(el('li', '', e.message));
  }
  update();
}

function params() {
  const d = state.draft;
  const out = {
    customer_uid: d?.customer_uid ?? 'customer_pending',
    merchant_uid: d?.merchant_uid ?? 'subreg_pending',
    name: plan.name,
    amount: plan.price, // shown to the buyer; registration approves no payment
    naverProductCode: d?.naverProductCode ?? plan.naverProductCode,
    m_redirect_url: new URL('/complete.html?kind=subscription', location.href).href,
  };
  for (const f of BUYER_FIELDS) {
    const v = $(f).value.trim();
    if (v !== '') out[f] = v;
  }
  return out;
}

const options = () => ({ mode: $('mode-select').value });

function update() {
  const report = validateBillingKey(params(), options());
  const byField = new Map();
  const rest = [];
  for (const issue of report.errors) {
    if (BUYER_FIELDS.includes(issue.field))
      byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue.message]);
    else rest.push(issue.message);
  }
  for (const f of BUYER_FIELDS) {
    $(`${f}-error`).textContent = (byField.get(f) ?? []).join(' ');
    $(f).setAttribute('aria-invalid', String(byField.has(f)));
  }
  $('form-errors').replaceChildren(...rest.map((m) => el('li', '', m)));
  $('mode-effective').textContent = report.mode === 'popup' ? '팝업' : '페이지 이동';
  const ready = Boolean(state.checkout && state.draft) && !state.busy && !state.subscribed;
  $('subscribe-button').disabled = !ready || !report.ok;
  $('subscribe').dataset.ready = String(ready);
}

function onSubscribe() {
  const draft = state.draft;
  if (!state.checkout || !draft || state.busy) return;
  $('pay-result').hidden = true;
  $('receipt').hidden = true;
  rememberToken(draft.merchant_uid, draft.token);
  const pending = state.checkout.registerBillingKey(params(), options()); // IMP is called before any await
  state.busy = true;
  update();
  pending
    .then(
      async (result) => {
        if (result.success) {
          $('receipt').hidden = false;
          const r = await activateSubscription($('receipt'), result);
          state.subscribed = r.active === true;
          if (state.subscribed) {
            state.active = draft.merchant_uid;
            $('cancel-subscription').hidden = false;
          }
        } else {
          $('pay-message').textContent = result.error_msg ?? ''; // verbatim, as text
          $('pay-result').hidden = false;
        }
      },
      (e) => {
        $('pay-message').textContent =
          isNaverPayError(e) && e.code === 'INVALID_PARAMS'
            ? '입력 내용을 확인해 주세요.'
            : '정기결제 등록을 시작하지 못했습니다.';
        $('pay-result').hidden = false;
      },
    )
    .finally(() => {
      state.busy = false;
      if (state.subscribed) {
        $('subscribe-button').querySelector('.npay-label').textContent = '구독 중';
        update();
      } else newDraft();
    });
}

async function loadCheckout() {
  try {
    state.checkout = await NaverPayCheckout.load({ merchantCode: config.merchantCode, sdkUrl: config.sdkUrl });
    $('sdk-status').textContent = config.simulator ? '오프라인 시뮬레이터로 등록합니다. 실제로 결제되지 않습니다.' : '';
  } catch (e) {
    $('sdk-status').textContent =
      `결제 모듈을 불러오지 못했습니다 (${isNaverPayError(e) ? e.code : 'ERROR'}). 새로고침해 주세요.`;
  }
  update();
}

async function onCancelSubscription() {
  const merchantUid = state.active;
  if (!merchantUid) return;
  const button = $('cancel-subscription-button');
  const status = $('cancel-subscription-status');
  button.disabled = true;
  status.textContent = '예약된 결제를 취소하고 빌링키를 삭제하고 있습니다…';
  try {
    const r = await postJson('/api/subscriptions/cancel', {
      merchant_uid: merchantUid,
      token: recallToken(merchantUid),
    });
    status.textContent = `구독이 해지되었습니다. 예약된 결제 ${r.revoked.length}건이 취소되었습니다.`;
    $('cancel-subscription').dataset.state = 'cancelled';
  } catch (e) {
    status.textContent = e.message;
    button.disabled = false;
  }
}

for (const f of BUYER_FIELDS) $(f).addEventListener('input', update);
$('cancel-subscription-button').addEventListener('click', onCancelSubscription);
$('mode-select').addEventListener('change', update);
$('subscribe-button').addEventListener('click', onSubscribe);
update();
newDraft();
loadCheckout();
