// PortOne V2's part of the JavaScript edge (the `naverpay-checkout/v2` entry only): its SDK's
// global, and its response read as a payment result. Its imports of the other snippets are the
// glue's own bindings once scripts/package.mjs has inlined them.
import { loadImp } from './loader.js';
import { SHIELD, own } from './bridge.js';

/** `window.PortOne` if it is there and looks like PortOne's V2 browser SDK. */
function currentPortOne() {
  try {
    const p = globalThis.PortOne;
    return typeof p?.requestPayment === 'function' && typeof p.requestIssueBillingKey === 'function' ? p : undefined;
  } catch {
    return undefined;
  }
}

/** A promise of V2's `PortOne`, loading `sdkUrl` when needed, as `loadImp` loads `IMP`. */
function loadPortOne(sdkUrl, timeoutMs) {
  return loadImp(sdkUrl, timeoutMs, currentPortOne);
}

/**
 * The result of V2's response, as `popupResult` makes V1's: its own strings and object as `raw`,
 * read as src/redirect/mod.rs's `from_v2_response` says (`error_msg`: `pgMessage` when the PG
 * sent one, else `message`).
 */
function popupResultV2(success, mode, response) {
  const text = (key) => {
    const v = own(response, key);
    return typeof v === 'string' ? v : null;
  };
  const raw = response !== null && typeof response === 'object' ? response : Object.create(SHIELD);
  return {
    success,
    imp_uid: text('txId'),
    merchant_uid: text('paymentId'),
    error_code: text('code'),
    error_msg: text('pgMessage') || text('message'),
    mode,
    raw,
  };
}

export { loadPortOne, popupResultV2 };
