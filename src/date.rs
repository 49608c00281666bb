//! Calendar dates as Naver Pay writes them (`yyyyMMdd`), and "today" in Asia/Seoul.
//!
//! No date library: Naver Pay's dates are Korean civil dates, and Korea has kept UTC+9 without
//! daylight saving since 1988, so a fixed offset is exact for every date a payment can carry.

/// Seoul's offset from UTC in milliseconds.
const SEOUL_OFFSET_MS: f64 = 9.0 * 3_600_000.0;
const MS_PER_DAY: f64 = 86_400_000.0;

use crate::text::push_padded;

/// A civil date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day, 1 to 31.
    pub day: u32,
}

impl Ymd {
    /// Parses exactly eight ASCII digits that name a real calendar date.
    pub fn parse(s: &str) -> Option<Ymd> {
        let b = s.as_bytes();
        if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r).and_then(crate::text::digits_value);
        let year = i32::try_from(num(0..4)?).ok()?;
        let (month, day) = (num(4..6)?, num(6..8)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Ymd { year, month, day })
    }

    /// The date a number of eight digits writes (`20240117`), as naver.mdx allows for products.
    pub fn from_number(n: f64) -> Option<Ymd> {
        if !(10_000_000.0..100_000_000.0).contains(&n) || n.fract() != 0.0 {
            return None;
        }
        Ymd::parse(&crate::text::u64_text(n as u64))
    }

    /// The date in Asia/Seoul at `ms` milliseconds since the UNIX epoch; `None` when `ms` is not finite.
    pub fn seoul_at_ms(ms: f64) -> Option<Ymd> {
        if !ms.is_finite() {
            return None;
        }
        let days = ((ms + SEOUL_OFFSET_MS) / MS_PER_DAY).floor();
        // ±1e8 days is the range of an ECMAScript Date.
        if days.abs() > 1e8 {
            return None;
        }
        Some(civil_from_days(days as i64))
    }

    /// `yyyyMMdd`, as Naver Pay writes it.
    pub(crate) fn text(self) -> String {
        let mut s = String::with_capacity(8);
        push_padded(&mut s, u64::try_from(self.year).unwrap_or(0), 4);
        push_padded(&mut s, u64::from(self.month), 2);
        push_padded(&mut s, u64::from(self.day), 2);
        s
    }
}

/// `yyyy-MM-dd HH:mm:ss` in Asia/Seoul for `secs` UNIX seconds (years past 9999 as they come).
pub(crate) fn seoul_date_time(secs: u64) -> String {
    let local = secs.saturating_add(SEOUL_OFFSET_MS as u64 / 1000);
    let date = civil_from_days(i64::try_from(local / 86_400).unwrap_or(i64::MAX / 2));
    let time = local % 86_400;
    let mut s = String::with_capacity(19);
    push_padded(&mut s, u64::try_from(date.year).unwrap_or(0), 4);
    for (sep, n) in [
        ('-', u64::from(date.month)),
        ('-', u64::from(date.day)),
        (' ', time / 3600),
        (':', time / 60 % 60),
        (':', time % 60),
    ] {
        s.push(sep);
        push_padded(&mut s, n, 2);
    }
    s
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a proleptic Gregorian date.
fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Ymd { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::Ymd;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Ymd::parse("20250101"), Some(Ymd { year: 2025, month: 1, day: 1 }));
        assert_eq!(Ymd::parse("20240229").map(|d| d.day), Some(29));
        for bad in
            ["20240230", "20230229", "20241301", "20240001", "20240100", "2024011", "2024-1-1", "２０２４０１０１", ""]
        {
            assert_eq!(Ymd::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_times_are_written_in_seoul() {
        assert_eq!(super::seoul_date_time(1_735_659_000), "2025-01-01 00:30:00");
        assert_eq!(super::seoul_date_time(253_402_268_399), "9999-12-31 23:59:59");
        assert_eq!(super::seoul_date_time(0), "1970-01-01 09:00:00");
        assert_eq!(Ymd { year: 2025, month: 1, day: 9 }.text(), "20250109");
    }

    #[test]
    fn seoul_is_nine_hours_ahead_of_utc() {
        // 2024-12-31T15:30:00Z is 2025-01-01 00:30 in Seoul.
        let ms = 1_735_659_000_000.0;
        assert_eq!(Ymd::seoul_at_ms(ms), Ymd::parse("20250101"));
        assert_eq!(Ymd::seoul_at_ms(ms - 3_600_000.0), Ymd::parse("20241231"));
        assert_eq!(Ymd::seoul_at_ms(f64::NAN), None);
    }
}
