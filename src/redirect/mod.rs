//! The payment result: parsed from the query `m_redirect_url` receives, or derived from the popup
//! callback's response. `error_msg` is kept exactly as the PG sent it.

use crate::device::PayMode;
use crate::value::Map;

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
    pub fn from_response(raw: Map, mode: PayMode) -> Self {
        let _ = (raw, mode);
        todo!("redirect")
    }
}

/// Parses a whole URL or a query (with or without `?`) that IMP sent to `m_redirect_url`.
pub fn parse_redirect_result(url_or_query: &str) -> PaymentResult {
    let _ = url_or_query;
    todo!("redirect")
}
