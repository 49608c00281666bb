//! What crosses the JavaScript boundary: one string each way instead of a call per property.
//!
//! Inbound, `js/bridge.js` writes a JavaScript value as compact text (its header gives the format)
//! and [`read`] turns it into a [`Value`]. Outbound, [`Json`] writes the answer as JSON for
//! `JSON.parse`, without `core::fmt` (no float formatting in the wasm).

use crate::error::FieldIssue;
use crate::text;
use crate::value::{Map, Value};

/// js/bridge.js stops at 16 levels; text nested deeper than this is not its.
const MAX_DEPTH: usize = 17;

/// The value `text` describes; `None` when `text` is not what js/bridge.js writes.
pub(crate) fn read(text: &str) -> Option<Value> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    (reader.pos == text.len()).then_some(value)
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.next()? {
            b's' => Value::String(self.string()?.to_owned()),
            b'i' => {
                let negative = self.peek()? == b'-';
                self.pos += usize::from(negative);
                let n = self.digits(10, b';')? as f64;
                Value::Number(if negative { -n } else { n })
            }
            b'x' => {
                let high = self.digits(16, b'.')?;
                let low = self.digits(16, b';')?;
                Value::Number(f64::from_bits(high << 32 | low))
            }
            b't' => Value::Bool(true),
            b'f' => Value::Bool(false),
            b'n' => Value::Null,
            b'u' => Value::Undefined,
            b'b' => Value::Other("bigint"),
            b'y' => Value::Other("symbol"),
            b'F' => Value::Other("function"),
            b'E' => Value::Other("error"),
            b'o' => Value::Other("object"),
            b'[' => {
                let mut items = Vec::new();
                while self.peek()? != b']' {
                    items.push(self.value(depth + 1)?);
                }
                self.pos += 1;
                Value::Array(items)
            }
            b'{' => {
                let mut entries = Vec::new();
                while self.peek()? != b'}' {
                    if self.next()? != b's' {
                        return None;
                    }
                    let key = self.string()?.to_owned();
                    entries.push((key, self.value(depth + 1)?));
                }
                self.pos += 1;
                // js/bridge.js lists an object's keys with `Object.keys`: each once.
                Value::Object(Map::from_distinct_entries(entries))
            }
            _ => return None,
        })
    }

    /// A number in `radix` up to `end` (at most 32 bits: int32 magnitudes and halves of an f64).
    fn digits(&mut self, radix: u32, end: u8) -> Option<u64> {
        let mut n: u64 = 0;
        loop {
            let b = self.next()?;
            if b == end {
                return (n <= u64::from(u32::MAX)).then_some(n);
            }
            let digit = char::from(b).to_digit(radix)?;
            n = n.checked_mul(u64::from(radix))?.checked_add(u64::from(digit))?;
        }
    }

    /// `<n>:` and then a string of n UTF-16 code units (a lone surrogate arrives as U+FFFD, also one).
    fn string(&mut self) -> Option<&'a str> {
        let units = self.digits(10, b':')?;
        let rest = self.text.get(self.pos..)?;
        // By UTF-8 lead byte: four bytes make two UTF-16 units, any other character one.
        let (mut counted, mut len) = (0, 0);
        while counted < units {
            let lead = *rest.as_bytes().get(len)?;
            let (bytes, n) = match lead {
                0..=0x7f => (1, 1),
                0xc0..=0xdf => (2, 1),
                0xe0..=0xef => (3, 1),
                _ => (4, 2),
            };
            counted += n;
            len += bytes;
        }
        let s = rest.get(..len).filter(|_| counted == units)?;
        self.pos += len;
        Some(s)
    }
}

/// JSON text for `JSON.parse`.
pub(crate) struct Json {
    /// The text so far.
    pub text: String,
    /// Writes a number that is not a safe integer (in the browser, JavaScript's own `String(n)`).
    number_text: fn(f64) -> String,
}

/// Integers below this in magnitude are written digit by digit.
const SAFE: f64 = 9_007_199_254_740_992.0;

impl Json {
    pub(crate) fn new(number_text: fn(f64) -> String) -> Json {
        Json { text: String::with_capacity(256), number_text }
    }

    /// Appends `s` as it is: punctuation and keys that need no escaping.
    pub(crate) fn raw(&mut self, s: &str) -> &mut Json {
        self.text.push_str(s);
        self
    }

    pub(crate) fn bool(&mut self, b: bool) -> &mut Json {
        self.raw(if b { "true" } else { "false" })
    }

    pub(crate) fn string(&mut self, s: &str) -> &mut Json {
        self.text.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            self.text.push_str(s.get(start..i).unwrap_or(""));
            start = i + 1;
            match b {
                b'"' => self.text.push_str("\\\""),
                b'\\' => self.text.push_str("\\\\"),
                _ => {
                    self.text.push_str("\\u00");
                    self.text.extend(char::from_digit(u32::from(b >> 4), 16));
                    self.text.extend(char::from_digit(u32::from(b & 15), 16));
                }
            }
        }
        self.text.push_str(s.get(start..).unwrap_or(""));
        self.text.push('"');
        self
    }

    pub(crate) fn opt_string(&mut self, s: Option<&str>) -> &mut Json {
        match s {
            Some(s) => self.string(s),
            None => self.raw("null"),
        }
    }

    pub(crate) fn number(&mut self, n: f64) -> &mut Json {
        if n.fract() == 0.0 && n.abs() < SAFE && !(n == 0.0 && n.is_sign_negative()) {
            if n < 0.0 {
                self.text.push('-');
            }
            text::push_u64(&mut self.text, n.abs() as u64);
        } else {
            let s = (self.number_text)(n);
            self.text.push_str(&s);
        }
        self
    }

    /// `undefined` and what JSON cannot hold are `null` in an array and left out of an object.
    pub(crate) fn value(&mut self, v: &Value) -> &mut Json {
        match v {
            Value::Undefined | Value::Other(_) | Value::Null => self.raw("null"),
            Value::Bool(b) => self.bool(*b),
            Value::Number(n) => self.number(*n),
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                self.text.push('[');
                for (i, item) in items.iter().enumerate() {
                    self.comma(i).value(item);
                }
                self.raw("]")
            }
            Value::Object(map) => self.object(map),
        }
    }

    pub(crate) fn object(&mut self, map: &Map) -> &mut Json {
        self.text.push('{');
        let present = map.iter().filter(|(_, v)| !matches!(v, Value::Undefined | Value::Other(_)));
        for (i, (key, value)) in present.enumerate() {
            self.comma(i).string(key).raw(":").value(value);
        }
        self.raw("}")
    }

    /// `[{ code, field, message }, …]`.
    pub(crate) fn issues(&mut self, issues: &[FieldIssue]) -> &mut Json {
        self.text.push('[');
        for (i, issue) in issues.iter().enumerate() {
            self.comma(i).raw("{\"code\":").string(issue.code.as_str());
            self.raw(",\"field\":").string(&issue.field).raw(",\"message\":").string(&issue.message).raw("}");
        }
        self.raw("]")
    }

    /// The entry list js/bridge.js makes `request` from: an entry that is `input`'s own, at the same
    /// position and unchanged, is that position; any other is a `[key, value]` pair (`[key]` for
    /// what JSON cannot hold, which IMP gets as `undefined`).
    pub(crate) fn request(&mut self, request: &Map, input: &Value) -> &mut Json {
        let mut own = input.as_object().map(Map::iter);
        self.text.push('[');
        let mut written = 0;
        for (i, (key, value)) in request.iter().enumerate() {
            let theirs = own.as_mut().and_then(Iterator::next);
            if value.is_absent() {
                continue;
            }
            self.comma(written);
            written += 1;
            if let Value::Other(_) = value {
                // A function, symbol or bigint is not passed on: a one-element pair reads as `undefined`.
                self.raw("[").string(key).raw("]");
            } else if theirs.is_some_and(|(k, v)| k == key && same(v, value)) {
                text::push_u64(&mut self.text, i as u64);
            } else {
                self.raw("[").string(key).raw(",").value(value).raw("]");
            }
        }
        self.raw("]")
    }

    fn comma(&mut self, i: usize) -> &mut Json {
        if i > 0 {
            self.text.push(',');
        }
        self
    }
}

/// Equal, with numbers compared bit for bit (`NaN` is the same `NaN`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.to_bits() == y.to_bits(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::{read, Json};
    use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
    use crate::value::{Map, Value};

    fn number_text(n: f64) -> String {
        if n.is_finite() { format!("{n}") } else { "null".into() }
    }

    #[test]
    fn reads_every_kind_of_value() {
        // As js/bridge.js writes { a: '한국😀', b: 1.5, c: -0, d: [1, null, undefined, f, 10n], e: { get x() { throw } }, f: -7 }.
        let text = "{s1:as4:한국😀s1:bx3ff80000.0;s1:cx80000000.0;s1:d[i1;nuFb]s1:e{s1:xE}s1:fi-7;}";
        let v = read(text).expect("well-formed");
        let m = v.as_object().expect("an object");
        assert_eq!(m.get("a"), &Value::from("한국😀"));
        assert_eq!(m.get("b"), &Value::Number(1.5));
        assert!(m.get("c").as_f64().is_some_and(|c| c == 0.0 && c.is_sign_negative()));
        assert_eq!(
            m.get("d"),
            &Value::Array(vec![Value::Number(1.0), Value::Null, Value::Undefined, Value::Other("function"), Value::Other("bigint")])
        );
        assert_eq!(m.get("e").as_object().map(|e| e.get("x")), Some(&Value::Other("error")));
        assert_eq!(m.get("f"), &Value::Number(-7.0));
        assert_eq!(read("so"), None);
        assert_eq!(read("x7ff80000.0;").and_then(|v| v.as_f64()).map(f64::is_nan), Some(true));
    }

    #[test]
    fn refuses_what_the_bridge_never_writes() {
        for bad in ["", "s5:abc", "s2:abc", "i12", "i1;;", "x1.2", "[i1;", "{i1;i2;}", "{s1:a", "q", "x123456789.0;", "i99999999999;"] {
            assert_eq!(read(bad), None, "{bad:?}");
        }
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(read(&deep), None);
        // A surrogate pair is two UTF-16 units and one char.
        assert_eq!(read("s2:😀"), Some(Value::from("😀")));
        assert_eq!(read("s1:😀"), None);
    }

    #[test]
    fn writes_json_that_round_trips() {
        let mut inner: Map = [("q", "a\"b\\c\n\u{1}"), ("k", "한")].into_iter().collect();
        inner.insert("skip", Value::Undefined);
        inner.insert("n", Value::Number(-12.0));
        inner.insert("f", Value::Number(0.25));
        inner.insert("big", Value::Number(1e20));
        inner.insert("list", Value::Array(vec![Value::Undefined, Value::Bool(true), Value::Null]));
        let mut json = Json::new(number_text);
        json.object(&inner);
        assert_eq!(
            json.text,
            r#"{"q":"a\"b\\c\u000a\u0001","k":"한","n":-12,"f":0.25,"big":100000000000000000000,"list":[null,true,null]}"#
        );
    }

    #[test]
    fn writes_issues_and_optional_strings() {
        let issues = [FieldIssue::new(ErrorCode::Required, "naverProducts[0].name", Locale::En, Detail::None)];
        let mut json = Json::new(number_text);
        json.raw("[").issues(&issues).raw(",").opt_string(None).raw(",").opt_string(Some("x")).raw("]");
        assert_eq!(
            json.text,
            r#"[[{"code":"REQUIRED","field":"naverProducts[0].name","message":"naverProducts[0].name: is required"}],null,"x"]"#
        );
    }

    #[test]
    fn a_request_points_at_the_callers_own_entries() {
        let input = read("{s2:pgs8:naverpays6:amounti1000;s1:xx7ff80000.0;s1:us4:keeps1:fF}").expect("well-formed");
        let mut request = input.as_object().cloned().expect("an object");
        request.insert("pg", "naverpay");
        request.insert("u", Value::Undefined);
        request.insert("naverPopupMode", true);
        let mut json = Json::new(number_text);
        json.request(&request, &input);
        assert_eq!(json.text, r#"[0,1,2,["f"],["naverPopupMode",true]]"#);
        request.insert("amount", 2000.0);
        let mut json = Json::new(number_text);
        json.request(&request, &input);
        assert_eq!(json.text, r#"[0,["amount",2000],2,["f"],["naverPopupMode",true]]"#);
    }
}
