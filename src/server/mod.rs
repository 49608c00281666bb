//! The decisions a merchant's server takes with PortOne V1's REST API, as pure functions: which
//! verdict a payment lookup earns ([`decide`]), what an answer's `{ code, message, response }`
//! envelope says ([`read_envelope`]), until when a token is used ([`token_refresh_at`]), which
//! failure may be tried again ([`may_retry`]), and whether a webhook's body is one ([`read_webhook`]).
//!
//! No HTTP here: `naverpay-checkout/server` (JavaScript) sends the requests and follows these rules
//! (checked against this module's table, `tests/fixtures/server-decisions.json`); a Rust server
//! calls them around its own HTTP client.
//!
//! Facts from PortOne's V1 schema (`src/schema/v1.openapi.yml` of portone-io/developers.portone.io
//! at af926bd2): `PaymentAnnotation.status` is one of `ready`, `paid`, `cancelled`, `failed`;
//! `AuthAnnotation` has `access_token`, `now` and `expired_at` (UNIX seconds), a token lives 30
//! minutes; every answer is `ResponseAnnotation` `{ code, message, response }` with `code` 0 on
//! success.

mod webhook;

pub use webhook::{read_webhook, WebhookNotice};

use crate::value::Value;

/// What a payment lookup proves about an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// PortOne says `paid`, for exactly the order's amount and `merchant_uid`.
    Paid,
    /// The payment is the order's, but its amount is not the order's (a tampered page).
    AmountMismatch,
    /// The payment belongs to another `merchant_uid`.
    MerchantUidMismatch,
    /// The payment is the order's, for its amount, but not paid: `ready`, `failed` or `cancelled`.
    NotPaid,
    /// PortOne has no payment with that `imp_uid`.
    NotFound,
    /// PortOne could not be reached, or answered something that is not a payment.
    Unknown,
}

impl Verdict {
    /// Every verdict, in the order of the `verdict` table of docs/npm-readme.md ("Server side").
    pub const ALL: &'static [Verdict] = &[
        Verdict::Paid,
        Verdict::AmountMismatch,
        Verdict::MerchantUidMismatch,
        Verdict::NotPaid,
        Verdict::NotFound,
        Verdict::Unknown,
    ];

    /// The verdict as JavaScript sees it, e.g. `"amount_mismatch"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Paid => "paid",
            Verdict::AmountMismatch => "amount_mismatch",
            Verdict::MerchantUidMismatch => "merchant_uid_mismatch",
            Verdict::NotPaid => "not_paid",
            Verdict::NotFound => "not_found",
            Verdict::Unknown => "unknown",
        }
    }
}

/// A verdict and whether the payment should be cancelled for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The verdict.
    pub verdict: Verdict,
    /// `true` only for an amount mismatch on a payment PortOne still calls `paid`: the money was
    /// taken for a tampered order. A payment of another order is never cancelled for this one (it
    /// may be that order's honest payment), and a cancelled one is not cancelled again.
    pub cancel: bool,
}

/// The statuses PortOne V1 documents for a payment.
pub const STATUSES: &[&str] = &["ready", "paid", "cancelled", "failed"];

/// The verdict for `payment` (the `response` of `GET /payments/{imp_uid}`) against the order the
/// server recorded: `merchant_uid` and `amount`. Anything but an object with a string
/// `merchant_uid`, a documented string `status` and a finite number `amount` is `Unknown`.
pub fn decide(payment: &Value, merchant_uid: &str, amount: f64) -> Decision {
    let unknown = Decision { verdict: Verdict::Unknown, cancel: false };
    let Some(payment) = payment.as_object() else { return unknown };
    let (Some(paid_uid), Some(status), Some(paid)) =
        (payment.get("merchant_uid").as_str(), payment.get("status").as_str(), payment.get("amount").as_f64())
    else {
        return unknown;
    };
    if !paid.is_finite() || !STATUSES.contains(&status) {
        return unknown;
    }
    let verdict = if paid_uid != merchant_uid {
        Verdict::MerchantUidMismatch
    } else if paid != amount {
        Verdict::AmountMismatch
    } else if status == "paid" {
        Verdict::Paid
    } else {
        Verdict::NotPaid
    };
    Decision { verdict, cancel: verdict == Verdict::AmountMismatch && status == "paid" }
}

/// What an HTTP answer from PortOne V1 says.
#[derive(Clone, Debug, PartialEq)]
pub enum Envelope<'a> {
    /// `code` 0 with a 2xx status: the `response` (which may be `null`).
    Ok(&'a Value),
    /// HTTP 401: the token is missing, expired or revoked (the body is not read).
    Unauthorized,
    /// `code` ≠ 0: PortOne refused, with its `message` as it sent it (`None` when not a string).
    Refused {
        /// PortOne's `code`.
        code: f64,
        /// PortOne's `message`, verbatim.
        message: Option<&'a str>,
    },
    /// Not an envelope: an HTML page, truncated or garbage JSON (`body` is `None`), a `code` that
    /// is not a number, `code` 0 with an error status, or `code` 0 without `response`.
    Nonsense,
}

/// Reads an answer: its HTTP `status` and its body parsed as JSON (`None` when it did not parse).
pub fn read_envelope(status: u16, body: Option<&Value>) -> Envelope<'_> {
    if status == 401 {
        return Envelope::Unauthorized;
    }
    let Some(envelope) = body.and_then(Value::as_object) else { return Envelope::Nonsense };
    let code = match envelope.get("code") {
        Value::Number(code) if code.is_finite() && code.fract() == 0.0 => *code,
        _ => return Envelope::Nonsense,
    };
    if code != 0.0 {
        return Envelope::Refused { code, message: envelope.get("message").as_str() };
    }
    let response = envelope.get("response");
    if (200..300).contains(&status) && !matches!(response, Value::Undefined) {
        Envelope::Ok(response)
    } else {
        Envelope::Nonsense
    }
}

/// How long before PortOne's `expired_at` a cached token stops being used, in milliseconds. A
/// request may take the client's whole timeout; PortOne extends a token asked for again within its
/// last minute (the `getToken` description), so asking a minute early costs nothing.
pub const TOKEN_MARGIN_MS: f64 = 60_000.0;

/// The local time (ms) until which a token is used: `received_ms` is when it arrived (local clock),
/// `now` and `expired_at` PortOne's seconds from `AuthAnnotation`. The lifetime is measured on
/// PortOne's clock, so a skewed local clock does not matter. A token with less than the margin
/// left is used for the request that asked for it only (`received_ms`); `None` when the numbers
/// are not a lifetime (not finite, or `expired_at` ≤ `now`).
pub fn token_refresh_at(received_ms: f64, now: &Value, expired_at: &Value) -> Option<f64> {
    let (Some(now), Some(expired_at)) = (now.as_f64(), expired_at.as_f64()) else { return None };
    if !(received_ms.is_finite() && now.is_finite() && expired_at.is_finite()) || expired_at <= now {
        return None;
    }
    let lifetime_ms = (expired_at - now) * 1000.0;
    Some(received_ms + (lifetime_ms - TOKEN_MARGIN_MS).max(0.0))
}

/// What went wrong with one attempt of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer: the connection failed or the timeout passed.
    NoAnswer,
    /// An answer with this HTTP status that was not a success.
    Status(u16),
}

/// Whether a failed attempt may be sent again. A request that cannot charge or cancel twice
/// (`idempotent`: the token, the lookups) is tried again after no answer, a 429 or a 5xx; any other
/// (a payment, a cancel, a schedule) only after 429 or 503, which PortOne answers before doing
/// anything. A refusal (`code` ≠ 0 with a 2xx or 4xx) is an answer, never retried.
pub fn may_retry(idempotent: bool, failure: Failure) -> bool {
    match failure {
        Failure::NoAnswer => idempotent,
        Failure::Status(429 | 503) => true,
        Failure::Status(status) => idempotent && (500..600).contains(&status),
    }
}

/// The statuses PortOne V2 documents for a payment (`PaymentStatus` in `src/schema/v2.openapi.yml`).
pub const V2_STATUSES: &[&str] =
    &["READY", "PENDING", "VIRTUAL_ACCOUNT_ISSUED", "PAID", "FAILED", "PARTIAL_CANCELLED", "CANCELLED"];

/// V2's verdict for `payment` (the answer of `GET /payments/{paymentId}`) against the order's `payment_id` and
/// `amount`: `Paid` only for `PAID` with `amount.total` exactly the order's; an amount mismatch is cancelled only
/// while `PAID`. A payment whose `id` is not the one asked for, an undocumented status or a total that is not a
/// finite number is `Unknown`. (V2 looks payments up by the merchant's own id: there is no merchant_uid mismatch.)
pub fn decide_v2(payment: &Value, payment_id: &str, amount: f64) -> Decision {
    let unknown = Decision { verdict: Verdict::Unknown, cancel: false };
    let Some(payment) = payment.as_object() else { return unknown };
    let total = payment.get("amount").as_object().and_then(|a| a.get("total").as_f64());
    let (Some(id), Some(status), Some(total)) = (payment.get("id").as_str(), payment.get("status").as_str(), total)
    else {
        return unknown;
    };
    if id != payment_id || !V2_STATUSES.contains(&status) || !total.is_finite() {
        return unknown;
    }
    if total != amount {
        return Decision { verdict: Verdict::AmountMismatch, cancel: status == "PAID" };
    }
    let verdict = if status == "PAID" { Verdict::Paid } else { Verdict::NotPaid };
    Decision { verdict, cancel: false }
}

/// What an HTTP answer from PortOne V2 says.
#[derive(Clone, Debug, PartialEq)]
pub enum EnvelopeV2<'a> {
    /// A 2xx with a JSON object: the answer itself.
    Ok(&'a Value),
    /// An error status with PortOne's `{ type, message }`: the `type` (e.g. `PAYMENT_NOT_FOUND`) and the message
    /// verbatim (`None` when not a string).
    Refused {
        /// PortOne's error `type`.
        kind: &'a str,
        /// PortOne's `message`, verbatim.
        message: Option<&'a str>,
    },
    /// Anything else: HTML, truncated or garbage JSON (`body` is `None`), a 2xx that is not an object, an error
    /// without a string `type`.
    Nonsense,
}

/// Reads a V2 answer: its HTTP `status` and its body parsed as JSON (`None` when it did not parse).
pub fn read_envelope_v2(status: u16, body: Option<&Value>) -> EnvelopeV2<'_> {
    let Some(object) = body.filter(|b| b.as_object().is_some()) else { return EnvelopeV2::Nonsense };
    if (200..300).contains(&status) {
        return EnvelopeV2::Ok(object);
    }
    match object.as_object().map(|o| (o.get("type").as_str(), o.get("message").as_str())) {
        Some((Some(kind), message)) => EnvelopeV2::Refused { kind, message },
        _ => EnvelopeV2::Nonsense,
    }
}
