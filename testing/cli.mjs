#!/usr/bin/env node
// npx naverpay-checkout rehearse <url> --pay <selector>: the inspection rehearsal for merchants without a test
// suite, in an installed Chrome or Chromium driven by playwright-core (an optional peer dependency).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rehearseInspection } from './rehearse.mjs';

const USAGE = `usage: naverpay-checkout rehearse <checkout-url> --pay <selector> [options]

Rehearses Naver Pay's inspection on your checkout page, offline: PortOne's SDK is replaced by a simulator.

  --pay <selector>              the Naver Pay button (required)
  --ready <selector>            wait for this before each click (e.g. '#checkout[data-ready="true"]')
  --below-minimum-url <url>     a page of your checkout whose cart is under 100 won (else: not rehearsed)
  --mobile-url <url>            the checkout for phones, if not the same URL
  --timeout <ms>                how long to wait for each step (default 5000)
  --browser <path>              Chrome or Chromium to run (default: $CHROME_PATH, then the usual places)
  --headed                      show the browser
  --json                        print the report as JSON

Exit status: 0 when every scenario passed, 1 when one failed or could not be rehearsed, 2 on a usage error.`;

const CANDIDATES = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** A usage error: says why, shows the usage, exit status 2. */
function fail(message) {
  process.stderr.write(`naverpay-checkout: ${message}\n\n${USAGE}\n`);
  return 2;
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pay: { type: 'string' }, ready: { type: 'string' }, 'below-minimum-url': { type: 'string' },
        'mobile-url': { type: 'string' }, timeout: { type: 'string' }, browser: { type: 'string' },
        headed: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(e.message);
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, url, ...rest] = positionals;
  if (command !== 'rehearse') return fail(command ? `unknown command ${JSON.stringify(command)}` : 'no command');
  if (!url || rest.length) return fail('give exactly one checkout URL');
  if (!/^https?:\/\//.test(url)) return fail(`${JSON.stringify(url)} is not an http(s) URL`);
  if (!v.pay) return fail('--pay <selector> is required');
  const timeoutMs = v.timeout === undefined ? 5000 : Number(v.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) return fail('--timeout is a number of milliseconds');

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return fail('playwright-core is not installed: npm install -D playwright-core');
  }
  const executablePath = v.browser ?? process.env.CHROME_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) return fail('no Chrome or Chromium found: pass --browser <path> or set CHROME_PATH');
  const browser = await chromium.launch({
    executablePath,
    headless: !v.headed,
    // Chrome refuses to run as root with its sandbox (containers, CI).
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    const setup = v.ready ? (p) => p.waitForSelector(v.ready, { timeout: timeoutMs }) : undefined;
    const report = await rehearseInspection(page, {
      url,
      pay: v.pay,
      setup,
      timeoutMs,
      belowMinimum: v['below-minimum-url'] ? { url: v['below-minimum-url'], setup } : undefined,
      mobile: v['mobile-url'] ? { url: v['mobile-url'] } : undefined,
    });
    process.stdout.write(v.json ? `${JSON.stringify(report, null, 2)}\n` : `${report.summary}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await browser.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
