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
// PortOne V2: the `naverpay-checkout/v2` entry, built with `js-v2` and without `js-v1`.
#[cfg(feature = "js-v2")]
mod v2;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::device::{choose_pay_mode, PayMode};
#[cfg(feature = "js-v1")]
use crate::redirect::parse_redirect_result;
use crate::redirect::{PaymentResult, MAX_URL_LEN};
#[cfg(feature = "js-v1")]
use crate::validate::Kind;
use crate::validate::{Additions, ValidateOptions, ValidationReport};
use crate::value::Value;
use convert::{json, result_to_js, Input};

/// A check of the params (V1's or V2's): the report without its request, and what the request adds.
pub(crate) type Check<'a> = &'a dyn Fn(&Value, &ValidateOptions) -> (ValidationReport, Option<Additions>);

/// `validateNaverPay(params, options?)`: never throws.
#[cfg(feature = "js-v1")]
#[wasm_bindgen(js_name = validateNaverPay)]
pub fn validate_naver_pay_js(params: JsValue, options: JsValue) -> JsValue {
    report_js(&params, &options, &|v, o| crate::validate::check(v, o, Kind::Payment))
}

/// `validateBillingKey(params, options?)`: never throws.
#[cfg(feature = "js-v1")]
#[wasm_bindgen(js_name = validateBillingKey)]
pub fn validate_billing_key_js(params: JsValue, options: JsValue) -> JsValue {
    report_js(&params, &options, &|v, o| crate::validate::check(v, o, Kind::BillingKey))
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
fn validate_js(params: &JsValue, options: &JsValue, check: Check<'_>) -> Checked {
    let (input, options_value) = Input::read(params, options);
    let (options, option_issues) = options::read_options(options_value, options);
    let (mut report, mut additions) = match input.limit_issue(options.locale) {
        Some(issue) => (
            ValidationReport { errors: vec![issue], warnings: Vec::new(), mode: options.pay_mode(), request: None },
            None,
        ),
        None => check(&input.value, &options),
    };
    if !option_issues.errors.is_empty() {
        report.errors = first_then(option_issues.errors, report.errors);
        additions = None;
    }
    report.warnings = first_then(option_issues.warnings, report.warnings);
    Checked { options, report, additions, input }
}

/// `first` followed by `then`: `append`'s copy, not `Vec::splice`'s machinery (about 0.9 KB of wasm).
fn first_then<T>(mut first: Vec<T>, mut then: Vec<T>) -> Vec<T> {
    first.append(&mut then);
    first
}

fn report_js(params: &JsValue, options: &JsValue, check: Check<'_>) -> JsValue {
    let checked = validate_js(params, options, check);
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
#[cfg(feature = "js-v1")]
#[wasm_bindgen(js_name = parseRedirectResult)]
pub fn parse_redirect_result_js(url_or_query: JsValue) -> JsValue {
    result_js(&parse_redirect_result(&url_text(&url_or_query)), None)
}

/// The text of a URL or query given to a redirect parser: `""` for anything but a string, and for
/// a string longer than any URL (measured before it is copied into the wasm: a 300M-character
/// string never is).
fn url_text(url_or_query: &JsValue) -> String {
    let fits = url_or_query.dyn_ref::<js_sys::JsString>().is_some_and(|s| s.length() as usize <= MAX_URL_LEN);
    if fits {
        url_or_query.as_string().unwrap_or_default()
    } else {
        String::new()
    }
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
