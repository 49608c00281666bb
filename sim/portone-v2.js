/*
 * Offline simulator of PortOne V2's browser SDK (https://cdn.portone.io/v2/browser-sdk.js), Naver Pay only.
 *
 * A classic script: `<script src="/sim/portone-v2.js">` defines `window.PortOne` and nothing else runs.
 *   PortOne.requestPayment(request)          checks what PortOne checks, then opens an in-page "Naver Pay" window and
 *                                            resolves with V2's response (no `forceRedirect`), or sends the page to
 *                                            `redirectUrl` with V2's query (`forceRedirect: true`; never resolves)
 *   PortOne.requestIssueBillingKey(request)  the same for a billing key (`billingKey` in the response)
 *   PortOne.__sim  (also window.__portOneSim)  test control: calls, setOutcome, script, payments, reset, …
 *   window.__portOneSimRecord / __portOneSimOutcome  a harness outside the page (the test kit's Playwright bindings):
 *                                            told of every call, asked for an outcome when none is scripted here
 *
 * The outcomes are V1's simulator's (sim/imp.js): approve, cancel, insufficient, fail, below_minimum, never. A
 * failure resolves `{ code: 'FAILURE_TYPE_PG', message: '[NAVERPAY] ' + pgMessage, pgCode, pgMessage }`: what the
 * PG sent as `pgMessage` (Naver Pay's words reach the buyer from there), PortOne's wrapping as `message`. The live
 * SDK's exact `message` text could not be checked from here; the shape is browser-sdk.yml's `PaymentResponse`.
 *
 * `portone-v2.js?reportUrl=/portone-v2/__sim/payments` (or `__sim.configure({ reportUrl })`): each approval is posted
 * to the V2 REST simulator (sim/rest-v2.mjs) before the promise settles or the page is redirected, so a backend
 * verifying with naverpay-checkout/server finds the payment (and the billing key), as sim/imp.js does for V1; the
 * request's `products` go with it, as PortOne's payment lists them (v2.openapi.yml PaidPayment.products).
 *
 * Everything the buyer or the merchant typed is rendered with textContent, never innerHTML.
 */
(function () {
  'use strict';

  if (window.PortOne && window.PortOne.__sim && window.PortOne.__sim.isSimulator === true) return;

  var MESSAGES = {
    cancel: '사용자가 결제를 취소하셨습니다',
    insufficient: '잔액이 부족합니다',
    fail: '결제에 실패하였습니다',
    belowMinimum: '결제 금액이 최소 결제 금액(100원) 미만입니다.',
  };
  var PG_CODES = {
    cancel: 'UserCancel',
    insufficient: 'InsufficientBalance',
    fail: 'Fail',
    below_minimum: 'MinimumAmount',
  };
  var RESULTS = ['approve', 'cancel', 'insufficient', 'fail', 'below_minimum', 'never'];

  var state = {
    calls: [],
    payments: [],
    billingKeys: [],
    responses: [],
    redirects: [],
    outcome: null,
    queue: [],
    pending: null,
    config: { navigate: true, reportUrl: null, reportTimeoutMs: 2000 },
  };
  // `portone-v2.js?reportUrl=/portone-v2/__sim/payments`: approved payments are posted there (the V2 REST
  // simulator's seeding route), so a demo backend finds them, as sim/imp.js does for V1.
  try {
    var fromUrl = document.currentScript && new URL(document.currentScript.src).searchParams.get('reportUrl');
    if (fromUrl) state.config.reportUrl = fromUrl;
  } catch (e) {
    /* no currentScript: no report */
  }

  function copy(v) {
    try {
      return JSON.parse(JSON.stringify(v));
    } catch (e) {
      return String(v);
    }
  }

  function digits(n) {
    var s = '';
    for (var i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
    return s;
  }

  function normalise(outcome) {
    var o = typeof outcome === 'string' ? { result: outcome } : Object.assign({}, outcome);
    if (RESULTS.indexOf(o.result) === -1) throw new TypeError('unknown outcome: ' + o.result);
    return o;
  }

  /** The outcome decided ahead for this call, or null (the window waits for a click). */
  function takeOutcome() {
    if (state.queue.length) return state.queue.shift();
    var o = state.outcome;
    if (o && !o.persist) state.outcome = null;
    return o;
  }

  /**
   * Tells a test harness outside the page (window.__portOneSimRecord, e.g. a Playwright binding) about a call, in
   * the shape sim/imp.js publishes its own (`{ type: 'call', record: { id, … } }`): the record outlives the page.
   */
  function publish(record) {
    if (typeof window.__portOneSimRecord !== 'function') return;
    try {
      var sent = window.__portOneSimRecord({ type: 'call', record: copy(record) });
      if (sent && typeof sent.catch === 'function') sent.catch(function () {});
    } catch (e) {
      /* a harness's bug is not the page's */
    }
  }

  /** What PortOne refuses before any window: `{ code, message }`, or null. */
  function refusal(request, billing) {
    if (request === null || typeof request !== 'object') return 'request must be an object';
    var required = billing
      ? ['storeId', 'billingKeyMethod']
      : ['storeId', 'paymentId', 'orderName', 'totalAmount', 'currency', 'payMethod'];
    for (var i = 0; i < required.length; i++) {
      if (request[required[i]] === undefined || request[required[i]] === '') return required[i] + ' is required';
    }
    if (!request.channelKey && !request.channelGroupId) return 'channelKey is required';
    if (!billing && typeof request.totalAmount !== 'number') return 'totalAmount must be a number';
    if (request.forceRedirect === true && !request.redirectUrl) return 'redirectUrl is required';
    return null;
  }

  function response(record, outcome) {
    var r = billingOf(record)
      ? { transactionType: 'ISSUE_BILLING_KEY', billingKey: null }
      : { transactionType: 'PAYMENT', txId: 'tx-' + digits(12), paymentId: record.request.paymentId };
    if (outcome.result === 'approve') {
      if (billingOf(record)) r.billingKey = 'billing-key-' + digits(12);
      return r;
    }
    var key = outcome.result === 'below_minimum' ? 'belowMinimum' : outcome.result;
    var pgMessage = outcome.pgMessage !== undefined ? outcome.pgMessage : MESSAGES[key];
    r.code = outcome.code || 'FAILURE_TYPE_PG';
    r.message = '[NAVERPAY] ' + pgMessage;
    r.pgCode = outcome.pgCode || PG_CODES[outcome.result];
    r.pgMessage = pgMessage;
    return r;
  }

  function billingOf(record) {
    return record.kind === 'billing_key';
  }

  /** The redirect URL V2 builds: `redirectUrl` with the response's strings appended (URLSearchParams). */
  function buildRedirectUrl(base, rsp) {
    var url = new URL(base, location.href);
    Object.keys(rsp).forEach(function (k) {
      if (typeof rsp[k] === 'string') url.searchParams.append(k, rsp[k]);
    });
    return url.href;
  }

  function settle(record, outcome, resolve) {
    closeWindow();
    state.pending = null;
    var rsp = response(record, outcome);
    record.outcome = outcome.result;
    record.response = copy(rsp);
    publish(record);
    state.responses.push(copy(rsp));
    var reported = null;
    if (outcome.result === 'approve') {
      if (billingOf(record)) {
        state.billingKeys.push({
          billingKey: rsp.billingKey,
          issueId: record.request.issueId,
          storeId: record.request.storeId,
        });
        reported = report({ billingKey: rsp.billingKey }, '/billing-keys');
      } else {
        // The request's `products` (browser-sdk.yml Product) are what PortOne's payment lists (PaidPayment.products).
        var products = Array.isArray(record.request.products) ? record.request.products : undefined;
        state.payments.push({
          paymentId: rsp.paymentId,
          txId: rsp.txId,
          status: 'PAID',
          amount: record.request.totalAmount,
          orderName: record.request.orderName,
          storeId: record.request.storeId,
          products: products,
        });
        reported = report(
          {
            id: rsp.paymentId,
            status: 'PAID',
            amount: record.request.totalAmount,
            orderName: record.request.orderName,
            products: products,
          },
          '/payments',
        );
      }
    }
    // Without a report nothing waits: the redirect (or the answer) happens within settle, as before.
    if (reported)
      reported.then(function () {
        finish(record, rsp, resolve);
      });
    else finish(record, rsp, resolve);
  }

  /**
   * Posts an approval to the V2 REST simulator (`reportUrl` ends in /payments; billing keys go to its
   * /billing-keys sibling); settles when it answered or after reportTimeoutMs. text/plain: no CORS preflight.
   */
  function report(body, route) {
    var url = state.config.reportUrl;
    if (!url || typeof fetch !== 'function') return null;
    var sent = fetch(url.replace(/\/payments$/, route), {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(body),
    }).then(
      function () {},
      function () {},
    );
    return Promise.race([
      sent,
      new Promise(function (r) {
        setTimeout(r, state.config.reportTimeoutMs);
      }),
    ]);
  }

  function finish(record, rsp, resolve) {
    if (record.mode === 'redirect') {
      var to = buildRedirectUrl(record.request.redirectUrl, rsp);
      record.redirectedTo = to;
      state.redirects.push(to);
      publish(record);
      if (state.config.navigate) location.assign(to);
      return; // the promise of a redirect never settles: the page is leaving
    }
    resolve(rsp);
  }

  var overlay = null;
  function closeWindow() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function openWindow(record, resolve) {
    closeWindow();
    overlay = el('div', {
      'data-portone-sim': 'overlay',
      style: 'position:fixed;inset:0;background:rgba(0,0,0,.4);z-index:2147483647',
    });
    var dialog = el('div', {
      'data-portone-sim': 'dialog',
      role: 'dialog',
      'data-mode': record.mode,
      style: 'background:#fff;margin:10vh auto;max-width:360px;padding:16px;font:14px sans-serif',
    });
    dialog.appendChild(el('h2', {}, 'N Pay (PortOne V2 simulator)'));
    dialog.appendChild(
      el('p', { 'data-portone-sim': 'name' }, String(record.request.orderName || record.request.issueName || '')),
    );
    dialog.appendChild(
      el(
        'p',
        { 'data-portone-sim': 'amount' },
        String(record.request.totalAmount ?? record.request.displayAmount ?? ''),
      ),
    );
    ['approve', 'cancel', 'insufficient', 'fail'].forEach(function (result) {
      var b = el('button', { type: 'button', 'data-portone-sim': result }, result);
      b.addEventListener('click', function () {
        settle(record, { result: result }, resolve);
      });
      dialog.appendChild(b);
    });
    overlay.appendChild(dialog);
    (document.body || document.documentElement).appendChild(overlay);
  }

  function request(kind, req) {
    var record = {
      id: 'call-' + state.calls.length + '-' + digits(8),
      kind: kind,
      request: copy(req),
      userActivation: !!(navigator.userActivation && navigator.userActivation.isActive),
      mode: req && req.forceRedirect === true ? 'redirect' : 'popup',
      at: Date.now(),
    };
    state.calls.push(record);
    publish(record);
    var refused = refusal(req, kind === 'billing_key');
    if (refused) {
      var rsp = { code: 'INVALID_REQUEST', message: refused };
      record.response = rsp;
      publish(record);
      return Promise.resolve(rsp);
    }
    return new Promise(function (resolve) {
      function decide(outcome) {
        if (outcome && outcome.result === 'never') {
          record.outcome = 'never';
          publish(record);
          return;
        }
        if (outcome) {
          setTimeout(function () {
            settle(record, outcome, resolve);
          }, outcome.delayMs || 0);
          return;
        }
        state.pending = { record: record, resolve: resolve };
        openWindow(record, resolve);
      }
      // In order: the outcomes scripted in the page, then a harness outside it (asynchronous), then a window.
      var outcome = takeOutcome();
      if (outcome || typeof window.__portOneSimOutcome !== 'function') return decide(outcome);
      Promise.resolve()
        .then(function () {
          return window.__portOneSimOutcome(copy(record));
        })
        .then(function (o) {
          return o ? normalise(o) : null;
        })
        .catch(function () {
          return null;
        })
        .then(decide);
    });
  }

  var sim = {
    isSimulator: true,
    messages: MESSAGES,
    get calls() {
      return state.calls;
    },
    get payments() {
      return state.payments;
    },
    get billingKeys() {
      return state.billingKeys;
    },
    get responses() {
      return state.responses;
    },
    get redirects() {
      return state.redirects;
    },
    get config() {
      return state.config;
    },
    setOutcome: function (outcome) {
      state.outcome = normalise(outcome);
    },
    clearOutcome: function () {
      state.outcome = null;
    },
    script: function (outcomes) {
      outcomes.forEach(function (o) {
        state.queue.push(normalise(o));
      });
      return state.queue.length;
    },
    isOpen: function () {
      return state.pending !== null;
    },
    resolvePending: function (outcome) {
      var p = state.pending;
      if (p) settle(p.record, normalise(outcome), p.resolve);
    },
    configure: function (options) {
      Object.assign(state.config, options);
    },
    buildRedirectUrl: buildRedirectUrl,
    reset: function () {
      closeWindow();
      state.calls = [];
      state.payments = [];
      state.billingKeys = [];
      state.responses = [];
      state.redirects = [];
      state.outcome = null;
      state.queue = [];
      state.pending = null;
    },
  };

  window.PortOne = {
    requestPayment: function (req) {
      return request('payment', req);
    },
    requestIssueBillingKey: function (req) {
      return request('billing_key', req);
    },
    __sim: sim,
  };
  window.__portOneSim = sim;
})();
