//! Parameter validation for `IMP.request_pay`: every problem at once, each with code, field path
//! and message, and the exact request IMP will receive.

use crate::device::{choose_pay_mode, DeviceInfo, PayMode};
use crate::error::{FieldIssue, Locale};
use crate::value::{Map, Value};

pub(crate) mod fields;
pub(crate) mod keys;
mod rules;

#[cfg(all(target_arch = "wasm32", feature = "js-v2"))]
pub(crate) use rules::v2::{check as check_v2, KindV2};
#[cfg(target_arch = "wasm32")]
pub(crate) use rules::Additions;
#[cfg(all(target_arch = "wasm32", feature = "js-v1"))]
pub(crate) use rules::{check, Kind};
mod url;

/// Which window mode to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ModeOption {
    /// Ask [`choose_pay_mode`] (unless the params set `naverPopupMode`).
    #[default]
    Auto,
    /// Always popup.
    Popup,
    /// Always redirect.
    Redirect,
}

/// How to validate.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidateOptions {
    /// The window mode.
    pub mode: ModeOption,
    /// The smallest amount accepted, in won (default 100, the seed's rule).
    pub min_amount: u64,
    /// The language of messages.
    pub locale: Locale,
    /// The device, for `ModeOption::Auto`; `None` is treated as a desktop browser.
    pub device: Option<DeviceInfo>,
    /// "Now" in milliseconds since the UNIX epoch: dates are compared with today in Asia/Seoul.
    pub now_ms: f64,
}

impl ValidateOptions {
    /// The defaults, with "now" given.
    pub fn at(now_ms: f64) -> Self {
        ValidateOptions { mode: ModeOption::Auto, min_amount: 100, locale: Locale::Ko, device: None, now_ms }
    }

    /// The window mode for these options, before the params' own `naverPopupMode` is considered.
    pub fn pay_mode(&self) -> PayMode {
        match self.mode {
            ModeOption::Popup => PayMode::Popup,
            ModeOption::Redirect => PayMode::Redirect,
            ModeOption::Auto => self.device.as_ref().map_or(PayMode::Popup, choose_pay_mode),
        }
    }
}

/// A request that passed validation: the only thing that may reach `IMP.request_pay`.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidRequest(Map);

impl ValidRequest {
    /// Only validation makes one.
    fn new(request: Map) -> Self {
        ValidRequest(request)
    }

    /// The request object, exactly as IMP receives it.
    pub fn as_map(&self) -> &Map {
        &self.0
    }

    /// The request object.
    pub fn into_map(self) -> Map {
        self.0
    }
}

/// The outcome of validation.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationReport {
    /// Problems that stop the payment.
    pub errors: Vec<FieldIssue>,
    /// Problems worth fixing that do not stop it.
    pub warnings: Vec<FieldIssue>,
    /// The window mode the request uses.
    pub mode: PayMode,
    /// What `IMP.request_pay` receives; `None` when there are errors.
    pub request: Option<ValidRequest>,
}

impl ValidationReport {
    /// Whether there are no errors.
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Validates the parameters of a general Naver Pay payment.
///
/// Never panics: any [`Value`] is accepted, and a non-object is one issue at field `""`.
pub fn validate_naver_pay(params: &Value, options: &ValidateOptions) -> ValidationReport {
    rules::validate(params, options, rules::Kind::Payment)
}

/// Validates the parameters of a Naver Pay billing-key registration.
///
/// As [`validate_naver_pay`], except: `customer_uid`, `buyer_tel` and `naverProductCode` are
/// required, `naverProducts` is optional, and `amount` (display only) is any integer ≥ 0.
pub fn validate_billing_key(params: &Value, options: &ValidateOptions) -> ValidationReport {
    rules::validate(params, options, rules::Kind::BillingKey)
}

#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
/// Validates the parameters of `PortOne.requestPayment` (V2) with a Naver Pay channel: the same
/// report as [`validate_naver_pay`], its request what `requestPayment` receives (`payMethod`,
/// `currency`, `orderName` and `forceRedirect` added when absent).
pub fn validate_naver_pay_v2(params: &Value, options: &ValidateOptions) -> ValidationReport {
    rules::validate_with(params, rules::v2::check(params, options, rules::v2::KindV2::Payment))
}

#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
/// Validates the parameters of `PortOne.requestIssueBillingKey` (V2) with a Naver Pay channel:
/// `issueId` and `issueName` required, `displayAmount` and `currency` only together.
pub fn validate_billing_key_v2(params: &Value, options: &ValidateOptions) -> ValidationReport {
    rules::validate_with(params, rules::v2::check(params, options, rules::v2::KindV2::BillingKey))
}
