/**
 * The `naverpay-checkout/web` entry: the browser API of `naverpay-checkout` (without the server
 * body builders), for a plain `<script type="module">` that wants the smallest download. Call
 * `await init()` once before anything else.
 *
 * @example
 * import init, { NaverPayCheckout } from 'naverpay-checkout/web';
 * await init();
 * const checkout = await NaverPayCheckout.load({ merchantCode: 'imp00000000' });
 *
 * @packageDocumentation
 */

// The browser API as values; every declaration of the package as types. The server body builders
// (`build*Body`) are not in this entry's module: they are type-only here, so using one as a
// value is a compile error ("cannot be used as a value because it was exported using 'export type'").
export type * from './index.js';
export {
  NaverPayCheckout,
  NaverPayError,
  isNaverPayError,
  validateNaverPay,
  validateBillingKey,
  choosePayMode,
  parseRedirectResult,
} from './index.js';

/** Where the WebAssembly module comes from: a URL or request to fetch, a response, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** The WebAssembly module for {@link initSync}: its bytes or a compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Fetches, compiles and instantiates the package's WebAssembly module. Await it once before
 * using the rest of the API. Default: the `.wasm` file next to this module
 * (`new URL('naverpay_checkout_bg.wasm', import.meta.url)`).
 *
 * Pass `{ module_or_path }`; passing the input directly still works but wasm-bindgen
 * deprecates it. The resolved value is the module's internal exports, not API.
 */
export default function init(
  module_or_path?:
    | { module_or_path: InitInput | Promise<InitInput> }
    | InitInput
    | Promise<InitInput>,
): Promise<unknown>;

/**
 * Instantiates the package's WebAssembly module synchronously from its bytes or a compiled
 * module (browsers allow synchronous compilation of small modules only; prefer {@link init}).
 * Returns the module's internal exports, not API.
 */
export declare function initSync(module: { module: SyncInitInput } | SyncInitInput): unknown;
