//! Inputs found by fuzzing (fuzz/, `scripts/fuzz.sh`) and by the properties (tests/properties.rs)
//! that are worth pinning, each as a named test.
//!
//! One finding so far: an error reported at the path '' for an object (below, "empty keys"). The
//! tests below pin the edge inputs the fuzz targets steer towards (non-finite "now", extreme
//! minimums, empty and odd keys, malformed percent sequences), so that a change that makes one of
//! them panic fails `cargo test` without waiting for a fuzz run. A crash found later goes here
//! too, as the smallest input that reproduces it (`cargo +nightly fuzz tmin <target> <file>`).

use naverpay_checkout::{
    build_again_payment_body, build_cancel_payment_body, build_schedule_payment_body, parse_redirect_result,
    validate_billing_key, validate_naver_pay, validate_naver_pay_v2, BodyOptions, ErrorCode, FieldIssue, Map,
    ModeOption, ValidateOptions, Value,
};

const NOW_MS: f64 = 1_735_659_000_000.0;

fn object(entries: &[(&str, Value)]) -> Value {
    Value::Object(entries.iter().map(|(k, v)| (*k, v.clone())).collect())
}

fn payment() -> Map {
    let product = object(&[
        ("categoryType", "BOOK".into()),
        ("categoryId", "GENERAL".into()),
        ("uid", "107922211".into()),
        ("name", "History of the World".into()),
        ("count", 1.0.into()),
    ]);
    [
        ("merchant_uid", Value::from("order_0001")),
        ("name", "History of the World".into()),
        ("amount", 14000.0.into()),
        ("m_redirect_url", "https://shop.example/pay/complete".into()),
        ("naverUseCfm", "20250101".into()),
        ("naverProducts", Value::Array(vec![product])),
    ]
    .into_iter()
    .collect()
}

#[test]
fn a_non_finite_now_skips_the_date_checks_instead_of_panicking() {
    for now_ms in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, -f64::MAX] {
        let r = validate_naver_pay(&Value::Object(payment()), &ValidateOptions::at(now_ms));
        assert!(r.errors.iter().all(|e| e.code != ErrorCode::DateInPast), "{now_ms}: {:?}", r.errors);
    }
}

#[test]
fn the_largest_minimum_amount_refuses_every_amount_without_overflow() {
    let options = ValidateOptions { min_amount: u64::MAX, ..ValidateOptions::at(NOW_MS) };
    let r = validate_naver_pay(&Value::Object(payment()), &options);
    let codes: Vec<_> = r.errors.iter().map(|e| (e.code, e.field.as_str())).collect();
    assert_eq!(codes, [(ErrorCode::AmountBelowMinimum, "amount")]);
}

#[test]
fn an_amount_past_2_pow_53_below_a_minimum_past_it_is_below_the_minimum_on_every_call() {
    // Only the Rust API takes such a minimum (JavaScript's `minAmount` stops at 2^53 − 1). The
    // browser validators and the bodies share one amount check, so they answer alike: the
    // minimum's message, not a range from the minimum down to 2^53 − 1.
    let amount = Value::from(1e18);
    let at = |issues: &[FieldIssue], field: &str| -> Vec<ErrorCode> {
        issues.iter().filter(|i| i.field == field).map(|i| i.code).collect()
    };
    let options = ValidateOptions { min_amount: u64::MAX, ..ValidateOptions::at(NOW_MS) };
    let mut v1 = payment();
    v1.insert("amount", amount.clone());
    let v2 = object(&[("totalAmount", amount.clone())]);
    let again = object(&[("amount", amount)]);
    let body = build_again_payment_body(&again, &BodyOptions { min_amount: u64::MAX, ..BodyOptions::at(NOW_MS) });
    for (call, codes) in [
        ("validate_naver_pay", at(&validate_naver_pay(&Value::Object(v1), &options).errors, "amount")),
        ("validate_naver_pay_v2", at(&validate_naver_pay_v2(&v2, &options).errors, "totalAmount")),
        ("build_again_payment_body", at(&body.err().map(|e| e.into_issues()).unwrap_or_default(), "amount")),
    ] {
        assert_eq!(codes, [ErrorCode::AmountBelowMinimum], "{call}");
    }
}

#[test]
fn an_empty_key_is_a_warning_about_that_key_not_an_error_about_the_whole_input() {
    // Its path is `[""]`, not '' (which means the whole input): it stays a warning, and the request
    // still passes it through.
    let mut params = payment();
    params.insert("", "x");
    let r = validate_naver_pay(&Value::Object(params), &ValidateOptions::at(NOW_MS));
    assert!(r.ok(), "{:?}", r.errors);
    let warnings: Vec<_> = r.warnings.iter().map(|w| (w.code, w.field.as_str())).collect();
    assert_eq!(warnings, [(ErrorCode::UnknownField, "[\"\"]")]);
    assert_eq!(r.request.map(|q| q.as_map().get("").clone()), Some(Value::from("x")));
}

#[test]
fn nesting_past_the_secret_search_through_empty_keys_names_its_path() {
    // Found by the `validate` fuzz target (2026-12): objects nested 17 deep under empty keys were
    // refused at the path '', which reads as "the whole input is wrong".
    let mut deep = Value::Object(Map::new());
    for _ in 0..20 {
        deep = object(&[("", deep)]);
    }
    let mut params = payment();
    params.insert("custom_data", deep.clone());
    let r = validate_naver_pay(&Value::Object(params), &ValidateOptions::at(NOW_MS));
    let limits: Vec<_> = r.errors.iter().filter(|e| e.code == ErrorCode::LimitExceeded).collect();
    assert_eq!(limits.len(), 1, "{:?}", r.errors);
    assert_eq!(limits[0].field, format!("custom_data{}", "[\"\"]".repeat(16)));
    // And with nothing in front: the path still is not ''.
    let r = validate_naver_pay(&deep, &ValidateOptions::at(NOW_MS));
    assert!(r.errors.iter().all(|e| !e.field.is_empty()), "{:?}", r.errors);
    assert!(r.errors.iter().any(|e| e.code == ErrorCode::LimitExceeded && e.field.starts_with("[\"\"][\"\"]")));
}

#[test]
fn an_undefined_name_is_replaced_in_place_by_the_first_products_name() {
    let mut params = payment();
    params.insert("name", Value::Undefined);
    let r = validate_billing_key(&Value::Object(params.clone()), &ValidateOptions::at(NOW_MS));
    assert!(!r.ok(), "billing keys still need customer_uid and the rest");
    let r = validate_naver_pay(
        &Value::Object(params),
        &ValidateOptions { mode: ModeOption::Redirect, ..ValidateOptions::at(NOW_MS) },
    );
    let request = r.request.map(|q| q.into_map()).unwrap_or_default();
    assert_eq!(request.keys().filter(|k| *k == "name").count(), 1);
    assert_eq!(request.get("name"), &Value::from("History of the World"));
}

#[test]
fn body_builders_take_non_finite_now_and_extreme_numbers() {
    let again = object(&[
        ("customer_uid", "c_1".into()),
        ("merchant_uid", "o_1".into()),
        ("amount", 1e300.into()),
        ("name", "n".into()),
        ("extra", object(&[("naverUseCfm", "99991231".into())])),
    ]);
    let schedule = object(&[
        ("customer_uid", "c_1".into()),
        (
            "schedules",
            Value::Array(vec![object(&[
                ("merchant_uid", "o_1".into()),
                ("schedule_at", f64::MAX.into()),
                ("amount", (-0.0).into()),
            ])]),
        ),
    ]);
    let cancel = object(&[("imp_uid", "imp_1".into()), ("reason", " ".into()), ("amount", f64::MIN_POSITIVE.into())]);
    for now_ms in [f64::NAN, f64::INFINITY, NOW_MS] {
        let options = BodyOptions { min_amount: u64::MAX, ..BodyOptions::at(now_ms) };
        assert!(build_again_payment_body(&again, &options).is_err());
        assert!(build_schedule_payment_body(&schedule, &options).is_err());
        let issues = build_cancel_payment_body(&cancel, &options).err().map(|e| e.into_issues()).unwrap_or_default();
        assert!(issues.iter().any(|i| i.field == "reason"), "{issues:?}");
    }
}

#[test]
fn malformed_queries_give_a_result_and_keep_what_was_written() {
    for (query, key, expected) in [
        ("%", "%", ""),
        ("error_msg=%", "error_msg", "%"),
        ("error_msg=%%41", "error_msg", "%A"),
        ("error_msg=%E", "error_msg", "%E"),
        ("error_msg=%FF%FE%FD", "error_msg", "%FF%FE%FD"),
        ("=&=&&error_msg=a", "error_msg", "a"),
        ("?#?error_msg=b", "error_msg", ""),
        ("https://x/?a=1#?error_msg=c", "error_msg", ""),
    ] {
        let r = parse_redirect_result(query);
        assert!(!r.success, "{query}");
        assert_eq!(r.raw.get(key).as_str().unwrap_or(""), expected, "{query}");
    }
    let huge = "%".repeat(100_000) + "&error_msg=" + &"%EA%B0%80".repeat(10_000);
    let r = parse_redirect_result(&huge);
    assert_eq!(r.error_msg.map(|m| m.chars().count()), Some(10_000));
}
