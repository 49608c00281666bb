//! The query `m_redirect_url` receives, read as `URLSearchParams.get` would, except that bytes
//! which are not UTF-8 are read as EUC-KR instead of being replaced, and nothing is ever lost.

use super::euckr;
use crate::text;
use crate::value::{Map, Value};

/// The query part of a whole URL, or of a query with or without `?`. The fragment is dropped.
pub(crate) fn query_of(url_or_query: &str) -> &str {
    let before_fragment = text::split_once(url_or_query, b'#').map_or(url_or_query, |(before, _)| before);
    match text::split_once(before_fragment, b'?') {
        Some((_, query)) => query,
        None if has_scheme(before_fragment) => "",
        None => before_fragment,
    }
}

/// Whether `text` starts like an absolute URL: a scheme (a letter, then letters, digits, `+`, `-`,
/// `.`) followed by `://`. A bare query such as `a=b&next=https://x` does not.
fn has_scheme(text: &str) -> bool {
    let Some(scheme) = crate::text::find(text, "://").and_then(|i| text.get(..i)) else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The most `&`-separated pairs read of a query: IMP sends about ten. The cap bounds the work of
/// keeping the first of each key whatever the keys (even keys crafted to collide in its index).
pub const MAX_PAIRS: usize = 1000;

/// Every key of `query` (its first occurrence, among the first [`MAX_PAIRS`] pairs) with its value, in order.
pub(crate) fn parse_query(query: &str) -> Map {
    Map::from_entries_first_wins(text::split(query, b'&').filter(|piece| !piece.is_empty()).take(MAX_PAIRS).map(
        |piece| {
            let (key, value) = text::split_once(piece, b'=').unwrap_or((piece, ""));
            (decode_component(key), Value::String(decode_component(value)))
        },
    ))
}

/// One key or value decoded once: UTF-8 when the bytes are UTF-8, else EUC-KR, else the text as
/// written, so a message in an unexpected encoding still reaches the buyer in some form.
fn decode_component(written: &str) -> String {
    if !written.bytes().any(|b| b == b'%' || b == b'+') {
        return written.to_owned();
    }
    match String::from_utf8(percent_decode(written.as_bytes())) {
        Ok(text) => text,
        Err(not_utf8) => euckr::decode(not_utf8.as_bytes()).unwrap_or_else(|| written.to_owned()),
    }
}

/// `+` becomes a space and `%XX` a byte; a `%` without two hex digits after it stays as written.
fn percent_decode(written: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(written.len());
    let mut rest = written;
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' {
            if let [high, low, after @ ..] = tail {
                if let (Some(high), Some(low)) = (text::hex_digit(*high), text::hex_digit(*low)) {
                    bytes.push(high << 4 | low);
                    rest = after;
                    continue;
                }
            }
        }
        bytes.push(if first == b'+' { b' ' } else { first });
        rest = tail;
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::{parse_query, MAX_PAIRS};

    #[test]
    fn only_the_first_pairs_are_read() {
        let query: String = (0..MAX_PAIRS + 500).map(|i| format!("k{i}=v&")).collect();
        let map = parse_query(&query);
        assert_eq!(map.len(), MAX_PAIRS);
        assert_eq!(map.get("k0").as_str(), Some("v"));
        assert!(map.get(&format!("k{MAX_PAIRS}")).is_absent());
    }
}
