//! Server bodies: `again`, `schedule` and `cancel`, as the contract's "Server bodies" says, checked
//! against the integration guide's own samples.

use naverpay_checkout::{
    build_again_payment_body, build_cancel_payment_body, build_schedule_payment_body, AgainPayment, Body, BodyOptions,
    CancelPayment, Requester, Schedule, SchedulePayment,
};
use naverpay_checkout::{BodyError, ErrorCode, Locale, Map, Value};

// The crate's tables, written from src/catalog.rs (src/generate.rs).
#[path = "generated/tables.rs"]
mod catalog;

/// 2017-07-14T02:40:00Z: before the seed's schedule (2018-03-01) and its `naverUseCfm` (2020-10-01).
const BEFORE_SEED: f64 = 1_500_000_000_000.0;
/// 2024-12-31T15:30:00Z, which is already 2025-01-01 00:30 in Seoul.
const SEOUL_NEW_YEAR: f64 = 1_735_659_000_000.0;
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

// ---------------------------------------------------------------------------------------------
// Helpers

fn obj<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Object(entries.into_iter().collect())
}

fn num(n: f64) -> Value {
    Value::Number(n)
}

fn s(text: &str) -> Value {
    Value::from(text)
}

fn arr<const N: usize>(items: [Value; N]) -> Value {
    Value::Array(items.into())
}

/// `value` with `key` set at the top level (`Undefined` removes it).
fn with(value: &Value, key: &str, v: Value) -> Value {
    let mut map = value.as_object().cloned().unwrap_or_default();
    if v.is_absent() {
        map.remove(key);
    } else {
        map.insert(key, v);
    }
    Value::Object(map)
}

fn options() -> BodyOptions {
    BodyOptions::at(BEFORE_SEED)
}

/// The issues as `(code, field)` pairs.
fn problems(result: Result<Body, BodyError>) -> Vec<(ErrorCode, String)> {
    match result {
        Ok(body) => panic!("expected issues, got {body:?}"),
        Err(issues) => issues.into_iter().map(|i| (i.code, i.field)).collect(),
    }
}

fn ok(result: Result<Body, BodyError>) -> Body {
    match result {
        Ok(body) => body,
        Err(issues) => panic!("expected a body, got {issues:#?}"),
    }
}

fn keys(value: &Value) -> Vec<&str> {
    value.as_object().map(|m| m.keys().collect()).unwrap_or_default()
}

/// A standard `application/x-www-form-urlencoded` parser (WHATWG): split on `&`, then on the
/// first `=`, `+` is a space, `%XX` a byte, the bytes UTF-8.
fn decode_form(form: &str) -> Vec<(String, String)> {
    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).expect("form decodes to UTF-8")
    }
    form.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The leaves of `json` with bracket keys, in order: what the form must carry.
fn leaves(json: &Map) -> Vec<(String, String)> {
    fn walk(prefix: String, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(m) => {
                for (k, v) in m.iter() {
                    let key = if prefix.is_empty() { k.to_owned() } else { format!("{prefix}[{k}]") };
                    walk(key, v, out);
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(format!("{prefix}[{i}]"), v, out);
                }
            }
            Value::String(text) => out.push((prefix, text.clone())),
            Value::Number(n) => {
                assert_eq!(n.fract(), 0.0, "{prefix} is an integer");
                out.push((prefix, format!("{n}")));
            }
            other => panic!("unexpected {other:?} at {prefix}"),
        }
    }
    let mut out = Vec::new();
    walk(String::new(), &Value::Object(json.clone()), &mut out);
    out
}

fn seed_again() -> Value {
    obj([
        ("customer_uid", s("gildong_0001_1234")),
        ("merchant_uid", s("order_monthly_0002")),
        ("amount", num(10000.0)),
        ("name", s("Slim plan (initial payment)")),
        ("extra", obj([("naverUseCfm", s("20201001"))])),
    ])
}

fn seed_schedule() -> Value {
    obj([
        ("customer_uid", s("gildong_0001_1234")),
        (
            "schedules",
            arr([obj([
                ("merchant_uid", s("order_monthly_0003")),
                ("schedule_at", num(1519862400.0)),
                ("amount", num(10000.0)),
                ("extra", obj([("naverUseCfm", s("20201001"))])),
            ])]),
        ),
    ])
}

fn seed_cancel() -> Value {
    obj([
        ("imp_uid", s("imp_123412341234")),
        ("amount", num(3000.0)),
        ("reason", s("Reson for cancellation")),
        ("extra", obj([("requester", s("customer"))])),
    ])
}

/// One schedule with the seed's values and `fields` replaced.
fn schedule_item<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut item =
        obj([("merchant_uid", s("order_monthly_0003")), ("schedule_at", num(1519862400.0)), ("amount", num(10000.0))]);
    for (k, v) in fields {
        item = with(&item, k, v);
    }
    item
}

fn schedules<const N: usize>(items: [Value; N]) -> Value {
    with(&seed_schedule(), "schedules", arr(items))
}

// ---------------------------------------------------------------------------------------------
// The seed's samples, field for field

#[test]
fn again_reproduces_the_seed_sample_as_json_and_form() {
    let body = ok(build_again_payment_body(&seed_again(), &options()));
    assert_eq!(Value::Object(body.json), seed_again());
    assert_eq!(
        body.form,
        "customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000\
         &name=Slim+plan+%28initial+payment%29&extra[naverUseCfm]=20201001"
    );
}

#[test]
fn schedule_reproduces_the_seed_sample_as_json_and_form() {
    let body = ok(build_schedule_payment_body(&seed_schedule(), &options()));
    assert_eq!(Value::Object(body.json), seed_schedule());
    assert_eq!(
        body.form,
        "customer_uid=gildong_0001_1234&schedules[0][merchant_uid]=order_monthly_0003\
         &schedules[0][schedule_at]=1519862400&schedules[0][amount]=10000&schedules[0][extra][naverUseCfm]=20201001"
    );
}

#[test]
fn cancel_reproduces_the_seed_sample_as_json_and_form_with_the_reason_written() {
    let body = ok(build_cancel_payment_body(&seed_cancel(), &options()));
    assert_eq!(Value::Object(body.json), seed_cancel());
    // The seed's form sample leaves `reason` out; Naver Pay's inspection needs it, so it is written.
    assert_eq!(
        body.form,
        "imp_uid=imp_123412341234&amount=3000&reason=Reson+for+cancellation&extra[requester]=customer"
    );
}

// ---------------------------------------------------------------------------------------------
// Output shape

#[test]
fn output_keys_follow_the_seed_order_whatever_the_input_order() {
    let shuffled = obj([
        ("extra", obj([("naverUseCfm", s("20201001"))])),
        ("name", s("n")),
        ("tax_free", num(500.0)),
        ("amount", num(10000.0)),
        ("merchant_uid", s("m")),
        ("customer_uid", s("c")),
    ]);
    let body = ok(build_again_payment_body(&shuffled, &options()));
    assert_eq!(
        keys(&Value::Object(body.json)),
        ["customer_uid", "merchant_uid", "amount", "tax_free", "name", "extra"]
    );
    assert_eq!(body.form, "customer_uid=c&merchant_uid=m&amount=10000&tax_free=500&name=n&extra[naverUseCfm]=20201001");

    let cancel = obj([("reason", s("r")), ("amount", num(1.0)), ("merchant_uid", s("m")), ("imp_uid", s("i"))]);
    let body = ok(build_cancel_payment_body(&cancel, &options()));
    assert_eq!(keys(&Value::Object(body.json)), ["imp_uid", "merchant_uid", "amount", "reason", "extra"]);
}

#[test]
fn numbers_are_written_as_integers_up_to_two_to_the_53_minus_one() {
    let input = with(&seed_again(), "amount", num(MAX_SAFE));
    let body = ok(build_again_payment_body(&input, &options()));
    assert_eq!(body.json.get("amount"), &num(MAX_SAFE));
    assert!(body.form.contains("&amount=9007199254740991&"), "{}", body.form);
    assert!(!body.form.contains(".0"), "{}", body.form);
}

#[test]
fn optional_fields_that_are_absent_or_null_are_not_written() {
    let input = with(&with(&seed_again(), "extra", Value::Null), "tax_free", Value::Null);
    let body = ok(build_again_payment_body(&input, &options()));
    assert_eq!(keys(&Value::Object(body.json)), ["customer_uid", "merchant_uid", "amount", "name"]);

    let empty_extra = with(&seed_again(), "extra", obj([]));
    let body = ok(build_again_payment_body(&empty_extra, &options()));
    assert!(!body.json.contains("extra"));
    assert!(!body.form.contains("extra"));
}

#[test]
fn cancel_defaults_the_requester_to_admin_and_always_writes_it_with_the_reason() {
    let cases: &[(&str, Value)] = &[
        ("no extra", obj([("imp_uid", s("imp_1")), ("reason", s("out of stock"))])),
        ("empty extra", obj([("imp_uid", s("imp_1")), ("reason", s("out of stock")), ("extra", obj([]))])),
        (
            "null requester",
            obj([("imp_uid", s("imp_1")), ("reason", s("out of stock")), ("extra", obj([("requester", Value::Null)]))]),
        ),
        (
            "explicit admin",
            obj([("imp_uid", s("imp_1")), ("reason", s("out of stock")), ("extra", obj([("requester", s("admin"))]))]),
        ),
    ];
    for (what, input) in cases {
        let body = ok(build_cancel_payment_body(input, &options()));
        assert_eq!(
            Value::Object(body.json),
            obj([("imp_uid", s("imp_1")), ("reason", s("out of stock")), ("extra", obj([("requester", s("admin"))]))]),
            "{what}"
        );
        assert_eq!(body.form, "imp_uid=imp_1&reason=out+of+stock&extra[requester]=admin", "{what}");
    }
}

#[test]
fn cancel_by_merchant_uid_alone_or_with_imp_uid() {
    let by_order = obj([("merchant_uid", s("order_0001")), ("reason", s("r"))]);
    let body = ok(build_cancel_payment_body(&by_order, &options()));
    assert_eq!(body.form, "merchant_uid=order_0001&reason=r&extra[requester]=admin");

    let blank_imp_uid = with(&by_order, "imp_uid", s(""));
    let body = ok(build_cancel_payment_body(&blank_imp_uid, &options()));
    assert_eq!(body.form, "merchant_uid=order_0001&reason=r&extra[requester]=admin");

    let both = with(&by_order, "imp_uid", s("imp_1"));
    let body = ok(build_cancel_payment_body(&both, &options()));
    assert_eq!(body.form, "imp_uid=imp_1&merchant_uid=order_0001&reason=r&extra[requester]=admin");
}

#[test]
fn schedules_keep_their_order_and_indices() {
    let input = schedules([
        schedule_item([("merchant_uid", s("a"))]),
        schedule_item([("merchant_uid", s("b")), ("schedule_at", num(1519862401.0)), ("amount", num(200.0))]),
    ]);
    let body = ok(build_schedule_payment_body(&input, &options()));
    assert_eq!(
        body.form,
        "customer_uid=gildong_0001_1234\
         &schedules[0][merchant_uid]=a&schedules[0][schedule_at]=1519862400&schedules[0][amount]=10000\
         &schedules[1][merchant_uid]=b&schedules[1][schedule_at]=1519862401&schedules[1][amount]=200"
    );
}

// ---------------------------------------------------------------------------------------------
// Valid edges

#[test]
fn valid_edges_are_accepted() {
    let forty_korean = "가".repeat(40);
    let cases: Vec<(&str, Value, BodyOptions)> = vec![
        ("amount exactly the minimum", with(&seed_again(), "amount", num(100.0)), options()),
        (
            "amount below 100 with a lower minimum",
            with(&seed_again(), "amount", num(10.0)),
            BodyOptions { min_amount: 10, ..options() },
        ),
        ("tax_free equal to amount", with(&seed_again(), "tax_free", num(10000.0)), options()),
        ("tax_free zero", with(&seed_again(), "tax_free", num(0.0)), options()),
        ("merchant_uid of 40 Korean characters", with(&seed_again(), "merchant_uid", s(&forty_korean)), options()),
        ("customer_uid of 80 characters", with(&seed_again(), "customer_uid", s(&"c".repeat(80))), options()),
        (
            "naverUseCfm today in Seoul while it is still yesterday in UTC",
            with(&seed_again(), "extra", obj([("naverUseCfm", s("20250101"))])),
            BodyOptions::at(SEOUL_NEW_YEAR),
        ),
        (
            "negative zero amount with no minimum",
            with(&seed_again(), "amount", num(-0.0)),
            BodyOptions { min_amount: 0, ..options() },
        ),
    ];
    for (what, input, opts) in cases {
        assert!(build_again_payment_body(&input, &opts).is_ok(), "{what}");
    }

    let schedule_cases: Vec<(&str, Value, BodyOptions)> = vec![
        (
            "schedule one second after now",
            schedules([schedule_item([("schedule_at", num(1_500_000_001.0))])]),
            options(),
        ),
        (
            // 2018-02-28T15:00:00Z is 2018-03-01 00:00 in Seoul.
            "naverUseCfm on the schedule's Seoul date",
            schedules([schedule_item([
                ("schedule_at", num(1519830000.0)),
                ("extra", obj([("naverUseCfm", s("20180301"))])),
            ])]),
            options(),
        ),
    ];
    for (what, input, opts) in schedule_cases {
        assert!(build_schedule_payment_body(&input, &opts).is_ok(), "{what}");
    }

    let refund_below_minimum = with(&seed_cancel(), "amount", num(50.0));
    assert!(build_cancel_payment_body(&refund_below_minimum, &options()).is_ok(), "a refund has no minimum");
}

// ---------------------------------------------------------------------------------------------
// Invalid input: every rule, with its code and field path

type Case = (&'static str, Value, Vec<(ErrorCode, &'static str)>);

fn assert_cases(build: fn(&Value, &BodyOptions) -> Result<Body, BodyError>, cases: Vec<Case>, opts: &BodyOptions) {
    for (what, input, expected) in cases {
        let expected: Vec<(ErrorCode, String)> = expected.into_iter().map(|(c, f)| (c, f.to_owned())).collect();
        assert_eq!(problems(build(&input, opts)), expected, "{what}");
    }
}

#[test]
fn again_reports_each_broken_rule_with_its_code_and_field() {
    use ErrorCode::*;
    let base = seed_again();
    let extra = |v: Value| with(&base, "extra", obj([("naverUseCfm", v)]));
    let cases: Vec<Case> = vec![
        ("input not an object", arr([]), vec![(InvalidType, "")]),
        ("input null", Value::Null, vec![(InvalidType, "")]),
        ("customer_uid missing", with(&base, "customer_uid", Value::Undefined), vec![(Required, "customer_uid")]),
        ("customer_uid null", with(&base, "customer_uid", Value::Null), vec![(Required, "customer_uid")]),
        ("customer_uid empty", with(&base, "customer_uid", s("")), vec![(Required, "customer_uid")]),
        ("customer_uid blank", with(&base, "customer_uid", s(" \t")), vec![(Required, "customer_uid")]),
        ("customer_uid a number", with(&base, "customer_uid", num(1.0)), vec![(InvalidType, "customer_uid")]),
        ("customer_uid over 80", with(&base, "customer_uid", s(&"c".repeat(81))), vec![(TooLong, "customer_uid")]),
        ("merchant_uid missing", with(&base, "merchant_uid", Value::Undefined), vec![(Required, "merchant_uid")]),
        ("merchant_uid over 40", with(&base, "merchant_uid", s(&"가".repeat(41))), vec![(TooLong, "merchant_uid")]),
        ("merchant_uid an array", with(&base, "merchant_uid", arr([])), vec![(InvalidType, "merchant_uid")]),
        ("amount missing", with(&base, "amount", Value::Undefined), vec![(Required, "amount")]),
        ("amount a string", with(&base, "amount", s("10000")), vec![(InvalidType, "amount")]),
        ("amount a fraction", with(&base, "amount", num(100.5)), vec![(NotInteger, "amount")]),
        ("amount NaN", with(&base, "amount", num(f64::NAN)), vec![(NotInteger, "amount")]),
        ("amount infinite", with(&base, "amount", num(f64::INFINITY)), vec![(NotInteger, "amount")]),
        ("amount below 100", with(&base, "amount", num(99.0)), vec![(AmountBelowMinimum, "amount")]),
        ("amount negative", with(&base, "amount", num(-100.0)), vec![(AmountBelowMinimum, "amount")]),
        ("amount 2^53", with(&base, "amount", num(MAX_SAFE + 1.0)), vec![(OutOfRange, "amount")]),
        ("amount a bigint", with(&base, "amount", Value::Other("bigint")), vec![(InvalidType, "amount")]),
        ("tax_free negative", with(&base, "tax_free", num(-1.0)), vec![(OutOfRange, "tax_free")]),
        ("tax_free above amount", with(&base, "tax_free", num(10001.0)), vec![(OutOfRange, "tax_free")]),
        ("tax_free a fraction", with(&base, "tax_free", num(0.5)), vec![(NotInteger, "tax_free")]),
        ("tax_free a string", with(&base, "tax_free", s("0")), vec![(InvalidType, "tax_free")]),
        ("name missing", with(&base, "name", Value::Undefined), vec![(Required, "name")]),
        ("name empty", with(&base, "name", s("")), vec![(Required, "name")]),
        ("extra a string", with(&base, "extra", s("x")), vec![(InvalidType, "extra")]),
        ("naverUseCfm a number", extra(num(20201001.0)), vec![(InvalidType, "extra.naverUseCfm")]),
        ("naverUseCfm not a real date", extra(s("20200230")), vec![(InvalidDate, "extra.naverUseCfm")]),
        ("naverUseCfm with dashes", extra(s("2020-10-01")), vec![(InvalidDate, "extra.naverUseCfm")]),
        ("naverUseCfm before today", extra(s("20170713")), vec![(DateInPast, "extra.naverUseCfm")]),
        (
            "naverUseCfm misspelt",
            with(&base, "extra", obj([("naverUseCFM", s("20201001"))])),
            vec![(UnknownField, "extra.naverUseCFM")],
        ),
        ("an unknown top-level field", with(&base, "buyer_nmae", s("x")), vec![(UnknownField, "buyer_nmae")]),
        (
            "a misspelt field is unknown and the real one missing",
            with(&with(&base, "merchant_uid", Value::Undefined), "merchantUid", s("m")),
            vec![(UnknownField, "merchantUid"), (Required, "merchant_uid")],
        ),
        (
            "everything missing, all listed at once",
            obj([]),
            vec![(Required, "customer_uid"), (Required, "merchant_uid"), (Required, "amount"), (Required, "name")],
        ),
        (
            "several problems at once",
            obj([
                ("customer_uid", num(1.0)),
                ("merchant_uid", s("m")),
                ("amount", num(50.0)),
                ("tax_free", num(-1.0)),
                ("name", s("n")),
                ("extra", obj([("naverUseCfm", s("20170101"))])),
            ]),
            vec![
                (InvalidType, "customer_uid"),
                (AmountBelowMinimum, "amount"),
                (OutOfRange, "tax_free"),
                (DateInPast, "extra.naverUseCfm"),
            ],
        ),
    ];
    assert_cases(build_again_payment_body, cases, &options());
}

#[test]
fn again_compares_naver_use_cfm_with_today_in_seoul() {
    let input = with(&seed_again(), "extra", obj([("naverUseCfm", s("20241231"))]));
    // Still 2024-12-31 in UTC, already 2025-01-01 in Seoul.
    let issues = problems(build_again_payment_body(&input, &BodyOptions::at(SEOUL_NEW_YEAR)));
    assert_eq!(issues, [(ErrorCode::DateInPast, "extra.naverUseCfm".to_owned())]);
}

#[test]
fn schedule_reports_each_broken_rule_with_its_code_and_field() {
    use ErrorCode::*;
    let at = |v: Value| schedules([schedule_item([("schedule_at", v)])]);
    let cfm = |at: f64, date: &str| {
        schedules([schedule_item([("schedule_at", num(at)), ("extra", obj([("naverUseCfm", s(date))]))])])
    };
    let cases: Vec<Case> = vec![
        ("input not an object", s("x"), vec![(InvalidType, "")]),
        (
            "customer_uid missing",
            with(&seed_schedule(), "customer_uid", Value::Undefined),
            vec![(Required, "customer_uid")],
        ),
        ("schedules missing", with(&seed_schedule(), "schedules", Value::Undefined), vec![(Required, "schedules")]),
        ("schedules empty", schedules([]), vec![(Required, "schedules")]),
        ("schedules an object", with(&seed_schedule(), "schedules", obj([])), vec![(InvalidType, "schedules")]),
        ("a schedule not an object", schedules([schedule_item([]), s("x")]), vec![(InvalidType, "schedules[1]")]),
        (
            "merchant_uid missing",
            schedules([schedule_item([("merchant_uid", Value::Undefined)])]),
            vec![(Required, "schedules[0].merchant_uid")],
        ),
        (
            "merchant_uid over 40",
            schedules([schedule_item([("merchant_uid", s(&"m".repeat(41)))])]),
            vec![(TooLong, "schedules[0].merchant_uid")],
        ),
        (
            "merchant_uid repeated within the call",
            schedules([
                schedule_item([("merchant_uid", s("a"))]),
                schedule_item([("merchant_uid", s("b"))]),
                schedule_item([("merchant_uid", s("a"))]),
            ]),
            vec![(InvalidValue, "schedules[2].merchant_uid")],
        ),
        ("schedule_at missing", at(Value::Undefined), vec![(Required, "schedules[0].schedule_at")]),
        ("schedule_at a string of no digits", at(s("soon")), vec![(InvalidType, "schedules[0].schedule_at")]),
        ("schedule_at digits in the past", at(s("1")), vec![(OutOfRange, "schedules[0].schedule_at")]),
        ("schedule_at a fraction", at(num(1519862400.5)), vec![(NotInteger, "schedules[0].schedule_at")]),
        ("schedule_at exactly now", at(num(1_500_000_000.0)), vec![(OutOfRange, "schedules[0].schedule_at")]),
        ("schedule_at in the past", at(num(1_400_000_000.0)), vec![(OutOfRange, "schedules[0].schedule_at")]),
        ("schedule_at negative", at(num(-1.0)), vec![(OutOfRange, "schedules[0].schedule_at")]),
        ("schedule_at in milliseconds", at(num(1519862400000.0)), vec![(OutOfRange, "schedules[0].schedule_at")]),
        (
            "amount below the minimum",
            schedules([schedule_item([("amount", num(99.0))])]),
            vec![(AmountBelowMinimum, "schedules[0].amount")],
        ),
        (
            "amount missing",
            schedules([schedule_item([("amount", Value::Undefined)])]),
            vec![(Required, "schedules[0].amount")],
        ),
        (
            // 2018-02-28T15:00:00Z is 2018-03-01 00:00 in Seoul: the 28th is already past there.
            "naverUseCfm before the schedule's Seoul date",
            cfm(1519830000.0, "20180228"),
            vec![(DateInPast, "schedules[0].extra.naverUseCfm")],
        ),
        (
            "naverUseCfm not a date",
            cfm(1519862400.0, "20181301"),
            vec![(InvalidDate, "schedules[0].extra.naverUseCfm")],
        ),
        (
            "naverUseCfm before today when schedule_at is wrong too",
            schedules([schedule_item([("schedule_at", num(1.0)), ("extra", obj([("naverUseCfm", s("20170101"))]))])]),
            vec![(OutOfRange, "schedules[0].schedule_at"), (DateInPast, "schedules[0].extra.naverUseCfm")],
        ),
        (
            "extra not an object",
            schedules([schedule_item([("extra", num(1.0))])]),
            vec![(InvalidType, "schedules[0].extra")],
        ),
        (
            "an unknown field in a schedule",
            schedules([schedule_item([("foo", s("x"))])]),
            vec![(UnknownField, "schedules[0].foo")],
        ),
        (
            "an unknown field in a schedule's extra",
            schedules([schedule_item([("extra", obj([("naverUseCfm", s("20201001")), ("x", s("y"))]))])]),
            vec![(UnknownField, "schedules[0].extra.x")],
        ),
        ("an unknown top-level field", with(&seed_schedule(), "imp_key", s("k")), vec![(UnknownField, "imp_key")]),
        (
            "problems in several schedules, all listed",
            schedules([
                schedule_item([("amount", num(1.0))]),
                schedule_item([("merchant_uid", s("ok"))]),
                schedule_item([("merchant_uid", s("z")), ("schedule_at", s("soon"))]),
            ]),
            vec![(AmountBelowMinimum, "schedules[0].amount"), (InvalidType, "schedules[2].schedule_at")],
        ),
    ];
    assert_cases(build_schedule_payment_body, cases, &options());
}

#[test]
fn cancel_reports_each_broken_rule_with_its_code_and_field() {
    use ErrorCode::*;
    let base = seed_cancel();
    let cases: Vec<Case> = vec![
        ("input not an object", num(1.0), vec![(InvalidType, "")]),
        ("neither imp_uid nor merchant_uid", with(&base, "imp_uid", Value::Undefined), vec![(Required, "imp_uid")]),
        ("both ids blank", with(&with(&base, "imp_uid", s("")), "merchant_uid", s(" ")), vec![(Required, "imp_uid")]),
        ("imp_uid a number", with(&base, "imp_uid", num(1.0)), vec![(InvalidType, "imp_uid")]),
        ("merchant_uid over 40", with(&base, "merchant_uid", s(&"m".repeat(41))), vec![(TooLong, "merchant_uid")]),
        ("amount negative", with(&base, "amount", num(-1.0)), vec![(OutOfRange, "amount")]),
        ("amount negative", with(&base, "amount", num(-3000.0)), vec![(OutOfRange, "amount")]),
        ("amount 2^53", with(&base, "amount", num(MAX_SAFE + 1.0)), vec![(OutOfRange, "amount")]),
        ("amount a fraction", with(&base, "amount", num(0.5)), vec![(NotInteger, "amount")]),
        ("amount a string", with(&base, "amount", s("3000")), vec![(InvalidType, "amount")]),
        ("reason missing", with(&base, "reason", Value::Undefined), vec![(Required, "reason")]),
        ("reason empty", with(&base, "reason", s("")), vec![(Required, "reason")]),
        ("reason blank", with(&base, "reason", s("  \n")), vec![(Required, "reason")]),
        ("reason a number", with(&base, "reason", num(1.0)), vec![(InvalidType, "reason")]),
        (
            "requester not customer or admin",
            with(&base, "extra", obj([("requester", s("buyer"))])),
            vec![(InvalidValue, "extra.requester")],
        ),
        (
            "requester upper-case",
            with(&base, "extra", obj([("requester", s("ADMIN"))])),
            vec![(InvalidValue, "extra.requester")],
        ),
        (
            "requester a boolean",
            with(&base, "extra", obj([("requester", Value::Bool(true))])),
            vec![(InvalidType, "extra.requester")],
        ),
        ("extra an array", with(&base, "extra", arr([])), vec![(InvalidType, "extra")]),
        (
            "requester misspelt",
            with(&base, "extra", obj([("reqester", s("customer"))])),
            vec![(UnknownField, "extra.reqester")],
        ),
        ("an unknown top-level field", with(&base, "checksums", num(3000.0)), vec![(UnknownField, "checksums")]),
        ("everything missing, all listed at once", obj([]), vec![(Required, "imp_uid"), (Required, "reason")]),
    ];
    assert_cases(build_cancel_payment_body, cases, &options());
}

#[test]
fn messages_follow_the_locale_and_name_the_minimum_and_the_suggestion() {
    let en = BodyOptions { locale: Locale::En, ..options() };
    let below = with(&seed_again(), "amount", num(99.0));
    let issues = build_again_payment_body(&below, &en).unwrap_err();
    assert_eq!(issues[0].message, "less than minimum amount (100 won)");
    let issues = build_again_payment_body(&below, &options()).unwrap_err();
    assert_eq!(issues[0].message, "결제 금액이 최소 결제 금액(100원)보다 적습니다.");

    let typo = with(&seed_again(), "extra", obj([("naverUseCFM", s("20201001"))]));
    let issues = build_again_payment_body(&typo, &en).unwrap_err();
    assert!(issues[0].message.contains("did you mean naverUseCfm"), "{}", issues[0].message);

    let duplicate = schedules([schedule_item([]), schedule_item([])]);
    let issues = build_schedule_payment_body(&duplicate, &en).unwrap_err();
    assert!(issues[0].message.contains("schedules[0].merchant_uid"), "{}", issues[0].message);
}

// ---------------------------------------------------------------------------------------------
// Form round trip

const AWKWARD: &[&str] = &[
    "슬림 플랜 (첫 결제)",
    "🎉 emoji 👨‍👩‍👧 family",
    "a&b=c+d%e",
    "100% off + free shipping",
    "line one\nline two\r\nline three",
    "  leading and trailing spaces  ",
    "[brackets] {braces} ~tilde~ /slash/ ?query# 'quote' \"double\"",
    "tab\there, NUL\u{0}, DEL\u{7f}, nbsp\u{a0}",
    "%2B already encoded %26",
    "零件 日本語 العربية",
];

#[test]
fn every_form_decodes_back_to_the_json_leaves_for_awkward_unicode() {
    let all_ascii: String = (1u8..0x80).map(char::from).collect();
    let mut texts: Vec<&str> = AWKWARD.to_vec();
    texts.push(&all_ascii);
    for text in texts {
        // Ids have length limits: their first 40 characters.
        let id: String = text.chars().take(40).collect();
        let bodies = [
            build_again_payment_body(&with(&seed_again(), "name", s(&id)), &options()),
            build_again_payment_body(&with(&seed_again(), "custom_data", s(text)), &options()),
            build_again_payment_body(&with(&seed_again(), "customer_uid", s(&id)), &options()),
            build_cancel_payment_body(&with(&seed_cancel(), "reason", s(text)), &options()),
            build_cancel_payment_body(&with(&seed_cancel(), "merchant_uid", s(&id)), &options()),
            build_schedule_payment_body(&schedules([schedule_item([("merchant_uid", s(&id))])]), &options()),
        ];
        for body in bodies {
            let body = ok(body);
            assert_eq!(decode_form(&body.form), leaves(&body.json), "{text:?} in {}", body.form);
            let allowed = |c: char| c.is_ascii_alphanumeric() || "*-._+%=&[]".contains(c);
            assert!(body.form.chars().all(allowed), "only URL-safe characters: {}", body.form);
        }
    }
}

#[test]
fn values_are_encoded_as_url_search_params_does() {
    let cases: &[(&str, &str)] = &[
        ("a b", "a+b"),
        ("*-._", "*-._"),
        ("~!'()", "%7E%21%27%28%29"),
        ("&=+%", "%26%3D%2B%25"),
        ("[]", "%5B%5D"),
        ("a\nb", "a%0Ab"),
        ("한", "%ED%95%9C"),
        ("😀", "%F0%9F%98%80"),
    ];
    for (reason, encoded) in cases {
        let body = ok(build_cancel_payment_body(&with(&seed_cancel(), "reason", s(reason)), &options()));
        let expected = format!("imp_uid=imp_123412341234&amount=3000&reason={encoded}&extra[requester]=customer");
        assert_eq!(body.form, expected, "{reason:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The typed API: same rules, same bodies

#[test]
fn typed_again_gives_the_same_body_as_the_value_api() {
    let typed = AgainPayment::new("gildong_0001_1234", "order_monthly_0002", 10000, "Slim plan (initial payment)")
        .naver_use_cfm("20201001")
        .build(&options());
    assert_eq!(typed, build_again_payment_body(&seed_again(), &options()));
    assert!(typed.is_ok());

    let with_tax_free = AgainPayment::new("c", "m", 10000, "n").tax_free(1000).build(&options());
    let value = obj([
        ("customer_uid", s("c")),
        ("merchant_uid", s("m")),
        ("amount", num(10000.0)),
        ("tax_free", num(1000.0)),
        ("name", s("n")),
    ]);
    assert_eq!(with_tax_free, build_again_payment_body(&value, &options()));
    assert!(with_tax_free.is_ok());
}

#[test]
fn typed_schedule_gives_the_same_body_as_the_value_api() {
    let typed = SchedulePayment::new("gildong_0001_1234")
        .schedule(Schedule::new("order_monthly_0003", 1_519_862_400, 10000).naver_use_cfm("20201001"))
        .build(&options());
    assert_eq!(typed, build_schedule_payment_body(&seed_schedule(), &options()));
    assert!(typed.is_ok());
}

#[test]
fn typed_cancel_gives_the_same_body_as_the_value_api() {
    let typed = CancelPayment::by_imp_uid("imp_123412341234", "Reson for cancellation")
        .amount(3000)
        .requester(Requester::Customer)
        .build(&options());
    assert_eq!(typed, build_cancel_payment_body(&seed_cancel(), &options()));
    assert!(typed.is_ok());

    let default_requester = CancelPayment::by_merchant_uid("order_0001", "r").build(&options());
    let value = obj([("merchant_uid", s("order_0001")), ("reason", s("r"))]);
    assert_eq!(default_requester, build_cancel_payment_body(&value, &options()));
    assert_eq!(ok(default_requester).form, "merchant_uid=order_0001&reason=r&extra[requester]=admin");
}

#[test]
fn typed_builders_go_through_the_same_checks() {
    use ErrorCode::*;
    let again = AgainPayment::new("", "m".repeat(41), 50, "n").tax_free(1 << 53).naver_use_cfm("20200230");
    assert_eq!(problems(again.build(&options())), problems(build_again_payment_body(&again.to_value(), &options())));
    assert_eq!(
        problems(again.build(&options())),
        [
            (Required, "customer_uid".to_owned()),
            (TooLong, "merchant_uid".to_owned()),
            (AmountBelowMinimum, "amount".to_owned()),
            (OutOfRange, "tax_free".to_owned()),
            (InvalidDate, "extra.naverUseCfm".to_owned()),
        ]
    );
    assert_eq!(
        problems(AgainPayment::new("c", "m", 1 << 53, "n").build(&options())),
        [(OutOfRange, "amount".to_owned())]
    );

    assert_eq!(problems(SchedulePayment::new("c").build(&options())), [(Required, "schedules".to_owned())]);
    let past = SchedulePayment::new("c")
        .schedule(Schedule::new("a", 1_519_862_400, 10000))
        .schedule(Schedule::new("a", -5, 10000));
    assert_eq!(
        problems(past.build(&options())),
        [(InvalidValue, "schedules[1].merchant_uid".to_owned()), (OutOfRange, "schedules[1].schedule_at".to_owned())]
    );

    assert_eq!(
        problems(CancelPayment::by_imp_uid("imp_1", " ").amount(1 << 53).build(&options())),
        [(OutOfRange, "amount".to_owned()), (Required, "reason".to_owned())]
    );
}

#[test]
fn requester_spells_as_portone_does() {
    assert_eq!(Requester::Customer.as_str(), "customer");
    assert_eq!(Requester::Admin.as_str(), "admin");
    assert_eq!(Requester::default(), Requester::Admin);
    assert_eq!(Requester::parse("customer"), Some(Requester::Customer));
    assert_eq!(Requester::parse("Customer"), None);
}

#[test]
fn body_options_default_to_a_100_won_minimum_and_korean() {
    let o = BodyOptions::at(42.0);
    assert_eq!((o.min_amount, o.now_ms, o.locale), (100, 42.0, Locale::Ko));
}

#[test]
fn a_now_that_is_not_finite_skips_only_the_checks_that_need_it() {
    let nan = BodyOptions::at(f64::NAN);
    let old_cfm = with(&seed_again(), "extra", obj([("naverUseCfm", s("20000101"))]));
    assert!(build_again_payment_body(&old_cfm, &nan).is_ok());
    let early = schedules([schedule_item([("schedule_at", num(1.0))])]);
    assert!(build_schedule_payment_body(&early, &nan).is_ok());
    // The rest still holds.
    let bad_date = with(&seed_again(), "extra", obj([("naverUseCfm", s("20000230"))]));
    assert_eq!(
        problems(build_again_payment_body(&bad_date, &nan)),
        [(ErrorCode::InvalidDate, "extra.naverUseCfm".to_owned())]
    );
    let negative = schedules([schedule_item([("schedule_at", num(-1.0))])]);
    assert_eq!(
        problems(build_schedule_payment_body(&negative, &nan)),
        [(ErrorCode::OutOfRange, "schedules[0].schedule_at".to_owned())]
    );
}

// ---------------------------------------------------------------------------------------------
// Tables from PortOne's documents.
//
// Every row of `catalog::{AGAIN, SCHEDULE, SCHEDULE_ITEM, UNSCHEDULE, DELETE_BILLING_KEY, CANCEL}`,
// read from `portone-io/developers.portone.io` `src/schema/v1.openapi.yml` at commit
// 0a8743aae939dbee11449224d3042604a2ab5a19 (its last change in snapshot af926bd2cdd7), and
// `src/routes/(root)/opi/ko/integration/pg/v1/naver.mdx` at 13403e7ed213bd1b4bc21165d4244cc4461233b6.
// docs/rules.md gives every rule with its source. Rows without a rule of their own are tested
// generically by their type and length; the rules below them by hand.

use catalog::{Field, Limit, Type};
use naverpay_checkout::{
    build_delete_billing_key_body, build_unschedule_payment_body, DeleteBillingKey, UnschedulePayment,
};

type Build = fn(&Value, &BodyOptions) -> Result<Body, BodyError>;

/// Each call: its builder, a valid input, its table, and where the table's fields sit in the input.
fn calls() -> Vec<(&'static str, Build, Value, &'static [Field], &'static str)> {
    vec![
        ("again", build_again_payment_body as Build, seed_again(), catalog::AGAIN, ""),
        ("schedule", build_schedule_payment_body, seed_schedule(), catalog::SCHEDULE, ""),
        ("schedules[]", build_schedule_payment_body, seed_schedule(), catalog::SCHEDULE_ITEM, "schedules[0]"),
        ("cancel", build_cancel_payment_body, seed_cancel(), catalog::CANCEL, ""),
        ("unschedule", build_unschedule_payment_body, seed_unschedule(), catalog::UNSCHEDULE, ""),
        ("delete", build_delete_billing_key_body, seed_delete(), catalog::DELETE_BILLING_KEY, ""),
    ]
}

fn seed_unschedule() -> Value {
    obj([("customer_uid", s("gildong_0001_1234")), ("merchant_uid", arr([s("order_monthly_0003")]))])
}

fn seed_delete() -> Value {
    obj([
        ("customer_uid", s("gildong_0001_1234")),
        ("reason", s("Cancelled at the buyer's request")),
        ("extra", obj([("requester", s("customer"))])),
    ])
}

/// `input` with `key` set at `at` (`""` the top level, `schedules[0]` the first schedule).
fn set_at(input: &Value, at: &str, key: &str, v: Value) -> Value {
    if at.is_empty() {
        return with(input, key, v);
    }
    let Some(Value::Array(items)) = input.as_object().map(|m| m.get("schedules").clone()) else { unreachable!() };
    let first = with(&items[0], key, v);
    with(input, "schedules", Value::Array(vec![first]))
}

fn get_at<'a>(json: &'a Map, at: &str, key: &str) -> &'a Value {
    if at.is_empty() {
        return json.get(key);
    }
    match json.get("schedules") {
        Value::Array(items) => items[0].as_object().map_or(&Value::Undefined, |m| m.get(key)),
        _ => &Value::Undefined,
    }
}

/// A valid value of `field` by its type: the longest string its limit allows.
fn valid(field: &Field) -> Value {
    match field.ty {
        Type::Str | Type::Text => {
            let longest = if let Limit::Chars(max) = field.limit { usize::from(max) } else { 3 };
            s(&"가".repeat(longest))
        }
        Type::Int => num(7.0),
        Type::Bool => Value::Bool(true),
        Type::Obj => obj([("k", s("v"))]),
        _ => arr([s("v")]),
    }
}

/// Each invalid kind of value for `field` by its type, with its code.
fn invalid(field: &Field) -> Vec<(Value, ErrorCode)> {
    use ErrorCode::*;
    match field.ty {
        Type::Str | Type::Text => match field.limit {
            Limit::Chars(max) => vec![(num(1.0), InvalidType), (s(&"a".repeat(usize::from(max) + 1)), TooLong)],
            _ => vec![(num(1.0), InvalidType), (Value::Bool(true), InvalidType)],
        },
        Type::Int => vec![
            (s("7"), InvalidType),
            (num(1.5), NotInteger),
            (num(-1.0), OutOfRange),
            (num(MAX_SAFE * 2.0), OutOfRange),
        ],
        Type::Bool => vec![(s("true"), InvalidType), (num(1.0), InvalidType)],
        _ => vec![(s("x"), InvalidType)],
    }
}

#[test]
fn every_documented_field_without_a_rule_passes_through_unchanged_to_json_and_form() {
    for (call, build, base, table, at) in calls() {
        for field in table.iter().filter(|f| !f.has(catalog::RULE) && !f.has(catalog::UNSUPPORTED)) {
            let value = valid(field);
            let body = ok(build(&set_at(&base, at, field.name, value.clone()), &options()));
            assert_eq!(get_at(&body.json, at, field.name), &value, "{call}.{}", field.name);
            let path = if at.is_empty() { field.name.to_owned() } else { format!("{at}.{}", field.name) };
            let key = if at.is_empty() { field.name.to_owned() } else { format!("schedules[0][{}]", field.name) };
            let leaf = match &value {
                Value::String(text) => text.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                _ => unreachable!("bodies have no object or array field without a rule"),
            };
            assert!(decode_form(&body.form).contains(&(key.clone(), leaf)), "{call}: {key} in {}", body.form);
            let warned: Vec<_> = body.warnings.iter().map(|w| (w.code, w.field.clone())).collect();
            let expected = if field.has(catalog::IGNORED) { vec![(ErrorCode::IgnoredField, path)] } else { vec![] };
            assert_eq!(warned, expected, "{call}.{}", field.name);
        }
    }
}

#[test]
fn every_documented_field_without_a_rule_refuses_each_wrong_kind_with_its_code_and_path() {
    for (call, build, base, table, at) in calls() {
        for field in table.iter().filter(|f| !f.has(catalog::RULE) && !f.has(catalog::UNSUPPORTED)) {
            let path = if at.is_empty() { field.name.to_owned() } else { format!("{at}.{}", field.name) };
            for (value, code) in invalid(field) {
                let got = problems(build(&set_at(&base, at, field.name, value.clone()), &options()));
                assert_eq!(got, [(code, path.clone())], "{call}.{} = {value:?}", field.name);
            }
        }
    }
}

#[test]
fn every_required_row_is_required() {
    for (call, build, base, table, at) in calls() {
        for field in table.iter().filter(|f| f.has(catalog::REQUIRED)) {
            let path = if at.is_empty() { field.name.to_owned() } else { format!("{at}.{}", field.name) };
            let got = problems(build(&set_at(&base, at, field.name, Value::Undefined), &options()));
            let expected = if field.name == "schedules" { "schedules".to_owned() } else { path };
            assert_eq!(got, [(ErrorCode::Required, expected)], "{call}.{}", field.name);
        }
    }
}

#[test]
fn a_typo_of_a_documented_field_is_an_error_that_suggests_it() {
    for (call, build, base, _, at) in calls() {
        for (typo, meant) in [("buyer_nmae", "buyer_name"), ("notice_ur", "notice_url"), ("checksun", "checksum")] {
            let known = match call {
                "again" | "schedules[]" => meant != "checksum",
                "cancel" => meant == "checksum",
                _ => false,
            };
            let r = build(&set_at(&base, at, typo, s("x")), &en_options());
            let Err(issues) = r else { panic!("{call}: {typo} accepted") };
            assert_eq!(issues.len(), 1, "{call}: {issues:?}");
            assert_eq!(issues[0].code, ErrorCode::UnknownField);
            assert_eq!(issues[0].message.contains(meant), known, "{call}: {}", issues[0].message);
        }
    }
}

fn en_options() -> BodyOptions {
    BodyOptions { locale: Locale::En, ..options() }
}

/// The rules of rows that have one, each with a valid case (written as given) and invalid ones.
#[test]
fn rules_of_the_documents_accept_their_valid_values_and_refuse_the_rest() {
    use ErrorCode::*;
    type Case = (&'static str, Build, Value, Option<(ErrorCode, &'static str)>);
    let cancel = seed_cancel();
    let again = seed_again();
    let item = |k: &str, v: Value| schedules([schedule_item([(k, v)])]);
    let cases: Vec<Case> = vec![
        // cancel (OpenAPI: amount 0 or none refunds everything; checksum is the cancellable balance)
        ("cancel amount 0 is a full refund", build_cancel_payment_body, with(&cancel, "amount", num(0.0)), None),
        (
            "cancel amount = checksum",
            build_cancel_payment_body,
            with(&with(&cancel, "checksum", num(3000.0)), "amount", num(3000.0)),
            None,
        ),
        (
            "cancel checksum 0",
            build_cancel_payment_body,
            with(&with(&cancel, "checksum", num(0.0)), "amount", num(0.0)),
            None,
        ),
        (
            "cancel amount > checksum",
            build_cancel_payment_body,
            with(&cancel, "checksum", num(2999.0)),
            Some((OutOfRange, "amount")),
        ),
        (
            "cancel checksum a string",
            build_cancel_payment_body,
            with(&cancel, "checksum", s("3000")),
            Some((InvalidType, "checksum")),
        ),
        ("cancel tax_free = amount", build_cancel_payment_body, with(&cancel, "tax_free", num(3000.0)), None),
        (
            "cancel tax_free > amount",
            build_cancel_payment_body,
            with(&cancel, "tax_free", num(3001.0)),
            Some((OutOfRange, "tax_free")),
        ),
        (
            "cancel vat_amount > amount",
            build_cancel_payment_body,
            with(&cancel, "vat_amount", num(3001.0)),
            Some((OutOfRange, "vat_amount")),
        ),
        ("cancel reason blank", build_cancel_payment_body, with(&cancel, "reason", s(" ")), Some((Required, "reason"))),
        // again (OpenAPI: name ≤ 40, customer_uid ≤ 80; tax_free and vat_amount are parts of amount)
        ("again name of 40", build_again_payment_body, with(&again, "name", s(&"이".repeat(40))), None),
        (
            "again name of 41",
            build_again_payment_body,
            with(&again, "name", s(&"이".repeat(41))),
            Some((TooLong, "name")),
        ),
        (
            "again customer_uid of 81",
            build_again_payment_body,
            with(&again, "customer_uid", s(&"c".repeat(81))),
            Some((TooLong, "customer_uid")),
        ),
        ("again vat_amount = amount", build_again_payment_body, with(&again, "vat_amount", num(10000.0)), None),
        (
            "again vat_amount > amount",
            build_again_payment_body,
            with(&again, "vat_amount", num(10001.0)),
            Some((OutOfRange, "vat_amount")),
        ),
        (
            "again vat_amount a string",
            build_again_payment_body,
            with(&again, "vat_amount", s("1000")),
            Some((InvalidType, "vat_amount")),
        ),
        // schedules[] (OpenAPI integer; naver.mdx string: both, written as given)
        ("schedule_at as digits", build_schedule_payment_body, item("schedule_at", s("1519862400")), None),
        (
            "schedule_at as an ISO date",
            build_schedule_payment_body,
            item("schedule_at", s("2018-03-01")),
            Some((InvalidType, "schedules[0].schedule_at")),
        ),
        (
            "schedule tax_free > amount",
            build_schedule_payment_body,
            item("tax_free", num(10001.0)),
            Some((OutOfRange, "schedules[0].tax_free")),
        ),
        (
            "schedule vat_amount > amount",
            build_schedule_payment_body,
            item("vat_amount", num(10001.0)),
            Some((OutOfRange, "schedules[0].vat_amount")),
        ),
        // unschedule (OpenAPI: customer_uid, merchant_uid[] or both)
        ("unschedule by customer_uid", build_unschedule_payment_body, obj([("customer_uid", s("c"))]), None),
        (
            "unschedule by merchant_uid",
            build_unschedule_payment_body,
            obj([("merchant_uid", arr([s("a"), s("b")]))]),
            None,
        ),
        ("unschedule with neither", build_unschedule_payment_body, obj([]), Some((Required, "customer_uid"))),
        (
            "unschedule merchant_uid a string",
            build_unschedule_payment_body,
            obj([("merchant_uid", s("a"))]),
            Some((InvalidType, "merchant_uid")),
        ),
        (
            "unschedule merchant_uid empty",
            build_unschedule_payment_body,
            obj([("merchant_uid", arr([]))]),
            Some((Required, "merchant_uid")),
        ),
        (
            "unschedule merchant_uid[1] blank",
            build_unschedule_payment_body,
            obj([("merchant_uid", arr([s("a"), s("")]))]),
            Some((Required, "merchant_uid[1]")),
        ),
        (
            "unschedule merchant_uid[0] of 41",
            build_unschedule_payment_body,
            obj([("merchant_uid", arr([s(&"m".repeat(41))]))]),
            Some((TooLong, "merchant_uid[0]")),
        ),
        // billing-key deletion (naver.mdx: reason and extra[requester] or the inspection fails)
        (
            "delete without reason",
            build_delete_billing_key_body,
            with(&seed_delete(), "reason", Value::Undefined),
            Some((Required, "reason")),
        ),
        (
            "delete reason blank",
            build_delete_billing_key_body,
            with(&seed_delete(), "reason", s("  ")),
            Some((Required, "reason")),
        ),
        (
            "delete requester user",
            build_delete_billing_key_body,
            with(&seed_delete(), "extra", obj([("requester", s("user"))])),
            Some((InvalidValue, "extra.requester")),
        ),
        (
            "delete extra typo",
            build_delete_billing_key_body,
            with(&seed_delete(), "extra", obj([("reqester", s("admin"))])),
            Some((UnknownField, "extra.reqester")),
        ),
        (
            "delete customer_uid of 81",
            build_delete_billing_key_body,
            with(&seed_delete(), "customer_uid", s(&"c".repeat(81))),
            Some((TooLong, "customer_uid")),
        ),
    ];
    for (name, build, input, expected) in cases {
        match expected {
            None => {
                let body = ok(build(&input, &options()));
                // Valid values are written as given (delete's customer_uid goes to the path).
                for (k, v) in
                    input.as_object().unwrap().iter().filter(|(k, _)| *k != "customer_uid" || body.path.is_none())
                {
                    if k != "schedules" && k != "extra" {
                        assert_eq!(body.json.get(k), v, "{name}: {k}");
                    }
                }
                if let Some(Value::Array(items)) = input.as_object().map(|m| m.get("schedules").clone()) {
                    assert_eq!(body.json.get("schedules"), &Value::Array(items), "{name}");
                }
            }
            Some((code, path)) => assert_eq!(problems(build(&input, &options())), [(code, path.to_owned())], "{name}"),
        }
    }
}

#[test]
fn deleting_a_billing_key_puts_the_key_in_the_path_and_reason_and_requester_in_the_query() {
    let body = ok(build_delete_billing_key_body(&seed_delete(), &options()));
    assert_eq!(body.path.as_deref(), Some("/subscribe/customers/gildong_0001_1234"));
    assert_eq!(body.form, "reason=Cancelled+at+the+buyer%27s+request&extra[requester]=customer");
    assert_eq!(keys(&Value::Object(body.json.clone())), ["reason", "extra"]);

    let odd = with(&with(&seed_delete(), "customer_uid", s("a/b ?#%가")), "extra", Value::Undefined);
    let body = ok(build_delete_billing_key_body(&odd, &options()));
    assert_eq!(body.path.as_deref(), Some("/subscribe/customers/a%2Fb%20%3F%23%25%EA%B0%80"));
    assert!(body.form.ends_with("&extra[requester]=admin"), "the requester defaults to admin: {}", body.form);
}

#[test]
fn typed_unschedule_and_deletion_give_the_same_body_as_the_value_api() {
    let unschedule = UnschedulePayment::customer("gildong_0001_1234").merchant_uid("order_monthly_0003");
    assert_eq!(ok(unschedule.build(&options())), ok(build_unschedule_payment_body(&seed_unschedule(), &options())));
    let orders = UnschedulePayment::orders(["a", "b"]);
    assert_eq!(ok(orders.build(&options())).form, "merchant_uid[0]=a&merchant_uid[1]=b");
    assert_eq!(
        problems(UnschedulePayment::default().build(&options())),
        [(ErrorCode::Required, "customer_uid".to_owned())]
    );

    let delete =
        DeleteBillingKey::new("gildong_0001_1234", "Cancelled at the buyer's request").requester(Requester::Customer);
    assert_eq!(ok(delete.build(&options())), ok(build_delete_billing_key_body(&seed_delete(), &options())));
    assert_eq!(
        problems(DeleteBillingKey::new("", "").build(&options())),
        [(ErrorCode::Required, "customer_uid".to_owned()), (ErrorCode::Required, "reason".to_owned())]
    );
}

#[test]
fn portones_own_plugin_again_body_is_accepted_as_sent() {
    // iamport/wordpress-iamport-for-woocommerce iamport-naverpay-ext.php (013727b3): doPayment()
    // sends buyer_name, buyer_email, buyer_tel, tax_free, notice_url and extra.naverUseCfm.
    let plugin = obj([
        ("amount", num(10000.0)),
        ("merchant_uid", s("wc_order_abc_sf")),
        ("customer_uid", s("customer_1234")),
        ("name", s("#1234번 주문 정기결제(최초과금)")),
        ("buyer_name", s("홍길동")),
        ("buyer_email", s("buyer@example.com")),
        ("buyer_tel", s("010-1234-5678")),
        ("extra", obj([("naverUseCfm", s("20990101"))])),
        ("tax_free", num(0.0)),
        ("notice_url", s("https://shop.example/iamport-hook")),
    ]);
    let body = ok(build_again_payment_body(&plugin, &options()));
    assert!(body.warnings.is_empty());
    let mut given: Vec<_> = keys(&plugin);
    let mut written: Vec<_> = body.json.keys().collect();
    given.sort_unstable();
    written.sort_unstable();
    assert_eq!(given, written);
}

#[test]
fn the_tables_carry_the_lengths_and_required_flags_the_schema_gives() {
    // v1.openapi.yml @ 0a8743ae: maxLength of /subscribe/payments/again and ScheduleAnnotation.
    let lengths = [
        ("customer_uid", 80),
        ("merchant_uid", 40),
        ("name", 40),
        ("buyer_name", 16),
        ("buyer_email", 64),
        ("buyer_tel", 16),
        ("buyer_addr", 128),
        ("buyer_postcode", 8),
        ("channel_key", 55),
    ];
    for (table, call) in [(catalog::AGAIN, "again"), (catalog::SCHEDULE_ITEM, "schedules[]")] {
        for (name, max) in lengths {
            let Some(field) = catalog::field(table, name) else {
                assert!(call == "schedules[]" && matches!(name, "customer_uid" | "channel_key"), "{call}.{name}");
                continue;
            };
            assert_eq!(field.limit, Limit::Chars(max), "{call}.{name}");
        }
    }
    let required =
        |table: &[Field]| -> Vec<&str> { table.iter().filter(|f| f.has(catalog::REQUIRED)).map(|f| f.name).collect() };
    assert_eq!(required(catalog::AGAIN), ["customer_uid", "merchant_uid", "amount", "name"]);
    assert_eq!(required(catalog::SCHEDULE), ["customer_uid", "schedules"]);
    // The schema also marks currency and name required; naver.mdx's sample has neither (docs/rules.md).
    assert_eq!(required(catalog::SCHEDULE_ITEM), ["merchant_uid", "schedule_at", "amount"]);
    assert_eq!(required(catalog::UNSCHEDULE), Vec::<&str>::new());
    assert_eq!(required(catalog::DELETE_BILLING_KEY), ["customer_uid", "reason"]);
    assert_eq!(required(catalog::CANCEL), ["reason"]);
}

#[test]
fn every_row_with_a_rule_is_checked_by_it() {
    // A boolean is the wrong type for every such row: each one's own rule must say so at its path.
    for (call, build, base, table, at) in calls() {
        for field in table.iter().filter(|f| f.has(catalog::RULE)) {
            let path = if at.is_empty() { field.name.to_owned() } else { format!("{at}.{}", field.name) };
            let got = problems(build(&set_at(&base, at, field.name, Value::Bool(true)), &options()));
            assert!(got.iter().any(|(_, p)| *p == path), "{call}.{}: {got:?}", field.name);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 19: card fields in a Naver Pay schedule, dates that say when

/// `v1.openapi.yml` (`portone-io/developers.portone.io` at 0a8743aae939dbee11449224d3042604a2ab5a19)
/// lists naverpay among the PGs that do not support `card_number`, `expiry` and `birth` of
/// `POST /subscribe/payments/schedule`; `pwd_2digit` and `cvc` are the same key-in card's.
#[test]
fn a_schedule_with_card_details_is_refused() {
    for field in ["card_number", "expiry", "birth", "pwd_2digit", "cvc"] {
        let input = with(&seed_schedule(), field, s("1234"));
        let issues = build_schedule_payment_body(&input, &en_options()).unwrap_err();
        let got: Vec<_> = issues.iter().map(|i| (i.code, i.field.as_str())).collect();
        assert_eq!(got, [(ErrorCode::UnsupportedField, field)], "{field}");
        assert!(issues[0].message.contains("not supported by Naver Pay"), "{}", issues[0].message);
    }
    // `null` is not entered: nothing to refuse.
    ok(build_schedule_payment_body(&with(&seed_schedule(), "card_number", Value::Null), &options()));
}

#[test]
fn a_schedule_at_out_of_range_shows_its_bounds_as_dates_in_seoul() {
    let past = schedules([schedule_item([("schedule_at", num(1_400_000_000.0))])]);
    let issues = build_schedule_payment_body(&past, &en_options()).unwrap_err();
    assert_eq!(issues[0].code, ErrorCode::OutOfRange);
    // BEFORE_SEED is 2017-07-14 02:40:00 UTC: the first allowed second is 11:40:01 in Seoul.
    let message = &issues[0].message;
    assert!(message.contains("2017-07-14 11:40:01 to 9999-12-31 23:59:59 Asia/Seoul"), "{message}");
    assert!(message.contains("1500000001"), "{message}");
    let ko = build_schedule_payment_body(&past, &options()).unwrap_err();
    assert!(ko[0].message.contains("2017-07-14 11:40:01 ~ 9999-12-31 23:59:59 한국 시간"), "{}", ko[0].message);
}

#[test]
fn every_message_of_every_builder_follows_the_locale() {
    let cancel_neither = obj([("reason", s("r"))]);
    let unschedule_neither = obj([]);
    let inputs: Vec<(Build, Value)> = vec![
        (build_again_payment_body, obj([])),
        (build_again_payment_body, with(&seed_again(), "extra", obj([("naverUseCfm", s("20170101"))]))),
        (build_schedule_payment_body, schedules([schedule_item([("schedule_at", num(1.0))]), schedule_item([])])),
        (build_schedule_payment_body, with(&seed_schedule(), "card_number", s("1"))),
        (build_cancel_payment_body, cancel_neither),
        (build_unschedule_payment_body, unschedule_neither),
        (build_delete_billing_key_body, obj([("customer_uid", num(1.0))])),
    ];
    for (build, input) in inputs {
        for issue in build(&input, &en_options()).unwrap_err() {
            assert!(!issue.message.chars().any(|c| ('가'..='힣').contains(&c)), "{}: {}", issue.field, issue.message);
        }
    }
}
