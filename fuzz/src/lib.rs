//! Structured inputs for the fuzz targets: JSON-like values as JavaScript could hand them over,
//! biased towards the field names and values the crate knows so the fuzzer gets past the
//! "not an object" and "unknown field" checks into the rules themselves.

use arbitrary::{Arbitrary, Result, Unstructured};
use naverpay_checkout::{BodyOptions, DeviceInfo, Locale, Map, ModeOption, ValidateOptions, Value};

/// The JS converter stops at 16 levels; going a little deeper covers Rust callers too.
const MAX_DEPTH: usize = 20;

// The crate's tables, written from src/catalog.rs (src/generate.rs).
#[path = "../../tests/generated/tables.rs"]
mod catalog;

/// Every key of every table of the crate.
fn field_keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| catalog::FIELD_TABLES.iter().flat_map(|(_, table)| table.iter().map(|f| f.name)).collect())
}

/// Besides the keys the tables name: credentials, typos of known keys, and keys JavaScript
/// treats specially.
pub const EXTRA_KEYS: &[&str] =
    &["imp_key", "imp_secret", "access_token", "naverPopUpMode", "merchantUid", "amout", "", "__proto__", "constructor"];

/// Values that pass (or nearly pass) some rule.
pub const STRINGS: &[&str] = &[
    "",
    " ",
    "naverpay",
    "naverpay.np_12345",
    "naverpay.",
    "kakaopay",
    "BOOK",
    "GENERAL",
    "MOVIE",
    "BLUERAY",
    "INSURANCE",
    "VARIABLE_ANNUITY",
    "ETC",
    "NAVER_SHOPPING",
    "20250101",
    "20241231",
    "20240229",
    "20250229",
    "99991231",
    "00000000",
    "2025-01-01",
    "https://shop.example/pay/complete",
    "http://localhost:3000/done",
    "http://127.0.0.1/",
    "https://[::1]/",
    "https://user:pass@shop.example",
    "javascript:alert(1)",
    "//evil.com",
    "https:\\\\evil.com",
    "010-1234-5678",
    "+821012345678",
    "a@b.co",
    "a@@b.co",
    "customer",
    "admin",
    "order_0001",
    "imp_123456789012",
    "History of the World",
    "결제",
    "😀",
    "\u{0}",
    "true",
    "false",
];

/// A JSON-like value.
#[derive(Debug)]
pub struct ArbValue(pub Value);

impl<'a> Arbitrary<'a> for ArbValue {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        value(u, 0).map(ArbValue)
    }
}

fn key(u: &mut Unstructured<'_>) -> Result<String> {
    if !u.ratio(7u8, 8u8)? {
        return String::arbitrary(u);
    }
    let keys = if u.ratio(7u8, 8u8)? { field_keys() } else { EXTRA_KEYS };
    Ok((*u.choose(keys)?).to_owned())
}

fn string(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(if u.ratio(1u8, 2u8)? { (*u.choose(STRINGS)?).to_owned() } else { String::arbitrary(u)? })
}

fn number(u: &mut Unstructured<'_>) -> Result<f64> {
    const SPECIAL: &[f64] = &[
        0.0,
        -0.0,
        1.0,
        -1.0,
        99.0,
        100.0,
        14000.0,
        999_999.0,
        1_000_000.0,
        0.5,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        1e300,
        -1e300,
        f64::MIN_POSITIVE,
        1_735_700_000.0,
        4_102_444_800.0,
    ];
    Ok(if u.ratio(1u8, 2u8)? { *u.choose(SPECIAL)? } else { f64::arbitrary(u)? })
}

fn value(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let leaf_only = depth >= MAX_DEPTH;
    let choice = if leaf_only { u.int_in_range(0..=6u8)? } else { u.int_in_range(0..=8u8)? };
    Ok(match choice {
        0 => Value::Undefined,
        1 => Value::Null,
        2 => Value::Bool(bool::arbitrary(u)?),
        3 | 4 => Value::Number(number(u)?),
        5 => Value::String(string(u)?),
        6 => match u.choose(&["bigint", "function", "symbol", "threw"])? {
            &"threw" => Value::Threw,
            other => Value::Other(*other),
        },
        7 => {
            let mut items = Vec::new();
            u.arbitrary_loop(None, Some(8), |u| {
                items.push(value(u, depth + 1)?);
                Ok(std::ops::ControlFlow::Continue(()))
            })?;
            Value::Array(items)
        }
        _ => Value::Object(object(u, depth)?),
    })
}

fn object(u: &mut Unstructured<'_>, depth: usize) -> Result<Map> {
    let mut map = Map::new();
    u.arbitrary_loop(None, Some(24), |u| {
        map.insert(key(u)?, value(u, depth + 1)?);
        Ok(std::ops::ControlFlow::Continue(()))
    })?;
    Ok(map)
}

/// A valid input of each kind, to be patched: the rules behind the first checks get reached.
pub fn base(kind: u8) -> Map {
    let product = |name: &str| -> Value {
        Value::Object(
            [
                ("categoryType", Value::from("BOOK")),
                ("categoryId", Value::from("GENERAL")),
                ("uid", Value::from("107922211")),
                ("name", Value::from(name)),
                ("count", Value::from(1.0)),
            ]
            .into_iter()
            .collect(),
        )
    };
    let pairs: Vec<(&str, Value)> = match kind % 5 {
        0 => vec![
            ("merchant_uid", "order_0001".into()),
            ("name", "History of the World".into()),
            ("amount", 14000.0.into()),
            ("m_redirect_url", "https://shop.example/pay/complete".into()),
            ("naverProducts", Value::Array(vec![product("History of the World"), product("Second")])),
        ],
        1 => vec![
            ("customer_uid", "gildong_0001_1234".into()),
            ("merchant_uid", "order_monthly_0001".into()),
            ("name", "Slim plan".into()),
            ("amount", 14000.0.into()),
            ("buyer_tel", "010-1234-5678".into()),
            ("naverProductCode", "slim_monthly".into()),
            ("m_redirect_url", "https://shop.example/billing/complete".into()),
        ],
        2 => vec![
            ("customer_uid", "gildong_0001_1234".into()),
            ("merchant_uid", "order_again_0001".into()),
            ("amount", 14000.0.into()),
            ("name", "Slim plan".into()),
            ("extra", Value::Object([("naverUseCfm", "20990101")].into_iter().collect())),
        ],
        3 => vec![
            ("customer_uid", "gildong_0001_1234".into()),
            (
                "schedules",
                Value::Array(vec![Value::Object(
                    [
                        ("merchant_uid", Value::from("order_sched_0001")),
                        ("schedule_at", Value::from(4_102_444_800.0)),
                        ("amount", Value::from(14000.0)),
                    ]
                    .into_iter()
                    .collect(),
                )]),
            ),
        ],
        _ => vec![
            ("imp_uid", "imp_123456789012".into()),
            ("reason", "buyer asked".into()),
            ("amount", 1000.0.into()),
            ("extra", Value::Object([("requester", "customer")].into_iter().collect())),
        ],
    };
    pairs.into_iter().collect()
}

/// Either any value, or a valid base with keys set or removed (at the top or one level down).
#[derive(Debug)]
pub struct Input(pub Value);

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.ratio(1u8, 3u8)? {
            return Ok(Input(value(u, 0)?));
        }
        let mut map = base(u8::arbitrary(u)?);
        u.arbitrary_loop(None, Some(8), |u| {
            let k = key(u)?;
            let v = if u.ratio(1u8, 4u8)? { Value::Undefined } else { value(u, 1)? };
            if u.ratio(1u8, 3u8)? {
                // one level down: into naverProducts[0], schedules[0] or extra
                match map.get(&k).clone() {
                    Value::Array(mut items) if !items.is_empty() => {
                        if let Some(Value::Object(first)) = items.first_mut() {
                            first.insert(key(u)?, v);
                        }
                        map.insert(k, Value::Array(items));
                    }
                    Value::Object(mut inner) => {
                        inner.insert(key(u)?, v);
                        map.insert(k, Value::Object(inner));
                    }
                    _ => map.insert(k, v),
                }
            } else {
                map.insert(k, v);
            }
            Ok(std::ops::ControlFlow::Continue(()))
        })?;
        Ok(Input(Value::Object(map)))
    }
}

/// "Now" in ms: around today, or anything at all (NaN, infinities, far dates).
fn now_ms(u: &mut Unstructured<'_>) -> Result<f64> {
    Ok(if u.ratio(3u8, 4u8)? {
        1_735_659_000_000.0 + f64::from(i32::arbitrary(u)?) * 1000.0
    } else {
        f64::arbitrary(u)?
    })
}

fn locale(u: &mut Unstructured<'_>) -> Result<Locale> {
    Ok(if bool::arbitrary(u)? { Locale::Ko } else { Locale::En })
}

/// Any validation options.
#[derive(Debug)]
pub struct ArbValidateOptions(pub ValidateOptions);

impl<'a> Arbitrary<'a> for ArbValidateOptions {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mode = *u.choose(&[ModeOption::Auto, ModeOption::Popup, ModeOption::Redirect])?;
        let min_amount = if bool::arbitrary(u)? { *u.choose(&[0, 10, 100, u64::MAX])? } else { u64::arbitrary(u)? };
        let device = if bool::arbitrary(u)? {
            Some(DeviceInfo {
                user_agent: String::arbitrary(u)?,
                max_touch_points: u32::arbitrary(u)?,
                mobile: Option::<bool>::arbitrary(u)?,
            })
        } else {
            None
        };
        let locale = locale(u)?;
        let now_ms = now_ms(u)?;
        Ok(ArbValidateOptions(ValidateOptions { mode, min_amount, locale, device, now_ms }))
    }
}

/// Any body options.
#[derive(Debug)]
pub struct ArbBodyOptions(pub BodyOptions);

impl<'a> Arbitrary<'a> for ArbBodyOptions {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let min_amount = if bool::arbitrary(u)? { *u.choose(&[0, 10, 100, u64::MAX])? } else { u64::arbitrary(u)? };
        Ok(ArbBodyOptions(BodyOptions { min_amount, now_ms: now_ms(u)?, locale: locale(u)? }))
    }
}
