// Chromium for page-level tests: one browser per test file, a new page (or context) per test.
//
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   …
//   await browser.close();
//
// Playwright gives each launch a fresh temporary profile (--user-data-dir) and removes it on close.
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
