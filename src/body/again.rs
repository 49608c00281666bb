//! `POST /subscribe/payments/again`: a payment with a billing key.

use super::check;
use super::{build_again_payment_body, Body, BodyOptions};
use crate::catalog;
use crate::date::Ymd;
use crate::error::FieldIssue;
use crate::value::{Map, Value};

pub(super) fn build(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
    let (map, mut issues) = check::top_level(input, catalog::AGAIN, options)?;

    issues.short_string(map.get("customer_uid"), "customer_uid", true, catalog::max_chars!(AGAIN, "customer_uid"));
    let max = catalog::max_chars!(AGAIN, "merchant_uid");
    issues.short_string(map.get("merchant_uid"), "merchant_uid", true, max);
    let amount = issues.amount(map.get("amount"), "amount", options.min_amount);
    check::parts_of_amount(map, "", amount, &mut issues);
    issues.short_string(map.get("name"), "name", true, catalog::max_chars!(AGAIN, "name"));
    let extra = check::payment_extra(map, "", Ymd::seoul_at_ms(options.now_ms), &mut issues);
    check::finish(issues, || check::write(catalog::AGAIN, map, vec![extra]))
}

/// A payment with a billing key (`POST /subscribe/payments/again`), for Rust servers.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use naverpay_checkout::{AgainPayment, BodyOptions};
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
    pub fn build(&self, options: &BodyOptions) -> Result<Body, super::BodyError> {
        build_again_payment_body(&self.to_value(), options)
    }
}
