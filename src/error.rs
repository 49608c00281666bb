//! The one place for error codes and their messages.
//!
//! Callers match on [`ErrorCode`], never on message text: codes are stable strings, messages
//! may be reworded.

use std::fmt;

use crate::date::seoul_date_time;
use crate::text::{concat, u64_text};

/// The language of messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// Korean, the default.
    #[default]
    Ko,
    /// English.
    En,
}

impl Locale {
    /// `"ko"` or `"en"`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Locale> {
        match s {
            "ko" => Some(Locale::Ko),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $text:literal,)*) => {
        /// A stable error code. Once shipped, a code is never renamed.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order of SPEC's list.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as JavaScript sees it, e.g. `"INVALID_PARAMS"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $text,)*
                }
            }

            /// The code's documentation, as `types/index.d.ts` gives it (src/generate.rs).
            #[cfg(test)]
            pub(crate) fn doc(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => concat!($($doc),*).trim_start(),)*
                }
            }
        }
    };
}

error_codes! {
    /// A required field is missing or empty.
    Required = "REQUIRED",
    /// A field has the wrong JavaScript type.
    InvalidType = "INVALID_TYPE",
    /// A number that must be an integer is not.
    NotInteger = "NOT_INTEGER",
    /// A number is outside its allowed range.
    OutOfRange = "OUT_OF_RANGE",
    /// A string is longer than allowed.
    TooLong = "TOO_LONG",
    /// A string does not have the required format.
    InvalidFormat = "INVALID_FORMAT",
    /// A value is not one of the allowed values.
    InvalidValue = "INVALID_VALUE",
    /// A date is not a real `yyyyMMdd` calendar date, or dates are out of order.
    InvalidDate = "INVALID_DATE",
    /// A date lies before today in Asia/Seoul.
    DateInPast = "DATE_IN_PAST",
    /// `categoryType`/`categoryId` is not a Naver Pay category.
    InvalidCategory = "INVALID_CATEGORY",
    /// A URL is not an allowed absolute URL.
    InvalidUrl = "INVALID_URL",
    /// Redirect mode needs `m_redirect_url` (V1) or `redirectUrl` (V2).
    RedirectUrlRequired = "REDIRECT_URL_REQUIRED",
    /// The amount is below the minimum: 100 won unless `minAmount` says otherwise (the integration
    /// guide and PortOne's V2 page say 100; PortOne's V1 Naver Pay page says 10 since 2024-02, which
    /// `minAmount: 10` follows).
    AmountBelowMinimum = "AMOUNT_BELOW_MINIMUM",
    /// Warning: with several products, `name` differs from `naverProducts[0].name`.
    NameMismatch = "NAME_MISMATCH",
    /// A field IMP does not know (an error when it is a likely typo of a known field).
    UnknownField = "UNKNOWN_FIELD",
    /// A REST credential was passed to the browser.
    SecretInBrowser = "SECRET_IN_BROWSER",
    /// Parameters were invalid; `NaverPayError.errors` lists every problem.
    InvalidParams = "INVALID_PARAMS",
    /// A payment is already pending; IMP was not called again.
    PaymentInProgress = "PAYMENT_IN_PROGRESS",
    /// The code runs outside a browser.
    NotInBrowser = "NOT_IN_BROWSER",
    /// A merchant code is `imp` followed by digits.
    InvalidMerchantCode = "INVALID_MERCHANT_CODE",
    /// The PortOne SDK script failed to load.
    SdkLoadFailed = "SDK_LOAD_FAILED",
    /// The PortOne SDK script neither loaded nor failed in time.
    SdkTimeout = "SDK_TIMEOUT",
    /// The script loaded but `window.IMP` is missing.
    SdkUnavailable = "SDK_UNAVAILABLE",
    // Raised by that entry's JavaScript (`scripts/entries/web-guard.js`, with this message), since
    // the wasm is not there yet.
    /// `naverpay-checkout/web` only: called before `await init()` finished.
    NotInitialized = "NOT_INITIALIZED",
    /// Warning: a field PortOne documents for other PGs only; passed on, but Naver Pay ignores it.
    IgnoredField = "IGNORED_FIELD",
    /// The input is larger or deeper than the checker reads (docs/npm-readme.md, "Limits"): nothing
    /// else about it is checked, and it never reaches IMP.
    LimitExceeded = "LIMIT_EXCEEDED",
    /// A payment IMP never answered for 10 minutes was given up when a new `pay()` started.
    PaymentSuperseded = "PAYMENT_SUPERSEDED",
    /// `free()` was called on the checkout (or `pay` was called on something that is none).
    CheckoutFreed = "CHECKOUT_FREED",
    /// Warning: a field PortOne replaced or dropped (`pg`, `naverChainId`, `naverActionType`); the
    /// message says what replaced it.
    DeprecatedField = "DEPRECATED_FIELD",
    /// A field PortOne documents for other PGs that has no place in a Naver Pay request (a schedule's
    /// card number).
    UnsupportedField = "UNSUPPORTED_FIELD",
    /// Warning: `m_redirect_url` is plain `http:` to a host that is not this machine.
    InsecureUrl = "INSECURE_URL",
    /// Warning: popup mode forced on a device that needs redirect mode; the result would be lost.
    PopupOnMobile = "POPUP_ON_MOBILE",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How deep the checks read nested values, as LIMIT_EXCEEDED says it.
pub(crate) const DEPTH_LIMIT: &str = "≤ 16 levels";

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// What kind of problem.
    pub code: ErrorCode,
    /// Where: a path like `naverProducts[1].count`, or `""` for the whole input.
    pub field: String,
    /// A sentence for people, in the requested locale.
    pub message: String,
}

impl FieldIssue {
    /// An issue whose message is the code's message for `detail`.
    pub(crate) fn new(code: ErrorCode, field: impl Into<String>, locale: Locale, detail: Detail<'_>) -> Self {
        let field = field.into();
        let message = message(code, locale, &field, detail);
        FieldIssue { code, field, message }
    }
}

/// What a message says beyond its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail<'a> {
    /// Nothing more.
    None,
    /// The expected type or shape, e.g. `"string"`, `"yyyyMMdd"`.
    Expected(&'a str),
    /// The largest length in characters.
    MaxChars(usize),
    /// The largest length in UTF-8 bytes.
    MaxBytes(usize),
    /// The inclusive range allowed.
    Range(u64, u64),
    /// The inclusive range of UNIX seconds allowed, shown with its dates and times in Asia/Seoul.
    SecondsRange(u64, u64),
    /// The minimum amount in won.
    MinAmount(u64),
    /// A known name close to the one given.
    Suggestion(&'a str),
    /// Free text that is not from the buyer (e.g. a list of allowed values, a limit in figures).
    Text(&'a str),
    /// A rule of PortOne's or of the package's, worded in both languages below ([`rule`]).
    Rule(&'static Rule),
    /// The same value as the field at that path.
    Duplicates(&'a str),
}

/// A rule's words in both languages: the statics of [`rule`] only, so that every message's words
/// live in this file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    ko: &'static str,
    en: &'static str,
}

/// The rules a message names beyond a type or a limit. Each wasm entry (V1, V2) uses its own subset,
/// and an unused one costs nothing: a rule reaches the module only where a check names it.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) mod rule {
    use super::Rule;

    const fn r(ko: &'static str, en: &'static str) -> Rule {
        Rule { ko, en }
    }
    /// A telephone number (`buyer_tel`, V2's `customer.phoneNumber`).
    pub(crate) static TEL: Rule = r("숫자, -, 맨 앞 +; 8~20자", "digits, '-', a leading '+'; 8 to 20 characters");
    pub(crate) static NOT_IN_FUTURE: Rule = r("미래 날짜 불가", "must not be in the future");
    pub(crate) static NOT_BEFORE_START_DATE: Rule = r("startDate 이후여야 함", "must not be before startDate");
    pub(crate) static SELLER_ID: Rule = r("영문자와 숫자, 최대 30자", "ASCII letters and digits, at most 30");
    /// `customer_uid` in a payment: a billing key has its own call.
    pub(crate) static BILLING_KEY_CALL: Rule = r(
        "빌링키 등록은 registerBillingKey / validateBillingKey로 하세요",
        "a billing key is registered with registerBillingKey / validateBillingKey",
    );
    /// The shape of `naverProducts` the inspection requires.
    pub(crate) static PRODUCTS_SHAPE: Rule = r(
        "검수 필수: [{ categoryType, categoryId, uid, name, count }]",
        "the inspection requires [{ categoryType, categoryId, uid, name, count }]",
    );
    pub(crate) static UNENCODED_URL: Rule = r(
        "인코딩되지 않은 공백·제어 문자: encodeURI()로 인코딩하세요",
        "unencoded spaces or controls: encode with encodeURI()",
    );
    pub(crate) static HTTPS_URL: Rule =
        r("브라우저가 읽는 https://호스트/경로 절대 URL 필요", "an absolute https://host/path URL a browser accepts");
    /// Deprecated `pg`.
    pub(crate) static USE_CHANNEL_KEY: Rule = r("channelKey를 쓰세요", "use channelKey");
    /// Deprecated `naverChainId`.
    pub(crate) static CHAIN_ID_ON_CONSOLE: Rule = r(
        "콘솔 채널에 Chain ID를 등록하고 channelKey를 쓰세요",
        "set the Chain ID on the console's channel; use channelKey",
    );
    /// Any other deprecated field.
    pub(crate) static REMOVED_BY_PORTONE: Rule = r("포트원이 제거함", "removed by PortOne");
    pub(crate) static CUSTOMER_UID_OR_MERCHANT_UID: Rule =
        r("customer_uid 또는 merchant_uid", "customer_uid or merchant_uid");
    pub(crate) static IMP_UID_OR_MERCHANT_UID: Rule = r("imp_uid 또는 merchant_uid", "imp_uid or merchant_uid");
    /// V2's `displayAmount` and `currency`, each required with the other.
    pub(crate) static WITH_CURRENCY: Rule = r("함께 입력해야 함: currency", "required together with currency");
    pub(crate) static WITH_DISPLAY_AMOUNT: Rule =
        r("함께 입력해야 함: displayAmount", "required together with displayAmount");
}

/// The message for `code` about `field` (`field: ` leads it unless `field` is empty).
pub(crate) fn message(code: ErrorCode, locale: Locale, field: &str, detail: Detail<'_>) -> String {
    use Detail as D;
    use ErrorCode as C;
    let ko = locale == Locale::Ko;
    let lang = |ko_text: &'static str, en_text: &'static str| if ko { ko_text } else { en_text };
    let lead: [&str; 2] = if field.is_empty() { ["", ""] } else { [field, ": "] };
    // The numbers and times a detail shows, as text; one message is built from parts, in one go.
    let (lo, hi, lo_kst, hi_kst);
    let parts: &[&str] = match (code, detail) {
        // The minimum-amount message reaches the buyer as the payment's error_msg: no field prefix.
        (C::AmountBelowMinimum, D::MinAmount(min)) => {
            lo = u64_text(min);
            &[
                lang("결제 금액이 최소 결제 금액(", "less than minimum amount ("),
                &lo,
                lang("원)보다 적습니다.", " won)"),
            ]
        }
        // V2's URLs: the scheme it takes (`http(s)`) in place of V1's `https` (not in V1's wasm).
        #[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
        (C::InvalidUrl, D::Text(scheme)) => &[
            lead[0],
            lead[1],
            lang("허용되지 않는 URL입니다. ", "is not an allowed URL; an absolute "),
            scheme,
            lang(" 절대 URL이어야 합니다.", " URL is required"),
        ],
        (C::UnknownField, D::Suggestion(s)) => &[
            lead[0],
            lead[1],
            lang("알 수 없는 필드입니다. ", "unknown field; did you mean "),
            s,
            lang("을(를) 의도하셨나요?", "?"),
        ],
        _ => {
            let base = base_message(code, ko);
            match detail {
                D::None | D::Suggestion(_) | D::MinAmount(_) => &[lead[0], lead[1], base],
                D::Expected(e) => &[lead[0], lead[1], base, lang(" (", " (expected "), e, lang(" 필요)", ")")],
                D::MaxChars(n) => {
                    lo = u64_text(n as u64);
                    &[lead[0], lead[1], base, lang(" (최대 ", " (at most "), &lo, lang("자)", " characters)")]
                }
                D::MaxBytes(n) => {
                    lo = u64_text(n as u64);
                    &[lead[0], lead[1], base, lang(" (최대 ", " (at most "), &lo, lang("바이트)", " bytes)")]
                }
                D::Range(from, to) => {
                    (lo, hi) = (u64_text(from), u64_text(to));
                    &[lead[0], lead[1], base, " (", &lo, lang("~", " to "), &hi, ")"]
                }
                D::SecondsRange(from, to) => {
                    (lo, hi) = (u64_text(from), u64_text(to));
                    (lo_kst, hi_kst) = (seoul_date_time(from), seoul_date_time(to));
                    &[
                        lead[0],
                        lead[1],
                        base,
                        " (",
                        &lo_kst,
                        lang(" ~ ", " to "),
                        &hi_kst,
                        lang(" 한국 시간; UNIX 초 ", " Asia/Seoul; UNIX seconds "),
                        &lo,
                        lang("~", " to "),
                        &hi,
                        ")",
                    ]
                }
                D::Text(t) => &[lead[0], lead[1], base, " (", t, ")"],
                D::Rule(rule) => &[lead[0], lead[1], base, " (", lang(rule.ko, rule.en), ")"],
                D::Duplicates(path) => {
                    &[lead[0], lead[1], base, lang(" (", " (duplicates "), path, lang("와 중복)", ")")]
                }
            }
        }
    };
    concat(parts)
}

fn base_message(code: ErrorCode, ko: bool) -> &'static str {
    use ErrorCode as C;
    match (code, ko) {
        (C::Required, true) => "필수 항목입니다.",
        (C::Required, false) => "is required",
        (C::InvalidType, true) => "형식(타입)이 올바르지 않습니다.",
        (C::InvalidType, false) => "has the wrong type",
        (C::NotInteger, true) => "정수여야 합니다.",
        (C::NotInteger, false) => "must be an integer",
        (C::OutOfRange, true) => "허용 범위를 벗어났습니다.",
        (C::OutOfRange, false) => "is out of range",
        (C::TooLong, true) => "너무 깁니다.",
        (C::TooLong, false) => "is too long",
        (C::InvalidFormat, true) => "형식이 올바르지 않습니다.",
        (C::InvalidFormat, false) => "has an invalid format",
        (C::InvalidValue, true) => "허용되지 않는 값입니다.",
        (C::InvalidValue, false) => "is not an allowed value",
        (C::InvalidDate, true) => "올바른 날짜(yyyyMMdd)가 아닙니다.",
        (C::InvalidDate, false) => "is not a valid date (yyyyMMdd)",
        (C::DateInPast, true) => "오늘(한국 시간) 이전 날짜입니다.",
        (C::DateInPast, false) => "is before today (Asia/Seoul)",
        (C::InvalidCategory, true) => "네이버페이 상품 분류(categoryType/categoryId)가 올바르지 않습니다.",
        (C::InvalidCategory, false) => "is not a Naver Pay categoryType/categoryId pair",
        (C::InvalidUrl, true) => "허용되지 않는 URL입니다.",
        (C::InvalidUrl, false) => "is not an allowed URL",
        (C::RedirectUrlRequired, true) => "리디렉션 방식에서는 리디렉션 URL이 필요합니다.",
        (C::RedirectUrlRequired, false) => "a redirect URL is required in redirect mode",
        (C::AmountBelowMinimum, true) => "결제 금액이 최소 결제 금액보다 적습니다.",
        (C::AmountBelowMinimum, false) => "less than minimum amount",
        (C::NameMismatch, true) => "상품이 여러 개이면 name은 naverProducts[0].name을 권장합니다.",
        (C::NameMismatch, false) => "with several products, PortOne recommends naverProducts[0].name",
        (C::UnknownField, true) => "알 수 없는 필드입니다.",
        (C::UnknownField, false) => "unknown field",
        (C::IgnoredField, true) => "다른 PG사용 필드입니다. 그대로 전달되지만 네이버페이는 무시합니다.",
        (C::IgnoredField, false) => "documented for other PGs; passed on, but Naver Pay ignores it",
        (C::SecretInBrowser, true) => "REST API 비밀 값은 브라우저에 넣으면 안 됩니다.",
        (C::SecretInBrowser, false) => "REST API secrets never belong in a browser",
        (C::InvalidParams, true) => "결제 파라미터가 올바르지 않습니다.",
        (C::InvalidParams, false) => "invalid payment parameters",
        (C::PaymentInProgress, true) => "이미 결제가 진행 중입니다.",
        (C::PaymentInProgress, false) => "a payment is already in progress",
        (C::NotInBrowser, true) => "브라우저에서만 사용할 수 있습니다.",
        (C::NotInBrowser, false) => "only available in a browser",
        (C::InvalidMerchantCode, true) => "가맹점 식별코드는 imp로 시작하고 숫자가 이어져야 합니다.",
        (C::InvalidMerchantCode, false) => "a merchant code is 'imp' followed by digits",
        (C::SdkLoadFailed, true) => "PortOne SDK를 불러오지 못했습니다.",
        (C::SdkLoadFailed, false) => "failed to load the PortOne SDK",
        (C::SdkTimeout, true) => "PortOne SDK 로딩 시간이 초과되었습니다.",
        (C::SdkTimeout, false) => "timed out loading the PortOne SDK",
        (C::SdkUnavailable, true) => "PortOne SDK를 불러왔지만 window.IMP가 없습니다.",
        (C::SdkUnavailable, false) => "the PortOne SDK loaded but window.IMP is missing",
        (C::NotInitialized, true) => "init()을 먼저 호출하고 기다려야 합니다.",
        (C::NotInitialized, false) => "call and await init() before anything else",
        (C::LimitExceeded, true) => "입력이 검사 한도를 넘습니다.",
        (C::LimitExceeded, false) => "exceeds what the checker reads",
        (C::PaymentSuperseded, true) => "새 결제 요청으로 대체되었습니다.",
        (C::PaymentSuperseded, false) => "replaced by a new payment",
        (C::CheckoutFreed, true) => "free()가 호출된 결제 객체입니다.",
        (C::CheckoutFreed, false) => "free() was called on this checkout",
        (C::DeprecatedField, true) => "포트원이 대체한 필드입니다.",
        (C::DeprecatedField, false) => "deprecated by PortOne",
        (C::UnsupportedField, true) => "네이버페이가 지원하지 않습니다.",
        (C::UnsupportedField, false) => "not supported by Naver Pay",
        (C::InsecureUrl, true) => "http는 암호화되지 않습니다. 운영에서는 https를 쓰세요.",
        (C::InsecureUrl, false) => "plain http is unencrypted; use https in production",
        (C::PopupOnMobile, true) => "이 기기는 팝업 결과를 받지 못합니다. 리디렉션 방식이 필요합니다.",
        (C::PopupOnMobile, false) => "this device loses a popup's result; it needs redirect mode",
    }
}
