//! Request bodies for PortOne's REST API on the merchant's server: recurring payment (`again`),
//! schedule, unschedule, billing-key deletion and cancel, as JSON and as
//! `application/x-www-form-urlencoded`.
//!
//! Two doors, one check. The value API ([`build_again_payment_body`] and its siblings) takes the
//! plain data JavaScript hands over; the typed API ([`AgainPayment`], [`SchedulePayment`],
//! [`CancelPayment`]) puts required fields in the constructor and optional ones in setters, turns
//! itself into that same value and goes through the same validator. Either way every problem is
//! reported at once, each with its field path (`schedules[1].merchant_uid`, `extra.naverUseCfm`),
//! and a [`Body`] is only returned for input that passed.
//!
//! Every field PortOne's V1 API documents for the call is accepted ([`crate::catalog`] holds one
//! table per call, each row with its type, length, flags and source), checked by its type and
//! length, and written as given; one documented for other PGs only is written too, with an
//! `IGNORED_FIELD` warning in [`Body::warnings`]. Servers are strict about the rest: a field the
//! endpoint does not take is an `UNKNOWN_FIELD` error, at any depth (`extra.naverUseCFM` included,
//! with the suggestion), since a typo would otherwise be dropped silently. `undefined` and `null` count as absent: missing for a required field
//! (`REQUIRED`), not written for an optional one. A required string that is empty or only
//! whitespace is `REQUIRED` too. Lengths count Unicode characters.
//!
//! The output is rebuilt from the checked values in the order of the call's table (the order of
//! PortOne's samples), whatever the input's order, so the JSON and the form body come out the same
//! for equal input.

mod again;
mod billing_key;
mod cancel;
mod check;
mod form;
mod schedule;
mod unschedule;

pub use again::AgainPayment;
pub use billing_key::DeleteBillingKey;
pub use cancel::{CancelPayment, Requester};
pub use schedule::{Schedule, SchedulePayment};
pub use unschedule::UnschedulePayment;

use crate::error::{FieldIssue, Locale};
use crate::value::{Map, Value};

/// How to build a body.
#[derive(Clone, Debug, PartialEq)]
pub struct BodyOptions {
    /// The smallest `amount` accepted for `again` and `schedule`, in won (default 100, the seed's
    /// rule). Refunds (`cancel`) have no minimum.
    pub min_amount: u64,
    /// "Now" in milliseconds since the UNIX epoch: `naverUseCfm` is compared with today in
    /// Asia/Seoul and `schedule_at` must lie after it. It should be finite; when it is not,
    /// the checks that need "now" are skipped.
    pub now_ms: f64,
    /// The language of messages.
    pub locale: Locale,
}

impl BodyOptions {
    /// The defaults (minimum 100 won, Korean messages), with "now" given.
    pub fn at(now_ms: f64) -> Self {
        BodyOptions { min_amount: 100, now_ms, locale: Locale::Ko }
    }
}

/// A checked request body, in both encodings PortOne accepts.
///
/// # Form encoding
///
/// Values are percent-encoded as WHATWG `application/x-www-form-urlencoded` (what
/// `URLSearchParams` writes): bytes `A-Z a-z 0-9 * - . _` stay, a space becomes `+`, every other
/// UTF-8 byte becomes `%XX` with upper-case hex. Keys are encoded the same way except for the
/// structural brackets, which are written literally (`extra[requester]`, not
/// `extra%5Brequester%5D`): that is how the integration guide's samples, PHP and Rails write them,
/// PortOne accepts both, and any form decoder gives back the same key. Numbers are written as
/// integers (`10000`, never `10000.0`).
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    /// The body as a JSON object: numbers are integers, `extra` a nested object, `schedules` an
    /// array; keys in the order of the integration guide's samples.
    pub json: Map,
    /// The same body as `application/x-www-form-urlencoded` UTF-8, pairs in the JSON's key order,
    /// nested keys in bracket notation (`extra[naverUseCfm]`, `schedules[0][amount]`).
    /// See [`Body`] for the exact encoding.
    /// For billing-key deletion, whose fields PortOne takes in the query, this is the query string.
    pub form: String,
    /// The request's path when it depends on the input: billing-key deletion's
    /// `/subscribe/customers/{customer_uid}`, the key percent-encoded. `None` for the others.
    pub path: Option<String>,
    /// Fields PortOne documents for other PGs only (`IGNORED_FIELD`): written as given, but
    /// Naver Pay ignores them.
    pub warnings: Vec<FieldIssue>,
}

impl Body {
    fn new(json: Map, path: Option<String>, warnings: Vec<FieldIssue>) -> Body {
        let form = form::encode(&json);
        Body { json, form, path, warnings }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Body", 3)?;
        st.serialize_field("json", &self.json)?;
        st.serialize_field("form", &self.form)?;
        st.serialize_field("path", &self.path)?;
        st.end()
    }
}

/// The builders as the JavaScript exports call them (src/js/bodies.rs): the issues as the list a
/// thrown `INVALID_PARAMS` carries. Not through [`BodyError`]: moving each `Result` into the other
/// type costs the wasm about 480 bytes for the five.
#[cfg(all(target_arch = "wasm32", feature = "js-bodies"))]
pub(crate) mod issues {
    use super::{again, billing_key, cancel, schedule, unschedule, Body, BodyOptions};
    use crate::error::FieldIssue;
    use crate::value::Value;

    pub(crate) fn build_again_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
        again::build(input, options)
    }

    pub(crate) fn build_schedule_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
        schedule::build(input, options)
    }

    pub(crate) fn build_cancel_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
        cancel::build(input, options)
    }

    pub(crate) fn build_unschedule_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
        unschedule::build(input, options)
    }

    pub(crate) fn build_delete_billing_key_body(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
        billing_key::build(input, options)
    }
}

/// Why a body was not built: every problem with the input at once, each with its field path
/// (`INVALID_PARAMS` in JavaScript). It is a [`std::error::Error`], so `?` takes it into
/// `Box<dyn Error>`, and it reads as the slice of its issues (`errors.iter()`, `errors.len()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyError(Vec<FieldIssue>);

impl BodyError {
    /// The issues, in the order they were found.
    pub fn issues(&self) -> &[FieldIssue] {
        &self.0
    }

    /// The issues, owned.
    pub fn into_issues(self) -> Vec<FieldIssue> {
        self.0
    }
}

impl std::ops::Deref for BodyError {
    type Target = [FieldIssue];

    fn deref(&self) -> &[FieldIssue] {
        &self.0
    }
}

impl IntoIterator for BodyError {
    type Item = FieldIssue;
    type IntoIter = std::vec::IntoIter<FieldIssue>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The messages, one after the other: `invalid params: merchant_uid: is required; amount: …`.
impl std::fmt::Display for BodyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid params")?;
        for (i, issue) in self.0.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            f.write_str(&issue.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for BodyError {}

/// Builds the body of `POST /subscribe/payments/again` (a payment with a billing key):
/// `customer_uid` (at most 80 characters), `merchant_uid` (at most 40), `amount` (an integer ≥
/// `options.min_amount`), optional `tax_free` and `vat_amount` (each ≤ `amount`), `name` (at most
/// 40), optional `extra.naverUseCfm` (`yyyyMMdd`, today in Asia/Seoul or later), and every other
/// field of the `AGAIN` table (docs/rules.md) by its type and length.
pub fn build_again_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, BodyError> {
    again::build(input, options).map_err(BodyError)
}

/// Builds the body of `POST /subscribe/payments/schedule`: `customer_uid` and a non-empty
/// `schedules` array, each with `merchant_uid` (unique within the call), `schedule_at` (integer
/// UNIX seconds after `options.now_ms`), `amount` and optional `extra.naverUseCfm` (on or after
/// the schedule's own date in Asia/Seoul), and every other field of
/// the `SCHEDULE` and `SCHEDULE_ITEM` tables (docs/rules.md) by its type and length. `schedule_at`
/// may be an integer or its digits as a string, and is written as given.
///
/// A `schedule_at` that is not after now is `OUT_OF_RANGE` (its message gives the allowed range),
/// not `DATE_IN_PAST`, which is kept for `yyyyMMdd` dates before a day.
pub fn build_schedule_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, BodyError> {
    schedule::build(input, options).map_err(BodyError)
}

/// Builds the body of `POST /payments/cancel`: `imp_uid` or `merchant_uid` (at least one;
/// `REQUIRED` on `imp_uid` when neither is given), optional `amount` (an integer ≥ 0: a partial
/// refund, 0 or none the whole balance; at most `checksum` when that is given), optional
/// `checksum` (the cancellable balance), optional `tax_free`/`vat_amount` (≤ a partial `amount`),
/// `reason` (required) and `extra.requester` (`customer` or `admin`, default `admin`, always
/// written: Naver Pay's inspection fails without both `reason` and `requester`).
pub fn build_cancel_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, BodyError> {
    cancel::build(input, options).map_err(BodyError)
}

/// Builds the body of `POST /subscribe/payments/unschedule`: `customer_uid` (at most 80
/// characters), `merchant_uid` (a non-empty array of order ids, each at most 40), or both; with
/// `customer_uid` alone every schedule of that key is revoked, with `merchant_uid` alone those orders.
pub fn build_unschedule_payment_body(input: &Value, options: &BodyOptions) -> Result<Body, BodyError> {
    unschedule::build(input, options).map_err(BodyError)
}

/// Builds the request of `DELETE /subscribe/customers/{customer_uid}` (deleting a billing key):
/// `customer_uid` (required, at most 80 characters) goes into [`Body::path`]; `reason` (required)
/// and `extra.requester` (`customer` or `admin`, default `admin`, always written) into the query
/// ([`Body::form`]) and [`Body::json`]. naver.mdx: Naver Pay's inspection fails without both.
pub fn build_delete_billing_key_body(input: &Value, options: &BodyOptions) -> Result<Body, BodyError> {
    billing_key::build(input, options).map_err(BodyError)
}
