//! `POST /subscribe/payments/schedule`: payments with a billing key at given times.

use super::check::{self, Issues};
use super::{build_schedule_payment_body, Body, BodyOptions};
use crate::catalog;

use crate::date::Ymd;
use crate::error::{Detail, ErrorCode, FieldIssue};
use crate::text::{concat, join_path, u64_text};
use crate::value::{Map, Value};

/// The last second of 9999-12-31 in Asia/Seoul: no later schedule has a `yyyyMMdd` date, and a
/// `schedule_at` past it is almost surely milliseconds given for seconds.
const MAX_SCHEDULE_AT: u64 = 253_402_268_399;

pub(super) fn build(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
    let (map, mut issues) = check::top_level(input, catalog::SCHEDULE, options)?;

    issues.short_string(map.get("customer_uid"), "customer_uid", true, catalog::max_chars!(SCHEDULE, "customer_uid"));
    let schedules = match map.get("schedules") {
        Value::Array(items) if !items.is_empty() => {
            let mut seen: Vec<(&str, usize)> = Vec::new();
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                if let Some(schedule) = schedule(item, i, &mut seen, options, &mut issues) {
                    out.push(Value::Object(schedule));
                }
            }
            Some(Value::Array(out))
        }
        Value::Array(_) | Value::Undefined | Value::Null => {
            issues.error(ErrorCode::Required, "schedules", Detail::None);
            None
        }
        _ => {
            issues.error(ErrorCode::InvalidType, "schedules", Detail::Expected("array"));
            None
        }
    };
    check::finish(issues, || check::write(catalog::SCHEDULE, map, vec![("schedules", schedules)]))
}

/// Checks `schedules[i]`; `seen` holds the `merchant_uid`s before it, with their index.
fn schedule<'v>(
    item: &'v Value,
    i: usize,
    seen: &mut Vec<(&'v str, usize)>,
    options: &BodyOptions,
    issues: &mut Issues,
) -> Option<Map> {
    let path = concat(&["schedules[", &u64_text(i as u64), "]"]);
    let map = issues.object(item, &path)?;
    issues.table(map, catalog::SCHEDULE_ITEM, &path, catalog::REQUIRED);

    let uid_path = join_path(&path, "merchant_uid");
    let max = catalog::max_chars!(SCHEDULE_ITEM, "merchant_uid");
    let merchant_uid = issues.short_string(map.get("merchant_uid"), &uid_path, true, max);
    if let Some(uid) = merchant_uid {
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == uid) {
            let first = concat(&["schedules[", &u64_text(*first as u64), "].merchant_uid"]);
            issues.error(ErrorCode::InvalidValue, &uid_path, Detail::Duplicates(&first));
        } else {
            seen.push((uid, i));
        }
    }
    let schedule_at = schedule_at(map.get("schedule_at"), &join_path(&path, "schedule_at"), options, issues);
    let amount = issues.amount(map.get("amount"), &join_path(&path, "amount"), options.min_amount);
    check::parts_of_amount(map, &path, amount, issues);
    // On or after the schedule's own date; today when the schedule time itself is wrong.
    let not_before = match schedule_at {
        Some(at) => Ymd::seoul_at_ms(at as f64 * 1000.0),
        None => Ymd::seoul_at_ms(options.now_ms),
    };
    let extra = check::payment_extra(map, &path, not_before, issues);
    Some(check::write(catalog::SCHEDULE_ITEM, map, vec![extra]))
}

/// `schedule_at`: UNIX seconds, strictly after `options.now_ms`, at most [`MAX_SCHEDULE_AT`]; an
/// integer (the OpenAPI schema) or its decimal digits as a string (naver.mdx types it `string`),
/// passed on as given. A time not in the future is `OUT_OF_RANGE`, its message giving the range
/// as dates and times in Asia/Seoul beside the seconds.
fn schedule_at(value: &Value, path: &str, options: &BodyOptions, issues: &mut Issues) -> Option<u64> {
    let n = match value {
        Value::Undefined | Value::Null => {
            issues.error(ErrorCode::Required, path, Detail::None);
            return None;
        }
        Value::String(s) if !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.bytes().fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0'))
        }
        Value::String(_) => {
            issues.error(ErrorCode::InvalidType, path, Detail::Expected("integer | digits"));
            return None;
        }
        _ => issues.integer(value, path, true)?,
    };
    let first = if options.now_ms.is_finite() {
        // The first whole second after now; `as` saturates, so a negative now gives 0.
        ((options.now_ms / 1000.0).floor() + 1.0) as u64
    } else {
        0
    };
    let first = first.min(MAX_SCHEDULE_AT);
    // Both bounds are at most 2^53 − 1, so the conversions are exact.
    if n < first as f64 || n > MAX_SCHEDULE_AT as f64 {
        issues.error(ErrorCode::OutOfRange, path, Detail::SecondsRange(first, MAX_SCHEDULE_AT));
        return None;
    }
    Some(n as u64)
}

/// One scheduled payment of a [`SchedulePayment`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a request does nothing until it is built"]
pub struct Schedule {
    merchant_uid: String,
    schedule_at: i64,
    amount: u64,
    naver_use_cfm: Option<String>,
}

impl Schedule {
    /// The required fields: the order id (at most 40 characters, unique within the call), the
    /// time of payment in UNIX seconds (after now) and the amount in won.
    pub fn new(merchant_uid: impl Into<String>, schedule_at: i64, amount: u64) -> Self {
        Schedule { merchant_uid: merchant_uid.into(), schedule_at, amount, naver_use_cfm: None }
    }

    /// Naver Pay's expiration date, `yyyyMMdd`, on or after the schedule's date in Asia/Seoul
    /// (`extra.naverUseCfm`).
    pub fn naver_use_cfm(mut self, yyyymmdd: impl Into<String>) -> Self {
        self.naver_use_cfm = Some(yyyymmdd.into());
        self
    }

    fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("merchant_uid", self.merchant_uid.as_str());
        // Exact for every value the check accepts (at most 2^53 − 1).
        map.insert("schedule_at", Value::Number(self.schedule_at as f64));
        map.insert("amount", self.amount);
        if let Some(date) = &self.naver_use_cfm {
            map.insert("extra", Map::from_iter([("naverUseCfm", date.as_str())]));
        }
        Value::Object(map)
    }
}

/// Scheduled payments with a billing key (`POST /subscribe/payments/schedule`), for Rust servers.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use naverpay_checkout::{BodyOptions, Schedule, SchedulePayment};
///
/// let options = BodyOptions::at(1_500_000_000_000.0); // 2017-07-14
/// let body = SchedulePayment::new("gildong_0001_1234")
///     .schedule(Schedule::new("order_monthly_0003", 1_519_862_400, 10000).naver_use_cfm("20201001"))
///     .build(&options)?;
/// assert!(body.form.ends_with("&schedules[0][amount]=10000&schedules[0][extra][naverUseCfm]=20201001"));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a request does nothing until it is built"]
pub struct SchedulePayment {
    customer_uid: String,
    schedules: Vec<Schedule>,
}

impl SchedulePayment {
    /// The billing key; add at least one [`Schedule`].
    pub fn new(customer_uid: impl Into<String>) -> Self {
        SchedulePayment { customer_uid: customer_uid.into(), schedules: Vec::new() }
    }

    /// Adds a scheduled payment.
    pub fn schedule(mut self, schedule: Schedule) -> Self {
        self.schedules.push(schedule);
        self
    }

    /// The input [`build_schedule_payment_body`] receives for these payments.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("customer_uid", self.customer_uid.as_str());
        map.insert("schedules", self.schedules.iter().map(Schedule::to_value).collect::<Vec<_>>());
        Value::Object(map)
    }

    /// Checks the payments and builds the body, exactly as [`build_schedule_payment_body`] does
    /// (no schedule at all is `REQUIRED` on `schedules`).
    pub fn build(&self, options: &BodyOptions) -> Result<Body, super::BodyError> {
        build_schedule_payment_body(&self.to_value(), options)
    }
}
