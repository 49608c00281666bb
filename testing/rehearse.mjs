// The inspection rehearsal: Naver Pay's known reasons to reject a checkout, tried on the merchant's own
// page with the IMP simulator in place of PortOne's SDK. docs/inspection.md gives each scenario's rule.
import { createRequire } from 'node:module';
import { randomInt } from 'node:crypto';
import { installImpSimulator } from './imp.mjs';
import { NODE_BUILD } from './locations.mjs';

const PASSED = 'passed';
const FAILED = 'failed';
const NOT_REHEARSED = 'not rehearsed';

/** The scenarios, in the order they run, with the inspection rule each stands for. */
export const SCENARIOS = Object.freeze([
  { id: 'failure-message', title: "The PG's failure message reaches the buyer exactly as sent (popup mode)",
    rule: "error_msg must be returned to the user as it is: no prefix, no translation (PortOne's Naver Pay guide, \"Must return error message as-is\")" },
  { id: 'naver-products', title: 'naverProducts are present and valid',
    rule: 'naverProducts (categoryType, categoryId, uid, name, count) must be sent, or the request fails inspection' },
  { id: 'double-click', title: 'A double click opens one payment window',
    rule: 'one request per order: merchant_uid must be unique for each request' },
  { id: 'below-minimum', title: 'An amount below the minimum shows a message and opens no window',
    rule: "exception handling for less than 100 won: return a 'less than minimum amount (100 won)' message to the user" },
  { id: 'redirect-phone', title: 'A phone requests redirect mode with an m_redirect_url',
    rule: 'mobile browsers redirect to m_redirect_url (naverPopupMode: false); a popup on a phone loses the result' },
  { id: 'redirect-tablet', title: 'A tablet requests redirect mode with an m_redirect_url', rule: 'as on a phone' },
  { id: 'redirect-in-app', title: 'An in-app browser (KakaoTalk) requests redirect mode with an m_redirect_url', rule: 'as on a phone' },
  { id: 'failure-message-redirect', title: "The PG's failure message reaches the buyer exactly as sent on the m_redirect_url page",
    rule: 'as in popup mode: the message arrives in the query (error_msg) and must be shown as it is' },
  { id: 'failure-message-redirect-euc-kr', title: 'The same, with the message EUC-KR-encoded in the query',
    rule: 'as above; some PGs percent-encode the message in EUC-KR, and it must still reach the buyer intact' },
]);

/** Real user agents: an iPhone, an iPad, and KakaoTalk's in-app browser on Android. */
export const DEVICES = Object.freeze({
  'redirect-phone': {
    name: 'iPhone (Safari)',
    context: {
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      viewport: { width: 390, height: 664 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
    },
  },
  'redirect-tablet': {
    name: 'iPad (Safari)',
    context: {
      userAgent: 'Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
      viewport: { width: 810, height: 1080 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    },
  },
  'redirect-in-app': {
    name: 'KakaoTalk in-app browser (Android)',
    context: {
      userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-S911N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36;KAKAOTALK 2410440',
      viewport: { width: 384, height: 754 }, deviceScaleFactor: 2.8, isMobile: true, hasTouch: true,
    },
  },
});

const byId = Object.fromEntries(SCENARIOS.map((s) => [s.id, s]));
const require = createRequire(import.meta.url);

/** A message no page could show by chance: Korean (it must survive EUC-KR), with a random number. */
function uniqueMessage() {
  return `잔액이 부족합니다 (리허설 ${randomInt(100000, 999999)})`;
}

// ---- in the page ---------------------------------------------------------------------------------

/** Remembers every element's text and visibility, to tell later what the page changed. */
function snapshotInPage() {
  const seen = new WeakMap();
  for (const el of document.querySelectorAll('body *')) seen.set(el, { text: el.textContent, visible: el.checkVisibility() });
  window.__npcRehearsalSnapshot = seen;
}

/**
 * What the buyer can see now: `exact` when an element's whole text is `message`; else the smallest text that
 * contains it; and the texts that changed or appeared since the snapshot (innermost elements only).
 */
function lookInPage({ message, minimum }) {
  const seen = window.__npcRehearsalSnapshot ?? new WeakMap();
  const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  let exact = false;
  let containing = null;
  const fresh = new Set(); // visible elements whose text is new or changed, or that were hidden
  for (const el of document.querySelectorAll('body *')) {
    if (skip.has(el.tagName) || el.closest('[data-imp-sim]') || !el.checkVisibility()) continue;
    const text = el.textContent;
    if (message !== null && text.includes(message)) {
      if (text.trim() === message) exact = true;
      else if (containing === null || text.length < containing.length) containing = text.trim();
    }
    const before = seen.get(el);
    if ((!before || !before.visible || before.text !== text) && text.trim() !== '') fresh.add(el);
  }
  // The innermost of them: a changed child already says what changed in its parent.
  const changed = [...fresh].filter((el) => ![...el.children].some((c) => fresh.has(c)))
    .map((el) => el.textContent.trim().replace(/\s+/g, ' ').slice(0, 160));
  const mentionsMinimum = minimum === null ? [] : changed.filter((t) => new RegExp(`(^|\\D)${minimum}(\\D|$)`).test(t.replace(/,/g, '')));
  return { exact, containing, changed: [...new Set(changed)].slice(0, 8), mentionsMinimum };
}

// ---- the rehearsal -------------------------------------------------------------------------------

const quote = (s) => JSON.stringify(s);
const firstLine = (s) => String(s).split('\n')[0];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Collects (and accepts) the page's dialogs until stop(). */
function watchDialogs(page) {
  const dialogs = [];
  const onDialog = (d) => {
    dialogs.push(d.message());
    d.accept().catch(() => {});
  };
  page.on('dialog', onDialog);
  return { dialogs, stop: () => page.off('dialog', onDialog) };
}

/** Looks until `message` is an element's whole text or an alert; a near miss is given settleMs to become exact. */
async function waitForMessage(page, message, dialogs, o) {
  const deadline = Date.now() + o.timeoutMs;
  let nearMissAt = null;
  for (;;) {
    const seen = await page.evaluate(lookInPage, { message, minimum: null });
    if (seen.exact || dialogs.includes(message)) return seen;
    if ((seen.containing || dialogs.some((d) => d.includes(message))) && nearMissAt === null) nearMissAt = Date.now();
    if ((nearMissAt !== null && Date.now() - nearMissAt > o.settleMs) || Date.now() > deadline) return seen;
    await sleep(100);
  }
}

/**
 * Runs the inspection's scenarios on a Playwright page that is on the merchant's checkout.
 * @param {import('playwright-core').Page} page
 * @param {import('./index.d.ts').RehearsalOptions} options
 * @returns {Promise<import('./index.d.ts').RehearsalReport>}
 */
export async function rehearseInspection(page, options) {
  if (!options || typeof options.pay !== 'string' || options.pay === '') {
    throw new TypeError("rehearseInspection: options.pay is the pay button's selector, e.g. { pay: '#pay-button' }");
  }
  const o = {
    url: options.url ?? page.url(),
    pay: options.pay,
    setup: options.setup ?? null,
    timeoutMs: options.timeoutMs ?? 5000,
    settleMs: options.settleMs ?? 500,
    minAmount: options.minAmount ?? 100,
    belowMinimum: options.belowMinimum ?? null,
    mobile: options.mobile ?? {},
    devices: { ...DEVICES, ...(options.devices ?? {}) },
    skip: new Set(options.skip ?? []),
    preparePage: options.preparePage ?? null,
  };
  if (!/^https?:/.test(o.url)) throw new TypeError(`rehearseInspection: the page is not on a checkout (url ${quote(o.url)}); pass options.url`);
  const results = new Map();
  const set = (id, status, reason, extra = {}) => results.set(id, { ...byId[id], status, reason, ...extra });

  const sim = await installImpSimulator(page, { navigate: false });
  const session = { page, sim, o };

  // 1. failure message in popup mode, and naverProducts from the same request
  if (!o.skip.has('failure-message') || !o.skip.has('naver-products')) {
    const message = uniqueMessage();
    const r = await payAndLook(session, { setup: o.setup, url: o.url, scenario: 'failure-message',
      outcome: { result: 'fail', error_msg: message, error_code: 'NP_REHEARSAL' }, message });
    if (r.notRehearsed) {
      set('failure-message', NOT_REHEARSED, r.notRehearsed);
      set('naver-products', NOT_REHEARSED, r.notRehearsed);
    } else {
      set('failure-message', ...judgeMessage(r, message));
      set('naver-products', ...judgeProducts(r.call.params));
    }
  }

  // 2. double click
  if (!o.skip.has('double-click')) set('double-click', ...(await doubleClick(session)));

  // 3. below the minimum
  if (!o.skip.has('below-minimum')) set('below-minimum', ...(await belowMinimum(session)));

  // 4. phones, tablets, in-app browsers; then the failure message on the m_redirect_url page
  let redirecting = null; // { context, page, call, device } of the first device that asked for redirect mode
  const redirectIds = ['redirect-phone', 'redirect-tablet', 'redirect-in-app'];
  const browser = page.context().browser();
  for (const id of redirectIds) {
    if (o.skip.has(id)) continue;
    if (!browser) {
      set(id, NOT_REHEARSED, 'the page has no browser to open a phone-sized context in (a persistent context?)');
      continue;
    }
    const device = o.devices[id];
    const context = await browser.newContext({ ...device.context, storageState: await page.context().storageState() });
    try {
      const phone = await context.newPage();
      if (o.preparePage) await o.preparePage(phone);
      const phoneSim = await installImpSimulator(phone, { navigate: false });
      const r = await payAndLook({ page: phone, sim: phoneSim, o }, {
        setup: o.mobile.setup ?? o.setup, url: o.mobile.url ?? o.url, scenario: id, outcome: 'never', message: null,
      });
      if (r.notRehearsed) set(id, NOT_REHEARSED, r.notRehearsed, { device: device.name });
      else {
        const verdict = judgeRedirect(r.call.params, device.name);
        set(id, ...verdict, { device: device.name });
        if (verdict[0] === PASSED && !redirecting) {
          redirecting = { context, page: phone, call: r.call, device: device.name };
          continue; // kept open for the redirect-page scenarios
        }
      }
    } catch (e) {
      set(id, NOT_REHEARSED, `could not be set up: ${e.message}`, { device: device.name });
    }
    await context.close();
  }
  try {
    for (const [id, encoding] of [['failure-message-redirect', 'form'], ['failure-message-redirect-euc-kr', 'euc-kr']]) {
      if (o.skip.has(id)) continue;
      if (!redirecting) {
        set(id, NOT_REHEARSED, 'no device made a redirect-mode request with an m_redirect_url to return to');
        continue;
      }
      set(id, ...(await redirectMessage(redirecting, encoding, o)), { device: redirecting.device });
    }
  } finally {
    await redirecting?.context.close();
  }

  const scenarios = SCENARIOS.filter((s) => results.has(s.id) && !o.skip.has(s.id)).map((s) => results.get(s.id));
  const count = (status) => scenarios.filter((s) => s.status === status).length;
  const report = {
    ok: scenarios.length > 0 && scenarios.every((s) => s.status === PASSED),
    passed: count(PASSED),
    failed: count(FAILED),
    notRehearsed: count(NOT_REHEARSED),
    scenarios,
  };
  report.summary = formatReport(report);
  return report;
}

/** Loads `url`, runs the caller's setup, queues `outcome`, clicks pay and waits for the call and what the buyer sees. */
async function payAndLook({ page, sim, o }, { setup, url, scenario, outcome, message }) {
  const { dialogs, stop } = watchDialogs(page);
  try {
    try {
      await page.goto(url);
      if (setup) await setup(page, { scenario });
    } catch (e) {
      return { notRehearsed: `could not be set up: ${e.message}` };
    }
    await sim.reset();
    await sim.script(outcome);
    await page.evaluate(snapshotInPage);
    const before = sim.calls.length;
    try {
      await page.click(o.pay, { timeout: o.timeoutMs });
    } catch (e) {
      return { notRehearsed: `the pay button ${quote(o.pay)} could not be clicked: ${firstLine(e.message)}` };
    }
    let call;
    try {
      call = await sim.waitForCall({ count: before + 1, timeoutMs: o.timeoutMs });
    } catch {
      const seen = await page.evaluate(lookInPage, { message: null, minimum: null }).catch(() => ({ changed: [] }));
      return { notRehearsed: `clicking ${quote(o.pay)} did not call IMP.request_pay within ${o.timeoutMs} ms` +
        (seen.changed.length ? `; the page showed ${seen.changed.map(quote).join(', ')}` : '') };
    }
    if (message === null) return { call };
    return { call, seen: await waitForMessage(page, message, dialogs, o), dialogs };
  } finally {
    stop();
  }
}

function judgeMessage({ seen, dialogs }, message) {
  if (seen.exact) return [PASSED, `shown as an element's whole text: ${quote(message)}`];
  if (dialogs.includes(message)) return [PASSED, `shown as an alert's whole message: ${quote(message)}`];
  const inDialog = dialogs.find((d) => d.includes(message));
  if (seen.containing !== null || inDialog) {
    return [FAILED, `the PG sent ${quote(message)} but the buyer saw it inside a longer text: ${quote(seen.containing ?? inDialog)}`];
  }
  const shown = [...seen.changed, ...dialogs.map((d) => `alert: ${d}`)];
  return [FAILED, `the PG sent ${quote(message)} but no element's text nor alert carried it` +
    (shown.length ? `; the buyer saw ${shown.map(quote).join(', ')} (translated or replaced?)` : '; nothing new was shown')];
}

function judgeProducts(params) {
  if (!Array.isArray(params?.naverProducts) || params.naverProducts.length === 0) {
    return [FAILED, `IMP.request_pay got no naverProducts (${params?.naverProducts === undefined ? 'missing' : quote(params.naverProducts)})`];
  }
  const { validateNaverPay } = require(NODE_BUILD);
  const report = validateNaverPay(params, { mode: params.naverPopupMode === false ? 'redirect' : 'popup' });
  const issues = report.errors.filter((e) => e.field.startsWith('naverProducts'));
  if (issues.length) return [FAILED, issues.map((e) => `${e.field}: ${e.message} (${e.code})`).join('; ')];
  return [PASSED, `${params.naverProducts.length} product(s), each with a valid category, uid, name and count`];
}

async function doubleClick({ page, sim, o }) {
  try {
    await page.goto(o.url);
    if (o.setup) await o.setup(page, { scenario: 'double-click' });
  } catch (e) {
    return [NOT_REHEARSED, `could not be set up: ${e.message}`];
  }
  await sim.reset();
  await sim.script('never', 'never', 'never');
  try {
    await page.dblclick(o.pay, { timeout: o.timeoutMs });
  } catch (e) {
    return [NOT_REHEARSED, `the pay button ${quote(o.pay)} could not be double-clicked: ${firstLine(e.message)}`];
  }
  try {
    await sim.waitForCall({ count: 1, timeoutMs: o.timeoutMs });
  } catch {
    return [NOT_REHEARSED, `double-clicking ${quote(o.pay)} did not call IMP.request_pay within ${o.timeoutMs} ms`];
  }
  await sleep(o.settleMs); // a second call has had its chance
  await sim.sync();
  const n = sim.calls.length;
  if (n === 1) return [PASSED, 'one IMP.request_pay for two clicks'];
  const uids = sim.calls.map((c) => c.params?.merchant_uid);
  return [FAILED, `two clicks made ${n} IMP.request_pay calls (merchant_uid ${uids.map(quote).join(', ')}): ${n} payment windows`];
}

async function belowMinimum({ page, sim, o }) {
  const b = o.belowMinimum;
  if (!b || (!b.setup && !b.url)) {
    return [NOT_REHEARSED, 'needs a cart under the minimum: pass belowMinimum: { setup(page) } or { url }'];
  }
  const { dialogs, stop } = watchDialogs(page);
  try {
    try {
      await page.goto(b.url ?? o.url);
      if (b.setup) await b.setup(page, { scenario: 'below-minimum' });
      else if (o.setup) await o.setup(page, { scenario: 'below-minimum' });
    } catch (e) {
      return [NOT_REHEARSED, `could not be set up: ${e.message}`];
    }
    await sim.reset();
    await sim.script('below_minimum');
    await page.evaluate(snapshotInPage);
    try {
      await page.click(o.pay, { timeout: o.timeoutMs });
    } catch (e) {
      return [NOT_REHEARSED, `the pay button ${quote(o.pay)} could not be clicked: ${firstLine(e.message)}`];
    }
    const deadline = Date.now() + o.timeoutMs;
    let seen;
    for (;;) {
      seen = await page.evaluate(lookInPage, { message: null, minimum: o.minAmount });
      const alerted = dialogs.some((d) => d.replace(/,/g, '').includes(String(o.minAmount)));
      if (seen.mentionsMinimum.length || alerted || sim.calls.length || Date.now() > deadline) break;
      await sleep(100);
    }
    await sleep(o.settleMs); // IMP.request_pay has had its chance
    await sim.sync();
    const call = sim.calls[0];
    if (call) {
      const amount = call.params?.amount;
      if (typeof amount === 'number' && amount >= o.minAmount) {
        return [NOT_REHEARSED, `the setup did not put the cart under the minimum: IMP.request_pay got amount ${amount}`];
      }
      return [FAILED, `IMP.request_pay was called with amount ${quote(amount)}, under the minimum of ${o.minAmount}: ` +
        'a payment window opened instead of the page answering'];
    }
    const alert = dialogs.find((d) => d.replace(/,/g, '').includes(String(o.minAmount)));
    if (seen.mentionsMinimum.length) return [PASSED, `no window; the buyer saw ${quote(seen.mentionsMinimum[0])}`];
    if (alert) return [PASSED, `no window; the buyer saw the alert ${quote(alert)}`];
    const shown = [...seen.changed, ...dialogs.map((d) => `alert: ${d}`)];
    return [FAILED, `no window opened, but no message naming the minimum (${o.minAmount}) appeared after the click` +
      (shown.length ? `; the page showed ${shown.map(quote).join(', ')}` : '; nothing new was shown')];
  } finally {
    stop();
  }
}

function judgeRedirect(params, device) {
  const mode = params?.naverPopupMode;
  if (mode !== false) {
    return [FAILED, `on ${device} IMP.request_pay got naverPopupMode: ${mode === undefined ? 'missing (popup by default)' : quote(mode)}; ` +
      'a mobile browser ignores the popup callback and the result is lost'];
  }
  const url = params.m_redirect_url;
  if (typeof url !== 'string' || url === '') return [FAILED, `on ${device} redirect mode has no m_redirect_url to return to`];
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch { /* reported below */ }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return [FAILED, `on ${device} m_redirect_url ${quote(url)} is not an absolute http(s) URL`];
  return [PASSED, `naverPopupMode: false, m_redirect_url ${quote(url)}`];
}

async function redirectMessage(redirecting, encoding, o) {
  const { page, call } = redirecting;
  const message = uniqueMessage();
  const rsp = { success: false, imp_uid: `imp_${randomInt(1e11, 1e12 - 1)}`, merchant_uid: call.params.merchant_uid,
    error_code: 'NP_REHEARSAL', error_msg: message };
  const { dialogs, stop } = watchDialogs(page);
  try {
    const target = await page.evaluate(({ base, rsp, encoding }) => window.IMP.__sim.buildRedirectUrl(base, rsp, encoding),
      { base: call.params.m_redirect_url, rsp, encoding });
    try {
      await page.goto(target);
    } catch (e) {
      return [NOT_REHEARSED, `the m_redirect_url page did not load: ${firstLine(e.message)}`];
    }
    const seen = await waitForMessage(page, message, dialogs, o);
    const [status, reason] = judgeMessage({ seen, dialogs }, message);
    return [status, `${reason} (returned to ${new URL(target).pathname})`];
  } finally {
    stop();
  }
}

/** The report as text: one line a scenario, the reason under each that did not pass. */
export function formatReport(report) {
  const mark = { [PASSED]: 'PASS', [FAILED]: 'FAIL', [NOT_REHEARSED]: 'SKIP' };
  const lines = [`Naver Pay inspection rehearsal: ${report.passed} passed, ${report.failed} failed, ` +
    `${report.notRehearsed} not rehearsed${report.ok ? '' : ' (not ready for inspection)'}`];
  for (const s of report.scenarios) {
    lines.push(`  ${mark[s.status]}  ${s.id}: ${s.title}${s.device ? ` [${s.device}]` : ''}`);
    if (s.status !== PASSED) lines.push(`        ${s.status === NOT_REHEARSED ? 'not rehearsed: ' : ''}${s.reason}`);
  }
  return lines.join('\n');
}
