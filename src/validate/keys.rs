//! Keys that do not belong: REST credentials, and fields IMP does not know (with a suggestion
//! when the key looks like a typo of a known one).

use crate::catalog::{SECRET_KEY_NAMES, SECRET_KEY_PARTS};
use crate::text::find_bytes;

/// No normalised key shorter than the shortest secret name or fragment can be one.
const SHORTEST_SECRET: usize = shortest(SECRET_KEY_NAMES, shortest(SECRET_KEY_PARTS, usize::MAX));

// Evaluated at compile time: an index out of range would fail the build, not a payment.
#[allow(clippy::indexing_slicing)]
const fn shortest(names: &[&str], mut min: usize) -> usize {
    let mut i = 0;
    while i < names.len() {
        if names[i].len() < min {
            min = names[i].len();
        }
        i += 1;
    }
    min
}

/// Whether `key` names a REST credential: compared in lower case, ignoring `_` and `-`.
pub(crate) fn is_secret_key(key: &str) -> bool {
    // Normalised on the stack: this runs for every key of every cart.
    let normalised = key.bytes().filter(|b| *b != b'_' && *b != b'-').map(|b| b.to_ascii_lowercase());
    let mut buf = [0u8; 64];
    let mut len = 0;
    for b in normalised.clone() {
        if let Some(slot) = buf.get_mut(len) {
            *slot = b;
        }
        len += 1;
    }
    let heap: Vec<u8>;
    let norm = match buf.get(..len) {
        Some(norm) => norm,
        None => {
            heap = normalised.collect();
            &heap
        }
    };
    norm.len() >= SHORTEST_SECRET
        && (SECRET_KEY_NAMES.iter().any(|n| n.as_bytes() == norm)
            || SECRET_KEY_PARTS.iter().any(|p| find_bytes(norm, p.as_bytes()).is_some()))
}

/// Keys longer than this are never typos worth a suggestion (and keep the distance cheap).
const MAX_SUGGEST_LEN: usize = 64;

/// The known field `key` is probably a typo of: edit distance at most 2 ignoring case, and small
/// next to the known name's length, so that short custom keys (`id`) are not taken for `pg`.
pub(crate) fn suggestion(key: &str, known: &[&'static str]) -> Option<&'static str> {
    if key.chars().count() > MAX_SUGGEST_LEN {
        return None;
    }
    known
        .iter()
        .map(|k| (*k, distance(key, k)))
        .filter(|(k, d)| *d <= 2 && d * 3 <= k.chars().count())
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}

/// Levenshtein distance, ASCII case-insensitive.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().map(|c| c.to_ascii_lowercase()).enumerate() {
        let mut cur = Vec::with_capacity(prev.len());
        cur.push(i + 1);
        for (pair, cb) in prev.windows(2).zip(&b) {
            let [diag, up] = *pair else { continue };
            let left = cur.last().copied().unwrap_or(i + 1);
            cur.push((diag + usize::from(ca != *cb)).min(up + 1).min(left + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_ignoring_case() {
        assert_eq!(distance("naverPopUpMode", "naverPopupMode"), 0);
        assert_eq!(distance("amout", "amount"), 1);
        assert_eq!(distance("merchantUid", "merchant_uid"), 1);
        assert_eq!(distance("", "pg"), 2);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn secrets_are_found_by_normalised_name() {
        for k in
            ["imp_key", "imp_secret", "IMP-SECRET", "apiSecret", "api_key", "x-api-key", "access_token", "password"]
        {
            assert!(is_secret_key(k), "{k}");
        }
        let long = format!("{}_client_secret", "x".repeat(80));
        assert!(is_secret_key(&long), "a key longer than the stack buffer");
        for k in ["naverMerchantUserKey", "customer_uid", "channelKey", "merchant_uid", "buyer_tel", &"y".repeat(100)] {
            assert!(!is_secret_key(k), "{k}");
        }
    }
}
