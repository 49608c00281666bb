//! What the bodies share, built on the check engine ([`crate::check`], with
//! [`crate::check::Strictness::Server`]): the top-level object, nested objects, the output, the
//! parts of an amount and `extra`. Each check reports into the call's [`Issues`] and returns `None`
//! exactly when it reported something (or, for optional fields, when the field is not given).

use super::{Body, BodyOptions, Requester};
use crate::catalog::{self, Field};
use crate::check::{not_given, ServerBody};
use crate::date::Ymd;
use crate::error::{Detail, ErrorCode, FieldIssue};
use crate::text::{concat, join_path};
use crate::value::{Map, Value};

/// A body's issues: a server body's strictness.
pub(super) type Issues = crate::check::Issues<ServerBody>;

/// The body, when nothing was reported; the errors otherwise.
pub(super) fn finish(issues: Issues, json: impl FnOnce() -> Map) -> Result<Body, Vec<FieldIssue>> {
    let clean = issues.clean();
    let (errors, warnings) = issues.into_parts();
    if clean {
        Ok(Body::new(json(), None, warnings))
    } else {
        Err(errors)
    }
}

/// The body's input as an object, its keys checked against `table`; `Err` when it is no object.
pub(super) fn top_level<'v>(
    input: &'v Value,
    table: &'static [Field],
    options: &BodyOptions,
) -> Result<(&'v Map, Issues), Vec<FieldIssue>> {
    let mut issues = Issues::new(options.locale);
    let Some(map) = issues.object(input, "") else {
        return Err(issues.into_parts().0);
    };
    issues.table(map, table, "", catalog::REQUIRED);
    Ok((map, issues))
}

/// The optional object at `path`, its keys checked against `table`: `None` when absent.
pub(super) fn optional_object<'v>(
    value: &'v Value,
    path: &str,
    table: &'static [Field],
    issues: &mut Issues,
) -> Option<&'v Map> {
    if not_given(value) {
        return None;
    }
    let map = issues.object(value, path)?;
    issues.table(map, table, path, catalog::REQUIRED);
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

/// `tax_free` and `vat_amount` of `map` (at `prefix`): the parts of `amount`
/// ([`Issues::part_of_amount`]).
pub(super) fn parts_of_amount(map: &Map, prefix: &str, amount: Option<u64>, issues: &mut Issues) {
    for key in catalog::AMOUNT_PARTS {
        issues.part_of_amount(map.get(key), &join_path(prefix, key), amount);
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
                    issues.error(ErrorCode::InvalidValue, "extra.requester", Detail::Text("customer, admin"));
                }
                parsed
            }
            _ => {
                issues.error(ErrorCode::InvalidType, "extra.requester", Detail::Expected("string"));
                None
            }
        };
    }
    ("extra", requester.map(|r| Value::Object(Map::from_iter([("requester", r.as_str())]))))
}

/// An optional `yyyyMMdd` string naming a real date on or after `not_before` (when known):
/// `INVALID_TYPE`, `INVALID_DATE` ([`Issues::date`]), `DATE_IN_PAST`. `None` when not given.
pub(super) fn optional_date<'v>(
    value: &'v Value,
    path: &str,
    not_before: Option<Ymd>,
    issues: &mut Issues,
) -> Option<&'v str> {
    let date = issues.date(value, path, false)?;
    if let Some(first) = not_before {
        if date < first {
            let expected = concat(&["≥ ", &first.text()]);
            issues.error(ErrorCode::DateInPast, path, Detail::Expected(&expected));
            return None;
        }
    }
    value.as_str()
}
