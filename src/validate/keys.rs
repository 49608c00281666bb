//! Keys that do not belong: REST credentials, and fields IMP does not know (with a suggestion
//! when the key looks like a typo of a known one).

use crate::catalog::{SECRET_KEY_NAMES, SECRET_KEY_PARTS};
use crate::text::find_bytes;

/// No normalised key shorter than the shortest secret name or fragment can be one.
const SHORTEST_SECRET: usize = shortest(SECRET_KEY_NAMES, shortest(SECRET_KEY_PARTS, usize::MAX));

// Evaluated at compile time, as are the letter sets below: an index out of range would fail the
// build, not a payment.
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

/// The letters `a`–`z` a name or fragment holds, a bit each (`a` is bit 0).
#[allow(clippy::indexing_slicing)]
const fn letters(name: &str) -> u32 {
    let bytes = name.as_bytes();
    let (mut mask, mut i) = (0, 0);
    while i < bytes.len() {
        mask |= letter(bytes[i]);
        i += 1;
    }
    mask
}

/// `b`'s bit in [`letters`], 0 for any byte but `a`–`z`.
const fn letter(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// How many names and fragments [`SECRET_KEY_NAMES`] and [`SECRET_KEY_PARTS`] hold.
const SECRETS: usize = SECRET_KEY_NAMES.len() + SECRET_KEY_PARTS.len();

/// The [`letters`] of each name and fragment, each set but those that hold all the letters of
/// another (a key that holds such a set holds the other too: `clientsecret` is `secret`'s case),
/// in the first places; and how many they are.
#[allow(clippy::indexing_slicing)]
const FEWEST_LETTERS: ([u32; SECRETS], usize) = {
    let mut all = [0; SECRETS];
    let mut i = 0;
    while i < SECRETS {
        all[i] = letters(if i < SECRET_KEY_NAMES.len() {
            SECRET_KEY_NAMES[i]
        } else {
            SECRET_KEY_PARTS[i - SECRET_KEY_NAMES.len()]
        });
        i += 1;
    }
    let (mut kept, mut n) = ([0; SECRETS], 0);
    i = 0;
    while i < SECRETS {
        let mut j = 0;
        // Of two equal sets, the first stays.
        while j < SECRETS && (j == i || all[j] & !all[i] != 0 || (all[j] == all[i] && j > i)) {
            j += 1;
        }
        if j == SECRETS {
            kept[n] = all[i];
            n += 1;
        }
        i += 1;
    }
    (kept, n)
};

/// The sets of letters of which a secret key holds one, as [`FEWEST_LETTERS`] leaves them.
#[allow(clippy::indexing_slicing)]
const SECRET_LETTERS: [u32; FEWEST_LETTERS.1] = {
    let mut out = [0; FEWEST_LETTERS.1];
    let mut i = 0;
    while i < out.len() {
        out[i] = FEWEST_LETTERS.0[i];
        i += 1;
    }
    out
};

/// Whether `key` names a REST credential: compared as [`normalised`] says, then without a
/// trailing number (`imp_key_1`).
pub(crate) fn is_secret_key(key: &str) -> bool {
    // This runs for every key of every cart, so a key is first turned away by its letters, unless
    // it holds all of some name's or fragment's. Normalising only drops characters or reads a
    // character that is not ASCII as a letter, so a key's letters (any such character counting as
    // every letter) hold those of its normalised form.
    let mut held = 0;
    for &b in key.as_bytes() {
        held |= if b.is_ascii() { letter(b.to_ascii_lowercase()) } else { u32::MAX };
    }
    if !SECRET_LETTERS.iter().any(|letters| letters & !held == 0) {
        return false;
    }
    // Normalised on the stack.
    let mut buf = [0u8; 64];
    let mut heap = Vec::new();
    let mut len = 0;
    for b in normalised(key) {
        match buf.get_mut(len) {
            Some(slot) => *slot = b,
            None => {
                if heap.is_empty() {
                    heap.extend_from_slice(&buf);
                }
                heap.push(b);
            }
        }
        len += 1;
    }
    let norm = buf.get(..len).unwrap_or(&heap);
    let digits = norm.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let norm = norm.get(..norm.len() - digits).unwrap_or(norm);
    norm.len() >= SHORTEST_SECRET
        && (SECRET_KEY_NAMES.iter().any(|n| n.as_bytes() == norm)
            || SECRET_KEY_PARTS.iter().any(|p| find_bytes(norm, p.as_bytes()).is_some()))
}

/// `key` as bytes to compare with the tables: ASCII lower case; separators (`_ - .`, spaces) and
/// every default-ignorable code point (invisible: zero-width characters, the soft hyphen, variation
/// selectors, tags, fillers, …) dropped; fullwidth forms and the Cyrillic and Greek letters that
/// look like Latin ones read as those; any other character as a byte no name holds.
fn normalised(key: &str) -> impl Iterator<Item = u8> + '_ {
    key.chars().filter_map(|c| {
        let code = u32::from(c);
        let ascii = match code {
            0..=0x7f => code,
            0xff01..=0xff5e => code - 0xfee0,
            _ if is_invisible(code) => return None,
            _ => {
                let lookalike = LOOKALIKES.iter().find(|(from, _)| u32::from(*from) == code);
                return Some(lookalike.map_or(0xff, |(_, to)| *to));
            }
        };
        let b = ascii as u8;
        (!matches!(b, b'_' | b'-' | b'.') && !b.is_ascii_whitespace()).then(|| b.to_ascii_lowercase())
    })
}

/// Spaces, and Unicode's `Default_Ignorable_Code_Point` (DerivedCoreProperties.txt, Unicode 15.1):
/// characters a renderer shows as blank or as nothing, so a key that holds them reads as the key
/// without them. Each range is one or both kinds: U+2000–200A are spaces and U+200B–200F
/// ignorable, U+2028/2029/202F spaces and U+202A–202E ignorable, U+205F a space and U+2060–206F
/// ignorable.
fn is_invisible(code: u32) -> bool {
    matches!(code, 0xa0 | 0xad | 0x34f | 0x61c | 0x115f..=0x1160 | 0x17b4..=0x17b5 | 0x180b..=0x180f
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x206f | 0x3000 | 0x3164 | 0xfe00..=0xfe0f | 0xfeff | 0xffa0
        | 0xfff0..=0xfff8 | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0000..=0xe0fff)
}

/// The Cyrillic and Greek letters that look like Latin ones, by the letter they pass for.
const LOOKALIKES: &[(u16, u8)] = &[
    (0x430, b'a'),
    (0x410, b'a'),
    (0x3b1, b'a'),
    (0x391, b'a'),
    (0x432, b'b'),
    (0x412, b'b'),
    (0x3b2, b'b'),
    (0x392, b'b'),
    (0x441, b'c'),
    (0x421, b'c'),
    (0x3f2, b'c'),
    (0x435, b'e'),
    (0x415, b'e'),
    (0x3b5, b'e'),
    (0x395, b'e'),
    (0x43d, b'h'),
    (0x41d, b'h'),
    (0x397, b'h'),
    (0x456, b'i'),
    (0x406, b'i'),
    (0x3b9, b'i'),
    (0x399, b'i'),
    (0x4cf, b'i'),
    (0x458, b'j'),
    (0x408, b'j'),
    (0x43a, b'k'),
    (0x41a, b'k'),
    (0x3ba, b'k'),
    (0x39a, b'k'),
    (0x43c, b'm'),
    (0x41c, b'm'),
    (0x39c, b'm'),
    (0x43f, b'n'),
    (0x39d, b'n'),
    (0x43e, b'o'),
    (0x41e, b'o'),
    (0x3bf, b'o'),
    (0x39f, b'o'),
    (0x440, b'p'),
    (0x420, b'p'),
    (0x3c1, b'p'),
    (0x3a1, b'p'),
    (0x455, b's'),
    (0x405, b's'),
    (0x442, b't'),
    (0x422, b't'),
    (0x3c4, b't'),
    (0x3a4, b't'),
    (0x3c5, b'u'),
    (0x475, b'v'),
    (0x3bd, b'v'),
    (0x445, b'x'),
    (0x425, b'x'),
    (0x3c7, b'x'),
    (0x3a7, b'x'),
    (0x443, b'y'),
    (0x423, b'y'),
    (0x3b3, b'y'),
    (0x396, b'z'),
];

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
    let len = key.chars().count();
    if len > MAX_SUGGEST_LEN {
        return None;
    }
    known
        .iter()
        // A length two or more apart is more than two edits: no distance to compute (a thousand
        // unknown keys cost a thousand length checks per known field, not a thousand tables).
        .filter(|k| k.chars().count().abs_diff(len) <= 2)
        .map(|k| (*k, distance(key, k)))
        .filter(|(k, d)| *d <= 2 && d * 3 <= k.chars().count())
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}

/// Levenshtein distance, ASCII case-insensitive: one row of the table, updated in place.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().map(|c| c.to_ascii_lowercase()).enumerate() {
        // The cell above-left, and the one just written (column 0 of this row is i + 1).
        let (mut diag, mut left) = (i, i + 1);
        for (cell, cb) in row.iter_mut().skip(1).zip(&b) {
            let up = *cell;
            left = (diag + usize::from(ca != *cb)).min(up + 1).min(left + 1);
            diag = up;
            *cell = left;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_secret_name_and_fragment_holds_a_kept_set_of_letters() {
        for name in SECRET_KEY_NAMES.iter().chain(SECRET_KEY_PARTS) {
            let held = letters(name);
            assert!(SECRET_LETTERS.iter().any(|set| set & !held == 0), "{name}");
        }
        // Sets that say nothing more are left out: `clientsecret` is `secret`'s case.
        assert!(SECRET_LETTERS.len() < SECRETS);
        assert!(!SECRET_LETTERS.contains(&letters("clientsecret")));
    }

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
            "imp.key",
            "imp key",
            "imp_key ",
            "imp\u{200b}_key",
            "imp\u{ad}secret",
            "\u{ff49}\u{ff4d}\u{ff50}_key",
            "imp_s\u{435}cret",
            "IMP_KEY_1",
            "imp_secret2",
            "iamport_key",
            "portone_key",
            "rest_key",
            "api_token",
            "Api-Token",
            "\u{feff}imp_key",
        ] {
            assert!(is_secret_key(k), "{k:?}");
        }
        for field in crate::catalog::REQUEST_PAY.iter().chain(crate::catalog::PRODUCT) {
            assert!(!is_secret_key(field.name), "{}", field.name);
        }
        for k in ["order_id", "coupon", "상품", "key", "token", "monkey", "apartment", "restaurant_key_card"] {
            assert!(!is_secret_key(k), "{k}");
        }
    }

    #[test]
    fn every_default_ignorable_code_point_inside_a_secret_name_is_dropped() {
        // The 26 spellings of issue 22, then one of each range of the property.
        let invisible = [
            '\u{2061}',
            '\u{2062}',
            '\u{2063}',
            '\u{2064}',
            '\u{34f}',
            '\u{fe00}',
            '\u{fe0f}',
            '\u{180b}',
            '\u{180c}',
            '\u{180d}',
            '\u{180f}',
            '\u{61c}',
            '\u{17b4}',
            '\u{17b5}',
            '\u{115f}',
            '\u{1160}',
            '\u{3164}',
            '\u{ffa0}',
            '\u{e0001}',
            '\u{e0020}',
            '\u{e0069}',
            '\u{e007f}',
            '\u{e0100}',
            '\u{e01ef}',
            '\u{202a}',
            '\u{2066}',
            '\u{206f}',
            '\u{fff0}',
            '\u{1bca0}',
            '\u{1d173}',
            '\u{e0fff}',
            '\u{200b}',
            '\u{ad}',
            '\u{feff}',
        ];
        for c in invisible {
            for key in [format!("imp{c}_key"), format!("{c}imp_secret{c}"), format!("api{c}{c}key")] {
                assert!(is_secret_key(&key), "{key:?}");
            }
        }
        // Visible neighbours of those ranges are not dropped: the key stays an ordinary field.
        for c in ['\u{2070}', '\u{fe10}', '\u{1161}', '\u{17b6}', '\u{e1000}'] {
            assert!(!is_secret_key(&format!("imp{c}_key")), "{c:?}");
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
