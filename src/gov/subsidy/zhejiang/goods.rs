//! `goods/query`: the product catalogue (商品信息) by barcode.

use serde::{Deserialize, Serialize};

use super::values::CodeType;
use crate::WechatRequest;
use crate::gov::subsidy::reply::ZhejiangReply;
use crate::money::Yuan;

/// 商品信息查询 (look up a product)
///
/// `POST /v3/gov/subsidy/zhejiang/goods/query`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
///
/// The YAML lists `category_id`, `name`, `mobile`, … as required, a copy of
/// [`AuthcodeIssue`](super::AuthcodeIssue)'s list naming fields this request does not have; the
/// page's table (only `req_ssn` required) is followed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/goods/query",
    response = ZhejiangReply<Goods>,
    idempotent
)]
pub struct GoodsQuery {
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(digits = [13, 14])]
    pub goods_bar_code: Option<String>,
    /// Province code (省份代码); no format published.
    pub province: Option<String>,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
    /// Request time (请求时间); no format published, sent as given.
    pub req_time: Option<String>,
}

/// The members of a [`GoodsQuery`] answer: the product's catalogue entry. Prices are read as
/// yuan strings, the family's convention (the page names no unit).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Goods {
    /// Product barcode (商品条码).
    pub goods_bar_code: String,
    /// The entry's unique ID (本记录唯一ID).
    pub seq_id: String,
    /// Province code (省份代码).
    pub province: String,
    /// Kind of barcode (条码类型).
    pub code_type: CodeType,
    /// Category (商品品类).
    pub goods_type: String,
    /// Product name (商品名称).
    pub goods_name: String,
    /// Brand (品牌名称).
    pub logo_name: String,
    /// Model (商品型号).
    pub goods_model: String,
    /// Reference price (基准价格).
    pub basis_price: Yuan,
    /// Manufacturer's unified social credit code (厂商统一社会信用代码).
    pub manufact_cert_code: String,
    /// Manufacturer's suggested retail price (厂商指导零售价).
    pub manufact_price: Yuan,
    /// Energy label (能效标识).
    pub energy_effciency: Option<String>,
    /// Energy registration number (能效备案编号).
    pub energy_reg_code: Option<String>,
    /// Energy registration model (能效备案型号).
    pub energy_reg_model: Option<String>,
    /// 3C certificate number (3C 认证编号).
    pub reg_3c_code: Option<String>,
    /// Water-efficiency label (水效标识).
    pub water_effciency: Option<String>,
    /// Validity (有效期).
    pub expire_date: Option<String>,
    /// Description (产品描述).
    pub description: Option<String>,
    /// GPC classification code (gpc 分类代码).
    pub gpc: Option<String>,
    /// Net content (净含量).
    pub net_content: Option<String>,
    /// Unit of the net content (净含量单位代码).
    pub unit_code: Option<String>,
    /// Country of origin (原产国).
    pub origin: Option<String>,
    /// City code (市级区域代码).
    pub city: Option<String>,
    /// District code (区县区域代码).
    pub county: Option<String>,
    /// State of the entry (数据状态).
    pub data_state: Option<String>,
    /// Remark (备注).
    pub remark: Option<String>,
    /// Upload state (上送状态).
    pub upload_state: Option<String>,
    /// When the entry expires (失效时间).
    pub expire_time: Option<String>,
    /// Whether it is an AI product (是否 AI 产品); this page publishes no values, so the text is
    /// kept as sent.
    pub is_ai_product: Option<String>,
    /// Device type (设备类型).
    pub device_type: Option<String>,
    /// Manufacturer's identification code (厂商识别代码).
    pub manufact_code: Option<String>,
    /// Manufacturer's registration date (厂商注册日期).
    pub manufact_login_date: Option<String>,
    /// Manufacturer's deregistration date (厂商失效日期).
    pub manufact_logout_date: Option<String>,
    /// Manufacturer's deregistration flag (厂商失效标识).
    pub manufact_logout_flag: Option<String>,
    /// Manufacturer's registered address (厂商注册地址).
    pub manufact_register_addr: Option<String>,
    /// Manufacturer's expiry date (厂商过期日期).
    pub manufact_valid_date: Option<String>,
    /// Manufacturer's name (厂商企业名称).
    pub manufact_firm_name: Option<String>,
    /// Pricing unit (企业定价单位).
    pub price_unit: Option<String>,
    /// Launch date (上市日期).
    pub sale_date: Option<String>,
    /// PC type (PC 类型).
    pub pc_type: Option<String>,
    /// Code of the platform that uploaded the entry (上送平台编码).
    pub msg_src_platform: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    fn query() -> GoodsQuery {
        GoodsQuery {
            goods_bar_code: Some("6901234567892".into()),
            province: Some("330000".into()),
            req_ssn: "REQ1".into(),
            req_time: None,
        }
    }

    #[test]
    fn rules_and_wire_values() {
        assert_eq!(violations(&query()), Vec::<String>::new());
        let bad =
            GoodsQuery { goods_bar_code: Some("69".into()), req_ssn: String::new(), ..query() };
        assert_eq!(
            violations(&bad),
            ["goods_bar_code: must be 13 or 14 digits", "req_ssn: required"]
        );
        let json = sealed(&query());
        assert_eq!(json["goods_bar_code"], "6901234567892");
        assert!(json["req_time"].is_null());
    }

    #[test]
    fn plaintext_json_deserializes_and_unknown_fields_are_named() {
        let query: GoodsQuery = serde_json::from_str(r#"{"req_ssn":"R1"}"#).unwrap();
        assert_eq!(query.goods_bar_code, None);
        let error =
            serde_json::from_str::<GoodsQuery>(r#"{"req_ssn":"R1","sku":"1"}"#).unwrap_err();
        assert!(error.to_string().contains("unknown field `sku`"), "{error}");
        assert!(format!("{:?}", query).contains("R1"));
    }

    #[test]
    fn an_answer_needs_its_required_members() {
        let body = r#"{"resp_code":"000000","resp_desc":"成功","goods_bar_code":"6901234567892",
            "seq_id":"S1","province":"330000","code_type":"001","goods_type":"A01",
            "goods_name":"冰箱","logo_name":"示例","goods_model":"BCD-500","basis_price":"3999.00",
            "manufact_cert_code":"91350100M000100Y43","manufact_price":"4299.00"}"#;
        let answer: ZhejiangReply<Goods> = serde_json::from_str(body).unwrap();
        assert_eq!(answer.data.basis_price, Yuan::from_fen(399_900));
        let without = body.replace(r#""seq_id":"S1","#, "");
        assert!(serde_json::from_str::<ZhejiangReply<Goods>>(&without).is_err());
    }
}
