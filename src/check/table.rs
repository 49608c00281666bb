//! The table check: the keys of an object against the call's field table in [`crate::catalog`],
//! each field without a rule of its own judged by its row's type and limit.

use super::{not_given, Strictness, MAX_SAFE};
use crate::catalog::{Field, Limit, Type, IGNORED, RULE, UNSUPPORTED};
use crate::error::{Detail, ErrorCode};
use crate::text::join_path;
use crate::validate::keys;
use crate::value::{Map, Value};

/// What is wrong with `value` as the value of `field`, judged by its documented type and limit.
pub(crate) fn type_issue(field: &Field, value: &Value) -> Option<(ErrorCode, Detail<'static>)> {
    let expected = match (field.ty, value) {
        (Type::Any, _)
        | (Type::Str | Type::StrOrArr, Value::String(_))
        | (Type::Bool, Value::Bool(_))
        | (Type::Obj, Value::Object(_))
        | (Type::Arr, Value::Array(_)) => None,
        (Type::Text, Value::String(s)) if !s.is_empty() => None,
        (Type::StrOrArr, Value::Array(items)) if items.iter().all(|v| v.as_str().is_some()) => None,
        (Type::Int, Value::Number(n)) if !n.is_finite() || n.fract() != 0.0 => {
            return Some((ErrorCode::NotInteger, Detail::None))
        }
        (Type::Int, Value::Number(n)) if *n < 0.0 || *n > MAX_SAFE as f64 => {
            return Some((ErrorCode::OutOfRange, Detail::Range(0, MAX_SAFE)))
        }
        (Type::Int, Value::Number(_)) => None,
        (ty, _) => Some(type_name(ty)),
    };
    if let Some(expected) = expected {
        return Some((ErrorCode::InvalidType, Detail::Expected(expected)));
    }
    match (field.limit, value) {
        (Limit::Chars(max), Value::String(s)) if s.chars().count() > usize::from(max) => {
            Some((ErrorCode::TooLong, Detail::MaxChars(usize::from(max))))
        }
        (Limit::Bytes(max), Value::String(s)) if s.len() > usize::from(max) => {
            Some((ErrorCode::TooLong, Detail::MaxBytes(usize::from(max))))
        }
        _ => None,
    }
}

fn type_name(ty: Type) -> &'static str {
    match ty {
        Type::Str => "string",
        Type::Text => "non-empty string",
        Type::Int => "integer",
        Type::Bool => "boolean",
        Type::Obj => "object",
        Type::Arr => "array",
        Type::StrOrArr => "string | string[]",
        Type::Date => "yyyyMMdd",
        Type::Any => "any",
    }
}

/// An issue a table check found: an error unless `warning`.
pub(crate) struct TableIssue<'a> {
    pub warning: bool,
    pub code: ErrorCode,
    pub field: String,
    pub detail: Detail<'a>,
}

/// Checks the keys of `map` (at `prefix`) against `table`: a key the table lacks is
/// `UNKNOWN_FIELD` (with a suggestion when one is close), a field Naver Pay ignores is an
/// `IGNORED_FIELD` warning, a field without a rule of its own is checked by its type and limit,
/// a field with no place in a Naver Pay request is `UNSUPPORTED_FIELD`, and a required one without
/// a rule is `REQUIRED` when not given or blank (`required` is the flag that marks it in this call).
///
/// `strictness` decides the rest: see [`Strictness`].
pub(crate) fn check_table(
    map: &Map,
    table: &'static [Field],
    prefix: &str,
    required: u8,
    strictness: Strictness,
    report: &mut dyn FnMut(TableIssue<'_>),
) {
    let browser = strictness == Strictness::Browser;
    for (key, value) in map.iter() {
        if not_given(value) {
            continue;
        }
        let (warning, code, detail) = match table.iter().find(|f| f.name == key) {
            None if browser && keys::is_secret_key(key) => continue,
            None => {
                let names: Vec<&'static str> = table.iter().map(|f| f.name).collect();
                match keys::suggestion(key, &names) {
                    Some(s) => (false, ErrorCode::UnknownField, Detail::Suggestion(s)),
                    None => (browser, ErrorCode::UnknownField, Detail::None),
                }
            }
            Some(field) if field.has(UNSUPPORTED) => (false, ErrorCode::UnsupportedField, Detail::None),
            Some(field) => {
                if field.has(IGNORED) {
                    let field = join_path(prefix, key);
                    report(TableIssue { warning: true, code: ErrorCode::IgnoredField, field, detail: Detail::None });
                }
                if field.has(RULE) {
                    continue;
                }
                if field.has(required) && value.as_str().is_some_and(|s| strictness.blank(s)) {
                    (false, ErrorCode::Required, Detail::None)
                } else {
                    let Some((code, detail)) = type_issue(field, value) else { continue };
                    (false, code, detail)
                }
            }
        };
        report(TableIssue { warning, code, field: join_path(prefix, key), detail });
    }
    for field in table.iter().filter(|f| f.has(required) && !f.has(RULE)) {
        if not_given(map.get(field.name)) {
            let field = join_path(prefix, field.name);
            report(TableIssue { warning: false, code: ErrorCode::Required, field, detail: Detail::None });
        }
    }
}
