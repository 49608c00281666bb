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

/// Whether `key` names a REST credential: compared as [`normalised`] says, then without a
/// trailing number (`imp_key_1`).
pub(crate) fn is_secret_key(key: &str) -> bool {
    // Normalised on the stack: this runs for every key of every cart.
    let mut buf = [0u8; 64];
    let mut len = 0;
    for b in normalised(key) {
        if let Some(slot) = buf.get_mut(len) {
            *slot = b;
        }
        len += 1;
    }
    let heap: Vec<u8>;
    let norm = match buf.get(..len) {
        Some(norm) => norm,
        None => {
            heap = normalised(key).collect();
            &heap
        }
    };
    let digits = norm.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let norm = norm.get(..norm.len() - digits).unwrap_or(norm);
    norm.len() >= SHORTEST_SECRET
        && (SECRET_KEY_NAMES.iter().any(|n| n.as_bytes() == norm)
            || SECRET_KEY_PARTS.iter().any(|p| find_bytes(norm, p.as_bytes()).is_some()))
}

/// `key` as bytes to compare with the tables: ASCII lower case; separators (`_ - .`, spaces),
/// zero-width characters and the soft hyphen dropped; fullwidth forms and the Cyrillic and Greek
/// letters that look like Latin ones read as those.
fn normalised(key: &str) -> impl Iterator<Item = u8> + '_ {
    key.chars().filter_map(|c| {
        let c = match u32::from(c) {
            0xff01..=0xff5e => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            _ => c,
        };
        if c.is_ascii() {
            return (!matches!(c, '_' | '-' | '.') && !c.is_ascii_whitespace()).then(|| c.to_ascii_lowercase() as u8);
        }
        Some(match c {
            // Spaces, zero-width characters, the soft hyphen, the BOM.
            '\u{a0}' | '\u{ad}' | '\u{180e}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{2064}'
            | '\u{3000}' | '\u{feff}' => return None,
            // Cyrillic and Greek letters that pass for Latin ones.
            'а' | 'А' | 'α' | 'Α' => b'a',
            'в' | 'В' | 'β' | 'Β' => b'b',
            'с' | 'С' | 'ϲ' => b'c',
            'е' | 'Е' | 'ε' | 'Ε' => b'e',
            'н' | 'Н' | 'Η' => b'h',
            'і' | 'І' | 'ι' | 'Ι' | 'ӏ' => b'i',
            'ј' | 'Ј' => b'j',
            'к' | 'К' | 'κ' | 'Κ' => b'k',
            'м' | 'М' | 'Μ' => b'm',
            'п' | 'Ν' => b'n',
            'о' | 'О' | 'ο' | 'Ο' => b'o',
            'р' | 'Р' | 'ρ' | 'Ρ' => b'p',
            'ѕ' | 'Ѕ' => b's',
            'т' | 'Т' | 'τ' | 'Τ' => b't',
            'υ' => b'u',
            'ѵ' | 'ν' => b'v',
            'х' | 'Х' | 'χ' | 'Χ' => b'x',
            'у' | 'У' | 'γ' => b'y',
            'Ζ' => b'z',
            // Any other character: a byte no name holds.
            _ => 0xff,
        })
    })
}

/// Whether `text` looks like JSON (starts with `{` or `[`) and names a credential as a key
/// (a quoted string followed by `:`): `custom_data: '{"imp_secret": "…"}'`.
pub(crate) fn json_names_secret(text: &str) -> bool {
    let mut bytes = text.bytes().skip_while(u8::is_ascii_whitespace);
    if !matches!(bytes.next(), Some(b'{' | b'[')) {
        return false;
    }
    // Each quoted string (a backslash escapes the next byte), and whether a `:` follows it.
    let (mut start, mut escaped, mut quoted) = (0, false, false);
    let mut after_string = None;
    for (i, b) in text.bytes().enumerate() {
        if quoted {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    quoted = false;
                    after_string = text.get(start..i);
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                quoted = true;
                start = i + 1;
            }
            b':' if after_string.is_some_and(is_secret_key) => return true,
            _ if b.is_ascii_whitespace() => continue,
            _ => {}
        }
        after_string = None;
    }
    false
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

    #[test]
    fn evasions_of_a_secret_name_are_found() {
        for k in [
            "imp.key", "imp key", "imp_key ", "imp\u{200b}_key", "imp\u{ad}secret", "\u{ff49}\u{ff4d}\u{ff50}_key",
            "imp_s\u{435}cret", "IMP_KEY_1", "imp_secret2", "iamport_key", "portone_key", "rest_key", "api_token",
            "Api-Token", "\u{feff}imp_key",
        ] {
            assert!(is_secret_key(k), "{k:?}");
        }
        for k in crate::catalog::REQUEST_PAY_FIELDS.iter().chain(crate::catalog::PRODUCT_FIELDS) {
            assert!(!is_secret_key(k), "{k}");
        }
        for k in ["order_id", "coupon", "상품", "key", "token", "monkey", "apartment", "restaurant_key_card"] {
            assert!(!is_secret_key(k), "{k}");
        }
    }

    #[test]
    fn json_looking_strings_are_searched_for_secret_keys() {
        assert!(json_names_secret(r#"{"imp_secret": "S"}"#));
        assert!(json_names_secret(r#" [{"a": 1}, {"api_key" : "k"}]"#));
        assert!(json_names_secret(r#"{"a\"b": 1, "imp_key":2}"#));
        assert!(!json_names_secret(r#"{"note": "imp_secret"}"#), "a value, not a key");
        assert!(!json_names_secret("imp_secret: S"), "not JSON-looking");
        assert!(!json_names_secret(r#"{"unterminated"#));
    }
}
