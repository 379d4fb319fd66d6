//! The enums and shared rules of the Zhejiang family, with their exact wire values.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::Sensitive;
use crate::request::{Checker, Rule};

/// Energy grade (能耗等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    /// `一级`
    #[serde(rename = "一级")]
    First,
    /// `二级`
    #[serde(rename = "二级")]
    Second,
}

/// State of the qualification (品类状态).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// `0`: redeemed (已核销).
    #[serde(rename = "0")]
    Redeemed,
    /// `1`: returned (已退回); needs `origin_order_no`.
    #[serde(rename = "1")]
    Returned,
}

/// Sales channel (销售方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaleMode {
    /// `0`: online (线上).
    #[serde(rename = "0")]
    Online,
    /// `1`: offline (线下).
    #[serde(rename = "1")]
    Offline,
}

/// Whether the product is an AI product. Careful: on the wire `0` means **yes**.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AiProduct {
    /// `0`: an AI product (是).
    #[serde(rename = "0")]
    Yes,
    /// `1`: not an AI product (否).
    #[serde(rename = "1")]
    No,
}

/// Kind of identity document (证件类型). The pages list the values `1`–`5` but publish no
/// meanings, so the variants are named after the wire values; ask the platform which is which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertType {
    /// `1` (meaning not published).
    #[serde(rename = "1")]
    Type1,
    /// `2` (meaning not published).
    #[serde(rename = "2")]
    Type2,
    /// `3` (meaning not published).
    #[serde(rename = "3")]
    Type3,
    /// `4` (meaning not published).
    #[serde(rename = "4")]
    Type4,
    /// `5` (meaning not published).
    #[serde(rename = "5")]
    Type5,
}

/// How the discount of a pre-redeemed voucher is applied (优惠模式). The page declares the member a
/// `number` but lists string values; the SDK reads the strings (a number is a decoding error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiscountMode {
    /// `DIS_FLAG`: the discount is flagged (优惠标记), offline only.
    #[serde(rename = "DIS_FLAG")]
    Flag,
    /// `DIS_CALC`: the discount is calculated (优惠计算), offline only.
    #[serde(rename = "DIS_CALC")]
    Calculated,
    /// `DIS_SMKT`: the platform's own marketing (接入方自营销), online shops only.
    #[serde(rename = "DIS_SMKT")]
    SelfMarketing,
}

/// State code of a qualification (状态编码). Meanings are not published (the example pairs `00`
/// with 尚未领取资格, not yet claimed); read the `status` text beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusCode {
    /// `00` (the example: not yet claimed, 尚未领取资格).
    #[serde(rename = "00")]
    S00,
    /// `01` (meaning not published).
    #[serde(rename = "01")]
    S01,
    /// `02` (meaning not published).
    #[serde(rename = "02")]
    S02,
    /// `03` (meaning not published).
    #[serde(rename = "03")]
    S03,
    /// `04` (meaning not published).
    #[serde(rename = "04")]
    S04,
    /// `05` (meaning not published).
    #[serde(rename = "05")]
    S05,
    /// `06` (meaning not published).
    #[serde(rename = "06")]
    S06,
}

/// Sale state of an S/N code (售卖状态). Meanings are not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SellState {
    /// `U0022` (meaning not published).
    U0022,
    /// `U0023` (meaning not published).
    U0023,
    /// `U0024` (meaning not published).
    U0024,
    /// `U9999` (meaning not published).
    U9999,
}

/// Kind of barcode (条码类型). Meanings are not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeType {
    /// `001` (meaning not published).
    #[serde(rename = "001")]
    C001,
    /// `002` (meaning not published).
    #[serde(rename = "002")]
    C002,
}

/// The family's rule for ID numbers (the clarifications: letters upper-case, no spaces).
pub(super) fn check_cert_no(cert_no: &Sensitive, field: &'static str, checker: &mut Checker<'_>) {
    if cert_no.expose().chars().any(|c| c.is_whitespace() || c.is_lowercase()) {
        checker.report(field, Rule::Custom(Cow::Borrowed("must be upper-case with no spaces")));
    }
}

/// The family's rule for energy grades: appliances (category codes starting with `A`) need one.
pub(super) fn check_grade(cate_code: &str, grade: Option<Grade>, checker: &mut Checker<'_>) {
    if cate_code.starts_with('A') && grade.is_none() {
        checker.report(
            "grade",
            Rule::Custom(Cow::Borrowed("required when cate_code starts with `A`")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire(value: impl Serialize) -> serde_json::Value {
        serde_json::to_value(value).unwrap()
    }

    #[test]
    fn the_wire_values_are_the_published_ones() {
        assert_eq!(wire(Grade::Second), "二级");
        assert_eq!(wire(Status::Returned), "1");
        assert_eq!(wire(SaleMode::Offline), "1");
        assert_eq!(wire(AiProduct::Yes), "0");
        assert_eq!(wire(CertType::Type5), "5");
        assert_eq!(wire(DiscountMode::SelfMarketing), "DIS_SMKT");
        assert_eq!(wire(StatusCode::S06), "06");
        assert_eq!(wire(SellState::U9999), "U9999");
        assert_eq!(wire(CodeType::C002), "002");
    }

    #[test]
    fn a_number_is_not_a_discount_mode() {
        let mode: DiscountMode = serde_json::from_str(r#""DIS_CALC""#).unwrap();
        assert_eq!(mode, DiscountMode::Calculated);
        assert!(serde_json::from_str::<DiscountMode>("1").is_err());
        assert!(serde_json::from_str::<CertType>(r#""6""#).is_err());
    }
}
