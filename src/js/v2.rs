//! `naverpay-checkout/v2`: the same checkout over PortOne V2's browser SDK (`window.PortOne` of
//! `https://cdn.portone.io/v2/browser-sdk.js`): `requestPayment` / `requestIssueBillingKey` with
//! what was validated, the window mode by V1's device rule, and V1's result shape.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::checkout::{
    admit, guarded, in_page, load_failed, loader_threw, next_id, sdk_options, Admitted, Pending, PendingSlot, Thenable,
};
use super::convert::{fields_from_js, from_js, get, json, json_to_js};
use super::error::{naver_pay_error, set_warnings, ErrorParts};
use super::{report_js, result_js, url_text, validate_js};
use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
use crate::migrate::to_v2_payment_request;
use crate::redirect::{parse_redirect_result_v2, PaymentResult};
use crate::validate::{check_v2, Additions, KindV2, ValidateOptions, ValidationReport};
use crate::value::{Map, Value};

#[wasm_bindgen(module = "/js/v2.js")]
extern "C" {
    /// Resolves with `window.PortOne`, loading the script at `url` when needed; rejects with
    /// `{ code, cause }`, as V1's `loadImp` does.
    #[wasm_bindgen(catch, js_name = loadPortOne)]
    fn load_port_one(url: &JsValue, timeout_ms: u32) -> Result<Promise, JsValue>;
    /// The `PaymentResult` of V2's response: `raw` is that very object, the strings its own.
    #[wasm_bindgen(js_name = popupResultV2)]
    fn popup_result_v2(success: bool, mode: &str, response: &JsValue) -> JsValue;
}

/// PortOne's V2 browser SDK (start/_components/sdk-installation.mdx).
const DEFAULT_SDK_URL: &str = "https://cdn.portone.io/v2/browser-sdk.js";

/// `validateNaverPayV2(params, options?)`: never throws.
#[wasm_bindgen(js_name = validateNaverPayV2)]
pub fn validate_naver_pay_v2_js(params: JsValue, options: JsValue) -> JsValue {
    report_js(&params, &options, &|v, o| check_v2(v, o, KindV2::Payment))
}

/// `validateBillingKeyV2(params, options?)`: never throws.
#[wasm_bindgen(js_name = validateBillingKeyV2)]
pub fn validate_billing_key_v2_js(params: JsValue, options: JsValue) -> JsValue {
    report_js(&params, &options, &|v, o| check_v2(v, o, KindV2::BillingKey))
}

/// `parseRedirectResultV2(urlOrQuery)`: the query V2 sends to `redirectUrl`; never throws.
#[wasm_bindgen(js_name = parseRedirectResultV2)]
pub fn parse_redirect_result_v2_js(url_or_query: JsValue) -> JsValue {
    result_js(&parse_redirect_result_v2(&url_text(&url_or_query)), None)
}

/// `toV2PaymentRequest(v1Params, { storeId, channelKey })`: `{ request, dropped }`; never throws.
#[wasm_bindgen(js_name = toV2PaymentRequest)]
pub fn to_v2_payment_request_js(v1_params: JsValue, ids: JsValue) -> JsValue {
    let id = |key| get(&ids, key).as_string().unwrap_or_default();
    let migration = to_v2_payment_request(&from_js(&v1_params), &id("storeId"), &id("channelKey"));
    let mut json = json();
    json.raw("{\"request\":").object(&migration.request).raw(",\"dropped\":[");
    for (i, field) in migration.dropped.iter().enumerate() {
        if i > 0 {
            json.raw(",");
        }
        json.string(field);
    }
    json_to_js(json.raw("]}"))
}

/// A loaded V2 SDK bound to one store and channel. JavaScript sees it as the `NaverPayCheckout` of
/// `naverpay-checkout/v2` (scripts/package.mjs names it so in that entry).
#[wasm_bindgen]
pub struct NaverPayCheckoutV2 {
    port_one: JsValue,
    store_id: String,
    channel_key: String,
    pending: PendingSlot,
}

#[wasm_bindgen]
impl NaverPayCheckoutV2 {
    /// `NaverPayCheckout.load({ storeId, channelKey, sdkUrl?, timeoutMs? })`: a promise of a checkout.
    pub fn load(options: JsValue) -> Promise {
        Self::start_load(&options).unwrap_or_else(|e| Promise::reject(&e))
    }

    /// `checkout.pay(params, options?)`: `PortOne.requestPayment` with what was validated.
    pub fn pay(&self, params: JsValue, options: JsValue) -> Promise {
        self.request(&params, &options, KindV2::Payment)
    }

    /// `checkout.registerBillingKey(params, options?)`: `PortOne.requestIssueBillingKey`.
    #[wasm_bindgen(js_name = registerBillingKey)]
    pub fn register_billing_key(&self, params: JsValue, options: JsValue) -> Promise {
        self.request(&params, &options, KindV2::BillingKey)
    }
}

impl NaverPayCheckoutV2 {
    /// Checks the options, then loads the SDK; an `Err` is a rejection before anything loads.
    fn start_load(options: &JsValue) -> Result<Promise, JsValue> {
        if !in_page() {
            return Err(naver_pay_error(ErrorCode::NotInBrowser, Locale::Ko, ErrorParts::default()));
        }
        let mut issues = Vec::new();
        let mut id = |key: &str| match get(options, key).as_string() {
            Some(id) if !id.is_empty() => id,
            _ => {
                issues.push(FieldIssue::new(ErrorCode::Required, key, Locale::Ko, Detail::Expected("string")));
                String::new()
            }
        };
        let (store_id, channel_key) = (id("storeId"), id("channelKey"));
        let (sdk_url, timeout_ms) = sdk_options(options, DEFAULT_SDK_URL, &mut issues);
        if !issues.is_empty() {
            let parts = ErrorParts { errors: Some(issues), ..ErrorParts::default() };
            return Err(naver_pay_error(ErrorCode::InvalidParams, Locale::Ko, parts));
        }
        let ready = Closure::once_into_js(move |port_one: JsValue| -> JsValue {
            let pending = PendingSlot::default();
            guarded(NaverPayCheckoutV2 { port_one, store_id, channel_key, pending }.into())
        });
        let failed =
            Closure::once_into_js(|failure: JsValue| -> Result<JsValue, JsValue> { Err(load_failed(&failure)) });
        let load = load_port_one(&sdk_url, timeout_ms).map_err(loader_threw)?;
        Ok(load.unchecked_ref::<Thenable>().then(&ready, &failed))
    }

    /// The V2 check with the store and channel of `load()` filling the params' absent ones.
    fn check(&self, params: &Value, options: &ValidateOptions, kind: KindV2) -> (ValidationReport, Option<Additions>) {
        let mut added = Vec::new();
        let mut params = params.clone();
        if let Value::Object(map) = &mut params {
            let mut fill = |key: &'static str, id: &str, unless: &[&str]| {
                if unless.iter().all(|k| map.get(k).is_absent()) {
                    map.insert(key, id);
                    added.push((key, Value::from(id)));
                }
            };
            fill("storeId", &self.store_id, &["storeId"]);
            fill("channelKey", &self.channel_key, &["channelKey", "channelGroupId"]);
        }
        let (report, additions) = check_v2(&params, options, kind);
        (report, additions.map(|more| more.after(added)))
    }

    /// Validates, then calls the SDK synchronously, inside the click's user activation.
    fn request(&self, params: &JsValue, options: &JsValue, kind: KindV2) -> Promise {
        let checked = validate_js(params, options, &|v, o| self.check(v, o, kind));
        let Admitted { request, mode, warnings, locale, now_ms } = match admit(checked, &self.pending, true) {
            Ok(admitted) => admitted,
            Err(answer) => return answer,
        };
        let method = if kind == KindV2::Payment { "requestPayment" } else { "requestIssueBillingKey" };
        let (port_one, pending, id) = (self.port_one.clone(), self.pending.clone(), next_id());
        Promise::new(&mut |resolve: Function, reject: Function| {
            if let Ok(mut p) = pending.try_borrow_mut() {
                *p = Some(Pending { id, started_ms: now_ms, reject: reject.clone() });
            }
            let ours = {
                let pending = pending.clone();
                move || pending.try_borrow_mut().ok().and_then(|mut p| p.take_if(|p| p.id == id)).is_some()
            };
            let unavailable = move |cause: JsValue| {
                let parts = ErrorParts { cause: Some(cause), ..ErrorParts::default() };
                naver_pay_error(ErrorCode::SdkUnavailable, locale, parts)
            };
            let answer = match call(&port_one, method, &request) {
                Ok(answer) => answer,
                Err(cause) => {
                    ours.clone()();
                    let _ = reject.call1(&JsValue::UNDEFINED, &unavailable(cause));
                    return;
                }
            };
            let settled = ours.clone();
            let warnings = warnings.clone();
            let resolved = Closure::once_into_js(move |response: JsValue| {
                // `undefined`: the SDK redirected, and the result arrives at `redirectUrl`. The
                // payment stays pending as V1's does in redirect mode (stale after 10 minutes).
                // A superseded payment's late answer settles nothing: its promise has rejected.
                if response.is_undefined() || !settled() {
                    return;
                }
                // Its own scalar fields only: a large echoed field never turns an approval into a failure.
                let raw = match fields_from_js(&response) {
                    Value::Object(m) => m,
                    _ => Map::new(),
                };
                let success = PaymentResult::from_v2_response(raw, mode).success;
                let result = popup_result_v2(success, mode.as_str(), &response);
                set_warnings(&result, &warnings);
                let _ = resolve.call1(&JsValue::UNDEFINED, &result);
            });
            let reject = reject.clone();
            let rejected = Closure::once_into_js(move |cause: JsValue| {
                if ours() {
                    let _ = reject.call1(&JsValue::UNDEFINED, &unavailable(cause));
                }
            });
            // A real promise whatever the SDK answered.
            let _ = Promise::resolve(&answer).unchecked_ref::<Thenable>().then(&resolved, &rejected);
        })
    }
}

/// `PortOne[method](request)`: what it returned, or what it threw.
fn call(port_one: &JsValue, method: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(port_one, &method.into())?.dyn_into()?;
    f.call1(port_one, request)
}
