//! The EUC-KR fallback for query bytes that are not UTF-8 (older Korean PGs send their messages
//! that way). Strict: bytes that are not EUC-KR either give `None`, never replacement characters.
//!
//! Natively it is `encoding_rs`; in the browser the platform's `TextDecoder` already knows the
//! encoding, so the wasm build carries no decoding tables.

/// The text `bytes` spell in EUC-KR (as the Encoding Standard defines it), or `None` when they are
/// not valid EUC-KR.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn decode(bytes: &[u8]) -> Option<String> {
    encoding_rs::EUC_KR.decode_without_bom_handling_and_without_replacement(bytes).map(std::borrow::Cow::into_owned)
}

/// The text `bytes` spell in EUC-KR (as the Encoding Standard defines it), or `None` when they are
/// not valid EUC-KR or the platform cannot decode it (a runtime without the label throws).
#[cfg(target_arch = "wasm32")]
pub(crate) fn decode(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("euc-kr", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
