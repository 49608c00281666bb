//! The Rust API a server sees: the crate root is its one path, and the body builders' error is a
//! `std::error::Error`, so `?` takes it into `Box<dyn Error>` beside any other error.

use std::error::Error;

use naverpay_checkout::{BodyError, BodyOptions, CancelPayment, ErrorCode};

/// 2020-01-01T00:00:00Z.
const NOW_MS: f64 = 1_577_836_800_000.0;

fn cancel(imp_uid: &str, reason: &str) -> Result<String, Box<dyn Error>> {
    let body = CancelPayment::by_imp_uid(imp_uid, reason).build(&BodyOptions::at(NOW_MS))?;
    Ok(body.form)
}

#[test]
fn a_body_error_goes_through_question_mark_into_box_dyn_error() {
    assert_eq!(
        cancel("imp_1", "changed mind").ok().as_deref(),
        Some("imp_uid=imp_1&reason=changed+mind&extra[requester]=admin")
    );
    let error = cancel("", "").expect_err("two problems");
    let issues = error.downcast_ref::<BodyError>().expect("a BodyError inside the box");
    assert_eq!(
        issues.iter().map(|i| (i.code, i.field.as_str())).collect::<Vec<_>>(),
        [(ErrorCode::Required, "imp_uid"), (ErrorCode::Required, "reason")]
    );
    assert!(error.source().is_none());
}

#[test]
fn a_body_error_displays_every_message_in_order() {
    let options = BodyOptions { locale: naverpay_checkout::Locale::En, ..BodyOptions::at(NOW_MS) };
    let error = CancelPayment::by_imp_uid("", "").build(&options).expect_err("two problems");
    let text = error.to_string();
    let messages: Vec<&str> = error.issues().iter().map(|i| i.message.as_str()).collect();
    assert_eq!(text, format!("invalid params: {}", messages.join("; ")));
    assert!(text.contains("imp_uid") && text.contains("reason"), "{text}");
    assert_eq!(error.clone().into_issues().len(), error.len());
}
