//! `POST /subscribe/payments/unschedule`: revoking scheduled payments of a billing key.

use super::check::{self, Issues};
use super::{build_unschedule_payment_body, Body, BodyOptions};
use crate::catalog;

use crate::error::{rule, Detail, ErrorCode, FieldIssue};
use crate::text::{concat, u64_text};
use crate::value::{Map, Value};

pub(super) fn build(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
    let (map, mut issues) = check::top_level(input, catalog::UNSCHEDULE, options)?;

    // Both optional on their own (the OpenAPI schema); at least one says what to revoke.
    let customer_uid = !matches!(map.get("customer_uid"), Value::Undefined | Value::Null);
    if customer_uid {
        issues.short_string(
            map.get("customer_uid"),
            "customer_uid",
            true,
            catalog::max_chars!(UNSCHEDULE, "customer_uid"),
        );
    }
    let merchant_uid = match map.get("merchant_uid") {
        Value::Undefined | Value::Null => false,
        Value::Array(items) if !items.is_empty() => {
            merchant_uids(items, &mut issues);
            true
        }
        Value::Array(_) => {
            issues.error(ErrorCode::Required, "merchant_uid", Detail::Expected("non-empty array"));
            true
        }
        _ => {
            issues.error(ErrorCode::InvalidType, "merchant_uid", Detail::Expected("string[]"));
            true
        }
    };
    if !customer_uid && !merchant_uid {
        issues.error(ErrorCode::Required, "customer_uid", Detail::Rule(&rule::CUSTOMER_UID_OR_MERCHANT_UID));
    }
    check::finish(issues, || check::write(catalog::UNSCHEDULE, map, Vec::new()))
}

/// Each `merchant_uid[i]`: a non-blank order id of at most its row's characters.
fn merchant_uids(items: &[Value], issues: &mut Issues) {
    for (i, item) in items.iter().enumerate() {
        let path = concat(&["merchant_uid[", &u64_text(i as u64), "]"]);
        issues.short_string(item, &path, true, catalog::max_chars!(UNSCHEDULE, "merchant_uid"));
    }
}

/// Revoking scheduled payments (`POST /subscribe/payments/unschedule`), for Rust servers.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use naverpay_checkout::{BodyOptions, UnschedulePayment};
///
/// let body = UnschedulePayment::customer("gildong_0001_1234")
///     .merchant_uid("order_monthly_0003")
///     .build(&BodyOptions::at(0.0))?;
/// assert_eq!(body.form, "customer_uid=gildong_0001_1234&merchant_uid[0]=order_monthly_0003");
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use = "a request does nothing until it is built"]
pub struct UnschedulePayment {
    customer_uid: Option<String>,
    merchant_uids: Vec<String>,
}

impl UnschedulePayment {
    /// Every schedule of the billing key `customer_uid` (narrowed by [`UnschedulePayment::merchant_uid`]).
    pub fn customer(customer_uid: impl Into<String>) -> Self {
        UnschedulePayment { customer_uid: Some(customer_uid.into()), merchant_uids: Vec::new() }
    }

    /// The schedules of these orders, whatever their billing key.
    pub fn orders<S: Into<String>>(merchant_uids: impl IntoIterator<Item = S>) -> Self {
        UnschedulePayment { customer_uid: None, merchant_uids: merchant_uids.into_iter().map(Into::into).collect() }
    }

    /// Adds an order whose schedule to revoke.
    pub fn merchant_uid(mut self, merchant_uid: impl Into<String>) -> Self {
        self.merchant_uids.push(merchant_uid.into());
        self
    }

    /// The input [`build_unschedule_payment_body`] receives.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        if let Some(customer_uid) = &self.customer_uid {
            map.insert("customer_uid", customer_uid.as_str());
        }
        if !self.merchant_uids.is_empty() {
            let uids: Vec<Value> = self.merchant_uids.iter().map(|u| Value::from(u.as_str())).collect();
            map.insert("merchant_uid", uids);
        }
        Value::Object(map)
    }

    /// Checks the request and builds its body, exactly as [`build_unschedule_payment_body`] does.
    pub fn build(&self, options: &BodyOptions) -> Result<Body, super::BodyError> {
        build_unschedule_payment_body(&self.to_value(), options)
    }
}
