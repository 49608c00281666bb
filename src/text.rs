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

#[cfg(test)]
mod tests {
    use super::{contains, find};

    #[test]
    fn finds_like_str_find() {
        for (hay, needle) in [("abc", "b"), ("abc", "abcd"), ("", "a"), ("a", ""), ("한국어 KAKAOTALK", "KAKAOTALK"), ("x://y", "://")] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            assert_eq!(contains(hay, needle), hay.contains(needle));
        }
    }
}
