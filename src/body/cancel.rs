//! `POST /payments/cancel`: a full or partial refund.

use super::check::{self, Issues};
use super::{build_cancel_payment_body, Body, BodyOptions};
use crate::catalog;
use crate::check::MAX_SAFE;
use crate::error::{rule, Detail, ErrorCode, FieldIssue};
use crate::text;
use crate::value::{Map, Value};

/// Who asks for the cancellation (`extra.requester`). Naver Pay's inspection wants it on every
/// cancel request, so it is always written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Requester {
    /// The buyer asked.
    Customer,
    /// The merchant decided; PortOne's default.
    #[default]
    Admin,
}

impl Requester {
    /// `"customer"` or `"admin"`, as PortOne spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Requester::Customer => "customer",
            Requester::Admin => "admin",
        }
    }

    /// The requester PortOne spells `s`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Requester> {
        match s {
            "customer" => Some(Requester::Customer),
            "admin" => Some(Requester::Admin),
            _ => None,
        }
    }
}

pub(super) fn build(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
    let (map, mut issues) = check::top_level(input, catalog::CANCEL, options)?;

    let imp_uid = payment_id(map.get("imp_uid"), "imp_uid", None, &mut issues);
    let merchant_uid = payment_id(
        map.get("merchant_uid"),
        "merchant_uid",
        Some(catalog::max_chars!(CANCEL, "merchant_uid")),
        &mut issues,
    );
    if let (Ok(None), Ok(None)) = (imp_uid, merchant_uid) {
        issues.error(ErrorCode::Required, "imp_uid", Detail::Rule(&rule::IMP_UID_OR_MERCHANT_UID));
    }
    // The cancellable balance the merchant knows; the refund may not exceed it.
    let checksum = issues.integer_in(map.get("checksum"), "checksum", false, 0, MAX_SAFE);
    // A refund has no minimum; 0 (or none) refunds the whole remaining balance.
    let amount_max = checksum.unwrap_or(MAX_SAFE);
    let amount = issues.integer_in(map.get("amount"), "amount", false, 0, amount_max);
    // The tax-free and VAT parts of a partial refund are at most the refund.
    check::parts_of_amount(map, "", amount.filter(|a| *a > 0), &mut issues);
    issues.string(map.get("reason"), "reason", true);
    let extra = check::requester_extra(map, &mut issues);
    let mut replaced = vec![extra];
    for (key, id) in [("imp_uid", imp_uid), ("merchant_uid", merchant_uid)] {
        if id == Ok(None) {
            replaced.push((key, None)); // blank: not written
        }
    }
    check::finish(issues, || check::write(catalog::CANCEL, map, replaced))
}

/// `imp_uid` or `merchant_uid`, each optional on its own: `Ok(None)` when absent or blank,
/// `Err(())` when reported (`INVALID_TYPE`, `TOO_LONG`).
fn payment_id<'v>(
    value: &'v Value,
    path: &str,
    max_chars: Option<usize>,
    issues: &mut Issues,
) -> Result<Option<&'v str>, ()> {
    match value {
        Value::Undefined | Value::Null => Ok(None),
        Value::String(s) if text::is_blank(s) => Ok(None),
        Value::String(s) => match max_chars {
            Some(max) if s.chars().count() > max => {
                issues.error(ErrorCode::TooLong, path, Detail::MaxChars(max));
                Err(())
            }
            _ => Ok(Some(s)),
        },
        _ => {
            issues.error(ErrorCode::InvalidType, path, Detail::Expected("string"));
            Err(())
        }
    }
}

/// Which payment a [`CancelPayment`] refunds.
#[derive(Clone, Debug, PartialEq, Eq)]
enum PaymentId {
    ImpUid(String),
    MerchantUid(String),
}

/// A full or partial refund (`POST /payments/cancel`), for Rust servers.
///
/// `reason` is required, so it is in the constructor; the requester defaults to
/// [`Requester::Admin`] and is always written.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use naverpay_checkout::{BodyOptions, CancelPayment, Requester};
///
/// let body = CancelPayment::by_imp_uid("imp_123412341234", "Reason for cancellation")
///     .amount(3000)
///     .requester(Requester::Customer)
///     .build(&BodyOptions::at(0.0))?;
/// assert_eq!(
///     body.form,
///     "imp_uid=imp_123412341234&amount=3000&reason=Reason+for+cancellation&extra[requester]=customer"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a request does nothing until it is built"]
pub struct CancelPayment {
    id: PaymentId,
    reason: String,
    amount: Option<u64>,
    requester: Requester,
}

impl CancelPayment {
    /// Refunds the payment PortOne knows as `imp_uid`, for `reason` (the actual reason: Naver Pay
    /// shows it).
    pub fn by_imp_uid(imp_uid: impl Into<String>, reason: impl Into<String>) -> Self {
        CancelPayment::new(PaymentId::ImpUid(imp_uid.into()), reason.into())
    }

    /// Refunds the payment of the merchant's order `merchant_uid`, for `reason`.
    pub fn by_merchant_uid(merchant_uid: impl Into<String>, reason: impl Into<String>) -> Self {
        CancelPayment::new(PaymentId::MerchantUid(merchant_uid.into()), reason.into())
    }

    fn new(id: PaymentId, reason: String) -> Self {
        CancelPayment { id, reason, amount: None, requester: Requester::Admin }
    }

    /// Refunds only `amount` won (a partial refund); without it, or with 0, the whole remaining amount.
    pub fn amount(mut self, amount: u64) -> Self {
        self.amount = Some(amount);
        self
    }

    /// Who asks for the cancellation (default [`Requester::Admin`]).
    pub fn requester(mut self, requester: Requester) -> Self {
        self.requester = requester;
        self
    }

    /// The input [`build_cancel_payment_body`] receives for this refund.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        match &self.id {
            PaymentId::ImpUid(id) => map.insert("imp_uid", id.as_str()),
            PaymentId::MerchantUid(id) => map.insert("merchant_uid", id.as_str()),
        }
        if let Some(amount) = self.amount {
            map.insert("amount", amount);
        }
        map.insert("reason", self.reason.as_str());
        map.insert("extra", Map::from_iter([("requester", self.requester.as_str())]));
        Value::Object(map)
    }

    /// Checks the refund and builds its body, exactly as [`build_cancel_payment_body`] does.
    pub fn build(&self, options: &BodyOptions) -> Result<Body, super::BodyError> {
        build_cancel_payment_body(&self.to_value(), options)
    }
}
