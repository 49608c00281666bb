/*
 * Offline simulator of PortOne V1's iamport.js (https://cdn.iamport.kr/v1/iamport.js), Naver Pay only.
 *
 * A classic script: `<script src="/sim/imp.js">` defines `window.IMP` and nothing else runs.
 *   IMP.init(code)                  remembers the merchant code
 *   IMP.request_pay(params, cb)     checks what PortOne checks, then opens an in-page "Naver Pay" window
 *                                   (popup mode) or sends the page to m_redirect_url (redirect mode,
 *                                   naverPopupMode === false)
 *   IMP.__sim  (also window.__impSim)  test control: calls, inits, setOutcome, payments, reset …
 *
 * Optional query on the script URL: `imp.js?reportUrl=/portone/__sim/payments` sets the report URL
 * (same as IMP.__sim.configure({ reportUrl })); `?responseShape=legacy` answers as iamport.js used to.
 *
 * Responses take today's shape by default: the current iamport.js sends no `success` (nor
 * `imp_success`) in the callback, and the redirect query carries only imp_uid, merchant_uid,
 * error_code and error_msg (PortOne's payrt.mdx, developers.portone.io at 4ababcdf). The legacy
 * shape (`configure({ responseShape: 'legacy' })`) adds `success`/`imp_success` to the callback and
 * `imp_success` to the query, as older iamport.js versions and other PGs do.
 *
 * Everything the buyer or the merchant typed is rendered with textContent, never innerHTML.
 */
(function () {
  'use strict';

  // A second execution (the same script tag twice, or two tags) keeps the first simulator and its state.
  if (window.IMP && window.IMP.__sim && window.IMP.__sim.isSimulator === true) return;

  var MESSAGES = {
    notInitialized: '가맹점 식별코드가 설정되지 않았습니다. IMP.init()을 먼저 호출해주세요.',
    paramsNotObject: 'request_pay의 첫 번째 파라메터는 객체여야 합니다.',
    merchantUidRequired: 'merchant_uid 파라메터가 누락되었습니다.',
    amountRequired: 'amount 파라메터가 누락되었습니다.',
    amountNotNumber: 'amount 파라메터는 숫자(number)여야 합니다.',
    redirectUrlRequired: 'naverPopupMode가 false이면 m_redirect_url 파라메터가 필요합니다.',
    cancel: '사용자가 결제를 취소하셨습니다',
    insufficient: '잔액이 부족합니다',
    fail: '결제에 실패하였습니다',
    // Naver Pay's minimum, in the words of PortOne's Naver Pay guide ("less than minimum amount (100 won)");
    // the live PG's exact text could not be checked from here.
    belowMinimum: '결제 금액이 최소 결제 금액(100원) 미만입니다.',
  };
  var DEFAULT_ERROR_CODE = 'F400';
  /** 'current': today's iamport.js (no success flags); 'legacy': with `success`/`imp_success`. */
  var SHAPES = ['current', 'legacy'];

  var state = {
    userCode: null,
    inits: [],
    calls: [],
    responses: [],
    redirects: [],
    payments: [],
    billingKeys: [],
    reports: [],
    outcome: null,
    queue: [], // outcomes for the coming calls, one each (IMP.__sim.script)
    pending: null,
    config: {
      reportUrl: null,
      navigate: true,
      redirectEncoding: 'form',
      reportTimeoutMs: 2000,
      responseShape: 'current',
    },
  };

  try {
    var current = document.currentScript && document.currentScript.src;
    if (current) {
      var query = new URL(current).searchParams;
      var fromUrl = query.get('reportUrl');
      if (fromUrl) state.config.reportUrl = fromUrl;
      if (SHAPES.indexOf(query.get('responseShape')) !== -1) state.config.responseShape = query.get('responseShape');
    }
  } catch (e) {
    /* no currentScript: keep defaults */
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A deep copy of plain data; functions and other exotic values become descriptive strings. */
  function copy(value, seen) {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function') return '[function]';
      if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
      return value;
    }
    seen = seen || [];
    if (seen.indexOf(value) !== -1) return '[circular]';
    seen.push(value);
    var out;
    if (Array.isArray(value)) {
      out = value.map(function (v) {
        return copy(v, seen);
      });
    } else if (value instanceof Date) {
      out = value.toISOString();
    } else {
      out = {};
      Object.keys(value).forEach(function (k) {
        out[k] = copy(value[k], seen);
      });
    }
    seen.pop();
    return out;
  }

  function digits(n) {
    var s = '';
    for (var i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
    return s;
  }
  function newImpUid() {
    return 'imp_' + digits(12);
  }
  function newPgTid() {
    return 'NP' + new Date().toISOString().slice(0, 10).replace(/-/g, '') + digits(10);
  }
  function nowSec() {
    return Math.floor(Date.now() / 1000);
  }
  function str(v) {
    return v === undefined ? null : v;
  }
  function isBilling(params) {
    return typeof params.customer_uid === 'string' && params.customer_uid !== '';
  }

  var OUTCOMES = ['approve', 'cancel', 'insufficient', 'fail', 'below_minimum', 'never'];
  var ENCODINGS = ['form', 'percent', 'euc-kr'];

  /** 'cancel' or { result: 'cancel', … } → a copy of the object form; anything else throws a TypeError. */
  function outcomeOf(value, who) {
    var o = typeof value === 'string' ? { result: value } : value;
    if (!o || typeof o !== 'object' || OUTCOMES.indexOf(o.result) === -1) {
      throw new TypeError(who + ': result must be one of ' + OUTCOMES.join(', '));
    }
    if (o.redirectEncoding !== undefined && ENCODINGS.indexOf(o.redirectEncoding) === -1) {
      throw new TypeError(who + ': redirectEncoding must be one of ' + ENCODINGS.join(', '));
    }
    return copy(o);
  }

  /** Tells a test harness outside the page (window.__impSimRecord, e.g. a Playwright binding) what happened. */
  function publish(event) {
    if (typeof window.__impSimRecord !== 'function') return;
    try {
      var sent = window.__impSimRecord(copy(event));
      if (sent && typeof sent.catch === 'function') sent.catch(function () {});
    } catch (e) {
      /* a harness's bug is not the page's */
    }
  }

  function baseResponse(params) {
    var billing = isBilling(params);
    var r = {
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: typeof params.merchant_uid === 'string' ? params.merchant_uid : str(params.merchant_uid),
      pay_method: billing ? 'card' : 'naverpay',
      pg_provider: 'naverpay',
      pg_type: 'payment',
      pg_tid: null,
      apply_num: null,
      card_name: null,
      card_number: null,
      card_quota: 0,
      bank_name: null,
      paid_amount: 0,
      currency: 'KRW',
      status: null,
      name: str(params.name),
      paid_at: 0,
      buyer_name: str(params.buyer_name),
      buyer_email: str(params.buyer_email),
      buyer_tel: str(params.buyer_tel),
      buyer_addr: str(params.buyer_addr),
      buyer_postcode: str(params.buyer_postcode),
      custom_data: params.custom_data === undefined ? null : copy(params.custom_data),
      receipt_url: null,
      error_code: null,
      error_msg: null,
    };
    if (billing) r.customer_uid = params.customer_uid;
    return r;
  }

  function errorResponse(params, code, msg) {
    var r = baseResponse(params);
    r.error_code = code;
    r.error_msg = msg;
    return r;
  }

  function approvedResponse(params) {
    var r = baseResponse(params);
    var billing = isBilling(params);
    r.success = true;
    r.imp_success = true;
    r.imp_uid = newImpUid();
    r.pg_tid = newPgTid();
    r.paid_amount = billing ? 0 : params.amount;
    r.status = 'paid';
    r.paid_at = nowSec();
    r.apply_num = billing ? null : digits(8);
    r.receipt_url = billing ? null : 'https://m.pay.naver.com/o/receipt/hist/' + r.pg_tid;
    return r;
  }

  function failedResponse(params, code, msg) {
    var r = errorResponse(params, code, msg);
    r.imp_uid = newImpUid(); // PortOne records a failed attempt, with its own imp_uid
    r.status = 'failed';
    return r;
  }

  function paymentRecord(params, rsp) {
    var rec = {
      kind: isBilling(params) ? 'billing_key' : 'payment',
      imp_uid: rsp.imp_uid,
      merchant_uid: rsp.merchant_uid,
      amount: rsp.paid_amount,
      status: rsp.status,
      pay_method: rsp.pay_method,
      pg_provider: rsp.pg_provider,
      pg_tid: rsp.pg_tid,
      name: rsp.name,
      currency: rsp.currency,
      paid_at: rsp.paid_at,
      receipt_url: rsp.receipt_url,
      apply_num: rsp.apply_num,
      buyer_name: rsp.buyer_name,
      buyer_email: rsp.buyer_email,
      buyer_tel: rsp.buyer_tel,
      buyer_addr: rsp.buyer_addr,
      buyer_postcode: rsp.buyer_postcode,
      custom_data: rsp.custom_data,
      customer_uid: rsp.customer_uid || null,
      naverProductCode: str(params.naverProductCode),
      requested_amount: params.amount,
    };
    return rec;
  }

  /** Records and reports an approved payment or billing key; resolves when the report settled (bounded). */
  function store(params, rsp) {
    var rec = paymentRecord(params, rsp);
    state.payments.push(rec);
    if (rec.customer_uid) {
      state.billingKeys.push({
        customer_uid: rec.customer_uid,
        imp_uid: rec.imp_uid,
        merchant_uid: rec.merchant_uid,
        pg_provider: 'naverpay',
        naverProductCode: rec.naverProductCode,
        buyer_name: rec.buyer_name,
        buyer_tel: rec.buyer_tel,
        buyer_email: rec.buyer_email,
        inserted: rec.paid_at,
      });
    }
    var waits = [];
    if (typeof window.__impSimReport === 'function') {
      try {
        waits.push(Promise.resolve(window.__impSimReport(copy(rec))));
      } catch (e) {
        /* a test hook's bug is not ours */
      }
    }
    if (state.config.reportUrl && typeof fetch === 'function') {
      var entry = { url: state.config.reportUrl, imp_uid: rec.imp_uid, ok: null, status: null };
      state.reports.push(entry);
      waits.push(
        fetch(state.config.reportUrl, {
          method: 'POST',
          keepalive: true,
          // text/plain keeps it a simple request: no CORS preflight, survives the page leaving.
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
          body: JSON.stringify(rec),
        }).then(
          function (res) {
            entry.ok = res.ok;
            entry.status = res.status;
          },
          function (err) {
            entry.ok = false;
            entry.error = String(err);
          },
        ),
      );
    }
    if (!waits.length) return Promise.resolve();
    var all = Promise.all(
      waits.map(function (p) {
        return p.catch(function () {});
      }),
    );
    var timeout = new Promise(function (resolve) {
      setTimeout(resolve, state.config.reportTimeoutMs);
    });
    return Promise.race([all, timeout]);
  }

  function encodeForm(s) {
    // What URLSearchParams / application/x-www-form-urlencoded writes: space as '+'.
    var p = new URLSearchParams();
    p.append('v', s);
    return p.toString().slice(2);
  }

  // EUC-KR as a Java PG writes it (String.getBytes("EUC-KR")): two bytes a Hangul syllable or symbol, '?' for a
  // character EUC-KR lacks. The table is TextDecoder's own, inverted once, on first use.
  var eucKrBytes = null;
  function eucKrTable() {
    if (eucKrBytes) return eucKrBytes;
    eucKrBytes = {};
    var decoder = new TextDecoder('euc-kr', { fatal: true });
    for (var lead = 0x81; lead <= 0xfe; lead++) {
      for (var trail = 0x41; trail <= 0xfe; trail++) {
        try {
          var ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && !(ch in eucKrBytes)) eucKrBytes[ch] = [lead, trail];
        } catch (e) {
          /* not a character */
        }
      }
    }
    return eucKrBytes;
  }
  function hex(b) {
    return '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  function encodeEucKr(s) {
    var table = null;
    return Array.from(s)
      .map(function (ch) {
        if (ch.charCodeAt(0) < 0x80) return encodeForm(ch);
        table = table || eucKrTable();
        var bytes = table[ch];
        return bytes ? hex(bytes[0]) + hex(bytes[1]) : '%3F';
      })
      .join('');
  }

  /** The response as the callback receives it: without the success flags in today's shape. */
  function shaped(rsp) {
    var r = copy(rsp);
    if (state.config.responseShape === 'current') {
      delete r.success;
      delete r.imp_success;
    }
    return r;
  }

  function redirectTarget(base, rsp, encoding) {
    var pairs = [
      ['imp_uid', rsp.imp_uid],
      ['merchant_uid', rsp.merchant_uid],
    ];
    if (state.config.responseShape === 'legacy') pairs.push(['imp_success', rsp.success ? 'true' : 'false']);
    if (!rsp.success) {
      pairs.push(['error_code', rsp.error_code]);
      pairs.push(['error_msg', rsp.error_msg]);
    }
    var name = encoding || state.config.redirectEncoding;
    var enc = name === 'percent' ? encodeURIComponent : name === 'euc-kr' ? encodeEucKr : encodeForm;
    var query = pairs
      .filter(function (p) {
        return p[1] !== null && p[1] !== undefined;
      })
      .map(function (p) {
        return enc(p[0]) + '=' + enc(String(p[1]));
      })
      .join('&');
    var abs = new URL(base, location.href).href;
    var hash = '';
    var h = abs.indexOf('#');
    if (h !== -1) {
      hash = abs.slice(h);
      abs = abs.slice(0, h);
    }
    var sep = abs.indexOf('?') === -1 ? '?' : /[?&]$/.test(abs) ? '' : '&';
    return abs + sep + query + hash;
  }

  function deliver(call, rsp, encoding) {
    var delivered = shaped(rsp);
    state.responses.push(copy(delivered));
    call.record.response = copy(delivered);
    if (call.mode === 'redirect') {
      var target = redirectTarget(call.params.m_redirect_url, rsp, encoding);
      state.redirects.push(target);
      call.record.redirectedTo = target;
      publish({ type: 'call', record: call.record });
      if (state.config.navigate) location.assign(target);
      return;
    }
    publish({ type: 'call', record: call.record });
    if (typeof call.callback === 'function') call.callback(delivered);
  }

  /** Turns an outcome ({ result, error_msg, error_code }) into the response, stores, then delivers. */
  function settle(call, outcome) {
    if (state.pending === call) state.pending = null;
    closeWindow(call);
    var params = call.params;
    var result = outcome && outcome.result;
    var encoding = outcome && outcome.redirectEncoding;
    var rsp;
    if (result === 'never') return Promise.resolve(); // the window went away without a word: no callback, no redirect
    if (result === 'approve') {
      rsp = approvedResponse(params);
      return store(params, rsp).then(function () {
        deliver(call, rsp, encoding);
      });
    }
    var code = outcome && typeof outcome.error_code === 'string' ? outcome.error_code : DEFAULT_ERROR_CODE;
    var msg;
    if (outcome && typeof outcome.error_msg === 'string') msg = outcome.error_msg;
    else if (result === 'cancel') msg = MESSAGES.cancel;
    else if (result === 'insufficient') msg = MESSAGES.insufficient;
    else if (result === 'below_minimum') msg = MESSAGES.belowMinimum;
    else msg = MESSAGES.fail;
    rsp = failedResponse(params, code, msg);
    deliver(call, rsp, encoding);
    return Promise.resolve();
  }

  // ---- the in-page "Naver Pay" window ----------------------------------------------------------

  function el(tag, style, text) {
    var e = document.createElement(tag);
    if (style) e.setAttribute('style', style);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function formatWon(n) {
    return typeof n === 'number' && isFinite(n) ? n.toLocaleString('ko-KR') + '원' : String(n);
  }

  function openWindow(call) {
    var params = call.params;
    var overlay = el(
      'div',
      'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.45);' +
        'display:flex;align-items:center;justify-content:center;font-family:sans-serif',
    );
    overlay.setAttribute('data-imp-sim', 'overlay');
    var dialog = el(
      'div',
      'background:#fff;border-radius:12px;width:340px;max-width:92vw;overflow:hidden;' +
        'box-shadow:0 8px 32px rgba(0,0,0,.3)',
    );
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', 'Naver Pay');
    dialog.setAttribute('data-imp-sim', 'dialog');
    dialog.setAttribute('data-mode', call.mode);

    var head = el('div', 'background:#03c75a;color:#fff;padding:14px 18px;font-weight:bold;font-size:18px', 'N Pay');
    head.appendChild(
      el(
        'span',
        'font-weight:normal;font-size:12px;margin-left:8px;opacity:.85',
        isBilling(params) ? '정기결제 등록 (simulator)' : '결제 (simulator)',
      ),
    );
    dialog.appendChild(head);

    var body = el('div', 'padding:16px 18px;color:#222');
    var name = el('div', 'font-size:15px;margin-bottom:6px', params.name == null ? '' : String(params.name));
    name.setAttribute('data-imp-sim', 'name');
    body.appendChild(name);
    var amount = el(
      'div',
      'font-size:22px;font-weight:bold;color:#03c75a;margin-bottom:10px',
      formatWon(params.amount),
    );
    amount.setAttribute('data-imp-sim', 'amount');
    body.appendChild(amount);
    if (Array.isArray(params.naverProducts)) {
      var list = el('ul', 'margin:0 0 10px;padding-left:18px;font-size:13px;color:#555');
      list.setAttribute('data-imp-sim', 'products');
      params.naverProducts.forEach(function (p) {
        var label =
          p && typeof p === 'object' ? String(p.name) + (p.count != null ? ' × ' + String(p.count) : '') : String(p);
        list.appendChild(el('li', '', label));
      });
      body.appendChild(list);
    }
    dialog.appendChild(body);

    var buttons = el('div', 'display:flex;flex-direction:column;gap:8px;padding:0 18px 18px');
    function button(action, label, style) {
      var b = el('button', 'padding:10px;border-radius:8px;font-size:14px;cursor:pointer;' + style, label);
      b.type = 'button';
      b.setAttribute('data-imp-sim', action);
      buttons.appendChild(b);
      return b;
    }
    button(
      'approve',
      isBilling(params) ? '등록하기' : '결제하기',
      'background:#03c75a;color:#fff;border:0;font-weight:bold',
    ).addEventListener('click', function () {
      settle(call, { result: 'approve' });
    });
    button('cancel', '취소', 'background:#fff;color:#333;border:1px solid #ccc').addEventListener('click', function () {
      settle(call, { result: 'cancel' });
    });
    button('insufficient', '잔액 부족으로 실패', 'background:#fff;color:#333;border:1px solid #ccc').addEventListener(
      'click',
      function () {
        settle(call, { result: 'insufficient' });
      },
    );
    var row = el('div', 'display:flex;gap:6px');
    var input = el('input', 'flex:1;padding:8px;border:1px solid #ccc;border-radius:8px;font-size:13px');
    input.type = 'text';
    input.placeholder = '실패 메시지';
    input.setAttribute('data-imp-sim', 'fail-message');
    input.setAttribute('aria-label', '실패 메시지');
    row.appendChild(input);
    var failBtn = el(
      'button',
      'padding:8px 10px;border-radius:8px;background:#fff;border:1px solid #ccc;cursor:pointer',
      '실패',
    );
    failBtn.type = 'button';
    failBtn.setAttribute('data-imp-sim', 'fail');
    failBtn.addEventListener('click', function () {
      settle(call, input.value === '' ? { result: 'fail' } : { result: 'fail', error_msg: input.value });
    });
    row.appendChild(failBtn);
    buttons.appendChild(row);
    dialog.appendChild(buttons);
    overlay.appendChild(dialog);
    (document.body || document.documentElement).appendChild(overlay);
    call.overlay = overlay;
  }

  function closeWindow(call) {
    if (call && call.overlay) {
      if (call.overlay.parentNode) call.overlay.parentNode.removeChild(call.overlay);
      call.overlay = null;
    }
  }

  // ---- IMP -------------------------------------------------------------------------------------

  function init(code) {
    state.inits.push(copy(code));
    state.userCode = code;
    publish({ type: 'init', code: code });
  }

  function request_pay(params, callback) {
    // Captured first, synchronously: whether the caller kept the click's user activation.
    var activation = navigator.userActivation ? navigator.userActivation.isActive : undefined;
    var hasBeenActive = navigator.userActivation ? navigator.userActivation.hasBeenActive : undefined;
    var p = params && typeof params === 'object' ? params : {};
    var mode = p.naverPopupMode === false ? 'redirect' : 'popup';
    var record = {
      id: digits(12), // tells this call's later updates apart for a harness outside the page
      params: copy(params),
      userActivation: activation,
      hasBeenActive: hasBeenActive,
      mode: mode,
      at: Date.now(),
      response: null,
      redirectedTo: null,
    };
    state.calls.push(record);
    publish({ type: 'call', record: record });
    var call = { params: p, callback: callback, mode: mode, record: record };

    function reject(code, msg) {
      // PortOne calls back with the error even in redirect mode: nothing was opened.
      var rsp = shaped(errorResponse(p, code, msg));
      state.responses.push(copy(rsp));
      record.response = copy(rsp);
      publish({ type: 'call', record: record });
      if (typeof callback === 'function') callback(rsp);
    }
    if (typeof state.userCode !== 'string' || state.userCode === '')
      return reject(DEFAULT_ERROR_CODE, MESSAGES.notInitialized);
    if (!params || typeof params !== 'object') return reject(DEFAULT_ERROR_CODE, MESSAGES.paramsNotObject);
    if (p.merchant_uid === undefined || p.merchant_uid === null || p.merchant_uid === '') {
      return reject(DEFAULT_ERROR_CODE, MESSAGES.merchantUidRequired);
    }
    if (p.amount === undefined || p.amount === null) return reject(DEFAULT_ERROR_CODE, MESSAGES.amountRequired);
    if (typeof p.amount !== 'number' || !isFinite(p.amount))
      return reject(DEFAULT_ERROR_CODE, MESSAGES.amountNotNumber);
    if (mode === 'redirect' && (typeof p.m_redirect_url !== 'string' || p.m_redirect_url === '')) {
      return reject(DEFAULT_ERROR_CODE, MESSAGES.redirectUrlRequired);
    }

    // A new window replaces one still open; the abandoned one never calls back (as a closed popup).
    if (state.pending) closeWindow(state.pending);
    state.pending = call;

    function decide(outcome) {
      if (!outcome) return openWindow(call);
      record.outcome = copy(outcome);
      publish({ type: 'call', record: record });
      setTimeout(
        function () {
          if (state.pending === call) settle(call, outcome);
        },
        typeof outcome.delayMs === 'number' ? outcome.delayMs : 0,
      );
    }
    // In order: the script of outcomes, then setOutcome's, then a harness outside the page (asynchronous), then a window.
    if (state.queue.length) return decide(state.queue.shift());
    var outcome = state.outcome;
    if (outcome && !outcome.persist) state.outcome = null;
    if (outcome || typeof window.__impSimOutcome !== 'function') return decide(outcome);
    Promise.resolve()
      .then(function () {
        return window.__impSimOutcome(copy(record));
      })
      .then(function (o) {
        return o ? outcomeOf(o, '__impSimOutcome') : null;
      })
      .catch(function () {
        return null;
      })
      .then(function (o) {
        if (state.pending === call) decide(o);
      });
  }

  var sim = {
    isSimulator: true,
    get calls() {
      return state.calls;
    },
    get inits() {
      return state.inits;
    },
    get responses() {
      return state.responses;
    },
    get redirects() {
      return state.redirects;
    },
    get payments() {
      return state.payments;
    },
    get billingKeys() {
      return state.billingKeys;
    },
    get reports() {
      return state.reports;
    },
    get merchantCode() {
      return state.userCode;
    },
    get config() {
      return copy(state.config);
    },
    get outcome() {
      return state.outcome ? copy(state.outcome) : null;
    },
    /** True while a payment window waits for a decision (click or resolve). */
    isOpen: function () {
      return state.pending !== null;
    },
    /**
     * outcome: a result name, or { result, error_msg?, error_code?, delayMs?, persist?, redirectEncoding? };
     * result: 'approve'|'cancel'|'insufficient'|'fail'|'below_minimum'|'never'
     */
    setOutcome: function (outcome) {
      state.outcome = outcomeOf(outcome, 'setOutcome');
    },
    clearOutcome: function () {
      state.outcome = null;
    },
    /** Queues outcomes, one for each coming call, ahead of setOutcome's. Returns how many are queued. */
    script: function (outcomes) {
      var list = (Array.isArray(outcomes) ? outcomes : [outcomes]).map(function (o) {
        return outcomeOf(o, 'script');
      });
      Array.prototype.push.apply(state.queue, list);
      return state.queue.length;
    },
    get queued() {
      return copy(state.queue);
    },
    /** Decides the window that is open now, as a click would. Returns a promise (settled after delivery). */
    resolvePending: function (outcome) {
      if (!state.pending) return Promise.reject(new Error('no payment window is open'));
      var o;
      try {
        o = outcomeOf(outcome, 'resolvePending');
      } catch (e) {
        return Promise.reject(e);
      }
      return settle(state.pending, o);
    },
    /**
     * { reportUrl?: string|null, navigate?: boolean, redirectEncoding?: 'form'|'percent'|'euc-kr',
     *   reportTimeoutMs?: number, responseShape?: 'current'|'legacy' }
     */
    configure: function (options) {
      var o = options || {};
      if ('reportUrl' in o) state.config.reportUrl = o.reportUrl || null;
      if ('navigate' in o) state.config.navigate = o.navigate !== false;
      if ('redirectEncoding' in o) {
        if (ENCODINGS.indexOf(o.redirectEncoding) === -1) {
          throw new TypeError('redirectEncoding must be one of ' + ENCODINGS.join(', '));
        }
        state.config.redirectEncoding = o.redirectEncoding;
      }
      if (typeof o.reportTimeoutMs === 'number') state.config.reportTimeoutMs = o.reportTimeoutMs;
      if ('responseShape' in o) {
        if (SHAPES.indexOf(o.responseShape) === -1)
          throw new TypeError('responseShape must be one of ' + SHAPES.join(', '));
        state.config.responseShape = o.responseShape;
      }
      return copy(state.config);
    },
    /** Forgets records, outcome and any open window. { init: true } also forgets the merchant code. */
    reset: function (options) {
      if (state.pending) closeWindow(state.pending);
      state.pending = null;
      state.outcome = null;
      state.queue.length = 0;
      state.calls.length = 0;
      state.inits.length = 0;
      state.responses.length = 0;
      state.redirects.length = 0;
      state.payments.length = 0;
      state.billingKeys.length = 0;
      state.reports.length = 0;
      if (options && options.init) state.userCode = null;
    },
    messages: copy(MESSAGES),
    outcomes: OUTCOMES.slice(),
    redirectEncodings: ENCODINGS.slice(),
    responseShapes: SHAPES.slice(),
    defaultErrorCode: DEFAULT_ERROR_CODE,
    /** The redirect URL the simulator would build for a response (for tests of the encoder itself). */
    buildRedirectUrl: function (base, rsp, encoding) {
      return redirectTarget(base, rsp, encoding);
    },
  };

  window.IMP = {
    init: init,
    agency: function (code) {
      init(code);
    },
    request_pay: request_pay,
    __sim: sim,
  };
  window.__impSim = sim;
})();
