//! `DELETE /subscribe/customers/{customer_uid}`: deleting a billing key.

use super::check;
use super::{build_delete_billing_key_body, form, Body, BodyOptions, Requester};
use crate::catalog;
use crate::error::{Detail, ErrorCode, FieldIssue};
use crate::value::{Map, Value};

pub(super) fn build(input: &Value, options: &BodyOptions) -> Result<Body, Vec<FieldIssue>> {
    let (map, mut issues) = check::top_level(input, catalog::DELETE_BILLING_KEY, options)?;

    let customer_uid = issues.short_string(
        map.get("customer_uid"),
        "customer_uid",
        true,
        catalog::max_chars!(DELETE_BILLING_KEY, "customer_uid"),
    );
    // `.` and `..` are dot segments, which every URL parser removes from a path (`%2E` too): the
    // request would reach `/subscribe/customers/` or `/subscribe/`, never this key.
    if matches!(customer_uid, Some("." | "..")) {
        issues.error(ErrorCode::InvalidValue, "customer_uid", Detail::None);
    }
    issues.string(map.get("reason"), "reason", true);
    let extra = check::requester_extra(map, &mut issues);
    // The key travels in the path, the rest in the query.
    let replaced = vec![("customer_uid", None), extra];
    let mut body = check::finish(issues, || check::write(catalog::DELETE_BILLING_KEY, map, replaced))?;
    body.path = customer_uid.map(|uid| form::path("/subscribe/customers/", uid));
    Ok(body)
}

/// Deleting a billing key (`DELETE /subscribe/customers/{customer_uid}`), for Rust servers.
///
/// `reason` is required, so it is in the constructor; the requester defaults to
/// [`Requester::Admin`] and is always written (naver.mdx: the inspection fails without both).
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use naverpay_checkout::{BodyOptions, DeleteBillingKey, Requester};
///
/// let request = DeleteBillingKey::new("gildong_0001_1234", "Cancelled by the buyer")
///     .requester(Requester::Customer)
///     .build(&BodyOptions::at(0.0))?;
/// assert_eq!(request.path.as_deref(), Some("/subscribe/customers/gildong_0001_1234"));
/// assert_eq!(request.form, "reason=Cancelled+by+the+buyer&extra[requester]=customer"); // the query
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a request does nothing until it is built"]
pub struct DeleteBillingKey {
    customer_uid: String,
    reason: String,
    requester: Requester,
}

impl DeleteBillingKey {
    /// Deletes the billing key `customer_uid`, for `reason`.
    pub fn new(customer_uid: impl Into<String>, reason: impl Into<String>) -> Self {
        DeleteBillingKey { customer_uid: customer_uid.into(), reason: reason.into(), requester: Requester::Admin }
    }

    /// Who asks for the deletion (default [`Requester::Admin`]).
    pub fn requester(mut self, requester: Requester) -> Self {
        self.requester = requester;
        self
    }

    /// The input [`build_delete_billing_key_body`] receives.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("customer_uid", self.customer_uid.as_str());
        map.insert("reason", self.reason.as_str());
        map.insert("extra", Map::from_iter([("requester", self.requester.as_str())]));
        Value::Object(map)
    }

    /// Checks the request and builds it, exactly as [`build_delete_billing_key_body`] does.
    pub fn build(&self, options: &BodyOptions) -> Result<Body, super::BodyError> {
        build_delete_billing_key_body(&self.to_value(), options)
    }
}
