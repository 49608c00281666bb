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
