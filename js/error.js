// The error class of naverpay-checkout. Plain JavaScript so that it is a real `Error` subclass
// with a stack; the wasm module constructs it through an import.

/** A setup or programming mistake. Payment outcomes are never thrown: they resolve as results. */
class NaverPayError extends Error {
  constructor(code, message, field, errors, cause) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'NaverPayError';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (errors !== undefined) this.errors = errors;
  }
}

/** Whether `e` is a NaverPayError, also across copies of the package on one page. */
function isNaverPayError(e) {
  return e instanceof NaverPayError ||
    (e instanceof Error && e.name === 'NaverPayError' && typeof e.code === 'string');
}

export { NaverPayError, isNaverPayError };
