//! `parse_redirect_result` and `PaymentResult::from_response`: the query `m_redirect_url` receives
//! and the popup callback's response, read as the contract's "Redirect-return parsing" says.

use naverpay_checkout::derive_success;
use naverpay_checkout::{parse_redirect_result, Map, PayMode, PaymentResult, Value};

/// Decoded `(key, value)` pairs, in order.
type Pairs = &'static [(&'static str, &'static str)];

/// The entries of a popup callback's response.
type Entries = Vec<(&'static str, Value)>;

/// The decoded value of `key` in `query`, `None` when the key is absent.
fn decoded(query: &str, key: &str) -> Option<String> {
    parse_redirect_result(query).raw.get(key).as_str().map(str::to_owned)
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn each_side_is_decoded_once() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // (what, query, key, expected value)
        ("plus is a space", "error_msg=a+b", "error_msg", "a b"),
        ("%20 is a space", "error_msg=a%20b", "error_msg", "a b"),
        ("%2B is a plus", "error_msg=a%2Bb", "error_msg", "a+b"),
        ("lower-case hex digits", "error_msg=%2b%2f", "error_msg", "+/"),
        ("decoded once, not twice", "error_msg=%2541", "error_msg", "%41"),
        ("plain text untouched", "merchant_uid=order_0001", "merchant_uid", "order_0001"),
        ("keys are decoded too", "error%5Fmsg=x", "error_msg", "x"),
        ("a plus in a key is a space", "a+b=1", "a b", "1"),
        ("an encoded & does not split", "error_msg=a%26b", "error_msg", "a&b"),
        ("an encoded = does not split", "error_msg=a%3Db", "error_msg", "a=b"),
        ("encoded & and = together", "error_msg=x%3D1%26y%3D2&imp_uid=imp_1", "error_msg", "x=1&y=2"),
        ("split on the first = only", "error_msg=a=b=c", "error_msg", "a=b=c"),
        ("an encoded # is kept", "error_msg=%23123", "error_msg", "#123"),
        ("a piece without = has an empty value", "imp_uid", "imp_uid", ""),
        ("an empty value", "error_msg=", "error_msg", ""),
        ("an empty key", "=x", "", "x"),
        ("a NUL byte", "error_msg=%00", "error_msg", "\u{0}"),
        ("literal UTF-8 text passes through", "error_msg=결제 실패", "error_msg", "결제 실패"),
    ];
    for (what, query, key, expected) in cases {
        assert_eq!(decoded(query, key).as_deref(), Some(*expected), "{what}: {query}");
    }
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn a_malformed_percent_sequence_stays_as_written() {
    let cases: &[(&str, &str, &str)] = &[
        ("percent at the end", "error_msg=100%", "100%"),
        ("non-hex digits", "error_msg=%zz", "%zz"),
        ("one hex digit at the end", "error_msg=%E", "%E"),
        ("one hex digit then text", "error_msg=%4x", "%4x"),
        ("lone percent", "error_msg=%", "%"),
        ("double percent", "error_msg=%%41", "%A"),
        ("malformed next to valid", "error_msg=50%25+off%", "50% off%"),
        ("malformed next to UTF-8", "error_msg=%ED%95%9C%zz", "한%zz"),
    ];
    for (what, query, expected) in cases {
        assert_eq!(decoded(query, "error_msg").as_deref(), Some(*expected), "{what}: {query}");
    }
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn korean_text_is_decoded_from_utf8_and_from_euc_kr() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "UTF-8",
            "error_msg=%EC%82%AC%EC%9A%A9%EC%9E%90%EA%B0%80%20%EA%B2%B0%EC%A0%9C%EB%A5%BC%20%EC%B7%A8%EC%86%8C%ED%95%98%EC%98%80%EC%8A%B5%EB%8B%88%EB%8B%A4",
            "사용자가 결제를 취소하였습니다",
        ),
        (
            "EUC-KR",
            "error_msg=%C0%DC%BE%D7%C0%CC%20%BA%CE%C1%B7%C7%D5%B4%CF%B4%D9",
            "잔액이 부족합니다",
        ),
        (
            "EUC-KR with + for spaces",
            "error_msg=%B0%E1%C1%A6%B0%A1+%C3%EB%BC%D2%B5%C7%BE%FA%BD%C0%B4%CF%B4%D9",
            "결제가 취소되었습니다",
        ),
        ("EUC-KR extension (CP949) as browsers read euc-kr", "error_msg=%8Cc%B9%E6%B0%A2%C7%CF", "똠방각하"),
        ("EUC-KR with a malformed percent", "error_msg=%C0%DC%BE%D7+100%", "잔액 100%"),
        ("bytes valid as both are read as UTF-8 first", "error_msg=%C8%AB", "\u{22B}"),
    ];
    for (what, query, expected) in cases {
        assert_eq!(decoded(query, "error_msg").as_deref(), Some(*expected), "{what}: {query}");
    }
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn bytes_neither_utf8_nor_euc_kr_stay_as_written() {
    let cases: &[(&str, &str)] = &[
        ("error_msg=%FF", "%FF"),
        ("error_msg=%FF%FE+x", "%FF%FE+x"),
        ("error_msg=%80", "%80"),
        ("error_msg=%C0", "%C0"),
        ("error_msg=ok%C0%DC%FF", "ok%C0%DC%FF"),
    ];
    for (query, expected) in cases {
        assert_eq!(decoded(query, "error_msg").as_deref(), Some(*expected), "{query}");
    }
}

#[test]
fn decoding_never_introduces_replacement_characters() {
    let result = parse_redirect_result("a=%FF&b=%C0%DC%BE&c=%ED%A0%80&d=%EF%BF");
    for (key, value) in result.raw.iter() {
        let text = value.as_str().unwrap_or_default();
        assert!(!text.contains('\u{FFFD}'), "{key} = {text:?}");
    }
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn the_first_occurrence_of_a_key_wins() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("imp_uid=imp_1&imp_uid=imp_2", "imp_uid", Some("imp_1")),
        ("imp_success=false&imp_success=true", "imp_success", Some("false")),
        ("error_msg=&error_msg=later", "error_msg", Some("")),
        ("imp%5Fuid=first&imp_uid=second", "imp_uid", Some("first")),
    ];
    for (query, key, expected) in cases {
        assert_eq!(decoded(query, key).as_deref(), *expected, "{query}");
    }
    assert!(!parse_redirect_result("imp_success=false&imp_success=true").success);
}

#[test]
fn raw_keeps_every_key_once_in_order_as_strings() {
    let result = parse_redirect_result("?imp_uid=imp_1&custom=x&merchant_uid=o_1&imp_uid=imp_2&flag&imp_success=true");
    let keys: Vec<&str> = result.raw.keys().collect();
    assert_eq!(keys, ["imp_uid", "custom", "merchant_uid", "flag", "imp_success"]);
    assert_eq!(result.raw.get("custom"), &Value::from("x"));
    assert_eq!(result.raw.get("flag"), &Value::from(""));
    assert_eq!(result.raw.get("imp_success"), &Value::from("true"), "flags stay strings in raw");
}

#[test]
fn empty_pieces_are_skipped() {
    let result = parse_redirect_result("&&imp_uid=imp_1&&&merchant_uid=o_1&");
    let keys: Vec<&str> = result.raw.keys().collect();
    assert_eq!(keys, ["imp_uid", "merchant_uid"]);
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn the_query_is_found_in_a_url_or_taken_as_given() {
    let cases: &[(&str, &str, Pairs)] = &[
        ("whole URL with path", "https://shop.example/pay/complete?imp_uid=imp_1&merchant_uid=o_1", &[("imp_uid", "imp_1"), ("merchant_uid", "o_1")]),
        ("URL with port and nested path", "http://localhost:8080/a/b/c.html?imp_uid=imp_1", &[("imp_uid", "imp_1")]),
        ("query with ?", "?imp_uid=imp_1", &[("imp_uid", "imp_1")]),
        ("query without ?", "imp_uid=imp_1", &[("imp_uid", "imp_1")]),
        ("path and query", "/pay/complete?imp_uid=imp_1", &[("imp_uid", "imp_1")]),
        ("only the first ? starts the query", "https://s.example/?a=1?b=2", &[("a", "1?b=2")]),
        ("URL without a query", "https://shop.example/pay/complete", &[]),
        ("URL without a query, other scheme", "app+x.y-z://open/pay", &[]),
        ("bare query with a URL in a value", "imp_uid=imp_1&next=https://s.example/", &[("imp_uid", "imp_1"), ("next", "https://s.example/")]),
        ("fragment after the query", "https://s.example/?imp_uid=imp_1#error_msg=x", &[("imp_uid", "imp_1")]),
        ("fragment after a bare query", "imp_uid=imp_1#error_msg=x", &[("imp_uid", "imp_1")]),
        ("a literal # starts the fragment", "?error_msg=50%#off&imp_uid=imp_1", &[("error_msg", "50%")]),
        ("a ? inside the fragment is not a query", "https://s.example/#/done?imp_uid=imp_1", &[]),
        ("only a fragment", "#imp_uid=imp_1", &[]),
        ("empty string", "", &[]),
        ("only ?", "?", &[]),
    ];
    for (what, input, expected) in cases {
        let raw = parse_redirect_result(input).raw;
        let got: Vec<(&str, &str)> = raw.iter().map(|(k, v)| (k, v.as_str().unwrap_or("<not a string>"))).collect();
        assert_eq!(got, *expected, "{what}: {input}");
    }
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn success_follows_the_flags_then_imp_uid_and_errors() {
    let cases: &[(&str, &str, bool)] = &[
        ("imp_success=true", "imp_success=true&imp_uid=imp_1", true),
        ("imp_success=false as a string", "imp_success=false&imp_uid=imp_1", false),
        ("imp_success only true exactly", "imp_success=TRUE&imp_uid=imp_1", false),
        ("imp_success=1 is not true", "imp_success=1&imp_uid=imp_1", false),
        ("imp_success empty", "imp_success=&imp_uid=imp_1", false),
        ("imp_success=true wins over an error_msg", "imp_success=true&error_msg=x", true),
        ("imp_success=false wins over a legacy success=true", "imp_success=false&success=true", false),
        ("legacy success=true", "success=true&imp_uid=imp_1", true),
        ("legacy success=true alone", "success=true", true),
        ("legacy success=false", "success=false&imp_uid=imp_1", false),
        ("imp_uid only", "imp_uid=imp_1", true),
        ("imp_uid with merchant_uid", "imp_uid=imp_1&merchant_uid=o_1", true),
        ("imp_uid with empty error fields", "imp_uid=imp_1&error_code=&error_msg=", true),
        ("imp_uid with error_msg", "imp_uid=imp_1&error_msg=%EC%B7%A8%EC%86%8C", false),
        ("imp_uid with error_code", "imp_uid=imp_1&error_code=F400", false),
        ("empty imp_uid", "imp_uid=&merchant_uid=o_1", false),
        ("imp_uid without a value", "imp_uid", false),
        ("merchant_uid only", "merchant_uid=o_1", false),
        ("empty string", "", false),
        ("foreign query", "utm_source=naver&utm_medium=cpc", false),
        ("URL without a query", "https://shop.example/pay/complete", false),
        ("imp_uid only in the fragment", "https://s.example/#imp_uid=imp_1", false),
        ("encoded key imp%5Fsuccess counts", "imp%5Fsuccess=false&imp_uid=imp_1", false),
    ];
    for (what, query, expected) in cases {
        assert_eq!(parse_redirect_result(query).success, *expected, "{what}: {query}");
    }
}

#[test]
fn a_redirect_result_has_its_fields_and_redirect_mode() {
    let result = parse_redirect_result(
        "https://shop.example/pay/complete?imp_uid=imp_123&merchant_uid=order_0001&imp_success=false&error_code=F1002&error_msg=%C0%DC%BE%D7%C0%CC%20%BA%CE%C1%B7%C7%D5%B4%CF%B4%D9",
    );
    assert_eq!(
        (result.success, result.mode, result.imp_uid.as_deref(), result.merchant_uid.as_deref()),
        (false, PayMode::Redirect, Some("imp_123"), Some("order_0001"))
    );
    assert_eq!(result.error_code.as_deref(), Some("F1002"));
    assert_eq!(result.error_msg.as_deref(), Some("잔액이 부족합니다"));
}

#[test]
fn missing_fields_are_none() {
    let result = parse_redirect_result("imp_success=true");
    assert_eq!((result.imp_uid, result.merchant_uid, result.error_code, result.error_msg), (None, None, None, None));
    let empty = parse_redirect_result("");
    assert_eq!((empty.success, empty.imp_uid, empty.raw.len()), (false, None, 0));
}

#[test]
fn fields_keep_empty_strings_verbatim() {
    let result = parse_redirect_result("imp_uid=&error_msg=");
    assert_eq!((result.imp_uid.as_deref(), result.error_msg.as_deref()), (Some(""), Some("")));
}

fn object(entries: &[(&str, Value)]) -> Map {
    entries.iter().map(|(k, v)| (*k, v.clone())).collect()
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn a_popup_response_derives_success_the_same_way() {
    let s = Value::from;
    let cases: &[(&str, Entries, bool)] = &[
        ("imp_success true as a boolean", vec![("imp_success", Value::Bool(true)), ("imp_uid", s("imp_1"))], true),
        ("imp_success false as a boolean", vec![("imp_success", Value::Bool(false)), ("imp_uid", s("imp_1"))], false),
        ("imp_success as the string true", vec![("imp_success", s("true"))], true),
        ("imp_success as the string false", vec![("imp_success", s("false")), ("imp_uid", s("imp_1"))], false),
        ("imp_success as a number is not true", vec![("imp_success", Value::Number(1.0)), ("imp_uid", s("imp_1"))], false),
        ("legacy success boolean", vec![("success", Value::Bool(true))], true),
        ("null imp_success falls back to success", vec![("imp_success", Value::Null), ("success", Value::Bool(true))], true),
        ("null flags fall back to imp_uid", vec![("imp_success", Value::Null), ("success", Value::Null), ("imp_uid", s("imp_1"))], true),
        ("undefined flags fall back to imp_uid", vec![("imp_success", Value::Undefined), ("imp_uid", s("imp_1"))], true),
        ("imp_uid with null errors", vec![("imp_uid", s("imp_1")), ("error_code", Value::Null), ("error_msg", Value::Null)], true),
        ("imp_uid with an error_msg", vec![("imp_uid", s("imp_1")), ("error_msg", s("사용자가 결제를 취소하였습니다"))], false),
        ("imp_uid with a non-string error_code", vec![("imp_uid", s("imp_1")), ("error_code", Value::Number(400.0))], false),
        ("imp_uid null", vec![("imp_uid", Value::Null)], false),
        ("imp_uid a number", vec![("imp_uid", Value::Number(1.0))], false),
        ("empty response", vec![], false),
    ];
    for (what, entries, expected) in cases {
        let raw = object(entries);
        assert_eq!(derive_success(&raw), *expected, "{what}");
        assert_eq!(PaymentResult::from_response(raw, PayMode::Popup).success, *expected, "{what}");
    }
}

#[test]
fn a_popup_response_takes_fields_only_when_they_are_strings() {
    let raw = object(&[
        ("imp_uid", Value::Null),
        ("merchant_uid", Value::Number(1.0)),
        ("error_code", Value::Bool(false)),
        ("error_msg", Value::from("  [결제실패] 한도초과  ")),
        ("pay_method", Value::from("naverpay")),
        ("paid_amount", Value::Number(14000.0)),
    ]);
    let result = PaymentResult::from_response(raw.clone(), PayMode::Popup);
    assert_eq!((result.imp_uid, result.merchant_uid, result.error_code), (None, None, None));
    assert_eq!(result.error_msg.as_deref(), Some("  [결제실패] 한도초과  "), "verbatim, not trimmed");
    assert_eq!((result.mode, result.raw), (PayMode::Popup, raw), "raw untouched");
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn garbage_input_gives_an_unsuccessful_result() {
    let long_value = format!("error_msg={}", "%C0%DC".repeat(200_000));
    let many_keys: String = (0..5_000).map(|i| format!("k{i}=%{i:02X}&")).collect();
    let cases: Vec<(&str, String)> = vec![
        ("separators only", "?&&==&%".to_owned()),
        ("NUL", "\u{0}".to_owned()),
        ("NUL pair", "\u{0}=\u{0}".to_owned()),
        ("percent soup", "%%%%%%%%".to_owned()),
        ("question marks", "????".to_owned()),
        ("hashes", "###".to_owned()),
        ("scheme only", "://".to_owned()),
        ("control and private-use characters", "\u{1}\u{7f}\u{FEFF}\u{E000}=\u{10FFFF}".to_owned()),
        ("lossy random bytes", String::from_utf8_lossy(&[0xFF, 0x25, 0xC0, 0x3D, 0x26, 0x80]).into_owned()),
        ("very long input", "a".repeat(1_000_000)),
        ("very long EUC-KR value", long_value),
        ("many keys", many_keys),
    ];
    for (what, input) in cases {
        let result = parse_redirect_result(&input);
        assert!(!result.success, "{what}");
        assert_eq!(result.imp_uid, None, "{what}");
    }
}

/// A small deterministic generator (xorshift), enough to walk many shapes of input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or_default()
    }
}

#[test]
fn random_inputs_never_panic_and_keep_their_invariants() {
    let pieces = [
        "%",
        "%%",
        "%2",
        "%2B",
        "%26",
        "%3D",
        "%C0",
        "%DC",
        "%FF",
        "%80",
        "%ED",
        "%A0",
        "%EF%BF%BD",
        "%zz",
        "+",
        "&",
        "=",
        "?",
        "#",
        "://",
        "https",
        "imp_uid",
        "imp_success",
        "success",
        "error_msg",
        "error_code",
        "true",
        "false",
        "imp_1",
        "한",
        "\u{0}",
        "\u{FFFD}",
        "\u{10FFFF}",
        " ",
        "a",
        "0",
        "F",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = rng.below(24);
        let input: String = (0..len).map(|_| rng.pick(&pieces)).collect();
        let result = parse_redirect_result(&input);
        assert!(result.raw.iter().all(|(_, v)| matches!(v, Value::String(_))), "{input:?}");
        let flags_or_uid = ["imp_success", "success", "imp_uid"].iter().any(|k| result.raw.contains(k));
        assert!(flags_or_uid || !result.success, "success without a flag or imp_uid: {input:?}");
        if !input.contains('\u{FFFD}') && !input.contains("%EF%BF%BD") {
            let replaced = result
                .raw
                .iter()
                .any(|(k, v)| k.contains('\u{FFFD}') || v.as_str().is_some_and(|s| s.contains('\u{FFFD}')));
            assert!(!replaced, "a replacement character appeared: {input:?}");
        }
    }
}

#[test]
fn random_percent_encoded_bytes_never_panic_or_lose_the_value() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..20_000 {
        let bytes: Vec<u8> = (0..rng.below(16)).map(|_| rng.next() as u8).collect();
        let written: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
        let value = decoded(&format!("error_msg={written}"), "error_msg");
        let value = value.unwrap_or_else(|| panic!("error_msg lost for {written}"));
        match std::str::from_utf8(&bytes) {
            Ok(text) => assert_eq!(value, text, "{written}"),
            Err(_) => assert!(value == written || !value.contains('\u{FFFD}'), "{written} -> {value:?}"),
        }
    }
}

#[test]
fn random_hangul_round_trips_through_utf8_and_euc_kr() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..2_000 {
        // Syllables from 가 to 힣, the KS X 1001 ones among them are what EUC-KR can spell.
        let text: String =
            (0..rng.below(12) + 1).filter_map(|_| char::from_u32(0xAC00 + rng.below(11_172) as u32)).collect();
        let utf8: String = text.bytes().map(|b| format!("%{b:02X}")).collect();
        assert_eq!(decoded(&format!("m={utf8}"), "m").as_deref(), Some(text.as_str()), "UTF-8 {text}");

        let (euc_kr, _, unmappable) = encoding_rs::EUC_KR.encode(&text);
        if unmappable || std::str::from_utf8(&euc_kr).is_ok() {
            continue;
        }
        let written: String = euc_kr.iter().map(|b| format!("%{b:02X}")).collect();
        assert_eq!(decoded(&format!("m={written}"), "m").as_deref(), Some(text.as_str()), "EUC-KR {text}");
    }
}

/// PortOne V2's redirect query (start/v2/checkout.mdx: `paymentId`, `code`, `message`, `pgCode`,
/// `pgMessage`) and response objects, in V1's result shape.
mod v2 {
    use naverpay_checkout::{parse_redirect_result_v2, Map, PayMode, PaymentResult, Value};

    /// (what, query, success, error_code, error_msg)
    type Case = (&'static str, &'static str, bool, Option<&'static str>, Option<&'static str>);

    #[test]
    #[rustfmt::skip] // one row a line: the table is the specification
    fn the_pg_message_reaches_the_buyer_as_it_came() {
        let cases: &[Case] = &[
            // (what, query, success, error_code, error_msg)
            ("checkout.mdx's success", "paymentId=payment-39ecfa97", true, None, None),
            ("with transaction id", "paymentId=p1&txId=tx1&transactionType=PAYMENT", true, None, None),
            ("pgMessage wins over message", "paymentId=p1&code=FAILURE_TYPE_PG&message=%5BPG%5D+x&pgCode=NP01&pgMessage=%EC%9E%94%EC%95%A1+%EB%B6%80%EC%A1%B1", false, Some("FAILURE_TYPE_PG"), Some("잔액 부족")),
            ("message without pgMessage", "paymentId=p1&code=PORTONE_ERROR&message=%EC%B7%A8%EC%86%8C", false, Some("PORTONE_ERROR"), Some("취소")),
            ("an empty pgMessage falls back to message", "paymentId=p1&code=X&message=m&pgMessage=", false, Some("X"), Some("m")),
            ("EUC-KR pgMessage", "paymentId=p1&code=FAILURE_TYPE_PG&pgMessage=%C0%DC%BE%D7+%BA%CE%C1%B7", false, Some("FAILURE_TYPE_PG"), Some("잔액 부족")),
            ("spaces and punctuation kept", "paymentId=p1&code=X&pgMessage=+%5B%EC%8B%A4%ED%8C%A8%5D++a%2Bb+", false, Some("X"), Some(" [실패]  a+b ")),
            ("a code without a message", "paymentId=p1&code=X", false, Some("X"), None),
            ("no paymentId is no success", "code=", false, Some(""), None),
            ("an empty query", "", false, None, None),
            ("a V1 query is not a V2 success", "imp_uid=imp_1&merchant_uid=o&imp_success=true", false, None, None),
            ("a billing key", "billingKey=bk_1", true, None, None),
        ];
        for (what, query, success, code, msg) in cases {
            let r = parse_redirect_result_v2(&format!("https://shop.example/done?{query}#x"));
            assert_eq!((r.success, r.error_code.as_deref(), r.error_msg.as_deref()), (*success, *code, *msg), "{what}");
            assert_eq!(r.mode, PayMode::Redirect);
        }
        let r = parse_redirect_result_v2("paymentId=order_0001&txId=tx_9");
        assert_eq!((r.merchant_uid.as_deref(), r.imp_uid.as_deref()), (Some("order_0001"), Some("tx_9")));
        assert_eq!(r.raw.get("txId").as_str(), Some("tx_9"));
    }

    #[test]
    fn a_response_object_is_read_the_same_way_and_kept_whole_as_raw() {
        let mut raw = Map::new();
        raw.insert("transactionType", "PAYMENT");
        raw.insert("paymentId", "p1");
        raw.insert("code", "FAILURE_TYPE_PG");
        raw.insert("message", "[NAVERPAY] x");
        raw.insert("pgMessage", "  한도 초과\n");
        raw.insert("pgCode", Value::Number(7.0));
        let r = PaymentResult::from_v2_response(raw.clone(), PayMode::Popup);
        assert!(!r.success);
        assert_eq!(r.error_msg.as_deref(), Some("  한도 초과\n"));
        assert_eq!((r.raw, r.mode), (raw, PayMode::Popup));
        let mut ok = Map::new();
        ok.insert("paymentId", "p1");
        ok.insert("code", Value::Null);
        assert!(PaymentResult::from_v2_response(ok, PayMode::Popup).success);
    }
}
