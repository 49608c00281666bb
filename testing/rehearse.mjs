// The inspection rehearsal: Naver Pay's known reasons to reject a checkout, tried on the merchant's own
// page with a simulator in place of PortOne's SDK: V1's IMP (sim/imp.js) or V2's PortOne (sim/portone-v2.js),
// one engine and an adapter for each (SDKS below). docs/inspection.md gives each scenario's rule.
import { createRequire } from 'node:module';
import { randomInt } from 'node:crypto';
import { installImpSimulator } from './imp.mjs';
import { installPortOneV2Simulator } from './portone-v2.mjs';
import { NODE_BUILD, NODE_BUILD_V2 } from './locations.mjs';

export const PASSED = 'passed';
export const FAILED = 'failed';
export const NOT_REHEARSED = 'not rehearsed';
export const NOT_APPLICABLE = 'not applicable';

/** The scenarios, in the order they run, with the inspection rule each stands for. */
export const SCENARIOS = Object.freeze([
  {
    id: 'failure-message',
    title: "The PG's failure message reaches the buyer exactly as sent (popup mode)",
    rule: 'error_msg must be returned to the user as it is: no prefix, no translation, as text (markup and entities in it stay as they are) (PortOne\'s Naver Pay guide, "Must return error message as-is")',
  },
  {
    id: 'naver-products',
    title: 'naverProducts are present and valid (naverProductCode and buyer_tel for a billing key)',
    rule: 'naverProducts (categoryType, categoryId, uid, name, count) must be sent, or the request fails inspection; a billing-key registration (customer_uid) needs naverProductCode and buyer_tel instead',
  },
  {
    id: 'request-warnings',
    title: 'Validation warns about none of the fields Naver Pay reads in the request IMP received',
    rule: 'a validation warning about name, naverProducts, naverProductCode, naverUseCfm or buyer_tel is what the inspection sends back, e.g. name must be the first product\'s name (Naver Pay appends "외 N건" itself)',
  },
  {
    id: 'double-click',
    title: 'A double click opens one payment window',
    rule: 'one request per order: merchant_uid must be unique for each request',
  },
  {
    id: 'below-minimum',
    title: 'An amount below the minimum shows a message and opens no window',
    rule: "exception handling for less than 100 won: return a 'less than minimum amount (100 won)' message to the user",
  },
  {
    id: 'redirect-phone',
    title: 'A phone requests redirect mode with an m_redirect_url',
    rule: 'mobile browsers redirect to m_redirect_url (naverPopupMode: false); a popup on a phone loses the result',
  },
  { id: 'redirect-tablet', title: 'A tablet requests redirect mode with an m_redirect_url', rule: 'as on a phone' },
  {
    id: 'redirect-in-app',
    title: 'An in-app browser (KakaoTalk) requests redirect mode with an m_redirect_url',
    rule: 'as on a phone',
  },
  {
    id: 'failure-message-redirect',
    title: "The PG's failure message reaches the buyer exactly as sent on the m_redirect_url page",
    rule: 'as in popup mode: the message arrives in the query (error_msg) and must be shown as it is',
  },
  {
    id: 'failure-message-redirect-euc-kr',
    title: 'The same, with the message EUC-KR-encoded in the query',
    rule: 'as above; some PGs percent-encode the message in EUC-KR, and it must still reach the buyer intact',
  },
  {
    id: 'redirect-crafted-link',
    title: 'A link to the m_redirect_url page crafted by an attacker runs no markup',
    rule: "error_msg in the query is text: a page that inserts it as HTML is a reflected XSS on the merchant's domain",
  },
  {
    id: 'tampered-amount',
    title: "The merchant's server refuses a payment whose amount the buyer edited in the browser",
    rule: "결제로직 취약성: the server looks the payment up at PortOne (imp_uid) and refuses, and refunds, an amount that is not the order's",
  },
  {
    id: 'tampered-count',
    title: "The merchant's server refuses a payment whose product count the buyer raised at the same total",
    rule: "결제로직 취약성: the server compares the products of PortOne's payment with the order's lines and refuses, and refunds, a payment whose counts are not the order's",
  },
]);

/** Real user agents: an iPhone, an iPad, and KakaoTalk's in-app browser on Android. */
export const DEVICES = Object.freeze({
  'redirect-phone': {
    name: 'iPhone (Safari)',
    context: {
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      viewport: { width: 390, height: 664 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    },
  },
  'redirect-tablet': {
    name: 'iPad (Safari)',
    context: {
      userAgent:
        'Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
      viewport: { width: 810, height: 1080 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    },
  },
  'redirect-in-app': {
    name: 'KakaoTalk in-app browser (Android)',
    context: {
      userAgent:
        'Mozilla/5.0 (Linux; Android 13; SM-S911N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36;KAKAOTALK 2410440',
      viewport: { width: 384, height: 754 },
      deviceScaleFactor: 2.8,
      isMobile: true,
      hasTouch: true,
    },
  },
});

const byId = Object.fromEntries(SCENARIOS.map((s) => [s.id, s]));
const require = createRequire(import.meta.url);

/**
 * A message no page could show by chance: Korean (it must survive EUC-KR), with a random number, an entity and
 * two elements' worth of markup. Shown as text it reads as written; inserted as HTML the `<b>` and the `<img>`
 * become elements marked `data-npc-rehearsal` and the image's onerror records the number (where the page's CSP
 * lets inline handlers run).
 */
function uniqueMessage() {
  const nonce = String(randomInt(100000, 999999));
  const message =
    `잔액이 부족합니다 <b data-npc-rehearsal="${nonce}">&amp;</b>` +
    `<img src="x" data-npc-rehearsal="${nonce}" onerror="window.__npcRehearsalRan=${nonce}"> (리허설 ${nonce})`;
  return { message, nonce };
}

// ---- in the page ---------------------------------------------------------------------------------

/** Remembers every element's text and visibility, to tell later what the page changed. */
function snapshotInPage() {
  const seen = new WeakMap();
  for (const el of document.querySelectorAll('body *'))
    seen.set(el, { text: el.textContent, visible: el.checkVisibility() });
  window.__npcRehearsalSnapshot = seen;
}

/** Runs before the page's scripts: keeps what its uncaught errors and unhandled rejections said (a NaverPayError's code and fields). */
function probeErrorsInPage() {
  const errors = [];
  window.__npcRehearsalErrors = errors;
  const keep = (kind, e) => {
    const fields = Array.isArray(e?.errors)
      ? e.errors.map((x) => ({ field: String(x?.field ?? ''), code: String(x?.code ?? '') }))
      : [];
    errors.push({
      kind,
      name: String(e?.name ?? typeof e),
      code: typeof e?.code === 'string' ? e.code : null,
      message: String(e?.message ?? e).slice(0, 200),
      fields,
    });
  };
  window.addEventListener('error', (e) => keep('error', e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => keep('unhandled rejection', e.reason));
}

/**
 * What the buyer can see now: `exact` when an element's whole text is `message`; else the smallest text that
 * contains it; and the texts that changed or appeared since the snapshot (innermost elements only). With a
 * `nonce`: whether the message's markup became elements or ran, whether an element shows it with its entity
 * decoded, and whether a text carries the nonce garbled (U+FFFD or Latin-1 mojibake: the wrong charset).
 */
function lookInPage({ message, minimum, nonce }) {
  const seen = window.__npcRehearsalSnapshot ?? new WeakMap();
  const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const decoded = message?.replace('&amp;', '&') ?? null;
  let exact = false;
  let entityDecoded = null;
  let containing = null;
  const fresh = new Set(); // visible elements whose text is new or changed, or that were hidden
  for (const el of document.querySelectorAll('body *')) {
    if (skip.has(el.tagName) || el.closest('[data-imp-sim], [data-portone-sim]') || !el.checkVisibility()) continue;
    const text = el.textContent;
    if (message !== null && text.includes(message)) {
      if (text.trim() === message) exact = true;
      else if (containing === null || text.length < containing.length) containing = text.trim();
    } else if (decoded !== null && text.trim() === decoded) entityDecoded = decoded;
    const before = seen.get(el);
    if ((!before || !before.visible || before.text !== text) && text.trim() !== '') fresh.add(el);
  }
  // The innermost of them: a changed child already says what changed in its parent.
  const changed = [...fresh]
    .filter((el) => ![...el.children].some((c) => fresh.has(c)))
    .map((el) => el.textContent.trim().replace(/\s+/g, ' ').slice(0, 160));
  const mentionsMinimum =
    minimum === null ? [] : changed.filter((t) => new RegExp(`(^|\\D)${minimum}(\\D|$)`).test(t.replace(/,/g, '')));
  const markup = nonce
    ? [...document.querySelectorAll(`[data-npc-rehearsal="${nonce}"]`)]
        .filter((el) => !el.closest('[data-imp-sim], [data-portone-sim]'))
        .map((el) => el.tagName.toLowerCase())
    : [];
  const garbled = nonce
    ? (changed.find((t) => t.includes(nonce) && /\uFFFD|[\u00C0-\u00FF][\u0080-\u00FF]/.test(t)) ?? null)
    : null;
  return {
    exact,
    containing,
    entityDecoded,
    changed: [...new Set(changed)].slice(0, 8),
    mentionsMinimum,
    markup: [...new Set(markup)],
    ran: nonce ? String(window.__npcRehearsalRan ?? '') === nonce : false,
    garbled,
  };
}

/** The pay button: missing, disabled (the attribute or aria-disabled), or ready. */
function buttonInPage(selector) {
  const b = document.querySelector(selector);
  if (!b) return 'missing';
  return b.disabled === true || b.getAttribute('aria-disabled') === 'true' ? 'disabled' : 'ready';
}

/** The pay button's state once it is enabled, or when `timeoutMs` has passed (a page may enable it late). */
async function waitForButton(page, o) {
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const state = await page.evaluate(buttonInPage, o.pay);
    if (state === 'ready' || Date.now() > deadline) return state;
    await sleep(100);
  }
}

/**
 * What a buyer with devtools does to the next IMP.request_pay (V1) or PortOne.requestPayment (V2) on its way to
 * PortOne: `amount` rewrites the amount (V1 `amount`, V2 `totalAmount`); `raiseCount` adds one to the first
 * product's count at the same total (V2 `products[0].quantity` and `bypass.naverpay.productItems[0].count`). What
 * the page asked for is kept as window.__npcRehearsalCart: its amount and its first product's id and quantity.
 */
function tamperInPage({ sdk, amount, raiseCount }) {
  const [target, method, key] =
    sdk === 'v2' ? [window.PortOne, 'requestPayment', 'totalAmount'] : [window.IMP, 'request_pay', 'amount'];
  const original = target[method];
  target[method] = function (params, ...rest) {
    target[method] = original;
    const first = Array.isArray(params?.products) ? params.products[0] : undefined;
    window.__npcRehearsalCart = {
      amount: params?.[key],
      first: first ? { id: first.id, quantity: first.quantity } : null,
    };
    if (!raiseCount) return original.call(this, { ...params, [key]: amount }, ...rest);
    if (!first || !Number.isInteger(first.quantity)) return original.call(this, params, ...rest);
    const raise = (list, field) => list.map((p, i) => (i === 0 ? { ...p, [field]: p[field] + 1 } : p));
    const changed = { ...params, products: raise(params.products, 'quantity') };
    const items = params.bypass?.naverpay?.productItems;
    if (Array.isArray(items) && items.length > 0 && Number.isInteger(items[0]?.count)) {
      changed.bypass = {
        ...params.bypass,
        naverpay: { ...params.bypass.naverpay, productItems: raise(items, 'count') },
      };
    }
    return original.call(this, changed, ...rest);
  };
}

// ---- the rehearsal -------------------------------------------------------------------------------

export const quote = (s) => JSON.stringify(s);
export const firstLine = (s) => String(s).split('\n')[0];
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
async function waitForMessage(page, { message, nonce }, dialogs, o) {
  const deadline = Date.now() + o.timeoutMs;
  let nearMissAt = null;
  for (;;) {
    const seen = await page.evaluate(lookInPage, { message, minimum: null, nonce });
    if (seen.ran) return seen;
    if (seen.markup.length) {
      await sleep(o.settleMs); // the <img> has had its chance to fail to load and run its onerror
      return page.evaluate(lookInPage, { message, minimum: null, nonce });
    }
    if (seen.exact || dialogs.includes(message)) return seen;
    if (
      (seen.containing || seen.entityDecoded || seen.garbled || dialogs.some((d) => d.includes(message))) &&
      nearMissAt === null
    ) {
      nearMissAt = Date.now();
    }
    if ((nearMissAt !== null && Date.now() - nearMissAt > o.settleMs) || Date.now() > deadline) return seen;
    await sleep(100);
  }
}

/** Installs the SDK's simulator and the error probe on a page the rehearsal drives. */
async function instrument(page, o) {
  await page.addInitScript(probeErrorsInPage);
  return o.sdk.install(page, { navigate: false, ...(o.rest ? { reportUrl: `${o.rest.url}/__sim/payments` } : {}) });
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
  const known = new Set(SCENARIOS.map((s) => s.id));
  for (const id of [...(options.skip ?? []), ...(options.only ?? [])]) {
    if (!known.has(id))
      throw new TypeError(`rehearseInspection: no scenario ${quote(id)}; the scenarios are ${[...known].join(', ')}`);
  }
  const only = options.only ? new Set(options.only) : null;
  const sdk = SDKS[options.sdk ?? 'v1'];
  if (!sdk || !Object.hasOwn(SDKS, options.sdk ?? 'v1'))
    throw new TypeError(
      `rehearseInspection: sdk is ${Object.keys(SDKS).map(quote).join(' or ')}; got ${quote(options.sdk)}`,
    );
  const o = {
    sdk,
    url: options.url ?? page.url(),
    pay: options.pay,
    setup: options.setup ?? null,
    timeoutMs: options.timeoutMs ?? 5000,
    settleMs: options.settleMs ?? 500,
    minAmount: options.minAmount ?? 100,
    belowMinimum: options.belowMinimum ?? null,
    mobile: options.mobile ?? {},
    devices: { ...DEVICES, ...(options.devices ?? {}) },
    skip: new Set([...(options.skip ?? []), ...(only ? [...known].filter((id) => !only.has(id)) : [])]),
    preparePage: options.preparePage ?? null,
    redirectUrl: options.redirectUrl ?? null,
    rest: null,
  };
  if (!/^https?:/.test(o.url))
    throw new TypeError(`rehearseInspection: the page is not on a checkout (url ${quote(o.url)}); pass options.url`);
  // Relative to the checkout: '/portone' is the demo's REST simulator.
  if (options.rest) o.rest = { url: new URL(String(options.rest.url), o.url).href.replace(/\/+$/, '') };
  const results = new Map();
  const set = (id, status, reason, extra = {}) => results.set(id, { ...byId[id], status, reason, ...extra });
  const wanted = (...ids) => ids.some((id) => !o.skip.has(id));

  const sim = await instrument(page, o);
  const session = { page, sim, o };
  let billingKey = false; // the page registers a billing key: no payment, no minimum
  // What the SDK rules out (V2: the redirect query is PortOne's own, never EUC-KR): not applicable, with the reason.
  for (const [id, reason] of Object.entries(sdk.notApplicable)) if (wanted(id)) set(id, NOT_APPLICABLE, reason);

  // 1. failure message in popup mode; naverProducts and validation's warnings from the same request
  if (wanted('failure-message', 'naver-products', 'request-warnings')) {
    const message = uniqueMessage();
    const r = await payAndLook(session, {
      setup: o.setup,
      url: o.url,
      scenario: 'failure-message',
      outcome: sdk.failure(message.message),
      message,
    });
    if (r.notRehearsed) {
      set('failure-message', NOT_REHEARSED, r.notRehearsed);
      set('request-warnings', NOT_REHEARSED, r.notRehearsed);
      const refusedFor = r.refused?.fields.filter((f) => f.field.startsWith(sdk.products)) ?? [];
      if (refusedFor.length) {
        set(
          'naver-products',
          FAILED,
          `pay() refused the request with ${r.refused.code}: ` +
            `${refusedFor.map((f) => `${f.field} (${f.code})`).join(', ')}; ${sdk.call} was never called`,
        );
      } else set('naver-products', NOT_REHEARSED, r.notRehearsed);
    } else {
      const params = sdk.params(r.call);
      billingKey = sdk.isBillingKey(r.call);
      set('failure-message', ...judgeMessage(r, message));
      set('naver-products', ...judgeProducts(sdk, params, billingKey));
      set('request-warnings', ...judgeWarnings(sdk, params, billingKey));
    }
  }

  // 2. double click
  if (wanted('double-click')) set('double-click', ...(await doubleClick(session)));

  // 3. below the minimum (a billing-key registration charges nothing: no minimum to reach)
  if (wanted('below-minimum')) {
    if (billingKey)
      set(
        'below-minimum',
        NOT_APPLICABLE,
        `a billing-key registration (${sdk.billingKey}) charges nothing: the minimum applies to the payments the server makes with the key`,
      );
    else set('below-minimum', ...(await belowMinimum(session)));
  }

  // 4. phones, tablets, in-app browsers; then the failure message on the m_redirect_url page
  let redirecting = null; // { context, page, call, device } of the first device that asked for redirect mode
  const redirectIds = ['redirect-phone', 'redirect-tablet', 'redirect-in-app'];
  const browser = page.context().browser();
  const needDevice =
    wanted('failure-message-redirect', 'failure-message-redirect-euc-kr') ||
    (wanted('redirect-crafted-link') && !o.redirectUrl);
  for (const id of redirectIds) {
    if (results.has(id)) continue;
    if (o.skip.has(id) && (redirecting || !needDevice)) continue; // a skipped device still finds the m_redirect_url page
    if (!browser) {
      set(id, NOT_REHEARSED, 'the page has no browser to open a phone-sized context in (a persistent context?)');
      continue;
    }
    const device = o.devices[id];
    const context = await browser.newContext({ ...device.context, storageState: await page.context().storageState() });
    try {
      const phone = await context.newPage();
      if (o.preparePage) await o.preparePage(phone);
      const phoneSim = await instrument(phone, o);
      const r = await payAndLook(
        { page: phone, sim: phoneSim, o },
        {
          setup: o.mobile.setup ?? o.setup,
          url: o.mobile.url ?? o.url,
          scenario: id,
          outcome: 'never',
          message: null,
        },
      );
      if (r.notRehearsed) set(id, NOT_REHEARSED, r.notRehearsed, { device: device.name });
      else {
        const verdict = judgeRedirect(sdk, sdk.params(r.call), device.name);
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
    for (const [id, encoding] of [
      ['failure-message-redirect', 'form'],
      ['failure-message-redirect-euc-kr', 'euc-kr'],
    ]) {
      if (o.skip.has(id) || results.has(id)) continue;
      if (!redirecting) {
        set(id, NOT_REHEARSED, `no device made a redirect-mode request with ${sdk.aRedirect} to return to`);
        continue;
      }
      set(id, ...(await redirectMessage(redirecting, encoding, o)), { device: redirecting.device });
    }
  } finally {
    await redirecting?.context.close();
  }

  // 5. an attacker's link to the m_redirect_url page, opened in a fresh browser
  if (wanted('redirect-crafted-link')) {
    const target = o.redirectUrl ?? (redirecting ? sdk.params(redirecting.call)[sdk.redirectKey] : null);
    if (!target) {
      set(
        'redirect-crafted-link',
        NOT_REHEARSED,
        `no ${sdk.redirectKey} to craft a link to: no device made a redirect-mode request; pass redirectUrl`,
      );
    } else if (!browser) {
      set(
        'redirect-crafted-link',
        NOT_REHEARSED,
        'the page has no browser to open a fresh context in (a persistent context?)',
      );
    } else set('redirect-crafted-link', ...(await craftedLink(browser, target, o)));
  }

  // 6. the amount, then a count at the same total, edited on its way to PortOne's SDK; the merchant's server must refuse it
  for (const id of Object.keys(TAMPERS)) {
    if (!wanted(id) || results.has(id)) continue;
    if (billingKey)
      set(
        id,
        NOT_APPLICABLE,
        `a billing-key registration (${sdk.billingKey}) approves no payment: the server charges the key with its own amount`,
      );
    else set(id, ...(await tampered(session, id)));
  }

  return finish(SCENARIOS.filter((s) => results.has(s.id) && !o.skip.has(s.id)).map((s) => results.get(s.id)));
}

/** The report over `scenarios`: ok when none failed and none was left not rehearsed. */
export function finish(scenarios, title = 'Naver Pay inspection rehearsal') {
  const count = (status) => scenarios.filter((s) => s.status === status).length;
  const report = {
    ok: scenarios.length > 0 && scenarios.every((s) => s.status === PASSED || s.status === NOT_APPLICABLE),
    passed: count(PASSED),
    failed: count(FAILED),
    notRehearsed: count(NOT_REHEARSED),
    notApplicable: count(NOT_APPLICABLE),
    scenarios,
  };
  report.summary = formatReport(report, title);
  return report;
}

/** Loads `url` and runs the caller's `setup`: null, or why the scenario could not be set up. */
async function load(page, url, setup, scenario) {
  try {
    await page.goto(url);
    if (setup) await setup(page, { scenario });
    return null;
  } catch (e) {
    return `could not be set up: ${e.message}`;
  }
}

/** What the page's probe caught since `from`, the NaverPayError first; null if nothing. */
async function pageErrors(page, from = 0) {
  const errors = await page.evaluate((from) => (window.__npcRehearsalErrors ?? []).slice(from), from).catch(() => []);
  return errors.find((e) => e.code) ?? errors[0] ?? null;
}

const describeError = (e) =>
  `${e.kind}: ${e.name}${e.code ? ` ${e.code}` : ''}` +
  (e.fields.length ? ` (${e.fields.map((f) => `${f.field}: ${f.code}`).join(', ')})` : ` (${quote(e.message)})`);

/** Loads `url`, runs the caller's setup, queues `outcome`, clicks pay and waits for the call and what the buyer sees. */
async function payAndLook({ page, sim, o }, { setup, url, scenario, outcome, message }) {
  const { dialogs, stop } = watchDialogs(page);
  try {
    const unset = await load(page, url, setup, scenario);
    if (unset) return { notRehearsed: unset };
    await sim.reset();
    await sim.script(outcome);
    await page.evaluate(snapshotInPage);
    const before = sim.calls.length;
    const errorsBefore = await page.evaluate(() => window.__npcRehearsalErrors?.length ?? 0);
    const button = await waitForButton(page, o);
    if (button !== 'ready') {
      return {
        notRehearsed: `the pay button ${quote(o.pay)} is ${button === 'missing' ? 'not on the page' : 'disabled'} after the setup`,
      };
    }
    try {
      await page.click(o.pay, { timeout: o.timeoutMs });
    } catch (e) {
      return { notRehearsed: `the pay button ${quote(o.pay)} could not be clicked: ${firstLine(e.message)}` };
    }
    let call;
    try {
      call = await sim.waitForCall({ count: before + 1, timeoutMs: o.timeoutMs });
    } catch {
      const seen = await page
        .evaluate(lookInPage, { message: null, minimum: null, nonce: null })
        .catch(() => ({ changed: [] }));
      const error = await pageErrors(page, errorsBefore);
      return {
        notRehearsed:
          `clicking ${quote(o.pay)} did not call ${o.sdk.call} within ${o.timeoutMs} ms` +
          (error ? `; the page had an ${describeError(error)}` : '') +
          (seen.changed.length ? `; the page showed ${seen.changed.map(quote).join(', ')}` : ''),
        refused: error?.code ? error : null,
      };
    }
    if (message === null) return { call };
    return { call, seen: await waitForMessage(page, message, dialogs, o), dialogs };
  } finally {
    stop();
  }
}

function judgeMessage({ seen, dialogs }, { message }) {
  if (seen.markup.length || seen.ran) {
    return [
      FAILED,
      `the PG sent ${quote(message)} and the page inserted it as HTML (innerHTML?): ` +
        `its ${seen.markup.map((t) => `<${t}>`).join(' and ') || 'markup'} became elements` +
        `${seen.ran ? " and its onerror ran: script from the PG's message runs on the page" : ''}; set it with textContent`,
    ];
  }
  if (seen.exact) return [PASSED, `shown as an element's whole text: ${quote(message)}`];
  if (dialogs.includes(message)) return [PASSED, `shown as an alert's whole message: ${quote(message)}`];
  if (seen.entityDecoded) {
    return [
      FAILED,
      `the PG sent ${quote(message)} but the page decoded its entity: the buyer saw ${quote(seen.entityDecoded)} (&amp; became &)`,
    ];
  }
  const inDialog = dialogs.find((d) => d.includes(message));
  if (seen.containing !== null || inDialog) {
    return [
      FAILED,
      `the PG sent ${quote(message)} but the buyer saw it inside a longer text: ${quote(seen.containing ?? inDialog)}`,
    ];
  }
  if (seen.garbled) {
    return [
      FAILED,
      `the PG sent ${quote(message)} but the buyer saw it garbled, decoded as the wrong charset: ${quote(seen.garbled)} ` +
        '(read the query with parseRedirectResult, which knows EUC-KR, not URLSearchParams)',
    ];
  }
  const shown = [...seen.changed, ...dialogs.map((d) => `alert: ${d}`)];
  return [
    FAILED,
    `the PG sent ${quote(message)} but no element's text nor alert carried it` +
      (shown.length
        ? `; the buyer saw ${shown.map(quote).join(', ')} (translated or replaced?)`
        : '; nothing new was shown'),
  ];
}

/** The request validated as the package would: a billing-key registration or a payment, by the SDK's validator. */
function validated(sdk, params, billingKey) {
  const build = require(sdk.build);
  const validate = billingKey ? build[sdk.validators[1]] : build[sdk.validators[0]];
  return validate(params, { mode: sdk.redirects(params) ? 'redirect' : 'popup' });
}

function judgeProducts(sdk, params, billingKey) {
  if (billingKey) return sdk.billingKeyProducts(params, validated(sdk, params, true));
  const items = sdk.items(params);
  if (!Array.isArray(items) || items.length === 0) {
    return [FAILED, `${sdk.call} got no ${sdk.products} (${items === undefined ? 'missing' : quote(items)})`];
  }
  const issues = validated(sdk, params, false).errors.filter((e) => e.field.startsWith(sdk.products));
  if (issues.length) return [FAILED, issues.map((e) => `${e.field}: ${e.message} (${e.code})`).join('; ')];
  return [PASSED, `${items.length} product(s), each with a valid category, uid, name and count`];
}

function judgeWarnings(sdk, params, billingKey) {
  const { warnings } = validated(sdk, params, billingKey);
  const list = (ws) => ws.map((w) => `${w.field}: ${w.message} (${w.code})`).join('; ');
  const inspected = warnings.filter((w) => sdk.inspected.test(w.field));
  const others = warnings.filter((w) => !sdk.inspected.test(w.field));
  const aside = others.length ? `; other warnings, not inspection items: ${list(others)}` : '';
  if (inspected.length)
    return [FAILED, `validation warned about the request ${sdk.receiver} received: ${list(inspected)}${aside}`];
  return [PASSED, `no warning about the fields Naver Pay's rules read${aside}`];
}

async function doubleClick({ page, sim, o }) {
  const unset = await load(page, o.url, o.setup, 'double-click');
  if (unset) return [NOT_REHEARSED, unset];
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
    return [NOT_REHEARSED, `double-clicking ${quote(o.pay)} did not call ${o.sdk.call} within ${o.timeoutMs} ms`];
  }
  await sleep(o.settleMs); // a second call has had its chance
  await sim.sync();
  const n = sim.calls.length;
  if (n === 1) return [PASSED, `one ${o.sdk.call} for two clicks`];
  const uids = sim.calls.map((c) => o.sdk.params(c)?.[o.sdk.orderKey]);
  return [
    FAILED,
    `two clicks made ${n} ${o.sdk.call} calls (${o.sdk.orderKey} ${uids.map(quote).join(', ')}): ${n} payment windows`,
  ];
}

async function belowMinimum({ page, sim, o }) {
  const b = o.belowMinimum;
  if (!b || (!b.setup && !b.url)) {
    return [
      NOT_REHEARSED,
      'needs a cart under the minimum: pass belowMinimum: { setup(page) } or { url } (CLI: --below-minimum-url or --below-minimum-click)',
    ];
  }
  const { dialogs, stop } = watchDialogs(page);
  try {
    const unset = await load(page, b.url ?? o.url, b.setup ?? o.setup, 'below-minimum');
    if (unset) return [NOT_REHEARSED, unset];
    await sim.reset();
    await sim.script('below_minimum');
    const button = await waitForButton(page, o);
    if (button === 'missing')
      return [NOT_REHEARSED, `the pay button ${quote(o.pay)} is not on the page after the setup`];
    if (button === 'disabled') {
      // A disabled button is an answer only with a message beside it: everything visible counts.
      const seen = await page.evaluate(lookInPage, { message: null, minimum: o.minAmount, nonce: null });
      if (seen.mentionsMinimum.length)
        return [PASSED, `the pay button is disabled and the buyer sees ${quote(seen.mentionsMinimum[0])}`];
      return [
        FAILED,
        `the pay button ${quote(o.pay)} is disabled under the minimum and no message names the minimum (${o.minAmount}): ` +
          'the buyer cannot tell why they cannot pay',
      ];
    }
    await page.evaluate(snapshotInPage);
    try {
      await page.click(o.pay, { timeout: o.timeoutMs });
    } catch (e) {
      return [NOT_REHEARSED, `the pay button ${quote(o.pay)} could not be clicked: ${firstLine(e.message)}`];
    }
    const deadline = Date.now() + o.timeoutMs;
    let seen;
    for (;;) {
      seen = await page.evaluate(lookInPage, { message: null, minimum: o.minAmount, nonce: null });
      const alerted = dialogs.some((d) => d.replace(/,/g, '').includes(String(o.minAmount)));
      if (seen.mentionsMinimum.length || alerted || sim.calls.length || Date.now() > deadline) break;
      await sleep(100);
    }
    await sleep(o.settleMs); // the SDK's call has had its chance
    await sim.sync();
    const call = sim.calls[0];
    if (call) {
      const amount = o.sdk.params(call)?.[o.sdk.amountKey];
      if (typeof amount === 'number' && amount >= o.minAmount) {
        if (typeof b.amount === 'number' && b.amount < o.minAmount) {
          return [
            FAILED,
            `the page charged ${amount} for a cart of ${b.amount}: it raised the amount to reach the minimum ` +
              `(${o.minAmount}) instead of telling the buyer`,
          ];
        }
        return [
          NOT_REHEARSED,
          `the setup did not put the cart under the minimum: ${o.sdk.call} got ${o.sdk.amountKey} ${amount}` +
            (b.amount === undefined
              ? " (pass belowMinimum.amount, the cart's total, to tell a page that raised it)"
              : ''),
        ];
      }
      return [
        FAILED,
        `${o.sdk.call} was called with ${o.sdk.amountKey} ${quote(amount)}, under the minimum of ${o.minAmount}: ` +
          'a payment window opened instead of the page answering',
      ];
    }
    const alert = dialogs.find((d) => d.replace(/,/g, '').includes(String(o.minAmount)));
    if (seen.mentionsMinimum.length) return [PASSED, `no window; the buyer saw ${quote(seen.mentionsMinimum[0])}`];
    if (alert) return [PASSED, `no window; the buyer saw the alert ${quote(alert)}`];
    const shown = [...seen.changed, ...dialogs.map((d) => `alert: ${d}`)];
    return [
      FAILED,
      `no window opened, but no message naming the minimum (${o.minAmount}) appeared after the click` +
        (shown.length ? `; the page showed ${shown.map(quote).join(', ')}` : '; nothing new was shown'),
    ];
  } finally {
    stop();
  }
}

/** Redirect mode (the SDK's own judge, which says what went wrong), then a redirect URL to come back to. */
function judgeRedirect(sdk, params, device) {
  const mode = sdk.judgeMode(params, device);
  if (mode[0] !== PASSED) return mode;
  const url = params[sdk.redirectKey];
  if (typeof url !== 'string' || url === '')
    return [FAILED, `on ${device} redirect mode has no ${sdk.redirectKey} to return to`];
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    /* reported below */
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol))
    return [FAILED, `on ${device} ${sdk.redirectKey} ${quote(url)} is not an absolute http(s) URL`];
  return [PASSED, `${mode[1]}, ${sdk.redirectKey} ${quote(url)}`];
}

export const newImpUid = () => `imp_${randomInt(1e11, 1e12 - 1)}`;

// ---- the SDKs: what differs between a V1 page (IMP.request_pay) and a V2 page (PortOne.requestPayment) ---------

/** V1: IMP.request_pay and its callback or m_redirect_url (sim/imp.js, sim/rest.mjs). */
const V1 = {
  id: 'v1',
  call: 'IMP.request_pay',
  receiver: 'IMP',
  install: (page, config) => installImpSimulator(page, config),
  build: NODE_BUILD,
  validators: ['validateNaverPay', 'validateBillingKey'],
  params: (call) => call.params,
  isBillingKey: (call) => typeof call.params?.customer_uid === 'string' && call.params.customer_uid !== '',
  billingKey: 'customer_uid',
  redirects: (params) => params?.naverPopupMode === false,
  orderKey: 'merchant_uid',
  amountKey: 'amount',
  paymentKey: 'imp_uid',
  redirectKey: 'm_redirect_url',
  aRedirect: 'an m_redirect_url',
  messageKey: 'error_msg',
  requesterKey: 'extra.requester',
  cancelCall: 'POST /payments/cancel',
  products: 'naverProducts',
  items: (params) => params?.naverProducts,
  /** The fields Naver Pay's own rules read: a warning about one of them is the inspection's business. */
  inspected: /^(name|naverProducts|naverProductCode|naverUseCfm|buyer_tel)(\[|\.|$)/,
  failure: (message) => ({ result: 'fail', error_msg: message, error_code: 'NP_REHEARSAL' }),
  notApplicable: {
    'tampered-count':
      "PortOne V1's payment (GET /payments/{imp_uid}, PaymentAnnotation in v1.openapi.yml) carries no products nor counts, " +
      'and /payments/{imp_uid}/naver/product-orders is for order-type Naver Pay (주문형), not the payment-type integration: ' +
      'a server cannot see a count raised at the same total, and keeping such a payment paid is right',
  },
  billingKeyProducts(params, report) {
    const issues = report.errors.filter((e) => /^(naverProductCode|buyer_tel|naverProducts)/.test(e.field));
    if (issues.length)
      return [
        FAILED,
        `billing-key registration (customer_uid): ${issues.map((e) => `${e.field}: ${e.message} (${e.code})`).join('; ')}`,
      ];
    return [
      PASSED,
      `billing-key registration (customer_uid): naverProductCode ${quote(params.naverProductCode)} and buyer_tel are present; naverProducts is optional there`,
    ];
  },
  judgeMode(params, device) {
    const mode = params?.naverPopupMode;
    if (mode === false) return [PASSED, 'naverPopupMode: false'];
    return [
      FAILED,
      `on ${device} IMP.request_pay got naverPopupMode: ${mode === undefined ? 'missing (popup by default)' : quote(mode)}; ` +
        'a mobile browser ignores the popup callback and the result is lost',
    ];
  },
  /** The m_redirect_url as PortOne returns to it, built by the simulator (which knows the PGs' encodings). */
  redirectTarget: (page, params, message, encoding) =>
    page.evaluate(({ base, rsp, encoding }) => window.IMP.__sim.buildRedirectUrl(base, rsp, encoding), {
      base: params.m_redirect_url,
      rsp: {
        success: false,
        imp_uid: newImpUid(),
        merchant_uid: params.merchant_uid,
        error_code: 'NP_REHEARSAL',
        error_msg: message,
      },
      encoding,
    }),
  failureQuery: (order, message) => ({
    imp_uid: newImpUid(),
    merchant_uid: order,
    imp_success: 'false',
    error_code: 'NP_REHEARSAL',
    error_msg: message,
  }),
  approved: (call) => call.response?.imp_uid,
  restSetup:
    "in the backend, createPortOneClient({ baseUrl: sim.url, apiKey: 'imp_apikey_test', apiSecret: 'imp_secret_test' }) " +
    '(naverpay-checkout/server) with sim = await startRestSimulator(); in the rehearsal, rest: { url: sim.url }',
  /** What sim/rest.mjs saw since `before`: a lookup of the payment, its cancels, whether PortOne refused it. */
  restRecord(state, before, impUid, params) {
    const lookedUp = (r) =>
      r.method === 'GET' && (r.path === `/payments/${impUid}` || r.path === `/payments/find/${params.merchant_uid}`);
    const payment = state.payments.find((p) => p.imp_uid === impUid);
    return {
      lookup: state.requests.slice(before).some(lookedUp),
      cancels: state.cancellations.filter((c) => c.imp_uid === impUid || c.body?.imp_uid === impUid),
      failed: payment?.status === 'failed',
    };
  },
};

/**
 * V2: PortOne.requestPayment and its promise or redirectUrl (sim/portone-v2.js, sim/rest-v2.mjs). A failure
 * is `{ code, message, pgCode, pgMessage }`, and Naver Pay's words are `pgMessage` (browser-sdk.yml `PgMessage`).
 */
const V2 = {
  id: 'v2',
  call: 'PortOne.requestPayment',
  receiver: 'PortOne',
  install: (page, config) => installPortOneV2Simulator(page, { initScript: true, config }),
  build: NODE_BUILD_V2,
  validators: ['validateNaverPayV2', 'validateBillingKeyV2'],
  params: (call) => call.request,
  isBillingKey: (call) => call.kind === 'billing_key',
  billingKey: 'requestIssueBillingKey',
  redirects: (params) => params?.forceRedirect === true,
  orderKey: 'paymentId',
  amountKey: 'totalAmount',
  paymentKey: 'paymentId',
  redirectKey: 'redirectUrl',
  aRedirect: 'a redirectUrl',
  messageKey: 'pgMessage',
  requesterKey: 'requester',
  cancelCall: 'POST /payments/{paymentId}/cancel',
  products: 'bypass.naverpay.productItems',
  items: (params) => params?.bypass?.naverpay?.productItems,
  inspected: /^(orderName|bypass\.naverpay|customer)(\[|\.|$)/,
  failure: (message) => ({ result: 'fail', pgMessage: message, pgCode: 'NP_REHEARSAL' }),
  notApplicable: {
    'failure-message-redirect-euc-kr':
      "PortOne V2 builds the redirectUrl query itself (paymentId, code, message, pgCode, pgMessage; checkout.mdx), UTF-8-encoded: the PGs' EUC-KR queries are V1's",
  },
  billingKeyProducts: () => [
    NOT_APPLICABLE,
    'a billing-key registration (requestIssueBillingKey) carries no product items on V2: its bypass.naverpay has subMerchantName and subMerchantId only (browser-sdk.yml)',
  ],
  judgeMode(params, device) {
    if (params?.forceRedirect === true) return [PASSED, 'forceRedirect: true'];
    return [
      FAILED,
      `on ${device} PortOne.requestPayment got forceRedirect: ${params?.forceRedirect === undefined ? 'missing' : quote(params.forceRedirect)}: ` +
        "the window is left to PortOne's own device check, and a popup on a mobile browser loses the result; " +
        'pass forceRedirect: true on phones, tablets and in-app browsers (naverpay-checkout/v2 does)',
    ];
  },
  /** The redirectUrl as PortOne V2 returns to it: the response's strings appended (URLSearchParams), as the simulator does. */
  redirectTarget(_page, params, message) {
    const url = new URL(params.redirectUrl);
    for (const [k, v] of Object.entries(V2.failureQuery(params.paymentId, message))) url.searchParams.append(k, v);
    return url.href;
  },
  failureQuery: (paymentId, message) => ({
    transactionType: 'PAYMENT',
    paymentId,
    code: 'FAILURE_TYPE_PG',
    message: `[NAVERPAY] ${message}`, // PortOne's wrapping, as the simulator writes it: the buyer must see pgMessage
    pgCode: 'NP_REHEARSAL',
    pgMessage: message,
  }),
  approved: (call) => (call.response && !call.response.code ? call.response.paymentId : undefined),
  restSetup:
    'in the backend, createPortOneV2Client({ baseUrl: sim.url, apiSecret: sim.rest.apiSecret }) (naverpay-checkout/server) ' +
    'with sim = await startRestV2Simulator(); in the rehearsal, rest: { url: sim.url }',
  /** What sim/rest-v2.mjs saw since `before`: a lookup of the payment, its cancels (V2 has no pre-registration). */
  restRecord(state, before, paymentId) {
    const path = `/payments/${encodeURIComponent(paymentId)}`;
    return {
      lookup: state.requests.slice(before).some((r) => r.method === 'GET' && r.path === path),
      cancels: state.cancellations
        .filter((c) => c.paymentId === paymentId)
        .map((c) => ({ accepted: c.accepted, reason: c.body?.reason, requester: c.body?.requester })),
      failed: false,
    };
  },
};

/** The SDKs a page can pay through, by `options.sdk`. */
const SDKS = Object.freeze({ v1: V1, v2: V2 });

async function redirectMessage(redirecting, encoding, o) {
  const { page, call } = redirecting;
  const message = uniqueMessage();
  const params = o.sdk.params(call);
  const { dialogs, stop } = watchDialogs(page);
  try {
    const target = await o.sdk.redirectTarget(page, params, message.message, encoding);
    try {
      await page.goto(target);
    } catch (e) {
      return [NOT_REHEARSED, `the ${o.sdk.redirectKey} page did not load: ${firstLine(e.message)}`];
    }
    const seen = await waitForMessage(page, message, dialogs, o);
    const [status, reason] = judgeMessage({ seen, dialogs }, message);
    return [status, `${reason} (returned to ${new URL(target).pathname})`];
  } finally {
    stop();
  }
}

/** An attacker's link: the redirect URL with a failure query of their own, opened in a browser with no session. */
async function craftedLink(browser, base, o) {
  const message = uniqueMessage();
  const target = new URL(base);
  for (const [k, v] of Object.entries(o.sdk.failureQuery(`order_${message.nonce}`, message.message)))
    target.searchParams.set(k, v);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (o.preparePage) await o.preparePage(page);
    await instrument(page, o);
    const { dialogs, stop } = watchDialogs(page);
    try {
      try {
        await page.goto(target.href);
      } catch (e) {
        return [NOT_REHEARSED, `the ${o.sdk.redirectKey} page did not load: ${firstLine(e.message)}`];
      }
      const seen = await waitForMessage(page, message, dialogs, o);
      const where = `(${target.pathname}?…&${o.sdk.messageKey}=…)`;
      if (seen.markup.length || seen.ran)
        return [FAILED, `${judgeMessage({ seen, dialogs }, message)[1]}: a reflected XSS on your domain ${where}`];
      return [
        PASSED,
        `${seen.exact || dialogs.includes(message.message) ? 'the crafted message was shown as text' : 'no markup of the crafted message became elements'} ${where}`,
      ];
    } finally {
      stop();
    }
  } finally {
    await context.close();
  }
}

/** The REST simulator's record, read over HTTP ({rest.url}/__sim/state; V1's sim wraps it in `response`). */
async function restState(rest, sdk) {
  const res = await fetch(`${rest.url}/__sim/state`);
  const body = await res.json();
  return sdk === V1 ? body.response : body;
}

/**
 * The two tamperings: what is rewritten in the page (tamperInPage's options), why the call as PortOne got it was not
 * tampered as intended (null when it was), and the words of the reason.
 */
const TAMPERS = {
  'tampered-amount': {
    tamper: (o) => ({ amount: o.minAmount }), // what a buyer would type: the least Naver Pay takes
    unrehearsed(sdk, params, cart, o) {
      if (params[sdk.amountKey] !== o.minAmount) return `the amount could not be rewritten on its way to ${sdk.call}`;
      if (cart.amount === o.minAmount)
        return `the cart's amount is already ${o.minAmount}: nothing to lower (set up a larger cart)`;
      return null;
    },
    what: (sdk, cart, o) => `the buyer changed the amount from ${quote(cart.amount)} to ${o.minAmount} in the browser`,
    approved: (cart, o) => `PortOne approved ${o.minAmount} won`,
    compare: "compare PortOne's amount with the order's and refuse the order",
    leftPaid: '',
  },
  'tampered-count': {
    tamper: () => ({ raiseCount: true }),
    unrehearsed(sdk, params, cart) {
      if (!cart.first)
        return (
          `${sdk.call} got no products, so PortOne's payment lists none for the server to compare with the order: ` +
          'add products: [{ id, name, amount (the unit price), quantity }], one for each line of the order, to the request ' +
          "(browser-sdk.yml Product), and compare them on the server (naverpay-checkout/server's verifyPayment({ paymentId, amount, products }))"
        );
      if (!Number.isInteger(cart.first.quantity) || params.products?.[0]?.quantity !== cart.first.quantity + 1)
        return `the first product's quantity could not be raised on its way to ${sdk.call}`;
      return null;
    },
    what: (sdk, cart) =>
      `the buyer raised the quantity of ${quote(cart.first.id)} from ${cart.first.quantity} to ${cart.first.quantity + 1} ` +
      `at the same total (${quote(cart.amount)}) in the browser`,
    approved: (cart) => `PortOne approved ${cart.first.quantity + 1} of ${quote(cart.first.id)} for the order's total`,
    compare: "compare PortOne's products with the order's lines and refuse the order",
    leftPaid: "compare PortOne's products (their quantities) with the order's lines and ",
  },
};

async function tampered({ page, sim, o }, id) {
  const { sdk } = o;
  const kind = TAMPERS[id];
  if (!o.rest) {
    return [NOT_REHEARSED, `needs the merchant's backend pointed at the REST simulator: ${sdk.restSetup}`];
  }
  const unset = await load(page, o.url, o.setup, id);
  if (unset) return [NOT_REHEARSED, unset];
  await sim.reset();
  await sim.script('approve');
  let requestsBefore;
  try {
    requestsBefore = (await restState(o.rest, sdk)).requests.length;
  } catch (e) {
    return [NOT_REHEARSED, `the REST simulator at ${o.rest.url} did not answer: ${firstLine(e.message)}`];
  }
  await page.evaluate(tamperInPage, { sdk: sdk.id, ...kind.tamper(o) });
  try {
    await page.click(o.pay, { timeout: o.timeoutMs });
  } catch (e) {
    return [NOT_REHEARSED, `the pay button ${quote(o.pay)} could not be clicked: ${firstLine(e.message)}`];
  }
  let call;
  try {
    call = await sim.waitForResponse(await sim.waitForCall({ count: 1, timeoutMs: o.timeoutMs }), {
      timeoutMs: o.timeoutMs,
    });
  } catch (e) {
    return [NOT_REHEARSED, `the tampered payment did not go through: ${firstLine(e.message)}`];
  }
  const params = sdk.params(call);
  const ref = sdk.approved(call); // PortOne's id of the approved payment (V1's imp_uid, V2's paymentId)
  const cart = (await page.evaluate(() => window.__npcRehearsalCart).catch(() => undefined)) ?? {};
  if (!ref) return [NOT_REHEARSED, `${sdk.call} approved no payment to tamper with`];
  const unrehearsed = kind.unrehearsed(sdk, params, cart, o);
  if (unrehearsed) return [NOT_REHEARSED, unrehearsed];
  // The page now tells its server; give the server time to look the payment up and refund it.
  const deadline = Date.now() + o.timeoutMs + o.settleMs;
  let seen = { lookup: false, cancels: [], failed: false };
  for (;;) {
    const state = await restState(o.rest, sdk).catch(() => null);
    if (state) seen = sdk.restRecord(state, requestsBefore, ref, params);
    if ((seen.lookup && (seen.cancels.some((c) => c.accepted) || seen.failed)) || Date.now() > deadline) break;
    await sleep(200);
  }
  const { lookup, cancels } = seen;
  const what = `${kind.what(sdk, cart, o)} (${sdk.paymentKey} ${ref})`;
  const approved = kind.approved(cart, o);
  if (!lookup) {
    return [
      FAILED,
      `${what} and the merchant's server never looked the payment up at PortOne (GET /payments/${ref}): ` +
        `it trusted the page; ${kind.compare}`,
    ];
  }
  if (seen.failed) {
    return [
      PASSED,
      `${what}; PortOne stopped it (the amount was pre-registered with /payments/prepare) and the server looked it up: not paid`,
    ];
  }
  const accepted = cancels.find((c) => c.accepted);
  if (accepted) {
    if (!accepted.reason || !accepted.requester) {
      return [
        FAILED,
        `${what}; the server refunded it, but the cancel lacks ${!accepted.reason ? 'reason' : sdk.requesterKey}: Naver Pay's inspection refuses it`,
      ];
    }
    return [
      PASSED,
      `${what}; ${approved}, and the server looked it up and refunded it (reason ${quote(accepted.reason)}, requester ${quote(accepted.requester)})`,
    ];
  }
  const refused = cancels[0];
  if (refused)
    return [
      FAILED,
      `${what}; the server's refund was refused (reason ${quote(refused.reason)}, requester ${quote(refused.requester)})`,
    ];
  return [
    FAILED,
    `${what}; ${approved}, and the server looked it up but left it paid: ${kind.leftPaid}refund it (${sdk.cancelCall} with reason and ${sdk.requesterKey})`,
  ];
}

/** The report as text: one line a scenario, the reason under each that did not pass. */
export function formatReport(report, title = 'Naver Pay inspection rehearsal') {
  const mark = { [PASSED]: 'PASS', [FAILED]: 'FAIL', [NOT_REHEARSED]: 'SKIP', [NOT_APPLICABLE]: 'N/A ' };
  const lines = [
    `${title}: ${report.passed} passed, ${report.failed} failed, ` +
      `${report.notRehearsed} not rehearsed${report.notApplicable ? `, ${report.notApplicable} not applicable` : ''}` +
      `${report.ok ? '' : ' (not ready for inspection)'}`,
  ];
  for (const s of report.scenarios) {
    lines.push(`  ${mark[s.status]}  ${s.id}: ${s.title}${s.device ? ` [${s.device}]` : ''}`);
    if (s.status !== PASSED) lines.push(`        ${s.status === NOT_REHEARSED ? 'not rehearsed: ' : ''}${s.reason}`);
  }
  return lines.join('\n');
}
