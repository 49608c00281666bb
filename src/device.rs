//! Which payment window a device gets: popup on desktop, redirect on phones, tablets and in-app
//! browsers, where the popup callback is ignored and the result would be lost.

use crate::text::contains;
use std::cell::Cell;

/// How the Naver Pay window opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayMode {
    /// A popup window; the result comes back through the callback (`naverPopupMode: true`).
    Popup,
    /// The page leaves for Naver Pay and returns to `m_redirect_url` (`naverPopupMode: false`).
    Redirect,
}

impl PayMode {
    /// `"popup"` or `"redirect"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PayMode::Popup => "popup",
            PayMode::Redirect => "redirect",
        }
    }
}

/// What the browser says about the device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceInfo {
    /// `navigator.userAgent`.
    pub user_agent: String,
    /// `navigator.maxTouchPoints`.
    pub max_touch_points: u32,
    /// `navigator.userAgentData.mobile`, where the browser has it.
    pub mobile: Option<bool>,
}

/// User-agent tokens of phones, tablets and in-app browsers.
const REDIRECT_TOKENS: &[&str] = &[
    "Mobi",
    "Android",
    "iPhone",
    "iPad",
    "iPod", // phones and tablets
    "KAKAOTALK",
    "NAVER(inapp",
    "Instagram",
    "FBAN",
    "FBAV",
    "FB_IAB",
    " Line/",
    "DaumApps",
    "DaumDevice",
    "; wv)", // in-app browsers and Android web views
];

/// The window mode this device needs.
pub fn choose_pay_mode(device: &DeviceInfo) -> PayMode {
    let ua = device.user_agent.as_str();
    let ipados_as_mac = contains(ua, "Macintosh") && device.max_touch_points > 1;
    if device.mobile == Some(true) || ipados_as_mac || has_redirect_token(ua) {
        PayMode::Redirect
    } else {
        PayMode::Popup
    }
}

/// Whether `ua` holds one of [`REDIRECT_TOKENS`]. A page asks about the same user agent on every
/// call: the last one's answer is kept (per thread), and its 15 searches are not made again.
fn has_redirect_token(ua: &str) -> bool {
    thread_local! {
        static LAST: Cell<Option<(String, bool)>> = const { Cell::new(None) };
    }
    LAST.with(|last| {
        let known = last.take().filter(|(seen, _)| seen == ua);
        let (seen, found) = known.unwrap_or_else(|| (ua.to_owned(), REDIRECT_TOKENS.iter().any(|t| contains(ua, t))));
        last.set(Some((seen, found)));
        found
    })
}
