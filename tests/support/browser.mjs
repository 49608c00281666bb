// Chromium for page-level tests: one browser per test file, a new page (or context) per test.
//
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   …
//   await browser.close();
//
// Playwright gives each launch a fresh temporary profile (--user-data-dir) and removes it on close.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/**
 * @param {import('playwright-core').LaunchOptions} [options]  merged over the defaults; `args` are appended
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser(options = {}) {
  const { args = [], ...rest } = options;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    ...rest,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/**
 * Collects what a page reports as wrong: uncaught errors and console.error lines.
 * @param {import('playwright-core').Page} page
 * @returns {{ pageErrors: Error[], consoleErrors: string[] }}
 */
export function collectPageProblems(page) {
  const problems = { pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (err) => problems.pageErrors.push(err));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  return problems;
}

/**
 * A route for tests/support/server.mjs that answers 503 to its first `failures` requests since
 * `reset()`, then `body` as JavaScript: a CDN that fails, then recovers. `hits` counts requests.
 */
export function flakyScript(body, failures) {
  const route = (req, res) => {
    route.hits += 1;
    if (route.hits <= failures) {
      res.writeHead(503);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end(body);
  };
  route.hits = 0;
  route.reset = () => {
    route.hits = 0;
  };
  return route;
}

/** `collectPageProblems`, and the page's unhandled promise rejections from its next navigation on. */
export async function watchPage(page) {
  const problems = collectPageProblems(page);
  await page.addInitScript(() => {
    window.__unhandled = [];
    window.addEventListener('unhandledrejection', (e) => window.__unhandled.push(String(e.reason)));
  });
  return problems;
}

/** Fails on an unhandled rejection or an uncaught error seen since `watchPage`. */
export async function assertPageClean(page, problems) {
  assert.deepEqual(await page.evaluate(() => window.__unhandled), [], 'no unhandled promise rejection');
  assert.deepEqual(problems.pageErrors.map(String), [], 'no uncaught page error');
}
