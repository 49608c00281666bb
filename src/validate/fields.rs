//! Formats of single string fields (pure predicates, no messages), and the check every body and
//! every `request_pay` call makes against its field table in [`crate::catalog`].

use super::keys;
use crate::catalog::{Field, Limit, Type, IGNORED, RULE, UNSUPPORTED};
use crate::error::{Detail, ErrorCode};
use crate::text::join_path;
use crate::value::{Map, Value};

/// `Number.MAX_SAFE_INTEGER`.
pub(crate) const MAX_SAFE: u64 = 9_007_199_254_740_991;

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
/// `IGNORED_FIELD` warning, a field without a rule of its own is checked by its type and length,
/// a field with no place in a Naver Pay request is `UNSUPPORTED_FIELD`, and a required one without
/// a rule is `REQUIRED` when missing (`required` is the flag that marks it in this call).
/// `undefined` and `null` are absent: `null` is how a form or a setting left empty arrives.
///
/// In the `browser` (`request_pay`), an unknown key without a suggestion is a warning (IMP
/// receives it as given) and credential-like keys are left to the secret check. On a server every
/// unknown key is an error: a body is rebuilt from its table, so an unknown key would otherwise be
/// dropped silently.
pub(crate) fn check_table(
    map: &Map,
    table: &'static [Field],
    prefix: &str,
    required: u8,
    browser: bool,
    report: &mut dyn FnMut(TableIssue<'_>),
) {
    let absent = |v: &Value| matches!(v, Value::Undefined | Value::Null);
    for (key, value) in map.iter() {
        if absent(value) {
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
                if field.has(required) && value.as_str() == Some("") {
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
        if absent(map.get(field.name)) {
            let field = join_path(prefix, field.name);
            report(TableIssue { warning: false, code: ErrorCode::Required, field, detail: Detail::None });
        }
    }
}

/// `naverpay`, or `naverpay.<MID>` with a non-empty MID.
pub(crate) fn is_naverpay_pg(pg: &str) -> bool {
    pg == "naverpay"
        || pg
            .strip_prefix("naverpay.")
            .is_some_and(|mid| !mid.is_empty() && !mid.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// An address with exactly one `@`, something before it, and a dot inside the domain.
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

/// Digits with optional `-` and one leading `+`, 8 to 20 characters, starting and ending with a digit.
pub(crate) fn is_tel(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    (8..=20).contains(&s.len())
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && body.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && body.bytes().last().is_some_and(|b| b.is_ascii_digit())
}

/// A `sellerId`: ASCII letters and digits, 1 to 30 of them.
pub(crate) fn is_seller_id(s: &str) -> bool {
    (1..=30).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert!(is_naverpay_pg("naverpay") && is_naverpay_pg("naverpay.np_12345"));
        assert!(!is_naverpay_pg("naverpay.") && !is_naverpay_pg("naverco") && !is_naverpay_pg("kakaopay.x"));
        assert!(is_email("iamport@siot.do") && is_email("a.b+c@mail.example.co.kr"));
        for bad in ["iamport", "a@b", "a@@b.c", "@b.c", "a@b.", "a@.b", "a b@c.d", "a@b@c.d"] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_tel("010-1234-5678") && is_tel("01012345678") && is_tel("+82-10-1234-5678"));
        for bad in [
            "010-123",
            "--------",
            "+--12345678",
            "010 1234 5678",
            "010-1234-5678-0000-000",
            "1234567-",
            "++821012345678",
        ] {
            assert!(!is_tel(bad), "{bad}");
        }
        assert!(is_seller_id("seller01") && !is_seller_id("seller_01") && !is_seller_id(""));
    }
}
