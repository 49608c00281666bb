//! `POST /subscribe/payments/again`: a payment with a billing key.

use super::check::{self, MAX_SAFE_INTEGER, MERCHANT_UID_MAX_CHARS};
use super::{build_again_payment_body, Body, BodyOptions};
use crate::date::Ymd;
use crate::error::FieldIssue;
use crate::value::{Map, Value};

const FIELDS: &[&str] = &["customer_uid", "merchant_uid", "amount", "tax_free", "name", "extra"];
const EXTRA_FIELDS: &[&str] = &["naverUseCfm"];

pub(super) fn build(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
    let (map, mut issues) = check::top_level(input, FIELDS, options)?;

    let customer_uid = check::customer_uid(map, &mut issues);
    let merchant_uid =
        check::required_string(map.get("merchant_uid"), "merchant_uid", Some(MERCHANT_UID_MAX_CHARS), &mut issues);
    let amount = check::amount(map.get("amount"), "amount", options.min_amount, &mut issues);
    let tax_free_max = amount.unwrap_or(MAX_SAFE_INTEGER);
    let tax_free = check::optional_integer(map.get("tax_free"), "tax_free", 0, tax_free_max, &mut issues);
    let name = check::required_string(map.get("name"), "name", None, &mut issues);
    let mut naver_use_cfm = None;
    if let Some(extra) = check::optional_object(map.get("extra"), "extra", &mut issues) {
        check::unknown_fields(extra, EXTRA_FIELDS, "extra", &mut issues);
        let today = Ymd::seoul_at_ms(options.now_ms);
        naver_use_cfm = check::optional_date(extra.get("naverUseCfm"), "extra.naverUseCfm", today, &mut issues);
    }

    match (customer_uid, merchant_uid, amount, name) {
        (Some(customer_uid), Some(merchant_uid), Some(amount), Some(name)) if issues.is_empty() => {
            let mut json = Map::new();
            json.insert("customer_uid", customer_uid);
            json.insert("merchant_uid", merchant_uid);
            json.insert("amount", amount);
            if let Some(tax_free) = tax_free {
                json.insert("tax_free", tax_free);
            }
            json.insert("name", name);
            if let Some(date) = naver_use_cfm {
                json.insert("extra", Map::from_iter([("naverUseCfm", date)]));
            }
            Ok(Body::from_json(json))
        }
        _ => Err(issues.into_vec()),
    }
}

/// A payment with a billing key (`POST /subscribe/payments/again`), for Rust servers.
///
/// ```
/// # fn main() -> Result<(), Vec<naverpay_checkout::FieldIssue>> {
/// use naverpay_checkout::body::{AgainPayment, BodyOptions};
///
/// let options = BodyOptions::at(1_600_000_000_000.0); // 2020-09-13
/// let body = AgainPayment::new("gildong_0001_1234", "order_monthly_0002", 10000, "Slim plan (initial payment)")
///     .naver_use_cfm("20201001")
///     .build(&options)?;
/// assert_eq!(
///     body.form,
///     "customer_uid=gildong_0001_1234&merchant_uid=order_monthly_0002&amount=10000\
///      &name=Slim+plan+%28initial+payment%29&extra[naverUseCfm]=20201001"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a request does nothing until it is built"]
pub struct AgainPayment {
    customer_uid: String,
    merchant_uid: String,
    amount: u64,
    name: String,
    tax_free: Option<u64>,
    naver_use_cfm: Option<String>,
}

impl AgainPayment {
    /// The required fields: the billing key, the order id (at most 40 characters), the amount in
    /// won and the order name.
    pub fn new(
        customer_uid: impl Into<String>,
        merchant_uid: impl Into<String>,
        amount: u64,
        name: impl Into<String>,
    ) -> Self {
        AgainPayment {
            customer_uid: customer_uid.into(),
            merchant_uid: merchant_uid.into(),
            amount,
            name: name.into(),
            tax_free: None,
            naver_use_cfm: None,
        }
    }

    /// The tax-free part of `amount` (PortOne's default is 0).
    pub fn tax_free(mut self, tax_free: u64) -> Self {
        self.tax_free = Some(tax_free);
        self
    }

    /// Naver Pay's expiration date, `yyyyMMdd`, today in Asia/Seoul or later (`extra.naverUseCfm`).
    pub fn naver_use_cfm(mut self, yyyymmdd: impl Into<String>) -> Self {
        self.naver_use_cfm = Some(yyyymmdd.into());
        self
    }

    /// The input [`build_again_payment_body`] receives for this payment.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("customer_uid", self.customer_uid.as_str());
        map.insert("merchant_uid", self.merchant_uid.as_str());
        map.insert("amount", self.amount);
        if let Some(tax_free) = self.tax_free {
            map.insert("tax_free", tax_free);
        }
        map.insert("name", self.name.as_str());
        if let Some(date) = &self.naver_use_cfm {
            map.insert("extra", Map::from_iter([("naverUseCfm", date.as_str())]));
        }
        Value::Object(map)
    }

    /// Checks the payment and builds its body, exactly as [`build_again_payment_body`] does.
    pub fn build(&self, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
        build_again_payment_body(&self.to_value(), options)
    }
}
