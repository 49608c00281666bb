//! The options objects JavaScript passes (`PayOptions`, `ValidateOptions`), read into the core's
//! `ValidateOptions`. A bad option is a field issue under `options.*`, never a throw.

use wasm_bindgen::JsValue;

use super::convert::{date_time, navigator};
#[cfg(feature = "js-bodies")]
use crate::body::BodyOptions;
use crate::catalog::{self, Field};
use crate::check::table::check_table;
use crate::check::{Strictness, MAX_SAFE};
use crate::device::DeviceInfo;
use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
use crate::validate::{ModeOption, ValidateOptions};
use crate::value::{Map, Value};

/// What reading the options found: errors stop the call, warnings do not.
#[derive(Default)]
pub(crate) struct OptionIssues {
    pub errors: Vec<FieldIssue>,
    pub warnings: Vec<FieldIssue>,
}

/// Reads `options` (as the core sees the JavaScript `js`); what is absent takes its default
/// (device from `navigator`, now from the clock). A key that is none of the options is checked
/// as a parameter's is: an `UNKNOWN_FIELD` error naming the option it is close to, else a warning.
pub(crate) fn read_options(options: Value, js: &JsValue) -> (ValidateOptions, OptionIssues) {
    read(options, js, catalog::PAY_OPTIONS, Strictness::Browser)
}

fn read(
    options: Value,
    js: &JsValue,
    known: &'static [Field],
    strictness: Strictness,
) -> (ValidateOptions, OptionIssues) {
    let mut out = ValidateOptions::at(js_sys::Date::now());
    let mut found = OptionIssues::default();
    let map = match options {
        Value::Undefined | Value::Null => {
            out.device = navigator_device();
            return (out, found);
        }
        Value::Object(map) => map,
        _ => {
            let issue = FieldIssue::new(ErrorCode::InvalidType, "options", out.locale, Detail::Expected("object"));
            found.errors.push(issue);
            out.device = navigator_device();
            return (out, found);
        }
    };
    let issues = &mut found.errors;

    // The locale first: it decides the language of every other message.
    if let Some(locale) = option(&map, "locale") {
        match locale.as_str().and_then(Locale::parse) {
            Some(l) => out.locale = l,
            None => issues.push(FieldIssue::new(
                ErrorCode::InvalidValue,
                "options.locale",
                out.locale,
                Detail::Text("ko, en"),
            )),
        }
    }
    let locale = out.locale;

    // The keys against the options' table: a misspelt one is UNKNOWN_FIELD as a parameter is.
    let (errors, warnings) = (&mut found.errors, &mut found.warnings);
    check_table(&map, known, "options", 0, strictness, &mut |issue| {
        let list = if issue.warning { &mut *warnings } else { &mut *errors };
        list.push(FieldIssue::new(issue.code, issue.field, locale, issue.detail));
    });
    let issues = &mut found.errors;

    if let Some(mode) = option(&map, "mode") {
        match mode.as_str() {
            Some("auto") => out.mode = ModeOption::Auto,
            Some("popup") => out.mode = ModeOption::Popup,
            Some("redirect") => out.mode = ModeOption::Redirect,
            _ => issues.push(FieldIssue::new(
                ErrorCode::InvalidValue,
                "options.mode",
                locale,
                Detail::Text("auto, popup, redirect"),
            )),
        }
    }

    if let Some(min) = option(&map, "minAmount") {
        match whole_number(min) {
            Ok(n) => out.min_amount = n,
            Err(code) => {
                issues.push(FieldIssue::new(code, "options.minAmount", locale, Detail::Expected("integer ≥ 0")))
            }
        }
    }

    out.device = match option(&map, "device") {
        // The automatic mode chooses by the device; a forced popup is checked against it.
        None if out.mode == ModeOption::Redirect => None,
        None => navigator_device(),
        Some(device) => {
            let device = device_from(device);
            if device.is_none() {
                issues.push(FieldIssue::new(
                    ErrorCode::InvalidType,
                    "options.device",
                    locale,
                    Detail::Expected("{ userAgent: string }"),
                ));
            }
            device
        }
    };

    if let Some(now) = option(&map, "now") {
        let ms = match now {
            Value::Number(ms) => Some(*ms),
            // A `Date` reads as an object without entries: its time is asked of it, in JavaScript,
            // where a lookalike, a Proxy or a throwing getter is NaN, never a throw.
            Value::Object(_) => Some(date_time(js)),
            _ => None,
        };
        match ms.filter(|ms| ms.is_finite()) {
            Some(ms) => out.now_ms = ms,
            None => issues.push(FieldIssue::new(
                ErrorCode::InvalidType,
                "options.now",
                locale,
                Detail::Expected("Date | number"),
            )),
        }
    }
    (out, found)
}

/// An option that is given: `undefined`, and a getter that throws, leave it to its default.
fn option<'a>(map: &'a Map, key: &str) -> Option<&'a Value> {
    Some(map.get(key)).filter(|v| !matches!(v, Value::Undefined | Value::Threw))
}

/// A non-negative safe integer.
fn whole_number(v: &Value) -> Result<u64, ErrorCode> {
    let n = v.as_f64().ok_or(ErrorCode::InvalidType)?;
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(ErrorCode::NotInteger);
    }
    if !(0.0..=MAX_SAFE as f64).contains(&n) {
        return Err(ErrorCode::OutOfRange);
    }
    Ok(n as u64)
}

/// A `DeviceInfo` from `{ userAgent, maxTouchPoints?, mobile? }`.
pub(crate) fn device_from(v: &Value) -> Option<DeviceInfo> {
    let v = v.as_object()?;
    let user_agent = v.get("userAgent").as_str()?.to_owned();
    let touch = v.get("maxTouchPoints").as_f64().filter(|n| n.is_finite() && *n >= 0.0);
    Some(DeviceInfo {
        user_agent,
        max_touch_points: touch.map_or(0, |n| n.min(f64::from(u32::MAX)) as u32),
        mobile: match v.get("mobile") {
            Value::Bool(b) => Some(*b),
            _ => None,
        },
    })
}

/// The device this page runs on, from `navigator`; `None` where there is none (Node).
pub(crate) fn navigator_device() -> Option<DeviceInfo> {
    device_from(&navigator())
}

/// Reads `BodyOptions` (`{ minAmount?, now?, locale? }`) for the server body builders; as strict
/// as the bodies, every other key is an error.
#[cfg(feature = "js-bodies")]
pub(crate) fn read_body_options(options: Value, js: &JsValue) -> (BodyOptions, Vec<FieldIssue>) {
    let (read, issues) = read(options, js, catalog::BODY_OPTIONS, Strictness::Server);
    let body = BodyOptions { min_amount: read.min_amount, now_ms: read.now_ms, locale: read.locale };
    (body, issues.errors)
}
