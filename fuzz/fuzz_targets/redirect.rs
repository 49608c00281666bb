//! The redirect parser on raw bytes: whatever reaches `m_redirect_url`, it returns a result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use naverpay_checkout::{parse_redirect_result, PayMode};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let result = parse_redirect_result(&text);
    assert_eq!(result.mode, PayMode::Redirect);
    // Every decoded key is in raw, and the named fields come from raw.
    assert_eq!(result.error_msg.as_deref(), result.raw.get("error_msg").as_str());
    assert_eq!(result.imp_uid.as_deref(), result.raw.get("imp_uid").as_str());
    if let Ok(text) = std::str::from_utf8(data) {
        // As a query with `?`, and inside a whole URL, the same pairs come out.
        let as_query = parse_redirect_result(&format!("?{}", text.split('#').next().unwrap_or("")));
        let as_url = parse_redirect_result(&format!("https://shop.example/done?{text}"));
        assert_eq!(as_query.raw, as_url.raw);
    }
});
