//! `qualifications/…`: query a person's qualifications, report a redemption, and claim, cancel
//! and query qualifications in pass-through mode.

use serde::{Deserialize, Serialize};

use super::{
    ApplianceId, CateState, ClaimMode, EnergyGrade, IdentityDocumentType, PcType, ProductType,
    QualificationState, RegionCode, SaleModel, UnclaimedReason,
};
use crate::gov::subsidy::reply::{JiangsuReply, check_data_only};
use crate::money::Fen;
use crate::time::Rfc3339;
use crate::{ApiResponse, Error, Redacted, Sensitive, WechatRequest};

/// 批量查询用户资格 (query all of a person's qualifications)
///
/// `POST /v3/gov/subsidy/qualifications/query`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: `real_name`, `id_card_number`, `phone_number`.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe. It also asks the
/// provincial platform (not a hard dependency), so it can be slow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/qualifications/query",
    response = QualificationList,
    idempotent
)]
pub struct QualificationsQuery {
    /// The person's name (自然人姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub real_name: Sensitive,
    /// The person's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(required, encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Sensitive,
    /// The person's mobile number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub phone_number: Sensitive,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The type of `id_card_number` (证件类型).
    pub identity_document_type: IdentityDocumentType,
}

/// The answer of [`QualificationsQuery`]: the list alone (the page lists no `code`). A body
/// without `qualification_list` is a decoding error, never a success.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QualificationList {
    /// One entry per category (资格状态数组).
    pub qualification_list: Vec<QualificationEntry>,
}

#[diagnostic::do_not_recommend]
impl ApiResponse for QualificationList {
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        check_data_only(body, request_id)
    }
}

/// One category's qualification in a [`QualificationList`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QualificationEntry {
    /// The category (消费品类ID).
    pub appliance_id: ApplianceId,
    /// Its state (状态).
    pub state: QualificationState,
    /// Why it counts as unclaimed (区分未领取的原因).
    pub unclaimed_reason: Option<UnclaimedReason>,
    /// The platform that claimed it (领取的平台名称).
    pub claimed_platform_name: Option<String>,
    /// The region that claimed it (领取的地区名称).
    pub claimed_region_name: Option<String>,
}

/// 同步资格核销信息 (report a redeemed or returned qualification)
///
/// `POST /v3/gov/subsidy/qualifications/sync`, region 江苏 Jiangsu. Official page:
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
/// Sent after the redemption, with the delivery and invoice details; may be uploaded offline.
/// `pc_type` is required for computers ([`ApplianceId::Computer`]), and `id_card_number` is
/// checked as a resident ID when the document is a mainland ID card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/qualifications/sync",
    response = JiangsuReply,
    lookup = "POST /v3/gov/subsidy/transactions/query"
)]
pub struct QualificationsSync {
    /// The buyer's name (自然人姓名). Encrypted.
    #[wechat(encrypt)]
    pub real_name: Option<Sensitive>,
    /// The buyer's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Option<Sensitive>,
    /// The buyer's mobile number (手机号). Encrypted.
    #[wechat(encrypt)]
    pub phone_number: Option<Sensitive>,
    /// The category (消费品类ID).
    pub appliance_id: Option<ApplianceId>,
    /// The merchant's payment order number (商户支付订单号).
    #[wechat(required)]
    pub out_trade_no: String,
    /// Sub-merchant ID (子商户号). Spelt `sub_mch_id` on this page (`sub_mchid` elsewhere).
    pub sub_mch_id: Option<String>,
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
    /// The product's serial number (S/N码).
    #[wechat(required)]
    pub sn_code: String,
    /// The seller's name (销售企业名称).
    #[wechat(required)]
    pub seller_name: String,
    /// The seller's unified social credit code (统一社会信用代码): 18 characters,
    /// the last its GB 32100 check character.
    #[wechat(required, uscc)]
    pub license_number: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub barcode: String,
    /// Product name (商品名称).
    #[wechat(required)]
    pub item_name: String,
    /// Model (规格型号).
    #[wechat(required)]
    pub spec_model: String,
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
    /// IMEI 1 (imei1编码).
    pub imei1: Option<String>,
    /// IMEI 2 (imei2编码).
    pub imei2: Option<String>,
    /// The online platform's order number (线上平台订单编号).
    #[wechat(required)]
    pub mch_order_id: String,
    /// The online platform's refund number (线上平台退款交易编号).
    pub refund_id: Option<String>,
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
    /// Invoice code (发票代码).
    pub invoice_code: Option<String>,
    /// Tax authority code (税务机关代码).
    #[wechat(required)]
    pub tax_authority_code: String,
    /// When the sale completed or the goods came back (交易完成或商品退回时间).
    pub transaction_time: Rfc3339,
    /// Redeemed or returned (品类状态).
    pub cate_state: CateState,
    /// The selling and invoicing merchant (销售主体，开票主体，商户名称).
    #[wechat(required)]
    pub mch_name: String,
}

/// 领取资格(透传模式) (claim a qualification, pass-through mode)
///
/// `POST /v3/gov/subsidy/qualifications/passthrough/claim`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: `real_name`, `id_card_number`, `phone_number`.
///
/// **Not idempotent**: a claim changes state and the page does not say repeating it is safe; an
/// unknown outcome ends in [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown), which points
/// at `POST /v3/gov/subsidy/qualifications/passthrough/query` (批量查询用户资格(透传模式)) to
/// find out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/qualifications/passthrough/claim",
    response = JiangsuReply,
    lookup = "POST /v3/gov/subsidy/qualifications/passthrough/query"
)]
pub struct QualificationsPassthroughClaim {
    /// The person's name (自然人姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub real_name: Sensitive,
    /// The person's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(required, encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Sensitive,
    /// The person's mobile number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub phone_number: Sensitive,
    /// The category (消费品类ID); optional on the page.
    pub appliance_id: Option<ApplianceId>,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The type of `id_card_number` (证件类型).
    pub identity_document_type: IdentityDocumentType,
    /// Where the person is: longitude (经度), as text (the page gives no format). Sent as is,
    /// but personal data: `Debug` prints `<redacted>`.
    #[wechat(required, redact)]
    pub longitude: Redacted<String>,
    /// Where the person is: latitude (纬度), as text. Sent as is; `Debug` prints `<redacted>`.
    #[wechat(required, redact)]
    pub latitude: Redacted<String>,
}

/// 取消资格(透传模式) (cancel a qualification, pass-through mode)
///
/// `POST /v3/gov/subsidy/qualifications/passthrough/cancel`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: `real_name`, `id_card_number`, `phone_number`.
///
/// **Not idempotent**: a cancellation changes state and the page does not say repeating it is
/// safe; an unknown outcome ends in [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown),
/// which points at `POST /v3/gov/subsidy/qualifications/passthrough/query` to find out.
///
/// The OpenAPI description lists `longitude` and `latitude` as required but does not define
/// them; the page has neither. This type follows the page: if WeChat Pay does want them, it
/// refuses the request, and nothing is cancelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/qualifications/passthrough/cancel",
    response = JiangsuReply,
    lookup = "POST /v3/gov/subsidy/qualifications/passthrough/query"
)]
pub struct QualificationsPassthroughCancel {
    /// The person's name (自然人姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub real_name: Sensitive,
    /// The person's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(required, encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Sensitive,
    /// The person's mobile number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub phone_number: Sensitive,
    /// The category whose qualification is cancelled (消费品类ID).
    pub appliance_id: ApplianceId,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// Request number (请求序号).
    pub out_request_no: Option<String>,
    /// The type of `id_card_number` (证件类型).
    pub identity_document_type: IdentityDocumentType,
}

/// 批量查询用户资格(透传模式) (query a person's qualifications, pass-through mode)
///
/// `POST /v3/gov/subsidy/qualifications/passthrough/query`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: `real_name`, `id_card_number`, `phone_number`.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe. It covers qualifications
/// claimed in pass-through and mini-program mode; the page asks integrators to keep their own
/// record of the states as well.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/qualifications/passthrough/query",
    response = PassthroughQualificationList,
    idempotent
)]
pub struct QualificationsPassthroughQuery {
    /// The person's name (自然人姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub real_name: Sensitive,
    /// The person's document number (自然人证件号). Encrypted; checked as a
    /// mainland resident ID (GB 11643 check digit) when `identity_document_type` is `IdCard`.
    #[wechat(required, encrypt, resident_id_if(identity_document_type = IdentityDocumentType::IdCard))]
    pub id_card_number: Sensitive,
    /// The person's mobile number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub phone_number: Sensitive,
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The type of `id_card_number` (证件类型).
    pub identity_document_type: IdentityDocumentType,
}

/// The answer of [`QualificationsPassthroughQuery`]: the list alone (the page lists no
/// `code`). A body without `qualification_list` is a decoding error, never a success.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PassthroughQualificationList {
    /// One entry per category (资格状态数组).
    pub qualification_list: Vec<PassthroughQualificationEntry>,
}

#[diagnostic::do_not_recommend]
impl ApiResponse for PassthroughQualificationList {
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        check_data_only(body, request_id)
    }
}

/// One category's qualification in a [`PassthroughQualificationList`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PassthroughQualificationEntry {
    /// The category (消费品类ID).
    pub appliance_id: ApplianceId,
    /// Its state (状态).
    pub state: QualificationState,
    /// Why it counts as unclaimed (区分未领取的原因).
    pub unclaimed_reason: Option<UnclaimedReason>,
    /// How it was claimed (区分对接模式).
    pub claim_mode: Option<ClaimMode>,
    /// The platform that claimed it (领取的平台名称).
    pub claimed_platform_name: Option<String>,
    /// The region that claimed it (领取的地区名称).
    pub claimed_region_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::request::Rule;

    fn sync() -> QualificationsSync {
        QualificationsSync {
            real_name: Some(name()),
            id_card_number: Some(id_card()),
            phone_number: Some(phone()),
            appliance_id: Some(ApplianceId::Computer),
            out_trade_no: "vmall_250120131959_993_4494".into(),
            sub_mch_id: None,
            energy_grade: Some(EnergyGrade::First),
            receive_region_code: "320102".into(),
            brand: "联想".into(),
            address: ADDRESS.into(),
            qualification_region_code: nanjing(),
            sn_code: "PF3ABCDE".into(),
            seller_name: "联想（北京）信息技术有限公司".into(),
            license_number: USCC.into(),
            barcode: "6901010101098".into(),
            item_name: "联想YOGA AIR 15".into(),
            spec_model: "YOGA Air 15s ILL9".into(),
            logistics_num: None,
            delivery_time: Some(time()),
            invoice_num: "031001900204".into(),
            product_type: ProductType::Ai,
            pc_type: Some(PcType::Laptop),
            order_amount: Fen(699_900),
            discount_amount: Fen(100_000),
            imei1: None,
            imei2: None,
            mch_order_id: "123456789".into(),
            refund_id: None,
            invoice_time: time(),
            purchaser_name: NAME.into(),
            sale_model: SaleModel::Online,
            identity_document_type: IdentityDocumentType::IdCard,
            invoice_address_code: "320100".into(),
            invoice_code: None,
            tax_authority_code: "13201000000".into(),
            transaction_time: time(),
            cate_state: CateState::Redeem,
            mch_name: "江苏京东信息技术有限公司".into(),
        }
    }

    fn claim() -> QualificationsPassthroughClaim {
        QualificationsPassthroughClaim {
            real_name: name(),
            id_card_number: id_card(),
            phone_number: phone(),
            appliance_id: None,
            qualification_region_code: nanjing(),
            identity_document_type: IdentityDocumentType::IdCard,
            longitude: "118.7969".into(),
            latitude: "32.0603".into(),
        }
    }

    #[test]
    fn sync_wire_values_are_the_published_ones() {
        let json = sealed(&sync());
        assert_encrypted(&json, "real_name", NAME);
        assert_encrypted(&json, "id_card_number", ID_CARD);
        assert_encrypted(&json, "phone_number", PHONE);
        assert_eq!(json["appliance_id"], 5);
        assert_eq!(json["qualification_region_code"], 320100);
        assert_eq!(json["order_amount"], 699_900);
        assert_eq!(json["energy_grade"], "FIRST_LEVEL");
        assert_eq!(json["product_type"], "AI_PRODUCT");
        assert_eq!(json["pc_type"], "LAPTOP");
        assert_eq!(json["sale_model"], "SALE_MODEL_ONLINE");
        assert_eq!(json["identity_document_type"], "ID_DOC_TYPE_ID_CARD");
        assert_eq!(json["cate_state"], "CATE_STATE_REDEEM");
        assert_eq!(json["invoice_time"], "2025-01-14T19:55:06+08:00");
        assert_eq!(json["address"], ADDRESS);
        assert_eq!(json["purchaser_name"], NAME);
    }

    #[test]
    fn sync_rules_report_their_fields() {
        let mut bad = sync();
        bad.id_card_number = Some("110105194912310021".into());
        bad.out_trade_no.clear();
        bad.receive_region_code = "32010".into();
        bad.address = "".into();
        bad.license_number = "91350100M000100Y44".into();
        bad.barcode = "690101010109".into();
        bad.pc_type = None;
        bad.purchaser_name = "".into();
        bad.invoice_address_code = "3201AB".into();
        bad.mch_name.clear();
        assert_eq!(
            violations(&bad),
            [
                format!("id_card_number: {}", Rule::ResidentId),
                "out_trade_no: required".into(),
                "receive_region_code: must be 6 digits".into(),
                "address: required".into(),
                format!("license_number: {}", Rule::Uscc),
                "barcode: must be 13 or 14 digits".into(),
                "pc_type: required when appliance_id is ApplianceId::Computer".into(),
                "purchaser_name: required".into(),
                "invoice_address_code: must be 6 digits".into(),
                "mch_name: required".into(),
            ]
        );
    }

    #[test]
    fn conditional_rules_follow_the_document_and_the_category() {
        let mut other = sync();
        other.identity_document_type = IdentityDocumentType::TravelPermitHkMc;
        other.id_card_number = Some("H01234567".into());
        other.appliance_id = Some(ApplianceId::Tv);
        other.pc_type = None;
        assert_eq!(violations(&other), Vec::<String>::new());
        other.appliance_id = None;
        assert_eq!(violations(&other), Vec::<String>::new());
    }

    #[test]
    fn passthrough_requests_need_the_real_name_triple() {
        let mut bad = claim();
        bad.real_name = "".into();
        bad.phone_number = "".into();
        bad.latitude = "".into();
        assert_eq!(
            violations(&bad),
            ["real_name: required", "phone_number: required", "latitude: required"]
        );
        let json = sealed(&claim());
        assert_encrypted(&json, "id_card_number", ID_CARD);
        assert_eq!(json["longitude"], "118.7969");
        assert!(json.get("appliance_id").is_none_or(serde_json::Value::is_null));
    }

    #[test]
    fn debug_hides_the_personal_data() {
        assert_debug_hides(&sync(), &[NAME, ID_CARD, PHONE, ADDRESS]);
        assert_debug_hides(&claim(), &[NAME, ID_CARD, PHONE, "118.7969", "32.0603"]);
    }

    #[test]
    fn answers_decode_with_their_states() {
        let list: PassthroughQualificationList = serde_json::from_str(
            r#"{"qualification_list":[{"appliance_id":1,"state":"UNCLAIMED",
                "unclaimed_reason":"REASON_CLAIMED_BY_OTHER_MODE",
                "claim_mode":"CLAIM_MODE_MINI_PROGRAM"}]}"#,
        )
        .unwrap();
        let entry = &list.qualification_list[0];
        assert_eq!(entry.unclaimed_reason, Some(UnclaimedReason::ClaimedByOtherMode));
        assert_eq!(entry.claim_mode, Some(ClaimMode::MiniProgram));
        let list: QualificationList = serde_json::from_str(
            r#"{"qualification_list":[{"appliance_id":17,"state":"REDEEMED"}]}"#,
        )
        .unwrap();
        assert_eq!(list.qualification_list[0].appliance_id, ApplianceId::SmartWatch);
        let unknown = r#"{"qualification_list":[{"appliance_id":18,"state":"REDEEMED"}]}"#;
        assert!(serde_json::from_str::<QualificationList>(unknown).is_err());
    }
}
