// Loads PortOne's SDK (`window.IMP`) once per page, as stripe-js loads Stripe's: reuse an `IMP`
// already on the page, or a script tag whose resolved URL is exactly this one, else inject one.
// Concurrent loads of a URL share one script element and one promise. Unlike some loaders, a
// failed load is forgotten at once, and the tag it injected removed, so the next call retries.
//
// A load resolves with `IMP` or rejects with `{ code, cause }` (SDK_LOAD_FAILED, SDK_UNAVAILABLE,
// SDK_TIMEOUT); src/js/checkout.rs makes that a NaverPayError. DOM plumbing lives here, in
// JavaScript: in the wasm it cost 3.5 KB of gzip (bindings, closures, listeners, timers).
//
// A tag already on the page that has finished without defining IMP (`finished` says how it is
// told) is replaced at once, not waited for.
//
// Under Trusted Types the script URL goes through the page's own TrustedScriptURL when `sdkUrl` is
// one, else through this package's policy, `naverpay-checkout`, which passes only PortOne's SDKs
// (`https://cdn.iamport.kr/…`, `https://cdn.portone.io/…`): any other URL needs the page's own
// policy, so the package never launders a URL for a script. Copies of the package on one page
// share that one policy.

/** Loads in flight, by script URL. */
const inFlight = new Map();
const POLICY = 'naverpay-checkout';
/** PortOne's SDKs (V1's `…/v1/iamport.js`, V2's `…/v2/browser-sdk.js`), by their origins. */
const isPortOneSdk = (url) => url.startsWith('https://cdn.iamport.kr/') || url.startsWith('https://cdn.portone.io/');

/**
 * Whether this runs in a page: the global object is a `Window` with a document (what
 * `web_sys::window()` and `Window::document` answered, without their bindings in the wasm).
 */
function hasDocument() {
  try {
    return globalThis instanceof Window && globalThis.document != null;
  } catch {
    return false;
  }
}

/** Whether `v` is a non-empty string or a TrustedScriptURL. */
function isScriptUrl(v) {
  return (typeof v === 'string' && v !== '') || Boolean(globalThis.trustedTypes?.isScriptURL(v));
}

/**
 * What the `src` sink takes: a TrustedScriptURL under Trusted Types, else the string. A URL that
 * is not PortOne's SDK stays a string: a page that enforces Trusted Types refuses it.
 */
function scriptSrc(sdkUrl, url) {
  const tt = globalThis.trustedTypes;
  if (!tt || tt.isScriptURL(sdkUrl) || !isPortOneSdk(url)) return sdkUrl;
  // Any other URL (from another script using the policy) is made an empty one, which loads nothing.
  // Kept as `globalThis['naverpay-checkout']`, where every copy of the package on the page finds it:
  // the page's CSP allows the name once.
  const policy = (globalThis[POLICY] ??= tt.createPolicy(POLICY, {
    createScriptURL: (u) => (isPortOneSdk(u) ? u : null),
  }));
  return policy.createScriptURL(url);
}

/**
 * Script tags known to be past running: each `load` or `error` event of a script (seen from the
 * moment this module runs), every script in the document when its load event fired (it waits for
 * them all), and a tag a load waited for in vain. Resource Timing alone is not enough: its buffer
 * fills (250 entries) and any script may clear it.
 */
const done = new WeakSet();
try {
  const mark = (event) => done.add(event.target);
  document.addEventListener('load', mark, true);
  document.addEventListener('error', mark, true);
  const markAll = () => {
    for (const script of document.scripts) done.add(script);
  };
  if (document.readyState === 'complete') markAll();
  else addEventListener('load', markAll);
} catch {
  // No document (Node, a worker): nothing to load into.
}

/** `window.IMP` if it is there and looks like PortOne's SDK. */
function currentImp() {
  try {
    const imp = globalThis.IMP;
    return typeof imp?.init === 'function' && typeof imp.request_pay === 'function' ? imp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A promise of `IMP`, loading `sdkUrl` (a string or a TrustedScriptURL) when needed; of what
 * `current` finds instead when given (V2's `PortOne`: js/v2.js).
 */
function loadImp(sdkUrl, timeoutMs, current = currentImp) {
  const imp = current();
  if (imp) return Promise.resolve(imp);
  const url = String(sdkUrl);
  let load = inFlight.get(url);
  if (!load) {
    load = start(sdkUrl, url, timeoutMs, current);
    inFlight.set(url, load);
    const forget = () => {
      if (inFlight.get(url) === load) inFlight.delete(url);
    };
    load.then(forget, forget);
  }
  return load;
}

/** One load: find or inject the script, then settle once on `load`, `error` or the timeout. */
function start(sdkUrl, url, timeoutMs, current) {
  return new Promise((resolve, reject) => {
    let script = findScript(url);
    // Finished without IMP (failed, blocked, or not the SDK): its events are past, replace it.
    if (script && finished(script)) {
      script.remove();
      script = undefined;
    }
    const injected = !script;
    if (injected) {
      try {
        script = document.createElement('script');
        script.src = scriptSrc(sdkUrl, url);
        script.async = true;
        (document.head ?? document.documentElement).appendChild(script);
      } catch (cause) {
        reject({ code: 'SDK_LOAD_FAILED', cause });
        return;
      }
    }
    const settle = (code, cause) => {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      const imp = code ? undefined : current();
      if (imp) {
        resolve(imp);
        return;
      }
      // A failed script element never fetches again: remove ours so a retry injects a fresh one,
      // and replace one of the page's that was waited for in vain.
      if (injected) script.remove();
      else done.add(script);
      reject({ code: code ?? 'SDK_UNAVAILABLE', cause });
    };
    const onLoad = () => settle();
    const onError = (event) => settle('SDK_LOAD_FAILED', event);
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    const timer = setTimeout(() => settle('SDK_TIMEOUT'), timeoutMs);
  });
}

/**
 * Whether a script tag has already loaded or failed (IMP would be there had it worked): it is in
 * `done` (every tag of the page's HTML is, once the document is complete), or, before that, its
 * fetch has a resource timing entry.
 */
function finished(script) {
  try {
    return done.has(script) || performance.getEntriesByName(script.src, 'resource').length > 0;
  } catch {
    return false;
  }
}

/** A script tag whose resolved `src` is exactly `url` resolved: lookalikes do not count. */
function findScript(url) {
  let wanted;
  try {
    wanted = new URL(url, document.baseURI).href;
  } catch {
    return undefined;
  }
  for (const script of document.scripts) {
    if (script.hasAttribute('src') && script.src === wanted) return script;
  }
  return undefined;
}

export { loadImp, isScriptUrl, hasDocument };
