//! Unix timestamps in milliseconds, as the Zhejiang subsidy family sends them (`"1700000000000"`).

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
}
