//! `goods/upload`: add a product to the provincial platform's product library.

use serde::{Deserialize, Serialize};

use super::{ApplianceId, EnergyGrade, ProductType, RegionCode};
use crate::WechatRequest;
use crate::gov::subsidy::reply::JiangsuReply;
use crate::money::Fen;

/// 商品信息上传 (upload a product to the provincial product library)
///
/// `POST /v3/gov/subsidy/goods/upload`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: none.
///
/// **Not idempotent**: an upload adds to the library, and the family has no query endpoint for
/// products, so no lookup is named; an unknown outcome ends in
/// [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown). Uploading the same product again is
/// refused with "获取中央平台数据异常_数据重复" (duplicate data), which tells that the first
/// upload arrived.
///
/// Every product must be uploaded through this endpoint before it is sold (the library cannot
/// be filled from a spreadsheet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(post = "/v3/gov/subsidy/goods/upload", response = JiangsuReply)]
pub struct GoodsUpload {
    /// The category (消费品类ID).
    pub appliance_id: ApplianceId,
    /// Product name (商品名称).
    #[wechat(required)]
    pub product_name: String,
    /// Energy-efficiency grade (能效等级).
    pub energy_grade: Option<EnergyGrade>,
    /// Brand (家电品牌).
    #[wechat(required)]
    pub brand: String,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The seller's name (销售企业名称).
    #[wechat(required)]
    pub seller_name: String,
    /// The seller's unified social credit code (统一社会信用代码): 18 characters,
    /// the last its GB 32100 check character.
    #[wechat(required, uscc)]
    pub license_number: String,
    /// Base price (基准价格). The page gives no unit: read as fen, like
    /// `average_trading_price`.
    pub base_price: Fen,
    /// Average price over the last month (近1个月平均交易价), in fen.
    pub average_trading_price: Fen,
    /// Product type (产品类型).
    pub product_type: ProductType,
    /// Model (商品型号).
    pub product_model: Option<String>,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub bar_code: String,
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    fn upload() -> GoodsUpload {
        GoodsUpload {
            appliance_id: ApplianceId::AirConditioner,
            product_name: "格力云佳 1.5 匹".into(),
            energy_grade: Some(EnergyGrade::First),
            brand: "格力".into(),
            qualification_region_code: nanjing(),
            seller_name: "珠海格力电器股份有限公司".into(),
            license_number: USCC.into(),
            base_price: Fen(299_900),
            average_trading_price: Fen(279_900),
            product_type: ProductType::Common,
            product_model: Some("KFR-35GW".into()),
            bar_code: "6901010101098".into(),
        }
    }

    #[test]
    fn wire_values_and_rules() {
        let json = sealed(&upload());
        assert_eq!(json["appliance_id"], 4);
        assert_eq!(
            (&json["base_price"], &json["average_trading_price"]),
            (&299_900.into(), &279_900.into())
        );
        assert_eq!(json["energy_grade"], "FIRST_LEVEL");
        let mut bad = upload();
        bad.product_name.clear();
        bad.bar_code = "69010101010".into();
        assert_eq!(
            violations(&bad),
            ["product_name: required", "bar_code: must be 13 or 14 digits"]
        );
    }
}
