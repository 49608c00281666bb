//! `application/x-www-form-urlencoded` for a checked body, with bracket keys.
//! The encoding itself is described in the module documentation of [`crate::body`].

use crate::text::{concat, push_index, push_u64};
use crate::value::{Map, Value};

/// The pairs of `json` in its key order: `a=1&b[c]=2&d[0][e]=3`.
///
/// Only ever given checked bodies, whose numbers are safe integers: they are written through
/// `i64` (a number that was not would be truncated, never written as a float).
pub(super) fn encode(json: &Map) -> String {
    let mut out = String::new();
    for (key, value) in json.iter() {
        let mut name = String::new();
        escape(&mut name, key);
        pairs(&mut out, &name, value);
    }
    out
}

/// Appends the pairs of `value` under the already encoded key `name`.
fn pairs(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter() {
                let mut nested = concat(&[name, "["]);
                escape(&mut nested, key);
                nested.push(']');
                pairs(out, &nested, v);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut nested = name.to_owned();
                push_index(&mut nested, i);
                pairs(out, &nested, v);
            }
        }
        Value::String(s) => pair(out, name, s),
        Value::Number(n) => {
            let n = *n as i64;
            let mut text = String::from(if n < 0 { "-" } else { "" });
            push_u64(&mut text, n.unsigned_abs());
            pair(out, name, &text);
        }
        Value::Bool(b) => pair(out, name, if *b { "true" } else { "false" }),
        // Absent, like `undefined` in `URLSearchParams` built from JSON.
        Value::Undefined | Value::Null | Value::Other(_) | Value::Threw => {}
    }
}

/// `prefix` followed by `segment` percent-encoded as one path segment (RFC 3986: only
/// `A-Z a-z 0-9 - . _ ~` stay).
pub(super) fn path(prefix: &str, segment: &str) -> String {
    let mut out = String::from(prefix);
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 0x0F));
        }
    }
    out
}

fn pair(out: &mut String, name: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(name);
    out.push('=');
    escape(out, value);
}

/// WHATWG's `application/x-www-form-urlencoded` byte serializer.
fn escape(out: &mut String, s: &str) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(hex_digit(b >> 4));
                out.push(hex_digit(b & 0x0F));
            }
        }
    }
}

fn hex_digit(n: u8) -> char {
    char::from(if n < 10 { b'0' + n } else { b'A' + (n - 10) })
}

#[cfg(test)]
mod tests {
    use super::encode;
    use crate::value::{Map, Value};

    #[test]
    fn escapes_values_like_url_search_params_and_keeps_brackets_literal() {
        let mut extra = Map::new();
        extra.insert("re[q]", "a b&c=d+e%f*-._~/한");
        let mut json = Map::new();
        json.insert("amount", Value::Number(10000.0));
        json.insert("extra", extra);
        json.insert("list", Value::Array(vec![Value::Bool(true), Value::Null]));
        assert_eq!(encode(&json), "amount=10000&extra[re%5Bq%5D]=a+b%26c%3Dd%2Be%25f*-._%7E%2F%ED%95%9C&list[0]=true");
    }
}
