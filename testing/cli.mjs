#!/usr/bin/env node
// npx naverpay-checkout rehearse <url> --pay <selector>: the inspection rehearsal for merchants without a test
// suite, in an installed Chrome or Chromium driven by playwright-core (an optional peer dependency).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rehearseInspection, SCENARIOS } from './rehearse.mjs';

const USAGE = `usage: naverpay-checkout rehearse <checkout-url> --pay <selector> [options]

Rehearses Naver Pay's inspection on your checkout page, offline: PortOne's SDK is replaced by a simulator.

  --pay <selector>              the Naver Pay button (required)
  --sdk v1|v2                   the SDK the page pays through: v1 (IMP.request_pay, default) or v2
                                (PortOne.requestPayment, e.g. naverpay-checkout/v2)
  --ready <selector>            wait for this before each click (e.g. '#checkout[data-ready="true"]')
  --below-minimum-url <url>     a page of your checkout whose cart is under 100 won
  --below-minimum-click <sel>   or: click this (repeat it, in order) on the checkout to get the cart under 100 won
  --below-minimum-amount <won>  the total that cart should have (tells a page that raises it to 100)
  --mobile-url <url>            the checkout for phones, if not the same URL
  --redirect-url <url>          your m_redirect_url (V2: redirectUrl) page (default: the one a phone's request names)
  --rest-url <url>              the REST simulator your backend talks to (for tampered-amount and, on V2,
                                tampered-count; V2's with --sdk v2)
  --skip <id,…>                 leave these scenarios out
  --only <id,…>                 run only these scenarios
  --timeout <ms>                how long to wait for each step (default 5000)
  --browser <path>              Chrome or Chromium to run (default: $CHROME_PATH, then the usual places)
  --headed                      show the browser
  --json                        print the report as JSON

Scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}.

Exit status: 0 when every scenario passed, 1 when one failed or could not be rehearsed, 2 on a usage or
environment error (one line on stderr).`;

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** A usage or environment error: one plain line, exit status 2. */
function fail(message) {
  process.stderr.write(`naverpay-checkout: ${message}\n`);
  return 2;
}

const firstLine = (s) => String(s).split('\n')[0];
const isHttp = (u) => /^https?:\/\//.test(u);

/** `--skip a,b --skip c` → ['a', 'b', 'c']; an unknown id is a usage error (thrown as a string). */
function scenarioList(values, flag) {
  const ids = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = ids.find((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown !== undefined)
    throw `${flag}: no scenario ${JSON.stringify(unknown)} (naverpay-checkout --help lists them)`;
  return ids;
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pay: { type: 'string' },
        sdk: { type: 'string' },
        ready: { type: 'string' },
        'below-minimum-url': { type: 'string' },
        'below-minimum-click': { type: 'string', multiple: true },
        'below-minimum-amount': { type: 'string' },
        'mobile-url': { type: 'string' },
        'redirect-url': { type: 'string' },
        'rest-url': { type: 'string' },
        skip: { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        browser: { type: 'string' },
        headed: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(`${firstLine(e.message)} (naverpay-checkout --help for usage)`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, url, ...rest] = positionals;
  if (command !== 'rehearse') {
    return fail(
      `${command ? `unknown command ${JSON.stringify(command)}` : 'no command'}: naverpay-checkout rehearse <checkout-url> --pay <selector> (--help for more)`,
    );
  }
  if (!url || rest.length)
    return fail('give exactly one checkout URL: naverpay-checkout rehearse <checkout-url> --pay <selector>');
  for (const [flag, value] of [
    ['checkout URL', url],
    ['--below-minimum-url', v['below-minimum-url']],
    ['--mobile-url', v['mobile-url']],
    ['--redirect-url', v['redirect-url']],
    ['--rest-url', v['rest-url']],
  ]) {
    if (value !== undefined && !isHttp(value)) return fail(`${flag} ${JSON.stringify(value)} is not an http(s) URL`);
  }
  if (!v.pay) return fail('--pay <selector> is required: the selector of your Naver Pay button');
  if (v.sdk !== undefined && v.sdk !== 'v1' && v.sdk !== 'v2')
    return fail(`--sdk is v1 or v2; got ${JSON.stringify(v.sdk)}`);
  const timeoutMs = v.timeout === undefined ? 5000 : Number(v.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) return fail('--timeout is a number of milliseconds');
  const belowAmount = v['below-minimum-amount'] === undefined ? undefined : Number(v['below-minimum-amount']);
  if (belowAmount !== undefined && !(Number.isInteger(belowAmount) && belowAmount >= 0))
    return fail('--below-minimum-amount is a number of won');
  let skip, only;
  try {
    skip = scenarioList(v.skip, '--skip');
    only = v.only ? scenarioList(v.only, '--only') : undefined;
  } catch (message) {
    return fail(message);
  }

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return fail('playwright-core is not installed: npm install -D playwright-core');
  }
  const executablePath = v.browser ?? process.env.CHROME_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) return fail('no Chrome or Chromium found: pass --browser <path> or set CHROME_PATH');
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: !v.headed,
      // Chrome refuses to run as root with its sandbox (containers, CI).
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
  } catch (e) {
    return fail(`could not start the browser ${JSON.stringify(executablePath)}: ${firstLine(e.message)}`);
  }
  try {
    const page = await (await browser.newContext()).newPage();
    try {
      await page.goto(url, { timeout: timeoutMs * 3 });
    } catch (e) {
      return fail(`could not open ${url}: ${firstLine(e.message).replace(/^page\.goto: /, '')}`);
    }
    const ready = v.ready ? (p) => p.waitForSelector(v.ready, { timeout: timeoutMs }) : undefined;
    const clicks = v['below-minimum-click'] ?? [];
    const belowSetup = clicks.length
      ? async (p) => {
          await ready?.(p);
          for (const selector of clicks) await p.click(selector, { timeout: timeoutMs });
        }
      : ready;
    const report = await rehearseInspection(page, {
      url,
      sdk: v.sdk,
      pay: v.pay,
      setup: ready,
      timeoutMs,
      belowMinimum:
        v['below-minimum-url'] || clicks.length
          ? { url: v['below-minimum-url'], setup: belowSetup, amount: belowAmount }
          : undefined,
      mobile: v['mobile-url'] ? { url: v['mobile-url'] } : undefined,
      redirectUrl: v['redirect-url'],
      rest: v['rest-url'] ? { url: v['rest-url'] } : undefined,
      skip,
      only,
    });
    process.stdout.write(v.json ? `${JSON.stringify(report, null, 2)}\n` : `${report.summary}\n`);
    return report.ok ? 0 : 1;
  } catch (e) {
    return fail(`the rehearsal stopped: ${firstLine(e.message)}`);
  } finally {
    await browser.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
