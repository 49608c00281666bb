// Opens a page with the built package's default entry (pkg/esm, the wasm inline) loaded as `window.npc`.
// Run `npm run build` first; the server must serve the repository root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Goes to `pagePath` on `server` and imports the web build there. */
export async function openPackagePage(page, server, pagePath = '/__fixtures/blank.html') {
  await page.goto(server.url + pagePath);
  await loadPackage(page);
}

/** Imports the default entry into the current page as `window.npc`: what a bundled page runs. */
export async function loadPackage(page) {
  await page.evaluate(async () => {
    window.npc = await import('/pkg/esm/naverpay_checkout.js');
  });
}

/** A general payment that passes validation. */
export const VALID_PARAMS = Object.freeze({
  merchant_uid: 'order_0001',
  name: 'History of the World',
  amount: 14000,
  naverProducts: [
    { categoryType: 'BOOK', categoryId: 'GENERAL', uid: '107922211', name: 'History of the World', count: 1 },
  ],
});

/** Failure messages that must come back byte for byte. */
export const NASTY_MESSAGES = Object.freeze([
  '<img src=x onerror=alert(1)>',
  '잔액이 부족합니다',
  '결제 실패 😢🇰🇷',
  '  leading and trailing spaces  ',
  '100%',
  'a+b',
  'a&b=c',
  'line one\nline two',
  '%41 stays %41',
  '"quotes" and \'apostrophes\' and \\backslash',
]);
