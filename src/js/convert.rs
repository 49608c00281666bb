//! JavaScript values to the core's plain data and back, through `js/bridge.js` and `crate::wire`:
//! one string each way, so reading a cart costs two boundary crossings, not several per property.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::validate::ValidationReport;
use crate::value::{Map, Value};
use crate::wire::{self, Json};

#[wasm_bindgen(module = "/js/bridge.js")]
extern "C" {
    fn encode(value: &JsValue, entries: &JsValue, second: &JsValue) -> String;
    #[wasm_bindgen(js_name = navigatorDevice)]
    fn navigator_device() -> String;
    #[wasm_bindgen(js_name = decodeReport)]
    fn decode_report(json: &str, entries: &Array) -> JsValue;
    #[wasm_bindgen(js_name = decodeRequest)]
    fn decode_request(json: &str, entries: &Array) -> JsValue;
    #[wasm_bindgen(js_name = numberText)]
    fn number_text(n: f64) -> String;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn parse_json(json: &str) -> JsValue;
}

/// A JavaScript value read once: the core's view of it, and the own entries of a top-level object
/// as JavaScript holds them, for the request that passes them on.
pub(crate) struct Input {
    pub value: Value,
    entries: Array,
}

impl Input {
    /// The params of a call, and its options (`options` as the core sees it), in one crossing.
    pub(crate) fn read(params: &JsValue, options: &JsValue) -> (Input, Value) {
        let entries = Array::new();
        let (value, options) = wire::read_pair(&encode(params, &entries, options))
            .unwrap_or((Value::Other("error"), Value::Other("error")));
        (Input { value, entries }, options)
    }

    /// `{ ok, errors, warnings, mode, request }`: the request, when there are `additions`, holds
    /// the caller's own values.
    pub(crate) fn report_to_js(&self, report: &ValidationReport, additions: Option<&[(&str, Value)]>) -> JsValue {
        let mut json = json();
        json.raw("{\"ok\":").bool(report.ok()).raw(",\"errors\":").issues(&report.errors);
        json.raw(",\"warnings\":").issues(&report.warnings).raw(",\"mode\":").string(report.mode.as_str());
        json.raw(",\"request\":");
        match additions {
            Some(additions) => json.request(self.object(), additions),
            None => json.raw("null"),
        };
        decode_report(&json.raw("}").text, &self.entries)
    }

    /// The request object for IMP: the caller's own values, and `additions`.
    pub(crate) fn request_to_js(&self, additions: &[(&str, Value)]) -> JsValue {
        decode_request(&json().request(self.object(), additions).text, &self.entries)
    }

    fn object(&self) -> &Map {
        const EMPTY: &Map = &Map::new();
        self.value.as_object().unwrap_or(EMPTY)
    }
}

/// The core's view of a JavaScript value.
pub(crate) fn from_js(v: &JsValue) -> Value {
    if v.is_undefined() {
        return Value::Undefined;
    }
    wire::read(&encode(v, &JsValue::UNDEFINED, &JsValue::UNDEFINED)).unwrap_or(Value::Other("error"))
}

/// `{ userAgent, maxTouchPoints, mobile }` of this page's `navigator` (`mobile` from
/// `userAgentData`), or `undefined` where there is none (Node).
pub(crate) fn navigator() -> Value {
    wire::read(&navigator_device()).unwrap_or(Value::Undefined)
}

/// JSON written for [`json_to_js`].
pub(crate) fn json() -> Json {
    Json::new(number_text)
}

/// The plain JavaScript value `json` describes.
pub(crate) fn json_to_js(json: &Json) -> JsValue {
    parse_json(&json.text)
}

/// A property of an arbitrary JavaScript value; anything that throws reads as `undefined`.
pub(crate) fn get(v: &JsValue, key: &str) -> JsValue {
    if !v.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property on an object this module created (plain, extensible: cannot throw).
pub(crate) fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}
