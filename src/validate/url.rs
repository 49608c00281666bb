//! A small, strict check for `m_redirect_url`: an absolute `https:` URL the browser will read the
//! way we do. Hand-written on purpose (no regex, no url crate: wasm size), and it refuses rather
//! than normalises anything a browser would reinterpret (backslashes, whitespace, `https:host`).

/// Whether `s` is an allowed redirect URL: `https://host[:port][/path][?query][#fragment]`, or
/// `http:` for a loopback host, with no credentials.
pub(crate) fn is_allowed_redirect_url(s: &str) -> bool {
    is_url(s, false)
}

#[cfg(any(not(target_arch = "wasm32"), feature = "js-v2"))]
/// As [`is_allowed_redirect_url`], with `http:` for any host: V2's `redirectUrl` and `noticeUrls`
/// (checkout.mdx: `https://` or `http://`).
pub(crate) fn is_http_url(s: &str) -> bool {
    is_url(s, true)
}

fn is_url(s: &str, http_anywhere: bool) -> bool {
    // Browsers strip or reinterpret these: `\` is `/` in http(s) URLs, tabs and newlines vanish.
    if s.chars().any(|c| c == '\\' || c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let https = scheme.eq_ignore_ascii_case("https");
    if !https && !scheme.eq_ignore_ascii_case("http") {
        return false;
    }
    // `https:host` and `https:/host` are read as `https://host` by browsers: require the slashes.
    let Some(rest) = rest.strip_prefix("//") else { return false };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or("");
    if authority.contains('@') {
        return false; // credentials, or a host hidden behind `@`
    }
    let Some(host) = split_host(authority) else { return false };
    https || http_anywhere || is_loopback(host)
}

/// The host of `host[:port]` when both parts are well formed.
fn split_host(authority: &str) -> Option<&str> {
    let (host, port) = if authority.starts_with('[') {
        let close = authority.find(']')?;
        let host = authority.get(..=close)?;
        let inner = host.get(1..close)?;
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return None;
        }
        let after = authority.get(close + 1..)?;
        let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
        (host, port)
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        if port.len() > 5 || crate::text::digits_value(port).map_or(true, |p| p > 65_535) {
            return None;
        }
    }
    if !host.starts_with('[') && !is_reg_name(host) {
        return None;
    }
    Some(host)
}

/// A domain name or IPv4 address: letters, digits, `-`, `_`, `.` (non-ASCII letters for IDNs),
/// no empty label except a trailing dot.
fn is_reg_name(host: &str) -> bool {
    let trimmed = host.strip_suffix('.').unwrap_or(host);
    !trimmed.is_empty()
        && trimmed.split('.').all(|label| !label.is_empty())
        && trimmed.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]"
}

#[cfg(test)]
mod tests {
    use super::is_allowed_redirect_url as ok;

    #[test]
    fn accepts_absolute_https_and_loopback_http() {
        for url in [
            "https://shop.example/pay/complete",
            "HTTPS://shop.example",
            "https://shop.example:8443/a?b=c#d",
            "https://[2001:db8::1]/x",
            "https://한국.kr/결제",
            "http://localhost:3000/done",
            "http://127.0.0.1/done",
            "http://[::1]:8080/",
        ] {
            assert!(ok(url), "{url}");
        }
    }

    #[test]
    fn v2_takes_http_for_any_host_and_no_trick() {
        assert!(super::is_http_url("http://shop.example/pay") && !ok("http://shop.example/pay"));
        for url in ["javascript:alert(1)", "//evil.com", "http://user@shop.example", "http:shop.example", "ftp://a.b"] {
            assert!(!super::is_http_url(url), "{url}");
        }
    }

    #[test]
    fn refuses_tricks() {
        for url in [
            "",
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.com",
            "/relative",
            "http://shop.example",
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
            " https://shop.example",
            "https://shop .example",
            "https://shop.example/\n",
            "https://sh\top.example",
            "https://..",
            "https://a..b",
            "https://%65vil.com",
            "https://[::1",
            "https://[zz]",
            "http://localhost.evil.com",
            "ftp://shop.example",
            "https://[::1]x",
        ] {
            assert!(!ok(url), "{url:?}");
        }
    }
}
