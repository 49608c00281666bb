//! The JavaScript surface: the one place for `#[wasm_bindgen]` exports. Everything here is a thin
//! edge over the pure core; nothing panics and nothing throws a string.

/// Constant time per allocation (docs/design.md, "Allocator").
#[global_allocator]
static ALLOCATOR: alloc::SizeClasses = alloc::SizeClasses::new();

mod alloc;
// The server body builders: in every entry but `/web`, which is built without them (docs/design.md).
#[cfg(feature = "js-bodies")]
mod bodies;
mod checkout;
mod convert;
mod error;
mod options;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::device::{choose_pay_mode, PayMode};
use crate::redirect::{parse_redirect_result, PaymentResult, MAX_URL_LEN};
use crate::validate::{check, Additions, Kind, ValidateOptions, ValidationReport};
use crate::value::Value;
use convert::{json, result_to_js, Input};

/// `validateNaverPay(params, options?)`: never throws.
#[wasm_bindgen(js_name = validateNaverPay)]
pub fn validate_naver_pay_js(params: JsValue, options: JsValue) -> JsValue {
    report_js(&params, &options, Kind::Payment)
}

/// `validateBillingKey(params, options?)`: never throws.
#[wasm_bindgen(js_name = validateBillingKey)]
pub fn validate_billing_key_js(params: JsValue, options: JsValue) -> JsValue {
    report_js(&params, &options, Kind::BillingKey)
}

/// A validation in the browser: the options read, the report (without its request), and when the
/// params are valid what their request adds to them.
struct Checked {
    options: ValidateOptions,
    report: ValidationReport,
    additions: Option<Additions>,
    input: Input,
}

/// Reads the JS options and validates the JS params with them; a bad option is an error of the
/// report (listed first), so there is no request.
fn validate_js(params: &JsValue, options: &JsValue, kind: Kind) -> Checked {
    let (input, options_value) = Input::read(params, options);
    let (options, option_issues) = options::read_options(options_value, options);
    let (mut report, mut additions) = match input.limit_issue(options.locale) {
        Some(issue) => (ValidationReport { errors: vec![issue], warnings: Vec::new(), mode: options.pay_mode(), request: None }, None),
        None => check(&input.value, &options, kind),
    };
    if !option_issues.errors.is_empty() {
        report.errors.splice(0..0, option_issues.errors);
        additions = None;
    }
    report.warnings.splice(0..0, option_issues.warnings);
    Checked { options, report, additions, input }
}

fn report_js(params: &JsValue, options: &JsValue, kind: Kind) -> JsValue {
    let checked = validate_js(params, options, kind);
    checked.input.report_to_js(&checked.report, checked.additions.as_deref())
}

/// `choosePayMode(device?)`: the window mode for `device`, or for this browser's `navigator`.
#[wasm_bindgen(js_name = choosePayMode)]
pub fn choose_pay_mode_js(device: JsValue) -> String {
    let device = match convert::from_js(&device) {
        Value::Undefined | Value::Null => options::navigator_device(),
        device => options::device_from(&device),
    };
    device.as_ref().map_or(PayMode::Popup, choose_pay_mode).as_str().to_owned()
}

/// `parseRedirectResult(urlOrQuery)`: never throws; anything but a string parses as an empty query.
#[wasm_bindgen(js_name = parseRedirectResult)]
pub fn parse_redirect_result_js(url_or_query: JsValue) -> JsValue {
    // Measured before it is copied into the wasm: a 300M-character string never is.
    let fits = url_or_query.dyn_ref::<js_sys::JsString>().is_some_and(|s| s.length() as usize <= MAX_URL_LEN);
    let input = if fits { url_or_query.as_string().unwrap_or_default() } else { String::new() };
    result_js(&parse_redirect_result(&input), None)
}

/// A `PaymentResult` object. With `response` (the popup callback's object), `raw` is that very
/// object and the string fields are read from it, so `error_msg` is the identical string.
fn result_js(result: &PaymentResult, response: Option<&JsValue>) -> JsValue {
    if let Some(response) = response {
        return convert::popup_result(result.success, result.mode.as_str(), response);
    }
    let fields = [
        ("imp_uid", result.imp_uid.as_deref()),
        ("merchant_uid", result.merchant_uid.as_deref()),
        ("error_code", result.error_code.as_deref()),
        ("error_msg", result.error_msg.as_deref()),
    ];
    let mut json = json();
    json.raw("{\"success\":").bool(result.success);
    for (key, value) in fields {
        json.raw(",\"").raw(key).raw("\":").opt_string(value);
    }
    json.raw(",\"mode\":").string(result.mode.as_str()).raw(",\"raw\":").object(&result.raw).raw("}");
    result_to_js(&json)
}
