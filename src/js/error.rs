//! `NaverPayError`: the real `Error` subclass (from `js/error.js`) that every rejection carries.

use wasm_bindgen::prelude::*;

use super::convert::{json, json_to_js};
use crate::error::{message, Detail, ErrorCode, FieldIssue, Locale};

#[wasm_bindgen(module = "/js/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = NaverPayError)]
    type JsNaverPayError;

    #[wasm_bindgen(constructor, js_class = NaverPayError)]
    fn new(code: &str, message: &str, field: JsValue, errors: JsValue, cause: JsValue) -> JsNaverPayError;
}

/// What a rejection says beyond its code.
#[derive(Default)]
pub(crate) struct ErrorParts {
    pub field: Option<String>,
    pub errors: Option<Vec<FieldIssue>>,
    pub cause: Option<JsValue>,
    /// With `INVALID_PARAMS` from `pay`/`registerBillingKey`: the validation's warnings.
    pub warnings: Vec<FieldIssue>,
}

/// A `NaverPayError` with the code's own message.
pub(crate) fn naver_pay_error(code: ErrorCode, locale: Locale, parts: ErrorParts) -> JsValue {
    let message = message(code, locale, "", Detail::None);
    let field = parts.field.map_or(JsValue::UNDEFINED, |f| JsValue::from_str(&f));
    let errors = parts.errors.map_or(JsValue::UNDEFINED, |e| issues_to_js(&e));
    let cause = parts.cause.unwrap_or(JsValue::UNDEFINED);
    let error: JsValue = JsNaverPayError::new(code.as_str(), &message, field, errors, cause).into();
    set_warnings(&error, &parts.warnings);
    error
}

/// Sets `warnings` on `target` (a result or an error) when there are some.
pub(crate) fn set_warnings(target: &JsValue, warnings: &[FieldIssue]) {
    if !warnings.is_empty() {
        let _ = js_sys::Reflect::set(target, &JsValue::from_str("warnings"), &issues_to_js(warnings));
    }
}

/// `[{ code, field, message }, …]` as plain objects.
fn issues_to_js(issues: &[FieldIssue]) -> JsValue {
    let mut json = json();
    json.issues(issues);
    json_to_js(&json)
}
