//! Which payment window a device gets: popup on desktop, redirect on phones, tablets and in-app
//! browsers, where the popup callback is ignored and the result would be lost.

use crate::text::contains;

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
    if device.mobile == Some(true) || ipados_as_mac || REDIRECT_TOKENS.iter().any(|t| contains(ua, t)) {
        PayMode::Redirect
    } else {
        PayMode::Popup
    }
}
