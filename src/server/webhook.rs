//! The body of a V1 webhook: `imp_uid`, `merchant_uid`, `status`, `cancellation_id`, posted as JSON
//! or as a form (PortOne's webhook page, `opi/ko/integration/webhook/readme-v1.mdx` of
//! portone-io/developers.portone.io at af926bd2). V1 webhooks carry no signature: the notice only
//! says which payment to look up again, and its `status` is a hint, never a verdict.

use crate::error::{Detail, ErrorCode, FieldIssue, Locale};
use crate::value::Value;

/// A webhook notice that names a payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookNotice {
    /// PortOne's payment id: what the server looks up.
    pub imp_uid: String,
    /// The order the notice claims the payment is for.
    pub merchant_uid: String,
    /// The status the notice claims (`paid`, `ready`, `cancelled`, `failed`), when it has one.
    pub status: Option<String>,
    /// The cancellation the notice is about, when it has one.
    pub cancellation_id: Option<String>,
}

/// The notice in `body` (a JSON object, or a form read into one), or every problem with it:
/// `imp_uid` and `merchant_uid` must be non-empty strings; `status` and `cancellation_id`, when
/// present and not `null`, strings. Other fields are ignored (PortOne may add some).
pub fn read_webhook(body: &Value, locale: Locale) -> Result<WebhookNotice, Vec<FieldIssue>> {
    let Some(map) = body.as_object() else {
        return Err(vec![FieldIssue::new(ErrorCode::InvalidType, "", locale, Detail::Expected("object"))]);
    };
    let mut issues = Vec::new();
    let mut required = |field: &str| match map.get(field) {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Undefined | Value::Null | Value::String(_) => {
            issues.push(FieldIssue::new(ErrorCode::Required, field, locale, Detail::None));
            None
        }
        _ => {
            issues.push(FieldIssue::new(ErrorCode::InvalidType, field, locale, Detail::Expected("string")));
            None
        }
    };
    let imp_uid = required("imp_uid");
    let merchant_uid = required("merchant_uid");
    let mut optional = |field: &str| match map.get(field) {
        Value::String(s) => Some(s.clone()),
        Value::Undefined | Value::Null => None,
        _ => {
            issues.push(FieldIssue::new(ErrorCode::InvalidType, field, locale, Detail::Expected("string")));
            None
        }
    };
    let status = optional("status");
    let cancellation_id = optional("cancellation_id");
    match (imp_uid, merchant_uid) {
        (Some(imp_uid), Some(merchant_uid)) if issues.is_empty() => {
            Ok(WebhookNotice { imp_uid, merchant_uid, status, cancellation_id })
        }
        _ => Err(issues),
    }
}
