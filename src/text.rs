//! Substring search over bytes. `str::contains(&str)` brings in std's two-way searcher and, through
//! its char-boundary panic message, `char`'s `Debug` and Unicode tables: several KB of wasm for
//! needles of a few ASCII bytes. A `char` pattern (`split('.')`, `contains('@')`) brings in std's
//! `CharSearcher` and `memchr`, 0.8 KB of wasm: separators are ASCII, so bytes do ([`split_once`],
//! [`split`], [`has`]). Even `starts_with('[')` encodes the `char` as UTF-8 first (0.3 KB of wasm):
//! prefixes and suffixes are one-byte `&str`s, a slice comparison.

/// The byte offset of the first `needle` in `haystack`.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    find_bytes(haystack.as_bytes(), needle.as_bytes())
}

/// The offset of the first `needle` in `haystack`, bytes for bytes.
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(first) = needle.first() else { return Some(0) };
    // The first byte alone turns most windows away without a slice comparison.
    haystack.windows(needle.len()).position(|w| w.first() == Some(first) && w == needle)
}

/// Whether `needle` occurs in `haystack`.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// Whether the ASCII byte `byte` occurs in `s`.
pub(crate) fn has(s: &str, byte: u8) -> bool {
    s.bytes().any(|b| b == byte)
}

/// `s` before and after its first `sep`, an ASCII byte (so both sides are whole characters).
pub(crate) fn split_once(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// The pieces of `s` between its `sep`s, an ASCII byte, as `str::split` gives them (`""` gives one
/// empty piece).
pub(crate) fn split(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let s = rest?;
        let (piece, after) = split_once(s, sep).map_or((s, None), |(piece, after)| (piece, Some(after)));
        rest = after;
        Some(piece)
    })
}

/// `prefix.key`, or `key` alone when `prefix` is empty: a field path such as `naverProducts[1].count`.
pub(crate) fn join_path(prefix: &str, key: &str) -> String {
    let mut path = String::with_capacity(prefix.len() + 4 + key.len());
    path.push_str(prefix);
    push_key(&mut path, key);
    path
}

/// Appends `key` to the field path `path`: `.key`, or `key` alone at the start. The empty key is
/// written `[""]` (as JavaScript would), so that a path is `''` only for the whole input and a
/// path through empty keys still says where it leads (js/bridge.js writes the same).
pub(crate) fn push_key(path: &mut String, key: &str) {
    if key.is_empty() {
        path.push_str("[\"\"]");
        return;
    }
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// The value of the hexadecimal digit `byte` (either case).
pub(crate) fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Appends the array index `i` to the field path `path`: `[i]`.
pub(crate) fn push_index(path: &mut String, i: usize) {
    path.push('[');
    push_u64(path, i as u64);
    path.push(']');
}

/// Appends `n` in decimal (without `core::fmt`, which would bring its machinery into the wasm).
pub(crate) fn push_u64(out: &mut String, n: u64) {
    push_padded(out, n, 1);
}

/// Appends `n` in decimal with leading zeros up to `width` digits.
pub(crate) fn push_padded(out: &mut String, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    let mut rest = n;
    while rest > 0 || digits.len() - i < width.max(1) {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if i == 0 {
            break;
        }
    }
    out.extend(digits.iter().skip(i).map(|&d| char::from(d)));
}

/// The value of `s` when it is one or more ASCII digits and fits a `u32` (no sign, unlike `str::parse`).
pub(crate) fn digits_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        let digit = b.is_ascii_digit().then(|| u32::from(b - b'0'))?;
        n.checked_mul(10)?.checked_add(digit)
    })
}

/// `n` in decimal.
pub(crate) fn u64_text(n: u64) -> String {
    let mut s = String::new();
    push_u64(&mut s, n);
    s
}

/// The parts with `sep` between them: `[&str]::join`, whose generic copy costs more wasm.
pub(crate) fn join(parts: &[&str], sep: &str) -> String {
    let mut s = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(p);
    }
    s
}

/// Whether `s` is empty or only whitespace (`str::trim` would bring its own copy of the search).
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// The parts joined into one string, as `format!` would without `core::fmt`.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::{
        concat, contains, digits_value, find, has, is_blank, join, join_path, push_padded, push_u64, split, split_once,
        u64_text,
    };

    #[test]
    fn paths_and_numbers() {
        assert_eq!(join_path("", "amount"), "amount");
        assert_eq!(join_path("naverProducts[1]", "count"), "naverProducts[1].count");
        for n in [0, 7, 10, 99, 12345, u64::MAX] {
            let mut s = String::from("x");
            push_u64(&mut s, n);
            assert_eq!(s, format!("x{n}"));
            assert_eq!(u64_text(n), n.to_string());
        }
        for (n, width) in [(0, 2), (7, 2), (2025, 4), (5, 4), (123, 2), (0, 0)] {
            let mut s = String::new();
            push_padded(&mut s, n, width);
            assert_eq!(s, format!("{n:0width$}"));
        }
        assert_eq!(concat(&["a", "", "한국", "!"]), "a한국!");
        for (s, v) in [
            ("0", Some(0)),
            ("0042", Some(42)),
            ("4294967295", Some(u32::MAX)),
            ("4294967296", None),
            ("", None),
            ("+1", None),
            ("1a", None),
            ("٣", None),
        ] {
            assert_eq!(digits_value(s), v, "{s:?}");
        }
    }

    #[test]
    fn finds_like_str_find() {
        for (hay, needle) in
            [("abc", "b"), ("abc", "abcd"), ("", "a"), ("a", ""), ("한국어 KAKAOTALK", "KAKAOTALK"), ("x://y", "://")]
        {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            assert_eq!(contains(hay, needle), hay.contains(needle));
        }
    }

    #[test]
    fn splits_like_str_split() {
        for s in ["", ".", "a", "a.b", ".a.", "a..b", "한.국.", "x.y.z.w"] {
            assert_eq!(split(s, b'.').collect::<Vec<_>>(), s.split('.').collect::<Vec<_>>(), "{s:?}");
            assert_eq!(split_once(s, b'.'), s.split_once('.'), "{s:?}");
            assert_eq!(has(s, b'.'), s.contains('.'), "{s:?}");
            assert_eq!(join(&s.split('.').collect::<Vec<_>>(), ", "), s.split('.').collect::<Vec<_>>().join(", "));
        }
        for s in ["", " ", "\t\n\u{3000}\u{a0}", " a ", "\u{200b}", "가"] {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }
}
