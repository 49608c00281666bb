//! The server's decisions (src/server) as tables: every payment status × amount × merchant_uid, the
//! envelopes PortOne answers (and the ones it should not), the token arithmetic, the retry rule and
//! the webhook body check. The same rows are written to tests/fixtures/server-decisions.json, which
//! tests/server.test.mjs runs through the JavaScript client's copy of these rules: the two agree row
//! for row. `UPDATE_FIXTURES=1 cargo test --test server` rewrites the file after a deliberate change.

use naverpay_checkout::server::{
    decide, decide_v2, may_retry, read_envelope, read_envelope_v2, read_webhook, token_refresh_at, Decision, Envelope,
    EnvelopeV2, Failure, Verdict, STATUSES, V2_STATUSES,
};
use naverpay_checkout::{Locale, Map, Value};

const ORDER_UID: &str = "order_20260101_0001";
const ORDER_AMOUNT: f64 = 15_000.0;

fn object(entries: Vec<(&str, Value)>) -> Value {
    Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map>())
}

/// A payment with each of the three fields either given or left out (`Value::Undefined`).
fn payment(status: &Value, amount: &Value, merchant_uid: &Value) -> Value {
    let mut map = Map::new();
    map.insert("imp_uid", "imp_123456789012");
    for (key, value) in [("merchant_uid", merchant_uid), ("status", status), ("amount", amount)] {
        if !matches!(value, Value::Undefined) {
            map.insert(key, value.clone());
        }
    }
    Value::Object(map)
}

fn statuses() -> Vec<Value> {
    let mut all: Vec<Value> = STATUSES.iter().map(|s| Value::from(*s)).collect();
    // Not PortOne's, and not there at all.
    all.extend([Value::from("partial_cancelled"), Value::from(""), Value::Null, Value::Undefined, Value::from(1.0)]);
    all
}

fn amounts() -> Vec<Value> {
    vec![
        Value::from(ORDER_AMOUNT),
        Value::from(ORDER_AMOUNT - 1.0),
        Value::from(100.0),
        Value::from(ORDER_AMOUNT + 1.0),
        Value::from(ORDER_AMOUNT + 0.5),
        Value::from(0.0),
        Value::from("15000"),
        Value::Null,
        Value::Undefined,
        Value::from(f64::NAN),
    ]
}

fn merchant_uids() -> Vec<Value> {
    vec![
        Value::from(ORDER_UID),
        Value::from("order_20260101_0002"),
        Value::from(format!("{ORDER_UID} ")),
        Value::from(""),
        Value::Null,
        Value::Undefined,
    ]
}

/// The rule, stated once more on its own: what each combination must earn.
fn expected(status: &Value, amount: &Value, uid: &Value) -> (Verdict, bool) {
    let documented = status.as_str().is_some_and(|s| STATUSES.contains(&s));
    let number = matches!(amount, Value::Number(n) if n.is_finite());
    if !documented || !number || uid.as_str().is_none() {
        return (Verdict::Unknown, false);
    }
    if uid.as_str() != Some(ORDER_UID) {
        (Verdict::MerchantUidMismatch, false)
    } else if amount.as_f64() != Some(ORDER_AMOUNT) {
        (Verdict::AmountMismatch, status.as_str() == Some("paid"))
    } else if status.as_str() == Some("paid") {
        (Verdict::Paid, false)
    } else {
        (Verdict::NotPaid, false)
    }
}

#[test]
fn every_status_amount_and_merchant_uid_combination() {
    let mut seen = Vec::new();
    for status in statuses() {
        for amount in amounts() {
            for uid in merchant_uids() {
                let found = decide(&payment(&status, &amount, &uid), ORDER_UID, ORDER_AMOUNT);
                let (verdict, cancel) = expected(&status, &amount, &uid);
                assert_eq!((found.verdict, found.cancel), (verdict, cancel), "{status:?} {amount:?} {uid:?}");
                if !seen.contains(&verdict) {
                    seen.push(verdict);
                }
            }
        }
    }
    // Not found comes from the envelope (a 404 refusal), never from a payment's fields.
    assert_eq!(seen.len(), Verdict::ALL.len() - 1);
}

#[test]
fn paid_only_for_exactly_the_order() {
    let paid = |status: &str, amount: f64, uid: &str| {
        decide(&payment(&status.into(), &amount.into(), &uid.into()), ORDER_UID, ORDER_AMOUNT).verdict == Verdict::Paid
    };
    assert!(paid("paid", ORDER_AMOUNT, ORDER_UID));
    assert!(!paid("paid", ORDER_AMOUNT - 1.0, ORDER_UID));
    assert!(!paid("paid", ORDER_AMOUNT, "order_20260101_0002"));
    assert!(!paid("ready", ORDER_AMOUNT, ORDER_UID));
    assert!(!paid("cancelled", ORDER_AMOUNT, ORDER_UID));
    for nonsense in [Value::Null, Value::from("paid"), Value::Array(vec![]), Value::Undefined] {
        assert_eq!(decide(&nonsense, ORDER_UID, ORDER_AMOUNT).verdict, Verdict::Unknown);
    }
}

#[test]
fn a_tampered_payment_is_cancelled_once() {
    let tampered =
        |status: &str| decide(&payment(&status.into(), &100.0.into(), &ORDER_UID.into()), ORDER_UID, ORDER_AMOUNT);
    assert_eq!(tampered("paid").verdict, Verdict::AmountMismatch);
    assert!(tampered("paid").cancel);
    // Once cancelled, the same verdict without a second cancel.
    assert_eq!(tampered("cancelled").verdict, Verdict::AmountMismatch);
    assert!(!tampered("cancelled").cancel);
}

// ---- V2 --------------------------------------------------------------------------------------

const PAYMENT_ID: &str = "payment-20260101-0001";

/// A V2 payment with `id`, `status` and `amount.total` each given or left out.
fn payment_v2(status: &Value, total: &Value, id: &Value) -> Value {
    let mut map = Map::new();
    for (key, value) in [("id", id), ("status", status)] {
        if !matches!(value, Value::Undefined) {
            map.insert(key, value.clone());
        }
    }
    if !matches!(total, Value::Undefined) {
        map.insert("amount", object(vec![("total", total.clone()), ("cancelled", 0.0.into())]));
    }
    Value::Object(map)
}

fn statuses_v2() -> Vec<Value> {
    let mut all: Vec<Value> = V2_STATUSES.iter().map(|s| Value::from(*s)).collect();
    all.extend([Value::from("paid"), Value::Null, Value::Undefined]);
    all
}

fn ids_v2() -> Vec<Value> {
    vec![Value::from(PAYMENT_ID), Value::from("payment-20260101-0002"), Value::Null, Value::Undefined]
}

fn expected_v2(status: &Value, total: &Value, id: &Value) -> (Verdict, bool) {
    let documented = status.as_str().is_some_and(|s| V2_STATUSES.contains(&s));
    let number = matches!(total, Value::Number(n) if n.is_finite());
    if !documented || !number || id.as_str() != Some(PAYMENT_ID) {
        (Verdict::Unknown, false)
    } else if total.as_f64() != Some(ORDER_AMOUNT) {
        (Verdict::AmountMismatch, status.as_str() == Some("PAID"))
    } else if status.as_str() == Some("PAID") {
        (Verdict::Paid, false)
    } else {
        (Verdict::NotPaid, false)
    }
}

#[test]
fn v2_every_status_total_and_id_combination() {
    for status in statuses_v2() {
        for total in amounts() {
            for id in ids_v2() {
                let found = decide_v2(&payment_v2(&status, &total, &id), PAYMENT_ID, ORDER_AMOUNT);
                assert_eq!(
                    (found.verdict, found.cancel),
                    expected_v2(&status, &total, &id),
                    "{status:?} {total:?} {id:?}"
                );
            }
        }
    }
    let paid = payment_v2(&"PAID".into(), &ORDER_AMOUNT.into(), &PAYMENT_ID.into());
    assert_eq!(decide_v2(&paid, PAYMENT_ID, ORDER_AMOUNT).verdict, Verdict::Paid);
    let partial = payment_v2(&"PARTIAL_CANCELLED".into(), &ORDER_AMOUNT.into(), &PAYMENT_ID.into());
    assert_eq!(decide_v2(&partial, PAYMENT_ID, ORDER_AMOUNT).verdict, Verdict::NotPaid, "partly refunded is not paid");
}

fn envelope_cases_v2() -> Vec<(u16, Option<Value>)> {
    let error = |kind: &str, message: Value| Some(object(vec![("type", kind.into()), ("message", message)]));
    vec![
        (200, Some(object(vec![("id", "p".into())]))),
        (200, Some(object(vec![]))),
        (404, error("PAYMENT_NOT_FOUND", "결제 건이 존재하지 않습니다.".into())),
        (409, error("PAYMENT_ALREADY_CANCELLED", " 이미 취소된 결제 건입니다.\n".into())),
        (401, error("UNAUTHORIZED", Value::Null)),
        (200, None),
        (200, Some(Value::Array(vec![]))),
        (502, None),
        (500, Some(object(vec![("message", "no type".into())]))),
        (400, Some(object(vec![("type", 1.0.into())]))),
    ]
}

#[test]
fn v2_envelopes() {
    let found: Vec<String> =
        envelope_cases_v2().iter().map(|(s, b)| envelope_v2_json(&read_envelope_v2(*s, b.as_ref()))).collect();
    assert_eq!(found[0], r#"{"kind":"ok"}"#);
    assert_eq!(
        found[3],
        "{\"kind\":\"refused\",\"code\":\"PAYMENT_ALREADY_CANCELLED\",\"message\":\" 이미 취소된 결제 건입니다.\\n\"}"
    );
    assert_eq!(found[4], r#"{"kind":"refused","code":"UNAUTHORIZED","message":null}"#);
    for (i, kind) in found.iter().enumerate().skip(5) {
        assert_eq!(kind, r#"{"kind":"nonsense"}"#, "case {i}");
    }
}

fn envelope_v2_json(envelope: &EnvelopeV2<'_>) -> String {
    match envelope {
        EnvelopeV2::Ok(_) => r#"{"kind":"ok"}"#.into(),
        EnvelopeV2::Nonsense => r#"{"kind":"nonsense"}"#.into(),
        EnvelopeV2::Refused { kind, message } => {
            format!(
                r#"{{"kind":"refused","code":{},"message":{}}}"#,
                string(kind),
                message.map_or("null".into(), string)
            )
        }
    }
}

fn envelope_cases() -> Vec<(u16, Option<Value>)> {
    let ok =
        |response: Value| Some(object(vec![("code", 0.0.into()), ("message", Value::Null), ("response", response)]));
    let refused = |code: f64, message: Value| {
        Some(object(vec![("code", code.into()), ("message", message), ("response", Value::Null)]))
    };
    vec![
        (200, ok(object(vec![("imp_uid", "imp_1".into())]))),
        (200, ok(Value::Null)),
        (200, Some(object(vec![("code", 0.0.into())]))),
        (200, refused(1.0, "존재하지 않는 결제정보입니다.".into())),
        (200, refused(-1.0, "  취소 사유(reason)는 필수입니다.\n".into())),
        (200, refused(1.0, Value::Null)),
        (404, refused(1.0, "존재하지 않는 결제정보입니다.".into())),
        (400, refused(-1.0, "<b>bad</b>".into())),
        (401, refused(-1.0, "Unauthorized".into())),
        (401, None),
        (500, ok(Value::Null)),
        (500, None),
        (502, None),
        (200, None),
        (200, Some(Value::Array(vec![]))),
        (200, Some(Value::from("ok"))),
        (200, Some(object(vec![("code", "0".into()), ("response", Value::Null)]))),
        (200, Some(object(vec![("code", 0.5.into()), ("response", Value::Null)]))),
        (200, Some(object(vec![("message", "no code".into())]))),
    ]
}

#[test]
fn envelopes() {
    let kinds: Vec<String> =
        envelope_cases().iter().map(|(status, body)| envelope_json(&read_envelope(*status, body.as_ref()))).collect();
    assert_eq!(kinds[0], r#"{"kind":"ok"}"#);
    assert_eq!(kinds[3], r#"{"kind":"refused","code":1,"message":"존재하지 않는 결제정보입니다."}"#);
    assert_eq!(
        kinds[4], "{\"kind\":\"refused\",\"code\":-1,\"message\":\"  취소 사유(reason)는 필수입니다.\\n\"}",
        "verbatim"
    );
    assert_eq!(kinds[5], r#"{"kind":"refused","code":1,"message":null}"#);
    assert_eq!(kinds[8], r#"{"kind":"unauthorized"}"#);
    assert_eq!(kinds[9], r#"{"kind":"unauthorized"}"#);
    for i in [2, 10, 11, 12, 13, 14, 15, 16, 17, 18] {
        assert_eq!(kinds[i], r#"{"kind":"nonsense"}"#, "case {i}");
    }
    let response = object(vec![("imp_uid", "imp_1".into())]);
    let body = object(vec![("code", 0.0.into()), ("message", Value::Null), ("response", response.clone())]);
    assert_eq!(read_envelope(200, Some(&body)), Envelope::Ok(&response));
}

fn token_cases() -> Vec<(f64, Value, Value)> {
    let t = 1_767_225_600.0; // 2026-01-01T00:00:00Z
    vec![
        (1_000.0, t.into(), (t + 1800.0).into()),
        (1_000.0, t.into(), (t + 60.0).into()),
        (1_000.0, t.into(), (t + 30.0).into()),
        (1_000.0, t.into(), t.into()),
        (1_000.0, t.into(), (t - 5.0).into()),
        (1_000.0, Value::Null, (t + 1800.0).into()),
        (1_000.0, "1767225600".into(), (t + 1800.0).into()),
        (f64::NAN, t.into(), (t + 1800.0).into()),
        (1_000.0, t.into(), f64::INFINITY.into()),
    ]
}

#[test]
fn token_lifetime_on_portones_clock() {
    let found: Vec<Option<f64>> = token_cases().iter().map(|(r, now, exp)| token_refresh_at(*r, now, exp)).collect();
    assert_eq!(found, [Some(1_000.0 + 1_740_000.0), Some(1_000.0), Some(1_000.0), None, None, None, None, None, None]);
}

fn retry_cases() -> Vec<(bool, Failure)> {
    let mut cases = Vec::new();
    for idempotent in [true, false] {
        cases.push((idempotent, Failure::NoAnswer));
        for status in [400, 401, 404, 408, 429, 500, 502, 503, 504] {
            cases.push((idempotent, Failure::Status(status)));
        }
    }
    cases
}

#[test]
fn retries_only_what_cannot_charge_twice() {
    for (idempotent, failure) in retry_cases() {
        let expected = match failure {
            Failure::NoAnswer => idempotent,
            Failure::Status(s) => s == 429 || s == 503 || (idempotent && s >= 500),
        };
        assert_eq!(may_retry(idempotent, failure), expected, "{idempotent} {failure:?}");
    }
    assert!(!may_retry(false, Failure::NoAnswer), "a cancel that timed out may have happened");
    assert!(!may_retry(false, Failure::Status(500)));
}

fn webhook_cases() -> Vec<Value> {
    let s = |v: &str| Value::from(v);
    vec![
        object(vec![("imp_uid", s("imp_1")), ("merchant_uid", s("order_1")), ("status", s("paid"))]),
        object(vec![
            ("imp_uid", s("imp_1")),
            ("merchant_uid", s("order_1")),
            ("status", s("cancelled")),
            ("cancellation_id", s("cancel_1")),
            ("tid", s("other")),
        ]),
        object(vec![("imp_uid", s("imp_1")), ("merchant_uid", s("order_1")), ("status", Value::Null)]),
        object(vec![("imp_uid", s("imp_1"))]),
        object(vec![("imp_uid", s("")), ("merchant_uid", 5.0.into()), ("status", Value::Bool(true))]),
        object(vec![]),
        Value::Null,
        Value::Array(vec![s("imp_1")]),
        s("imp_uid=imp_1"),
    ]
}

#[test]
fn webhook_bodies() {
    let results: Vec<String> = webhook_cases().iter().map(webhook_json).collect();
    assert_eq!(
        results[1],
        r#"{"imp_uid":"imp_1","merchant_uid":"order_1","status":"cancelled","cancellation_id":"cancel_1"}"#
    );
    assert_eq!(results[3], r#"{"errors":[{"code":"REQUIRED","field":"merchant_uid"}]}"#);
    assert_eq!(
        results[4],
        r#"{"errors":[{"code":"REQUIRED","field":"imp_uid"},{"code":"INVALID_TYPE","field":"merchant_uid"},{"code":"INVALID_TYPE","field":"status"}]}"#
    );
    assert_eq!(results[6], r#"{"errors":[{"code":"INVALID_TYPE","field":""}]}"#);
    let notice = read_webhook(&webhook_cases()[0], Locale::En).expect("a notice");
    assert_eq!((notice.imp_uid.as_str(), notice.status.as_deref()), ("imp_1", Some("paid")));
}

/// The shared table: the JavaScript client's rules must give the same answers (tests/server.test.mjs).
#[test]
fn the_table_the_javascript_client_runs() {
    let v1 = |p: &Value| decide(p, ORDER_UID, ORDER_AMOUNT);
    let v2 = |p: &Value| decide_v2(p, PAYMENT_ID, ORDER_AMOUNT);
    let sections = [
        ("verdicts", verdict_rows(&statuses(), &merchant_uids(), payment, v1)),
        ("envelopes", envelope_rows(&envelope_cases(), |s, b| envelope_json(&read_envelope(s, b)))),
        (
            "tokens",
            token_cases()
                .iter()
                .map(|(received, now, exp)| {
                    format!(
                        "{{\"received_ms\":{},\"now\":{},\"expired_at\":{},\"refresh_at\":{}}}",
                        number(*received),
                        value(now),
                        value(exp),
                        token_refresh_at(*received, now, exp).map_or("null".into(), number)
                    )
                })
                .collect(),
        ),
        (
            "retries",
            retry_cases()
                .iter()
                .map(|(idempotent, failure)| {
                    let status = match failure {
                        Failure::NoAnswer => "null".to_string(),
                        Failure::Status(s) => s.to_string(),
                    };
                    format!(
                        "{{\"idempotent\":{idempotent},\"status\":{status},\"retry\":{}}}",
                        may_retry(*idempotent, *failure)
                    )
                })
                .collect(),
        ),
        (
            "webhooks",
            webhook_cases()
                .iter()
                .map(|b| format!("{{\"body\":{},\"expected\":{}}}", value(b), webhook_json(b)))
                .collect(),
        ),
        ("verdicts_v2", verdict_rows(&statuses_v2(), &ids_v2(), payment_v2, v2)),
        ("envelopes_v2", envelope_rows(&envelope_cases_v2(), |s, b| envelope_v2_json(&read_envelope_v2(s, b)))),
    ];
    let mut out = format!(
        "{{\n  \"order\": {{\"merchant_uid\":{},\"payment_id\":{},\"amount\":{}}}",
        string(ORDER_UID),
        string(PAYMENT_ID),
        number(ORDER_AMOUNT)
    );
    for (name, rows) in sections {
        out.push_str(&format!(",\n  \"{name}\": [\n    {}\n  ]", rows.join(",\n    ")));
    }
    out.push_str("\n}\n");

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/server-decisions.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &out).expect("write the fixture");
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(stored == out, "{path} is not this table: rerun with UPDATE_FIXTURES=1 after a deliberate change");
}

/// One row per payment of every status × amount × id: the payment and its decision.
fn verdict_rows(
    statuses: &[Value],
    ids: &[Value],
    make: fn(&Value, &Value, &Value) -> Value,
    decide: impl Fn(&Value) -> Decision,
) -> Vec<String> {
    let mut rows = Vec::new();
    for status in statuses {
        for amount in amounts() {
            for id in ids {
                let p = make(status, &amount, id);
                let d = decide(&p);
                rows.push(format!(
                    "{{\"payment\":{},\"verdict\":{},\"cancel\":{}}}",
                    value(&p),
                    string(d.verdict.as_str()),
                    d.cancel
                ));
            }
        }
    }
    rows
}

/// One row per answer: its status, its body (null when it did not parse) and what the reader made of it.
fn envelope_rows(cases: &[(u16, Option<Value>)], read: impl Fn(u16, Option<&Value>) -> String) -> Vec<String> {
    cases
        .iter()
        .map(|(status, body)| {
            format!(
                "{{\"status\":{status},\"body\":{},\"parsed\":{},\"expected\":{}}}",
                body.as_ref().map_or("null".to_string(), value),
                body.is_some(),
                read(*status, body.as_ref())
            )
        })
        .collect()
}

// ---- a small JSON writer for the shared table ------------------------------------------------

fn envelope_json(envelope: &Envelope<'_>) -> String {
    match envelope {
        Envelope::Ok(_) => r#"{"kind":"ok"}"#.into(),
        Envelope::Unauthorized => r#"{"kind":"unauthorized"}"#.into(),
        Envelope::Nonsense => r#"{"kind":"nonsense"}"#.into(),
        Envelope::Refused { code, message } => format!(
            r#"{{"kind":"refused","code":{},"message":{}}}"#,
            number(*code),
            message.map_or("null".into(), string)
        ),
    }
}

fn webhook_json(body: &Value) -> String {
    match read_webhook(body, Locale::En) {
        Ok(n) => {
            let opt = |v: &Option<String>| v.as_deref().map_or("null".into(), string);
            format!(
                r#"{{"imp_uid":{},"merchant_uid":{},"status":{},"cancellation_id":{}}}"#,
                string(&n.imp_uid),
                string(&n.merchant_uid),
                opt(&n.status),
                opt(&n.cancellation_id)
            )
        }
        Err(errors) => {
            let list: Vec<String> = errors
                .iter()
                .map(|e| format!(r#"{{"code":{},"field":{}}}"#, string(e.code.as_str()), string(&e.field)))
                .collect();
            format!(r#"{{"errors":[{}]}}"#, list.join(","))
        }
    }
}

/// JSON has no NaN or Infinity: they are written as strings the JavaScript test turns back.
fn number(n: f64) -> String {
    if n.is_nan() {
        "\"NaN\"".into()
    } else if n.is_infinite() {
        "\"Infinity\"".into()
    } else if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn value(v: &Value) -> String {
    match v {
        Value::Undefined | Value::Null | Value::Other(_) => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(*n),
        Value::String(s) => string(s),
        Value::Array(items) => format!("[{}]", items.iter().map(value).collect::<Vec<_>>().join(",")),
        Value::Object(map) => {
            let entries: Vec<String> = map.iter().map(|(k, v)| format!("{}:{}", string(k), value(v))).collect();
            format!("{{{}}}", entries.join(","))
        }
    }
}
