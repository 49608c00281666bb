//! The payment result: parsed from the query `m_redirect_url` receives, or derived from the popup
//! callback's response. `error_msg` is kept exactly as the PG sent it.

mod euckr;
mod query;

use crate::device::PayMode;
use crate::value::{Map, Value};

/// A payment's outcome as the page sees it. Not proof of payment: the merchant's server must look
/// the payment up by `imp_uid` and compare the amount.
#[derive(Clone, Debug, PartialEq)]
pub struct PaymentResult {
    /// Whether IMP reported success.
    pub success: bool,
    /// PortOne's payment id.
    pub imp_uid: Option<String>,
    /// The merchant's order id.
    pub merchant_uid: Option<String>,
    /// The PG's error code.
    pub error_code: Option<String>,
    /// The PG's message, verbatim.
    pub error_msg: Option<String>,
    /// How the result arrived.
    pub mode: PayMode,
    /// Every field IMP sent, untouched.
    pub raw: Map,
}

impl PaymentResult {
    /// The result for a response (callback object or decoded query).
    ///
    /// `imp_uid`, `merchant_uid`, `error_code` and `error_msg` are taken only when they are
    /// strings (verbatim, even when empty); `success` is [`derive_success`].
    pub fn from_response(raw: Map, mode: PayMode) -> Self {
        PaymentResult {
            success: derive_success(&raw),
            imp_uid: string_field(&raw, "imp_uid"),
            merchant_uid: string_field(&raw, "merchant_uid"),
            error_code: string_field(&raw, "error_code"),
            error_msg: string_field(&raw, "error_msg"),
            mode,
            raw,
        }
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
impl PaymentResult {
    /// The result for a PortOne V2 response (`requestPayment`'s or `requestIssueBillingKey`'s
    /// object, or the query `redirectUrl` receives), in V1's shape: `merchant_uid` is `paymentId`,
    /// `imp_uid` is `txId`, `error_code` is PortOne's `code`, and `error_msg` is `pgMessage` when
    /// the PG sent one (Naver Pay requires the buyer to see it), else `message`, verbatim.
    ///
    /// Success is the absence of `code` (absent, `null` or `""`) in a response that names a
    /// payment (`paymentId`) or a billing key (`billingKey`); anything else is a failure.
    pub fn from_v2_response(raw: Map, mode: PayMode) -> Self {
        let names = |key| raw.get(key).as_str().is_some_and(|s| !s.is_empty());
        let success = !reports_error(&raw, "code") && (names("paymentId") || names("billingKey"));
        let pg_message = raw.get("pgMessage").as_str().filter(|m| !m.is_empty());
        let error_msg = pg_message.or_else(|| raw.get("message").as_str()).map(str::to_owned);
        PaymentResult {
            success,
            imp_uid: string_field(&raw, "txId"),
            merchant_uid: string_field(&raw, "paymentId"),
            error_code: string_field(&raw, "code"),
            error_msg,
            mode,
            raw,
        }
    }
}

/// Whether a response reports success: its `imp_success` flag when it has one, else its legacy
/// `success` flag, else whether it names a payment (`imp_uid` non-empty) and no error
/// (`error_code` and `error_msg` absent, `null` or empty).
///
/// A flag is `true` only as the boolean `true` or the string `"true"`; `null` counts as no flag.
/// An empty or foreign response is never a success.
pub fn derive_success(raw: &Map) -> bool {
    if let Some(flag) = flag(raw, "imp_success").or_else(|| flag(raw, "success")) {
        return flag;
    }
    let names_payment = raw.get("imp_uid").as_str().is_some_and(|imp_uid| !imp_uid.is_empty());
    names_payment && !reports_error(raw, "error_code") && !reports_error(raw, "error_msg")
}

fn flag(raw: &Map, key: &str) -> Option<bool> {
    match raw.get(key) {
        Value::Undefined | Value::Null => None,
        Value::Bool(flag) => Some(*flag),
        Value::String(flag) => Some(flag == "true"),
        _ => Some(false),
    }
}

/// Any value other than `undefined`, `null` or `""` counts as an error report, whatever its type:
/// when in doubt, a payment is not a success.
fn reports_error(raw: &Map, key: &str) -> bool {
    match raw.get(key) {
        Value::Undefined | Value::Null => false,
        Value::String(text) => !text.is_empty(),
        _ => true,
    }
}

fn string_field(raw: &Map, key: &str) -> Option<String> {
    raw.get(key).as_str().map(str::to_owned)
}

/// The longest URL or query parsed, in UTF-16 code units (a JavaScript string's `length`, which
/// the browser edge measures before copying): browsers cap URLs near 2 MB; anything longer did not
/// come from IMP and parses as an empty query.
pub const MAX_URL_LEN: usize = 2 * 1024 * 1024;

pub use query::MAX_PAIRS;

/// Parses a whole URL or a query (with or without `?`) that IMP sent to `m_redirect_url`.
///
/// Never fails: the fragment is ignored, a malformed `%` stays as written, bytes that are not
/// UTF-8 are read as EUC-KR, and a value that is neither stays exactly as written. `raw` holds
/// every key's first occurrence, in order, as a string. Work is bounded: an input longer than
/// [`MAX_URL_LEN`] is an empty query, and only the first [`MAX_PAIRS`] `&`-separated pairs are read.
pub fn parse_redirect_result(url_or_query: &str) -> PaymentResult {
    // Counted as JavaScript counts it: 800,000 Hangul are 800,000 units but 2.4 MB of UTF-8.
    // A UTF-16 unit for each byte that starts a character, two for the 4-byte ones.
    let units = || url_or_query.bytes().map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)).sum::<usize>();
    let too_long = url_or_query.len() > MAX_URL_LEN && units() > MAX_URL_LEN;
    let url_or_query = if too_long { "" } else { url_or_query };
    let raw = query::parse_query(query::query_of(url_or_query));
    PaymentResult::from_response(raw, PayMode::Redirect)
}

#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
/// As [`parse_redirect_result`], for the query PortOne V2 sends to `redirectUrl` (`paymentId`,
/// `code`, `message`, `pgCode`, `pgMessage`; checkout.mdx): see [`PaymentResult::from_v2_response`].
pub fn parse_redirect_result_v2(url_or_query: &str) -> PaymentResult {
    let url_or_query = if url_or_query.len() > MAX_URL_LEN { "" } else { url_or_query };
    let raw = query::parse_query(query::query_of(url_or_query));
    PaymentResult::from_v2_response(raw, PayMode::Redirect)
}

#[cfg(test)]
mod tests {
    use super::{parse_redirect_result, MAX_URL_LEN};

    #[test]
    fn an_input_longer_than_any_url_parses_as_an_empty_query() {
        let long = format!("imp_uid=imp_1&imp_success=true&pad={}", "x".repeat(MAX_URL_LEN));
        let result = parse_redirect_result(&long);
        assert!(!result.success);
        assert!(result.raw.is_empty());
        assert_eq!(parse_redirect_result("imp_uid=imp_1&imp_success=true").imp_uid.as_deref(), Some("imp_1"));
    }

    #[test]
    fn the_limit_counts_utf16_units_as_javascript_does() {
        let query = |pad: &str| format!("imp_uid=imp_1&imp_success=true&pad={pad}");
        // 800,000 units, 2.4 MB of UTF-8.
        let hangul = query(&"가".repeat(800_000));
        assert!(hangul.len() > MAX_URL_LEN);
        assert!(parse_redirect_result(&hangul).success);
        let fits = query(&"가".repeat(MAX_URL_LEN - query("").len()));
        assert!(parse_redirect_result(&fits).success, "exactly the limit");
        let over = query(&"가".repeat(MAX_URL_LEN - query("").len() + 1));
        assert!(!parse_redirect_result(&over).success, "one unit over");
    }
}
