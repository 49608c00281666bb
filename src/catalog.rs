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
            "CAR", "DRIVER", "HEALTH", "CHILD", "TRAVELER", "GOLF", "ANNUITY", "ANNUITY_SAVING", "SAVING",
            "VARIABLE_ANNUITY", "CANCER", "DENTIST", "ACCIDENT", "SEVERANCE", "PHONE", "PET",
        ],
    ),
    ("FLIGHT", &["TICKET"]),
    ("FOOD", &["DELIVERY"]),
    ("ETC", &["ETC"]),
];

/// Allowed `payReferrer` values.
pub const PAY_REFERRERS: &[&str] = &[
    "NAVER_BOOK", "NAVER_MUSIC", "NAVER_SHOPPING", "NAVER_MAP", "NAVER_PLACE", "SEARCH_AD", "NAVER_SEARCH",
    "BRAND_SEARCH", "PARTNER_DIRECT", "ETC",
];

/// Whether `category_type`/`category_id` is a Naver Pay category.
pub fn is_category(category_type: &str, category_id: &str) -> bool {
    CATEGORIES
        .iter()
        .any(|(t, ids)| *t == category_type && ids.contains(&category_id))
}

/// Fields that hold the buyer's personal details: never logged, redacted in `Debug`.
pub const BUYER_DETAIL_FIELDS: &[&str] = &[
    "buyer_email", "buyer_tel", "buyer_name", "buyer_addr", "buyer_postcode", "naverPurchaserName",
    "naverPurchaserBirthday",
];

/// Whether `key` names a buyer detail.
pub fn is_buyer_detail(key: &str) -> bool {
    BUYER_DETAIL_FIELDS.contains(&key)
}

/// The fields `IMP.request_pay` (PortOne V1) knows, for general payments and billing keys:
/// given anywhere else, a key is unknown to IMP. Documented fields pass through untouched.
pub const REQUEST_PAY_FIELDS: &[&str] = &[
    "pg", "pay_method", "escrow", "merchant_uid", "name", "amount", "tax_free", "vat_amount", "vat", "currency",
    "language", "buyer_name", "buyer_tel", "buyer_email", "buyer_addr", "buyer_postcode", "custom_data",
    "customer_uid", "customer_id", "notice_url", "confirm_url", "m_redirect_url", "app_scheme", "display",
    "digital", "vbank_due", "biz_num", "popup", "period", "company", "bypass", "channelKey", "naverPopupMode",
    "naverUseCfm", "naverProducts", "naverPurchaserName", "naverPurchaserBirthday", "naverChainId",
    "naverCultureBenefit", "naverMerchantUserKey", "naverProductCount", "naverProductCode", "naverActionType",
    "naverInterface",
];

/// The fields of one `naverProducts` item (Naver Pay's `productItems`).
pub const PRODUCT_FIELDS: &[&str] =
    &["categoryType", "categoryId", "uid", "name", "count", "sellerId", "payReferrer", "startDate", "endDate"];

/// Names of REST credentials, lower case without separators (`validate::keys` normalises case,
/// separators, zero-width, fullwidth and lookalike letters, and a trailing number): a key that normalises to one of
/// these, or contains one of [`SECRET_KEY_PARTS`], never belongs in a browser.
pub const SECRET_KEY_NAMES: &[&str] = &[
    "impkey", "impsecret", "apikey", "apisecret", "restapikey", "restapisecret", "accesstoken", "refreshtoken",
    "bearertoken", "authtoken", "secret", "clientsecret", "secretkey", "privatekey", "password", "passwd",
    "authorization", "iamportkey", "portonekey", "restkey", "apitoken",
];

/// Fragments that mark a key as a credential wherever they appear in it (normalised as above).
pub const SECRET_KEY_PARTS: &[&str] =
    &["secret", "password", "passwd", "apikey", "apitoken", "accesstoken", "refreshtoken", "privatekey"];
