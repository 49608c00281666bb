// Regenerates docs/demo.png: the demo checkout on a desktop and on a phone, side by side.
//   npm run build && npx webpack && node docs/screenshot.mjs
import { devices } from 'playwright-core';
import { startDemoServer } from '../www/server.mjs';
import { launchBrowser } from '../tests/support/browser.mjs';

const BUYER = { buyer_name: '홍길동', buyer_email: 'gildong@example.com', buyer_tel: '010-1234-5678' };
const demo = await startDemoServer({ port: 0 });
const browser = await launchBrowser();
try {
  async function capture(options, scrollTo) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto(demo.url + '/');
    await page.waitForSelector('#checkout[data-ready="true"]');
    for (const [k, v] of Object.entries(BUYER)) await page.fill(`#${k}`, v);
    await page.click('[data-product="steel-tumbler"] [data-step="1"]');
    await page.waitForSelector('#pay-button:not([disabled])');
    await page.evaluate((selector) => {
      document.activeElement?.blur();
      if (selector) document.querySelector(selector).scrollIntoView({ block: 'start' });
      else window.scrollTo(0, 0);
      if (selector) window.scrollBy(0, -72); // below the sticky header
    }, scrollTo);
    const png = await page.screenshot();
    await context.close();
    return png.toString('base64');
  }
  const { defaultBrowserType, ...iphone } = devices['iPhone 13']; // eslint-disable-line no-unused-vars
  const desktop = await capture({ viewport: { width: 1120, height: 860 } }, null);
  // On the phone, the part that differs: redirect mode and the Naver Pay button.
  const phone = await capture({ ...iphone, deviceScaleFactor: 1 }, '.summary');

  const page = await browser.newPage({ viewport: { width: 1560, height: 900 } });
  await page.setContent(`<!doctype html><body style="margin:0;background:#e9ecef;display:flex;gap:28px;align-items:flex-start;padding:20px 24px">
    <img src="data:image/png;base64,${desktop}" style="width:1120px;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.18)">
    <img src="data:image/png;base64,${phone}" style="width:360px;border-radius:28px;border:8px solid #1d2129;box-shadow:0 6px 24px rgba(0,0,0,.18)">
  </body>`);
  const size = await page.evaluate(() => ({ width: document.body.scrollWidth, height: document.body.scrollHeight }));
  await page.setViewportSize(size);
  await page.screenshot({ path: new URL('./demo.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await demo.close();
}
