// The error class of naverpay-checkout. Plain JavaScript so that it is a real `Error` subclass
// with a stack; the wasm module constructs it through an import.

/** A setup or programming mistake. Payment outcomes are never thrown: they resolve as results. */
class NaverPayError extends Error {
  constructor(code, message, field, errors, cause) {
    super(message, cause === undefined ? undefined : { cause });
    // Defined, not assigned: a setter polluted on Object.prototype neither runs nor throws.
    define(this, 'name', 'NaverPayError');
    define(this, 'code', code);
    if (field !== undefined) define(this, 'field', field);
    if (errors !== undefined) define(this, 'errors', errors);
  }
}

function define(o, key, value) {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Whether `e` is a NaverPayError, also across copies of the package on one page. */
function isNaverPayError(e) {
  return e instanceof NaverPayError || (e instanceof Error && e.name === 'NaverPayError' && typeof e.code === 'string');
}

export { NaverPayError, isNaverPayError };
