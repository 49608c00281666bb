//! Both validators on any JSON-like value with any options: a report, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use naverpay_checkout::{validate_billing_key, validate_naver_pay, Value};
use naverpay_checkout_fuzz::{ArbValidateOptions, Input};

fuzz_target!(|input: (Input, ArbValidateOptions, bool)| {
    let (Input(params), ArbValidateOptions(options), billing) = input;
    let report = if billing { validate_billing_key(&params, &options) } else { validate_naver_pay(&params, &options) };
    assert_eq!(report.ok(), report.request.is_some());
    let is_object = matches!(params, Value::Object(_));
    for issue in &report.errors {
        // '' only for the whole input, which is only wrong when it is not an object.
        assert_eq!(issue.field.is_empty(), !is_object, "{:?} {:?}", issue.code, issue.field);
        assert!(!issue.message.is_empty());
    }
    // A warning names the key it is about (an empty key is written [""]).
    assert!(report.warnings.iter().all(|w| !w.message.is_empty()));
    if let Some(request) = &report.request {
        assert!(request.as_map().contains("naverPopupMode"));
        assert!(request.as_map().contains("name"));
    }
});
