// Stands in for the wasm exports of the `naverpay-checkout/web` entry until `init()` has run:
// any call then throws a NaverPayError `NOT_INITIALIZED` (its message as src/error.rs words it)
// instead of a TypeError from deep inside the glue.
/* global NaverPayError */
/* exported NOT_INITIALIZED */
const NOT_INITIALIZED = new Proxy({}, {
  get() {
    throw new NaverPayError('NOT_INITIALIZED',
      'init()을 먼저 호출하고 기다려야 합니다. (naverpay-checkout/web: call and await init() before anything else)');
  },
});
