// Stands in for the wasm exports of the `naverpay-checkout/web` entry until `init()` has run:
// any call then throws a NaverPayError `NOT_INITIALIZED` (its message as src/error.rs words it)
// instead of a TypeError from deep inside the glue.
/* global NaverPayError */
/* exported NOT_INITIALIZED, acceptInstance */
const NOT_INITIALIZED = new Proxy(
  {},
  {
    get() {
      throw new NaverPayError(
        'NOT_INITIALIZED',
        'init()을 먼저 호출하고 기다려야 합니다. (naverpay-checkout/web: call and await init() before anything else)',
      );
    },
  },
);

// The export names of this package's wasm, joined; scripts/package.mjs fills them in.
const WASM_EXPORTS = '/* exports */';

/**
 * `instance` taken as the package's wasm only if it has every export of the package's (a test's
 * instrumented copy may add one): a file that compiles but is another (a wrong path, a stale
 * cache) is refused before the glue holds it, and any failure leaves the module as it was before
 * `init()`, so calls still throw NOT_INITIALIZED and the next `init()` starts afresh.
 */
function acceptInstance(instance, module, finalize) {
  if (!WASM_EXPORTS.split(',').every((name) => name in instance.exports)) {
    throw new TypeError("naverpay-checkout/web: this .wasm is not the package's own");
  }
  try {
    return finalize(instance, module);
  } catch (e) {
    wasm = NOT_INITIALIZED;
    wasmInstance = wasmModule = undefined;
    throw e;
  }
}
