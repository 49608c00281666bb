//! Properties of the pure core, checked on generated inputs with proptest.
//!
//! Case count: `PROPTEST_CASES` (proptest's default 256 when unset; `npm run props` runs 10,000 a
//! property in release mode). Failures are not persisted to files: a counterexample found here
//! becomes a named test in tests/regressions.rs.

use naverpay_checkout::{
    parse_redirect_result, to_v2_payment_request, validate_billing_key, validate_billing_key_v2, validate_naver_pay,
    validate_naver_pay_v2, DeviceInfo, ErrorCode, Locale, Map, ModeOption, ValidateOptions, ValidationReport, Value,
};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// 2024-12-31T15:30:00Z: already 2025-01-01 00:30 in Seoul.
const NOW_MS: f64 = 1_735_659_000_000.0;

fn config() -> Config {
    // `Config::default()` reads PROPTEST_CASES.
    Config { failure_persistence: None, ..Config::default() }
}

// ---- generators ------------------------------------------------------------------------------

// The crate's tables, written from src/catalog.rs (src/generate.rs).
#[path = "generated/tables.rs"]
mod catalog;

/// Typos of known keys, and credentials, besides the keys the tables name.
const EXTRA_KEYS: &[&str] = &["imp_secret", "access_token", "naverPopUpMode", "amout"];

/// Every key of `IMP.request_pay` and of a product, and [`EXTRA_KEYS`].
fn keys() -> Vec<&'static str> {
    let table_keys = catalog::REQUEST_PAY.iter().chain(catalog::PRODUCT).map(|f| f.name);
    table_keys.chain(EXTRA_KEYS.iter().copied()).collect()
}

const STRINGS: &[&str] = &[
    "",
    "naverpay",
    "naverpay.np_1",
    "BOOK",
    "GENERAL",
    "20250101",
    "20240230",
    "https://shop.example/done",
    "http://evil.example",
    "javascript:alert(1)",
    "010-1234-5678",
    "a@b.co",
    "결제",
    "order_0001",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => proptest::sample::select(keys()).prop_map(str::to_owned), 1 => any::<String>()]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Undefined),
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        prop_oneof![Just(0.0), Just(1.0), Just(100.0), Just(14000.0), Just(-1.0), Just(0.5), Just(f64::NAN)]
            .prop_map(Value::Number),
        proptest::sample::select(STRINGS).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        proptest::sample::select(&["bigint", "function", "symbol"][..]).prop_map(Value::Other),
    ]
}

/// Any JSON-like value, objects keyed mostly by known field names.
fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((key(), inner), 0..10)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

fn product(name: &str) -> Value {
    object(&[
        ("categoryType", "BOOK".into()),
        ("categoryId", "GENERAL".into()),
        ("uid", "107922211".into()),
        ("name", name.into()),
        ("count", 1.0.into()),
    ])
}

fn object(entries: &[(&str, Value)]) -> Value {
    Value::Object(entries.iter().map(|(k, v)| (*k, v.clone())).collect())
}

fn valid_payment() -> Map {
    [
        ("merchant_uid", Value::from("order_0001")),
        ("name", "History of the World".into()),
        ("amount", 14000.0.into()),
        ("m_redirect_url", "https://shop.example/pay/complete".into()),
        ("naverProducts", Value::Array(vec![product("History of the World")])),
    ]
    .into_iter()
    .collect()
}

fn valid_billing() -> Map {
    [
        ("customer_uid", Value::from("gildong_0001_1234")),
        ("merchant_uid", "order_monthly_0001".into()),
        ("name", "Slim plan (monthly)".into()),
        ("amount", 14000.0.into()),
        ("buyer_tel", "010-1234-5678".into()),
        ("naverProductCode", "slim_monthly".into()),
        ("m_redirect_url", "https://shop.example/billing/complete".into()),
    ]
    .into_iter()
    .collect()
}

/// Optional fields with valid values: any subset may be added to a valid payment.
fn optional_valid_fields() -> Vec<(&'static str, Value)> {
    vec![
        ("pg", "naverpay".into()),
        ("buyer_email", "gildong@example.com".into()),
        ("buyer_tel", "010-1234-5678".into()),
        ("buyer_name", "홍길동".into()),
        ("buyer_addr", "서울특별시 강남구".into()),
        ("buyer_postcode", "06018".into()),
        ("naverUseCfm", "20991231".into()),
        ("naverPurchaserName", "홍길동".into()),
        ("naverPurchaserBirthday", "19900101".into()),
        ("naverChainId", "chain_1".into()),
        ("tax_free", 0.0.into()),
        ("notice_url", "https://shop.example/hook".into()),
        ("custom_data", object(&[("order", "o1".into())])),
        ("customer_id", "c1".into()),
        ("currency", "KRW".into()),
        ("naverCultureBenefit", true.into()),
        ("naverMerchantUserKey", "user_1".into()),
        ("naverProductCount", 1.0.into()),
    ]
}

/// Documented V1 fields with no rule of their own (beside their type) that Naver Pay uses: with a
/// value of their documented type, they pass through untouched.
const PASS_THROUGH: &[&str] = &[
    "notice_url",
    "confirm_url",
    "custom_data",
    "customer_id",
    "naverCultureBenefit",
    "naverMerchantUserKey",
    "naverProductCount",
    "app_scheme",
];

/// A pass-through field with a value of its documented type (`custom_data` takes anything).
fn pass_through_entry() -> impl Strategy<Value = (&'static str, Value)> {
    let text = || any::<String>().prop_map(Value::String);
    prop_oneof![
        pass_through_value().prop_map(|v| ("custom_data", v)),
        (proptest::sample::select(&["notice_url", "confirm_url", "customer_id", "app_scheme"][..]), text()),
        proptest::collection::vec(any::<String>().prop_map(Value::String), 0..3)
            .prop_map(|v| ("notice_url", Value::Array(v))),
        any::<bool>().prop_map(|b| ("naverCultureBenefit", Value::Bool(b))),
        ".+".prop_map(|k: String| ("naverMerchantUserKey", Value::String(k))),
        (0u64..1_000_000).prop_map(|n| ("naverProductCount", Value::Number(n as f64))),
    ]
}

/// Values for pass-through fields. Object keys are at most five lowercase letters, so none of them
/// can look like a credential (the shortest credential name, `apikey`, has six).
fn pass_through_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
        Just(Value::Null),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec(("[a-z]{1,5}", inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

fn options() -> impl Strategy<Value = ValidateOptions> {
    let mode = prop_oneof![Just(ModeOption::Auto), Just(ModeOption::Popup), Just(ModeOption::Redirect)];
    let locale = prop_oneof![Just(Locale::Ko), Just(Locale::En)];
    let device = proptest::option::of(
        (any::<String>(), any::<u32>(), any::<Option<bool>>())
            .prop_map(|(user_agent, max_touch_points, mobile)| DeviceInfo { user_agent, max_touch_points, mobile }),
    );
    let min_amount = prop_oneof![Just(100u64), Just(10), Just(0), any::<u64>()];
    let now_ms = prop_oneof![4 => Just(NOW_MS), 1 => any::<f64>()];
    (mode, min_amount, locale, device, now_ms).prop_map(|(mode, min_amount, locale, device, now_ms)| ValidateOptions {
        mode,
        min_amount,
        locale,
        device,
        now_ms,
    })
}

/// Shuffles `map` with the permutation `order` (indices sorted by their key).
fn reordered(map: &Map, order: &[u32]) -> Map {
    let mut entries: Vec<(u32, (String, Value))> = map
        .iter()
        .zip(order.iter().chain(std::iter::repeat(&0)))
        .map(|((k, v), o)| (*o, (k.to_owned(), v.clone())))
        .collect();
    entries.sort_by_key(|(o, _)| *o);
    entries.into_iter().map(|(_, kv)| kv).collect()
}

fn issues(list: &[naverpay_checkout::FieldIssue]) -> Vec<(ErrorCode, String, String)> {
    let mut v: Vec<_> = list.iter().map(|i| (i.code, i.field.clone(), i.message.clone())).collect();
    v.sort_by(|a, b| (a.0.as_str(), &a.1, &a.2).cmp(&(b.0.as_str(), &b.1, &b.2)));
    v
}

fn sorted_request(r: &ValidationReport) -> Option<Vec<(String, String)>> {
    r.request.as_ref().map(|req| {
        let mut v: Vec<_> = req.as_map().iter().map(|(k, v)| (k.to_owned(), format!("{v:?}"))).collect();
        v.sort();
        v
    })
}

// ---- the validator ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// Any value, any options: a report (no panic), whose errors all have a field path unless the
    /// input is not an object at all, and whose request exists exactly when there is no error.
    #[test]
    fn the_validator_never_panics_and_every_error_has_a_path(params in value(), opts in options(), billing in any::<bool>()) {
        let r = if billing { validate_billing_key(&params, &opts) } else { validate_naver_pay(&params, &opts) };
        prop_assert_eq!(r.ok(), r.request.is_some());
        let is_object = matches!(params, Value::Object(_));
        if !is_object {
            prop_assert_eq!(r.errors.len(), 1);
        }
        for e in &r.errors {
            prop_assert_eq!(e.field.is_empty(), !is_object, "{:?} at {:?}", e.code, e.field);
            prop_assert!(!e.message.is_empty());
        }
    }

    /// A valid payment broken in one place is invalid, with an error at that place.
    #[test]
    fn an_invalid_field_is_reported_at_its_path(
        case in proptest::sample::select(vec![
            ("merchant_uid", Value::from(""), "merchant_uid"),
            ("merchant_uid", Value::from("x".repeat(41)), "merchant_uid"),
            ("amount", Value::from("14000"), "amount"),
            ("amount", Value::from(0.5), "amount"),
            ("amount", Value::Null, "amount"),
            ("name", Value::from("n".repeat(41)), "name"),
            ("naverProducts", Value::Array(vec![]), "naverProducts"),
            ("naverProducts", Value::from("BOOK"), "naverProducts"),
            ("naverPopupMode", Value::from("true"), "naverPopupMode"),
            ("m_redirect_url", Value::from("javascript:alert(1)"), "m_redirect_url"),
            ("naverUseCfm", Value::from("20240231"), "naverUseCfm"),
            ("buyer_email", Value::from("a@@b"), "buyer_email"),
            ("buyer_tel", Value::from("call me"), "buyer_tel"),
            ("tax_free", Value::from(999_999.0), "tax_free"),
            ("pg", Value::from("kakaopay"), "pg"),
            ("imp_secret", Value::from("s"), "imp_secret"),
            ("naverPopUpMode", Value::from(true), "naverPopUpMode"),
        ]),
        extra in proptest::sample::subsequence(optional_valid_fields(), 0..8),
        order in proptest::collection::vec(any::<u32>(), 32),
    ) {
        let (key, bad, path) = case;
        let mut map = valid_payment();
        for (k, v) in extra {
            if k != key { map.insert(k, v); }
        }
        map.insert(key, bad);
        let r = validate_naver_pay(&Value::Object(reordered(&map, &order)), &ValidateOptions::at(NOW_MS));
        prop_assert!(!r.ok());
        prop_assert!(r.request.is_none());
        prop_assert!(r.errors.iter().any(|e| e.field == path), "{:?}", r.errors);
    }

    /// A valid request is the input's keys plus, where missing, `pg`, `name` and `naverPopupMode`:
    /// nothing dropped, nothing else added, values untouched.
    #[test]
    fn a_valid_request_keeps_exactly_the_keys_imp_expects(
        extra in proptest::sample::subsequence(optional_valid_fields(), 0..12),
        drop_name in any::<bool>(),
        billing in any::<bool>(),
        order in proptest::collection::vec(any::<u32>(), 32),
        mode in prop_oneof![Just(ModeOption::Auto), Just(ModeOption::Popup), Just(ModeOption::Redirect)],
    ) {
        let mut map = if billing { valid_billing() } else { valid_payment() };
        for (k, v) in extra { map.insert(k, v); }
        if drop_name && !billing { map.remove("name"); }
        let map = reordered(&map, &order);
        let opts = ValidateOptions { mode, ..ValidateOptions::at(NOW_MS) };
        let params = Value::Object(map.clone());
        let r = if billing { validate_billing_key(&params, &opts) } else { validate_naver_pay(&params, &opts) };
        prop_assert!(r.ok(), "{:?}", r.errors);
        let request = r.request.as_ref().map(|v| v.as_map().clone()).unwrap_or_default();

        let mut expected: Vec<&str> = map.keys().collect();
        for default in ["pg", "name", "naverPopupMode"] {
            if !(map.contains(default) || default == "pg" && map.contains("channelKey")) {
                expected.push(default);
            }
        }
        let mut got: Vec<&str> = request.keys().collect();
        expected.sort_unstable();
        got.sort_unstable();
        prop_assert_eq!(got, expected);
        for (k, v) in map.iter() {
            if k != "naverPopupMode" {
                prop_assert_eq!(request.get(k), v, "{} changed", k);
            }
        }
        prop_assert_eq!(request.get("naverPopupMode"), &Value::Bool(r.mode == naverpay_checkout::PayMode::Popup));
    }

    /// Adding documented pass-through fields, or an unknown field far from every known name, or
    /// reordering the keys, changes nothing else: same errors, same mode, same request apart from
    /// the added keys; an unknown field adds exactly its own warning.
    #[test]
    fn pass_through_fields_and_key_order_change_nothing_else(
        base in prop_oneof![
            2 => Just(valid_payment()),
            1 => Just(valid_billing()),
            2 => proptest::collection::vec((key(), value()), 0..6).prop_map(|patch| {
                let mut m = valid_payment();
                for (k, v) in patch { m.insert(k, v); }
                m
            }),
        ],
        added in proptest::collection::vec(pass_through_entry(), 0..4),
        unknown in proptest::option::of("q[0-9]{6,10}"),
        order in proptest::collection::vec(any::<u32>(), 48),
        billing in any::<bool>(),
        opts in options(),
    ) {
        let run = |m: &Map| {
            let p = Value::Object(m.clone());
            if billing { validate_billing_key(&p, &opts) } else { validate_naver_pay(&p, &opts) }
        };
        let mut base = base;
        for k in PASS_THROUGH { base.remove(k); }
        let before = run(&base);

        let mut more = base.clone();
        for (k, v) in &added { more.insert(*k, v.clone()); }
        if let Some(u) = &unknown { more.insert(u.as_str(), "x"); }
        let after = run(&reordered(&more, &order));

        prop_assert_eq!(issues(&after.errors), issues(&before.errors));
        prop_assert_eq!(after.mode, before.mode);
        let mut warnings = issues(&before.warnings);
        if let Some(u) = &unknown {
            let w = after.warnings.iter().find(|w| &w.field == u);
            prop_assert!(w.is_some_and(|w| w.code == ErrorCode::UnknownField), "{:?}", after.warnings);
            warnings.extend(w.map(|w| (w.code, w.field.clone(), w.message.clone())));
            warnings.sort_by(|a, b| (a.0.as_str(), &a.1, &a.2).cmp(&(b.0.as_str(), &b.1, &b.2)));
        }
        prop_assert_eq!(issues(&after.warnings), warnings);

        // The request: the same, plus the added keys with their values.
        match (&before.request, &after.request) {
            (Some(b), Some(_)) => {
                let mut expected: Vec<_> = b.as_map().iter().map(|(k, v)| (k.to_owned(), format!("{v:?}"))).collect();
                expected.extend(
                    more.iter().filter(|(k, _)| !base.keys().any(|b| b == *k)).map(|(k, v)| (k.to_owned(), format!("{v:?}"))),
                );
                expected.sort();
                prop_assert_eq!(sorted_request(&after), Some(expected));
            }
            (b, a) => prop_assert_eq!(b.is_some(), a.is_some()),
        }
    }
}

// ---- the redirect parser ---------------------------------------------------------------------

/// `application/x-www-form-urlencoded` as `URLSearchParams` writes it.
fn form_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// As `encodeURIComponent` writes it.
fn uri_component_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Every byte as `%XX`, or, when `raw_ascii`, letters and digits as themselves.
fn percent_bytes(bytes: &[u8], raw_ascii: &[bool]) -> String {
    let mut out = String::new();
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() && raw_ascii.get(i).copied().unwrap_or(false) {
            out.push(char::from(*b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Unicode text, with extra weight on Hangul, ASCII punctuation that means something in a query
/// (`&`, `=`, `+`, `%`, `#`, `?`), and astral characters.
fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[가-힣 ]{0,40}",
        "[&=+%#?/ a-z0-9]{0,40}",
        "[\\PC]{0,20}",
        proptest::collection::vec(any::<char>(), 0..30).prop_map(|c| c.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Whatever Unicode the PG sends as `error_msg`, encoded as `URLSearchParams` or as
    /// `encodeURIComponent` does, comes back identical, in a whole URL or as a bare query.
    #[test]
    fn any_unicode_error_msg_round_trips(msg in message(), percent in any::<bool>(), whole_url in any::<bool>()) {
        let encoded = if percent { uri_component_encode(&msg) } else { form_encode(&msg) };
        let query = format!("imp_uid=imp_123456789012&merchant_uid=order_0001&imp_success=false&error_code=F400&error_msg={encoded}");
        let input = if whole_url { format!("https://shop.example/pay/complete?{query}#top") } else { query };
        let r = parse_redirect_result(&input);
        prop_assert_eq!(r.error_msg.as_deref(), Some(msg.as_str()));
        prop_assert_eq!(r.raw.get("error_msg"), &Value::String(msg.clone()));
        prop_assert!(!r.success);
    }

    /// Percent-encoded bytes are never dropped: the value is their UTF-8 text, else their EUC-KR
    /// text, else exactly what was written; never empty when there were bytes.
    #[test]
    fn non_utf8_bytes_are_never_dropped(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..40),
            proptest::collection::vec(prop_oneof![0xA1u8..=0xFE, 0x80u8..=0xFF, 0x20u8..=0x7E], 0..40),
        ],
        raw_ascii in proptest::collection::vec(any::<bool>(), 40),
    ) {
        let written = percent_bytes(&bytes, &raw_ascii);
        let r = parse_redirect_result(&format!("?error_msg={written}&imp_success=false"));
        let got = r.error_msg.clone().unwrap_or_default();
        if !bytes.is_empty() {
            prop_assert!(!got.is_empty());
        }
        let euc_kr = encoding_rs::EUC_KR.decode_without_bom_handling_and_without_replacement(&bytes);
        match (std::str::from_utf8(&bytes), euc_kr) {
            (Ok(text), _) => prop_assert_eq!(got, text),
            (Err(_), Some(text)) => {
                prop_assert!(!got.contains(char::REPLACEMENT_CHARACTER));
                prop_assert_eq!(got, text.into_owned());
            }
            (Err(_), None) => prop_assert_eq!(got, written),
        }
    }
}

// ---- PortOne V2 ------------------------------------------------------------------------------

/// A valid `requestPayment` for Naver Pay (docs/rules.md, "PortOne V2").
fn valid_payment_v2() -> Map {
    let naverpay = object(&[("productItems", Value::Array(vec![product("History of the World")]))]);
    [
        ("storeId", Value::from("store-1")),
        ("channelKey", Value::from("channel-key-1")),
        ("paymentId", Value::from("order_0001")),
        ("totalAmount", Value::from(14000.0)),
        ("redirectUrl", Value::from("https://shop.example/pay/complete")),
        ("bypass", object(&[("naverpay", naverpay)])),
    ]
    .into_iter()
    .collect()
}

/// Where V2 gives meaning to a value: (object path, key).
const V2_PLACES: &[(&[&str], &str)] = &[
    (&[], "storeId"),
    (&[], "channelKey"),
    (&[], "paymentId"),
    (&[], "orderName"),
    (&[], "totalAmount"),
    (&[], "currency"),
    (&[], "payMethod"),
    (&[], "customer"),
    (&[], "windowType"),
    (&[], "redirectUrl"),
    (&[], "forceRedirect"),
    (&[], "noticeUrls"),
    (&[], "easyPay"),
    (&[], "locale"),
    (&[], "bypass"),
    (&["bypass"], "naverpay"),
    (&["bypass", "naverpay"], "productItems"),
    (&["bypass", "naverpay"], "useCfmYmdt"),
    (&["bypass", "naverpay"], "deliveryFee"),
];

/// `map` with `value` set at `path`.`key` (objects on the way made when missing).
fn set_at(map: &Map, path: &[&str], key: &str, value: Value) -> Map {
    let mut out = map.clone();
    match path.split_first() {
        None => out.insert(key, value),
        Some((first, rest)) => {
            let inner = out.get(first).as_object().cloned().unwrap_or_default();
            out.insert(*first, set_at(&inner, rest, key, value));
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Any value at any place V2 reads, any options: a report, never a panic; every error has a
    /// path; a request exactly when there is no error, carrying `forceRedirect`.
    #[test]
    fn the_v2_validators_never_panic_and_every_error_has_a_path(
        place in proptest::sample::select(V2_PLACES), v in value(), opts in options(), billing in any::<bool>(),
    ) {
        let (path, key) = place;
        let params = Value::Object(set_at(&valid_payment_v2(), path, key, v));
        let r = if billing { validate_billing_key_v2(&params, &opts) } else { validate_naver_pay_v2(&params, &opts) };
        prop_assert_eq!(r.ok(), r.request.is_some());
        for e in &r.errors {
            prop_assert!(!e.field.is_empty(), "{:?}", e.code);
            prop_assert!(!e.message.is_empty());
        }
        if let Some(request) = &r.request {
            prop_assert!(request.as_map().get("forceRedirect").as_str().is_none());
            prop_assert!(matches!(request.as_map().get("forceRedirect"), Value::Bool(_)));
        }
    }

    /// Any V1 input migrates without a panic, and the migration of a valid V1 payment with any
    /// pass-through fields is a V2 request the V2 validator accepts.
    #[test]
    fn any_v1_input_migrates_and_a_valid_one_validates_on_v2(junk in value(), extra in proptest::collection::vec(pass_through_entry(), 0..4)) {
        let _ = to_v2_payment_request(&junk, "store-1", "channel-key-1");
        let mut v1 = valid_payment();
        // V1 takes any text as notice_url; V2 takes http(s) URLs only (docs/rules.md): left out here.
        for (k, v) in extra.into_iter().filter(|(k, _)| *k != "notice_url") {
            v1.insert(k, v);
        }
        let m = to_v2_payment_request(&Value::Object(v1), "store-1", "channel-key-1");
        let r = validate_naver_pay_v2(&Value::Object(m.request), &ValidateOptions::at(NOW_MS));
        prop_assert!(r.ok(), "{:?}", r.errors);
    }
}
