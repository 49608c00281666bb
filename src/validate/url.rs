//! A small, strict check for `m_redirect_url`: an absolute `http(s):` URL the browser will read
//! the way we do, whose host `new URL()` accepts. Hand-written on purpose (no regex, no url crate:
//! wasm size), and it refuses rather than normalises anything a browser would reinterpret
//! (backslashes, whitespace, `https:host`).

use crate::text;

/// What `m_redirect_url` is, as far as the payment's result is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RedirectUrl {
    /// `https://host…`: fine.
    Https,
    /// `http:` to a loopback host (`localhost`, `127.0.0.1`, `[::1]`): a developer's machine.
    Loopback,
    /// `http:` to any other host: allowed (PortOne's app SDKs inject `http://detectchangingwebview/…`),
    /// worth a warning.
    Http,
    /// Whitespace or a control character, which a browser strips or rejects: percent-encode it.
    Unencoded,
    /// Not an absolute `http(s)://host` URL a browser accepts as given.
    Invalid,
}

/// What `s` is as a redirect URL: `http(s)://host[:port][/path][?query][#fragment]`, no credentials.
pub(crate) fn redirect_url(s: &str) -> RedirectUrl {
    use RedirectUrl::{Http, Https, Invalid, Loopback, Unencoded};
    // Browsers strip tabs and newlines and trim spaces and controls: the URL IMP would leave
    // for is not the one given.
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Unencoded;
    }
    // `\` is `/` in http(s) URLs.
    if text::has(s, b'\\') {
        return Invalid;
    }
    let Some((scheme, rest)) = text::split_once(s, b':') else { return Invalid };
    let https = scheme.eq_ignore_ascii_case("https");
    if !https && !scheme.eq_ignore_ascii_case("http") {
        return Invalid;
    }
    // `https:host` and `https:/host` are read as `https://host` by browsers: require the slashes.
    let Some(rest) = rest.strip_prefix("//") else { return Invalid };
    let end = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or("");
    if text::has(authority, b'@') {
        return Invalid; // credentials, or a host hidden behind `@`
    }
    match split_host(authority) {
        None => Invalid,
        Some(_) if https => Https,
        Some(host) if is_loopback(host) => Loopback,
        Some(_) => Http,
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
/// V2's `redirectUrl` and `noticeUrls` (checkout.mdx: `https://` or `http://`): `http:` for any
/// host, and no trick.
pub(crate) fn is_http_url(s: &str) -> bool {
    matches!(redirect_url(s), RedirectUrl::Https | RedirectUrl::Loopback | RedirectUrl::Http)
}

/// The host of `host[:port]` when both parts are well formed.
fn split_host(authority: &str) -> Option<&str> {
    let (host, port) = if authority.starts_with("[") {
        let close = authority.bytes().position(|b| b == b']')?;
        let host = authority.get(..=close)?;
        if !is_ipv6(authority.get(1..close)?) {
            return None;
        }
        let after = authority.get(close + 1..)?;
        let port = if after.is_empty() { None } else { Some(after.strip_prefix(":")?) };
        (host, port)
    } else {
        match text::split_once(authority, b':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        if port.len() > 5 || text::digits_value(port).map_or(true, |p| p > 65_535) {
            return None;
        }
    }
    if !host.starts_with("[") && !is_domain_or_ipv4(host) {
        return None;
    }
    Some(host)
}

/// A domain name or an IPv4 address as the URL Standard's host parser takes them: labels of
/// letters, digits, `-` and `_` (letters of any script for IDNs), no empty label except a
/// trailing dot; a host whose last label is a number is an IPv4 address and must be a valid one
/// (`shop.123`, `256.0.0.1`, `1.2.3.4.5` and `4294967296` are not).
fn is_domain_or_ipv4(host: &str) -> bool {
    let trimmed = host.strip_suffix(".").unwrap_or(host);
    if trimmed.is_empty() || text::split(trimmed, b'.').any(str::is_empty) {
        return false;
    }
    let last = trimmed.get(trimmed.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1)..).unwrap_or(trimmed);
    if ipv4_number(last).is_some() || last.bytes().all(|b| b.is_ascii_digit()) {
        return is_ipv4(trimmed);
    }
    // Letters of any script, but not the symbols that IDNA maps to a dot or refuses (`⒈`, `①`).
    trimmed
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') || (!c.is_ascii() && c.is_alphabetic()))
}

/// One to four numbers separated by dots, each at most 255 except the last, which fills the
/// remaining bytes (`127.1`, `0x7f.0.0.1`, `2130706433`).
fn is_ipv4(host: &str) -> bool {
    let count = text::split(host, b'.').count();
    count <= 4
        && text::split(host, b'.').enumerate().all(|(i, part)| match ipv4_number(part) {
            Some(n) if i + 1 < count => n <= 255,
            Some(n) => n < 1 << (8 * (5 - count)),
            None => false,
        })
}

/// A number as the URL Standard's IPv4 parser reads one: `0x` hex, a leading `0` octal, else
/// decimal (saturating: any overflow is out of range anyway).
fn ipv4_number(s: &str) -> Option<u64> {
    let (digits, radix): (&[u8], u64) = match s.as_bytes() {
        [b'0', b'x' | b'X', rest @ ..] => (rest, 16),
        [b'0', rest @ ..] if !rest.is_empty() => (rest, 8),
        [] => return None,
        all => (all, 10),
    };
    digits.iter().try_fold(0u64, |n, &b| {
        let d = u64::from(match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return None,
        });
        (d < radix).then(|| n.saturating_mul(radix).saturating_add(d))
    })
}

/// The inside of `[…]` as the URL Standard's IPv6 parser takes it: eight 16-bit pieces of one to
/// four hex digits, or fewer with one `::`, the last two of which may be a dotted IPv4 address.
fn is_ipv6(s: &str) -> bool {
    // By hand, not `split_once("::")`: a substring pattern links a string searcher into the wasm.
    let (head, tail, compressed) = match text::find(s, "::") {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i + 2..).unwrap_or(""), true),
        None => (s, "", false),
    };
    // The dotted IPv4 end may only end the address.
    let (Some(h), Some(t)) = (ipv6_pieces(head, !compressed), ipv6_pieces(tail, true)) else { return false };
    if compressed {
        !text::contains(tail, "::") && h + t <= 7
    } else {
        h == 8
    }
}

/// How many 16-bit pieces `part` (groups between `:`) holds, a dotted IPv4 end counting two.
/// One group at a time, forward: iterator adapters and reverse searches cost wasm bytes.
fn ipv6_pieces(part: &str, ipv4_end: bool) -> Option<u32> {
    let mut count = 0;
    let mut rest = part;
    while !rest.is_empty() {
        let (group, next) = text::split_once(rest, b':').unwrap_or((rest, ""));
        if ipv4_end && next.is_empty() && text::has(group, b'.') {
            return is_dotted_quad(group).then_some(count + 2);
        }
        if !(1..=4).contains(&group.len()) || !group.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        count += 1;
        if next.is_empty() && rest.len() > group.len() {
            return None; // a trailing `:`
        }
        rest = next;
    }
    Some(count)
}

/// Four decimal numbers up to 255 without leading zeros, separated by dots.
fn is_dotted_quad(s: &str) -> bool {
    let mut parts = 0;
    text::split(s, b'.').all(|p| {
        parts += 1;
        p.len() <= 3 && !(p.len() > 1 && p.starts_with("0")) && text::digits_value(p).is_some_and(|n| n <= 255)
    }) && parts == 4
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]"
}

#[cfg(test)]
mod tests {
    use super::{redirect_url, RedirectUrl};

    fn ok(url: &str) -> bool {
        matches!(redirect_url(url), RedirectUrl::Https | RedirectUrl::Loopback)
    }

    #[test]
    fn accepts_absolute_https_and_loopback_http() {
        for url in [
            "https://shop.example/pay/complete",
            "HTTPS://shop.example",
            "https://shop.example:8443/a?b=c#d",
            "https://[2001:db8::1]/x",
            "https://[::ffff:1.2.3.4]/x",
            "https://[1:2:3:4:5:6:7:8]/",
            "https://[1:2:3:4:5:6:7::]/",
            "https://한국.kr/결제",
            "https://shop.example./",
            "https://203.0.113.7/",
            "https://0x7f.1/",
            "https://shop1.example/",
            "http://localhost:3000/done",
            "http://127.0.0.1/done",
            "http://[::1]:8080/",
        ] {
            assert!(ok(url), "{url}");
        }
    }

    #[test]
    fn plain_http_is_told_apart() {
        assert_eq!(redirect_url("http://shop.example/done"), RedirectUrl::Http);
        assert_eq!(redirect_url("http://detectchangingwebview/iamport/rn"), RedirectUrl::Http);
        assert_eq!(redirect_url("http://localhost.evil.com"), RedirectUrl::Http);
    }

    #[test]
    fn v2_takes_http_for_any_host_and_no_trick() {
        assert!(super::is_http_url("http://shop.example/pay") && !ok("http://shop.example/pay"));
        for url in ["javascript:alert(1)", "//evil.com", "http://user@shop.example", "http:shop.example", "ftp://a.b"] {
            assert!(!super::is_http_url(url), "{url}");
        }
    }

    #[test]
    fn unencoded_characters_are_told_apart() {
        for url in
            [" https://shop.example", "https://shop.example/a b", "https://shop.example/\n", "https://sh\top.example"]
        {
            assert_eq!(redirect_url(url), RedirectUrl::Unencoded, "{url:?}");
        }
    }

    #[test]
    fn refuses_tricks_and_hosts_a_browser_rejects() {
        for url in [
            "",
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.com",
            "/relative",
            "https:\\\\evil.com",
            "https:/\\evil",
            "/\\evil",
            "https:evil.com",
            "https:/evil.com",
            "https://",
            "https:///path",
            "https://user:pass@shop.example",
            "https://@shop.example",
            "https://shop.example:",
            "https://shop.example:99999",
            "https://shop.example:8a",
            "https://..",
            "https://a..b",
            "https://%65vil.com",
            "https://[::1",
            "https://[zz]",
            "ftp://shop.example",
            "https://[::1]x",
            "https://shop.123/",
            "https://256.0.0.1/",
            "https://1.2.3.4.5/",
            "https://4294967296/",
            "https://0x100000000/",
            "https://1.2.3.09/",
            "https://[::1::2]/",
            "https://[1.2.3.4]/",
            "https://[1:2:3:4:5:6:7:8:9]/",
            "https://[1:2:3:4:5:6:7:8::]/",
            "https://[12345::]/",
            "https://[::1.2.3.256]/",
            "https://[::01.2.3.4]/",
            "https://[1.2.3.4::]/",
            "https://[1:2:3:4:5:6:7:8:]/",
            "https://[:1:2:3:4:5:6:7:8]/",
            "https://[::1:]/",
            "https://shop\u{2488}example/",
            "https://shop\u{2460}.example/",
        ] {
            assert!(!ok(url) && redirect_url(url) != RedirectUrl::Http, "{url:?}");
        }
    }
}
