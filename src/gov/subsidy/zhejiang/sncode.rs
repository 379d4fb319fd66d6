//! `sncode/…`: lock, query and unlock a product's S/N code, so that one unit is subsidised once.
//!
//! `req_time` and `sale_time` have no published format and are sent as the text given;
//! `province`, `city` and `county` are region codes of no published length. `order_price` is a
//! string amount, read in yuan like the family's other string amounts (the page names no unit).
//! The channel (`sale_models` on lock, `sales_models` on query and unlock, 渠道类型) publishes no
//! values and is text; `is_ai_product` is read with the family's published values (`0` = yes).

use serde::{Deserialize, Serialize};

use super::values::{AiProduct, SellState};
use crate::WechatRequest;
use crate::gov::subsidy::reply::ZhejiangReply;
use crate::money::Yuan;

/// sn码锁定 (lock an S/N code)
///
/// `POST /v3/gov/subsidy/zhejiang/sncode/lock`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none.
///
/// **Not idempotent**: the page does not say that locking twice is safe, so a lock that may have
/// been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/sncode/query` (sn码销售状态查询): its sale state tells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/sncode/lock",
    response = ZhejiangReply<SncodeLocked>,
    lookup = "POST /v3/gov/subsidy/zhejiang/sncode/query"
)]
pub struct SncodeLock {
    /// Who asks (发起方).
    #[wechat(required)]
    pub create_user: String,
    /// Province code (省份代码).
    #[wechat(required)]
    pub province: String,
    /// Manufacturer's unified social credit code (厂商统一社会信用代码), 18 characters with a GB 32100
    /// check character.
    #[wechat(uscc)]
    pub manufact_cert_code: Option<String>,
    /// The product's S/N code (商品 SN码).
    #[wechat(required)]
    pub sn: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub goods_bar_code: String,
    /// Category (商品品类).
    #[wechat(required)]
    pub goods_type: String,
    /// Product name (商品名称).
    #[wechat(required)]
    pub goods_name: String,
    /// Model (商品型号).
    pub goods_model: Option<String>,
    /// IMEI 1 (IMEI_1 码).
    pub imei1: Option<String>,
    /// IMEI 2 (IMEI_2 码).
    pub imei2: Option<String>,
    /// Transaction order number (交易订单号).
    #[wechat(required)]
    pub trans_orderid: String,
    /// Order amount (订单金额), in yuan.
    pub order_price: Yuan,
    /// Acquirer (收单机构).
    pub acquire_code: Option<String>,
    /// Sales order number (销售订单号).
    #[wechat(required)]
    pub sell_orderid: String,
    /// City code (市级区域代码).
    pub city: Option<String>,
    /// District code (区县区域代码).
    pub county: Option<String>,
    /// Whether it is an AI product (是否 AI 产品): `0` = yes.
    pub is_ai_product: Option<AiProduct>,
    /// Time of sale (销售时间); no format published, sent as given.
    pub sale_time: Option<String>,
    /// Manufacturer information (厂商信息).
    pub mfr_info: Option<String>,
    /// Brand (具体品牌).
    pub brand: Option<String>,
    /// Channel (渠道类型); no values published.
    pub sale_models: Option<String>,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
    /// Request time (请求时间); no format published, sent as given.
    #[wechat(required)]
    pub req_time: String,
}

/// The members of an [`SncodeLock`] answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SncodeLocked {
    /// IMEI 1 (IMEI_1 码).
    pub imei1: Option<String>,
    /// IMEI 2 (IMEI_2 码).
    pub imei2: Option<String>,
}

/// sn码销售状态查询 (query the sale state of an S/N code)
///
/// `POST /v3/gov/subsidy/zhejiang/sncode/query`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/sncode/query",
    response = ZhejiangReply<SncodeState>,
    idempotent
)]
pub struct SncodeQuery {
    /// The product's S/N code (商品SN码).
    #[wechat(required)]
    pub sn: String,
    /// Province code (省份代码).
    #[wechat(required)]
    pub province: String,
    /// Manufacturer's unified social credit code (厂商统一社会信用代码), 18 characters with a GB 32100
    /// check character.
    #[wechat(uscc)]
    pub manufact_cert_code: Option<String>,
    /// Category (商品品类).
    #[wechat(required)]
    pub goods_type: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub goods_bar_code: String,
    /// IMEI 1 (IMEI_1 码).
    pub imei1: Option<String>,
    /// IMEI 2 (IMEI_2 码).
    pub imei2: Option<String>,
    /// Channel (渠道类型); no values published.
    pub sales_models: Option<String>,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
    /// Request time (请求时间); no format published, sent as given.
    #[wechat(required)]
    pub req_time: String,
}

/// The members of an [`SncodeQuery`] answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SncodeState {
    /// The S/N code (商品SN码).
    pub sn: Option<String>,
    /// Province code (省份代码).
    pub province: Option<String>,
    /// Sale state (售卖状态).
    pub sell_state: Option<SellState>,
}

/// sn码解锁 (unlock an S/N code)
///
/// `POST /v3/gov/subsidy/zhejiang/sncode/unlock`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none.
///
/// **Not idempotent**: the page does not say that unlocking twice is safe, so an unlock that may
/// have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/sncode/query` (sn码销售状态查询): its sale state tells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/sncode/unlock",
    response = ZhejiangReply,
    lookup = "POST /v3/gov/subsidy/zhejiang/sncode/query"
)]
pub struct SncodeUnlock {
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
    /// Request time (请求时间); no format published, sent as given.
    #[wechat(required)]
    pub req_time: String,
    /// Who asks (发起方).
    #[wechat(required)]
    pub create_user: String,
    /// Province code (省份代码).
    #[wechat(required)]
    pub province: String,
    /// Manufacturer's unified social credit code (厂商统一社会信用代码), 18 characters with a GB 32100
    /// check character.
    #[wechat(uscc)]
    pub manufact_cert_code: Option<String>,
    /// The product's S/N code (商品 SN码).
    #[wechat(required)]
    pub sn: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub goods_bar_code: String,
    /// Category (商品品类).
    #[wechat(required)]
    pub goods_type: String,
    /// Product name (商品名称).
    #[wechat(required)]
    pub goods_name: String,
    /// Model (商品型号).
    pub goods_model: Option<String>,
    /// IMEI 1 (IMEI_1 码).
    pub imei1: Option<String>,
    /// IMEI 2 (IMEI_2 码).
    pub imei2: Option<String>,
    /// Transaction order number (交易订单号).
    #[wechat(required)]
    pub trans_orderid: String,
    /// The original payment order (原支付订单号).
    #[wechat(required)]
    pub ori_pay_orderid: String,
    /// Order amount (订单金额), in yuan.
    pub order_price: Yuan,
    /// Acquirer (收单机构).
    pub acquire_code: Option<String>,
    /// Sales order number (销售订单号).
    #[wechat(required)]
    pub sell_orderid: String,
    /// City code (市级区域代码).
    pub city: Option<String>,
    /// District code (区县区域代码).
    pub county: Option<String>,
    /// Whether it is an AI product (是否 AI 产品): `0` = yes.
    pub is_ai_product: Option<AiProduct>,
    /// Time of sale (销售时间); no format published, sent as given.
    pub sale_time: Option<String>,
    /// Manufacturer information (厂商信息).
    pub mfr_info: Option<String>,
    /// Brand (具体品牌).
    pub brand: Option<String>,
    /// Channel (渠道类型); no values published.
    pub sales_models: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    fn lock() -> SncodeLock {
        SncodeLock {
            create_user: "PLATFORM".into(),
            province: "330000".into(),
            manufact_cert_code: Some("91350100M000100Y43".into()),
            sn: "SN20250101000001".into(),
            goods_bar_code: "6901234567892".into(),
            goods_type: "A01".into(),
            goods_name: "冰箱".into(),
            goods_model: None,
            imei1: None,
            imei2: None,
            trans_orderid: "T1".into(),
            order_price: Yuan::from_fen(399_900),
            acquire_code: None,
            sell_orderid: "S1".into(),
            city: None,
            county: None,
            is_ai_product: Some(AiProduct::Yes),
            sale_time: None,
            mfr_info: None,
            brand: None,
            sale_models: None,
            req_ssn: "REQ1".into(),
            req_time: "20250101120000".into(),
        }
    }

    #[test]
    fn the_wire_values_are_the_published_ones() {
        let json = sealed(&lock());
        assert_eq!(json["order_price"], "3999.00");
        assert_eq!(json["is_ai_product"], "0");
        assert_eq!(json["req_time"], "20250101120000");
    }

    #[test]
    fn every_rule_is_reported_with_its_path() {
        assert_eq!(violations(&lock()), Vec::<String>::new());
        let bad = SncodeLock {
            sn: String::new(),
            manufact_cert_code: Some("9135".into()),
            goods_bar_code: "690".into(),
            req_time: String::new(),
            ..lock()
        };
        assert_eq!(
            violations(&bad),
            [
                "manufact_cert_code: must be an 18-character unified social credit code with a valid check character (GB 32100)",
                "sn: required",
                "goods_bar_code: must be 13 or 14 digits",
                "req_time: required",
            ]
        );
    }

    #[test]
    fn plaintext_json_deserializes_and_unknown_fields_are_named() {
        let json = r#"{"sn":"SN1","province":"330000","goods_type":"A01",
            "goods_bar_code":"6901234567892","req_ssn":"R1","req_time":"20250101120000"}"#;
        let query: SncodeQuery = serde_json::from_str(json).unwrap();
        assert_eq!(violations(&query), Vec::<String>::new());
        assert!(format!("{query:?}").contains("SN1"));
        let unknown = json.replace(r#""req_ssn":"R1""#, r#""req_ssn":"R1","sale_models":"0""#);
        let error = serde_json::from_str::<SncodeQuery>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `sale_models`"), "{error}");
        let answer: ZhejiangReply<SncodeState> = serde_json::from_str(
            r#"{"resp_code":"000000","resp_desc":"成功","sn":"SN1","sell_state":"U0023"}"#,
        )
        .unwrap();
        assert_eq!(answer.data.sell_state, Some(SellState::U0023));
    }
}
