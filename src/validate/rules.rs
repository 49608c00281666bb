//! SPEC's parameter table, row by row. Every problem is collected; nothing stops at the first.
//! Messages name fields and limits only, never the values (buyer details, secrets).

use super::url::{self, RedirectUrl};
use super::{fields, keys, ModeOption, ValidRequest, ValidateOptions, ValidationReport};
use crate::catalog;
use crate::check::{not_given, BrowserRequest, Issues, MAX_SAFE as MAX_SAFE_U64};
use crate::date::Ymd;
use crate::device::{choose_pay_mode, PayMode};
use crate::error::{rule, Detail, ErrorCode as C};
use crate::text;
use crate::value::{Map, Value};
use std::ops::{Deref, DerefMut};

// PortOne V2's checks: a child module, so that they reuse this checker's own methods. Not in V1's
// wasm at all: even unused, its calls change how the checker is inlined there (docs/design.md, "V2").
#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
pub(crate) mod v2;

/// Which call is validated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `validate_naver_pay`.
    Payment,
    /// `validate_billing_key`.
    BillingKey,
}

/// How deep the search for credentials goes into nested objects.
const MAX_SECRET_DEPTH: usize = 16;

/// What a valid request adds to the params, in order, each set as `Map::insert` does: in place
/// when the key is there, else at the end. Only a check that found no error makes one (its field is
/// private to this module and its children), and a request is only ever built from one: the native
/// path's [`ValidRequest`] (a copy of the params with these set) and the browser's (the caller's own
/// values with these written over them, `src/js/convert.rs`) come from the same proof of validation.
#[derive(Debug)]
pub(crate) struct Additions(Vec<(&'static str, Value)>);

impl Additions {
    /// `filled`, which the caller set in the params before they were checked, then these.
    #[cfg(all(target_arch = "wasm32", feature = "js-v2"))]
    pub(crate) fn after(self, mut filled: Vec<(&'static str, Value)>) -> Additions {
        filled.extend(self.0);
        Additions(filled)
    }
}

impl Deref for Additions {
    type Target = [(&'static str, Value)];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

pub(crate) fn validate(params: &Value, options: &ValidateOptions, kind: Kind) -> ValidationReport {
    validate_with(params, check(params, options, kind))
}

/// The report of a check of `params`, with its request when the check made additions.
pub(crate) fn validate_with(
    params: &Value,
    (mut report, additions): (ValidationReport, Option<Additions>),
) -> ValidationReport {
    if let (Value::Object(map), Some(additions)) = (params, additions) {
        let mut request = map.clone();
        for (key, value) in additions.0 {
            request.insert(key, value);
        }
        report.request = Some(ValidRequest::new(request));
    }
    report
}

/// The report without its request, and what the request adds to `params` when it is valid: the
/// browser edge passes the caller's own values on and writes only the additions.
pub(crate) fn check(params: &Value, options: &ValidateOptions, kind: Kind) -> (ValidationReport, Option<Additions>) {
    let (mut c, map) = match Checker::start(params, options) {
        Ok(started) => started,
        Err(report) => return (report, None),
    };

    let mode = c.mode(map, options);
    let add_pg = c.pg(map);
    c.merchant_uid(map);
    c.customer_uid(map, kind);
    let amount = match kind {
        Kind::Payment => c.amount(map.get("amount"), "amount", options.min_amount),
        // A billing key's amount is shown only: no minimum, and a negative one is out of range.
        Kind::BillingKey => c.integer_in(map.get("amount"), "amount", true, 0, MAX_SAFE_U64),
    };
    for key in catalog::AMOUNT_PARTS {
        c.part_of_amount(map.get(key), key, amount);
    }
    let products = c.products(map, kind == Kind::Payment);
    let default_name = c.name(map, &products);
    c.naver_fields(map);
    c.redirect_url(map, mode);
    c.pay_method(map);
    c.deprecated(map);
    c.buyer_fields(map, kind);
    let required = if kind == Kind::Payment { catalog::REQUIRED } else { catalog::REQUIRED_BILLING };
    c.table(map, catalog::REQUEST_PAY, "", required);
    c.secrets(params, &Place::Top, 0);

    let additions = c.clean().then(|| {
        let mut additions = Vec::new();
        if add_pg {
            additions.push(("pg", Value::from("naverpay")));
        }
        if let Some(name) = default_name {
            additions.push(("name", Value::from(name)));
        }
        additions.push(("naverPopupMode", Value::Bool(mode == PayMode::Popup)));
        Additions(additions)
    });
    (c.finish(mode), additions)
}

/// What the products tell the rest of the checks.
struct Products<'a> {
    len: usize,
    /// `naverProducts[0].name` when it is valid.
    first_name: Option<&'a str>,
}

/// The collector of a browser request's issues, with today's date in Asia/Seoul.
struct Checker {
    issues: Issues<BrowserRequest>,
    today: Option<Ymd>,
}

// The engine's collector and primitive checks, as the checker's own (`self.string(…)`).
impl Deref for Checker {
    type Target = Issues<BrowserRequest>;

    fn deref(&self) -> &Issues<BrowserRequest> {
        &self.issues
    }
}

impl DerefMut for Checker {
    fn deref_mut(&mut self) -> &mut Issues<BrowserRequest> {
        &mut self.issues
    }
}

impl Checker {
    /// A checker for `params` and `params` as an object; `Err` is the report when it is none.
    fn start<'a>(params: &'a Value, options: &ValidateOptions) -> Result<(Checker, &'a Map), ValidationReport> {
        let issues = Issues::new(options.locale);
        let mut c = Checker { issues, today: Ymd::seoul_at_ms(options.now_ms) };
        let Value::Object(map) = params else {
            let code = if matches!(params, Value::Undefined | Value::Null) { C::Required } else { C::InvalidType };
            c.error(code, "", Detail::Expected("object"));
            return Err(c.finish(options.pay_mode()));
        };
        Ok((c, map))
    }

    fn finish(self, mode: PayMode) -> ValidationReport {
        let (errors, warnings) = self.issues.into_parts();
        ValidationReport { errors, warnings, mode, request: None }
    }

    /// The window mode: `options.mode` when fixed, else the params' `naverPopupMode`, else the
    /// device. Popup mode forced on a device that redirects is `POPUP_ON_MOBILE`: mobile browsers
    /// ignore the popup callback, so the result would be lost.
    fn mode(&mut self, map: &Map, options: &ValidateOptions) -> PayMode {
        self.mode_by(map, options, "naverPopupMode", true)
    }

    /// The window mode: `options.mode` when fixed, else the params' boolean `key` (popup when it is
    /// `popup_when`: V1's `naverPopupMode: true`, V2's `forceRedirect: false`), else the device.
    /// Popup mode forced on a device that redirects is `POPUP_ON_MOBILE`: mobile browsers ignore
    /// the popup callback, so the result would be lost.
    fn mode_by(&mut self, map: &Map, options: &ValidateOptions, key: &str, popup_when: bool) -> PayMode {
        let explicit = match map.get(key) {
            Value::Undefined | Value::Null => None,
            Value::Bool(flag) => Some(*flag == popup_when),
            _ => {
                self.error(C::InvalidType, key, Detail::Expected("boolean"));
                None
            }
        };
        // The device's own mode, asked once (it is `options.pay_mode()` for `Auto`).
        let device_mode = options.device.as_ref().map_or(PayMode::Popup, choose_pay_mode);
        let mode = match (options.mode, explicit) {
            (ModeOption::Popup, _) | (ModeOption::Auto, Some(true)) => PayMode::Popup,
            (ModeOption::Redirect, _) | (ModeOption::Auto, Some(false)) => PayMode::Redirect,
            (ModeOption::Auto, None) => device_mode,
        };
        if mode == PayMode::Popup && device_mode == PayMode::Redirect {
            let field = if options.mode == ModeOption::Popup { "options.mode" } else { key };
            self.warn(C::PopupOnMobile, field, Detail::None);
        }
        mode
    }

    /// Checks `pg` (`channelKey` may stand instead; its type is the table's); returns whether
    /// `pg: 'naverpay'` is to be added.
    fn pg(&mut self, map: &Map) -> bool {
        let channel_key = !not_given(map.get("channelKey"));
        match map.get("pg") {
            Value::Undefined | Value::Null => !channel_key,
            Value::String(pg) => {
                if !fields::is_naverpay_pg(pg) {
                    self.error(C::InvalidValue, "pg", Detail::Text("naverpay, naverpay.<MID>"));
                }
                false
            }
            _ => {
                self.error(C::InvalidType, "pg", Detail::Expected("string"));
                false
            }
        }
    }

    fn merchant_uid(&mut self, map: &Map) {
        let max = catalog::max_chars!(REQUEST_PAY, "merchant_uid");
        self.short_string(map.get("merchant_uid"), "merchant_uid", true, max);
    }

    /// `customer_uid`: required for a billing key (at most its row's characters); in a general payment it
    /// would silently turn the payment into a registration that approves nothing.
    fn customer_uid(&mut self, map: &Map, kind: Kind) {
        let field = "customer_uid";
        match kind {
            Kind::BillingKey => {
                self.short_string(map.get(field), field, true, catalog::max_chars!(REQUEST_PAY, "customer_uid"));
            }
            Kind::Payment if !not_given(map.get(field)) => {
                self.error(C::InvalidValue, field, Detail::Rule(&rule::BILLING_KEY_CALL));
            }
            Kind::Payment => {}
        }
    }

    /// `naverProducts`: required non-empty for a payment, checked when given for a billing key.
    fn products<'m>(&mut self, map: &'m Map, required: bool) -> Products<'m> {
        let mut info = Products { len: 0, first_name: None };
        let shape = Detail::Rule(&rule::PRODUCTS_SHAPE);
        let items = match map.get("naverProducts") {
            Value::Undefined | Value::Null if required => {
                self.error(C::Required, "naverProducts", shape);
                return info;
            }
            Value::Undefined | Value::Null => return info,
            Value::Array(items) => items,
            _ => {
                self.error(C::InvalidType, "naverProducts", Detail::Expected("array"));
                return info;
            }
        };
        if items.is_empty() && required {
            self.error(C::Required, "naverProducts", shape);
        }
        info.len = items.len();
        for (i, item) in items.iter().enumerate() {
            let name = self.product(i, item);
            if i == 0 {
                info.first_name = name;
            }
        }
        info
    }

    /// One product; returns its name when valid.
    fn product<'v>(&mut self, i: usize, item: &'v Value) -> Option<&'v str> {
        let mut prefix = String::from("naverProducts");
        text::push_index(&mut prefix, i);
        self.product_at(prefix, item, true)
    }

    /// One product at `prefix`: V1's `naverProducts` item (`v1`, whose `startDate`/`endDate` may be
    /// numbers too) or V2's `productItems` item, checked against its table and the limits of its
    /// rows. Returns its name when valid.
    fn product_at<'v>(&mut self, prefix: String, item: &'v Value, v1: bool) -> Option<&'v str> {
        let (table, uid_bytes, name_chars) = if v1 {
            (catalog::PRODUCT, catalog::max_bytes!(PRODUCT, "uid"), catalog::max_chars!(PRODUCT, "name"))
        } else {
            let table = catalog::V2_PRODUCT_ITEM;
            (table, catalog::max_bytes!(V2_PRODUCT_ITEM, "uid"), catalog::max_chars!(V2_PRODUCT_ITEM, "name"))
        };
        let number_dates = v1;
        let Value::Object(p) = item else {
            self.error(C::InvalidType, &prefix, Detail::Expected("object"));
            return None;
        };
        let outer = self.within(prefix);

        let category_type = self.string(p.get("categoryType"), "categoryType", true);
        let category_id = self.string(p.get("categoryId"), "categoryId", true);
        if let (Some(t), Some(id)) = (category_type, category_id) {
            if !catalog::is_category(t, id) {
                // Always reported at `categoryId`: the pair is wrong, and for a known type the
                // message lists its ids.
                let ids =
                    catalog::CATEGORIES.iter().find(|(known, _)| *known == t).map(|(_, ids)| text::join(ids, ", "));
                let detail = ids.as_deref().map_or(Detail::None, Detail::Text);
                self.error(C::InvalidCategory, "categoryId", detail);
            }
        }

        if let Some(uid) = self.string(p.get("uid"), "uid", true) {
            if uid.len() > uid_bytes {
                self.error(C::TooLong, "uid", Detail::MaxBytes(uid_bytes));
            }
        }
        let name = self.short_string(p.get("name"), "name", true, name_chars);
        self.integer_in(p.get("count"), "count", true, 1, 999_999);

        if let Some(seller_id) = self.string(p.get("sellerId"), "sellerId", false) {
            if !fields::is_seller_id(seller_id) {
                self.error(C::InvalidFormat, "sellerId", Detail::Rule(&rule::SELLER_ID));
            }
        }
        if let Some(referrer) = self.string(p.get("payReferrer"), "payReferrer", false) {
            if !catalog::PAY_REFERRERS.contains(&referrer) {
                let allowed = text::join(catalog::PAY_REFERRERS, ", ");
                self.error(C::InvalidValue, "payReferrer", Detail::Text(&allowed));
            }
        }
        let start = self.date(p.get("startDate"), "startDate", number_dates);
        let end = self.date(p.get("endDate"), "endDate", number_dates);
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                self.error(C::InvalidDate, "endDate", Detail::Rule(&rule::NOT_BEFORE_START_DATE));
            }
        }

        let prefix = self.within(outer);
        self.table(p, table, &prefix, catalog::REQUIRED);
        name.filter(|n| !n.is_empty())
    }

    /// `name`: required, at most its row's characters; absent → `naverProducts[0].name`, returned
    /// as the default to add. With several products it should equal the first product's name.
    fn name<'m>(&mut self, map: &'m Map, products: &Products<'m>) -> Option<&'m str> {
        let max = catalog::max_chars!(REQUEST_PAY, "name");
        if map.get("name").is_absent() {
            match products.first_name {
                Some(first) if first.chars().count() > max => self.error(C::TooLong, "name", Detail::MaxChars(max)),
                Some(first) => return Some(first),
                // The first product's own issues are already reported.
                None if products.len > 0 => {}
                None => self.error(C::Required, "name", Detail::None),
            }
            return None;
        }
        let name = self.short_string(map.get("name"), "name", true, max);
        if let (Some(name), Some(first)) = (name, products.first_name) {
            if products.len > 1 && name != first {
                self.warn(C::NameMismatch, "name", Detail::None);
            }
        }
        None
    }

    fn naver_fields(&mut self, map: &Map) {
        if let Some(use_cfm) = self.date(map.get("naverUseCfm"), "naverUseCfm", false) {
            if let Some(today) = self.today.filter(|today| use_cfm < *today) {
                let bound = text::concat(&["≥ ", &today.text()]);
                self.error(C::DateInPast, "naverUseCfm", Detail::Expected(&bound));
            }
        }
        if let Some(birthday) = self.date(map.get("naverPurchaserBirthday"), "naverPurchaserBirthday", false) {
            if self.today.is_some_and(|today| birthday > today) {
                self.error(C::InvalidDate, "naverPurchaserBirthday", Detail::Rule(&rule::NOT_IN_FUTURE));
            }
        }
    }

    /// `m_redirect_url`: required in redirect mode, and an absolute http(s) URL a browser accepts
    /// whenever given (PortOne documents it as a URL; its app SDKs inject `http:` ones), plain
    /// `http:` to another machine with an `INSECURE_URL` warning.
    fn redirect_url(&mut self, map: &Map, mode: PayMode) {
        let field = "m_redirect_url";
        let redirect = mode == PayMode::Redirect;
        match map.get(field) {
            Value::Undefined | Value::Null if redirect => self.error(C::RedirectUrlRequired, field, Detail::None),
            Value::String(s) if s.is_empty() && redirect => self.error(C::RedirectUrlRequired, field, Detail::None),
            Value::Undefined | Value::Null => {}
            Value::String(s) => match url::redirect_url(s) {
                RedirectUrl::Https | RedirectUrl::Loopback => {}
                RedirectUrl::Http => self.warn(C::InsecureUrl, field, Detail::None),
                RedirectUrl::Unencoded => {
                    self.error(C::InvalidUrl, field, Detail::Rule(&rule::UNENCODED_URL));
                }
                RedirectUrl::Invalid => {
                    self.error(C::InvalidUrl, field, Detail::Rule(&rule::HTTPS_URL));
                }
            },
            _ => self.error(C::InvalidType, field, Detail::Expected("string")),
        }
    }

    /// `pay_method`: PortOne lists `naverpay` among its codes; any other value is for other PGs.
    fn pay_method(&mut self, map: &Map) {
        match map.get("pay_method") {
            Value::Undefined | Value::Null => {}
            Value::String(s) if s == "naverpay" => {}
            Value::String(_) => self.warn(C::IgnoredField, "pay_method", Detail::None),
            _ => self.error(C::InvalidType, "pay_method", Detail::Expected("string")),
        }
    }

    /// Fields PortOne replaced or dropped (`DEPRECATED` rows), each with what replaced it.
    fn deprecated(&mut self, map: &Map) {
        for field in catalog::REQUEST_PAY.iter().filter(|f| f.has(catalog::DEPRECATED)) {
            if not_given(map.get(field.name)) {
                continue;
            }
            let instead = match field.name {
                "pg" => &rule::USE_CHANNEL_KEY,
                "naverChainId" => &rule::CHAIN_ID_ON_CONSOLE,
                _ => &rule::REMOVED_BY_PORTONE,
            };
            self.warn(C::DeprecatedField, field.name, Detail::Rule(instead));
        }
    }

    /// Buyer details. An empty optional `buyer_email`/`buyer_tel` counts as not given.
    fn buyer_fields(&mut self, map: &Map, kind: Kind) {
        if let Some(email) = self.string(map.get("buyer_email"), "buyer_email", false) {
            if !email.is_empty() && !fields::is_email(email) {
                self.error(C::InvalidFormat, "buyer_email", Detail::None);
            }
        }
        let tel_required = kind == Kind::BillingKey;
        if let Some(tel) = self.string(map.get("buyer_tel"), "buyer_tel", tel_required) {
            if !tel.is_empty() && !fields::is_tel(tel) {
                self.error(C::InvalidFormat, "buyer_tel", Detail::Rule(&rule::TEL));
            }
        }
    }

    /// Credential-like keys anywhere in the params (objects and arrays, `MAX_SECRET_DEPTH` deep).
    /// The path is reported; the value is never looked at.
    fn secrets(&mut self, value: &Value, at: &Place<'_>, depth: usize) {
        if depth > MAX_SECRET_DEPTH {
            // Refused, not left unchecked: a secret must not hide below the search.
            if matches!(value, Value::Object(_) | Value::Array(_)) {
                self.error(C::LimitExceeded, &at.path(), Detail::Text(crate::error::DEPTH_LIMIT));
            }
            return;
        }
        match value {
            // `[['imp_secret', '…']]`, `Object.entries` of a credential, and JSON text holding one.
            Value::Array(pair) if matches!(pair.first(), Some(Value::String(k)) if pair.len() == 2 && keys::is_secret_key(k)) =>
            {
                self.error(C::SecretInBrowser, &at.path(), Detail::None);
            }
            Value::String(text) if keys::json_names_secret(text) => {
                self.error(C::SecretInBrowser, &at.path(), Detail::None);
            }
            Value::Object(map) => {
                for (key, v) in map.iter().filter(|(_, v)| !v.is_absent()) {
                    let here = Place::Key(at, key);
                    if keys::is_secret_key(key) {
                        self.error(C::SecretInBrowser, &here.path(), Detail::None);
                    } else {
                        self.secrets(v, &here, depth + 1);
                    }
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.secrets(v, &Place::Index(at, i), depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// Where the secret search is: the params, or a key or an index under a place. Written out as a
/// path only when something is reported there: a clean cart builds no path.
enum Place<'a> {
    Top,
    Key(&'a Place<'a>, &'a str),
    Index(&'a Place<'a>, usize),
}

impl Place<'_> {
    fn path(&self) -> String {
        let mut path = String::new();
        self.write(&mut path);
        path
    }

    fn write(&self, path: &mut String) {
        match self {
            Place::Top => {}
            Place::Key(parent, key) => {
                parent.write(path);
                text::push_key(path, key);
            }
            Place::Index(parent, i) => {
                parent.write(path);
                text::push_index(path, *i);
            }
        }
    }
}
