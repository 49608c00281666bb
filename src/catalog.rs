//! Naver Pay's and PortOne's vocabulary: the one place for the tables that change.

/// Naver Pay product categories: each `categoryType` with its `categoryId`s.
/// (`BLUERAY` is Naver's spelling.)
pub const CATEGORIES: &[(&str, &[&str])] = &[
    ("BOOK", &["GENERAL", "EBOOK", "USED"]),
    ("MUSIC", &["CD", "LP", "USED"]),
    ("MOVIE", &["DVD", "BLUERAY", "VOD", "TICKET", "USED"]),
    ("PRODUCT", &["GENERAL", "CASHABLE", "CLAIM", "DIGITAL_CONTENT", "SUPPORT"]),
    ("PLAY", &["TICKET"]),
    ("TRAVEL", &["DOMESTIC", "OVERSEA"]),
    (
        "INSURANCE",
        &[
            "CAR",
            "DRIVER",
            "HEALTH",
            "CHILD",
            "TRAVELER",
            "GOLF",
            "ANNUITY",
            "ANNUITY_SAVING",
            "SAVING",
            "VARIABLE_ANNUITY",
            "CANCER",
            "DENTIST",
            "ACCIDENT",
            "SEVERANCE",
            "PHONE",
            "PET",
        ],
    ),
    ("FLIGHT", &["TICKET"]),
    ("FOOD", &["DELIVERY"]),
    ("ETC", &["ETC"]),
];

/// Allowed `payReferrer` values.
pub const PAY_REFERRERS: &[&str] = &[
    "NAVER_BOOK",
    "NAVER_MUSIC",
    "NAVER_SHOPPING",
    "NAVER_MAP",
    "NAVER_PLACE",
    "SEARCH_AD",
    "NAVER_SEARCH",
    "BRAND_SEARCH",
    "PARTNER_DIRECT",
    "ETC",
];

/// Whether `category_type`/`category_id` is a Naver Pay category.
pub fn is_category(category_type: &str, category_id: &str) -> bool {
    CATEGORIES.iter().any(|(t, ids)| *t == category_type && ids.contains(&category_id))
}

/// Fields that hold the buyer's personal details: never logged, redacted in `Debug`.
pub const BUYER_DETAIL_FIELDS: &[&str] = &[
    "buyer_email",
    "buyer_tel",
    "buyer_name",
    "buyer_addr",
    "buyer_postcode",
    "naverPurchaserName",
    "naverPurchaserBirthday",
    "customer",
];

/// Whether `key` names a buyer detail.
pub fn is_buyer_detail(key: &str) -> bool {
    BUYER_DETAIL_FIELDS.contains(&key)
}

/// A field's type as PortOne documents it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Type {
    /// A string (within [`Field::limit`]).
    Str,
    /// A string that is not empty.
    Text,
    /// A JavaScript number that is a whole number, 0 to 2^53 − 1.
    Int,
    /// A boolean.
    Bool,
    /// A plain object.
    Obj,
    /// An array.
    Arr,
    /// A string, or an array of strings (`notice_url` of `request_pay`).
    StrOrArr,
    /// A `yyyyMMdd` date: a string, or the same eight digits as a number (naver.mdx allows
    /// numbers for the products' `startDate`/`endDate`).
    Date,
    /// Anything (`custom_data` of `request_pay`, stored as JSON).
    Any,
}

/// How long a row's string may be, as its document gives it. Every check of the field reads it
/// from the row: the table check ([`crate::check::table`]) and the field's own rule alike
/// ([`max_chars!`], [`max_bytes!`]). The figures are `u8` (PortOne documents none above 128): a
/// wider one would make every row of every table longer in the wasm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// None documented.
    Unbounded,
    /// At most this many characters (Unicode scalar values); for an [`Type::Arr`] row, each of
    /// its strings.
    Chars(u8),
    /// At most this many UTF-8 bytes.
    Bytes(u8),
}

/// The `Chars` limit of the row `$name` of the table `$table`, as a constant `usize`:
/// `catalog::max_chars!(AGAIN, "name")`. A name the table lacks, or a row with another limit,
/// fails the build; reading it costs nothing at run time.
macro_rules! max_chars {
    ($table:ident, $name:expr) => {
        const { $crate::catalog::row_limit($crate::catalog::$table, $name).chars() }
    };
}
pub(crate) use max_chars;

/// The `Bytes` limit of the row `$name` of the table `$table`, as [`max_chars!`] reads `Chars`.
macro_rules! max_bytes {
    ($table:ident, $name:expr) => {
        const { $crate::catalog::row_limit($crate::catalog::$table, $name).bytes() }
    };
}
pub(crate) use max_bytes;

impl Limit {
    /// The characters of a `Chars` limit ([`max_chars!`] evaluates it in a constant).
    #[allow(clippy::panic)] // evaluated by the compiler only
    pub const fn chars(self) -> usize {
        match self {
            Limit::Chars(n) => n as usize,
            _ => panic!("not a Chars limit"),
        }
    }

    /// The bytes of a `Bytes` limit ([`max_bytes!`] evaluates it in a constant).
    #[allow(clippy::panic)] // evaluated by the compiler only
    pub const fn bytes(self) -> usize {
        match self {
            Limit::Bytes(n) => n as usize,
            _ => panic!("not a Bytes limit"),
        }
    }
}

/// The limit of the row `name` of `table` ([`max_chars!`] and [`max_bytes!`] evaluate it in a
/// constant).
#[allow(clippy::panic)] // evaluated by the compiler only
pub const fn row_limit(table: &[Field], name: &str) -> Limit {
    match table {
        [] => panic!("no such row"),
        [row, rest @ ..] => {
            if same(row.name.as_bytes(), name.as_bytes()) {
                row.limit
            } else {
                row_limit(rest, name)
            }
        }
    }
}

/// `a == b`, in a `const fn`.
const fn same(a: &[u8], b: &[u8]) -> bool {
    match (a, b) {
        ([], []) => true,
        ([x, a @ ..], [y, b @ ..]) => *x == *y && same(a, b),
        _ => false,
    }
}

/// The document a row was read from; docs/rules.md gives each one's repository, path and commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Doc {
    /// `portone-io/developers.portone.io` `src/schema/v1.openapi.yml`.
    OpenApi,
    /// The V1 Naver Pay page (`…/integration/pg/v1/naver.mdx`).
    NaverPage,
    /// The V1 JavaScript SDK's `request_pay` parameters (`…/javascript-sdk/payrq.mdx`).
    PayRq,
    /// `iamport/iamport-manual` `NAVERPAY/sample/naverpay-pg.md`.
    Manual,
    /// The seed integration guide (`shared/seed/naver-pay-standard.md`).
    Seed,
    /// Added by PortOne's own app SDKs and samples (docs/rules.md names each).
    Sdk,
    /// This package's own API (the options objects).
    Package,
    /// PortOne's V2 browser SDK schema (`src/schema/browser-sdk.yml`).
    BrowserSdk,
    /// The V2 Naver Pay page (`…/integration/pg/v2/naverpay.mdx`).
    NaverPayV2,
    /// The V2 checkout guide (`…/integration/start/v2/checkout.mdx`).
    CheckoutV2,
}

/// Required in the call (for `request_pay`: in a general payment).
pub const REQUIRED: u8 = 1;
/// Required in a billing-key registration (`request_pay` only).
pub const REQUIRED_BILLING: u8 = 2;
/// Checked by a rule of its own (docs/rules.md) besides its type.
pub const RULE: u8 = 4;
/// Documented for other PGs only: accepted and passed on with an `IGNORED_FIELD` warning.
pub const IGNORED: u8 = 8;
/// Replaced or dropped by PortOne: accepted and passed on with a `DEPRECATED_FIELD` warning
/// that names what replaced it (`request_pay` only).
pub const DEPRECATED: u8 = 16;
/// Documented for other PGs only and with no place in a Naver Pay request (a card number):
/// `UNSUPPORTED_FIELD`, an error.
pub const UNSUPPORTED: u8 = 32;

/// One documented field of one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The key, as PortOne spells it.
    pub name: &'static str,
    /// Its type.
    pub ty: Type,
    /// Its documented limit.
    pub limit: Limit,
    /// [`REQUIRED`], [`REQUIRED_BILLING`], [`RULE`], [`IGNORED`], [`DEPRECATED`], [`UNSUPPORTED`].
    pub flags: u8,
}

impl Field {
    /// Whether `flag` is set.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A row: `f(name, type, limit, flags, document)`. The document the row was read from is written
/// on the row for its reader (docs/rules.md gives each one) but not kept in the [`Field`]: nothing
/// reads it at run time, and without it a row of the wasm's tables stays 12 bytes with its limit.
const fn f(name: &'static str, ty: Type, limit: Limit, flags: u8, _read_from: Doc) -> Field {
    Field { name, ty, limit, flags }
}

use Doc::{Manual, NaverPage, OpenApi, Package, PayRq, Sdk, Seed};
use Limit::{Bytes, Chars, Unbounded};
use Type::{Any, Arr, Bool, Date, Int, Obj, Str, StrOrArr, Text};

/// `IMP.request_pay`, general payment (`validateNaverPay`) and billing-key registration
/// (`validateBillingKey`). Read from payrq.mdx and naver.mdx; the rules are docs/rules.md's.
pub const REQUEST_PAY: &[Field] = &[
    f("pg", Str, Unbounded, RULE | DEPRECATED, PayRq),
    f("channelKey", Text, Unbounded, 0, NaverPage),
    f("pay_method", Str, Unbounded, RULE, PayRq),
    f("escrow", Bool, Unbounded, 0, PayRq),
    f("products", Arr, Unbounded, IGNORED, PayRq),
    f("merchant_uid", Str, Chars(40), REQUIRED | REQUIRED_BILLING | RULE, PayRq),
    f("name", Str, Chars(40), REQUIRED | REQUIRED_BILLING | RULE, PayRq),
    f("amount", Int, Unbounded, REQUIRED | REQUIRED_BILLING | RULE, PayRq),
    f("custom_data", Any, Unbounded, 0, PayRq),
    f("tax_free", Int, Unbounded, RULE, PayRq),
    f("vat_amount", Int, Unbounded, RULE | IGNORED, PayRq),
    f("vat", Int, Unbounded, IGNORED, PayRq),
    f("currency", Str, Unbounded, IGNORED, PayRq),
    f("language", Str, Unbounded, IGNORED, PayRq),
    f("buyer_name", Str, Unbounded, 0, PayRq),
    f("buyer_tel", Str, Unbounded, REQUIRED_BILLING | RULE, Manual),
    f("buyer_email", Str, Unbounded, RULE, PayRq),
    f("buyer_addr", Str, Unbounded, 0, PayRq),
    f("buyer_postcode", Str, Unbounded, 0, PayRq),
    f("confirm_url", Str, Unbounded, 0, PayRq),
    f("notice_url", StrOrArr, Unbounded, 0, NaverPage),
    f("customer_uid", Str, Chars(80), REQUIRED_BILLING | RULE, NaverPage),
    f("customer_id", Str, Unbounded, 0, NaverPage),
    f("digital", Bool, Unbounded, IGNORED, PayRq),
    f("vbank_due", Str, Unbounded, IGNORED, PayRq),
    f("m_redirect_url", Str, Unbounded, RULE, PayRq),
    f("app_scheme", Str, Unbounded, 0, PayRq),
    f("biz_num", Str, Unbounded, IGNORED, PayRq),
    f("useFreeInterestFromMall", Bool, Unbounded, IGNORED, PayRq),
    f("display", Obj, Unbounded, IGNORED, PayRq),
    f("card", Obj, Unbounded, IGNORED, PayRq),
    f("popup", Bool, Unbounded, IGNORED, PayRq),
    f("period", Obj, Unbounded, IGNORED, PayRq),
    f("company", Str, Unbounded, IGNORED, PayRq),
    f("bypass", Obj, Unbounded, IGNORED, PayRq),
    f("naverPopupMode", Bool, Unbounded, RULE, NaverPage),
    f("naverUseCfm", Str, Unbounded, RULE, NaverPage),
    f("naverProducts", Arr, Unbounded, REQUIRED | RULE, NaverPage),
    f("naverPurchaserName", Text, Unbounded, 0, NaverPage),
    f("naverPurchaserBirthday", Str, Unbounded, RULE, NaverPage),
    f("naverChainId", Text, Unbounded, DEPRECATED, Manual),
    f("naverCultureBenefit", Bool, Unbounded, 0, NaverPage),
    f("naverMerchantUserKey", Text, Unbounded, 0, NaverPage),
    f("naverProductCount", Int, Unbounded, 0, NaverPage),
    f("naverProductCode", Text, Unbounded, REQUIRED_BILLING, NaverPage),
    f("naverActionType", Str, Unbounded, DEPRECATED, Seed),
    f("naverInterface", Obj, Unbounded, 0, Seed),
    f("niceMobileV2", Bool, Unbounded, 0, Sdk),
    f("kakaoOpenApp", Bool, Unbounded, 0, Sdk),
];

/// The options of `pay`, `registerBillingKey` and the validators, each read by its own rule
/// (`src/js/options.rs`); the table makes a misspelt option `UNKNOWN_FIELD` as a parameter is.
pub const PAY_OPTIONS: &[Field] = &[
    f("mode", Str, Unbounded, RULE, Package),
    f("minAmount", Int, Unbounded, RULE, Package),
    f("locale", Str, Unbounded, RULE, Package),
    f("device", Obj, Unbounded, RULE, Package),
    f("now", Any, Unbounded, RULE, Package),
];

/// The options of the server body builders.
pub const BODY_OPTIONS: &[Field] = &[
    f("minAmount", Int, Unbounded, RULE, Package),
    f("now", Any, Unbounded, RULE, Package),
    f("locale", Str, Unbounded, RULE, Package),
];

/// One `naverProducts` item (Naver Pay's `productItems`), from naver.mdx.
pub const PRODUCT: &[Field] = &[
    f("categoryType", Str, Unbounded, REQUIRED | RULE, NaverPage),
    f("categoryId", Str, Unbounded, REQUIRED | RULE, NaverPage),
    f("uid", Str, Bytes(100), REQUIRED | RULE, NaverPage),
    f("name", Str, Chars(128), REQUIRED | RULE, NaverPage),
    f("count", Int, Unbounded, REQUIRED | RULE, NaverPage),
    f("sellerId", Str, Chars(30), RULE, NaverPage),
    f("payReferrer", Str, Unbounded, RULE, NaverPage),
    f("startDate", Date, Unbounded, RULE, NaverPage),
    f("endDate", Date, Unbounded, RULE, NaverPage),
];

/// The parts of V1's `amount` (`tax_free`, `vat_amount`), in `request_pay` and the bodies alike:
/// each at most the amount.
pub const AMOUNT_PARTS: [&str; 2] = ["tax_free", "vat_amount"];

/// `POST /subscribe/payments/again`, from the OpenAPI schema (`extra` from naver.mdx).
pub const AGAIN: &[Field] = &[
    f("customer_uid", Str, Chars(80), REQUIRED | RULE, OpenApi),
    f("merchant_uid", Str, Chars(40), REQUIRED | RULE, OpenApi),
    f("currency", Str, Unbounded, IGNORED, OpenApi),
    f("amount", Int, Unbounded, REQUIRED | RULE, OpenApi),
    f("tax_free", Int, Unbounded, RULE, OpenApi),
    f("vat_amount", Int, Unbounded, RULE | IGNORED, OpenApi),
    f("vat", Int, Unbounded, IGNORED, OpenApi),
    f("name", Str, Chars(40), REQUIRED | RULE, OpenApi),
    f("buyer_name", Str, Chars(16), 0, OpenApi),
    f("buyer_email", Str, Chars(64), 0, OpenApi),
    f("buyer_tel", Str, Chars(16), 0, OpenApi),
    f("buyer_addr", Str, Chars(128), 0, OpenApi),
    f("buyer_postcode", Str, Chars(8), 0, OpenApi),
    f("card_quota", Int, Unbounded, IGNORED, OpenApi),
    f("interest_free_by_merchant", Bool, Unbounded, IGNORED, OpenApi),
    f("use_card_point", Bool, Unbounded, IGNORED, OpenApi),
    f("custom_data", Str, Unbounded, 0, OpenApi),
    f("notice_url", Str, Unbounded, 0, OpenApi),
    f("browser_ip", Str, Unbounded, 0, OpenApi),
    f("product_type", Str, Unbounded, IGNORED, OpenApi),
    f("product_count", Int, Unbounded, IGNORED, OpenApi),
    f("cash_receipt_type", Str, Unbounded, IGNORED, OpenApi),
    f("bypass", Str, Unbounded, IGNORED, OpenApi),
    f("extra", Obj, Unbounded, RULE, NaverPage),
    f("promotion_id", Str, Unbounded, IGNORED, OpenApi),
    f("channel_key", Str, Chars(55), 0, OpenApi),
];

/// `extra` of `again` and of each schedule, from naver.mdx.
pub const PAYMENT_EXTRA: &[Field] = &[f("naverUseCfm", Str, Unbounded, RULE, NaverPage)];

/// `POST /subscribe/payments/schedule`, top level, from the OpenAPI schema. The card fields
/// (`card_number`, `expiry`, `birth`, `pwd_2digit`, `cvc`) register a key-in card: the schema lists
/// naverpay among the PGs that do not support the first three, and no card belongs in a Naver Pay body.
pub const SCHEDULE: &[Field] = &[
    f("customer_uid", Str, Chars(80), REQUIRED | RULE, OpenApi),
    f("customer_id", Str, Unbounded, 0, OpenApi),
    f("checking_amount", Int, Unbounded, IGNORED, OpenApi),
    f("card_number", Str, Unbounded, UNSUPPORTED, OpenApi),
    f("expiry", Str, Unbounded, UNSUPPORTED, OpenApi),
    f("birth", Str, Unbounded, UNSUPPORTED, OpenApi),
    f("pwd_2digit", Str, Unbounded, UNSUPPORTED, OpenApi),
    f("cvc", Str, Unbounded, UNSUPPORTED, OpenApi),
    f("channel_key", Str, Chars(55), 0, OpenApi),
    f("schedules", Arr, Unbounded, REQUIRED | RULE, OpenApi),
];

/// One item of `schedules` (`ScheduleAnnotation`), from the OpenAPI schema (`extra` from naver.mdx).
/// The schema lists `currency` and `name` as required; naver.mdx's sample omits both (docs/rules.md).
pub const SCHEDULE_ITEM: &[Field] = &[
    f("merchant_uid", Str, Chars(40), REQUIRED | RULE, OpenApi),
    f("schedule_at", Int, Unbounded, REQUIRED | RULE, OpenApi),
    f("currency", Str, Unbounded, IGNORED, OpenApi),
    f("amount", Int, Unbounded, REQUIRED | RULE, OpenApi),
    f("tax_free", Int, Unbounded, RULE, OpenApi),
    f("vat_amount", Int, Unbounded, RULE | IGNORED, OpenApi),
    f("name", Str, Chars(40), 0, OpenApi),
    f("buyer_name", Str, Chars(16), 0, OpenApi),
    f("buyer_email", Str, Chars(64), 0, OpenApi),
    f("buyer_tel", Str, Chars(16), 0, OpenApi),
    f("buyer_addr", Str, Chars(128), 0, OpenApi),
    f("buyer_postcode", Str, Chars(8), 0, OpenApi),
    f("custom_data", Str, Unbounded, 0, OpenApi),
    f("notice_url", Str, Unbounded, 0, OpenApi),
    f("product_type", Str, Unbounded, IGNORED, OpenApi),
    f("cash_receipt_type", Str, Unbounded, IGNORED, OpenApi),
    f("card_quota", Int, Unbounded, IGNORED, OpenApi),
    f("interest_free_by_merchant", Bool, Unbounded, IGNORED, OpenApi),
    f("use_card_point", Bool, Unbounded, IGNORED, OpenApi),
    f("product_count", Int, Unbounded, IGNORED, OpenApi),
    f("browser_ip", Str, Unbounded, 0, OpenApi),
    f("extra", Obj, Unbounded, RULE, NaverPage),
    f("bypass", Str, Unbounded, IGNORED, OpenApi),
    f("promotion_id", Str, Unbounded, IGNORED, OpenApi),
];

/// `POST /subscribe/payments/unschedule`, from the OpenAPI schema: `customer_uid`, or
/// `merchant_uid` (an array of order ids), or both.
pub const UNSCHEDULE: &[Field] =
    &[f("customer_uid", Str, Chars(80), RULE, OpenApi), f("merchant_uid", Arr, Chars(40), RULE, OpenApi)];

/// `DELETE /subscribe/customers/{customer_uid}`: the path and the query (OpenAPI schema);
/// `reason` and `extra[requester]` required by naver.mdx for the inspection.
pub const DELETE_BILLING_KEY: &[Field] = &[
    f("customer_uid", Str, Chars(80), REQUIRED | RULE, OpenApi),
    f("reason", Text, Unbounded, REQUIRED | RULE, NaverPage),
    f("extra", Obj, Unbounded, RULE, NaverPage),
];

/// `extra` of `cancel` and of billing-key deletion, from naver.mdx.
pub const REQUESTER_EXTRA: &[Field] = &[f("requester", Str, Unbounded, RULE, NaverPage)];

/// `POST /payments/cancel`, from the OpenAPI schema (`extra` and the required `reason` from naver.mdx).
pub const CANCEL: &[Field] = &[
    f("imp_uid", Str, Unbounded, RULE, OpenApi),
    f("merchant_uid", Str, Chars(40), RULE, OpenApi),
    f("amount", Int, Unbounded, RULE, OpenApi),
    f("tax_free", Int, Unbounded, RULE, OpenApi),
    f("vat_amount", Int, Unbounded, RULE | IGNORED, OpenApi),
    f("checksum", Int, Unbounded, RULE, OpenApi),
    f("reason", Text, Unbounded, REQUIRED | RULE, NaverPage),
    f("refund_holder", Str, Unbounded, IGNORED, OpenApi),
    f("refund_bank", Str, Unbounded, IGNORED, OpenApi),
    f("refund_account", Str, Unbounded, IGNORED, OpenApi),
    f("refund_tel", Str, Unbounded, IGNORED, OpenApi),
    f("retain_promotion", Bool, Unbounded, IGNORED, OpenApi),
    f("enable_webhook", Bool, Unbounded, 0, OpenApi),
    f("extra", Obj, Unbounded, RULE, NaverPage),
];

/// Names of REST credentials, lower case without separators (`validate::keys` normalises case,
/// separators, zero-width, fullwidth and lookalike letters, and a trailing number): a key that normalises to one of
/// these, or contains one of [`SECRET_KEY_PARTS`], never belongs in a browser.
pub const SECRET_KEY_NAMES: &[&str] = &[
    "impkey",
    "impsecret",
    "apikey",
    "apisecret",
    "restapikey",
    "restapisecret",
    "accesstoken",
    "refreshtoken",
    "bearertoken",
    "authtoken",
    "secret",
    "clientsecret",
    "secretkey",
    "privatekey",
    "password",
    "passwd",
    "authorization",
    "iamportkey",
    "portonekey",
    "restkey",
    "apitoken",
];

/// Fragments that mark a key as a credential wherever they appear in it (normalised as above).
pub const SECRET_KEY_PARTS: &[&str] =
    &["secret", "password", "passwd", "apikey", "apitoken", "accesstoken", "refreshtoken", "privatekey"];

// PortOne V2 (`@portone/browser-sdk/v2`): `requestPayment` and `requestIssueBillingKey`. The rows
// are read from browser-sdk.yml, narrowed by naverpay.mdx; docs/rules.md gives every rule ("V2").

use Doc::{BrowserSdk, CheckoutV2, NaverPayV2};

/// `PortOne.requestPayment` with a Naver Pay channel (`validateNaverPayV2`). `PaymentRequestBase`
/// and the `PaymentRequestUnion` objects; only `easyPay` belongs to Naver Pay's `EASY_PAY`.
pub const V2_PAYMENT: &[Field] = &[
    f("storeId", Text, Unbounded, REQUIRED, BrowserSdk),
    f("paymentId", Text, Unbounded, REQUIRED, BrowserSdk),
    f("orderName", Str, Chars(128), REQUIRED | RULE, BrowserSdk),
    f("totalAmount", Int, Unbounded, REQUIRED | RULE, BrowserSdk),
    f("currency", Str, Unbounded, RULE, NaverPayV2),
    f("payMethod", Str, Unbounded, RULE, NaverPayV2),
    f("channelKey", Text, Unbounded, RULE, BrowserSdk),
    f("channelGroupId", Text, Unbounded, RULE, BrowserSdk),
    f("taxFreeAmount", Int, Unbounded, RULE, BrowserSdk),
    f("vatAmount", Int, Unbounded, RULE, BrowserSdk),
    f("customer", Obj, Unbounded, RULE, BrowserSdk),
    f("windowType", Obj, Unbounded, RULE, NaverPayV2),
    f("redirectUrl", Str, Unbounded, RULE, CheckoutV2),
    f("forceRedirect", Bool, Unbounded, RULE, CheckoutV2),
    f("noticeUrls", Arr, Unbounded, RULE, BrowserSdk),
    f("confirmUrl", Str, Unbounded, 0, BrowserSdk),
    f("appScheme", Str, Unbounded, 0, BrowserSdk),
    f("isEscrow", Bool, Unbounded, IGNORED, BrowserSdk),
    // Naver Pay reads its products from `productItems` (naverpay.mdx), but PortOne keeps `products` on the
    // payment (v2.openapi.yml `PaidPayment.products`): the server compares them with the order (`tampered-count`).
    f("products", Arr, Unbounded, 0, BrowserSdk),
    f("isCulturalExpense", Bool, Unbounded, 0, BrowserSdk),
    f("locale", Str, Unbounded, RULE, NaverPayV2),
    f("customData", Any, Unbounded, 0, BrowserSdk),
    f("country", Str, Unbounded, IGNORED, BrowserSdk),
    f("productType", Str, Unbounded, IGNORED, BrowserSdk),
    f("offerPeriod", Obj, Unbounded, IGNORED, BrowserSdk),
    f("storeDetails", Obj, Unbounded, IGNORED, BrowserSdk),
    f("promotionId", Str, Unbounded, IGNORED, BrowserSdk),
    f("merpayCategoryId", Str, Unbounded, IGNORED, BrowserSdk),
    f("popup", Obj, Unbounded, 0, BrowserSdk),
    f("iframe", Obj, Unbounded, IGNORED, NaverPayV2),
    f("bypass", Obj, Unbounded, REQUIRED | RULE, NaverPayV2),
    f("easyPay", Obj, Unbounded, RULE, NaverPayV2),
    f("card", Obj, Unbounded, IGNORED, BrowserSdk),
    f("virtualAccount", Obj, Unbounded, IGNORED, BrowserSdk),
    f("transfer", Obj, Unbounded, IGNORED, BrowserSdk),
    f("mobile", Obj, Unbounded, IGNORED, BrowserSdk),
    f("giftCertificate", Obj, Unbounded, IGNORED, BrowserSdk),
    f("paypal", Obj, Unbounded, IGNORED, BrowserSdk),
    f("alipay", Obj, Unbounded, IGNORED, BrowserSdk),
    f("convenienceStore", Obj, Unbounded, IGNORED, BrowserSdk),
    f("alipayPlus", Obj, Unbounded, IGNORED, BrowserSdk),
];

/// `PortOne.requestIssueBillingKey` with a Naver Pay channel (`validateBillingKeyV2`):
/// `IssueBillingKeyRequestBase` and the `IssueBillingKeyRequestUnion` objects.
pub const V2_BILLING_KEY: &[Field] = &[
    f("storeId", Text, Unbounded, REQUIRED, BrowserSdk),
    f("channelKey", Text, Unbounded, RULE, BrowserSdk),
    f("billingKeyMethod", Str, Unbounded, RULE, NaverPayV2),
    f("issueId", Text, Unbounded, REQUIRED, NaverPayV2),
    f("issueName", Text, Unbounded, REQUIRED, NaverPayV2),
    f("displayAmount", Int, Unbounded, RULE, NaverPayV2),
    f("currency", Str, Unbounded, RULE, NaverPayV2),
    f("customer", Obj, Unbounded, RULE, BrowserSdk),
    f("windowType", Obj, Unbounded, RULE, NaverPayV2),
    f("redirectUrl", Str, Unbounded, RULE, CheckoutV2),
    f("forceRedirect", Bool, Unbounded, RULE, BrowserSdk),
    f("locale", Str, Unbounded, RULE, NaverPayV2),
    f("customData", Any, Unbounded, 0, BrowserSdk),
    f("offerPeriod", Obj, Unbounded, IGNORED, BrowserSdk),
    f("appScheme", Str, Unbounded, 0, BrowserSdk),
    f("noticeUrls", Arr, Unbounded, RULE, BrowserSdk),
    f("productType", Str, Unbounded, IGNORED, BrowserSdk),
    f("bypass", Obj, Unbounded, RULE, BrowserSdk),
    f("popup", Obj, Unbounded, 0, BrowserSdk),
    f("iframe", Obj, Unbounded, IGNORED, NaverPayV2),
    f("easyPay", Obj, Unbounded, RULE, NaverPayV2),
    f("card", Obj, Unbounded, IGNORED, BrowserSdk),
    f("mobile", Obj, Unbounded, IGNORED, BrowserSdk),
    f("paypal", Obj, Unbounded, IGNORED, BrowserSdk),
];

/// `customer` (`Customer`); birth year, month and day go together (naverpay.mdx).
pub const V2_CUSTOMER: &[Field] = &[
    f("customerId", Str, Unbounded, 0, BrowserSdk),
    f("fullName", Str, Unbounded, 0, NaverPayV2),
    f("firstName", Str, Unbounded, 0, BrowserSdk),
    f("lastName", Str, Unbounded, 0, BrowserSdk),
    f("phoneNumber", Str, Unbounded, RULE, BrowserSdk),
    f("email", Str, Unbounded, RULE, BrowserSdk),
    f("address", Obj, Unbounded, 0, BrowserSdk),
    f("zipcode", Str, Unbounded, 0, BrowserSdk),
    f("gender", Str, Unbounded, 0, BrowserSdk),
    f("birthYear", Str, Unbounded, RULE, NaverPayV2),
    f("birthMonth", Str, Unbounded, RULE, NaverPayV2),
    f("birthDay", Str, Unbounded, RULE, NaverPayV2),
    f("firstNameKana", Str, Unbounded, IGNORED, BrowserSdk),
    f("lastNameKana", Str, Unbounded, IGNORED, BrowserSdk),
];

/// `windowType` (`WindowTypes`): for Naver Pay `pc` is `POPUP` and `mobile` `REDIRECTION` only.
pub const V2_WINDOW_TYPES: &[Field] =
    &[f("pc", Str, Unbounded, RULE, NaverPayV2), f("mobile", Str, Unbounded, RULE, NaverPayV2)];

/// `easyPay` of a payment (`PaymentRequestUnionEasyPay`); of a billing key only `easyPayProvider`,
/// `availableCards` and `availablePayMethods` are documented (`IssueBillingKeyRequestUnionEasyPay`).
pub const V2_EASY_PAY: &[Field] = &[
    f("easyPayProvider", Str, Unbounded, RULE, NaverPayV2),
    f("useFreeInterestFromMall", Bool, Unbounded, IGNORED, BrowserSdk),
    f("availableCards", Arr, Unbounded, IGNORED, NaverPayV2),
    f("installment", Obj, Unbounded, IGNORED, NaverPayV2),
    f("cashReceiptType", Str, Unbounded, IGNORED, BrowserSdk),
    f("customerIdentifier", Str, Unbounded, IGNORED, BrowserSdk),
    f("useCardPoint", Bool, Unbounded, IGNORED, BrowserSdk),
    f("availablePayMethods", Arr, Unbounded, IGNORED, BrowserSdk),
    f("useInstallment", Bool, Unbounded, IGNORED, BrowserSdk),
];

/// `bypass` of a payment: Naver Pay reads `bypass.naverpay` (`NaverpayPaymentBypass`); other PGs'
/// keys pass with an `UNKNOWN_FIELD` warning.
pub const V2_PAYMENT_BYPASS: &[Field] = &[f("naverpay", Obj, Unbounded, REQUIRED | RULE, NaverPayV2)];

/// `bypass.naverpay` of a payment (`NaverpayPaymentBypass`).
pub const V2_NAVERPAY_BYPASS: &[Field] = &[
    f("useCfmYmdt", Str, Unbounded, RULE, NaverPayV2),
    f("productItems", Arr, Unbounded, REQUIRED | RULE, NaverPayV2),
    f("subMerchantInfo", Obj, Unbounded, 0, BrowserSdk),
    f("deliveryFee", Int, Unbounded, 0, NaverPayV2),
];

/// One `bypass.naverpay.productItems` item (`NaverpayProductItem`): V1's product, with
/// `startDate`/`endDate` strings only and `payReferrer` an enum ([`PAY_REFERRERS`]).
pub const V2_PRODUCT_ITEM: &[Field] = &[
    f("categoryType", Str, Unbounded, REQUIRED | RULE, NaverPayV2),
    f("categoryId", Str, Unbounded, REQUIRED | RULE, NaverPayV2),
    f("uid", Str, Bytes(100), REQUIRED | RULE, NaverPayV2),
    f("name", Str, Chars(128), REQUIRED | RULE, NaverPayV2),
    f("count", Int, Unbounded, REQUIRED | RULE, NaverPayV2),
    f("sellerId", Str, Chars(30), RULE, NaverPayV2),
    f("payReferrer", Str, Unbounded, RULE, BrowserSdk),
    f("startDate", Str, Unbounded, RULE, BrowserSdk),
    f("endDate", Str, Unbounded, RULE, BrowserSdk),
];

/// `bypass` of a billing key: `bypass.naverpay` (`NaverpayIssueBillingKeyBypass`).
pub const V2_BILLING_KEY_BYPASS: &[Field] = &[f("naverpay", Obj, Unbounded, RULE, BrowserSdk)];

/// `bypass.naverpay` of a billing key (`NaverpayIssueBillingKeyBypass`).
pub const V2_NAVERPAY_BILLING_BYPASS: &[Field] =
    &[f("subMerchantName", Str, Unbounded, 0, BrowserSdk), f("subMerchantId", Str, Unbounded, 0, BrowserSdk)];

/// The parts of V2's `totalAmount` (`taxFreeAmount`, `vatAmount`): each at most the amount.
pub const V2_AMOUNT_PARTS: [&str; 2] = ["taxFreeAmount", "vatAmount"];

/// Currencies Naver Pay takes on V2: `KRW` (the `Currency` enum) and `CURRENCY_KRW`, which the
/// SDK's types also take and PortOne's checkout.mdx example sends.
pub const V2_CURRENCIES: &[&str] = &["KRW", "CURRENCY_KRW"];
