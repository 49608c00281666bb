//! From PortOne V1 to V2: a V1 Naver Pay `request_pay` turned into the `requestPayment` that asks
//! for the same payment, and the V1 fields that have no V2 equivalent. The user guide
//! (docs/npm-readme.md, "Migrating from V1") shows it; docs/rules.md ("V2") gives the sources of each V2 name.

use crate::value::{Map, Value};

/// A V1 request in V2's words.
#[derive(Clone, Debug, PartialEq)]
pub struct V2Migration {
    /// The `requestPayment` parameters: check them with [`crate::validate_naver_pay_v2`].
    pub request: Map,
    /// The V1 fields (paths such as `naverProducts[0].colour`) that were left out: no V2 equivalent.
    pub dropped: Vec<String>,
}

/// V1 keys that become a V2 key of the same value: (V1, V2).
const RENAMED: &[(&str, &str)] = &[
    ("merchant_uid", "paymentId"),
    ("name", "orderName"),
    ("amount", "totalAmount"),
    ("tax_free", "taxFreeAmount"),
    ("vat_amount", "vatAmount"),
    ("m_redirect_url", "redirectUrl"),
    ("confirm_url", "confirmUrl"),
    ("app_scheme", "appScheme"),
    ("custom_data", "customData"),
    ("naverCultureBenefit", "isCulturalExpense"),
];

/// V1 buyer keys that become a key of `customer`: (V1, V2).
const CUSTOMER: &[(&str, &str)] = &[
    ("buyer_tel", "phoneNumber"),
    ("buyer_email", "email"),
    ("buyer_postcode", "zipcode"),
    ("customer_id", "customerId"),
];

/// V1 keys read by a rule below (not dropped).
const RULED: &[&str] = &[
    "pg",
    "channelKey",
    "currency",
    "notice_url",
    "naverPopupMode",
    "naverUseCfm",
    "naverProducts",
    "buyer_name",
    "naverPurchaserName",
    "naverPurchaserBirthday",
    "buyer_addr",
];

/// Keys of a V1 product that V2's `NaverpayProductItem` has too.
const PRODUCT_KEYS: &[&str] =
    &["categoryType", "categoryId", "uid", "name", "count", "sellerId", "payReferrer", "startDate", "endDate"];

/// The V2 `requestPayment` for the V1 Naver Pay `request_pay` `v1`, on the store and channel given.
///
/// `merchant_uid` → `paymentId`, `name` → `orderName`, `amount` → `totalAmount`, `naverProducts` →
/// `bypass.naverpay.productItems` (numeric dates as `yyyyMMdd` strings), `naverUseCfm` →
/// `bypass.naverpay.useCfmYmdt`, `naverPopupMode` → `forceRedirect` (inverted), the buyer fields and
/// `naverPurchaserName`/`naverPurchaserBirthday` → `customer`, `m_redirect_url` → `redirectUrl`,
/// `notice_url` → `noticeUrls`; `payMethod: "EASY_PAY"` and `currency: "KRW"` are set. Everything
/// else (`customer_uid`, `naverChainId`, other PGs' fields, unknown keys) is listed in `dropped`.
/// Values are moved as they are: validation is [`crate::validate_naver_pay_v2`]'s.
pub fn to_v2_payment_request(v1: &Value, store_id: &str, channel_key: &str) -> V2Migration {
    const EMPTY: &Map = &Map::new();
    let v1 = v1.as_object().unwrap_or(EMPTY);
    let mut request = Map::new();
    let mut dropped = Vec::new();
    request.insert("storeId", store_id);
    request.insert("channelKey", channel_key);
    let given = |key: &str| Some(v1.get(key)).filter(|v| !v.is_absent());
    for (from, to) in RENAMED {
        if let Some(v) = given(from) {
            request.insert(*to, v.clone());
        }
    }
    request.insert("currency", "KRW");
    request.insert("payMethod", "EASY_PAY");
    // `""` and `[]` say "none" on V1; on V2 every item must be a URL.
    if let Some(urls) =
        given("notice_url").filter(|u| u.as_str() != Some("") && !matches!(u, Value::Array(a) if a.is_empty()))
    {
        let urls = if let Value::String(_) = urls { Value::Array(vec![urls.clone()]) } else { urls.clone() };
        request.insert("noticeUrls", urls);
    }
    if let Some(Value::Bool(popup)) = given("naverPopupMode") {
        request.insert("forceRedirect", !popup);
    }

    let mut customer = Map::new();
    if let Some(name) = given("naverPurchaserName").or_else(|| given("buyer_name")) {
        customer.insert("fullName", name.clone());
    }
    for (from, to) in CUSTOMER {
        if let Some(v) = given(from) {
            customer.insert(*to, v.clone());
        }
    }
    if let Some(addr) = given("buyer_addr") {
        let mut address = Map::new();
        address.insert("addressLine1", addr.clone());
        address.insert("addressLine2", "");
        customer.insert("address", address);
    }
    match given("naverPurchaserBirthday") {
        Some(Value::String(ymd)) if ymd.len() == 8 && ymd.is_ascii() => {
            for (key, range) in [("birthYear", 0..4), ("birthMonth", 4..6), ("birthDay", 6..8)] {
                customer.insert(key, ymd.get(range).unwrap_or_default());
            }
        }
        Some(_) => dropped.push("naverPurchaserBirthday".to_owned()),
        None => {}
    }
    if !customer.is_empty() {
        request.insert("customer", customer);
    }

    let mut naverpay = Map::new();
    if let Some(use_cfm) = given("naverUseCfm") {
        naverpay.insert("useCfmYmdt", use_cfm.clone());
    }
    match given("naverProducts") {
        Some(Value::Array(items)) => {
            let items = items.iter().enumerate().map(|(i, item)| product(i, item, &mut dropped)).collect();
            naverpay.insert("productItems", Value::Array(items));
        }
        Some(other) => {
            naverpay.insert("productItems", other.clone());
        }
        None => {}
    }
    let mut bypass = Map::new();
    bypass.insert("naverpay", naverpay);
    request.insert("bypass", bypass);

    for (key, _) in v1.iter().filter(|(_, v)| !v.is_absent()) {
        let kept = RENAMED.iter().chain(CUSTOMER).any(|(from, _)| *from == key) || RULED.contains(&key);
        if !kept {
            dropped.push(key.to_owned());
        }
    }
    dropped.sort_unstable();
    V2Migration { request, dropped }
}

/// One V1 product as a V2 `productItem`: the keys both know, numeric dates as strings.
fn product(i: usize, item: &Value, dropped: &mut Vec<String>) -> Value {
    let Value::Object(p) = item else {
        return item.clone();
    };
    let mut out = Map::new();
    for (key, v) in p.iter().filter(|(_, v)| !v.is_absent()) {
        if !PRODUCT_KEYS.contains(&key) {
            let mut path = String::from("naverProducts");
            crate::text::push_index(&mut path, i);
            crate::text::push_key(&mut path, key);
            dropped.push(path);
            continue;
        }
        let v = match v {
            // naver.mdx (V1) allows `20240117`; browser-sdk.yml (V2) takes strings only.
            Value::Number(n)
                if matches!(key, "startDate" | "endDate") && n.fract() == 0.0 && (0.0..1e8).contains(n) =>
            {
                Value::from(crate::text::u64_text(*n as u64))
            }
            v => v.clone(),
        };
        out.insert(key, v);
    }
    Value::Object(out)
}
