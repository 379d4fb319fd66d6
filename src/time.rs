//! Points in time in the shape each API family sends them.
//!
//! | type | wire | used by |
//! | --- | --- | --- |
//! | [`UnixMillis`] | `"1700000000000"` | Zhejiang (`operation_time`, …) |
//! | [`Rfc3339`] | `"2025-01-14T19:55:06+08:00"` | Jiangsu (`transaction_time`, `invoice_time`, …) |
//! | [`Date`] | `"2025-01-14"` | Jiangsu's `query_date` |

use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time as Unix milliseconds, sent as a decimal string. Built from a time value, so a
/// seconds-for-milliseconds mix-up cannot happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixMillis(u64);

/// Times outside 1970-01-01 ..= 9999-12-31 are refused (and so never overflow a `SystemTime`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the time is outside 1970-01-01 ..= 9999-12-31")]
pub struct OutOfRange;

/// 9999-12-31T23:59:59.999Z.
const MAX_MILLIS: u64 = 253_402_300_799_999;

impl UnixMillis {
    /// The time `time`, to the millisecond.
    pub fn from_system_time(time: SystemTime) -> Result<Self, OutOfRange> {
        let since = time.duration_since(UNIX_EPOCH).map_err(|_| OutOfRange)?;
        Self::from_millis(u64::try_from(since.as_millis()).unwrap_or(u64::MAX))
    }

    /// `millis` milliseconds after the epoch.
    pub fn from_millis(millis: u64) -> Result<Self, OutOfRange> {
        if millis <= MAX_MILLIS { Ok(Self(millis)) } else { Err(OutOfRange) }
    }

    /// Now.
    pub fn now() -> Self {
        Self::from_system_time(SystemTime::now()).unwrap_or(Self(0))
    }

    /// The milliseconds since the epoch.
    pub fn as_millis(self) -> u64 {
        self.0
    }

    /// As a [`SystemTime`].
    pub fn to_system_time(self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(self.0)
    }
}

impl From<UnixMillis> for SystemTime {
    fn from(millis: UnixMillis) -> Self {
        millis.to_system_time()
    }
}

impl fmt::Display for UnixMillis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for UnixMillis {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for UnixMillis {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(serde::de::Error::custom("Unix milliseconds are decimal digits"));
        }
        let millis: u64 = text.parse().map_err(serde::de::Error::custom)?;
        Self::from_millis(millis).map_err(serde::de::Error::custom)
    }
}

/// An RFC 3339 date-time with its UTC offset, such as `2025-01-14T19:55:06+08:00`, kept as
/// written. Checked when made: the calendar date, the time of day (no leap second), an optional
/// fraction and an offset (`Z` or `±HH:MM`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rfc3339(String);

/// Why a text is not the date or date-time it should be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected}")]
pub struct InvalidTime {
    expected: &'static str,
}

const RFC3339_SHAPE: InvalidTime =
    InvalidTime { expected: "an RFC 3339 date-time such as `2025-01-14T19:55:06+08:00`" };
const DATE_SHAPE: InvalidTime = InvalidTime { expected: "a date such as `2025-01-14`" };

/// China Standard Time, the offset the Jiangsu pages' examples use.
const BEIJING_OFFSET_SECS: i64 = 8 * 3600;

impl Rfc3339 {
    /// `time` in China Standard Time (`+08:00`), to the second.
    pub fn beijing(time: SystemTime) -> Result<Self, OutOfRange> {
        let secs = time.duration_since(UNIX_EPOCH).map_err(|_| OutOfRange)?.as_secs();
        let local = i64::try_from(secs).map_err(|_| OutOfRange)? + BEIJING_OFFSET_SECS;
        let (date, secs_of_day) =
            (Date::from_days(local.div_euclid(86_400))?, local.rem_euclid(86_400));
        let (h, m, s) = (secs_of_day / 3600, secs_of_day / 60 % 60, secs_of_day % 60);
        Ok(Self(format!("{date}T{h:02}:{m:02}:{s:02}+08:00")))
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Rfc3339 {
    type Err = InvalidTime;

    fn from_str(text: &str) -> Result<Self, InvalidTime> {
        let (date, rest) = text.split_at_checked(10).ok_or(RFC3339_SHAPE)?;
        date.parse::<Date>().map_err(|_| RFC3339_SHAPE)?;
        let rest = rest.strip_prefix('T').ok_or(RFC3339_SHAPE)?;
        let (time, mut offset) = rest.split_at_checked(8).ok_or(RFC3339_SHAPE)?;
        let [h, m, s] = fields(time, ':').ok_or(RFC3339_SHAPE)?;
        if h > 23 || m > 59 || s > 59 {
            return Err(RFC3339_SHAPE);
        }
        if let Some(fraction) = offset.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(RFC3339_SHAPE);
            }
            offset = &fraction[digits..];
        }
        let valid_offset = offset == "Z"
            || offset
                .strip_prefix(['+', '-'])
                .and_then(|o| fields::<2>(o, ':'))
                .is_some_and(|[h, m]| h <= 23 && m <= 59);
        if valid_offset { Ok(Self(text.to_owned())) } else { Err(RFC3339_SHAPE) }
    }
}

/// A calendar date `YYYY-MM-DD` (years 0001–9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it exists in the (proleptic Gregorian) calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    fn from_days(days: i64) -> Result<Self, OutOfRange> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let narrow = |v: i64| u8::try_from(v).map_err(|_| OutOfRange);
        let year = u16::try_from(year).map_err(|_| OutOfRange)?;
        Self::new(year, narrow(month)?, narrow(day)?).ok_or(OutOfRange)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `N` fields of two ASCII digits separated by `separator` (`19:55:06`).
fn fields<const N: usize>(text: &str, separator: char) -> Option<[u8; N]> {
    let mut out = [0; N];
    let mut parts = text.split(separator);
    for slot in &mut out {
        let part =
            parts.next().filter(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))?;
        *slot = part.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

impl std::str::FromStr for Date {
    type Err = InvalidTime;

    fn from_str(text: &str) -> Result<Self, InvalidTime> {
        let bytes = text.as_bytes();
        let shape = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape {
            return Err(DATE_SHAPE);
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u16>().ok();
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(DATE_SHAPE);
        };
        let narrow = |v: u16| u8::try_from(v).ok();
        narrow(month)
            .zip(narrow(day))
            .and_then(|(month, day)| Self::new(year, month, day))
            .ok_or(DATE_SHAPE)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Rfc3339 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Serializes as the text; deserializes through `FromStr`, so a malformed value is refused.
macro_rules! text_serde {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

text_serde!(Rfc3339, Date);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_milliseconds_and_serializes_as_a_string() {
        let time = UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
        let millis = UnixMillis::from_system_time(time).unwrap();
        assert_eq!(serde_json::to_string(&millis).unwrap(), r#""1700000000123""#);
        assert_eq!(millis.to_system_time(), time);
        assert_eq!(serde_json::from_str::<UnixMillis>(r#""1700000000123""#).unwrap(), millis);
        assert!(serde_json::from_str::<UnixMillis>(r#""-5""#).is_err());
    }

    #[test]
    fn refuses_times_before_1970_and_after_9999() {
        let before = UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(UnixMillis::from_system_time(before), Err(OutOfRange));
        assert_eq!(UnixMillis::from_millis(MAX_MILLIS + 1), Err(OutOfRange));
        assert!(serde_json::from_str::<UnixMillis>(r#""18446744073709551615""#).is_err());
        assert_eq!(UnixMillis::from_millis(MAX_MILLIS).map(UnixMillis::as_millis), Ok(MAX_MILLIS));
    }

    #[test]
    fn rfc3339_accepts_date_times_with_offsets_only() {
        for good in
            ["2025-01-14T19:55:06+08:00", "2024-02-29T00:00:00Z", "2025-12-31T23:59:59.123-05:30"]
        {
            assert_eq!(good.parse::<Rfc3339>().unwrap().as_str(), good);
        }
        for bad in [
            "",
            "2025-01-14",
            "2025-01-14 19:55:06+08:00",
            "2025-01-14T19:55:06",
            "2025-02-29T00:00:00Z",
            "2025-01-14T24:00:00Z",
            "2025-01-14T19:55:60Z",
            "2025-01-14T19:55:06.Z",
            "2025-01-14T19:55:06+0800",
            "2025-1-14T19:55:06Z",
            "２025-01-14T19:55:06Z",
        ] {
            assert!(bad.parse::<Rfc3339>().is_err(), "{bad}");
        }
    }

    #[test]
    fn beijing_time_is_utc_plus_eight() {
        let time = UNIX_EPOCH + Duration::from_secs(1_736_855_706);
        assert_eq!(Rfc3339::beijing(time).unwrap().as_str(), "2025-01-14T19:55:06+08:00");
        assert_eq!(Rfc3339::beijing(UNIX_EPOCH).unwrap().as_str(), "1970-01-01T08:00:00+08:00");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(Rfc3339::beijing(leap).unwrap().as_str(), "2000-02-29T08:00:00+08:00");
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!("2024-02-29".parse::<Date>().unwrap().to_string(), "2024-02-29");
        for bad in ["2023-02-29", "2025-13-01", "2025-00-10", "0000-01-01", "2025-1-1", "20250114"]
        {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert_eq!(
            serde_json::to_string(&Date::new(2025, 1, 14).unwrap()).unwrap(),
            r#""2025-01-14""#
        );
    }
}
