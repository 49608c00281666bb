#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

// Every module but `server` (a namespace of the API) is private: the rest of the API is the
// `pub use` list below, one path per item. The tables (`catalog`) and the checkers' internals are
// the crate's own; tests and fuzzers outside it read the tables from tests/generated/tables.rs,
// which src/generate.rs writes from them.
mod body;
mod check;
// Each build reads only some tables (V2's checker, the JavaScript options, the body builders);
// src/generate.rs and the tests read them all.
#[allow(dead_code)]
mod catalog;
mod date;
mod device;
mod error;
#[cfg(test)]
mod generate;
#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
mod migrate;
mod redirect;
// The server decisions: a namespace of the API (`naverpay_checkout::server::…`).
pub mod server;
mod text;
mod validate;
mod value;
#[cfg(any(target_arch = "wasm32", test))]
mod wire;

#[cfg(target_arch = "wasm32")]
mod js;

pub use body::{
    build_again_payment_body, build_cancel_payment_body, build_delete_billing_key_body, build_schedule_payment_body,
    build_unschedule_payment_body, AgainPayment, Body, BodyError, BodyOptions, CancelPayment, DeleteBillingKey,
    Requester, Schedule, SchedulePayment, UnschedulePayment,
};
pub use device::{choose_pay_mode, DeviceInfo, PayMode};
pub use error::{ErrorCode, FieldIssue, Locale};
#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
pub use migrate::{to_v2_payment_request, V2Migration};
pub use redirect::{derive_success, parse_redirect_result, PaymentResult, MAX_PAIRS, MAX_URL_LEN};
pub use validate::{
    validate_billing_key, validate_naver_pay, ModeOption, ValidRequest, ValidateOptions, ValidationReport,
};
pub use value::{Map, Value};
#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
pub use {
    redirect::parse_redirect_result_v2,
    validate::{validate_billing_key_v2, validate_naver_pay_v2},
};
