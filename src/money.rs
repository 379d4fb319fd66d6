//! Amounts of money, in the unit and the JSON shape each API family uses.
//!
//! | type | wire | unit | used by |
//! | --- | --- | --- | --- |
//! | [`Yuan`] | `"12.50"` | yuan (元), two decimals | Zhejiang's string amounts (`sales`, `subsidy`, …) |
//! | [`Fen`] | `1250` | fen (分) | Jiangsu's numbers (`order_amount`, `discount_amount`, …), Zhejiang's number amounts |
//! | [`FenText`] | `"1250"` | fen (分) | Shanghai/Fujian/Chongqing's string amounts (`sales_at`, …) |
//!
//! Where a page names no unit, the SDK reads it as **fen**: if that reading is wrong, the amount
//! sent is a hundred times too large and the provincial platform refuses it, where the opposite
//! mistake (yuan read as fen) would report a hundredth of the amount and could pass unnoticed.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A non-negative amount of yuan with fen (0.01) precision, sent as `"12.50"`. It cannot hold a
/// negative, fractional-fen or non-decimal value: such input is refused when the value is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Yuan {
    fen: u64,
}

/// Why a text is not an amount of yuan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an amount of yuan is digits with at most two decimals, such as `1299.00`")]
pub struct InvalidYuan;

impl Yuan {
    /// The amount of `fen` hundredths of a yuan.
    pub const fn from_fen(fen: u64) -> Self {
        Self { fen }
    }

    /// Whole yuan.
    pub const fn from_yuan(yuan: u64) -> Option<Self> {
        match yuan.checked_mul(100) {
            Some(fen) => Some(Self { fen }),
            None => None,
        }
    }

    /// The amount in fen.
    pub const fn fen(self) -> u64 {
        self.fen
    }
}

impl FromStr for Yuan {
    type Err = InvalidYuan;

    /// Accepts `12`, `12.5` and `12.50`; refuses signs, exponents, spaces and a third decimal.
    fn from_str(text: &str) -> Result<Self, InvalidYuan> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, "00"));
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || !all_digits(fraction) || fraction.len() > 2 {
            return Err(InvalidYuan);
        }
        let whole: u64 = whole.parse().map_err(|_| InvalidYuan)?;
        let fraction: u64 = format!("{fraction:0<2}").parse().map_err(|_| InvalidYuan)?;
        let fen =
            whole.checked_mul(100).and_then(|f| f.checked_add(fraction)).ok_or(InvalidYuan)?;
        Ok(Self { fen })
    }
}

impl fmt::Display for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.fen / 100, self.fen % 100)
    }
}

impl Serialize for Yuan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Yuan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A non-negative amount in fen (分), sent as a JSON integer (`1250` for 12.50 yuan).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub u64);

impl Fen {
    /// The amount in fen.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl From<Yuan> for Fen {
    fn from(yuan: Yuan) -> Self {
        Self(yuan.fen())
    }
}

impl From<Fen> for Yuan {
    fn from(fen: Fen) -> Self {
        Yuan::from_fen(fen.0)
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} fen", self.0)
    }
}

/// A non-negative amount in fen (分), sent as a decimal string of digits (`"1250"` for 12.50
/// yuan). Deserializing refuses anything but ASCII digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FenText(pub u64);

impl Serialize for FenText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for FenText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(serde::de::Error::custom(
                "an amount in fen is decimal digits, such as `1250`",
            ));
        }
        text.parse().map(Self).map_err(serde::de::Error::custom)
    }
}

impl From<Yuan> for FenText {
    fn from(yuan: Yuan) -> Self {
        Self(yuan.fen())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decimal_yuan_and_prints_two_decimals() {
        for (text, fen, shown) in [
            ("12", 1200, "12.00"),
            ("12.5", 1250, "12.50"),
            ("0.01", 1, "0.01"),
            ("1299.00", 129900, "1299.00"),
        ] {
            let yuan: Yuan = text.parse().unwrap();
            assert_eq!((yuan.fen(), yuan.to_string().as_str()), (fen, shown), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_non_negative_decimal() {
        for text in [
            "",
            "-1",
            "+1",
            "1e3",
            "1.234",
            ".5",
            "1.",
            " 1",
            "1 ",
            "１",
            "1,000",
            "18446744073709551616",
        ] {
            assert_eq!(text.parse::<Yuan>(), Err(InvalidYuan), "{text:?}");
        }
    }

    #[test]
    fn serializes_as_a_string() {
        assert_eq!(serde_json::to_string(&Yuan::from_fen(5)).unwrap(), r#""0.05""#);
        assert_eq!(serde_json::from_str::<Yuan>(r#""3.10""#).unwrap(), Yuan::from_fen(310));
    }

    #[test]
    fn fen_is_a_number_and_fen_text_a_string_of_digits() {
        assert_eq!(serde_json::to_string(&Fen(1250)).unwrap(), "1250");
        assert_eq!(serde_json::from_str::<Fen>("7").unwrap(), Fen(7));
        assert!(serde_json::from_str::<Fen>("-7").is_err());
        assert!(serde_json::from_str::<Fen>("7.5").is_err());
        assert_eq!(serde_json::to_string(&FenText(1250)).unwrap(), r#""1250""#);
        assert_eq!(serde_json::from_str::<FenText>(r#""0""#).unwrap(), FenText(0));
        for bad in [r#""""#, r#""12.5""#, r#""-1""#, r#"" 1""#, "12"] {
            assert!(serde_json::from_str::<FenText>(bad).is_err(), "{bad}");
        }
        assert_eq!(Fen::from(Yuan::from_fen(99)), Fen(99));
    }
}
