//! PortOne V2's `requestPayment` and `requestIssueBillingKey` with a Naver Pay channel, checked by
//! V1's checker: the same codes, messages, paths and limits. docs/rules.md ("V2") gives each rule
//! with its source; the field tables are `catalog::V2_*`.

use super::{Additions, Checker, Place, MAX_SAFE_U64};
use crate::catalog::{self, Field};
use crate::date::Ymd;
use crate::device::PayMode;
use crate::error::{rule, Detail, ErrorCode as C};
use crate::text;
use crate::validate::{url, ValidateOptions, ValidationReport};
use crate::value::{Map, Value};

/// Which V2 call is validated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum KindV2 {
    /// `requestPayment` (`validate_naver_pay_v2`).
    Payment,
    /// `requestIssueBillingKey` (`validate_billing_key_v2`).
    BillingKey,
}

/// The only method a Naver Pay channel takes (`payMethod`, `billingKeyMethod`).
const EASY_PAY: &str = "EASY_PAY";

/// As V1's `check`: the report without its request, and what the request adds to `params`.
pub(crate) fn check(params: &Value, options: &ValidateOptions, kind: KindV2) -> (ValidationReport, Option<Additions>) {
    let (mut c, map) = match Checker::start(params, options) {
        Ok(started) => started,
        Err(report) => return (report, None),
    };
    let mode = c.mode_by(map, options, "forceRedirect", false);
    let mut additions = Vec::new();
    let table = match kind {
        KindV2::Payment => {
            c.channel(map, true);
            let amount = c.amount(map.get("totalAmount"), "totalAmount", options.min_amount);
            for key in catalog::V2_AMOUNT_PARTS {
                c.part_of_amount(map.get(key), key, amount);
            }
            if c.currency(map) {
                additions.push(("currency", Value::from("KRW")));
            }
            if c.method(map, "payMethod") {
                additions.push(("payMethod", Value::from(EASY_PAY)));
            }
            let (count, first_name) = c.payment_bypass(map);
            if let Some(name) = c.order_name(map, count, first_name) {
                additions.push(("orderName", Value::from(name)));
            }
            catalog::V2_PAYMENT
        }
        KindV2::BillingKey => {
            c.channel(map, false);
            if c.method(map, "billingKeyMethod") {
                additions.push(("billingKeyMethod", Value::from(EASY_PAY)));
            }
            c.display_amount(map);
            if let Some(bypass) = c.nested(map, "bypass", catalog::V2_BILLING_KEY_BYPASS, false) {
                c.nested_at(bypass, "naverpay", "bypass.naverpay", catalog::V2_NAVERPAY_BILLING_BYPASS, false);
            }
            catalog::V2_BILLING_KEY
        }
    };
    c.customer(map);
    c.window_type(map);
    c.redirect_url_v2(map, mode);
    c.notice_urls(map);
    c.locale_v2(map);
    c.easy_pay(map);
    c.table(map, table, "", catalog::REQUIRED);
    c.secrets(params, &Place::Top, 0);

    let additions = c.clean().then(|| {
        additions.push(("forceRedirect", Value::Bool(mode == PayMode::Redirect)));
        Additions(additions)
    });
    (c.finish(mode), additions)
}

impl Checker {
    /// `channelKey` (or, for a payment, `channelGroupId`): one of them is required.
    fn channel(&mut self, map: &Map, group_too: bool) {
        let fields: &[&str] = if group_too { &["channelKey", "channelGroupId"] } else { &["channelKey"] };
        let mut given = false;
        for field in fields {
            let value = map.get(field);
            // A wrong type is reported here, and counts as given: one issue per mistake.
            given |= !value.is_absent() && self.string(value, field, false) != Some("");
        }
        if !given {
            let detail = if group_too { Detail::Text("channelKey | channelGroupId") } else { Detail::None };
            self.error(C::Required, "channelKey", detail);
        }
    }

    /// `currency`: `KRW` or `CURRENCY_KRW`. Returns whether it is absent (then `KRW` is added).
    fn currency(&mut self, map: &Map) -> bool {
        let Some(currency) = self.string(map.get("currency"), "currency", false) else {
            return map.get("currency").is_absent();
        };
        if !catalog::V2_CURRENCIES.contains(&currency) {
            self.error(C::InvalidValue, "currency", Detail::Text("KRW, CURRENCY_KRW"));
        }
        false
    }

    /// `payMethod` / `billingKeyMethod`: `EASY_PAY`. Returns whether it is absent (then added).
    fn method(&mut self, map: &Map, field: &str) -> bool {
        match self.string(map.get(field), field, false) {
            None => map.get(field).is_absent(),
            Some(m) => {
                if m != EASY_PAY {
                    self.error(C::InvalidValue, field, Detail::Text(EASY_PAY));
                }
                false
            }
        }
    }

    /// `displayAmount` and `currency` of a billing key: both or neither.
    fn display_amount(&mut self, map: &Map) {
        let amount = !map.get("displayAmount").is_absent();
        let currency = !map.get("currency").is_absent();
        self.integer_in(map.get("displayAmount"), "displayAmount", false, 0, MAX_SAFE_U64);
        self.currency(map);
        if amount != currency {
            let (missing, other) =
                if amount { ("currency", &rule::WITH_DISPLAY_AMOUNT) } else { ("displayAmount", &rule::WITH_CURRENCY) };
            self.error(C::Required, missing, Detail::Rule(other));
        }
    }

    /// The object at `map[key]` checked against `table` (at path `key` below `map`'s path), when it
    /// is one; `required` makes its absence `REQUIRED`. Returns it.
    fn nested<'m>(&mut self, map: &'m Map, key: &str, table: &'static [Field], required: bool) -> Option<&'m Map> {
        self.nested_at(map, key, key, table, required)
    }

    fn nested_at<'m>(
        &mut self,
        map: &'m Map,
        key: &str,
        path: &str,
        table: &'static [Field],
        required: bool,
    ) -> Option<&'m Map> {
        match map.get(key) {
            Value::Undefined | Value::Null if required => self.error(C::Required, path, Detail::None),
            Value::Undefined => {}
            Value::Object(inner) => {
                self.table(inner, table, path, catalog::REQUIRED);
                return Some(inner);
            }
            _ => self.error(C::InvalidType, path, Detail::Expected("object")),
        }
        None
    }

    /// `bypass.naverpay` of a payment: `useCfmYmdt`, and `productItems` (required, not empty).
    /// Returns how many products there are and the first one's name when it is valid.
    fn payment_bypass<'m>(&mut self, map: &'m Map) -> (usize, Option<&'m str>) {
        let Some(bypass) = self.nested(map, "bypass", catalog::V2_PAYMENT_BYPASS, true) else {
            return (0, None);
        };
        let path = "bypass.naverpay";
        let Some(naverpay) = self.nested_at(bypass, "naverpay", path, catalog::V2_NAVERPAY_BYPASS, true) else {
            return (0, None);
        };
        if let Some(use_cfm) = self.date(naverpay.get("useCfmYmdt"), "bypass.naverpay.useCfmYmdt", false) {
            if self.today.is_some_and(|today| use_cfm < today) {
                self.error(C::DateInPast, "bypass.naverpay.useCfmYmdt", Detail::None);
            }
        }
        let field = "bypass.naverpay.productItems";
        let items = match naverpay.get("productItems") {
            Value::Undefined | Value::Null => {
                self.error(C::Required, field, Detail::None);
                return (0, None);
            }
            Value::Array(items) => items,
            _ => {
                self.error(C::InvalidType, field, Detail::Expected("array"));
                return (0, None);
            }
        };
        if items.is_empty() {
            self.error(C::Required, field, Detail::Expected("non-empty array"));
        }
        let mut first = None;
        for (i, item) in items.iter().enumerate() {
            let mut prefix = String::from("bypass.naverpay.productItems");
            text::push_index(&mut prefix, i);
            let name = self.product_at(prefix, item, false);
            if i == 0 {
                first = name;
            }
        }
        (items.len(), first)
    }

    /// `orderName`: at most its row's characters; absent → the first product's name, returned to add.
    /// With several products it should be the first one's name (Naver Pay adds "외 N개").
    fn order_name<'m>(&mut self, map: &'m Map, count: usize, first: Option<&'m str>) -> Option<&'m str> {
        let field = "orderName";
        if map.get(field).is_absent() {
            match first {
                Some(first) => return Some(first),
                None if count > 0 => {}
                None => self.error(C::Required, field, Detail::None),
            }
            return None;
        }
        if let (Some(name), Some(first)) =
            (self.short_string(map.get(field), field, true, catalog::max_chars!(V2_PAYMENT, "orderName")), first)
        {
            if count > 1 && name != first {
                let rule = "bypass.naverpay.productItems[0].name";
                self.warn(C::NameMismatch, field, Detail::Text(rule));
            }
        }
        None
    }

    /// `customer`: its table, the formats of `email` and `phoneNumber`, and the birth date, whose
    /// year, month and day go together (naverpay.mdx) and name a real day that is not in the future.
    fn customer(&mut self, map: &Map) {
        let Some(customer) = self.nested(map, "customer", catalog::V2_CUSTOMER, false) else {
            return;
        };
        if let Some(email) = self.string(customer.get("email"), "customer.email", false) {
            if !email.is_empty() && !crate::validate::fields::is_email(email) {
                self.error(C::InvalidFormat, "customer.email", Detail::None);
            }
        }
        if let Some(tel) = self.string(customer.get("phoneNumber"), "customer.phoneNumber", false) {
            if !tel.is_empty() && !crate::validate::fields::is_tel(tel) {
                self.error(C::InvalidFormat, "customer.phoneNumber", Detail::Rule(&rule::TEL));
            }
        }
        let parts = [("birthYear", 4, 4), ("birthMonth", 1, 2), ("birthDay", 1, 2)];
        let given = parts.iter().filter(|(key, ..)| !customer.get(key).is_absent()).count();
        let mut ymd = [0u32; 3];
        let mut complete = given == parts.len();
        for ((key, min, max), slot) in parts.iter().zip(&mut ymd) {
            let mut path = String::from("customer.");
            path.push_str(key);
            match self.string(customer.get(key), &path, given > 0) {
                Some(s) if (*min..=*max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) => {
                    *slot = text::digits_value(s).unwrap_or(0);
                }
                Some(_) => {
                    let rule = if *min == 4 { "yyyy" } else { "M, MM" };
                    self.error(C::InvalidFormat, &path, Detail::Text(rule));
                    complete = false;
                }
                None => complete = false,
            }
        }
        if complete {
            let [year, month, day] = ymd;
            let mut written = String::new();
            text::push_padded(&mut written, u64::from(year), 4);
            text::push_padded(&mut written, u64::from(month), 2);
            text::push_padded(&mut written, u64::from(day), 2);
            match Ymd::parse(&written) {
                None => self.error(C::InvalidDate, "customer.birthDay", Detail::None),
                Some(birth) if self.today.is_some_and(|today| birth > today) => {
                    self.error(C::InvalidDate, "customer.birthYear", Detail::Rule(&rule::NOT_IN_FUTURE));
                }
                Some(_) => {}
            }
        }
    }

    /// `windowType`: Naver Pay takes `pc: POPUP` and `mobile: REDIRECTION` only (naverpay.mdx).
    fn window_type(&mut self, map: &Map) {
        let Some(types) = self.nested(map, "windowType", catalog::V2_WINDOW_TYPES, false) else {
            return;
        };
        for (key, path, only) in [("pc", "windowType.pc", "POPUP"), ("mobile", "windowType.mobile", "REDIRECTION")] {
            if self.string(types.get(key), path, false).is_some_and(|t| t != only) {
                self.error(C::InvalidValue, path, Detail::Text(only));
            }
        }
    }

    /// `redirectUrl`: an `http(s)` URL, required in redirect mode (as V1's `m_redirect_url`).
    fn redirect_url_v2(&mut self, map: &Map, mode: PayMode) {
        let field = "redirectUrl";
        let redirect = mode == PayMode::Redirect;
        match map.get(field) {
            Value::Undefined | Value::Null if redirect => self.error(C::RedirectUrlRequired, field, Detail::None),
            Value::String(s) if s.is_empty() && redirect => self.error(C::RedirectUrlRequired, field, Detail::None),
            Value::Undefined => {}
            Value::String(s) => {
                if !url::is_http_url(s) {
                    self.error(C::InvalidUrl, field, Detail::Text("http(s)"));
                }
            }
            _ => self.error(C::InvalidType, field, Detail::Expected("string")),
        }
    }

    /// `noticeUrls`: an array of `http(s)` URLs.
    fn notice_urls(&mut self, map: &Map) {
        let Value::Array(urls) = map.get("noticeUrls") else {
            if !map.get("noticeUrls").is_absent() {
                self.error(C::InvalidType, "noticeUrls", Detail::Expected("string[]"));
            }
            return;
        };
        for (i, url) in urls.iter().enumerate() {
            let mut path = String::from("noticeUrls[");
            text::push_u64(&mut path, i as u64);
            path.push(']');
            match url {
                Value::String(u) if url::is_http_url(u) => {}
                Value::String(_) => self.error(C::InvalidUrl, &path, Detail::Text("http(s)")),
                _ => self.error(C::InvalidType, &path, Detail::Expected("string")),
            }
        }
    }

    /// `locale`: Naver Pay shows Korean only; another locale is ignored, with a warning.
    fn locale_v2(&mut self, map: &Map) {
        if self.string(map.get("locale"), "locale", false).is_some_and(|l| l != "KO_KR") {
            self.warn(C::IgnoredField, "locale", Detail::Text("KO_KR"));
        }
    }

    /// `easyPay`: its table; an `easyPayProvider` other than `NAVERPAY` is ignored, with a warning.
    fn easy_pay(&mut self, map: &Map) {
        let Some(easy_pay) = self.nested(map, "easyPay", catalog::V2_EASY_PAY, false) else {
            return;
        };
        let path = "easyPay.easyPayProvider";
        if self.string(easy_pay.get("easyPayProvider"), path, false).is_some_and(|p| p != "NAVERPAY") {
            self.warn(C::IgnoredField, path, Detail::Text("NAVERPAY"));
        }
    }
}
