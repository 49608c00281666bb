// Deliberately broken copies of the demo checkout, for the inspection rehearsal to catch. www/ stays as it
// is: each copy is one or two of the demo's scripts with one mistake patched in, bundled by the repository's
// webpack config into its own directory, and served in place of the demo's by a Playwright route.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import webpack from 'webpack';
import webpackConfig from '../../webpack.config.js';
import { REPO_ROOT } from './pkg.mjs';
import { mimeTypeFor } from './server.mjs';

const WWW = path.join(REPO_ROOT, 'www');

/**
 * Each copy: for each of the demo's scripts it changes (app.js, complete.js, subscribe.js, v2.js), the lines it
 * replaces (every `from` must occur exactly once). The scripts it leaves alone are the demo's own.
 */
export const BROKEN_DEMOS = {
  // The PG's message with the merchant's own words in front.
  prefixed: {
    'app.js': [
      [
        "$('pay-message').textContent = result.error_msg ?? '';",
        "$('pay-message').textContent = '결제에 실패했습니다. 사유: ' + (result.error_msg ?? '');",
      ],
    ],
  },
  // The PG's message replaced by the merchant's English text (the minimum-amount message kept).
  translated: {
    'app.js': [
      [
        "$('pay-message').textContent = result.error_msg ?? '';",
        "$('pay-message').textContent = result.error_code === 'AMOUNT_BELOW_MINIMUM' ? result.error_msg : 'Your payment was declined.';",
      ],
    ],
  },
  // The PG's message inserted as HTML in popup mode.
  'inner-html': {
    'app.js': [
      [
        "$('pay-message').textContent = result.error_msg ?? '';",
        "$('pay-message').innerHTML = result.error_msg ?? '';",
      ],
    ],
  },
  // The same on the m_redirect_url page: a reflected XSS for anyone who crafts the link.
  'inner-html-redirect': {
    'complete.js': [
      [
        "$('result-message').textContent = result.error_msg ?? '';",
        "$('result-message').innerHTML = result.error_msg ?? '';",
      ],
    ],
  },
  // The PG's message "unescaped" before it is shown as text.
  'entity-decoded': {
    'app.js': [
      [
        "$('pay-message').textContent = result.error_msg ?? '';",
        "$('pay-message').textContent = (result.error_msg ?? '').replaceAll('&amp;', '&');",
      ],
    ],
  },
  // The m_redirect_url page reads error_msg from the query as UTF-8 itself: EUC-KR turns to mojibake.
  'garbled-redirect': {
    'complete.js': [
      [
        "$('result-message').textContent = result.error_msg ?? '';",
        "$('result-message').textContent = new URLSearchParams(location.search).get('error_msg') ?? '';",
      ],
    ],
  },
  // Nothing said when pay() answers AMOUNT_BELOW_MINIMUM (the hint beside the total, shown while editing, stays).
  'no-minimum-message': {
    'app.js': [
      [
        "$('pay-message').textContent = result.error_msg ?? '';",
        "if (result.error_code === 'AMOUNT_BELOW_MINIMUM') return;\n  $('pay-message').textContent = result.error_msg ?? '';",
      ],
    ],
  },
  // A lower minimum than Naver Pay's: the window opens for 50 won.
  'minimum-too-low': {
    'app.js': [
      [
        "const payOptions = () => ({ mode: $('mode-select').value });",
        "const payOptions = () => ({ mode: $('mode-select').value, minAmount: 10 });",
      ],
    ],
  },
  // A cart under the minimum raised to it and charged.
  'clamped-cart': {
    'app.js': [
      [
        'amount: order?.amount ?? lines.reduce((s, l) => s + l.product.price * l.count, 0),',
        'amount: Math.max(100, order?.amount ?? lines.reduce((s, l) => s + l.product.price * l.count, 0)),',
      ],
    ],
  },
  // The pay button disabled under the minimum, and the hint beside the total dropped: nothing says why.
  'disabled-under-minimum': {
    'app.js': [
      [
        "const blocking = report.errors.filter((e) => e.code !== 'AMOUNT_BELOW_MINIMUM');",
        'const blocking = report.errors;',
      ],
      [
        "} else if (issue.field === 'amount') add($('amount-error'), issue.message);",
        "} else if (issue.field === 'amount') continue;",
      ],
    ],
  },
  // pay() given no naverProducts, its rejection left unhandled.
  'pay-rejected': {
    'app.js': [
      [
        'const pending = state.checkout.pay(payParams(), payOptions());',
        'const pending = state.checkout.pay((({ naverProducts, ...rest }) => rest)(payParams()), payOptions());',
      ],
      ['.then(showResult, showError)', '.then(showResult)'],
    ],
  },
  // A mistake in the click handler: it throws before pay() is called.
  'throws-on-click': { 'app.js': [["$('pay-result').hidden = true;", "$('pay-results').hidden = true;"]] },
  // name written as "A 외 2건": Naver Pay appends that itself.
  'name-rule': {
    'app.js': [
      [
        'name: order?.name ?? lines[0]?.product.name,',
        'name: lines.length > 1 ? `${lines[0].product.name} 외 ${lines.length - 1}건` : order?.name ?? lines[0]?.product.name,',
      ],
    ],
  },
  // Popup mode whatever the device.
  'popup-on-phone': {
    'app.js': [
      ["const payOptions = () => ({ mode: $('mode-select').value });", "const payOptions = () => ({ mode: 'popup' });"],
    ],
  },
  // IMP.request_pay called by hand, without naverProducts.
  'no-products': {
    'app.js': [
      [
        'const pending = state.checkout.pay(payParams(), payOptions());',
        'const { naverProducts, ...bare } = payParams();\n  const pending = new Promise((resolve) => window.IMP.request_pay({ ...bare, naverPopupMode: true }, resolve));',
      ],
    ],
  },
  // The V2 page shows PortOne's `message` (its own wrapping of the PG's words) instead of `pgMessage`.
  'v2-message-wrapped': {
    'v2.js': [["el('p', 'error-msg', result.error_msg ?? '')", "el('p', 'error-msg', result.raw?.message ?? '')"]],
  },
  // The V2 page sends no `products`: PortOne's payment then lists none for the server to compare.
  'v2-no-products': { 'v2.js': [['          products: order.products,\n', '']] },
  // The V2 page asks for popup mode whatever the device: forceRedirect: false on phones.
  'v2-popup-on-phone': {
    'v2.js': [
      [
        'bypass: { naverpay: { productItems: order.naverProducts } },\n        })',
        "bypass: { naverpay: { productItems: order.naverProducts } },\n        }, { mode: 'popup' })",
      ],
    ],
  },
  // IMP.request_pay on every click, nothing in the way of a second one.
  'double-click': {
    'app.js': [
      [
        "$('pay-button').addEventListener('click', onPay);",
        "$('pay-button').addEventListener('click', () => window.IMP.request_pay({ ...payParams(), naverPopupMode: true }, () => {}));",
      ],
    ],
  },
};

/** Writes and bundles every broken copy under `outDir/<name>/`; resolves { name: directory }. */
export async function bundleBrokenDemos(outDir, names = Object.keys(BROKEN_DEMOS)) {
  const configs = [];
  const dirs = {};
  for (const name of names) {
    const dir = path.join(outDir, name);
    await mkdir(dir, { recursive: true });
    const entry = {};
    for (const [file, patches] of Object.entries(BROKEN_DEMOS[name])) {
      let patched = (await readFile(path.join(WWW, file), 'utf8')).replace(
        "from './shop.js'",
        `from ${JSON.stringify(path.join(WWW, 'shop.js'))}`,
      );
      for (const [from, to] of patches) {
        if (patched.split(from).length !== 2)
          throw new Error(`broken demo ${name}: ${JSON.stringify(from)} is not in www/${file} once`);
        patched = patched.replace(from, to);
      }
      await writeFile(path.join(dir, `${file}.src.js`), patched);
      entry[file.replace(/\.js$/, '')] = path.join(dir, `${file}.src.js`);
    }
    const config = webpackConfig({}, { mode: 'production' });
    config.entry = entry;
    config.output = { ...config.output, path: path.join(dir, 'dist'), clean: true };
    config.plugins = [];
    configs.push(config);
    dirs[name] = path.join(dir, 'dist');
  }
  await new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
  return dirs;
}

/** Serves the broken copy's files (app.js, its wasm, any chunk) on `page` in place of the demo's. */
export async function serveBrokenDemo(page, origin, dir) {
  const files = new Set(await readdir(dir));
  await page.route(`${origin}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (!files.has(name)) return route.fallback();
    return route.fulfill({ status: 200, contentType: mimeTypeFor(name), body: await readFile(path.join(dir, name)) });
  });
}

/** Broken copies of the demo's backend (www/server.mjs): the lines each replaces, as above. */
export const BROKEN_BACKENDS = {
  // A refund written by hand: what reaches PortOne has reason, no extra.requester.
  'refund-without-requester': [
    [
      'createPortOneClient({ baseUrl: `${url}/portone`, apiKey: rest.impKey, apiSecret: rest.impSecret })',
      'createPortOneClient({ baseUrl: `${url}/portone`, apiKey: rest.impKey, apiSecret: rest.impSecret, fetch: (u, init) => ' +
        "fetch(u, String(u).endsWith('/payments/cancel') ? { ...init, body: JSON.stringify((({ extra, ...b }) => b)(JSON.parse(init.body))) } : init) })",
    ],
  ],
  // A billing-key deletion written by hand: no reason, no extra[requester] in the query.
  'deletion-without-requester': [
    [
      'createPortOneClient({ baseUrl: `${url}/portone`, apiKey: rest.impKey, apiSecret: rest.impSecret })',
      'createPortOneClient({ baseUrl: `${url}/portone`, apiKey: rest.impKey, apiSecret: rest.impSecret, fetch: (u, init) => ' +
        "fetch(init?.method === 'DELETE' ? String(u).split('?')[0] : u, init) })",
    ],
  ],
  // A forged amount noticed, the order refused, the payment left paid: the buyer's money kept for nothing.
  'keeps-the-forged-payment': [
    [
      "merchant_uid: order.merchant_uid, amount: order.amount },\n        { onMismatch: 'cancel', reason: MISMATCH_REASON },",
      'merchant_uid: order.merchant_uid, amount: order.amount },\n        {},',
    ],
  ],
  // The page's word taken for it: "paid" without looking the payment up at PortOne.
  'trusts-the-page': [
    [
      'const result = await portone().verifyPayment(\n' +
        '        { imp_uid: impUid, merchant_uid: order.merchant_uid, amount: order.amount },\n' +
        "        { onMismatch: 'cancel', reason: MISMATCH_REASON },\n" +
        '      );',
      "const result = { verdict: 'paid' };",
    ],
  ],
  // The V2 page's word taken for it: "paid" without looking the payment up at PortOne V2.
  'v2-trusts-the-page': [
    [
      "const result = await portoneV2().verifyPayment(\n        { paymentId: order.merchant_uid, amount: order.amount, products: order.products },\n        { onMismatch: 'cancel' },\n      );",
      "const result = { verdict: 'paid' };",
    ],
  ],
  // The V2 payment checked for its amount only: a count raised at the same total is kept.
  'v2-checks-only-the-amount': [
    [
      '{ paymentId: order.merchant_uid, amount: order.amount, products: order.products },',
      '{ paymentId: order.merchant_uid, amount: order.amount },',
    ],
  ],
};

/**
 * Starts a broken copy of the demo's backend on an ephemeral port, serving `distDir`. The copy is written to
 * `outDir` with its imports made absolute, and resolves paths as www/server.mjs does.
 */
export async function startBrokenBackend(name, outDir, distDir) {
  const file = path.join(WWW, 'server.mjs');
  let source = await readFile(file, 'utf8');
  for (const [from, to] of BROKEN_BACKENDS[name]) {
    if (source.split(from).length !== 2)
      throw new Error(`broken backend ${name}: ${JSON.stringify(from)} is not in www/server.mjs once`);
    source = source.replace(from, to);
  }
  // Static and dynamic imports made absolute; every other path resolved from www/ as before.
  source = source
    .replace(/(from |import\()'\.\.\//g, `$1'${REPO_ROOT}/`)
    .replace(/(from |import\()'\.\//g, `$1'${WWW}/`)
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href));
  await mkdir(outDir, { recursive: true });
  const copy = path.join(outDir, `server-${name}.mjs`);
  await writeFile(copy, source);
  const { startDemoServer } = await import(pathToFileURL(copy).href);
  return startDemoServer({ port: 0, distDir });
}
