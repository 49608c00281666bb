//! JavaScript values to the core's plain data and back, through `js/bridge.js` and `crate::wire`:
//! one string each way, so reading a cart costs two boundary crossings, not several per property.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
use crate::validate::ValidationReport;
use crate::value::{Map, Value};
use crate::wire::{self, Json};

// None of these throws: js/bridge.js reads the caller's values inside `try`, and the rest only
// reads what this module wrote. Those that take and give only JavaScript values are bound with
// `catch` all the same, which also gives them a shim in the glue as the others have
// (scripts/package.mjs inlines the snippets where the glue imports them by name).
#[wasm_bindgen(module = "/js/bridge.js")]
extern "C" {
    fn encode(value: &JsValue, entries: &JsValue, second: &JsValue) -> String;
    #[wasm_bindgen(js_name = navigatorDevice)]
    fn navigator_device() -> String;
    /// `v[key]` when `v` has it as its own property, else `undefined`: never a prototype's, never a throw.
    fn own(v: &JsValue, key: &str) -> JsValue;
    #[wasm_bindgen(catch, js_name = timeOf)]
    fn time_of(options: &JsValue) -> Result<f64, JsValue>;
    /// `f` called at most once, never throwing into the caller (IMP).
    #[wasm_bindgen(catch)]
    pub(crate) fn once(f: &JsValue) -> Result<JsValue, JsValue>;
    /// The checkout class rejecting with `freed` on a freed checkout (js/bridge.js says how).
    #[wasm_bindgen(catch, js_name = guardCheckout)]
    pub(crate) fn guard_checkout(checkout: &JsValue, freed: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = decodeReport)]
    fn decode_report(json: &str, entries: &Array) -> JsValue;
    #[wasm_bindgen(js_name = decodeRequest)]
    fn decode_request(json: &str, entries: &Array) -> JsValue;
    #[wasm_bindgen(js_name = decodeResult)]
    fn decode_result(json: &str) -> JsValue;
    /// The `PaymentResult` of a popup callback: `raw` is IMP's very object (or `{}`), the string
    /// fields its very strings.
    #[wasm_bindgen(js_name = popupResult)]
    pub(crate) fn popup_result(success: bool, mode: &str, response: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = numberText)]
    fn number_text(n: f64) -> String;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn parse_json(json: &str) -> JsValue;
    /// Milliseconds that never go back nor jump when the wall clock is set (every browser has it).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub(crate) fn performance_now() -> f64;
}

/// A JavaScript value read once: the core's view of it, and the snapshot of each own entry of a
/// top-level object (js/bridge.js), for the request that passes them on.
pub(crate) struct Input {
    pub value: Value,
    entries: Array,
    /// Where the value went past a limit of js/bridge.js: nothing of it was read.
    limit: Option<Limit>,
}

/// A limit of js/bridge.js (`LIMITS` there, `wire::LIMITS` here) that a value went past, and where.
struct Limit {
    kind: u8,
    path: String,
}

impl Limit {
    /// `L<kind>s<n>:<path>`, the text js/bridge.js writes instead of a value past a limit.
    fn parse(text: &str) -> Option<Limit> {
        let rest = text.strip_prefix("L")?;
        let kind = *rest.as_bytes().first()?;
        let path = wire::read(rest.get(1..)?)?;
        Some(Limit { kind, path: path.as_str()?.to_owned() })
    }

    fn issue(&self, locale: Locale) -> FieldIssue {
        // The limit in figures, the same in both languages.
        FieldIssue::new(ErrorCode::LimitExceeded, self.path.as_str(), locale, Detail::Text(wire::limit_text(self.kind)))
    }
}

impl Input {
    /// The params of a call, and its options (`options` as the core sees it), in one crossing.
    pub(crate) fn read(params: &JsValue, options: &JsValue) -> (Input, Value) {
        let entries = Array::new();
        let text = encode(params, &entries, options);
        if let Some(limit) = Limit::parse(&text) {
            // The options are read alone unless they are what went past the limit.
            let options = if limit.path.starts_with("options") { Value::Undefined } else { from_js(options) };
            return (Input { value: Value::Threw, entries, limit: Some(limit) }, options);
        }
        let (value, options) = wire::read_pair(&text).unwrap_or((Value::Threw, Value::Threw));
        (Input { value, entries, limit: None }, options)
    }

    /// LIMIT_EXCEEDED where the value went past a limit: then nothing else is checked.
    pub(crate) fn limit_issue(&self, locale: Locale) -> Option<FieldIssue> {
        self.limit.as_ref().map(|l| l.issue(locale))
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
    read_js(v, &JsValue::UNDEFINED)
}

/// The own fields of `v` that are not objects, as the core sees them: all that a payment's
/// outcome is read from (IMP's or PortOne V2's answer, whose echo of `custom_data` is not read).
#[cfg(any(feature = "js-v1", feature = "js-v2"))]
pub(crate) fn fields_from_js(v: &JsValue) -> Value {
    read_js(v, &JsValue::TRUE)
}

/// `v` through js/bridge.js's `encode`; `entries` true reads only its fields.
#[inline(never)]
fn read_js(v: &JsValue, entries: &JsValue) -> Value {
    if v.is_undefined() {
        return Value::Undefined;
    }
    // Past a limit, the text is not a value: it reads as a property that threw.
    wire::read(&encode(v, entries, &JsValue::UNDEFINED)).unwrap_or(Value::Threw)
}

/// The time of a `Date`, NaN for anything else (lookalikes and Proxies included).
pub(crate) fn date_time(options: &JsValue) -> f64 {
    time_of(options).unwrap_or(f64::NAN)
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

/// The `PaymentResult` `json` describes (its `raw` shielded from a polluted prototype).
pub(crate) fn result_to_js(json: &Json) -> JsValue {
    decode_result(&json.text)
}

/// The plain JavaScript value `json` describes.
pub(crate) fn json_to_js(json: &Json) -> JsValue {
    parse_json(&json.text)
}

/// An own property of an arbitrary JavaScript value; inherited, or throwing, reads as `undefined`
/// (a polluted `Object.prototype.sdkUrl` is never a script to load).
pub(crate) fn get(v: &JsValue, key: &str) -> JsValue {
    own(v, key)
}
