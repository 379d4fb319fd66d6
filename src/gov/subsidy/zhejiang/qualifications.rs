//! `qualifications/…`: claim, alter, query and redeem (sync) qualifications.

use serde::{Deserialize, Serialize};

use super::values::{AiProduct, CertType, Grade, SaleMode, Status, StatusCode};
use super::values::{check_cert_no, check_grade};
use crate::gov::subsidy::reply::ZhejiangReply;
use crate::money::Yuan;
use crate::request::Checker;
use crate::time::UnixMillis;
use crate::{Redacted, Sensitive, WechatRecord, WechatRequest};

/// 领取资格 (claim a qualification)
///
/// `POST /v3/gov/subsidy/zhejiang/qualifications/claim`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: `cert_no`, `name`, `tel`.
///
/// **Not idempotent**: the page does not say that claiming twice is safe, so a claim that may
/// have been applied is never sent again automatically; it ends in `Error::OutcomeUnknown`,
/// which points at `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格): its
/// state per category tells whether the claim took effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/qualifications/claim",
    response = ZhejiangReply,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query",
    validate_with = QualificationsClaim::check_conditions
)]
pub struct QualificationsClaim {
    /// Category code (品类编码), such as `A01`.
    #[wechat(required)]
    pub cate_code: String,
    /// ID number (证件号码): letters upper-case, no spaces. Encrypted.
    #[wechat(required, encrypt)]
    pub cert_no: Sensitive,
    /// Name (姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub name: Sensitive,
    /// Phone number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub tel: Sensitive,
    /// Kind of identity document (证件类型).
    pub cert_type: Option<CertType>,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
}

impl QualificationsClaim {
    fn check_conditions(&self, checker: &mut Checker<'_>) {
        check_cert_no(&self.cert_no, "cert_no", checker);
    }
}

/// 变更资格 (alter a qualification)
///
/// `POST /v3/gov/subsidy/zhejiang/qualifications/alter`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: `cert_no`, `name`, `tel`.
///
/// **Not idempotent**: the page does not say that repeating a change is safe, so one that may
/// have been applied is never sent again automatically; it ends in `Error::OutcomeUnknown`,
/// which points at `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格) to find
/// the qualification's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/qualifications/alter",
    response = ZhejiangReply<QualificationAltered>,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query",
    validate_with = QualificationsAlter::check_conditions
)]
pub struct QualificationsAlter {
    /// Category code (品类编码), such as `A01`.
    #[wechat(required)]
    pub cate_code: String,
    /// ID number (证件号码): letters upper-case, no spaces. Encrypted.
    #[wechat(required, encrypt)]
    pub cert_no: Sensitive,
    /// Name (姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub name: Sensitive,
    /// Phone number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub tel: Sensitive,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
}

impl QualificationsAlter {
    fn check_conditions(&self, checker: &mut Checker<'_>) {
        check_cert_no(&self.cert_no, "cert_no", checker);
    }
}

/// The members of a [`QualificationsAlter`] answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct QualificationAltered {
    /// The category voucher code (品类凭证码) of the altered qualification.
    pub auth_code: String,
}

/// 查询补贴资格 (query a buyer's qualifications)
///
/// `POST /v3/gov/subsidy/zhejiang/qualifications/query`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: `cert_no`.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/qualifications/query",
    response = ZhejiangReply<QualificationsFound>,
    idempotent,
    validate_with = QualificationsQuery::check_conditions
)]
pub struct QualificationsQuery {
    /// ID number (证件号码): letters upper-case, no spaces. Encrypted.
    #[wechat(required, encrypt)]
    pub cert_no: Sensitive,
    /// Category code (品类编码); all categories when absent.
    pub cate_code: Option<String>,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
}

impl QualificationsQuery {
    fn check_conditions(&self, checker: &mut Checker<'_>) {
        check_cert_no(&self.cert_no, "cert_no", checker);
    }
}

/// The members of a [`QualificationsQuery`] answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct QualificationsFound {
    /// The qualifications, one per category (资格信息).
    pub data: Option<Vec<QualificationState>>,
}

/// The state of one qualification.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct QualificationState {
    /// Category code (品类编码).
    pub cate_code: String,
    /// The state in words (状态信息), such as 尚未领取资格.
    pub status: Option<String>,
    /// The state code (状态编码).
    pub status_code: Option<StatusCode>,
}

/// 核销资格 (redeem or return qualifications)
///
/// `POST /v3/gov/subsidy/zhejiang/qualifications/sync`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: `data[].cert_no`, `data[].name`, `data[].tel`.
///
/// **Not idempotent**: the page does not say that repeating a report is safe, so a report that
/// may have been applied (a broken connection after sending, a 5xx) is never sent again
/// automatically; it ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格) to find out.
///
/// The page marks neither `req_ssn` nor `data` required, so both are optional here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/qualifications/sync",
    response = ZhejiangReply,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query"
)]
pub struct QualificationsSync {
    /// Request serial number (请求流水号).
    pub req_ssn: Option<String>,
    /// The qualifications (资格集合).
    #[wechat(nested)]
    pub data: Option<Vec<Qualification>>,
}

/// One redeemed or returned qualification. Its personal data is typed: `cert_no`, `name` and
/// `tel` are [`Sensitive`] (sent only encrypted), `address` is [`Redacted`] (sent as is); `Debug`
/// prints none of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRecord)]
#[serde(deny_unknown_fields)]
#[wechat(validate_with = Qualification::check_conditions)]
pub struct Qualification {
    /// Category voucher code (品类凭证码).
    #[wechat(required)]
    pub auth_code: String,
    /// Category code (品类编码); codes starting with `A` are appliances and need a `grade`.
    #[wechat(required)]
    pub cate_code: String,
    /// ID card number (证件号码): upper-case, no spaces. Encrypted.
    #[wechat(required, encrypt)]
    pub cert_no: Sensitive,
    /// Energy grade (能耗等级), required for appliances.
    pub grade: Option<Grade>,
    /// Buyer's name (姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub name: Sensitive,
    /// When the sale completed or the goods came back (交易完成或商品退回时间戳).
    pub operation_time: UnixMillis,
    /// Bank name (银行机构名称).
    pub bank_name: Option<String>,
    /// Bank subsidy (银行补贴金额).
    pub bank_subsidy: Option<Yuan>,
    /// Platform subsidy (交易平台补贴金额).
    pub plat_subsidy: Option<Yuan>,
    /// Sale amount (销售金额).
    pub sales: Yuan,
    /// Redeemed or returned (品类状态).
    pub status: Status,
    /// Government subsidy (政府补贴金额).
    pub subsidy: Yuan,
    /// Buyer's phone number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub tel: Sensitive,
    /// District code (区县编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub add_code: String,
    /// Delivery address (收货地址). Sent as is (this page does not encrypt it), but personal data:
    /// `Debug` prints `<redacted>`.
    #[wechat(required, redact)]
    pub address: Redacted<String>,
    /// Online or offline sale (销售方式).
    pub sale_models: SaleMode,
    /// Serial number of the product (S/N码).
    #[wechat(required)]
    pub sn_code: String,
    /// Unified social credit code of the seller (统一社会信用代码), 18 characters with a GB 32100 check
    /// character.
    #[wechat(required, uscc)]
    pub uniscid: String,
    /// Seller's name (销售企业名称).
    #[wechat(required, max_len = 100)]
    pub corp_name: String,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(required, digits = [13, 14])]
    pub barcode: String,
    /// Product name (商品名称).
    #[wechat(required)]
    pub item_name: String,
    /// Model (规格型号).
    #[wechat(required)]
    pub spec_model: String,
    /// Brand (家电品牌).
    #[wechat(required)]
    pub brand: String,
    /// Logistics number (物流单号).
    #[wechat(max_len = 100)]
    pub logistics_no: Option<String>,
    /// When the buyer signed for the delivery (签收时间).
    pub delivery_time: Option<UnixMillis>,
    /// Invoice number (发票号).
    #[wechat(max_len = 100)]
    pub invoice_no: Option<String>,
    /// Whether the product is an AI product (是否属于 AI 产品).
    pub is_ai_product: AiProduct,
    /// Computer type (类型: 台式, 笔记本): the page requires it when the category is a computer.
    /// Not checked here: the `cate_code` values are not published, so which code is a computer
    /// cannot be told; the provincial platform checks it.
    pub pc_type: Option<String>,
    /// Merchant order number (商户订单号).
    #[wechat(required, max_len = 50)]
    pub order_no: String,
    /// The original order of a return (原始订单号), required when `status` is `Returned`.
    #[wechat(required_if(status = Status::Returned))]
    pub origin_order_no: Option<String>,
    /// Region code of the campaign (活动地区编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub activity_add_code: String,
    /// IMEI1: the page requires it for communication devices. Not checked here, for the same
    /// reason as `pc_type`.
    pub imei1: Option<String>,
    /// IMEI2.
    pub imei2: Option<String>,
    /// 3C SN lock/unlock order number (3C SN 锁定解锁订单号).
    pub ccc_sn_order_no: Option<String>,
}

impl Qualification {
    /// The rules that involve several fields.
    fn check_conditions(&self, checker: &mut Checker<'_>) {
        check_grade(&self.cate_code, self.grade, checker);
        check_cert_no(&self.cert_no, "cert_no", checker);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    fn record() -> Qualification {
        Qualification {
            auth_code: "AUTH".into(),
            cate_code: "A01".into(),
            cert_no: "33010219900101123X".into(),
            grade: Some(Grade::First),
            name: "张三".into(),
            operation_time: UnixMillis::from_system_time(std::time::UNIX_EPOCH).unwrap(),
            bank_name: None,
            bank_subsidy: None,
            plat_subsidy: None,
            sales: Yuan::from_fen(100),
            status: Status::Redeemed,
            subsidy: Yuan::from_fen(10),
            tel: "13800138000".into(),
            add_code: "330106".into(),
            address: "杭州".into(),
            sale_models: SaleMode::Online,
            sn_code: "SN".into(),
            uniscid: "91330106MA2B00000U".into(),
            corp_name: "企业".into(),
            barcode: "6901234567892".into(),
            item_name: "空调".into(),
            spec_model: "M".into(),
            brand: "B".into(),
            logistics_no: None,
            delivery_time: None,
            invoice_no: None,
            is_ai_product: AiProduct::No,
            pc_type: None,
            order_no: "O1".into(),
            origin_order_no: None,
            activity_add_code: "330000".into(),
            imei1: None,
            imei2: None,
            ccc_sn_order_no: None,
        }
    }

    fn sync(record: Qualification) -> Vec<String> {
        violations(&QualificationsSync { req_ssn: None, data: Some(vec![record]) })
    }

    fn claim() -> QualificationsClaim {
        QualificationsClaim {
            cate_code: "A01".into(),
            cert_no: "11010519491231002X".into(),
            name: "张三".into(),
            tel: "13800138000".into(),
            cert_type: Some(CertType::Type1),
            req_ssn: "REQ1".into(),
        }
    }

    #[test]
    fn a_complete_record_is_valid_and_the_page_requires_no_data() {
        assert_eq!(sync(record()), Vec::<String>::new());
        let empty = QualificationsSync { req_ssn: None, data: None };
        assert_eq!(violations(&empty), Vec::<String>::new());
    }

    #[test]
    fn appliances_need_a_grade_and_returns_need_the_original_order() {
        let mut appliance = record();
        appliance.grade = None;
        assert_eq!(
            sync(appliance.clone()),
            ["data[0].grade: required when cate_code starts with `A`"]
        );
        appliance.cate_code = "B01".into();
        assert_eq!(sync(appliance), Vec::<String>::new());

        let mut returned = record();
        returned.status = Status::Returned;
        assert_eq!(
            sync(returned.clone()),
            ["data[0].origin_order_no: required when status is Status::Returned"]
        );
        returned.origin_order_no = Some("O0".into());
        assert_eq!(sync(returned), Vec::<String>::new());
    }

    #[test]
    fn field_rules_follow_the_published_page() {
        let mut bad = record();
        bad.uniscid = "91330106MA2B00000".into();
        bad.barcode = "690123456789".into();
        bad.add_code = "33010".into();
        bad.order_no = "O".repeat(51);
        bad.cert_no = "33010219900101123x".into();
        assert_eq!(
            sync(bad),
            [
                "data[0].add_code: must be 6 digits",
                "data[0].uniscid: must be an 18-character unified social credit code with a valid check character (GB 32100)",
                "data[0].barcode: must be 13 or 14 digits",
                "data[0].order_no: must be at most 50 characters",
                "data[0].cert_no: must be upper-case with no spaces",
            ]
        );
    }

    #[test]
    fn claim_alter_and_query_rules_are_reported_with_their_paths() {
        assert_eq!(violations(&claim()), Vec::<String>::new());
        let bad = QualificationsClaim {
            cate_code: String::new(),
            cert_no: "1101 05".into(),
            req_ssn: String::new(),
            ..claim()
        };
        assert_eq!(
            violations(&bad),
            [
                "cate_code: required",
                "req_ssn: required",
                "cert_no: must be upper-case with no spaces"
            ]
        );
        let alter = QualificationsAlter {
            cate_code: "A01".into(),
            cert_no: "x".into(),
            name: "".into(),
            tel: "13800138000".into(),
            req_ssn: "R".into(),
        };
        assert_eq!(
            violations(&alter),
            ["name: required", "cert_no: must be upper-case with no spaces"]
        );
        let query =
            QualificationsQuery { cert_no: "".into(), cate_code: None, req_ssn: "R".into() };
        assert_eq!(violations(&query), ["cert_no: required"]);
    }

    #[test]
    fn the_wire_values_are_the_published_ones() {
        let refused = serde_json::to_value(record()).unwrap_err().to_string();
        assert!(refused.contains("only encrypted"), "plaintext never serializes: {refused}");
        let json = sealed(&record());
        assert_ne!(json["cert_no"], "33010219900101123X");
        assert_eq!(json["address"], "杭州");
        assert_eq!(json["grade"], "一级");
        assert_eq!(json["status"], "0");
        assert_eq!(json["sale_models"], "0");
        assert_eq!(json["is_ai_product"], "1");
        assert_eq!(json["sales"], "1.00");
        assert_eq!(json["operation_time"], "0");
        let json = sealed(&claim());
        assert_eq!(json["cert_type"], "1");
        for field in ["cert_no", "name", "tel"] {
            assert!(
                !["11010519491231002X", "张三", "13800138000"]
                    .contains(&json[field].as_str().unwrap())
            );
        }
    }

    #[test]
    fn debug_hides_the_personal_data() {
        let request = QualificationsSync { req_ssn: None, data: Some(vec![record()]) };
        let shown = format!("{request:?} {:?}", claim());
        for secret in ["33010219900101123X", "11010519491231002X", "张三", "13800138000", "杭州"]
        {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("cert_no: <redacted>") && shown.contains("AUTH"), "{shown}");
        assert!(shown.contains("address: <redacted>"), "{shown}");
    }

    #[test]
    fn plaintext_json_deserializes_and_unknown_fields_are_named() {
        let json = r#"{"cate_code":"A01","cert_no":"11010519491231002X","name":"张三",
            "tel":"13800138000","req_ssn":"R1"}"#;
        let alter: QualificationsAlter = serde_json::from_str(json).unwrap();
        assert_eq!(alter.cert_no.expose(), "11010519491231002X");
        let unknown = json.replace("\"R1\"", "\"R1\",\"nickname\":\"x\"");
        let error = serde_json::from_str::<QualificationsAlter>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `nickname`"), "{error}");
        let answer: ZhejiangReply<QualificationsFound> = serde_json::from_str(
            r#"{"resp_code":"000000","resp_desc":"操作成功",
                "data":[{"cate_code":"A01","status":"尚未领取资格","status_code":"00"}]}"#,
        )
        .unwrap();
        let found = answer.data.data.unwrap();
        assert_eq!(found[0].status_code, Some(StatusCode::S00));
    }
}
