//! Substring search over bytes. `str::contains(&str)` brings in std's two-way searcher and, through
//! its char-boundary panic message, `char`'s `Debug` and Unicode tables: several KB of wasm for
//! needles of a few ASCII bytes.

/// The byte offset of the first `needle` in `haystack`.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// Whether `needle` occurs in `haystack`.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `prefix.key`, or `key` alone when `prefix` is empty: a field path such as `naverProducts[1].count`.
pub(crate) fn join_path(prefix: &str, key: &str) -> String {
    let mut path = String::with_capacity(prefix.len() + 1 + key.len());
    path.push_str(prefix);
    if !prefix.is_empty() {
        path.push('.');
    }
    path.push_str(key);
    path
}

/// Appends `n` in decimal (without `core::fmt`, on the validator's hot path).
pub(crate) fn push_u64(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut rest = n;
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || i == 0 {
            break;
        }
    }
    out.extend(digits.iter().skip(i).map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::{contains, find, join_path, push_u64};

    #[test]
    fn paths_and_numbers() {
        assert_eq!(join_path("", "amount"), "amount");
        assert_eq!(join_path("naverProducts[1]", "count"), "naverProducts[1].count");
        for n in [0, 7, 10, 99, 12345, u64::MAX] {
            let mut s = String::from("x");
            push_u64(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }

    #[test]
    fn finds_like_str_find() {
        for (hay, needle) in [("abc", "b"), ("abc", "abcd"), ("", "a"), ("a", ""), ("한국어 KAKAOTALK", "KAKAOTALK"), ("x://y", "://")] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            assert_eq!(contains(hay, needle), hay.contains(needle));
        }
    }
}
