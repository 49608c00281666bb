#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod body;
pub mod catalog;
pub mod date;
pub mod device;
pub mod error;
#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
pub mod migrate;
pub mod redirect;
pub mod server;
mod text;
pub mod validate;
pub mod value;
#[cfg(any(target_arch = "wasm32", test))]
mod wire;

#[cfg(target_arch = "wasm32")]
mod js;

pub use body::{
    build_again_payment_body, build_cancel_payment_body, build_delete_billing_key_body, build_schedule_payment_body,
    build_unschedule_payment_body, AgainPayment, Body, BodyOptions, CancelPayment, DeleteBillingKey, Requester,
    Schedule, SchedulePayment, UnschedulePayment,
};
pub use device::{choose_pay_mode, DeviceInfo, PayMode};
pub use error::{ErrorCode, FieldIssue, Locale};
#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
pub use migrate::{to_v2_payment_request, V2Migration};
pub use redirect::{parse_redirect_result, PaymentResult};
#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
pub use {redirect::parse_redirect_result_v2, validate::{validate_billing_key_v2, validate_naver_pay_v2}};
pub use validate::{
    validate_billing_key, validate_naver_pay, ModeOption, ValidRequest, ValidateOptions, ValidationReport};
pub use value::{Map, Value};
