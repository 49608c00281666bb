//! The core compiled to wasm32 and run in headless Chromium (wasm-bindgen-test-runner): the same
//! behaviour as natively, including the browser-only EUC-KR path (`TextDecoder`).
#![cfg(target_arch = "wasm32")]

use naverpay_checkout::{parse_redirect_result, validate_naver_pay, ErrorCode, Map, ValidateOptions, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 2024-12-31T15:30:00Z: already 2025-01-01 in Seoul.
const NOW_MS: f64 = 1_735_659_000_000.0;

fn params(amount: f64, naver_use_cfm: &str) -> Value {
    let mut product: Map =
        [("categoryType", "BOOK"), ("categoryId", "GENERAL"), ("uid", "107922211"), ("name", "History")]
            .into_iter()
            .collect();
    product.insert("count", 1.0);
    let mut p: Map =
        [("merchant_uid", "order_0001"), ("name", "History"), ("naverUseCfm", naver_use_cfm)].into_iter().collect();
    p.insert("amount", amount);
    p.insert("naverProducts", Value::Array(vec![Value::Object(product)]));
    Value::Object(p)
}

#[wasm_bindgen_test]
fn euc_kr_bytes_decode_through_text_decoder() {
    let r = parse_redirect_result(
        "?imp_uid=imp_1&imp_success=false&error_msg=%C0%DC%BE%D7%C0%CC%20%BA%CE%C1%B7%C7%D5%B4%CF%B4%D9",
    );
    assert_eq!(r.error_msg.as_deref(), Some("잔액이 부족합니다"));
    assert!(!r.success);
}

#[wasm_bindgen_test]
fn bytes_neither_utf8_nor_euc_kr_stay_as_written() {
    let r = parse_redirect_result("?error_msg=%FF%FF");
    assert_eq!(r.error_msg.as_deref(), Some("%FF%FF"));
}

#[wasm_bindgen_test]
fn seoul_today_decides_naver_use_cfm() {
    let ok = validate_naver_pay(&params(14000.0, "20250101"), &ValidateOptions::at(NOW_MS));
    assert!(ok.ok(), "{:?}", ok.errors);
    let past = validate_naver_pay(&params(14000.0, "20241231"), &ValidateOptions::at(NOW_MS));
    assert_eq!(past.errors.iter().map(|e| e.code).collect::<Vec<_>>(), vec![ErrorCode::DateInPast]);
}

#[wasm_bindgen_test]
fn below_minimum_is_reported_with_the_minimum() {
    let r = validate_naver_pay(&params(99.0, "20250101"), &ValidateOptions::at(NOW_MS));
    assert_eq!(r.errors.first().map(|e| e.message.as_str()), Some("결제 금액이 최소 결제 금액(100원)보다 적습니다."));
}
