//! Formats of single string fields: pure predicates, no messages.

use crate::text;

/// `naverpay`, or `naverpay.<MID>` with a non-empty MID.
pub(crate) fn is_naverpay_pg(pg: &str) -> bool {
    pg == "naverpay"
        || pg
            .strip_prefix("naverpay.")
            .is_some_and(|mid| !mid.is_empty() && !mid.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// An address with exactly one `@`, something before it, and a dot inside the domain.
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = text::split_once(s, b'@') else { return false };
    !local.is_empty()
        && !text::has(domain, b'@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && text::split(domain, b'.').count() >= 2
        && text::split(domain, b'.').all(|label| !label.is_empty())
}

/// Digits with optional `-` and one leading `+`, 8 to 20 characters, starting and ending with a digit.
pub(crate) fn is_tel(s: &str) -> bool {
    let body = s.strip_prefix("+").unwrap_or(s);
    (8..=20).contains(&s.len())
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && body.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && body.bytes().last().is_some_and(|b| b.is_ascii_digit())
}

/// A `sellerId`: ASCII letters and digits, 1 to 30 of them.
pub(crate) fn is_seller_id(s: &str) -> bool {
    (1..=30).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert!(is_naverpay_pg("naverpay") && is_naverpay_pg("naverpay.np_12345"));
        assert!(!is_naverpay_pg("naverpay.") && !is_naverpay_pg("naverco") && !is_naverpay_pg("kakaopay.x"));
        assert!(is_email("iamport@siot.do") && is_email("a.b+c@mail.example.co.kr"));
        for bad in ["iamport", "a@b", "a@@b.c", "@b.c", "a@b.", "a@.b", "a b@c.d", "a@b@c.d"] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_tel("010-1234-5678") && is_tel("01012345678") && is_tel("+82-10-1234-5678"));
        for bad in [
            "010-123",
            "--------",
            "+--12345678",
            "010 1234 5678",
            "010-1234-5678-0000-000",
            "1234567-",
            "++821012345678",
        ] {
            assert!(!is_tel(bad), "{bad}");
        }
        assert!(is_seller_id("seller01") && !is_seller_id("seller_01") && !is_seller_id(""));
    }
}
