//! `sncode/…`: query, lock and unlock the serial numbers (S/N codes) of 3C products.

use serde::{Deserialize, Serialize};

use super::{ApplianceId, NotSellableReason, ProductType, RegionCode, SnCodeState, check_texts};
use crate::gov::subsidy::reply::{JiangsuReply, check_data_only};
use crate::request::Checker;
use crate::time::Rfc3339;
use crate::{ApiResponse, Error, WechatRequest};

/// The most S/N codes one query may hold (`maxLength: 50` in the OpenAPI description; the page
/// gives no limit). Checked before sending.
pub const SN_CODES_PER_QUERY: usize = 50;

/// 查询sn码状态 (query whether S/N codes may be sold)
///
/// `POST /v3/gov/subsidy/sncode/query`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: none.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
///
/// At most [`SN_CODES_PER_QUERY`] codes, none of them empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/sncode/query",
    response = SnCodeStates,
    idempotent,
    validate_with = SncodeQuery::check_list
)]
pub struct SncodeQuery {
    /// The S/N codes (S/N码集合).
    #[wechat(required)]
    pub sn_code_list: Vec<String>,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
}

impl SncodeQuery {
    fn check_list(&self, checker: &mut Checker<'_>) {
        check_texts(checker, "sn_code_list", &self.sn_code_list, Some(SN_CODES_PER_QUERY));
    }
}

/// The answer of [`SncodeQuery`]: the list alone (the page lists no `code`). A body without
/// `goods_sn_list` is a decoding error, never a success.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SnCodeStates {
    /// One entry per S/N code (sn码状态数组).
    pub goods_sn_list: Vec<GoodsSn>,
}

#[diagnostic::do_not_recommend]
impl ApiResponse for SnCodeStates {
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        check_data_only(body, request_id)
    }
}

/// One S/N code's state in [`SnCodeStates`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoodsSn {
    /// The S/N code (S/N码).
    pub sn_code: String,
    /// Its state (状态).
    pub state: SnCodeState,
    /// Why it may not be sold (不可售的原因).
    pub not_sellable_reason: Option<NotSellableReason>,
}

/// sn码锁定 (lock an S/N code to an order)
///
/// `POST /v3/gov/subsidy/sncode/lock`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: none.
///
/// **Not idempotent**: a lock changes state and the page does not say repeating it is safe; an
/// unknown outcome ends in [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown), which points
/// at `POST /v3/gov/subsidy/sncode/query` (查询sn码状态): a locked code reads not sellable.
///
/// Called when a 3C product leaves the warehouse after a successful payment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/sncode/lock",
    response = JiangsuReply,
    lookup = "POST /v3/gov/subsidy/sncode/query"
)]
pub struct SncodeLock {
    /// The category (消费品类ID).
    pub appliance_id: ApplianceId,
    /// The merchant's payment order number (商户支付订单号).
    #[wechat(required)]
    pub out_trade_no: String,
    /// Brand (家电品牌).
    #[wechat(required)]
    pub brand: String,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The product's serial number (S/N码).
    #[wechat(required)]
    pub sn_code: String,
    /// Manufacturer (厂商信息).
    #[wechat(required)]
    pub manufacturer_info: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub barcode: String,
    /// Model (规格型号).
    #[wechat(required)]
    pub spec_model: String,
    /// Product type (产品类型).
    pub product_type: ProductType,
    /// When it was sold (销售时间).
    pub sale_time: Option<Rfc3339>,
    /// IMEI 1 (imei1编码).
    pub imei1: Option<String>,
    /// IMEI 2 (imei2编码).
    pub imei2: Option<String>,
}

/// sn码解锁 (unlock an S/N code)
///
/// `POST /v3/gov/subsidy/sncode/unlock`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: none.
///
/// **Not idempotent**: an unlock changes state and the page does not say repeating it is safe;
/// an unknown outcome ends in [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown), which
/// points at `POST /v3/gov/subsidy/sncode/query` (查询sn码状态): an unlocked code reads sellable.
///
/// An unlocked code may be locked to another order; the page warns not to sell one code twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/sncode/unlock",
    response = JiangsuReply,
    lookup = "POST /v3/gov/subsidy/sncode/query"
)]
pub struct SncodeUnlock {
    /// The category (消费品类ID).
    pub appliance_id: ApplianceId,
    /// The merchant's payment order number (商户支付订单号).
    #[wechat(required)]
    pub out_trade_no: String,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The product's serial number (S/N码).
    #[wechat(required)]
    pub sn_code: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub barcode: String,
    /// Product type (产品类型).
    pub product_type: ProductType,
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    fn lock() -> SncodeLock {
        SncodeLock {
            appliance_id: ApplianceId::MobilePhone,
            out_trade_no: "vmall_250120131959_993_4494".into(),
            brand: "华为".into(),
            qualification_region_code: nanjing(),
            sn_code: "9CC0AC186027".into(),
            manufacturer_info: "华为终端有限公司".into(),
            barcode: "6901010101098".into(),
            spec_model: "Mate 70".into(),
            product_type: ProductType::Common,
            sale_time: Some(time()),
            imei1: Some("358882046176540".into()),
            imei2: None,
        }
    }

    #[test]
    fn the_query_holds_at_most_50_codes_none_empty() {
        let codes = |n: usize| (0..n).map(|i| format!("SN{i}")).collect::<Vec<_>>();
        let query = SncodeQuery { sn_code_list: codes(50), qualification_region_code: nanjing() };
        assert_eq!(violations(&query), Vec::<String>::new());
        let mut bad = SncodeQuery { sn_code_list: codes(51), ..query };
        bad.sn_code_list[3].clear();
        assert_eq!(
            violations(&bad),
            ["sn_code_list: must hold at most 50 items", "sn_code_list[3]: required"]
        );
        bad.sn_code_list.clear();
        assert_eq!(violations(&bad), ["sn_code_list: required"]);
    }

    #[test]
    fn lock_wire_values_and_rules() {
        let json = sealed(&lock());
        assert_eq!(json["appliance_id"], 15);
        assert_eq!(json["qualification_region_code"], 320100);
        assert_eq!(json["product_type"], "COMMON_PRODUCT");
        assert_eq!(json["sale_time"], "2025-01-14T19:55:06+08:00");
        let mut bad = lock();
        bad.sn_code.clear();
        bad.manufacturer_info.clear();
        bad.barcode = "69010101010981".repeat(2);
        assert_eq!(
            violations(&bad),
            [
                "sn_code: required",
                "manufacturer_info: required",
                "barcode: must be 13 or 14 digits"
            ]
        );
    }

    #[test]
    fn the_answer_lists_states() {
        let states: SnCodeStates = serde_json::from_str(
            r#"{"goods_sn_list":[{"sn_code":"A","state":"SNCODE_STATE_NOT_SELLABLE",
                "not_sellable_reason":"NOT_SELLABLE_REASON_USED"}]}"#,
        )
        .unwrap();
        assert_eq!(states.goods_sn_list[0].not_sellable_reason, Some(NotSellableReason::Used));
    }
}
