//! `build*Body`: the server request bodies as JavaScript exports. Compiled with the `js-bodies`
//! feature (every entry but the size-optimized `/web`, whose browser pages never build them).

use wasm_bindgen::prelude::*;

use super::convert::{json, json_to_js, Input};
use super::error::{naver_pay_error, ErrorParts};
use super::options;
use crate::body::issues::{
    build_again_payment_body, build_cancel_payment_body, build_delete_billing_key_body, build_schedule_payment_body,
    build_unschedule_payment_body,
};
use crate::body::{Body, BodyOptions};
use crate::error::{ErrorCode, FieldIssue};
use crate::value::Value;

/// `buildAgainPaymentBody(input, options?)`: the body of `POST /subscribe/payments/again`.
#[wasm_bindgen(js_name = buildAgainPaymentBody)]
pub fn build_again_payment_body_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    body_js(&input, &options, build_again_payment_body)
}

/// `buildSchedulePaymentBody(input, options?)`: the body of `POST /subscribe/payments/schedule`.
#[wasm_bindgen(js_name = buildSchedulePaymentBody)]
pub fn build_schedule_payment_body_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    body_js(&input, &options, build_schedule_payment_body)
}

/// `buildCancelPaymentBody(input, options?)`: the body of `POST /payments/cancel`.
#[wasm_bindgen(js_name = buildCancelPaymentBody)]
pub fn build_cancel_payment_body_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    body_js(&input, &options, build_cancel_payment_body)
}

/// `buildUnschedulePaymentBody(input, options?)`: the body of `POST /subscribe/payments/unschedule`.
#[wasm_bindgen(js_name = buildUnschedulePaymentBody)]
pub fn build_unschedule_payment_body_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    body_js(&input, &options, build_unschedule_payment_body)
}

/// `buildDeleteBillingKeyBody(input, options?)`: `DELETE /subscribe/customers/{customer_uid}`.
#[wasm_bindgen(js_name = buildDeleteBillingKeyBody)]
pub fn build_delete_billing_key_body_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    body_js(&input, &options, build_delete_billing_key_body)
}

/// `{ json, form, path?, warnings? }` (each of the last two only when there is one), or a thrown `NaverPayError` `INVALID_PARAMS` listing every problem.
fn body_js(
    input: &JsValue,
    options: &JsValue,
    build: fn(&Value, &BodyOptions) -> Result<Body, Vec<FieldIssue>>,
) -> Result<JsValue, JsValue> {
    let (input, options_value) = Input::read(input, options);
    let (options, mut option_issues) = options::read_body_options(options_value, options);
    option_issues.extend(input.limit_issue(options.locale));
    let result = if option_issues.is_empty() { build(&input.value, &options) } else { Err(option_issues) };
    match result {
        Ok(body) => {
            let mut json = json();
            json.raw("{\"json\":").object(&body.json).raw(",\"form\":").string(&body.form);
            if let Some(path) = &body.path {
                json.raw(",\"path\":").string(path);
            }
            if !body.warnings.is_empty() {
                json.raw(",\"warnings\":").issues(&body.warnings);
            }
            json.raw("}");
            Ok(json_to_js(&json))
        }
        Err(errors) => {
            let parts = ErrorParts { errors: Some(errors), ..ErrorParts::default() };
            Err(naver_pay_error(ErrorCode::InvalidParams, options.locale, parts))
        }
    }
}
