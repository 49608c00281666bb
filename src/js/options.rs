//! The options objects JavaScript passes (`PayOptions`, `ValidateOptions`), read into the core's
//! `ValidateOptions`. A bad option is a field issue under `options.*`, never a throw.

use wasm_bindgen::{JsCast, JsValue};

use super::convert::get;
use crate::body::BodyOptions;
use crate::device::DeviceInfo;
use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
use crate::validate::{ModeOption, ValidateOptions};

const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Reads `options`; what is absent takes its default (device from `navigator`, now from the clock).
pub(crate) fn read_options(options: &JsValue) -> (ValidateOptions, Vec<FieldIssue>) {
    let mut out = ValidateOptions::at(js_sys::Date::now());
    let mut issues = Vec::new();
    if options.is_undefined() || options.is_null() {
        out.device = navigator_device();
        return (out, issues);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        issues.push(FieldIssue::new(ErrorCode::InvalidType, "options", out.locale, Detail::Expected("object")));
        out.device = navigator_device();
        return (out, issues);
    }

    // The locale first: it decides the language of every other message.
    let locale = get(options, "locale");
    if !locale.is_undefined() {
        match locale.as_string().as_deref().and_then(Locale::parse) {
            Some(l) => out.locale = l,
            None => issues.push(FieldIssue::new(ErrorCode::InvalidValue, "options.locale", out.locale, Detail::Text("ko, en"))),
        }
    }
    let locale = out.locale;

    let mode = get(options, "mode");
    if !mode.is_undefined() {
        match mode.as_string().as_deref() {
            Some("auto") => out.mode = ModeOption::Auto,
            Some("popup") => out.mode = ModeOption::Popup,
            Some("redirect") => out.mode = ModeOption::Redirect,
            _ => issues.push(FieldIssue::new(ErrorCode::InvalidValue, "options.mode", locale, Detail::Text("auto, popup, redirect"))),
        }
    }

    let min = get(options, "minAmount");
    if !min.is_undefined() {
        match whole_number(&min) {
            Ok(n) => out.min_amount = n,
            Err(code) => issues.push(FieldIssue::new(code, "options.minAmount", locale, Detail::Expected("integer ≥ 0"))),
        }
    }

    let device = get(options, "device");
    out.device = if device.is_undefined() {
        navigator_device()
    } else {
        match device_from(&device) {
            Some(d) => Some(d),
            None => {
                issues.push(FieldIssue::new(ErrorCode::InvalidType, "options.device", locale, Detail::Expected("{ userAgent: string }")));
                None
            }
        }
    };

    let now = get(options, "now");
    if !now.is_undefined() {
        let ms = match now.dyn_ref::<js_sys::Date>() {
            Some(date) => Some(date.get_time()),
            None => now.as_f64(),
        };
        match ms.filter(|ms| ms.is_finite()) {
            Some(ms) => out.now_ms = ms,
            None => issues.push(FieldIssue::new(ErrorCode::InvalidType, "options.now", locale, Detail::Expected("Date | number"))),
        }
    }
    (out, issues)
}

/// A non-negative safe integer.
fn whole_number(v: &JsValue) -> Result<u64, ErrorCode> {
    let n = v.as_f64().ok_or(ErrorCode::InvalidType)?;
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(ErrorCode::NotInteger);
    }
    if !(0.0..=MAX_SAFE_INTEGER).contains(&n) {
        return Err(ErrorCode::OutOfRange);
    }
    Ok(n as u64)
}

/// A `DeviceInfo` from `{ userAgent, maxTouchPoints?, mobile? }`.
pub(crate) fn device_from(v: &JsValue) -> Option<DeviceInfo> {
    let user_agent = get(v, "userAgent").as_string()?;
    let touch = get(v, "maxTouchPoints").as_f64().filter(|n| n.is_finite() && *n >= 0.0);
    Some(DeviceInfo {
        user_agent,
        max_touch_points: touch.map_or(0, |n| n.min(f64::from(u32::MAX)) as u32),
        mobile: get(v, "mobile").as_bool(),
    })
}

/// The device this page runs on, from `navigator`; `None` where there is none (Node).
pub(crate) fn navigator_device() -> Option<DeviceInfo> {
    let navigator = get(&js_sys::global(), "navigator");
    let mut device = device_from(&navigator)?;
    device.mobile = get(&get(&navigator, "userAgentData"), "mobile").as_bool();
    Some(device)
}

/// Reads `BodyOptions` (`{ minAmount?, now?, locale? }`) for the server body builders.
pub(crate) fn read_body_options(options: &JsValue) -> (BodyOptions, Vec<FieldIssue>) {
    let (read, issues) = read_options(options);
    let body = BodyOptions { min_amount: read.min_amount, now_ms: read.now_ms, locale: read.locale };
    (body, issues)
}
