//! `choose_pay_mode` over real user agents: popup on desktop, redirect on phones, tablets and
//! in-app browsers (the contract's "Window mode by device").
//!
//! The strings are copied from real browsers: captured on devices and posted publicly, logged by
//! servers, or taken from ua-parser-js's test fixtures and Chrome's documentation. Desktop Chrome,
//! Edge and Android Chrome send the reduced user agent (`Chrome/124.0.0.0`, `Android 10; K`).

use naverpay_checkout::{choose_pay_mode, DeviceInfo, PayMode};

use PayMode::{Popup, Redirect};

/// A device as a browser reports it: no touch points and no `userAgentData` unless a row says so.
fn device(user_agent: &str, max_touch_points: u32, mobile: Option<bool>) -> DeviceInfo {
    DeviceInfo { user_agent: user_agent.to_owned(), max_touch_points, mobile }
}

// Desktop browsers.
const CHROME_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const CHROME_MACOS: &str =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";
const CHROME_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const CHROME_OS: &str =
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const SAFARI_MACOS: &str =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15";
const EDGE_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.0.0";
const FIREFOX_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:122.0) Gecko/20100101 Firefox/122.0";
const FIREFOX_MACOS: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:122.0) Gecko/20100101 Firefox/122.0";
const FIREFOX_LINUX: &str = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
const WHALE_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.57 Whale/3.14.133.23 Safari/537.36";
const WHALE_MACOS: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.5005.141 Whale/3.15.136.29 Safari/537.36";

// Phones and tablets.
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const CHROME_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3 like Mac OS X) AppleWebKit/602.1.50 (KHTML, like Gecko) CriOS/56.0.2924.75 Mobile/14E5239e Safari/602.1";
const SAFARI_IPOD: &str = "Mozilla/5.0 (iPod touch; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1";
const CHROME_ANDROID: &str =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36";
const CHROME_ANDROID_TABLET: &str =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36";
const SAMSUNG_INTERNET: &str = "Mozilla/5.0 (Linux; Android 12; SAMSUNG SM-G780G) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/16.0 Chrome/92.0.4515.166 Mobile Safari/537.36";
// Phones that name neither Android nor iPhone: only `Mobi` decides.
const HARMONYOS_PHONE: &str = "Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile";
const KAIOS_PHONE: &str = "Mozilla/5.0 (Mobile; Nokia 8110 4G; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5";
const SAFARI_IPAD_OLD: &str = "Mozilla/5.0 (iPad; CPU OS 5_0 like Mac OS X) AppleWebKit/534.46 (KHTML, like Gecko) Version/5.1 Mobile/9A334 Safari/7534.48.3";
const SAFARI_IPAD_IOS17: &str = "Mozilla/5.0 (iPad; CPU OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

// In-app browsers.
const KAKAOTALK_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.3.1";
const KAKAOTALK_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; SM-N986N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/115.0.5790.166 Mobile Safari/537.36;KAKAOTALK 2410330";
const KAKAOTALK_ANDROID_TABLET: &str = "Mozilla/5.0 (Linux; Android 13; SM-X706N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/115.0.5790.138 Safari/537.36;KAKAOTALK 2410310";
const NAVER_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/605.1 NAVER(inapp; search; 1010; 11.24.5; 12PRO)";
// The NAVER app on Android names Whale, the desktop browser's name too: the app must still redirect.
const NAVER_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; SM-X706N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/102.0.5005.189 Whale/1.0.0.0 Crosswalk/27.102.0.21 Safari/537.36 NAVER(inapp; search; 1010; 11.24.6)";
const INSTAGRAM_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 14_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 142.0.0.22.109 (iPhone12,5; iOS 14_1; en_US; en-US; scale=3.00; 1242x2688; 214888322) NW/1";
const INSTAGRAM_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; SM-G991B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 Instagram 302.0.0.23.114 Android (33/13; 420dpi; 1080x2260; samsung; SM-G991B; o1s; exynos2100; en_US; 490037685)";
const FACEBOOK_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_1 like Mac OS X) AppleWebKit/603.1.30 (KHTML, like Gecko) Mobile/14E304 [FBAN/FBIOS;FBAV/91.0.0.41.73;FBBV/57050710;FBDV/iPhone8,1;FBMD/iPhone;FBSN/iOS;FBSV/10.3.1;FBSS/2;FBCR/Telekom.de;FBID/phone;FBLC/de_DE;FBOP/5;FBRV/0])";
const FACEBOOK_ANDROID: &str = "Mozilla/5.0 (Linux; Android 9; SM-A205U Build/PPR1.180610.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/81.0.4044.117 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/268.1.0.54.121;]";
const LINE_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 11_2_6 like Mac OS X) AppleWebKit/604.5.6 (KHTML, like Gecko) Mobile/15D100 Safari Line/8.4.1";
const LINE_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; SM-N986N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/115.0.5790.166 Mobile Safari/537.36 Line/13.12.0/IAB";
const DAUM_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/605.1.15 Mobile/15E148 DaumApps/7.5.1 DaumDevice/mobile";
const DAUM_ANDROID: &str = "Mozilla/5.0 (Linux; Android 11; SM-G970N Build/RP1A.200720.012; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/83.0.4103.106 Mobile Safari/537.36 DaumApps/7.5.0 DaumDevice/mobile";
const ANDROID_WEBVIEW: &str = "Mozilla/5.0 (Linux; Android 11; SM-A205S Build/RP1A.200720.012; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/96.0.4664.104 Mobile Safari/537.36";

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn real_user_agents_get_the_window_their_device_needs() {
    let cases: &[(&str, DeviceInfo, PayMode)] = &[
        ("Chrome on Windows", device(CHROME_WINDOWS, 0, Some(false)), Popup),
        ("Chrome on macOS", device(CHROME_MACOS, 0, Some(false)), Popup),
        ("Chrome on Linux", device(CHROME_LINUX, 0, Some(false)), Popup),
        ("Chrome on ChromeOS", device(CHROME_OS, 0, Some(false)), Popup),
        ("Safari on macOS", device(SAFARI_MACOS, 0, None), Popup),
        ("Edge on Windows", device(EDGE_WINDOWS, 0, Some(false)), Popup),
        ("Firefox on Windows", device(FIREFOX_WINDOWS, 0, None), Popup),
        ("Firefox on macOS", device(FIREFOX_MACOS, 0, None), Popup),
        ("Firefox on Linux", device(FIREFOX_LINUX, 0, None), Popup),
        ("Whale on Windows", device(WHALE_WINDOWS, 0, Some(false)), Popup),
        ("Whale on macOS", device(WHALE_MACOS, 0, Some(false)), Popup),
        ("Chrome on a Windows touch-screen laptop", device(CHROME_WINDOWS, 10, Some(false)), Popup),
        ("Safari on iPhone", device(SAFARI_IPHONE, 5, None), Redirect),
        ("Chrome on iPhone (CriOS)", device(CHROME_IPHONE, 5, None), Redirect),
        ("Safari on iPod touch", device(SAFARI_IPOD, 5, None), Redirect),
        ("Chrome on Android", device(CHROME_ANDROID, 5, Some(true)), Redirect),
        ("Chrome on an Android tablet", device(CHROME_ANDROID_TABLET, 10, Some(false)), Redirect),
        ("Samsung Internet", device(SAMSUNG_INTERNET, 5, Some(true)), Redirect),
        ("HarmonyOS phone browser", device(HARMONYOS_PHONE, 5, None), Redirect),
        ("KaiOS phone", device(KAIOS_PHONE, 0, None), Redirect),
        ("Safari on iPad, old user agent", device(SAFARI_IPAD_OLD, 5, None), Redirect),
        ("Safari on iPad, iPad user agent", device(SAFARI_IPAD_IOS17, 5, None), Redirect),
        ("iPadOS Safari presenting a Mac user agent", device(SAFARI_MACOS, 5, None), Redirect),
        ("iPadOS Chrome presenting a Mac user agent", device(CHROME_MACOS, 5, None), Redirect),
        ("KakaoTalk on iOS", device(KAKAOTALK_IOS, 5, None), Redirect),
        ("KakaoTalk on Android", device(KAKAOTALK_ANDROID, 5, Some(true)), Redirect),
        ("KakaoTalk on an Android tablet", device(KAKAOTALK_ANDROID_TABLET, 10, Some(false)), Redirect),
        ("NAVER app on iOS", device(NAVER_IOS, 5, None), Redirect),
        ("NAVER app on Android (names Whale)", device(NAVER_ANDROID, 10, Some(false)), Redirect),
        ("Instagram on iOS", device(INSTAGRAM_IOS, 5, None), Redirect),
        ("Instagram on Android", device(INSTAGRAM_ANDROID, 5, Some(true)), Redirect),
        ("Facebook on iOS (FBAN/FBAV)", device(FACEBOOK_IOS, 5, None), Redirect),
        ("Facebook on Android (FB_IAB/FBAV)", device(FACEBOOK_ANDROID, 5, Some(true)), Redirect),
        ("LINE on iOS", device(LINE_IOS, 5, None), Redirect),
        ("LINE on Android", device(LINE_ANDROID, 5, Some(true)), Redirect),
        ("Daum app on iOS", device(DAUM_IOS, 5, None), Redirect),
        ("Daum app on Android", device(DAUM_ANDROID, 5, Some(true)), Redirect),
        ("an Android WebView (; wv))", device(ANDROID_WEBVIEW, 5, Some(true)), Redirect),
    ];
    for (what, device, expected) in cases {
        assert_eq!(choose_pay_mode(device), *expected, "{what}: {}", device.user_agent);
    }
}

#[test]
fn user_agent_data_mobile_true_redirects_whatever_the_user_agent_says() {
    for ua in [CHROME_WINDOWS, CHROME_MACOS, CHROME_LINUX, EDGE_WINDOWS, ""] {
        assert_eq!(choose_pay_mode(&device(ua, 0, Some(true))), Redirect, "{ua}");
    }
}

#[test]
fn user_agent_data_mobile_false_does_not_override_a_phone_or_tablet_user_agent() {
    for ua in [CHROME_ANDROID, CHROME_ANDROID_TABLET, SAMSUNG_INTERNET, KAKAOTALK_ANDROID] {
        assert_eq!(choose_pay_mode(&device(ua, 5, Some(false))), Redirect, "{ua}");
    }
}

#[test]
#[rustfmt::skip] // one row a line: the table is the specification
fn a_mac_user_agent_is_a_mac_only_without_touch() {
    let cases: &[(&str, u32, PayMode)] = &[
        (SAFARI_MACOS, 0, Popup),
        (SAFARI_MACOS, 1, Popup), // one touch point is not a touch screen: iPads report 5
        (SAFARI_MACOS, 2, Redirect),
        (SAFARI_MACOS, 5, Redirect),
        (FIREFOX_MACOS, 5, Redirect),
        (WHALE_MACOS, 0, Popup),
    ];
    for (ua, touch_points, expected) in cases {
        assert_eq!(choose_pay_mode(&device(ua, *touch_points, None)), *expected, "{touch_points} touch points: {ua}");
    }
}

#[test]
fn each_in_app_token_alone_redirects() {
    // A desktop user agent with only the token added, so the phone tokens cannot decide instead.
    let tokens = [
        "KAKAOTALK 10.3.1",
        "NAVER(inapp; search; 1010; 11.24.5)",
        "Instagram 142.0.0.22.109",
        "[FBAN/FBIOS;FBAV/91.0.0.41.73]",
        "[FBAV/91.0.0.41.73]",
        "[FB_IAB/FB4A]",
        "Line/13.12.0/IAB",
        "DaumApps/7.5.0",
        "DaumDevice/mobile",
    ];
    for token in tokens {
        let ua = format!("{CHROME_WINDOWS} {token}");
        assert_eq!(choose_pay_mode(&device(&ua, 0, Some(false))), Redirect, "{ua}");
    }
    let webview = CHROME_LINUX.replace("x86_64)", "x86_64; wv)");
    assert_eq!(choose_pay_mode(&device(&webview, 0, None)), Redirect, "{webview}");
}

#[test]
fn an_unknown_or_empty_user_agent_gets_the_popup() {
    for ua in ["", "curl/8.5.0", "Mozilla/5.0"] {
        assert_eq!(choose_pay_mode(&device(ua, 0, None)), Popup, "{ua:?}");
    }
    assert_eq!(choose_pay_mode(&DeviceInfo::default()), Popup);
}

#[test]
fn pay_mode_names_are_the_javascript_strings() {
    assert_eq!((Popup.as_str(), Redirect.as_str()), ("popup", "redirect"));
}
