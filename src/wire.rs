//! What crosses the JavaScript boundary: one string each way instead of a call per property.
//!
//! Inbound, `js/bridge.js` writes a JavaScript value as compact text (its header gives the format)
//! and [`read`] turns it into a [`Value`]. Outbound, [`Json`] writes the answer as JSON for
//! `JSON.parse`, without `core::fmt` (no float formatting in the wasm).

use crate::error::FieldIssue;
use crate::text;
use crate::value::{Map, Value};

/// One limit js/bridge.js applies to a call before the wasm reads anything.
#[cfg(test)]
pub(crate) struct Limit {
    /// The letter js/bridge.js writes after `L` when a value goes past it.
    pub kind: u8,
    /// The limit.
    pub value: u32,
    /// What the figure counts, as LIMIT_EXCEEDED's message says it (the same in both languages).
    pub unit: &'static str,
}

/// The limits of one call, in the order of js/bridge.js's `LIMITS`. src/generate.rs writes from
/// this table that `LIMITS` (with the names and documentation it gives them there) and
/// [`LIMIT_TEXTS`] below: the figures are typed here only.
#[cfg(test)]
pub(crate) const LIMITS: &[Limit] = &[
    Limit { kind: b'd', value: 16, unit: "levels" },
    Limit { kind: b'a', value: 1000, unit: "items" },
    Limit { kind: b'k', value: 1000, unit: "keys" },
    Limit { kind: b's', value: 100_000, unit: "characters" },
    Limit { kind: b'v', value: 50_000, unit: "values" },
    Limit { kind: b'v', value: 2_000_000, unit: "characters" },
];

// @generated limit-texts begin
/// LIMIT_EXCEEDED's figures for each kind of limit, the same in both languages.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const LIMIT_TEXTS: &[(u8, &str)] = &[
    (b'd', "≤ 16 levels"),
    (b'a', "≤ 1000 items"),
    (b'k', "≤ 1000 keys"),
    (b's', "≤ 100000 characters"),
    (b'v', "≤ 50000 values, ≤ 2000000 characters"),
];
// @generated limit-texts end

/// The limits of `kind` in figures (`≤ 1000 items`), as LIMIT_EXCEEDED's message gives them; an
/// unknown kind (js/bridge.js's `v`, anything past every limit) reads as the limits of the whole call.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn limit_text(kind: u8) -> &'static str {
    let text = |k: u8| LIMIT_TEXTS.iter().find(|(each, _)| *each == k).map(|(_, text)| *text);
    text(kind).or_else(|| text(b'v')).unwrap_or("")
}

/// js/bridge.js stops at `LIMITS.depth` levels; text nested deeper than this is not its.
const MAX_DEPTH: usize = 17;

/// The value `text` describes; `None` when `text` is not what js/bridge.js writes.
pub(crate) fn read(text: &str) -> Option<Value> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    (reader.pos == text.len()).then_some(value)
}

/// The two values `text` describes one after the other; the second is `undefined` when the text
/// holds one.
pub(crate) fn read_pair(text: &str) -> Option<(Value, Value)> {
    let mut reader = Reader { text, pos: 0 };
    let first = reader.value(0)?;
    let second = if reader.pos == text.len() { Value::Undefined } else { reader.value(0)? };
    (reader.pos == text.len()).then_some((first, second))
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
            b'E' => Value::Threw,
            b'[' => {
                let mut items = Vec::with_capacity(4);
                while self.peek()? != b']' {
                    items.push(self.value(depth + 1)?);
                }
                self.pos += 1;
                Value::Array(items)
            }
            b'{' => {
                let mut entries = Vec::with_capacity(16);
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

    /// A number in `radix` (10 or 16) up to `end` (at most 32 bits: int32 magnitudes and halves of
    /// an f64). Byte by byte in plain arithmetic: `char::to_digit` and a checked `u64` product are
    /// calls in the wasm, made for every digit of every string's length.
    fn digits(&mut self, radix: u64, end: u8) -> Option<u64> {
        let mut n: u64 = 0;
        loop {
            let b = self.next()?;
            if b == end {
                return Some(n);
            }
            let digit = text::hex_digit(b).filter(|d| u64::from(*d) < radix)?;
            // Below 2^32 before each step, so the product cannot overflow.
            n = n * radix + u64::from(digit);
            if n > u64::from(u32::MAX) {
                return None;
            }
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
            Value::Undefined | Value::Other(_) | Value::Threw | Value::Null => self.raw("null"),
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
        let present = map.iter().filter(|(_, v)| !matches!(v, Value::Undefined | Value::Other(_) | Value::Threw));
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

    /// The entry list js/bridge.js makes a request from: `input`'s own entries by position, in
    /// order, and `additions` as `[key, value]` pairs, in place or at the end as `Map::insert` puts
    /// them. `undefined` entries are left out; what JSON cannot hold is `[key]`, which IMP gets
    /// as `undefined`.
    pub(crate) fn request(&mut self, input: &Map, additions: &[(&str, Value)]) -> &mut Json {
        self.text.push('[');
        let mut written = 0;
        for (i, (key, value)) in input.iter().enumerate() {
            let added = additions.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
            if added.is_none() && value.is_absent() {
                continue;
            }
            self.comma(written);
            written += 1;
            match (added, value) {
                (Some(added), _) => drop(self.entry(key, Some(added))),
                (None, Value::Other(_) | Value::Threw) => drop(self.entry(key, None)),
                _ => text::push_u64(&mut self.text, i as u64),
            }
        }
        for (key, value) in additions.iter().filter(|(k, _)| !input.keys().any(|own| own == *k)) {
            self.comma(written).entry(key, Some(value));
            written += 1;
        }
        self.raw("]")
    }

    /// `[key, value]`, or `[key]` for `undefined`.
    fn entry(&mut self, key: &str, value: Option<&Value>) -> &mut Json {
        self.raw("[").string(key);
        if let Some(value) = value {
            self.raw(",").value(value);
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

#[cfg(test)]
mod tests {
    use super::{limit_text, read, read_pair, Json, LIMITS, MAX_DEPTH};
    use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
    use crate::value::{Map, Value};

    fn number_text(n: f64) -> String {
        if n.is_finite() {
            format!("{n}")
        } else {
            "null".into()
        }
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
            &Value::Array(vec![
                Value::Number(1.0),
                Value::Null,
                Value::Undefined,
                Value::Other("function"),
                Value::Other("bigint")
            ])
        );
        assert_eq!(m.get("e").as_object().map(|e| e.get("x")), Some(&Value::Threw));
        assert_eq!(m.get("f"), &Value::Number(-7.0));
        assert_eq!(read("so"), None);
        assert_eq!(read_pair("i1;"), Some((Value::Number(1.0), Value::Undefined)));
        assert_eq!(
            read_pair("i1;{s4:modes5:popup}").map(|(_, o)| o.as_object().map(|m| m.get("mode").clone())),
            Some(Some(Value::from("popup")))
        );
        assert_eq!(read_pair("i1;i2;i3;"), None);
        assert_eq!(read("x7ff80000.0;").and_then(|v| v.as_f64()).map(f64::is_nan), Some(true));
    }

    #[test]
    fn limit_texts_give_the_figures_of_the_table() {
        assert_eq!(limit_text(b'd'), "≤ 16 levels");
        assert_eq!(limit_text(b'd'), crate::error::DEPTH_LIMIT);
        assert_eq!(limit_text(b'a'), "≤ 1000 items");
        assert_eq!(limit_text(b'k'), "≤ 1000 keys");
        assert_eq!(limit_text(b's'), "≤ 100000 characters");
        assert_eq!(limit_text(b'v'), "≤ 50000 values, ≤ 2000000 characters");
        assert_eq!(limit_text(b'?'), limit_text(b'v'));
        let depth = LIMITS.iter().find(|l| l.kind == b'd').map(|l| l.value as usize);
        assert_eq!(depth.map(|d| d + 1), Some(MAX_DEPTH));
    }

    #[test]
    fn refuses_what_the_bridge_never_writes() {
        for bad in [
            "",
            "s5:abc",
            "s2:abc",
            "i12",
            "i1;;",
            "x1.2",
            "[i1;",
            "{i1;i2;}",
            "{s1:a",
            "q",
            "x123456789.0;",
            "i99999999999;",
        ] {
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

    /// The cases of tests/fixtures/wire-contract.tsv, which tests/wire-contract.test.mjs runs through
    /// js/bridge.js and the built module: the text the bridge writes reads as a value, the request's
    /// additions are what validation adds to it, and the entry list is what the bridge resolves.
    #[test]
    fn the_positional_contract_holds_for_the_shared_cases() {
        use crate::validate::{check, validate_naver_pay, Kind, ModeOption, ValidateOptions};
        let fixture = include_str!("../tests/fixtures/wire-contract.tsv");
        let mut cases = 0;
        for line in fixture.lines().filter(|l| !l.starts_with('#')) {
            let [name, _params, text, additions, request, _result, mode] =
                <[&str; 7]>::try_from(line.split('\t').collect::<Vec<_>>()).expect("seven columns");
            let input = read(text).unwrap_or_else(|| panic!("{name}: the bridge's text does not read"));
            let input = input.as_object().expect("an object");
            let additions = read(additions).unwrap_or_else(|| panic!("{name}: the additions do not read"));
            let additions: Vec<(&str, Value)> =
                additions.as_object().expect("an object").iter().map(|(k, v)| (k, v.clone())).collect();
            let mut json = Json::new(number_text);
            json.request(input, &additions);
            assert_eq!(json.text, request, "{name}");
            if mode == "-" {
                continue;
            }
            // The additions are validation's, and the native request is the same object.
            let options = ValidateOptions {
                mode: if mode == "popup" { ModeOption::Popup } else { ModeOption::Redirect },
                ..ValidateOptions::at(1_735_700_000_000.0)
            };
            let params = Value::Object(input.clone());
            let (report, added) = check(&params, &options, Kind::Payment);
            assert_eq!(report.errors, vec![], "{name}");
            let added = added.expect("valid").to_vec();
            assert_eq!(added, additions, "{name}");
            let mut expected = input.clone();
            for (key, value) in additions {
                expected.insert(key, value);
            }
            let native = validate_naver_pay(&params, &options);
            assert_eq!(native.request.as_ref().map(|r| r.as_map()), Some(&expected), "{name}");
            cases += 1;
        }
        assert_eq!(cases, 2, "the fixture's valid payments");
    }

    #[test]
    fn a_request_points_at_the_callers_own_entries() {
        let input =
            read("{s2:pgs8:naverpays6:amounti1000;s1:xx7ff80000.0;s1:uus1:ks4:keeps1:fF}").expect("well-formed");
        let input = input.as_object().expect("an object");
        let mut json = Json::new(number_text);
        json.request(input, &[("pg", Value::from("naverpay")), ("naverPopupMode", Value::Bool(true))]);
        assert_eq!(json.text, r#"[["pg","naverpay"],1,2,4,["f"],["naverPopupMode",true]]"#);
        let mut json = Json::new(number_text);
        json.request(input, &[("u", Value::from("set")), ("amount", Value::Number(2000.0))]);
        assert_eq!(json.text, r#"[0,["amount",2000],2,["u","set"],4,["f"]]"#);
    }
}
