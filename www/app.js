// The checkout page: a cart, the buyer's details, live validation with validateNaverPay, the window
// mode from choosePayMode, and one Naver Pay button. Copy from here.
import { NaverPayCheckout, validateNaverPay, choosePayMode, isNaverPayError } from 'naverpay-checkout';
import { getJson, postJson, formatWon, el, rememberToken, verifyAndShowReceipt } from './shop.js';

const $ = (id) => document.getElementById(id);
const BUYER_FIELDS = ['buyer_name', 'buyer_email', 'buyer_tel'];

const [config, catalog] = await Promise.all([getJson('/config.json'), getJson('/api/products')]);

const state = {
  quantities: { ...catalog.initialCart },
  checkout: null,
  order: null, // the server's order for the cart as it is now: { merchant_uid, token, amount, name, naverProducts }
  orderKey: null,
  orderSeq: 0,
  paying: false,
};

// ---- the PortOne SDK: loaded at page load, so the click can open the window at once ------------

async function loadCheckout() {
  $('sdk-status').textContent = config.simulator
    ? '결제 모듈을 불러오는 중… (오프라인 시뮬레이터)'
    : '결제 모듈을 불러오는 중…';
  try {
    state.checkout = await NaverPayCheckout.load({ merchantCode: config.merchantCode, sdkUrl: config.sdkUrl });
    $('sdk-status').textContent = config.simulator
      ? '오프라인 시뮬레이터로 결제합니다. 실제로 결제되지 않습니다.'
      : '네이버페이 결제창은 포트원을 통해 열립니다.';
  } catch (e) {
    // A failed load is not cached: the button below simply tries again.
    $('sdk-status').replaceChildren(
      el('span', '', `결제 모듈을 불러오지 못했습니다 (${isNaverPayError(e) ? e.code : 'ERROR'}). `),
      retryButton(),
    );
  }
  update();
}

function retryButton() {
  const b = el('button', 'link-button', '다시 시도');
  b.type = 'button';
  b.addEventListener('click', loadCheckout, { once: true });
  return b;
}

// ---- the cart --------------------------------------------------------------------------------

function renderCart() {
  const list = $('cart-items');
  list.replaceChildren();
  for (const p of catalog.products) {
    const li = el('li', 'item');
    li.dataset.product = p.id;
    const thumb = el('div', `thumb thumb-${p.badge.toLowerCase()}`, p.badge);
    thumb.setAttribute('aria-hidden', 'true');
    const info = el('div', 'info');
    info.append(
      el('p', 'name', p.name),
      el('p', 'note', `${p.note} · ${p.categoryType}/${p.categoryId}`),
      el('p', 'price', formatWon(p.price)),
    );
    const error = el('p', 'field-error');
    error.dataset.errorFor = p.id;
    error.setAttribute('aria-live', 'polite');
    info.append(error);

    const stepper = el('div', 'stepper');
    const minus = el('button', 'step', '−');
    const plus = el('button', 'step', '+');
    minus.type = plus.type = 'button';
    minus.setAttribute('aria-label', `${p.name} 수량 줄이기`);
    plus.setAttribute('aria-label', `${p.name} 수량 늘리기`);
    minus.dataset.step = '-1';
    plus.dataset.step = '1';
    const qty = el('input', 'qty');
    qty.type = 'number';
    qty.inputMode = 'numeric';
    qty.min = '0';
    qty.max = '999';
    qty.value = String(state.quantities[p.id] ?? 0);
    qty.setAttribute('aria-label', `${p.name} 수량`);
    stepper.append(minus, qty, plus);
    stepper.addEventListener('click', (e) => {
      const step = Number(e.target.closest('[data-step]')?.dataset.step);
      if (!step) return;
      const current = Number.isInteger(state.quantities[p.id]) ? state.quantities[p.id] : 0;
      setQuantity(p.id, Math.max(0, Math.min(999, current + step)));
      qty.value = String(state.quantities[p.id]);
    });
    qty.addEventListener('input', () => setQuantity(p.id, qty.value === '' ? 0 : Number(qty.value)));

    const line = el('p', 'line-total');
    line.dataset.lineFor = p.id;
    li.append(thumb, info, stepper, line);
    list.append(li);
  }
}

function setQuantity(id, count) {
  state.quantities[id] = count;
  update();
}

/** The cart's lines: every product with a quantity other than zero (an invalid one included, to report it). */
function cartLines() {
  return catalog.products
    .filter((p) => state.quantities[p.id] !== 0)
    .map((p) => ({ product: p, count: state.quantities[p.id] }));
}

const cartIsOrderable = (lines) =>
  lines.length > 0 && lines.every((l) => Number.isInteger(l.count) && l.count > 0 && l.count <= 999);

// ---- the server's order: created while the buyer edits, so the click needs no round trip ------

let orderTimer = null;
function refreshOrder() {
  const lines = cartLines();
  const key = JSON.stringify(lines.map((l) => [l.product.id, l.count]));
  if (key === state.orderKey && state.order) return;
  state.order = null;
  state.orderKey = key;
  clearTimeout(orderTimer);
  if (!cartIsOrderable(lines)) return;
  const seq = ++state.orderSeq;
  orderTimer = setTimeout(async () => {
    try {
      const order = await postJson('/api/orders', {
        items: lines.map((l) => ({ id: l.product.id, count: l.count })),
      });
      if (seq !== state.orderSeq) return; // the cart changed meanwhile
      state.order = order;
    } catch (e) {
      if (seq === state.orderSeq) $('cart-error').textContent = e.message;
    }
    update();
  }, 120);
}

/** A new order number after every attempt: merchant_uid must be unique per request. */
function renewOrder() {
  state.orderKey = null;
  refreshOrder();
}

// ---- the payment parameters and their validation ---------------------------------------------

function buyer() {
  const out = {};
  for (const f of BUYER_FIELDS) {
    const v = $(f).value.trim();
    if (v !== '') out[f] = v; // an empty optional field is left out, not sent as ''
  }
  return out;
}

function payParams() {
  const lines = cartLines();
  const order = state.order;
  return {
    merchant_uid: order?.merchant_uid ?? 'order_pending',
    name: order?.name ?? lines[0]?.product.name,
    amount: order?.amount ?? lines.reduce((s, l) => s + l.product.price * l.count, 0),
    naverProducts:
      order?.naverProducts ??
      lines.map(({ product: p, count }) => ({
        categoryType: p.categoryType,
        categoryId: p.categoryId,
        uid: p.uid,
        name: p.name,
        count,
      })),
    ...buyer(),
    m_redirect_url: new URL('/complete.html', location.href).href,
  };
}

const payOptions = () => ({ mode: $('mode-select').value });

/** Puts each issue beside its field: buyer inputs, cart rows (naverProducts[i]), the total, or the list. */
function showIssues(report) {
  const slots = new Map();
  const add = (slot, msg) => slots.set(slot, [...(slots.get(slot) ?? []), msg]);
  const lines = cartLines();
  for (const issue of [...report.errors, ...report.warnings]) {
    const product = /^naverProducts\[(\d+)\]/.exec(issue.field);
    if (BUYER_FIELDS.includes(issue.field)) add($(`${issue.field}-error`), issue.message);
    else if (product && lines[Number(product[1])]) {
      add(
        document.querySelector(`[data-error-for="${CSS.escape(lines[Number(product[1])].product.id)}"]`),
        issue.message,
      );
    } else if (issue.field === 'amount') add($('amount-error'), issue.message);
    else if (issue.field === 'naverProducts' || issue.field === 'name') add($('cart-error'), issue.message);
    else add($('form-errors'), issue.message);
  }
  const all = [
    ...BUYER_FIELDS.map((f) => $(`${f}-error`)),
    $('amount-error'),
    $('cart-error'),
    ...document.querySelectorAll('[data-error-for]'),
  ];
  for (const slot of all) slot.textContent = (slots.get(slot) ?? []).join(' ');
  for (const f of BUYER_FIELDS) $(f).setAttribute('aria-invalid', String(slots.has($(`${f}-error`))));
  $('form-errors').replaceChildren(...(slots.get($('form-errors')) ?? []).map((m) => el('li', '', m)));
}

function update() {
  const lines = cartLines();
  const subtotal = lines.reduce((s, l) => s + l.product.price * (Number.isInteger(l.count) ? l.count : 0), 0);
  $('subtotal').textContent = formatWon(subtotal);
  $('total').textContent = formatWon(subtotal);
  $('cart-count').textContent = `${lines.length}`;
  for (const p of catalog.products) {
    const q = state.quantities[p.id];
    const line = document.querySelector(`[data-line-for="${CSS.escape(p.id)}"]`);
    line.textContent = Number.isInteger(q) && q > 0 ? formatWon(p.price * q) : '';
    line.closest('.item').classList.toggle('removed', q === 0);
  }
  refreshOrder();

  const report = validateNaverPay(payParams(), payOptions());
  showIssues(report);
  $('mode-effective').textContent = report.mode === 'popup' ? '팝업' : '페이지 이동';
  $('checkout').dataset.mode = report.mode;

  // Below the minimum is the buyer's situation: pay() answers it with the message Naver Pay asks for.
  const blocking = report.errors.filter((e) => e.code !== 'AMOUNT_BELOW_MINIMUM');
  const ready = Boolean(state.checkout && state.order) && !state.paying;
  $('pay-button').disabled = !ready || blocking.length > 0;
  $('checkout').dataset.ready = String(ready);
}

// ---- paying ----------------------------------------------------------------------------------

function onPay() {
  const order = state.order;
  if (!state.checkout || !order || state.paying) return;
  $('pay-result').hidden = true;
  $('receipt').hidden = true;
  rememberToken(order.merchant_uid, order.token); // for a cancel, also after the redirect

  // pay() calls IMP.request_pay before its first await: still inside the click, so no popup blocker.
  const pending = state.checkout.pay(payParams(), payOptions());
  state.paying = true;
  update();
  pending.then(showResult, showError).finally(() => {
    state.paying = false;
    renewOrder();
    update();
  });
}

async function showResult(result) {
  if (result.success) {
    const receipt = $('receipt');
    receipt.hidden = false;
    receipt.scrollIntoView({ block: 'nearest' });
    await verifyAndShowReceipt(receipt, result);
    return;
  }
  // Naver Pay's inspection: the PG's message exactly as it came, nothing around it, as text.
  $('pay-message').textContent = result.error_msg ?? '';
  $('pay-result').hidden = false;
}

function showError(e) {
  $('pay-result').hidden = false;
  if (isNaverPayError(e) && e.code === 'INVALID_PARAMS') {
    $('pay-message').textContent = '입력 내용을 확인해 주세요.';
    showIssues({ errors: e.errors ?? [], warnings: [] });
  } else if (isNaverPayError(e) && e.code === 'PAYMENT_IN_PROGRESS') {
    $('pay-message').textContent = '결제창이 이미 열려 있습니다.';
  } else {
    $('pay-message').textContent = '결제를 시작하지 못했습니다. 잠시 후 다시 시도해 주세요.';
  }
}

// ---- wiring ----------------------------------------------------------------------------------

const device = choosePayMode();
$('mode-device').textContent = `(이 기기 기본값: ${device === 'popup' ? '팝업' : '페이지 이동'})`;
renderCart();
for (const f of BUYER_FIELDS) $(f).addEventListener('input', update);
$('mode-select').addEventListener('change', update);
$('pay-button').addEventListener('click', onPay);
update();
loadCheckout();
