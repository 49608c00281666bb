//! `POST /payments/cancel`: a full or partial refund.

use super::check::{self, Issues, MAX_SAFE_INTEGER, MERCHANT_UID_MAX_CHARS};
use super::{build_cancel_payment_body, Body, BodyOptions};
use crate::error::{Detail, ErrorCode, FieldIssue};
use crate::value::{Map, Value};

const FIELDS: &[&str] = &["imp_uid", "merchant_uid", "amount", "reason", "extra"];
const EXTRA_FIELDS: &[&str] = &["requester"];

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
    let (map, mut issues) = check::top_level(input, FIELDS, options)?;

    let imp_uid = payment_id(map.get("imp_uid"), "imp_uid", None, &mut issues);
    let merchant_uid = payment_id(map.get("merchant_uid"), "merchant_uid", Some(MERCHANT_UID_MAX_CHARS), &mut issues);
    if let (Ok(None), Ok(None)) = (imp_uid, merchant_uid) {
        let which = if issues.ko() { "imp_uid 또는 merchant_uid" } else { "imp_uid or merchant_uid" };
        issues.push(ErrorCode::Required, "imp_uid", Detail::Text(which));
    }
    // A refund has no minimum: any whole won above zero.
    let amount = check::optional_integer(map.get("amount"), "amount", 1, MAX_SAFE_INTEGER, &mut issues);
    let reason = check::required_string(map.get("reason"), "reason", None, &mut issues);
    let mut requester = Some(Requester::Admin);
    if let Some(extra) = check::optional_object(map.get("extra"), "extra", &mut issues) {
        check::unknown_fields(extra, EXTRA_FIELDS, "extra", &mut issues);
        requester = match extra.get("requester") {
            Value::Undefined | Value::Null => Some(Requester::Admin),
            Value::String(s) => {
                let parsed = Requester::parse(s);
                if parsed.is_none() {
                    issues.push(ErrorCode::InvalidValue, "extra.requester", Detail::Text("customer, admin"));
                }
                parsed
            }
            _ => {
                issues.push(ErrorCode::InvalidType, "extra.requester", Detail::Expected("string"));
                None
            }
        };
    }

    match (imp_uid, merchant_uid, reason, requester) {
        (Ok(imp_uid), Ok(merchant_uid), Some(reason), Some(requester)) if issues.is_empty() => {
            let mut json = Map::new();
            if let Some(imp_uid) = imp_uid {
                json.insert("imp_uid", imp_uid);
            }
            if let Some(merchant_uid) = merchant_uid {
                json.insert("merchant_uid", merchant_uid);
            }
            if let Some(amount) = amount {
                json.insert("amount", amount);
            }
            json.insert("reason", reason);
            json.insert("extra", Map::from_iter([("requester", requester.as_str())]));
            Ok(Body::from_json(json))
        }
        _ => Err(issues.into_vec()),
    }
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
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => match max_chars {
            Some(max) if s.chars().count() > max => {
                issues.push(ErrorCode::TooLong, path, Detail::MaxChars(max));
                Err(())
            }
            _ => Ok(Some(s)),
        },
        _ => {
            issues.push(ErrorCode::InvalidType, path, Detail::Expected("string"));
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
/// # fn main() -> Result<(), Vec<naverpay_checkout::FieldIssue>> {
/// use naverpay_checkout::body::{BodyOptions, CancelPayment, Requester};
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

    /// Refunds only `amount` won (a partial refund); without it, the whole remaining amount.
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
    pub fn build(&self, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
        build_cancel_payment_body(&self.to_value(), options)
    }
}
