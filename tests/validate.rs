//! `validate_naver_pay` and `validate_billing_key`, row by row of SPEC's parameter table.
//!
//! Inputs are written as JSON-like literals (plus `undefined`, `NaN`, `Infinity`) parsed by the
//! small reader at the bottom; a patch sets keys on a valid base, `undefined` removes one.

use naverpay_checkout::{
    validate_billing_key, validate_naver_pay, DeviceInfo, ErrorCode, Locale, Map, ModeOption, PayMode, ValidateOptions,
    ValidationReport, Value,
};

// The crate's tables, written from src/catalog.rs (src/generate.rs).
#[path = "generated/tables.rs"]
mod catalog;

/// 2024-12-31T15:30:00Z: already 2025-01-01 00:30 in Seoul.
const NOW_MS: f64 = 1_735_659_000_000.0;

const PAYMENT: &str = r#"{
    "merchant_uid": "order_0001", "name": "History of the World", "amount": 14000,
    "m_redirect_url": "https://shop.example/pay/complete",
    "naverProducts": [{"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "107922211",
                       "name": "History of the World", "count": 1}]
}"#;

const BILLING: &str = r#"{
    "customer_uid": "gildong_0001_1234", "merchant_uid": "order_monthly_0001", "name": "Slim plan (monthly)",
    "amount": 14000, "buyer_tel": "010-1234-5678", "naverProductCode": "slim_monthly",
    "m_redirect_url": "https://shop.example/billing/complete"
}"#;

fn options() -> ValidateOptions {
    ValidateOptions::at(NOW_MS)
}

fn en() -> ValidateOptions {
    ValidateOptions { locale: Locale::En, ..options() }
}

/// `base` with the keys of `patch` set (in place when present, else appended).
fn patched(base: &str, patch: &str) -> Value {
    let Value::Object(mut map) = json(base) else { panic!("base is not an object") };
    let Value::Object(patch) = json(patch) else { panic!("patch is not an object: {patch}") };
    for (k, v) in patch.iter() {
        map.insert(k, v.clone());
    }
    Value::Object(map)
}

/// The payment base with `patch`, as a JSON object literal.
fn pay(patch: &str) -> ValidationReport {
    validate_naver_pay(&patched(PAYMENT, patch), &options())
}

fn billing(patch: &str) -> ValidationReport {
    validate_billing_key(&patched(BILLING, patch), &options())
}

/// The payment base with `naverProducts[0]` patched.
fn product(patch: &str) -> ValidationReport {
    let Value::Object(base) = json(PAYMENT) else { unreachable!() };
    let Value::Array(items) = base.get("naverProducts").clone() else { unreachable!() };
    let first = items.first().map(|p| patched(&debug_json(p), patch)).expect("a product");
    let mut map = base;
    map.insert("naverProducts", Value::Array(vec![first]));
    validate_naver_pay(&Value::Object(map), &options())
}

fn errors(r: &ValidationReport) -> Vec<(&'static str, &str)> {
    r.errors.iter().map(|i| (i.code.as_str(), i.field.as_str())).collect()
}

fn warnings(r: &ValidationReport) -> Vec<(&'static str, &str)> {
    r.warnings.iter().map(|i| (i.code.as_str(), i.field.as_str())).collect()
}

/// Each row: a patch and the one error it causes (`None` = valid).
fn table(run: fn(&str) -> ValidationReport, rows: &[(&str, Option<(&str, &str)>)]) {
    for (patch, expected) in rows {
        let r = run(patch);
        let expected: Vec<_> = expected.iter().copied().collect();
        assert_eq!(errors(&r), expected, "patch {patch}");
        assert_eq!(r.ok(), expected.is_empty(), "patch {patch}");
        assert_eq!(r.request.is_some(), expected.is_empty(), "patch {patch}");
    }
}

fn request(r: &ValidationReport) -> &Map {
    r.request.as_ref().map(|v| v.as_map()).expect("a request")
}

fn keys(m: &Map) -> Vec<&str> {
    m.keys().collect()
}

// ---------------------------------------------------------------- the whole input

#[test]
fn the_seed_example_is_valid_without_issues() {
    let r = pay("{}");
    assert_eq!(errors(&r), []);
    assert_eq!(warnings(&r), []);
    assert!(r.ok());
}

#[test]
fn params_that_are_not_an_object_are_one_issue_at_the_whole_input() {
    for (params, code) in [
        ("undefined", "REQUIRED"),
        ("null", "REQUIRED"),
        ("[]", "INVALID_TYPE"),
        ("[{}]", "INVALID_TYPE"),
        (r#""order""#, "INVALID_TYPE"),
        ("14000", "INVALID_TYPE"),
        ("true", "INVALID_TYPE"),
    ] {
        for validate in [validate_naver_pay, validate_billing_key] {
            let r = validate(&json(params), &options());
            assert_eq!(errors(&r), [(code, "")], "{params}");
            assert_eq!(r.request, None);
        }
    }
    let r = validate_naver_pay(&Value::Other("function"), &options());
    assert_eq!(errors(&r), [("INVALID_TYPE", "")]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let r = pay(r#"{"merchant_uid": "", "amount": "14000", "pg": "kakaopay",
                    "naverUseCfm": "20240230", "buyer_email": "nobody"}"#);
    assert_eq!(
        errors(&r),
        [
            ("INVALID_VALUE", "pg"),
            ("REQUIRED", "merchant_uid"),
            ("INVALID_TYPE", "amount"),
            ("INVALID_DATE", "naverUseCfm"),
            ("INVALID_FORMAT", "buyer_email"),
        ]
    );
}

#[test]
fn errors_and_warnings_are_reported_separately() {
    let r = pay(r#"{"naverPopUpMode": true, "favourite_colour": "blue"}"#);
    assert_eq!(errors(&r), [("UNKNOWN_FIELD", "naverPopUpMode")]);
    assert_eq!(warnings(&r), [("UNKNOWN_FIELD", "favourite_colour")]);
}

#[test]
fn warnings_alone_keep_the_request() {
    let r = pay(r#"{"favourite_colour": "blue"}"#);
    assert!(r.ok());
    assert_eq!(request(&r).get("favourite_colour"), &json(r#""blue""#));
}

// ---------------------------------------------------------------- amount

#[test]
fn amount_must_be_a_javascript_number() {
    table(
        pay,
        &[
            (r#"{"amount": "14000"}"#, Some(("INVALID_TYPE", "amount"))),
            (r#"{"amount": true}"#, Some(("INVALID_TYPE", "amount"))),
            (r#"{"amount": [14000]}"#, Some(("INVALID_TYPE", "amount"))),
            (r#"{"amount": null}"#, Some(("REQUIRED", "amount"))),
            (r#"{"amount": undefined}"#, Some(("REQUIRED", "amount"))),
        ],
    );
}

#[test]
fn amount_must_be_a_finite_integer() {
    table(
        pay,
        &[
            (r#"{"amount": 14000.5}"#, Some(("NOT_INTEGER", "amount"))),
            (r#"{"amount": NaN}"#, Some(("NOT_INTEGER", "amount"))),
            (r#"{"amount": Infinity}"#, Some(("NOT_INTEGER", "amount"))),
            (r#"{"amount": -Infinity}"#, Some(("NOT_INTEGER", "amount"))),
            (r#"{"amount": 14000}"#, None),
        ],
    );
}

#[test]
fn amount_is_at_most_max_safe_integer() {
    table(
        pay,
        &[
            (r#"{"amount": 9007199254740991}"#, None),
            (r#"{"amount": 9007199254740992}"#, Some(("OUT_OF_RANGE", "amount"))),
            (r#"{"amount": 1e300}"#, Some(("OUT_OF_RANGE", "amount"))),
        ],
    );
}

#[test]
fn amount_below_the_minimum_is_amount_below_minimum() {
    table(
        pay,
        &[
            (r#"{"amount": 99}"#, Some(("AMOUNT_BELOW_MINIMUM", "amount"))),
            (r#"{"amount": 0}"#, Some(("AMOUNT_BELOW_MINIMUM", "amount"))),
            (r#"{"amount": -100}"#, Some(("AMOUNT_BELOW_MINIMUM", "amount"))),
            (r#"{"amount": 100}"#, None),
        ],
    );
}

#[test]
fn amount_below_minimum_message_is_the_inspection_text_in_both_languages() {
    let params = patched(PAYMENT, r#"{"amount": 99}"#);
    let en = validate_naver_pay(&params, &en());
    let ko = validate_naver_pay(&params, &options());
    assert_eq!(en.errors.first().map(|i| i.message.as_str()), Some("less than minimum amount (100 won)"));
    assert_eq!(ko.errors.first().map(|i| i.message.as_str()), Some("결제 금액이 최소 결제 금액(100원)보다 적습니다."));
}

#[test]
fn min_amount_option_sets_the_minimum() {
    let opts = ValidateOptions { min_amount: 10, locale: Locale::En, ..options() };
    let ten = validate_naver_pay(&patched(PAYMENT, r#"{"amount": 10}"#), &opts);
    assert!(ten.ok(), "{:?}", ten.errors);
    let nine = validate_naver_pay(&patched(PAYMENT, r#"{"amount": 9}"#), &opts);
    assert_eq!(errors(&nine), [("AMOUNT_BELOW_MINIMUM", "amount")]);
    assert_eq!(nine.errors.first().map(|i| i.message.as_str()), Some("less than minimum amount (10 won)"));
}

// ---------------------------------------------------------------- pg, merchant_uid, name

#[test]
fn pg_is_naverpay_or_naverpay_with_a_mid() {
    table(
        pay,
        &[
            (r#"{"pg": "naverpay"}"#, None),
            (r#"{"pg": "naverpay.np_123456"}"#, None),
            (r#"{"pg": "naverpay."}"#, Some(("INVALID_VALUE", "pg"))),
            (r#"{"pg": "naverco"}"#, Some(("INVALID_VALUE", "pg"))),
            (r#"{"pg": "kakaopay.naverpay"}"#, Some(("INVALID_VALUE", "pg"))),
            (r#"{"pg": "NAVERPAY"}"#, Some(("INVALID_VALUE", "pg"))),
            (r#"{"pg": ""}"#, Some(("INVALID_VALUE", "pg"))),
            (r#"{"pg": 1}"#, Some(("INVALID_TYPE", "pg"))),
            (r#"{"pg": null}"#, None),
        ],
    );
}

#[test]
fn pg_defaults_to_naverpay_in_the_request() {
    let r = pay("{}");
    assert_eq!(request(&r).get("pg"), &json(r#""naverpay""#));
    let given = pay(r#"{"pg": "naverpay.np_123456"}"#);
    assert_eq!(request(&given).get("pg"), &json(r#""naverpay.np_123456""#));
}

#[test]
fn channel_key_stands_instead_of_pg() {
    let r = pay(r#"{"channelKey": "channel-key-0000"}"#);
    assert!(r.ok());
    assert!(!request(&r).contains("pg"));
    table(
        pay,
        &[
            (r#"{"channelKey": ""}"#, Some(("INVALID_TYPE", "channelKey"))),
            (r#"{"channelKey": 7}"#, Some(("INVALID_TYPE", "channelKey"))),
        ],
    );
}

#[test]
fn merchant_uid_is_a_required_string_of_at_most_40_characters() {
    table(
        pay,
        &[
            (r#"{"merchant_uid": undefined}"#, Some(("REQUIRED", "merchant_uid"))),
            (r#"{"merchant_uid": null}"#, Some(("REQUIRED", "merchant_uid"))),
            (r#"{"merchant_uid": ""}"#, Some(("REQUIRED", "merchant_uid"))),
            (r#"{"merchant_uid": 1234}"#, Some(("INVALID_TYPE", "merchant_uid"))),
            (&format!(r#"{{"merchant_uid": "{}"}}"#, "a".repeat(40)), None),
            (&format!(r#"{{"merchant_uid": "{}"}}"#, "a".repeat(41)), Some(("TOO_LONG", "merchant_uid"))),
            // Characters, not bytes: 40 Hangul syllables are 120 bytes.
            (&format!(r#"{{"merchant_uid": "{}"}}"#, "주".repeat(40)), None),
        ],
    );
}

#[test]
fn name_is_a_required_string_of_at_most_40_characters() {
    table(
        pay,
        &[
            (r#"{"name": ""}"#, Some(("REQUIRED", "name"))),
            (r#"{"name": null}"#, Some(("REQUIRED", "name"))),
            (r#"{"name": 5}"#, Some(("INVALID_TYPE", "name"))),
            (&format!(r#"{{"name": "{}"}}"#, "책".repeat(40)), None),
            (&format!(r#"{{"name": "{}"}}"#, "책".repeat(41)), Some(("TOO_LONG", "name"))),
        ],
    );
}

#[test]
fn missing_name_is_taken_from_the_first_product() {
    let r = pay(r#"{"name": undefined}"#);
    assert!(r.ok(), "{:?}", r.errors);
    assert_eq!(request(&r).get("name"), &json(r#""History of the World""#));
}

#[test]
fn missing_name_without_products_is_required() {
    let r = pay(r#"{"name": undefined, "naverProducts": undefined}"#);
    assert_eq!(errors(&r), [("REQUIRED", "naverProducts"), ("REQUIRED", "name")]);
}

#[test]
fn missing_name_from_a_first_product_longer_than_40_characters_is_too_long() {
    let long = "가".repeat(41);
    let r = validate_naver_pay(
        &patched(
            PAYMENT,
            &format!(
                r#"{{"name": undefined, "naverProducts": [{{"categoryType": "BOOK", "categoryId": "GENERAL",
                 "uid": "1", "name": "{long}", "count": 1}}]}}"#
            ),
        ),
        &options(),
    );
    assert_eq!(errors(&r), [("TOO_LONG", "name")]);
}

#[test]
fn several_products_with_a_name_other_than_the_first_warn_name_mismatch() {
    let three = r#"[{"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "1", "name": "First", "count": 1},
                    {"categoryType": "BOOK", "categoryId": "USED", "uid": "2", "name": "Second", "count": 1},
                    {"categoryType": "MUSIC", "categoryId": "CD", "uid": "3", "name": "Third", "count": 2}]"#;
    let mismatch = pay(&format!(r#"{{"name": "First 외 2개", "naverProducts": {three}}}"#));
    assert_eq!(errors(&mismatch), []);
    assert_eq!(warnings(&mismatch), [("NAME_MISMATCH", "name")]);
    assert!(mismatch.request.is_some());

    let same = pay(&format!(r#"{{"name": "First", "naverProducts": {three}}}"#));
    assert_eq!(warnings(&same), []);
    let one_product = pay(r#"{"name": "Another name"}"#);
    assert_eq!(warnings(&one_product), []);
}

// ---------------------------------------------------------------- naverProducts

#[test]
fn naver_products_is_a_required_non_empty_array() {
    table(
        pay,
        &[
            (r#"{"naverProducts": undefined}"#, Some(("REQUIRED", "naverProducts"))),
            (r#"{"naverProducts": null}"#, Some(("REQUIRED", "naverProducts"))),
            (r#"{"naverProducts": []}"#, Some(("REQUIRED", "naverProducts"))),
            (r#"{"naverProducts": {}}"#, Some(("INVALID_TYPE", "naverProducts"))),
            (r#"{"naverProducts": "BOOK"}"#, Some(("INVALID_TYPE", "naverProducts"))),
        ],
    );
}

#[test]
fn a_product_that_is_not_an_object_is_invalid_type_at_its_index() {
    let r = pay(r#"{"naverProducts": [{"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "1",
                                        "name": "History of the World", "count": 1}, "BOOK", null]}"#);
    assert_eq!(errors(&r), [("INVALID_TYPE", "naverProducts[1]"), ("INVALID_TYPE", "naverProducts[2]")]);
}

#[test]
fn product_issues_carry_the_product_index() {
    let r = pay(r#"{"naverProducts": [{"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "1",
                                        "name": "History of the World", "count": 1},
                                       {"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "2",
                                        "name": "Second", "count": 0}]}"#);
    assert_eq!(errors(&r), [("OUT_OF_RANGE", "naverProducts[1].count")]);
}

#[test]
fn every_category_pair_of_the_table_is_accepted() {
    for (category_type, ids) in catalog::CATEGORIES {
        for id in *ids {
            let r = product(&format!(r#"{{"categoryType": "{category_type}", "categoryId": "{id}"}}"#));
            assert!(r.ok(), "{category_type}/{id}: {:?}", r.errors);
        }
    }
}

#[test]
fn category_pairs_outside_the_table_are_invalid_category_at_category_id() {
    table(
        product,
        &[
            (
                r#"{"categoryType": "MUSIC", "categoryId": "EBOOK"}"#,
                Some(("INVALID_CATEGORY", "naverProducts[0].categoryId")),
            ),
            (
                r#"{"categoryType": "BOOK", "categoryId": "CD"}"#,
                Some(("INVALID_CATEGORY", "naverProducts[0].categoryId")),
            ),
            (
                r#"{"categoryType": "BOOKS", "categoryId": "GENERAL"}"#,
                Some(("INVALID_CATEGORY", "naverProducts[0].categoryId")),
            ),
            (
                r#"{"categoryType": "book", "categoryId": "general"}"#,
                Some(("INVALID_CATEGORY", "naverProducts[0].categoryId")),
            ),
            (
                r#"{"categoryType": "MOVIE", "categoryId": "BLURAY"}"#,
                Some(("INVALID_CATEGORY", "naverProducts[0].categoryId")),
            ),
            (r#"{"categoryType": undefined}"#, Some(("REQUIRED", "naverProducts[0].categoryType"))),
            (r#"{"categoryId": 3}"#, Some(("INVALID_TYPE", "naverProducts[0].categoryId"))),
        ],
    );
}

#[test]
fn invalid_category_for_a_known_type_lists_its_ids() {
    let params = patched(
        PAYMENT,
        r#"{"naverProducts": [{"categoryType": "MUSIC", "categoryId": "EBOOK",
                                      "uid": "1", "name": "History of the World", "count": 1}]}"#,
    );
    let r = validate_naver_pay(&params, &en());
    let message = r.errors.first().map(|i| i.message.as_str()).unwrap_or("");
    assert!(message.contains("CD, LP, USED"), "{message}");
}

#[test]
fn product_uid_is_required_and_at_most_100_bytes() {
    table(
        product,
        &[
            (r#"{"uid": undefined}"#, Some(("REQUIRED", "naverProducts[0].uid"))),
            (r#"{"uid": ""}"#, Some(("REQUIRED", "naverProducts[0].uid"))),
            (r#"{"uid": 107922211}"#, Some(("INVALID_TYPE", "naverProducts[0].uid"))),
            (&format!(r#"{{"uid": "{}"}}"#, "u".repeat(100)), None),
            (&format!(r#"{{"uid": "{}"}}"#, "u".repeat(101)), Some(("TOO_LONG", "naverProducts[0].uid"))),
            // Bytes, not characters: 34 Hangul syllables are 102 bytes.
            (&format!(r#"{{"uid": "{}"}}"#, "상".repeat(34)), Some(("TOO_LONG", "naverProducts[0].uid"))),
        ],
    );
}

#[test]
fn product_name_is_required_and_at_most_128_characters() {
    // The order's own name stays, so only the product's name is judged.
    table(
        product,
        &[
            (r#"{"name": undefined}"#, Some(("REQUIRED", "naverProducts[0].name"))),
            (r#"{"name": ""}"#, Some(("REQUIRED", "naverProducts[0].name"))),
            (r#"{"name": ["x"]}"#, Some(("INVALID_TYPE", "naverProducts[0].name"))),
            (&format!(r#"{{"name": "{}"}}"#, "상".repeat(128)), None),
            (&format!(r#"{{"name": "{}"}}"#, "상".repeat(129)), Some(("TOO_LONG", "naverProducts[0].name"))),
        ],
    );
}

#[test]
fn product_count_is_an_integer_from_1_to_999999() {
    table(
        product,
        &[
            (r#"{"count": 1}"#, None),
            (r#"{"count": 999999}"#, None),
            (r#"{"count": 0}"#, Some(("OUT_OF_RANGE", "naverProducts[0].count"))),
            (r#"{"count": -1}"#, Some(("OUT_OF_RANGE", "naverProducts[0].count"))),
            (r#"{"count": 1000000}"#, Some(("OUT_OF_RANGE", "naverProducts[0].count"))),
            (r#"{"count": 1.5}"#, Some(("NOT_INTEGER", "naverProducts[0].count"))),
            (r#"{"count": NaN}"#, Some(("NOT_INTEGER", "naverProducts[0].count"))),
            (r#"{"count": "1"}"#, Some(("INVALID_TYPE", "naverProducts[0].count"))),
            (r#"{"count": undefined}"#, Some(("REQUIRED", "naverProducts[0].count"))),
        ],
    );
}

#[test]
fn product_seller_id_is_ascii_letters_and_digits_up_to_30() {
    table(
        product,
        &[
            (r#"{"sellerId": "Seller01"}"#, None),
            (&format!(r#"{{"sellerId": "{}"}}"#, "s".repeat(30)), None),
            (
                &format!(r#"{{"sellerId": "{}"}}"#, "s".repeat(31)),
                Some(("INVALID_FORMAT", "naverProducts[0].sellerId")),
            ),
            (r#"{"sellerId": "seller_01"}"#, Some(("INVALID_FORMAT", "naverProducts[0].sellerId"))),
            (r#"{"sellerId": "판매자"}"#, Some(("INVALID_FORMAT", "naverProducts[0].sellerId"))),
            (r#"{"sellerId": ""}"#, Some(("INVALID_FORMAT", "naverProducts[0].sellerId"))),
            (r#"{"sellerId": 12}"#, Some(("INVALID_TYPE", "naverProducts[0].sellerId"))),
        ],
    );
}

#[test]
fn product_pay_referrer_is_one_of_the_list() {
    for referrer in catalog::PAY_REFERRERS {
        assert!(product(&format!(r#"{{"payReferrer": "{referrer}"}}"#)).ok(), "{referrer}");
    }
    table(
        product,
        &[
            (r#"{"payReferrer": "NAVER"}"#, Some(("INVALID_VALUE", "naverProducts[0].payReferrer"))),
            (r#"{"payReferrer": "naver_book"}"#, Some(("INVALID_VALUE", "naverProducts[0].payReferrer"))),
            (r#"{"payReferrer": true}"#, Some(("INVALID_TYPE", "naverProducts[0].payReferrer"))),
        ],
    );
}

#[test]
fn product_dates_are_real_dates_with_end_not_before_start() {
    table(
        product,
        &[
            (r#"{"startDate": "20250101", "endDate": "20250131"}"#, None),
            (r#"{"startDate": "20250101", "endDate": "20250101"}"#, None),
            (r#"{"startDate": "20240229"}"#, None),
            (r#"{"startDate": "20240230"}"#, Some(("INVALID_DATE", "naverProducts[0].startDate"))),
            (r#"{"endDate": "2025-01-31"}"#, Some(("INVALID_DATE", "naverProducts[0].endDate"))),
            (r#"{"startDate": "20250201", "endDate": "20250131"}"#, Some(("INVALID_DATE", "naverProducts[0].endDate"))),
            // naver.mdx: "숫자 허용", and its own sample passes 20240117.
            (r#"{"startDate": 20240117, "endDate": 20240118}"#, None),
            (r#"{"startDate": 20240230}"#, Some(("INVALID_DATE", "naverProducts[0].startDate"))),
            (r#"{"startDate": 2024011.5}"#, Some(("INVALID_DATE", "naverProducts[0].startDate"))),
            (r#"{"startDate": 20250201, "endDate": "20250131"}"#, Some(("INVALID_DATE", "naverProducts[0].endDate"))),
            (r#"{"startDate": true}"#, Some(("INVALID_TYPE", "naverProducts[0].startDate"))),
        ],
    );
}

#[test]
fn unknown_product_keys_warn_and_near_misses_are_errors() {
    let typo = product(r#"{"sellerID": "Seller01"}"#);
    assert_eq!(errors(&typo), [("UNKNOWN_FIELD", "naverProducts[0].sellerID")]);
    assert!(typo.errors.iter().all(|i| i.message.contains("sellerId")));
    let unknown = product(r#"{"colourOfCover": "red"}"#);
    assert_eq!(errors(&unknown), []);
    assert_eq!(warnings(&unknown), [("UNKNOWN_FIELD", "naverProducts[0].colourOfCover")]);
}

// ---------------------------------------------------------------- dates

#[test]
fn naver_use_cfm_is_a_real_date_not_before_today_in_seoul() {
    table(
        pay,
        &[
            // At 2024-12-31T15:30Z it is already 2025-01-01 in Seoul.
            (r#"{"naverUseCfm": "20250101"}"#, None),
            (r#"{"naverUseCfm": "20261231"}"#, None),
            (r#"{"naverUseCfm": "20241231"}"#, Some(("DATE_IN_PAST", "naverUseCfm"))),
            (r#"{"naverUseCfm": "20240230"}"#, Some(("INVALID_DATE", "naverUseCfm"))),
            (r#"{"naverUseCfm": "2025-01-01"}"#, Some(("INVALID_DATE", "naverUseCfm"))),
            (r#"{"naverUseCfm": ""}"#, Some(("INVALID_DATE", "naverUseCfm"))),
            (r#"{"naverUseCfm": 20250101}"#, Some(("INVALID_TYPE", "naverUseCfm"))),
        ],
    );
}

#[test]
fn naver_purchaser_birthday_is_a_real_date_not_in_the_future() {
    table(
        pay,
        &[
            (r#"{"naverPurchaserBirthday": "19900101"}"#, None),
            (r#"{"naverPurchaserBirthday": "20250101"}"#, None),
            (r#"{"naverPurchaserBirthday": "20250102"}"#, Some(("INVALID_DATE", "naverPurchaserBirthday"))),
            (r#"{"naverPurchaserBirthday": "19900230"}"#, Some(("INVALID_DATE", "naverPurchaserBirthday"))),
            (r#"{"naverPurchaserBirthday": 19900101}"#, Some(("INVALID_TYPE", "naverPurchaserBirthday"))),
        ],
    );
}

// ---------------------------------------------------------------- window mode

#[test]
fn naver_popup_mode_is_a_boolean() {
    table(
        pay,
        &[
            (r#"{"naverPopupMode": true}"#, None),
            (r#"{"naverPopupMode": false}"#, None),
            (r#"{"naverPopupMode": "true"}"#, Some(("INVALID_TYPE", "naverPopupMode"))),
            (r#"{"naverPopupMode": 1}"#, Some(("INVALID_TYPE", "naverPopupMode"))),
            (r#"{"naverPopupMode": null}"#, None),
        ],
    );
}

#[test]
fn mode_option_wins_then_params_then_device() {
    let phone = DeviceInfo {
        user_agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148".into(),
        ..DeviceInfo::default()
    };
    let desktop = DeviceInfo {
        user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126".into(),
        ..DeviceInfo::default()
    };
    use ModeOption::{Auto, Popup as P, Redirect as R};
    use PayMode::{Popup, Redirect};
    let rows: &[(ModeOption, &str, Option<&DeviceInfo>, PayMode)] = &[
        (P, r#"{"naverPopupMode": false}"#, Some(&phone), Popup),
        (R, r#"{"naverPopupMode": true}"#, Some(&desktop), Redirect),
        (Auto, r#"{"naverPopupMode": true}"#, Some(&phone), Popup),
        (Auto, r#"{"naverPopupMode": false}"#, Some(&desktop), Redirect),
        (Auto, "{}", Some(&phone), Redirect),
        (Auto, "{}", Some(&desktop), Popup),
        (Auto, "{}", None, Popup),
    ];
    for (mode, patch, device, expected) in rows {
        let opts = ValidateOptions { mode: *mode, device: device.cloned(), ..options() };
        let r = validate_naver_pay(&patched(PAYMENT, patch), &opts);
        assert_eq!(r.mode, *expected, "{mode:?} {patch}");
        let popup = Value::Bool(*expected == PayMode::Popup);
        assert_eq!(request(&r).get("naverPopupMode"), &popup, "{mode:?} {patch}");
    }
}

#[test]
fn redirect_mode_requires_m_redirect_url() {
    let opts = ValidateOptions { mode: ModeOption::Redirect, ..options() };
    for patch in [r#"{"m_redirect_url": undefined}"#, r#"{"m_redirect_url": ""}"#, r#"{"m_redirect_url": null}"#] {
        let r = validate_naver_pay(&patched(PAYMENT, patch), &opts);
        assert_eq!(errors(&r), [("REDIRECT_URL_REQUIRED", "m_redirect_url")], "{patch}");
        assert_eq!(r.mode, PayMode::Redirect);
    }
    let params_redirect = pay(r#"{"m_redirect_url": undefined, "naverPopupMode": false}"#);
    assert_eq!(errors(&params_redirect), [("REDIRECT_URL_REQUIRED", "m_redirect_url")]);
}

#[test]
fn popup_mode_does_not_require_m_redirect_url() {
    let opts = ValidateOptions { mode: ModeOption::Popup, ..options() };
    let r = validate_naver_pay(&patched(PAYMENT, r#"{"m_redirect_url": undefined}"#), &opts);
    assert!(r.ok(), "{:?}", r.errors);
}

#[test]
fn m_redirect_url_is_an_absolute_https_url_in_any_mode() {
    table(
        pay,
        &[
            (r#"{"m_redirect_url": "https://shop.example/pay/complete?order=1#top"}"#, None),
            (r#"{"m_redirect_url": "https://shop.example:8443/"}"#, None),
            (r#"{"m_redirect_url": "http://localhost:3000/complete"}"#, None),
            (r#"{"m_redirect_url": "http://127.0.0.1/complete"}"#, None),
            (r#"{"m_redirect_url": "http://[::1]:8080/complete"}"#, None),
            (r#"{"m_redirect_url": 42}"#, Some(("INVALID_TYPE", "m_redirect_url"))),
        ],
    );
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/complete",
        "/pay/complete",
        "https://user:pass@shop.example/",
        "https://shop.example@evil.example/",
        "https:\\\\evil.example",
        "https:/\\evil.example",
        "/\\evil.example",
        "https:evil.example",
        "https://",
        "https:///complete",
        "ftp://shop.example/",
        "",
    ] {
        let patch = format!(r#"{{"m_redirect_url": {}}}"#, quote(bad));
        let r = pay(&patch);
        assert_eq!(errors(&r), [("INVALID_URL", "m_redirect_url")], "{bad:?}");
    }
}

// ---------------------------------------------------------------- naver and buyer fields

#[test]
fn naver_purchaser_name_and_chain_id_are_non_empty_strings() {
    table(
        pay,
        &[
            (r#"{"naverPurchaserName": "홍길동"}"#, None),
            (r#"{"naverPurchaserName": ""}"#, Some(("INVALID_TYPE", "naverPurchaserName"))),
            (r#"{"naverPurchaserName": 1}"#, Some(("INVALID_TYPE", "naverPurchaserName"))),
            (r#"{"naverChainId": "chain01"}"#, None),
            (r#"{"naverChainId": ""}"#, Some(("INVALID_TYPE", "naverChainId"))),
            (r#"{"naverChainId": {}}"#, Some(("INVALID_TYPE", "naverChainId"))),
        ],
    );
}

#[test]
fn buyer_email_has_one_at_and_a_dotted_domain() {
    table(
        pay,
        &[
            (r#"{"buyer_email": "iamport@siot.do"}"#, None),
            (r#"{"buyer_email": ""}"#, None),
            (r#"{"buyer_email": "iamport"}"#, Some(("INVALID_FORMAT", "buyer_email"))),
            (r#"{"buyer_email": "iamport@siot"}"#, Some(("INVALID_FORMAT", "buyer_email"))),
            (r#"{"buyer_email": "i@am@siot.do"}"#, Some(("INVALID_FORMAT", "buyer_email"))),
            (r#"{"buyer_email": "@siot.do"}"#, Some(("INVALID_FORMAT", "buyer_email"))),
            (r#"{"buyer_email": 3}"#, Some(("INVALID_TYPE", "buyer_email"))),
        ],
    );
}

#[test]
fn buyer_tel_is_digits_dashes_and_a_leading_plus_8_to_20_long() {
    table(
        pay,
        &[
            (r#"{"buyer_tel": "010-1234-5678"}"#, None),
            (r#"{"buyer_tel": "01012345678"}"#, None),
            (r#"{"buyer_tel": "+82-10-1234-5678"}"#, None),
            (r#"{"buyer_tel": ""}"#, None),
            (r#"{"buyer_tel": "1234-567"}"#, None),
            (r#"{"buyer_tel": "123-456"}"#, Some(("INVALID_FORMAT", "buyer_tel"))),
            (r#"{"buyer_tel": "010 1234 5678"}"#, Some(("INVALID_FORMAT", "buyer_tel"))),
            (r#"{"buyer_tel": "010-1234-5678 ext"}"#, Some(("INVALID_FORMAT", "buyer_tel"))),
            (r#"{"buyer_tel": "82+1012345678"}"#, Some(("INVALID_FORMAT", "buyer_tel"))),
            (r#"{"buyer_tel": "123456789012345678901"}"#, Some(("INVALID_FORMAT", "buyer_tel"))),
            (r#"{"buyer_tel": 1012345678}"#, Some(("INVALID_TYPE", "buyer_tel"))),
        ],
    );
}

#[test]
fn buyer_name_addr_and_postcode_are_strings() {
    table(
        pay,
        &[
            (
                r#"{"buyer_name": "홍길동", "buyer_addr": "서울특별시 강남구 삼성동", "buyer_postcode": "123-456"}"#,
                None,
            ),
            (r#"{"buyer_name": 1}"#, Some(("INVALID_TYPE", "buyer_name"))),
            (r#"{"buyer_addr": ["서울"]}"#, Some(("INVALID_TYPE", "buyer_addr"))),
            (r#"{"buyer_postcode": 12345}"#, Some(("INVALID_TYPE", "buyer_postcode"))),
        ],
    );
}

#[test]
fn tax_free_is_an_integer_from_0_to_amount() {
    table(
        pay,
        &[
            (r#"{"tax_free": 0}"#, None),
            (r#"{"tax_free": 14000}"#, None),
            (r#"{"tax_free": 14001}"#, Some(("OUT_OF_RANGE", "tax_free"))),
            (r#"{"tax_free": -1}"#, Some(("OUT_OF_RANGE", "tax_free"))),
            (r#"{"tax_free": 0.5}"#, Some(("NOT_INTEGER", "tax_free"))),
            (r#"{"tax_free": "0"}"#, Some(("INVALID_TYPE", "tax_free"))),
        ],
    );
}

// ---------------------------------------------------------------- unknown fields and secrets

#[test]
fn a_near_miss_of_a_known_field_is_an_error_that_suggests_it() {
    for (key, suggestion) in [
        ("naverPopUpMode", "naverPopupMode"),
        ("merchantUid", "merchant_uid"),
        ("amout", "amount"),
        ("naverProduct", "naverProducts"),
        ("m_redirect_uri", "m_redirect_url"),
        ("PG", "pg"),
    ] {
        let patch = format!(r#"{{"{key}": true}}"#);
        for opts in [options(), en()] {
            let r = validate_naver_pay(&patched(PAYMENT, &patch), &opts);
            assert_eq!(errors(&r), [("UNKNOWN_FIELD", key)], "{key}");
            let message = r.errors.first().map(|i| i.message.as_str()).unwrap_or("");
            assert!(message.contains(suggestion), "{key}: {message}");
        }
    }
}

#[test]
fn a_field_far_from_every_known_field_is_a_warning_and_passes_through() {
    for key in ["favourite_colour", "id", "utm_source", "orderMemo"] {
        let r = pay(&format!(r#"{{"{key}": {{"nested": [1, 2]}}}}"#));
        assert_eq!(errors(&r), [], "{key}");
        assert_eq!(warnings(&r), [("UNKNOWN_FIELD", key)], "{key}");
        assert_eq!(request(&r).get(key), &json(r#"{"nested": [1, 2]}"#), "{key}");
    }
}

#[test]
fn documented_fields_are_known_and_pass_through_untouched() {
    let documented = r#"{"pay_method": "card", "escrow": false, "currency": "KRW", "language": "ko",
        "notice_url": "https://shop.example/hook", "confirm_url": "https://shop.example/confirm",
        "custom_data": {"cart": [1, 2]}, "customer_id": "c1", "vat_amount": 0, "app_scheme": "shop",
        "digital": false, "naverCultureBenefit": true, "naverMerchantUserKey": "user-1",
        "naverProductCount": 1, "naverProductCode": "code-1", "niceMobileV2": true, "kakaoOpenApp": true}"#;
    let r = pay(documented);
    assert_eq!(errors(&r), []);
    let ignored = ["pay_method", "currency", "language", "vat_amount", "digital"];
    assert_eq!(warnings(&r), ignored.map(|f| ("IGNORED_FIELD", f)));
    let Value::Object(documented) = json(documented) else { unreachable!() };
    for (k, v) in documented.iter() {
        assert_eq!(request(&r).get(k), v, "{k}");
    }
}

#[test]
fn credentials_are_refused_wherever_they_are() {
    for (patch, field) in [
        (r#"{"imp_secret": "s3cr3t-value"}"#, "imp_secret"),
        (r#"{"imp_key": "s3cr3t-value"}"#, "imp_key"),
        (r#"{"IMP-SECRET": "s3cr3t-value"}"#, "IMP-SECRET"),
        (r#"{"apiSecret": "s3cr3t-value"}"#, "apiSecret"),
        (r#"{"api_key": "s3cr3t-value"}"#, "api_key"),
        (r#"{"access_token": "s3cr3t-value"}"#, "access_token"),
        (r#"{"refreshToken": "s3cr3t-value"}"#, "refreshToken"),
        (r#"{"client_secret": "s3cr3t-value"}"#, "client_secret"),
        (r#"{"password": "s3cr3t-value"}"#, "password"),
        (r#"{"custom_data": {"auth": {"imp_secret": "s3cr3t-value"}}}"#, "custom_data.auth.imp_secret"),
        (r#"{"custom_data": [{"api_secret": "s3cr3t-value"}]}"#, "custom_data[0].api_secret"),
    ] {
        for opts in [options(), en()] {
            let r = validate_naver_pay(&patched(PAYMENT, patch), &opts);
            assert_eq!(errors(&r), [("SECRET_IN_BROWSER", field)], "{patch}");
            assert_eq!(warnings(&r), [], "{patch}");
            assert!(r.errors.iter().all(|i| !i.message.contains("s3cr3t")), "{patch}");
            assert_eq!(r.request, None);
        }
    }
}

#[test]
fn a_credential_inside_a_product_is_refused_at_its_path() {
    let r = product(r#"{"imp_secret": "s3cr3t-value"}"#);
    assert_eq!(errors(&r), [("SECRET_IN_BROWSER", "naverProducts[0].imp_secret")]);
}

#[test]
fn keys_that_only_sound_like_credentials_are_not_refused() {
    let r = pay(r#"{"naverMerchantUserKey": "user-1", "customer_id": "cu-1", "channelKey": "channel-key-1"}"#);
    assert_eq!(errors(&r), []);
    assert_eq!(warnings(&r), []);
}

#[test]
fn messages_never_contain_buyer_values() {
    let params = r#"{"buyer_email": "kim.minji.private", "buyer_tel": "call-me-maybe",
        "buyer_name": 770101, "naverPurchaserBirthday": "20991231", "naverPurchaserName": 19991231,
        "buyer_postcode": 4242}"#;
    for opts in [options(), en()] {
        let r = validate_naver_pay(&patched(PAYMENT, params), &opts);
        assert_eq!(r.errors.len(), 6);
        for issue in &r.errors {
            for value in ["kim.minji", "call-me", "770101", "20991231", "19991231", "4242"] {
                assert!(!issue.message.contains(value), "{}: {}", issue.field, issue.message);
            }
        }
    }
}

#[test]
fn messages_follow_the_locale() {
    let params = patched(PAYMENT, r#"{"merchant_uid": undefined}"#);
    let ko = validate_naver_pay(&params, &options());
    let en = validate_naver_pay(&params, &en());
    assert_eq!(ko.errors.first().map(|i| i.message.as_str()), Some("merchant_uid: 필수 항목입니다."));
    assert_eq!(en.errors.first().map(|i| i.message.as_str()), Some("merchant_uid: is required"));
}

// ---------------------------------------------------------------- the request

#[test]
fn the_request_keeps_key_order_and_appends_defaults() {
    let params = r#"{"favourite_colour": "blue", "merchant_uid": "order_0001", "amount": 14000,
        "m_redirect_url": "https://shop.example/pay/complete", "buyer_email": "iamport@siot.do",
        "naverProducts": [{"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "107922211",
                           "name": "History of the World", "count": 1}]}"#;
    let r = validate_naver_pay(&json(params), &options());
    let req = request(&r);
    assert_eq!(
        keys(req),
        [
            "favourite_colour",
            "merchant_uid",
            "amount",
            "m_redirect_url",
            "buyer_email",
            "naverProducts",
            "pg",
            "name",
            "naverPopupMode"
        ]
    );
    assert_eq!(req.get("pg"), &json(r#""naverpay""#));
    assert_eq!(req.get("name"), &json(r#""History of the World""#));
    assert_eq!(req.get("naverPopupMode"), &Value::Bool(true));
    let Value::Object(original) = json(params) else { unreachable!() };
    for (k, v) in original.iter() {
        assert_eq!(req.get(k), v, "{k} passes through untouched");
    }
}

#[test]
fn the_request_sets_naver_popup_mode_in_place_when_given() {
    let opts = ValidateOptions { mode: ModeOption::Redirect, ..options() };
    let r = validate_naver_pay(&patched(PAYMENT, r#"{"naverPopupMode": true, "buyer_name": "홍길동"}"#), &opts);
    let req = request(&r);
    assert_eq!(req.get("naverPopupMode"), &Value::Bool(false));
    assert_eq!(keys(req).iter().position(|k| *k == "naverPopupMode"), Some(5));
}

#[test]
fn there_is_no_request_when_there_are_errors() {
    let r = pay(r#"{"amount": 99}"#);
    assert_eq!(r.request, None);
    assert!(!r.ok());
}

// ---------------------------------------------------------------- billing key

#[test]
fn billing_key_seed_example_is_valid_without_issues() {
    let r = billing("{}");
    assert_eq!(errors(&r), []);
    assert_eq!(warnings(&r), []);
    let req = request(&r);
    assert_eq!(req.get("pg"), &json(r#""naverpay""#));
    assert_eq!(req.get("customer_uid"), &json(r#""gildong_0001_1234""#));
}

#[test]
fn billing_key_requires_customer_uid_of_at_most_80_characters() {
    table(
        billing,
        &[
            (r#"{"customer_uid": undefined}"#, Some(("REQUIRED", "customer_uid"))),
            (r#"{"customer_uid": ""}"#, Some(("REQUIRED", "customer_uid"))),
            (r#"{"customer_uid": 1}"#, Some(("INVALID_TYPE", "customer_uid"))),
            (&format!(r#"{{"customer_uid": "{}"}}"#, "c".repeat(80)), None),
            (&format!(r#"{{"customer_uid": "{}"}}"#, "c".repeat(81)), Some(("TOO_LONG", "customer_uid"))),
        ],
    );
}

#[test]
fn billing_key_requires_buyer_tel() {
    table(
        billing,
        &[
            (r#"{"buyer_tel": undefined}"#, Some(("REQUIRED", "buyer_tel"))),
            (r#"{"buyer_tel": ""}"#, Some(("REQUIRED", "buyer_tel"))),
            (r#"{"buyer_tel": "010"}"#, Some(("INVALID_FORMAT", "buyer_tel"))),
        ],
    );
}

#[test]
fn billing_key_requires_naver_product_code() {
    table(
        billing,
        &[
            (r#"{"naverProductCode": undefined}"#, Some(("REQUIRED", "naverProductCode"))),
            (r#"{"naverProductCode": ""}"#, Some(("REQUIRED", "naverProductCode"))),
            (r#"{"naverProductCode": 12}"#, Some(("INVALID_TYPE", "naverProductCode"))),
        ],
    );
}

#[test]
fn billing_key_amount_is_any_integer_from_zero_without_minimum() {
    table(
        billing,
        &[
            (r#"{"amount": 0}"#, None),
            (r#"{"amount": 50}"#, None),
            (r#"{"amount": -1}"#, Some(("OUT_OF_RANGE", "amount"))),
            (r#"{"amount": 1.5}"#, Some(("NOT_INTEGER", "amount"))),
            (r#"{"amount": "0"}"#, Some(("INVALID_TYPE", "amount"))),
            (r#"{"amount": undefined}"#, Some(("REQUIRED", "amount"))),
        ],
    );
}

#[test]
fn billing_key_products_are_optional_but_checked_when_given() {
    table(
        billing,
        &[
            (
                r#"{"naverProducts": [{"categoryType": "PRODUCT", "categoryId": "GENERAL", "uid": "p1", "name": "Slim plan (monthly)", "count": 1}]}"#,
                None,
            ),
            (
                r#"{"naverProducts": [{"categoryType": "MUSIC", "categoryId": "EBOOK", "uid": "p1", "name": "Slim plan (monthly)", "count": 1}]}"#,
                Some(("INVALID_CATEGORY", "naverProducts[0].categoryId")),
            ),
            (r#"{"naverProducts": "PRODUCT"}"#, Some(("INVALID_TYPE", "naverProducts"))),
        ],
    );
}

#[test]
fn billing_key_name_is_required_or_taken_from_products() {
    assert_eq!(errors(&billing(r#"{"name": undefined}"#)), [("REQUIRED", "name")]);
    let r = billing(
        r#"{"name": undefined, "naverProducts": [{"categoryType": "PRODUCT", "categoryId": "GENERAL",
                                                              "uid": "p1", "name": "Slim plan", "count": 1}]}"#,
    );
    assert_eq!(request(&r).get("name"), &json(r#""Slim plan""#));
}

#[test]
fn billing_key_shares_the_other_payment_rules() {
    table(
        billing,
        &[
            (r#"{"merchant_uid": undefined}"#, Some(("REQUIRED", "merchant_uid"))),
            (r#"{"pg": "kakaopay"}"#, Some(("INVALID_VALUE", "pg"))),
            (r#"{"imp_secret": "x"}"#, Some(("SECRET_IN_BROWSER", "imp_secret"))),
            (r#"{"naverPopUpMode": false}"#, Some(("UNKNOWN_FIELD", "naverPopUpMode"))),
            (r#"{"m_redirect_url": "javascript:alert(1)"}"#, Some(("INVALID_URL", "m_redirect_url"))),
            (r#"{"naverUseCfm": "20241231"}"#, Some(("DATE_IN_PAST", "naverUseCfm"))),
        ],
    );
}

#[test]
fn every_error_code_used_here_is_a_known_code() {
    let r = pay(r#"{"amount": "x", "naverPopUpMode": 1, "imp_secret": "x"}"#);
    for issue in &r.errors {
        assert!(ErrorCode::ALL.contains(&issue.code));
    }
}

#[test]
fn any_value_in_any_field_is_reported_never_a_panic() {
    let odd = [
        Value::Undefined,
        Value::Null,
        Value::Bool(true),
        Value::Number(f64::NAN),
        Value::Number(-1e308),
        Value::String(String::new()),
        Value::String("\u{0}\\//@:[".into()),
        Value::Array(vec![Value::Null]),
        Value::Object(Map::new()),
        Value::Other("symbol"),
    ];
    let Value::Object(base) = json(PAYMENT) else { unreachable!() };
    let product_keys = catalog::PRODUCT.iter().map(|f| f.name);
    for key in catalog::REQUEST_PAY.iter().map(|f| f.name).chain(product_keys) {
        for value in &odd {
            let mut params = base.clone();
            params.insert(key, value.clone());
            let mut item = Map::new();
            item.insert(key, value.clone());
            params.insert("naverProducts", Value::Array(vec![Value::Object(item), value.clone()]));
            for validate in [validate_naver_pay, validate_billing_key] {
                let r = validate(&Value::Object(params.clone()), &en());
                assert!(!r.ok(), "{key} = {value:?}");
                assert!(r.errors.iter().all(|i| !i.message.is_empty()));
            }
        }
    }
}

// ---------------------------------------------------------------- a tiny JSON-like reader

fn json(src: &str) -> Value {
    let mut p = Reader { s: src.as_bytes(), i: 0 };
    let v = p.value();
    p.ws();
    assert_eq!(p.i, p.s.len(), "trailing input in {src}");
    v
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a value back as the reader's syntax (test inputs only).
fn debug_json(v: &Value) -> String {
    match v {
        Value::Undefined => "undefined".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("{n}"),
        Value::String(s) => quote(s),
        Value::Array(a) => format!("[{}]", a.iter().map(debug_json).collect::<Vec<_>>().join(",")),
        Value::Object(m) => {
            format!(
                "{{{}}}",
                m.iter().map(|(k, v)| format!("{}:{}", quote(k), debug_json(v))).collect::<Vec<_>>().join(",")
            )
        }
        Value::Other(t) => panic!("cannot write {t}"),
        Value::Threw => panic!("cannot write a property that threw"),
    }
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) {
        self.ws();
        assert_eq!(self.s.get(self.i), Some(&c), "expected {:?} at {}", c as char, self.i);
        self.i += 1;
    }

    fn value(&mut self) -> Value {
        self.ws();
        for (lit, v) in [
            ("undefined", Value::Undefined),
            ("null", Value::Null),
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
            ("NaN", Value::Number(f64::NAN)),
            ("Infinity", Value::Number(f64::INFINITY)),
            ("-Infinity", Value::Number(f64::NEG_INFINITY)),
        ] {
            if self.eat(lit) {
                return v;
            }
        }
        match self.s[self.i] {
            b'{' => {
                self.i += 1;
                let mut m = Map::new();
                self.ws();
                if self.eat("}") {
                    return Value::Object(m);
                }
                loop {
                    self.ws();
                    let k = self.string();
                    self.expect(b':');
                    let v = self.value();
                    m.insert(k, v);
                    self.ws();
                    if self.eat("}") {
                        return Value::Object(m);
                    }
                    self.expect(b',');
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                self.ws();
                if self.eat("]") {
                    return Value::Array(a);
                }
                loop {
                    a.push(self.value());
                    self.ws();
                    if self.eat("]") {
                        return Value::Array(a);
                    }
                    self.expect(b',');
                }
            }
            b'"' => Value::String(self.string()),
            _ => {
                let start = self.i;
                while self.s.get(self.i).is_some_and(|b| b"+-.eE0123456789".contains(b)) {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.i]).unwrap();
                Value::Number(text.parse().unwrap_or_else(|_| panic!("bad number {text:?} at {start}")))
            }
        }
    }

    fn string(&mut self) -> String {
        self.expect(b'"');
        let mut out = Vec::new();
        loop {
            match self.s[self.i] {
                b'"' => {
                    self.i += 1;
                    return String::from_utf8(out).unwrap();
                }
                b'\\' => {
                    let esc = self.s[self.i + 1];
                    self.i += 2;
                    match esc {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let hex = std::str::from_utf8(&self.s[self.i..self.i + 4]).unwrap();
                            let c = char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap();
                            out.extend_from_slice(c.to_string().as_bytes());
                            self.i += 4;
                        }
                        other => out.push(other),
                    }
                }
                b => {
                    out.push(b);
                    self.i += 1;
                }
            }
        }
    }
}

// ---------------------------------------------------------------- tables from PortOne's documents
//
// `catalog::REQUEST_PAY`, read from `portone-io/developers.portone.io`
// `src/routes/(root)/sdk/ko/v1-sdk/javascript-sdk/payrq.mdx` at 4ababcdf3575f74400c926a53761e30f2b680161
// and `src/routes/(root)/opi/ko/integration/pg/v1/naver.mdx` at 13403e7ed213bd1b4bc21165d4244cc4461233b6
// (`iamport/iamport-manual` `NAVERPAY/sample/naverpay-pg.md` at 15e0dc7a for buyer_tel and naverChainId).
// docs/rules.md gives every rule with its source.

mod tables {
    use super::*;
    use crate::catalog::{self, Field, Limit, Type};

    fn valid(field: &Field) -> Value {
        match field.ty {
            Type::Str | Type::Text => {
                let longest = if let Limit::Chars(max) = field.limit { usize::from(max) } else { 1 };
                Value::from("v".repeat(longest))
            }
            Type::Int => Value::Number(5.0),
            Type::Bool => Value::Bool(false),
            Type::Obj => json(r#"{"k": [1, "v"]}"#),
            Type::Arr => json(r#"[{"k": 1}]"#),
            Type::StrOrArr => json(r#"["https://a.example/hook", "https://b.example/hook"]"#),
            _ => json(r#"{"cart": [1, 2], "note": null}"#),
        }
    }

    fn invalid(field: &Field) -> Vec<(Value, &'static str)> {
        match field.ty {
            Type::Str => vec![(Value::Number(12345.0), "INVALID_TYPE")],
            Type::Text => vec![(Value::from(""), "INVALID_TYPE"), (Value::Number(12345.0), "INVALID_TYPE")],
            Type::Int => vec![
                (Value::from("5"), "INVALID_TYPE"),
                (Value::Number(0.5), "NOT_INTEGER"),
                (Value::Number(-1.0), "OUT_OF_RANGE"),
            ],
            Type::Bool => vec![(Value::from("true"), "INVALID_TYPE"), (Value::Number(1.0), "INVALID_TYPE")],
            Type::Obj => vec![(Value::from("{}"), "INVALID_TYPE")],
            Type::Arr => vec![(Value::from("[]"), "INVALID_TYPE")],
            Type::StrOrArr => vec![(Value::Number(1.0), "INVALID_TYPE"), (json("[1]"), "INVALID_TYPE")],
            _ => vec![],
        }
    }

    type Run = fn(&Value, &ValidateOptions) -> ValidationReport;
    fn calls() -> [(&'static str, Run, &'static str, u8); 2] {
        [
            ("payment", validate_naver_pay, PAYMENT, catalog::REQUIRED),
            ("billing key", validate_billing_key, BILLING, catalog::REQUIRED_BILLING),
        ]
    }

    fn with(base: &str, key: &str, v: &Value) -> Value {
        let Value::Object(mut map) = json(base) else { unreachable!() };
        if v.is_absent() {
            map.remove(key);
        } else {
            map.insert(key, v.clone());
        }
        Value::Object(map)
    }

    #[test]
    fn every_documented_field_without_a_rule_reaches_the_request_unchanged() {
        for (call, run, base, _) in calls() {
            for field in catalog::REQUEST_PAY.iter().filter(|f| !f.has(catalog::RULE)) {
                let value = valid(field);
                let r = run(&with(base, field.name, &value), &options());
                assert_eq!(errors(&r), [], "{call}.{}", field.name);
                assert_eq!(request(&r).get(field.name), &value, "{call}.{}", field.name);
                let warning = match field.flags {
                    f if f & catalog::IGNORED != 0 => Some("IGNORED_FIELD"),
                    f if f & catalog::DEPRECATED != 0 => Some("DEPRECATED_FIELD"),
                    _ => None,
                };
                let expected: Vec<_> = warning.map(|code| (code, field.name)).into_iter().collect();
                assert_eq!(warnings(&r), expected, "{call}.{}", field.name);
            }
        }
    }

    #[test]
    fn every_documented_field_without_a_rule_refuses_each_wrong_kind_with_its_code_and_path() {
        for (call, run, base, required) in calls() {
            for field in catalog::REQUEST_PAY.iter().filter(|f| !f.has(catalog::RULE)) {
                for (value, code) in invalid(field) {
                    // An empty required string is missing.
                    let code = if field.has(required) && value.as_str() == Some("") { "REQUIRED" } else { code };
                    let r = run(&with(base, field.name, &value), &options());
                    assert_eq!(errors(&r), [(code, field.name)], "{call}.{} = {value:?}", field.name);
                }
            }
        }
    }

    #[test]
    fn every_required_row_is_required_in_its_call_only() {
        for (call, run, base, required) in calls() {
            for field in catalog::REQUEST_PAY.iter().filter(|f| f.has(required)) {
                let r = run(&with(base, field.name, &Value::Undefined), &options());
                // A payment's `name` is filled in from naverProducts[0].name.
                if field.name == "name" && call == "payment" {
                    assert!(r.ok(), "{call}.name");
                    continue;
                }
                assert_eq!(errors(&r), [("REQUIRED", field.name)], "{call}.{}", field.name);
            }
        }
    }

    #[test]
    fn the_fields_the_issue_found_unchecked_are_checked() {
        for (patch, expected) in [
            (r#"{"naverCultureBenefit": "true"}"#, ("INVALID_TYPE", "naverCultureBenefit")),
            (r#"{"naverProductCount": "5"}"#, ("INVALID_TYPE", "naverProductCount")),
            (r#"{"naverMerchantUserKey": 12345}"#, ("INVALID_TYPE", "naverMerchantUserKey")),
            (r#"{"naverMerchantUserKey": ""}"#, ("INVALID_TYPE", "naverMerchantUserKey")),
            (r#"{"notice_url": 12345}"#, ("INVALID_TYPE", "notice_url")),
            (r#"{"vat_amount": "1000"}"#, ("INVALID_TYPE", "vat_amount")),
            (r#"{"vat_amount": 14001}"#, ("OUT_OF_RANGE", "vat_amount")),
            (r#"{"tax_free": 14001}"#, ("OUT_OF_RANGE", "tax_free")),
        ] {
            assert_eq!(errors(&pay(patch)), [expected], "{patch}");
        }
        let r = pay(r#"{"vat_amount": 14000}"#);
        assert_eq!((errors(&r), warnings(&r)), (vec![], vec![("IGNORED_FIELD", "vat_amount")]));
    }

    #[test]
    fn customer_uid_in_a_general_payment_is_an_error_that_names_register_billing_key() {
        for opts in [options(), en()] {
            let r = validate_naver_pay(&patched(PAYMENT, r#"{"customer_uid": "gildong_0001_1234"}"#), &opts);
            assert_eq!(errors(&r), [("INVALID_VALUE", "customer_uid")]);
            assert!(r.errors[0].message.contains("registerBillingKey"), "{}", r.errors[0].message);
        }
        assert!(billing("{}").ok());
    }

    #[test]
    fn documented_fields_for_other_pgs_are_warnings_never_unknown_fields() {
        let r =
            pay(r#"{"card": {"direct": {"code": "361"}}, "products": [{"id": "p"}], "useFreeInterestFromMall": true}"#);
        assert_eq!(errors(&r), []);
        assert_eq!(
            warnings(&r),
            [("IGNORED_FIELD", "card"), ("IGNORED_FIELD", "products"), ("IGNORED_FIELD", "useFreeInterestFromMall")]
        );
    }
}

#[test]
fn every_request_pay_row_with_a_rule_is_checked_by_it() {
    // `naverPopupMode` is the one boolean: a string is wrong for it, a boolean for the others.
    for field in catalog::REQUEST_PAY.iter().filter(|f| f.has(catalog::RULE)) {
        let wrong = if field.name == "naverPopupMode" { r#""yes""# } else { "true" };
        for (base, run) in [
            (PAYMENT, validate_naver_pay as fn(&Value, &ValidateOptions) -> ValidationReport),
            (BILLING, validate_billing_key),
        ] {
            let r = run(&patched(base, &format!(r#"{{"{}": {wrong}}}"#, field.name)), &options());
            assert!(r.errors.iter().any(|i| i.field == field.name), "{}: {:?}", field.name, errors(&r));
        }
    }
}

// ---------------------------------------------------------------- merchants' real code, today's V1 (issue 19)
//
// Facts from `portone-io/developers.portone.io`: naver.mdx at 13403e7ed213bd1b4bc21165d4244cc4461233b6
// (`pg` deprecated for `channelKey`; `naverActionType` removed by that very commit; `naverChainId`
// removed by fc5fa02d2eee970a4dfc45d4ec33de59fcf0bf3c), payrq.mdx at 4ababcdf3575f74400c926a53761e30f2b680161
// (`naverpay` among `pay_method`'s codes; `m_redirect_url` a URL). docs/rules.md has the rest.

fn first_message(issues: &[naverpay_checkout::FieldIssue]) -> &str {
    issues.first().map(|i| i.message.as_str()).unwrap_or("")
}

fn pay_en(patch: &str) -> ValidationReport {
    validate_naver_pay(&patched(PAYMENT, patch), &en())
}

#[test]
fn plain_http_redirect_urls_pass_with_a_warning_that_says_why() {
    for url in ["http://shop.example/pay/complete", "http://detectchangingwebview/iamport/rn"] {
        let r = pay_en(&format!(r#"{{"m_redirect_url": {}}}"#, quote(url)));
        assert_eq!(errors(&r), [], "{url}");
        assert_eq!(warnings(&r), [("INSECURE_URL", "m_redirect_url")], "{url}");
        assert!(first_message(&r.warnings).contains("unencrypted"), "{}", first_message(&r.warnings));
        assert_eq!(request(&r).get("m_redirect_url"), &Value::from(url));
    }
    let local = pay(r#"{"m_redirect_url": "http://localhost:3000/complete"}"#);
    assert_eq!((errors(&local), warnings(&local)), (vec![], vec![]));
}

#[test]
fn a_redirect_url_with_unencoded_characters_says_so_and_how_to_fix_it() {
    for url in [
        "https://shop.example/pay complete",
        " https://shop.example/",
        "https://shop.example/pay\tcomplete",
        "https://shop.example/\u{0}",
    ] {
        let r = pay_en(&format!(r#"{{"m_redirect_url": {}}}"#, quote(url)));
        assert_eq!(errors(&r), [("INVALID_URL", "m_redirect_url")], "{url:?}");
        let message = first_message(&r.errors);
        assert!(message.contains("unencoded") && message.contains("encodeURI"), "{message}");
        assert!(!message.contains("https URL is required"), "{message}");
    }
}

#[test]
fn redirect_urls_whose_host_a_browser_rejects_are_refused() {
    for url in [
        "https://shop.123/pay/complete",
        "https://256.0.0.1/pay/complete",
        "https://1.2.3.4.5/pay/complete",
        "https://4294967296/pay/complete",
        "https://[::1::2]/pay/complete",
        "https://[1.2.3.4]/pay/complete",
        "https://shop\u{2488}example/pay/complete",
        "http://shop.123/pay/complete",
    ] {
        let r = pay(&format!(r#"{{"m_redirect_url": {}}}"#, quote(url)));
        assert_eq!(errors(&r), [("INVALID_URL", "m_redirect_url")], "{url}");
    }
    for url in ["https://203.0.113.7/pay/complete", "https://[2001:db8::1]/pay/complete", "https://한국.kr/결제"] {
        let r = pay(&format!(r#"{{"m_redirect_url": {}}}"#, quote(url)));
        assert_eq!(errors(&r), [], "{url}");
    }
}

#[test]
fn null_in_an_optional_field_means_not_entered_and_reaches_imp_as_null() {
    let required = ["merchant_uid", "name", "amount", "naverProducts"];
    for field in catalog_rows().filter(|name| !required.contains(name)) {
        let r = pay(&format!(r#"{{"{field}": null}}"#));
        assert_eq!(errors(&r), [], "{field}: null");
        assert_eq!(warnings(&r), [], "{field}: null");
        // Passed on as given, as IMP gets it from the merchant's own code without this package
        // (pg and naverPopupMode are filled in).
        if !["pg", "naverPopupMode"].contains(&field) {
            assert_eq!(request(&r).get(field), &Value::Null, "{field}");
        }
    }
    assert_eq!(request(&pay(r#"{"pg": null}"#)).get("pg"), &Value::from("naverpay"));
    for field in ["sellerId", "payReferrer", "startDate", "endDate"] {
        let r = product(&format!(r#"{{"{field}": null}}"#));
        assert_eq!(errors(&r), [], "naverProducts[0].{field}: null");
    }
    for field in required {
        let r = pay(&format!(r#"{{"{field}": null}}"#));
        assert_eq!(errors(&r).first().map(|e| e.0), Some("REQUIRED"), "{field}: null");
    }
}

fn catalog_rows() -> impl Iterator<Item = &'static str> {
    crate::catalog::REQUEST_PAY.iter().map(|f| f.name).filter(|n| *n != "customer_uid")
}

#[test]
fn fields_portone_and_its_sdks_use_for_naver_pay_draw_no_warning() {
    for patch in [
        r#"{"pay_method": "naverpay"}"#,
        r#"{"escrow": true}"#,
        r#"{"escrow": false, "tax_free": 0}"#,
        r#"{"niceMobileV2": true}"#,
        r#"{"kakaoOpenApp": true}"#,
    ] {
        let r = pay(patch);
        assert_eq!((errors(&r), warnings(&r)), (vec![], vec![]), "{patch}");
    }
    let card = pay(r#"{"pay_method": "card"}"#);
    assert_eq!(warnings(&card), [("IGNORED_FIELD", "pay_method")]);
    table(
        pay,
        &[
            (r#"{"pay_method": 1}"#, Some(("INVALID_TYPE", "pay_method"))),
            (r#"{"niceMobileV2": "Y"}"#, Some(("INVALID_TYPE", "niceMobileV2"))),
        ],
    );
}

#[test]
fn deprecated_fields_warn_with_what_replaced_them() {
    let rows = [
        (r#"{"pg": "naverpay"}"#, "pg", "channelKey"),
        (r#"{"naverChainId": "chain01"}"#, "naverChainId", "channelKey"),
        (r#"{"naverActionType": "NEW"}"#, "naverActionType", "removed"),
    ];
    for (patch, field, says) in rows {
        let r = pay_en(patch);
        assert_eq!(errors(&r), [], "{patch}");
        assert_eq!(warnings(&r), [("DEPRECATED_FIELD", field)], "{patch}");
        assert!(first_message(&r.warnings).contains(says), "{}", first_message(&r.warnings));
    }
    let channel = pay(r#"{"channelKey": "channel-key-0000"}"#);
    assert_eq!(warnings(&channel), []);
}

#[test]
fn a_missing_product_list_says_what_it_looks_like_and_why() {
    for patch in [r#"{"naverProducts": undefined}"#, r#"{"naverProducts": []}"#] {
        let r = pay_en(patch);
        assert_eq!(errors(&r), [("REQUIRED", "naverProducts")], "{patch}");
        let message = first_message(&r.errors);
        assert!(
            message.contains("inspection") && message.contains("categoryType") && message.contains("count"),
            "{message}"
        );
    }
}

#[test]
fn a_past_naver_use_cfm_names_the_first_allowed_date() {
    let r = pay(r#"{"naverUseCfm": "20241231"}"#);
    assert_eq!(errors(&r), [("DATE_IN_PAST", "naverUseCfm")]);
    assert!(first_message(&r.errors).contains("≥ 20250101"), "{}", first_message(&r.errors));
}

#[test]
fn name_mismatch_is_worded_as_the_recommendation_it_is() {
    let two = r#"{"name": "History of the World 외 1건", "naverProducts": [
        {"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "1", "name": "History of the World", "count": 1},
        {"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "2", "name": "Atlas", "count": 1}]}"#;
    let r = pay_en(two);
    assert_eq!(warnings(&r), [("NAME_MISMATCH", "name")]);
    let message = first_message(&r.warnings);
    assert!(
        message.contains("recommends") && !message.contains("must") && !message.contains("should equal"),
        "{message}"
    );
    let ko = pay(two);
    assert!(first_message(&ko.warnings).contains("권장"), "{}", first_message(&ko.warnings));
}

#[test]
fn popup_forced_on_a_device_that_redirects_is_a_warning() {
    let phone = DeviceInfo {
        user_agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148".into(),
        ..DeviceInfo::default()
    };
    let desktop = DeviceInfo {
        user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126".into(),
        ..DeviceInfo::default()
    };
    type Row<'a> = (ModeOption, &'a str, &'a DeviceInfo, &'a [(&'a str, &'a str)]);
    let rows: &[Row] = &[
        (ModeOption::Auto, r#"{"naverPopupMode": true}"#, &phone, &[("POPUP_ON_MOBILE", "naverPopupMode")]),
        (ModeOption::Popup, "{}", &phone, &[("POPUP_ON_MOBILE", "options.mode")]),
        (ModeOption::Auto, "{}", &phone, &[]),
        (ModeOption::Auto, r#"{"naverPopupMode": true}"#, &desktop, &[]),
        (ModeOption::Popup, "{}", &desktop, &[]),
    ];
    for (mode, patch, device, expected) in rows {
        let opts = ValidateOptions { mode: *mode, device: Some((*device).clone()), ..options() };
        let r = validate_naver_pay(&patched(PAYMENT, patch), &opts);
        assert_eq!(errors(&r), [], "{mode:?} {patch}");
        assert_eq!(warnings(&r), expected.to_vec(), "{mode:?} {patch}");
    }
}

// ---------------------------------------------------------------- PortOne V2

/// `validate_naver_pay_v2` and `validate_billing_key_v2`, row by row. Each row names its source:
/// `sdk` browser-sdk.yml, `np` pg/v2/naverpay.mdx, `co` start/v2/checkout.mdx (docs/rules.md, "V2",
/// gives each document's commit).
mod v2 {
    use super::{errors, json, options, patched, warnings};
    use naverpay_checkout::{
        to_v2_payment_request, validate_billing_key_v2, validate_naver_pay_v2, DeviceInfo, Locale, ModeOption, PayMode,
        ValidateOptions, ValidationReport, Value,
    };

    const PAYMENT: &str = r#"{
        "storeId": "store-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec",
        "channelKey": "channel-key-893597d6-e62d-410f-83f9-119f530b4b11",
        "paymentId": "order_0001", "orderName": "History of the World", "totalAmount": 14000,
        "currency": "KRW", "payMethod": "EASY_PAY", "redirectUrl": "https://shop.example/pay/complete",
        "bypass": {"naverpay": {"productItems": [{"categoryType": "BOOK", "categoryId": "GENERAL",
            "uid": "107922211", "name": "History of the World", "count": 1}]}}
    }"#;

    const BILLING: &str = r#"{
        "storeId": "store-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec",
        "channelKey": "channel-key-893597d6-e62d-410f-83f9-119f530b4b11",
        "billingKeyMethod": "EASY_PAY", "issueId": "issue_0001", "issueName": "Slim plan (monthly)",
        "redirectUrl": "https://shop.example/billing/complete"
    }"#;

    const ITEM: &str = r#"{"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "107922211",
        "name": "History of the World", "count": 1}"#;

    fn pay(patch: &str) -> ValidationReport {
        validate_naver_pay_v2(&patched(PAYMENT, patch), &options())
    }

    fn billing(patch: &str) -> ValidationReport {
        validate_billing_key_v2(&patched(BILLING, patch), &options())
    }

    /// The payment with `bypass.naverpay` patched.
    fn naverpay(patch: &str) -> ValidationReport {
        let Value::Object(base) = json(PAYMENT) else { unreachable!() };
        let Value::Object(bypass) = base.get("bypass").clone() else { unreachable!() };
        let naverpay = patched(&super::debug_json(bypass.get("naverpay")), patch);
        let mut bypass = bypass;
        bypass.insert("naverpay", naverpay);
        let mut map = base;
        map.insert("bypass", Value::Object(bypass));
        validate_naver_pay_v2(&Value::Object(map), &options())
    }

    /// The payment with `bypass.naverpay.productItems[0]` patched.
    fn item(patch: &str) -> ValidationReport {
        let item = patched(ITEM, patch);
        naverpay(&format!(r#"{{"productItems": [{}]}}"#, super::debug_json(&item)))
    }

    /// A patch, the errors it causes (code, field) in order, and the source of the rule.
    type Row<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

    fn rows(run: fn(&str) -> ValidationReport, rows: &[Row<'_>]) {
        for (patch, expected, source) in rows {
            let r = run(patch);
            assert_eq!(errors(&r), *expected, "patch {patch} ({source})");
            assert_eq!(r.request.is_some(), expected.is_empty(), "patch {patch}");
        }
    }

    #[test]
    fn the_base_payment_is_valid_without_issues() {
        let r = pay("{}");
        assert!(r.ok() && r.warnings.is_empty(), "{:?} {:?}", r.errors, r.warnings);
        assert_eq!(r.mode, PayMode::Popup);
    }

    #[test]
    fn payment_rows() {
        rows(
            pay,
            &[
                (r#"{"storeId": undefined}"#, &[("REQUIRED", "storeId")], "sdk PaymentRequestBase"),
                (r#"{"storeId": ""}"#, &[("REQUIRED", "storeId")], "sdk StoreId"),
                (r#"{"paymentId": undefined}"#, &[("REQUIRED", "paymentId")], "sdk PaymentRequestBase"),
                (r#"{"paymentId": 1}"#, &[("INVALID_TYPE", "paymentId")], "sdk PaymentRequestBase"),
                (r#"{"channelKey": undefined}"#, &[("REQUIRED", "channelKey")], "sdk ChannelKey"),
                (r#"{"channelKey": undefined, "channelGroupId": "g-1"}"#, &[], "sdk ChannelGroupId"),
                (r#"{"channelKey": 7}"#, &[("INVALID_TYPE", "channelKey")], "sdk ChannelKey"),
                (r#"{"totalAmount": undefined}"#, &[("REQUIRED", "totalAmount")], "sdk PaymentTotalAmount"),
                (r#"{"totalAmount": 99}"#, &[("AMOUNT_BELOW_MINIMUM", "totalAmount")], "np 100원 미만"),
                (r#"{"totalAmount": 100}"#, &[], "np 100원 미만"),
                (r#"{"totalAmount": 1000.5}"#, &[("NOT_INTEGER", "totalAmount")], "sdk integer"),
                (r#"{"totalAmount": "14000"}"#, &[("INVALID_TYPE", "totalAmount")], "sdk integer"),
                (r#"{"currency": "USD"}"#, &[("INVALID_VALUE", "currency")], "np currency"),
                (r#"{"currency": "CURRENCY_KRW"}"#, &[], "co example"),
                (r#"{"currency": undefined}"#, &[], "np currency (KRW added)"),
                (r#"{"payMethod": "CARD"}"#, &[("INVALID_VALUE", "payMethod")], "np payMethod"),
                (r#"{"payMethod": undefined}"#, &[], "np payMethod (EASY_PAY added)"),
                (r#"{"taxFreeAmount": 14001}"#, &[("OUT_OF_RANGE", "taxFreeAmount")], "sdk TaxFreeAmount"),
                (r#"{"vatAmount": 1273, "taxFreeAmount": 0}"#, &[], "sdk VatAmount"),
                (r#"{"orderName": undefined}"#, &[], "np orderName (first product's name added)"),
                (r#"{"orderName": ""}"#, &[("REQUIRED", "orderName")], "sdk PaymentOrderName"),
                (&format!(r#"{{"orderName": "{}"}}"#, "가".repeat(128)), &[], "sdk PaymentOrderName naver ≤ 128"),
                (
                    &format!(r#"{{"orderName": "{}"}}"#, "가".repeat(129)),
                    &[("TOO_LONG", "orderName")],
                    "sdk PaymentOrderName naver ≤ 128",
                ),
                (r#"{"windowType": {"pc": "POPUP", "mobile": "REDIRECTION"}}"#, &[], "np windowType"),
                (r#"{"windowType": {"pc": "IFRAME"}}"#, &[("INVALID_VALUE", "windowType.pc")], "np windowType"),
                (r#"{"windowType": {"mobile": "POPUP"}}"#, &[("INVALID_VALUE", "windowType.mobile")], "np windowType"),
                (r#"{"windowType": "POPUP"}"#, &[("INVALID_TYPE", "windowType")], "sdk WindowTypes"),
                (r#"{"redirectUrl": "http://shop.example/done"}"#, &[], "co http:// allowed"),
                (
                    r#"{"redirectUrl": "javascript:alert(1)"}"#,
                    &[("INVALID_URL", "redirectUrl")],
                    "co https:// or http://",
                ),
                (r#"{"noticeUrls": ["https://shop.example/hook"]}"#, &[], "sdk noticeUrls"),
                (r#"{"noticeUrls": ["/hook"]}"#, &[("INVALID_URL", "noticeUrls[0]")], "sdk noticeUrls HTTP(S)"),
                (r#"{"noticeUrls": "https://a.example"}"#, &[("INVALID_TYPE", "noticeUrls")], "sdk noticeUrls array"),
                (r#"{"forceRedirect": "yes"}"#, &[("INVALID_TYPE", "forceRedirect")], "sdk forceRedirect"),
                (r#"{"isCulturalExpense": true, "customData": {"a": [1]}}"#, &[], "sdk"),
                (
                    r#"{"customer": {"fullName": "홍길동", "birthYear": "1990", "birthMonth": "01", "birthDay": "31"}}"#,
                    &[],
                    "np customer",
                ),
                (
                    r#"{"customer": {"birthYear": "1990"}}"#,
                    &[("REQUIRED", "customer.birthMonth"), ("REQUIRED", "customer.birthDay")],
                    "np birth{Year, Month, Day} together",
                ),
                (
                    r#"{"customer": {"birthYear": "1990", "birthMonth": "2", "birthDay": "30"}}"#,
                    &[("INVALID_DATE", "customer.birthDay")],
                    "np birth date",
                ),
                (
                    r#"{"customer": {"birthYear": "90", "birthMonth": "2", "birthDay": "3"}}"#,
                    &[("INVALID_FORMAT", "customer.birthYear")],
                    "sdk birthYear",
                ),
                (
                    r#"{"customer": {"birthYear": "2030", "birthMonth": "1", "birthDay": "1"}}"#,
                    &[("INVALID_DATE", "customer.birthYear")],
                    "np birth date",
                ),
                (r#"{"customer": {"email": "nope"}}"#, &[("INVALID_FORMAT", "customer.email")], "sdk Customer"),
                (
                    r#"{"customer": {"phoneNumber": "010"}}"#,
                    &[("INVALID_FORMAT", "customer.phoneNumber")],
                    "sdk Customer",
                ),
                (r#"{"customer": {"fullName": 3}}"#, &[("INVALID_TYPE", "customer.fullName")], "sdk Customer"),
                (r#"{"customer": {"fulName": "x"}}"#, &[("UNKNOWN_FIELD", "customer.fulName")], "sdk Customer"),
                (r#"{"bypass": undefined}"#, &[("REQUIRED", "bypass")], "np bypass"),
                (r#"{"bypass": {}}"#, &[("REQUIRED", "bypass.naverpay")], "np bypass.naverpay"),
                (r#"{"orderNmae": "x"}"#, &[("UNKNOWN_FIELD", "orderNmae")], "sdk PaymentRequestBase"),
                (r#"{"imp_secret": "s"}"#, &[("SECRET_IN_BROWSER", "imp_secret")], "SPEC"),
                (r#"{"customData": {"apiSecret": "s"}}"#, &[("SECRET_IN_BROWSER", "customData.apiSecret")], "SPEC"),
            ],
        );
    }

    #[test]
    fn bypass_rows() {
        rows(
            naverpay,
            &[
                (r#"{"productItems": []}"#, &[("REQUIRED", "bypass.naverpay.productItems")], "np productItems"),
                (
                    r#"{"productItems": undefined}"#,
                    &[("REQUIRED", "bypass.naverpay.productItems")],
                    "sdk NaverpayPaymentBypass",
                ),
                (r#"{"productItems": {}}"#, &[("INVALID_TYPE", "bypass.naverpay.productItems")], "sdk array"),
                (r#"{"useCfmYmdt": "20250101"}"#, &[], "np useCfmYmdt (today in Seoul)"),
                (r#"{"useCfmYmdt": "20241231"}"#, &[("DATE_IN_PAST", "bypass.naverpay.useCfmYmdt")], "np useCfmYmdt"),
                (r#"{"useCfmYmdt": "2025-01-01"}"#, &[("INVALID_DATE", "bypass.naverpay.useCfmYmdt")], "np YYYYMMDD"),
                (r#"{"useCfmYmdt": 20250101}"#, &[("INVALID_TYPE", "bypass.naverpay.useCfmYmdt")], "np string"),
                (r#"{"deliveryFee": 3000}"#, &[], "np deliveryFee"),
                (r#"{"deliveryFee": "3000"}"#, &[("INVALID_TYPE", "bypass.naverpay.deliveryFee")], "sdk integer"),
                (r#"{"subMerchantInfo": {"subMerchantName": "a"}}"#, &[], "sdk NaverpaySubMerchantInfo"),
            ],
        );
    }

    #[test]
    fn product_item_rows() {
        rows(
            item,
            &[
                (
                    r#"{"categoryType": undefined}"#,
                    &[("REQUIRED", "bypass.naverpay.productItems[0].categoryType")],
                    "np 필수",
                ),
                (r#"{"categoryId": "EBOOK"}"#, &[], "np categoryId"),
                (
                    r#"{"categoryId": "CD"}"#,
                    &[("INVALID_CATEGORY", "bypass.naverpay.productItems[0].categoryId")],
                    "np categoryId",
                ),
                (r#"{"uid": ""}"#, &[("REQUIRED", "bypass.naverpay.productItems[0].uid")], "np 필수"),
                (r#"{"name": undefined}"#, &[("REQUIRED", "bypass.naverpay.productItems[0].name")], "np 필수"),
                (r#"{"count": 0}"#, &[("OUT_OF_RANGE", "bypass.naverpay.productItems[0].count")], "np count"),
                (r#"{"count": "1"}"#, &[("INVALID_TYPE", "bypass.naverpay.productItems[0].count")], "sdk integer"),
                (
                    r#"{"sellerId": "seller_01"}"#,
                    &[("INVALID_FORMAT", "bypass.naverpay.productItems[0].sellerId")],
                    "np sellerId",
                ),
                (r#"{"payReferrer": "NAVER_BOOK"}"#, &[], "sdk NaverpayProductItemPayReferrer"),
                (
                    r#"{"payReferrer": "NAVER"}"#,
                    &[("INVALID_VALUE", "bypass.naverpay.productItems[0].payReferrer")],
                    "sdk enum",
                ),
                (r#"{"startDate": "20230421", "endDate": "20230428"}"#, &[], "np example"),
                (
                    r#"{"startDate": 20230421}"#,
                    &[("INVALID_TYPE", "bypass.naverpay.productItems[0].startDate")],
                    "sdk string",
                ),
                (
                    r#"{"startDate": "20230428", "endDate": "20230421"}"#,
                    &[("INVALID_DATE", "bypass.naverpay.productItems[0].endDate")],
                    "np 시작일/종료일",
                ),
                (r#"{"colour": "red"}"#, &[], "an unknown key in the browser: a warning"),
            ],
        );
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let r = pay(r#"{"storeId": undefined, "totalAmount": 50, "currency": "USD", "windowType": {"pc": "IFRAME"}}"#);
        assert_eq!(
            errors(&r),
            [
                ("AMOUNT_BELOW_MINIMUM", "totalAmount"),
                ("INVALID_VALUE", "currency"),
                ("INVALID_VALUE", "windowType.pc"),
                ("REQUIRED", "storeId"),
            ]
        );
    }

    #[test]
    fn ignored_parameters_are_warnings_never_errors() {
        let r = pay(r#"{"locale": "EN_US", "easyPay": {"easyPayProvider": "KAKAOPAY", "installment": {}},
            "products": [], "card": {}}"#);
        assert!(r.ok(), "{:?}", r.errors);
        assert_eq!(
            warnings(&r),
            [
                ("IGNORED_FIELD", "locale"),
                ("IGNORED_FIELD", "easyPay.installment"),
                ("IGNORED_FIELD", "easyPay.easyPayProvider"),
                ("IGNORED_FIELD", "card"),
            ]
        );
        // `products` is not ignored: PortOne keeps it on the payment, where the server checks the order's lines.
        assert!(pay(r#"{"products": [{"id": "book", "name": "History", "amount": 14000, "quantity": 1}]}"#)
            .warnings
            .is_empty());
        assert!(pay(r#"{"locale": "KO_KR", "easyPay": {"easyPayProvider": "NAVERPAY"}}"#).warnings.is_empty());
    }

    #[test]
    fn the_order_name_should_be_the_first_product_name_with_several_products() {
        let two = format!(r#"{{"productItems": [{ITEM}, {ITEM}]}}"#);
        assert!(naverpay(&two).warnings.is_empty());
        let r = validate_naver_pay_v2(
            &patched(&super::debug_json(&request_of(&naverpay(&two))), r#"{"orderName": "History 외 1개"}"#),
            &options(),
        );
        assert_eq!(warnings(&r), [("NAME_MISMATCH", "orderName")]);
    }

    fn request_of(r: &ValidationReport) -> Value {
        Value::Object(r.request.clone().expect("a request").into_map())
    }

    #[test]
    fn the_request_adds_what_requestpayment_needs_and_keeps_the_rest() {
        // `undefined` keeps a key's place (as a JavaScript object does): the default is set there.
        let r = pay(r#"{"payMethod": undefined, "currency": undefined, "orderName": undefined, "x-note": 1}"#);
        let Value::Object(req) = request_of(&r) else { unreachable!() };
        let keys: Vec<&str> = req.keys().collect();
        assert_eq!(
            keys,
            [
                "storeId",
                "channelKey",
                "paymentId",
                "orderName",
                "totalAmount",
                "currency",
                "payMethod",
                "redirectUrl",
                "bypass",
                "x-note",
                "forceRedirect"
            ]
        );
        assert_eq!(req.get("currency"), &json(r#""KRW""#));
        assert_eq!(req.get("payMethod"), &json(r#""EASY_PAY""#));
        assert_eq!(req.get("orderName"), &json(r#""History of the World""#));
        assert_eq!(req.get("forceRedirect"), &Value::Bool(false));
    }

    #[test]
    fn phones_tablets_and_in_app_browsers_redirect_and_need_a_redirect_url() {
        let iphone = DeviceInfo {
            user_agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
                .into(),
            max_touch_points: 5,
            mobile: None,
        };
        let opts = ValidateOptions { device: Some(iphone), ..options() };
        let r = validate_naver_pay_v2(&patched(PAYMENT, "{}"), &opts);
        assert_eq!(r.mode, PayMode::Redirect);
        let Value::Object(req) = request_of(&r) else { unreachable!() };
        assert_eq!(req.get("forceRedirect"), &Value::Bool(true));
        let r = validate_naver_pay_v2(&patched(PAYMENT, r#"{"redirectUrl": undefined}"#), &opts);
        assert_eq!(errors(&r), [("REDIRECT_URL_REQUIRED", "redirectUrl")]);
        // An explicit forceRedirect wins over the device; options.mode over both.
        let r = pay(r#"{"forceRedirect": true}"#);
        assert_eq!(r.mode, PayMode::Redirect);
        let popup = ValidateOptions { mode: ModeOption::Popup, ..options() };
        let r =
            validate_naver_pay_v2(&patched(PAYMENT, r#"{"forceRedirect": true, "redirectUrl": undefined}"#), &popup);
        assert_eq!((r.mode, r.ok()), (PayMode::Popup, true));
    }

    #[test]
    fn messages_follow_the_locale() {
        let en = ValidateOptions { locale: Locale::En, ..options() };
        let r = validate_naver_pay_v2(&patched(PAYMENT, r#"{"totalAmount": 50}"#), &en);
        assert_eq!(r.errors[0].message, "less than minimum amount (100 won)");
        let r = pay(r#"{"totalAmount": 50}"#);
        assert_eq!(r.errors[0].message, "결제 금액이 최소 결제 금액(100원)보다 적습니다.");
        let r = validate_naver_pay_v2(&patched(PAYMENT, r#"{"currency": "USD"}"#), &en);
        assert_eq!(r.errors[0].message, "currency: is not an allowed value (KRW, CURRENCY_KRW)");
        // V2 takes http: as well (co), and says so.
        let r = validate_naver_pay_v2(&patched(PAYMENT, r#"{"redirectUrl": "ftp://x.example"}"#), &en);
        assert_eq!(r.errors[0].message, "redirectUrl: is not an allowed URL; an absolute http(s) URL is required");
        let r = pay(r#"{"noticeUrls": ["/hook"]}"#);
        assert_eq!(r.errors[0].message, "noticeUrls[0]: 허용되지 않는 URL입니다. http(s) 절대 URL이어야 합니다.");
    }

    #[test]
    fn billing_key_rows() {
        assert!(billing("{}").ok() && billing("{}").warnings.is_empty());
        rows(
            billing,
            &[
                (r#"{"issueId": undefined}"#, &[("REQUIRED", "issueId")], "np issueId 필수"),
                (r#"{"issueName": ""}"#, &[("REQUIRED", "issueName")], "np issueName 필수"),
                (r#"{"storeId": undefined}"#, &[("REQUIRED", "storeId")], "sdk IssueBillingKeyRequestBase"),
                (r#"{"channelKey": undefined}"#, &[("REQUIRED", "channelKey")], "sdk ChannelKey"),
                (
                    r#"{"channelKey": undefined, "channelGroupId": "g"}"#,
                    &[("REQUIRED", "channelKey")],
                    "sdk: no group for billing keys",
                ),
                (r#"{"billingKeyMethod": "CARD"}"#, &[("INVALID_VALUE", "billingKeyMethod")], "np billingKeyMethod"),
                (r#"{"billingKeyMethod": undefined}"#, &[], "np (EASY_PAY added)"),
                (r#"{"displayAmount": 14000, "currency": "KRW"}"#, &[], "np displayAmount + currency"),
                (r#"{"displayAmount": 14000}"#, &[("REQUIRED", "currency")], "np together"),
                (r#"{"currency": "KRW"}"#, &[("REQUIRED", "displayAmount")], "np together"),
                (r#"{"displayAmount": 0, "currency": "USD"}"#, &[("INVALID_VALUE", "currency")], "np KRW"),
                (
                    r#"{"bypass": {"naverpay": {"subMerchantName": "a", "subMerchantId": "b"}}}"#,
                    &[],
                    "sdk NaverpayIssueBillingKeyBypass",
                ),
                (
                    r#"{"bypass": {"naverpay": {"subMerchantName": 1}}}"#,
                    &[("INVALID_TYPE", "bypass.naverpay.subMerchantName")],
                    "sdk string",
                ),
                (r#"{"totalAmount": 100}"#, &[], "unknown in the browser: a warning"),
            ],
        );
    }

    #[test]
    fn the_readme_v1_example_migrates_to_a_request_the_v2_validator_accepts() {
        // docs/npm-readme.md, "Pay": the V1 call there, with a fixed `merchant_uid` and no `channelKey`.
        let v1 = json(super::PAYMENT);
        let m = to_v2_payment_request(&v1, "store-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec", "channel-key-1");
        assert!(m.dropped.is_empty(), "{:?}", m.dropped);
        let r = validate_naver_pay_v2(&Value::Object(m.request.clone()), &options());
        assert!(r.ok() && r.warnings.is_empty(), "{:?} {:?}", r.errors, r.warnings);
        let expected = patched(PAYMENT, r#"{"channelKey": "channel-key-1", "orderName": "History of the World"}"#);
        let Value::Object(expected) = expected else { unreachable!() };
        for (k, v) in expected.iter() {
            assert_eq!(m.request.get(k), v, "{k}");
        }
    }

    #[test]
    fn every_v1_naver_pay_field_has_its_v2_place_or_is_reported_dropped() {
        let v1 = json(
            r#"{"pg": "naverpay", "merchant_uid": "o1", "name": "Book", "amount": 1000, "tax_free": 100,
            "m_redirect_url": "https://shop.example/done", "notice_url": "https://shop.example/hook",
            "buyer_name": "buyer", "naverPurchaserName": "홍길동", "naverPurchaserBirthday": "19900131",
            "buyer_tel": "010-1234-5678", "buyer_email": "a@b.kr", "buyer_addr": "서울", "buyer_postcode": "04524",
            "naverPopupMode": false, "naverUseCfm": "20250102", "naverCultureBenefit": true,
            "naverChainId": "c", "customer_uid": "cu", "card": {}, "colour": "red",
            "naverProducts": [{"categoryType": "BOOK", "categoryId": "GENERAL", "uid": "1", "name": "Book",
                               "count": 1, "startDate": 20250102, "endDate": "20250103", "extra": 1}]}"#,
        );
        let m = to_v2_payment_request(&v1, "store-1", "channel-key-1");
        assert_eq!(m.dropped, ["card", "colour", "customer_uid", "naverChainId", "naverProducts[0].extra"]);
        // V1's "no notice URL" (`""`, `[]`) is no noticeUrls on V2, where each item must be a URL.
        for none in [r#""""#, "[]"] {
            let v1 = patched(super::PAYMENT, &format!(r#"{{"notice_url": {none}}}"#));
            assert!(to_v2_payment_request(&v1, "s", "c").request.get("noticeUrls").is_absent());
        }
        let expected = json(
            r#"{"storeId": "store-1", "channelKey": "channel-key-1", "paymentId": "o1", "orderName": "Book",
            "totalAmount": 1000, "taxFreeAmount": 100, "redirectUrl": "https://shop.example/done",
            "isCulturalExpense": true, "currency": "KRW", "payMethod": "EASY_PAY",
            "noticeUrls": ["https://shop.example/hook"], "forceRedirect": true,
            "customer": {"fullName": "홍길동", "phoneNumber": "010-1234-5678", "email": "a@b.kr", "zipcode": "04524",
                         "address": {"addressLine1": "서울", "addressLine2": ""},
                         "birthYear": "1990", "birthMonth": "01", "birthDay": "31"},
            "bypass": {"naverpay": {"useCfmYmdt": "20250102", "productItems": [{"categoryType": "BOOK",
                "categoryId": "GENERAL", "uid": "1", "name": "Book", "count": 1, "startDate": "20250102",
                "endDate": "20250103"}]}}}"#,
        );
        assert_eq!(Value::Object(m.request.clone()), expected);
        let r = validate_naver_pay_v2(&Value::Object(m.request), &options());
        assert!(r.ok(), "{:?}", r.errors);
        assert_eq!(r.mode, PayMode::Redirect);
    }

    #[test]
    fn any_value_anywhere_is_reported_never_a_panic() {
        let odd = ["null", "true", "-1", "1e300", "NaN", "\"\"", "[]", "{}", "[null]", "{\"a\": {}}"];
        let fields = [
            "storeId",
            "channelKey",
            "paymentId",
            "orderName",
            "totalAmount",
            "currency",
            "payMethod",
            "customer",
            "windowType",
            "redirectUrl",
            "noticeUrls",
            "bypass",
            "easyPay",
            "locale",
            "forceRedirect",
            "issueId",
            "displayAmount",
        ];
        for v in odd {
            for f in fields {
                let patch = format!(r#"{{"{f}": {v}}}"#);
                let _ = pay(&patch);
                let _ = billing(&patch);
                let _ = naverpay(&format!(r#"{{"productItems": [{v}], "useCfmYmdt": {v}}}"#));
            }
            assert!(!validate_naver_pay_v2(&json(v), &options()).ok());
        }
    }
}
