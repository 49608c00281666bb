//! `NaverPayCheckout`: load the SDK once, then `pay()` / `registerBillingKey()` over `IMP.request_pay`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[cfg(feature = "js-v1")]
use js_sys::Reflect;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
#[cfg(feature = "js-v1")]
use wasm_bindgen::JsCast;

#[cfg(feature = "js-v1")]
use super::convert::{fields_from_js, once};
use super::convert::{get, guard_checkout, performance_now};
use super::error::{naver_pay_error, set_warnings, ErrorParts};
use super::result_js;
#[cfg(feature = "js-v1")]
use super::validate_js;
use super::Checked;
use crate::device::PayMode;
use crate::error::{message, Detail, ErrorCode, FieldIssue, Locale};
use crate::redirect::PaymentResult;
#[cfg(feature = "js-v1")]
use crate::validate::Kind;
use crate::validate::ValidateOptions;
use crate::value::{Map, Value};

#[wasm_bindgen]
extern "C" {
    /// A promise seen only for `then(f, g)` with plain JS functions (js-sys's typed `then` wants `Closure`s).
    pub(super) type Thenable;
    #[wasm_bindgen(method)]
    pub(super) fn then(this: &Thenable, on_fulfilled: &JsValue, on_rejected: &JsValue) -> Promise;
}

#[wasm_bindgen(module = "/js/loader.js")]
extern "C" {
    /// Resolves with `window.IMP`, loading the script at `url` (a string or a `TrustedScriptURL`)
    /// when needed; rejects with `{ code, cause }`. Never throws: it answers a promise.
    #[cfg(feature = "js-v1")]
    #[wasm_bindgen(catch, js_name = loadImp)]
    fn load_imp(url: &JsValue, timeout_ms: u32) -> Result<Promise, JsValue>;
    /// Whether `v` is a non-empty string or a `TrustedScriptURL`.
    #[wasm_bindgen(catch, js_name = isScriptUrl)]
    fn is_script_url(v: &JsValue) -> Result<bool, JsValue>;
    /// Whether this runs in a page (a `Window` with a document). It catches what it meets; bound
    /// with `catch` all the same, as every import is that runs page code.
    #[wasm_bindgen(catch, js_name = hasDocument)]
    fn has_document() -> Result<bool, JsValue>;
}

/// Whether this runs in a page: a global `Window` with a document.
pub(super) fn in_page() -> bool {
    has_document().unwrap_or(false)
}

#[cfg(feature = "js-v1")]
const DEFAULT_SDK_URL: &str = "https://cdn.iamport.kr/v1/iamport.js";
const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// A payment IMP has not answered for this long no longer blocks the checkout: the next `pay()`
/// rejects it with `PAYMENT_SUPERSEDED` and goes ahead (docs/npm-readme.md,
/// "What rejects, what resolves").
const STALE_AFTER_MS: f64 = 10.0 * 60.0 * 1000.0;

/// A loaded PortOne SDK bound to one merchant code.
#[cfg(feature = "js-v1")]
#[wasm_bindgen]
pub struct NaverPayCheckout {
    imp: JsValue,
    merchant_code: String,
    /// Shared with the pending payment's callback, which clears it.
    pending: Rc<RefCell<Option<Pending>>>,
}

/// The payment IMP has not answered yet.
pub(super) struct Pending {
    /// Tells its callback from a superseded one's.
    pub id: u32,
    pub started_ms: f64,
    pub reject: Function,
}

/// The payment a checkout waits for, shared with that payment's callback, which clears it.
pub(super) type PendingSlot = Rc<RefCell<Option<Pending>>>;

/// A new payment's id.
pub(super) fn next_id() -> u32 {
    thread_local! {
        static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    }
    NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)))
}

/// Whether a payment is pending and not yet stale; a stale one is rejected and forgotten.
pub(super) fn busy(pending: &PendingSlot, now_ms: f64, locale: Locale) -> bool {
    let Ok(mut pending) = pending.try_borrow_mut() else { return true };
    match pending.as_ref() {
        Some(p) if now_ms - p.started_ms < STALE_AFTER_MS => true,
        Some(_) => {
            if let Some(stale) = pending.take() {
                let error = naver_pay_error(ErrorCode::PaymentSuperseded, locale, ErrorParts::default());
                let _ = stale.reject.call1(&JsValue::UNDEFINED, &error);
            }
            false
        }
        None => false,
    }
}

/// A validated request either checkout may send: the request, its mode and warnings, the locale,
/// and when it started (monotonic: setting the wall clock neither prolongs nor cuts short the wait).
pub(super) struct Admitted {
    pub request: JsValue,
    pub mode: PayMode,
    pub warnings: Vec<FieldIssue>,
    pub locale: Locale,
    pub now_ms: f64,
}

/// What both checkouts do before calling the SDK: a payment still pending refuses the new one
/// (`PAYMENT_IN_PROGRESS`), a below-minimum amount alone is answered without a window, other
/// errors reject `INVALID_PARAMS`; each of those is `Err`, the promise to return at once.
pub(super) fn admit(checked: Checked, pending: &PendingSlot, v2: bool) -> Result<Admitted, Promise> {
    let Checked { options, report, additions, input } = checked;
    let locale = options.locale;
    let now_ms = performance_now();
    if busy(pending, now_ms, locale) {
        return Err(Promise::reject(&naver_pay_error(ErrorCode::PaymentInProgress, locale, ErrorParts::default())));
    }
    match additions {
        Some(additions) => Ok(Admitted {
            request: input.request_to_js(&additions),
            mode: report.mode,
            warnings: report.warnings,
            locale,
            now_ms,
        }),
        None if report.errors.iter().all(|e| e.code == ErrorCode::AmountBelowMinimum) => {
            let result = below_minimum(input.value.as_object(), &options, report.mode, v2);
            set_warnings(&result, &report.warnings);
            Err(Promise::resolve(&result))
        }
        None => {
            let parts = ErrorParts { errors: Some(report.errors), warnings: report.warnings, ..ErrorParts::default() };
            Err(Promise::reject(&naver_pay_error(ErrorCode::InvalidParams, locale, parts)))
        }
    }
}

/// `sdkUrl` (default `default_url`) and `timeoutMs` of `load()`'s options; a bad one is an issue.
pub(super) fn sdk_options(options: &JsValue, default_url: &str, issues: &mut Vec<FieldIssue>) -> (JsValue, u32) {
    let sdk_url = match get(options, "sdkUrl") {
        v if v.is_undefined() => JsValue::from_str(default_url),
        v if !is_script_url(&v).unwrap_or(false) => {
            let expected = Detail::Expected("string | TrustedScriptURL");
            issues.push(FieldIssue::new(ErrorCode::InvalidType, "sdkUrl", Locale::Ko, expected));
            v
        }
        v => v,
    };
    let timeout_ms = match get(options, "timeoutMs") {
        v if v.is_undefined() => DEFAULT_TIMEOUT_MS,
        v => match v.as_f64().filter(|t| t.is_finite() && *t >= 0.0 && *t <= f64::from(i32::MAX)) {
            Some(t) => t as u32,
            None => {
                issues.push(FieldIssue::new(
                    ErrorCode::OutOfRange,
                    "timeoutMs",
                    Locale::Ko,
                    Detail::Range(0, i32::MAX as u64),
                ));
                0
            }
        },
    };
    (sdk_url, timeout_ms)
}

/// The rejection for a loader's `{ code, cause }`.
pub(super) fn load_failed(failure: &JsValue) -> JsValue {
    let code = match get(failure, "code").as_string().as_deref() {
        Some("SDK_TIMEOUT") => ErrorCode::SdkTimeout,
        Some("SDK_UNAVAILABLE") => ErrorCode::SdkUnavailable,
        _ => ErrorCode::SdkLoadFailed,
    };
    let cause = Some(get(failure, "cause")).filter(|c| !c.is_undefined());
    naver_pay_error(code, Locale::Ko, ErrorParts { cause, ..ErrorParts::default() })
}

/// The rejection for a loader that threw instead of answering a promise.
pub(super) fn loader_threw(cause: JsValue) -> JsValue {
    naver_pay_error(ErrorCode::SdkLoadFailed, Locale::Ko, ErrorParts { cause: Some(cause), ..ErrorParts::default() })
}

#[cfg(feature = "js-v1")]
#[wasm_bindgen]
impl NaverPayCheckout {
    /// `NaverPayCheckout.load({ merchantCode, sdkUrl?, timeoutMs? })`: a promise of a checkout.
    pub fn load(options: JsValue) -> Promise {
        Self::start_load(&options).unwrap_or_else(|e| Promise::reject(&e))
    }

    /// `checkout.pay(params, options?)`: a general Naver Pay payment.
    pub fn pay(&self, params: JsValue, options: JsValue) -> Promise {
        self.request(&params, &options, Kind::Payment)
    }

    /// `checkout.registerBillingKey(params, options?)`: registers a billing key for recurring payments.
    #[wasm_bindgen(js_name = registerBillingKey)]
    pub fn register_billing_key(&self, params: JsValue, options: JsValue) -> Promise {
        self.request(&params, &options, Kind::BillingKey)
    }
}

#[cfg(feature = "js-v1")]
impl NaverPayCheckout {
    /// Checks the options, then loads the SDK; an `Err` is a rejection before anything loads.
    fn start_load(options: &JsValue) -> Result<Promise, JsValue> {
        let fail = |code| naver_pay_error(code, Locale::Ko, ErrorParts::default());
        if !in_page() {
            return Err(fail(ErrorCode::NotInBrowser));
        }
        let merchant_code = get(options, "merchantCode").as_string().filter(|c| is_merchant_code(c));
        let merchant_code = merchant_code.ok_or_else(|| {
            let parts = ErrorParts { field: Some("merchantCode".into()), ..ErrorParts::default() };
            naver_pay_error(ErrorCode::InvalidMerchantCode, Locale::Ko, parts)
        })?;
        let mut issues = Vec::new();
        let (sdk_url, timeout_ms) = sdk_options(options, DEFAULT_SDK_URL, &mut issues);
        if !issues.is_empty() {
            let parts = ErrorParts { errors: Some(issues), ..ErrorParts::default() };
            return Err(naver_pay_error(ErrorCode::InvalidParams, Locale::Ko, parts));
        }

        let ready = Closure::once_into_js(move |imp: JsValue| -> Result<JsValue, JsValue> {
            init(&imp, &merchant_code, Locale::Ko)?;
            let checkout = NaverPayCheckout { imp, merchant_code, pending: Rc::new(RefCell::new(None)) };
            Ok(guarded(checkout.into()))
        });
        let failed =
            Closure::once_into_js(|failure: JsValue| -> Result<JsValue, JsValue> { Err(load_failed(&failure)) });
        let load = load_imp(&sdk_url, timeout_ms).map_err(loader_threw)?;
        Ok(load.unchecked_ref::<Thenable>().then(&ready, &failed))
    }

    /// Validates, then calls `IMP.request_pay` synchronously, inside the click's user activation.
    fn request(&self, params: &JsValue, options: &JsValue, kind: Kind) -> Promise {
        let checked = validate_js(params, options, &|v, o| crate::validate::check(v, o, kind));
        let Admitted { request, mode, warnings, locale, now_ms } = match admit(checked, &self.pending, false) {
            Ok(admitted) => admitted,
            Err(answer) => return answer,
        };
        let imp = self.imp.clone();
        let code = self.merchant_code.clone();
        let pending = self.pending.clone();
        let id = next_id();
        Promise::new(&mut |resolve: Function, reject: Function| {
            let done = pending.clone();
            let warnings = warnings.clone();
            let callback = Closure::once_into_js(move |response: JsValue| {
                // A superseded payment's late answer settles nothing: its promise has rejected.
                let ours = done.try_borrow_mut().ok().and_then(|mut p| p.take_if(|p| p.id == id));
                if ours.is_none() {
                    return;
                }
                let raw = match fields_from_js(&response) {
                    Value::Object(m) => m,
                    _ => Map::new(),
                };
                let result = result_js(&PaymentResult::from_response(raw, mode), Some(&response));
                set_warnings(&result, &warnings);
                let _ = resolve.call1(&JsValue::UNDEFINED, &result);
            });
            if let Ok(mut p) = pending.try_borrow_mut() {
                *p = Some(Pending { id, started_ms: now_ms, reject: reject.clone() });
            }
            // Under this checkout's code whatever was initialised since: IMP keeps only the last one.
            let answer = once(&callback).and_then(|callback| {
                call_init(&imp, &code)?;
                call_request_pay(&imp, &request, &callback)
            });
            if let Err(cause) = answer {
                if let Ok(mut p) = pending.try_borrow_mut() {
                    p.take();
                }
                let parts = ErrorParts { cause: Some(cause), ..ErrorParts::default() };
                let _ = reject.call1(&JsValue::UNDEFINED, &naver_pay_error(ErrorCode::SdkUnavailable, locale, parts));
            }
        })
    }
}

/// `checkout`, its class made to reject `CHECKOUT_FREED` after `free()` (js/bridge.js).
pub(super) fn guarded(checkout: JsValue) -> JsValue {
    let freed = naver_pay_error(ErrorCode::CheckoutFreed, Locale::Ko, ErrorParts::default());
    guard_checkout(&checkout, &freed).unwrap_or(checkout)
}

#[cfg(feature = "js-v1")]
fn call_request_pay(imp: &JsValue, request: &JsValue, callback: &JsValue) -> Result<(), JsValue> {
    let request_pay: Function = Reflect::get(imp, &"request_pay".into())?.dyn_into()?;
    request_pay.call2(imp, request, callback).map(drop)
}

#[cfg(feature = "js-v1")]
fn init(imp: &JsValue, code: &str, locale: Locale) -> Result<(), JsValue> {
    call_init(imp, code).map_err(|cause| {
        naver_pay_error(ErrorCode::SdkUnavailable, locale, ErrorParts { cause: Some(cause), ..ErrorParts::default() })
    })
}

/// The buyer's situation, not a programming error: a failed result with the minimum-amount message,
/// shown through the page's one failure path. The SDK is not called. `raw` is in V1's words
/// (`merchant_uid`, `error_code`, `error_msg`), or V2's (`paymentId`, `code`, `message`) when `v2`.
pub(super) fn below_minimum(params: Option<&Map>, options: &ValidateOptions, mode: PayMode, v2: bool) -> JsValue {
    let code = ErrorCode::AmountBelowMinimum;
    let msg = message(code, options.locale, "", Detail::MinAmount(options.min_amount));
    let [id_key, code_key, msg_key] =
        if v2 { ["paymentId", "code", "message"] } else { ["merchant_uid", "error_code", "error_msg"] };
    // The value validation read, not the caller's property read again.
    let merchant_uid = params.and_then(|p| p.get(id_key).as_str()).map(str::to_owned);
    let mut raw = Map::new();
    if !v2 {
        raw.insert("success", false);
    }
    raw.insert(id_key, merchant_uid.clone().map_or(Value::Null, Value::from));
    raw.insert(code_key, code.as_str());
    raw.insert(msg_key, msg.as_str());
    let error = (Some(code.as_str().to_owned()), Some(msg));
    let result = PaymentResult {
        success: false,
        imp_uid: None,
        merchant_uid,
        error_code: error.0,
        error_msg: error.1,
        mode,
        raw,
    };
    result_js(&result, None)
}

/// `imp` followed by one or more ASCII digits.
#[cfg(feature = "js-v1")]
fn is_merchant_code(code: &str) -> bool {
    code.strip_prefix("imp").is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(feature = "js-v1")]
fn call_init(imp: &JsValue, code: &str) -> Result<(), JsValue> {
    let init: Function = Reflect::get(imp, &"init".into())?.dyn_into()?;
    init.call1(imp, &code.into()).map(drop)
}
