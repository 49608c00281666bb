// What a merchant's page does with the package: validate, load the PortOne SDK at page load, pay
// on click, show the PG's message as it came. Shared by every browser app under tests/consumers/,
// each passing in the package's exports as its own build resolved them (bundled apps get a copy
// of this file beside them; the classic page gets it as a classic script). The SDK URL points at
// the offline simulator served beside the app (a real shop leaves sdkUrl out: PortOne's CDN).

const $ = (id) => document.getElementById(id);

/** The page's elements, added to <body> unless the page has them already (Next.js renders them). */
function ensureMarkup() {
  if ($('pay')) return;
  const el = (tag, props) => Object.assign(document.createElement(tag), props);
  document.body.append(
    el('p', { textContent: 'History of the World — 14,000원' }),
    el('button', { id: 'pay', type: 'button', disabled: true, textContent: '네이버페이로 결제' }),
    el('p', { id: 'status', textContent: 'loading' }),
    el('p', { id: 'message' }),
    el('pre', { id: 'result' }),
  );
}

/**
 * Runs the page with the package's exports. `signal` (optional) drops the click handler when it
 * aborts, for frameworks that mount a component twice.
 */
export async function runCheckoutPage({ NaverPayCheckout, isNaverPayError, validateNaverPay }, { signal } = {}) {
  ensureMarkup();
  const params = {
    merchant_uid: `order_${Date.now()}`,
    name: 'History of the World',
    amount: 14000,
    naverProducts: [
      { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
    ],
  };
  try {
    const report = validateNaverPay(params, { mode: 'popup' });
    if (!report.ok) throw new Error('invalid params: ' + JSON.stringify(report.errors));
    const checkout = await NaverPayCheckout.load({ merchantCode: 'imp12345678', sdkUrl: '/sim/imp.js' });
    if (signal?.aborted) return;
    $('pay').disabled = false;
    $('status').textContent = 'ready';
    $('pay').addEventListener(
      'click',
      async () => {
        $('status').textContent = 'paying';
        try {
          const result = await checkout.pay(params, { mode: 'popup' });
          $('result').textContent = JSON.stringify(result);
          $('message').textContent = result.success ? `결제 완료 ${result.imp_uid}` : result.error_msg;
          $('status').textContent = result.success ? 'paid' : 'failed';
        } catch (e) {
          $('message').textContent = isNaverPayError(e) ? `${e.code}: ${e.message}` : String(e);
          $('status').textContent = 'error';
        }
      },
      { signal },
    );
  } catch (e) {
    $('message').textContent = String(e?.stack ?? e);
    $('status').textContent = 'error';
  }
}
