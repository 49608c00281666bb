//! The checks the bodies share. Each reports into one [`Issues`] list and returns `None`
//! exactly when it reported something (or, for optional fields, when the field is absent).

use super::{Body, BodyOptions, Requester};
use crate::catalog::{self, Field};
use crate::date::Ymd;
use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
use crate::text::{concat, join_path};
use crate::validate::fields;
use crate::value::{Map, Value};

/// The largest integer a JavaScript number holds exactly: 2^53 − 1.
pub(super) const MAX_SAFE_INTEGER: u64 = fields::MAX_SAFE;

/// The problems found so far, and the warnings (fields Naver Pay ignores).
pub(super) struct Issues {
    list: Vec<FieldIssue>,
    warnings: Vec<FieldIssue>,
    locale: Locale,
}

impl Issues {
    pub(super) fn new(locale: Locale) -> Self {
        Issues { list: Vec::new(), warnings: Vec::new(), locale }
    }

    pub(super) fn push(&mut self, code: ErrorCode, field: &str, detail: Detail<'_>) {
        self.list.push(FieldIssue::new(code, field, self.locale, detail));
    }

    pub(super) fn ko(&self) -> bool {
        self.locale == Locale::Ko
    }

    /// The body, when nothing was reported; the issues otherwise.
    pub(super) fn body(self, json: impl FnOnce() -> Map) -> Result<Body, Vec<FieldIssue>> {
        if self.list.is_empty() {
            Ok(Body::new(json(), None, self.warnings))
        } else {
            Err(self.list)
        }
    }

    pub(super) fn into_vec(self) -> Vec<FieldIssue> {
        self.list
    }

    /// The keys of `map` (at `prefix`) against `table`: see [`fields::check_table`].
    pub(super) fn table(&mut self, map: &Map, table: &'static [Field], prefix: &str) {
        let locale = self.locale;
        let (list, warnings) = (&mut self.list, &mut self.warnings);
        fields::check_table(map, table, prefix, catalog::REQUIRED, false, &mut |issue| {
            let to = if issue.warning { &mut *warnings } else { &mut *list };
            to.push(FieldIssue::new(issue.code, issue.field, locale, issue.detail));
        });
    }
}

fn is_missing(value: &Value) -> bool {
    matches!(value, Value::Undefined | Value::Null)
}

/// The object at `path`; `INVALID_TYPE` otherwise.
pub(super) fn object<'v>(value: &'v Value, path: &str, issues: &mut Issues) -> Option<&'v Map> {
    let map = value.as_object();
    if map.is_none() {
        issues.push(ErrorCode::InvalidType, path, Detail::Expected("object"));
    }
    map
}

/// The body's input as an object, its keys checked against `table`; `Err` when it is no object.
pub(super) fn top_level<'v>(
    input: &'v Value,
    table: &'static [Field],
    options: &BodyOptions,
) -> Result<(&'v Map, Issues), Vec<FieldIssue>> {
    let mut issues = Issues::new(options.locale);
    let Some(map) = object(input, "", &mut issues) else {
        return Err(issues.into_vec());
    };
    issues.table(map, table, "");
    Ok((map, issues))
}

/// The optional object at `path`, its keys checked against `table`: `None` when absent.
pub(super) fn optional_object<'v>(
    value: &'v Value,
    path: &str,
    table: &'static [Field],
    issues: &mut Issues,
) -> Option<&'v Map> {
    if is_missing(value) {
        return None;
    }
    let map = object(value, path, issues)?;
    issues.table(map, table, path);
    Some(map)
}

/// The output object: the fields of `table` present in `map`, in the table's order (the order of
/// PortOne's samples), each as given unless `replaced` gives its value (`None`: not written).
pub(super) fn write(table: &[Field], map: &Map, mut replaced: Vec<(&'static str, Option<Value>)>) -> Map {
    let mut out = Map::new();
    for field in table {
        let value = match replaced.iter().position(|(k, _)| *k == field.name) {
            Some(i) => replaced.swap_remove(i).1,
            None => copy(map.get(field.name)),
        };
        if let Some(value) = value {
            out.insert(field.name, value);
        }
    }
    out
}

/// A copy of a checked value as a body holds it: strings, numbers, booleans and arrays of them
/// (objects are always rebuilt by their rule; absent and `null` are not written).
fn copy(value: &Value) -> Option<Value> {
    Some(match value {
        Value::String(s) => Value::String(s.clone()),
        Value::Number(n) => Value::Number(*n),
        Value::Bool(b) => Value::Bool(*b),
        Value::Array(items) => Value::Array(items.iter().filter_map(copy).collect()),
        _ => return None,
    })
}

/// `tax_free` and `vat_amount` of `map` (at `prefix`): optional integers, parts of `amount` and so
/// at most it (when it is known).
pub(super) fn parts_of_amount(map: &Map, prefix: &str, amount: Option<u64>, issues: &mut Issues) {
    for field in ["tax_free", "vat_amount"] {
        let path = join_path(prefix, field);
        optional_integer(map.get(field), &path, 0, amount.unwrap_or(MAX_SAFE_INTEGER), issues);
    }
}

/// `extra` of a payment (`again`, each schedule): `naverUseCfm`, `yyyyMMdd`, not before
/// `not_before`. Returns what to write: `None` when nothing is left to write.
pub(super) fn payment_extra(
    map: &Map,
    prefix: &str,
    not_before: Option<Ymd>,
    issues: &mut Issues,
) -> (&'static str, Option<Value>) {
    let path = join_path(prefix, "extra");
    let extra = optional_object(map.get("extra"), &path, catalog::PAYMENT_EXTRA, issues);
    let date = extra.and_then(|extra| {
        optional_date(extra.get("naverUseCfm"), &join_path(&path, "naverUseCfm"), not_before, issues)
    });
    ("extra", date.map(|d| Value::Object(Map::from_iter([("naverUseCfm", d)]))))
}

/// `extra.requester` of `cancel` and billing-key deletion: `customer` or `admin`, default `admin`,
/// always written (Naver Pay's inspection fails without it). Returns what to write.
pub(super) fn requester_extra(map: &Map, issues: &mut Issues) -> (&'static str, Option<Value>) {
    let mut requester = Some(Requester::Admin);
    if let Some(extra) = optional_object(map.get("extra"), "extra", catalog::REQUESTER_EXTRA, issues) {
        requester = match extra.get("requester") {
            Value::Undefined | Value::Null => Some(Requester::Admin),
            Value::String(s) => {
                let parsed = Requester::parse(s);
                if parsed.is_none() {
                    issues.push(ErrorCode::InvalidValue, "extra.requester", Detail::Text("customer, admin"));
                }
                parsed
            }
            _ => {
                issues.push(ErrorCode::InvalidType, "extra.requester", Detail::Expected("string"));
                None
            }
        };
    }
    ("extra", requester.map(|r| Value::Object(Map::from_iter([("requester", r.as_str())]))))
}

/// A required string that is not blank, at most `max_chars` characters when given (a row's,
/// [`catalog::max_chars!`]).
pub(super) fn required_string<'v>(
    value: &'v Value,
    path: &str,
    max_chars: Option<usize>,
    issues: &mut Issues,
) -> Option<&'v str> {
    match value {
        Value::String(s) if !s.trim().is_empty() => {
            if let Some(max) = max_chars {
                if s.chars().count() > max {
                    issues.push(ErrorCode::TooLong, path, Detail::MaxChars(max));
                    return None;
                }
            }
            Some(s)
        }
        Value::String(_) | Value::Undefined | Value::Null => {
            issues.push(ErrorCode::Required, path, Detail::None);
            None
        }
        _ => {
            issues.push(ErrorCode::InvalidType, path, Detail::Expected("string"));
            None
        }
    }
}

/// `customer_uid`: required, at most `max_chars` characters (its row's in the call's table).
pub(super) fn customer_uid<'v>(map: &'v Map, max_chars: usize, issues: &mut Issues) -> Option<&'v str> {
    required_string(map.get("customer_uid"), "customer_uid", Some(max_chars), issues)
}

/// A present number that is a finite integer, as JavaScript's `Number.isInteger` says
/// (`INVALID_TYPE`, `NOT_INTEGER`). The range is the caller's.
pub(super) fn integer(value: &Value, path: &str, issues: &mut Issues) -> Option<f64> {
    match value {
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 => Some(*n),
        Value::Number(_) => {
            issues.push(ErrorCode::NotInteger, path, Detail::None);
            None
        }
        _ => {
            issues.push(ErrorCode::InvalidType, path, Detail::Expected("number"));
            None
        }
    }
}

/// A safe integer in `lo..=hi` (`hi` at most 2^53 − 1); `OUT_OF_RANGE` otherwise.
pub(super) fn in_range(n: f64, lo: u64, hi: u64, path: &str, issues: &mut Issues) -> Option<u64> {
    // Both bounds are at most 2^53 − 1, so the conversions are exact.
    if n < lo as f64 || n > hi as f64 {
        issues.push(ErrorCode::OutOfRange, path, Detail::Range(lo, hi));
        return None;
    }
    Some(n as u64)
}

/// A required payment amount: an integer, at least `min`, at most 2^53 − 1.
pub(super) fn amount(value: &Value, path: &str, min: u64, issues: &mut Issues) -> Option<u64> {
    if is_missing(value) {
        issues.push(ErrorCode::Required, path, Detail::None);
        return None;
    }
    let n = integer(value, path, issues)?;
    if n < min as f64 {
        issues.push(ErrorCode::AmountBelowMinimum, path, Detail::MinAmount(min));
        return None;
    }
    in_range(n, min.min(MAX_SAFE_INTEGER), MAX_SAFE_INTEGER, path, issues)
}

/// An optional integer in `lo..=hi`: `None` when absent.
pub(super) fn optional_integer(value: &Value, path: &str, lo: u64, hi: u64, issues: &mut Issues) -> Option<u64> {
    if is_missing(value) {
        return None;
    }
    let n = integer(value, path, issues)?;
    in_range(n, lo, hi, path, issues)
}

/// An optional `yyyyMMdd` string naming a real date on or after `not_before` (when known):
/// `INVALID_TYPE`, `INVALID_DATE`, `DATE_IN_PAST`. `None` when absent.
pub(super) fn optional_date<'v>(
    value: &'v Value,
    path: &str,
    not_before: Option<Ymd>,
    issues: &mut Issues,
) -> Option<&'v str> {
    if is_missing(value) {
        return None;
    }
    let Some(s) = value.as_str() else {
        issues.push(ErrorCode::InvalidType, path, Detail::Expected("yyyyMMdd"));
        return None;
    };
    let Some(date) = Ymd::parse(s) else {
        issues.push(ErrorCode::InvalidDate, path, Detail::None);
        return None;
    };
    if let Some(first) = not_before {
        if date < first {
            let expected = concat(&["≥ ", &first.text()]);
            issues.push(ErrorCode::DateInPast, path, Detail::Expected(&expected));
            return None;
        }
    }
    Some(s)
}
