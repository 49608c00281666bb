//! The server body builders on any JSON-like value with any options: a body or a list of issues,
//! never a panic; a body's form encoding and path are plain ASCII.
#![no_main]

use libfuzzer_sys::fuzz_target;
use naverpay_checkout::{
    build_again_payment_body, build_cancel_payment_body, build_delete_billing_key_body, build_schedule_payment_body,
    build_unschedule_payment_body,
};
use naverpay_checkout_fuzz::{ArbBodyOptions, Input};

fuzz_target!(|input: (Input, ArbBodyOptions)| {
    let (Input(value), ArbBodyOptions(options)) = input;
    for build in [
        build_again_payment_body,
        build_schedule_payment_body,
        build_cancel_payment_body,
        build_unschedule_payment_body,
        build_delete_billing_key_body,
    ] {
        match build(&value, &options) {
            Ok(body) => {
                assert!(body.form.is_ascii(), "{}", body.form);
                assert!(body.path.as_deref().map_or(true, |p| p.is_ascii()));
                assert!(!body.json.is_empty());
                assert!(body.warnings.iter().all(|w| !w.message.is_empty()));
            }
            Err(issues) => {
                assert!(!issues.is_empty());
                assert!(issues.iter().all(|i| !i.message.is_empty()));
            }
        }
    }
});
