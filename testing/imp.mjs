// The IMP simulator (sim/imp.js) installed into a Playwright page or context, or into a jsdom/happy-dom
// window. Either way the handle keeps, on the Node side, a record of every IMP.init and request_pay (it
// survives the page leaving for m_redirect_url) and hands out the scripted outcomes, one per call.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { IMP_SCRIPT } from './locations.mjs';

/** sim/imp.js, the classic script that defines `window.IMP`. */
export const IMP_SOURCE = readFileSync(IMP_SCRIPT, 'utf8');

/** The URL merchants load PortOne V1's SDK from; installImpSimulator answers it with the simulator. */
export const SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js';

// The simulator's own tables, read from the script itself (run once in an empty sandbox).
const probe = (() => {
  const window = {};
  vm.runInNewContext(IMP_SOURCE, { window, document: {}, navigator: {} });
  return window.IMP.__sim;
})();
/** The failure messages the simulator sends (cancel, insufficient, fail, belowMinimum, and its own refusals). */
export const IMP_MESSAGES = Object.freeze({ ...probe.messages });
/** The outcome names a call can be given. */
export const OUTCOMES = Object.freeze([...probe.outcomes]);
const ENCODINGS = Object.freeze([...probe.redirectEncodings]);
const installed = new WeakMap(); // target → handle

/** 'cancel' or { result: 'cancel', … } → the object form; a TypeError for anything else. */
export function outcome(value) {
  const o = typeof value === 'string' ? { result: value } : value;
  if (!o || typeof o !== 'object' || !OUTCOMES.includes(o.result)) {
    throw new TypeError(`an outcome's result is one of ${OUTCOMES.join(', ')}; got ${JSON.stringify(value)}`);
  }
  if (o.redirectEncoding !== undefined && !ENCODINGS.includes(o.redirectEncoding)) {
    throw new TypeError(
      `redirectEncoding is one of ${ENCODINGS.join(', ')}; got ${JSON.stringify(o.redirectEncoding)}`,
    );
  }
  return { ...o };
}

function simConfig(options) {
  const config = {};
  for (const key of ['reportUrl', 'navigate', 'redirectEncoding', 'reportTimeoutMs', 'responseShape']) {
    if (options[key] !== undefined) config[key] = options[key];
  }
  return config;
}

/** The script a page runs: the simulator, then its configuration. */
function scriptBody(config) {
  return `${IMP_SOURCE}\n;window.IMP && window.IMP.__sim && window.IMP.__sim.configure(${JSON.stringify(config)});\n`;
}

/** The record and the outcome queue, shared by both kinds of install (and by V2's simulator: portone-v2.mjs). */
function createLog(outcomes) {
  const calls = [];
  const inits = [];
  const byId = new Map();
  const queue = [];
  const waiters = new Set();
  const wake = () => {
    for (const w of waiters) w();
  };
  const log = {
    calls,
    inits,
    queue,
    /** What the page's simulator publishes (window.__impSimRecord). */
    record(event) {
      if (!event || typeof event !== 'object') return;
      if (event.type === 'init') inits.push(event.code);
      if (event.type === 'call' && event.record && typeof event.record.id === 'string') {
        const known = byId.get(event.record.id);
        if (known) Object.assign(known, event.record);
        else {
          const copy = { ...event.record };
          byId.set(copy.id, copy);
          calls.push(copy);
        }
      }
      wake();
    },
    /** What the page's simulator asks for when a call comes (window.__impSimOutcome). */
    next: () => queue.shift() ?? null,
    script(list) {
      queue.push(...list.flat().map(outcome));
    },
    clear() {
      calls.length = 0;
      inits.length = 0;
      queue.length = 0;
      byId.clear();
    },
    waitFor(predicate, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const value = predicate();
          if (value === undefined) return false;
          done();
          resolve(value);
          return true;
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${what}: nothing within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
  log.script(outcomes ?? []);
  return log;
}

function handleOver(log, { reset: resetPage, sync, sim }) {
  return {
    /** Every IMP.request_pay: { id, params, mode, userActivation, hasBeenActive, at, outcome?, response, redirectedTo }. */
    get calls() {
      return log.calls;
    },
    /** Every code given to IMP.init / IMP.agency. */
    get inits() {
      return log.inits;
    },
    /** The m_redirect_url targets built (with the result in the query), in order. */
    get redirects() {
      return log.calls.filter((c) => c.redirectedTo).map((c) => c.redirectedTo);
    },
    /** Outcomes still waiting for a call. */
    get queued() {
      return log.queue.map((o) => ({ ...o }));
    },
    messages: IMP_MESSAGES,
    /** Queues outcomes, one for each coming request_pay; a call with none queued opens the simulator's window. */
    async script(...outcomes) {
      log.script(outcomes);
    },
    /** Resolves with the `count`-th call (1-based, default: one more than now) once it was made. */
    waitForCall({ count = log.calls.length + 1, timeoutMs = 5000 } = {}) {
      return log.waitFor(() => log.calls[count - 1], timeoutMs, `waiting for IMP.request_pay call #${count}`);
    },
    /** Resolves with the call once the page has its response (callback given or redirect built). */
    waitForResponse(call, { timeoutMs = 5000 } = {}) {
      return log.waitFor(
        () => (call.response ? call : undefined),
        timeoutMs,
        `waiting for the response to ${call.params?.merchant_uid}`,
      );
    },
    /**
     * Resolves once everything the page(s) published so far is in `calls` and `inits`. A Playwright page reports
     * through a binding, asynchronously: read the record right after the page acted on it with `await sync()`.
     */
    sync,
    /** Forgets the record and the queue, here and in the page(s). */
    async reset() {
      log.clear();
      await resetPage();
    },
    ...(sim ? { sim } : {}),
  };
}

const isPlaywright = (t) =>
  t && typeof t.addInitScript === 'function' && typeof t.route === 'function' && typeof t.exposeBinding === 'function';
const isWindow = (t) => t && typeof t === 'object' && t.document && typeof t.document.createElement === 'function';

/**
 * Installs the IMP simulator.
 * - A Playwright Page or BrowserContext: every document loaded from now on gets it before its own scripts
 *   (an init script, so a strict CSP is no obstacle), and requests for PortOne's SDK URL are answered with it.
 *   Install before `page.goto`. Installing twice on the same target (or on a page of a context that has it)
 *   returns the first handle.
 * - A DOM window (jsdom's `dom.window`, happy-dom's `new Window()`, or Vitest's global `window`): runs it now.
 *
 * @param {object} target
 * @param {{ outcomes?: Array<string|object>, sdkUrls?: Array<string|RegExp>, initScript?: boolean,
 *           reportUrl?: string, navigate?: boolean, redirectEncoding?: 'form'|'percent'|'euc-kr',
 *           reportTimeoutMs?: number, responseShape?: 'current'|'legacy' }} [options]
 */
export async function installImpSimulator(target, options = {}) {
  // A page whose context has the simulator already shares the context's (its bindings cover the page).
  const known =
    installed.get(target) ?? (typeof target.context === 'function' ? installed.get(target.context()) : undefined);
  if (known) {
    if (options.outcomes) await known.script(...options.outcomes);
    return known;
  }
  let handle;
  if (isPlaywright(target))
    handle = await installInPlaywright(target, {
      outcomes: options.outcomes,
      body: scriptBody(simConfig(options)),
      initScript: options.initScript !== false,
      sdkUrls: options.sdkUrls ?? [SDK_URL],
      global: 'IMP',
      bindings: ['__impSimRecord', '__impSimOutcome'],
    });
  else if (isWindow(target)) handle = installInWindow(target, options);
  else throw new TypeError('installImpSimulator: give a Playwright Page or BrowserContext, or a DOM window');
  installed.set(target, handle);
  return handle;
}

/**
 * A simulator's script (`body`, defining `window[global]`) in a Playwright Page or BrowserContext, with its
 * record and outcome queue kept here through two bindings (`[record, outcome]`): V1's and V2's simulators alike.
 */
export async function installInPlaywright(target, { outcomes, body, initScript, sdkUrls, global, bindings }) {
  const log = createLog(outcomes);
  const [record, outcome] = bindings;
  await target.exposeBinding(record, (_source, event) => log.record(event));
  await target.exposeBinding(outcome, () => log.next());
  if (initScript) await target.addInitScript({ content: body });
  for (const url of sdkUrls) {
    await target.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }),
    );
  }
  const pages = () => (typeof target.pages === 'function' ? target.pages() : [target]);
  const inPages = (fn, arg) => Promise.all(pages().map((p) => p.evaluate(fn, arg).catch(() => {})));
  return handleOver(log, {
    reset: () => inPages((g) => window[g]?.__sim?.reset(), global),
    // A binding call of our own, after the page's: bindings are answered in order, so theirs are in by then.
    sync: () => inPages((name) => window[name]?.({ type: 'sync' }), record),
  });
}

function installInWindow(window, options) {
  const log = createLog(options.outcomes);
  window.__impSimRecord = (event) => log.record(event);
  window.__impSimOutcome = () => log.next();
  // The script's free names, bound to this window: it runs the same under jsdom, happy-dom or a Vitest global.
  const names = [
    'window',
    'document',
    'navigator',
    'location',
    'setTimeout',
    'fetch',
    'URL',
    'URLSearchParams',
    'TextDecoder',
  ];
  const bound = (name) => {
    if (name === 'window') return window;
    const v = window[name] ?? globalThis[name];
    return typeof v === 'function' && name !== 'URL' && name !== 'URLSearchParams' && name !== 'TextDecoder'
      ? v.bind(window)
      : v;
  };
  // eslint-disable-next-line no-new-func
  new Function(...names, IMP_SOURCE)(...names.map(bound));
  const sim = window.IMP.__sim;
  sim.configure({ navigate: false, ...simConfig(options) }); // jsdom cannot navigate: record the redirect
  return handleOver(log, { reset: async () => sim.reset(), sync: async () => {}, sim });
}
