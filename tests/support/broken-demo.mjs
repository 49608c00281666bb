// Deliberately broken copies of the demo checkout, for the inspection rehearsal to catch. www/ stays as it
// is: each copy is www/app.js with one patch, bundled by the repository's webpack config into its own
// directory, and served in place of the demo's app.js by a Playwright route.
import path from 'node:path';
import { mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import webpack from 'webpack';
import webpackConfig from '../../webpack.config.js';
import { REPO_ROOT } from './pkg.mjs';
import { mimeTypeFor } from './server.mjs';

const APP = path.join(REPO_ROOT, 'www/app.js');

/** Each copy: the lines of www/app.js it replaces (every `from` must occur exactly once). */
export const BROKEN_DEMOS = {
  // The PG's message with the merchant's own words in front.
  prefixed: [["$('pay-message').textContent = result.error_msg ?? '';",
    "$('pay-message').textContent = '결제에 실패했습니다. 사유: ' + (result.error_msg ?? '');"]],
  // The PG's message replaced by the merchant's English text (the minimum-amount message kept).
  translated: [["$('pay-message').textContent = result.error_msg ?? '';",
    "$('pay-message').textContent = result.error_code === 'AMOUNT_BELOW_MINIMUM' ? result.error_msg : 'Your payment was declined.';"]],
  // Nothing said when pay() answers AMOUNT_BELOW_MINIMUM (the hint beside the total, shown while editing, stays).
  'no-minimum-message': [["$('pay-message').textContent = result.error_msg ?? '';",
    "if (result.error_code === 'AMOUNT_BELOW_MINIMUM') return;\n  $('pay-message').textContent = result.error_msg ?? '';"]],
  // A lower minimum than Naver Pay's: the window opens for 50 won.
  'minimum-too-low': [["const payOptions = () => ({ mode: $('mode-select').value });",
    "const payOptions = () => ({ mode: $('mode-select').value, minAmount: 10 });"]],
  // Popup mode whatever the device.
  'popup-on-phone': [["const payOptions = () => ({ mode: $('mode-select').value });",
    "const payOptions = () => ({ mode: 'popup' });"]],
  // IMP.request_pay called by hand, without naverProducts.
  'no-products': [["const pending = state.checkout.pay(payParams(), payOptions());",
    "const { naverProducts, ...bare } = payParams();\n  const pending = new Promise((resolve) => window.IMP.request_pay({ ...bare, naverPopupMode: true }, resolve));"]],
  // IMP.request_pay on every click, nothing in the way of a second one.
  'double-click': [["$('pay-button').addEventListener('click', onPay);",
    "$('pay-button').addEventListener('click', () => window.IMP.request_pay({ ...payParams(), naverPopupMode: true }, () => {}));"]],
};

/** Writes and bundles every broken copy under `outDir/<name>/`; resolves { name: directory }. */
export async function bundleBrokenDemos(outDir, names = Object.keys(BROKEN_DEMOS)) {
  const source = await readFile(APP, 'utf8');
  const configs = [];
  const dirs = {};
  for (const name of names) {
    let patched = source.replace("from './shop.js'", `from ${JSON.stringify(path.join(REPO_ROOT, 'www/shop.js'))}`);
    for (const [from, to] of BROKEN_DEMOS[name]) {
      if (patched.split(from).length !== 2) throw new Error(`broken demo ${name}: ${JSON.stringify(from)} is not in www/app.js once`);
      patched = patched.replace(from, to);
    }
    const dir = path.join(outDir, name);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'app.src.js'), patched);
    const config = webpackConfig({}, { mode: 'production' });
    config.entry = { app: path.join(dir, 'app.src.js') };
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
