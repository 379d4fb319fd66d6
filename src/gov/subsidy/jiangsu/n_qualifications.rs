//! `n-qualifications/sync`: report a redeemed or returned N-category qualification.

use serde::{Deserialize, Serialize};

use super::{
    ApplianceId, CateState, EnergyGrade, IdentityDocumentType, PcType, ProductType, RegionCode,
    SaleModel,
};
use crate::gov::subsidy::reply::JiangsuReply;
use crate::money::Fen;
use crate::time::Rfc3339;
use crate::{Redacted, Sensitive, WechatRequest};

/// N品类同步资格核销信息 (report a redeemed or returned N-category qualification)
///
/// `POST /v3/gov/subsidy/n-qualifications/sync`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: `real_name`, `id_card_number`, `phone_number`.
///
/// **Not idempotent**: the page does not say that repeating a report is safe, so a report that
/// may have been applied is never sent again automatically; it ends in
/// [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown), which points at
/// `POST /v3/gov/subsidy/transactions/query` (交易信息查询): its `cate_state` for the order
/// (the page's 商户订单号, read as `out_trade_no`) tells whether the report arrived.
///
/// For the local (N-category, `cate_code`) subsidies; [`QualificationsSync`](super::QualificationsSync)
/// reports the national categories. The OpenAPI description also lists `spec_model` as
/// required but does not define it; the page has no such field, and this type follows the page
/// (WeChat Pay refuses the report if it does want one). `pc_type` is required for computers
/// ([`ApplianceId::Computer`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/n-qualifications/sync",
    response = JiangsuReply,
    lookup = "POST /v3/gov/subsidy/transactions/query"
)]
pub struct NQualificationsSync {
    /// The buyer's name (自然人姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub real_name: Sensitive,
    /// The buyer's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(required, encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Sensitive,
    /// The buyer's mobile number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub phone_number: Sensitive,
    /// The category (消费品类ID).
    pub appliance_id: Option<ApplianceId>,
    /// The merchant's payment order number (商户支付订单号).
    #[wechat(required)]
    pub out_trade_no: String,
    /// Sub-merchant ID (子商户号).
    pub sub_mchid: Option<String>,
    /// Energy-efficiency grade (能效等级).
    pub energy_grade: Option<EnergyGrade>,
    /// Region code of the delivery (收货地区编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub receive_region_code: String,
    /// Brand (家电品牌).
    #[wechat(required)]
    pub brand: String,
    /// Delivery address (收货地址). Sent as is (the page does not encrypt it), but personal
    /// data: `Debug` prints `<redacted>`.
    #[wechat(required, redact)]
    pub address: Redacted<String>,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The seller's name (销售企业名称).
    #[wechat(required)]
    pub seller_name: String,
    /// The seller's unified social credit code (统一社会信用代码): 18 characters,
    /// the last its GB 32100 check character.
    #[wechat(required, uscc)]
    pub license_number: String,
    /// Logistics number (物流单号).
    pub logistics_num: Option<String>,
    /// When the buyer signed for the delivery (签收时间).
    pub delivery_time: Option<Rfc3339>,
    /// Invoice number (发票号).
    #[wechat(required)]
    pub invoice_num: String,
    /// Product type (产品类型).
    pub product_type: ProductType,
    /// Computer type (类型), required for computers.
    #[wechat(required_if(appliance_id = ApplianceId::Computer))]
    pub pc_type: Option<PcType>,
    /// Order amount (订单金额). The page gives no unit: read as fen, like `discount_amount`.
    pub order_amount: Fen,
    /// Discount (优惠金额), in fen: only the national-subsidy discount, no other.
    pub discount_amount: Fen,
    /// The online platform's order number (线上平台订单编号).
    #[wechat(required)]
    pub mch_order_id: String,
    /// When the invoice was issued (开票日期; an RFC 3339 date-time per the OpenAPI description).
    pub invoice_time: Rfc3339,
    /// The invoice's buyer (购买方名称). Sent as is, but may name a person: `Debug` prints
    /// `<redacted>`.
    #[wechat(required, redact)]
    pub purchaser_name: Redacted<String>,
    /// Sales channel (销售方式).
    pub sale_model: SaleModel,
    /// The type of `id_card_number` (证件类型).
    pub identity_document_type: IdentityDocumentType,
    /// Where the invoice was issued (发票开具地), a 6-digit region code.
    #[wechat(required, digits = 6)]
    pub invoice_address_code: String,
    /// Tax authority code (税务机关代码).
    #[wechat(required)]
    pub tax_authority_code: String,
    /// When the sale completed or the goods came back (交易完成或商品退回时间).
    pub transaction_time: Rfc3339,
    /// Redeemed or returned (品类状态).
    pub cate_state: CateState,
    /// Where the buyer is: longitude (经度), as text (the page gives no format). Sent as is, but
    /// personal data: `Debug` prints `<redacted>`.
    #[wechat(redact)]
    pub longitude: Option<Redacted<String>>,
    /// Where the buyer is: latitude (纬度), as text. Sent as is; `Debug` prints `<redacted>`.
    #[wechat(redact)]
    pub latitude: Option<Redacted<String>>,
    /// Category code (品类编码), such as `JS06`; the list is not published.
    #[wechat(required)]
    pub cate_code: String,
    /// Coupon code (券码).
    pub coupon_code: Option<String>,
    /// Invoice code (发票代码).
    pub invoice_code: Option<String>,
    /// The online platform's refund number (线上平台退款交易编号).
    pub refund_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::request::Rule;

    fn sync() -> NQualificationsSync {
        NQualificationsSync {
            real_name: name(),
            id_card_number: id_card(),
            phone_number: phone(),
            appliance_id: None,
            out_trade_no: "vmall_250120131959_993_4494".into(),
            sub_mchid: Some("1900000109".into()),
            energy_grade: None,
            receive_region_code: "320102".into(),
            brand: "海尔".into(),
            address: ADDRESS.into(),
            qualification_region_code: nanjing(),
            seller_name: "海尔智家股份有限公司".into(),
            license_number: USCC.into(),
            logistics_num: None,
            delivery_time: None,
            invoice_num: "031001900204".into(),
            product_type: ProductType::Common,
            pc_type: None,
            order_amount: Fen(10_000),
            discount_amount: Fen(2_000),
            mch_order_id: "123456789".into(),
            invoice_time: time(),
            purchaser_name: NAME.into(),
            sale_model: SaleModel::Offline,
            identity_document_type: IdentityDocumentType::IdCard,
            invoice_address_code: "320100".into(),
            tax_authority_code: "13201000000".into(),
            transaction_time: time(),
            cate_state: CateState::Refund,
            longitude: Some("118.7969".into()),
            latitude: Some("32.0603".into()),
            cate_code: "JS06".into(),
            coupon_code: None,
            invoice_code: None,
            refund_id: Some("R123456789".into()),
        }
    }

    #[test]
    fn the_wire_values_are_the_published_ones() {
        let json = sealed(&sync());
        assert_encrypted(&json, "real_name", NAME);
        assert_encrypted(&json, "id_card_number", ID_CARD);
        assert_encrypted(&json, "phone_number", PHONE);
        assert_eq!(json["qualification_region_code"], 320100);
        assert_eq!(
            (&json["order_amount"], &json["discount_amount"]),
            (&10_000.into(), &2_000.into())
        );
        assert_eq!(json["cate_state"], "CATE_STATE_REFUND");
        assert_eq!(json["sale_model"], "SALE_MODEL_OFFLINE");
        assert_eq!(json["transaction_time"], "2025-01-14T19:55:06+08:00");
        assert_eq!(json["latitude"], "32.0603");
        assert_eq!(json["cate_code"], "JS06");
    }

    #[test]
    fn rules_report_their_fields() {
        let mut bad = sync();
        bad.id_card_number = "".into();
        bad.receive_region_code = "3201021".into();
        bad.license_number = "91350100M000100Y4".into();
        bad.appliance_id = Some(ApplianceId::Computer);
        bad.cate_code.clear();
        assert_eq!(
            violations(&bad),
            [
                "id_card_number: required".to_owned(),
                "receive_region_code: must be 6 digits".into(),
                format!("license_number: {}", Rule::Uscc),
                "pc_type: required when appliance_id is ApplianceId::Computer".into(),
                "cate_code: required".into(),
            ]
        );
    }

    #[test]
    fn debug_hides_the_personal_data() {
        assert_debug_hides(&sync(), &[NAME, ID_CARD, PHONE, ADDRESS, "118.7969", "32.0603"]);
    }
}
