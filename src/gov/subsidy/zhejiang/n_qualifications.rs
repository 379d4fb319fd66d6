//! `n-qualifications/confirm`: redeem several categories at once (n品类核销).

use serde::{Deserialize, Serialize};

use super::values::{Grade, SaleMode, Status, check_cert_no, check_grade};
use crate::gov::subsidy::reply::ZhejiangReply;
use crate::money::Yuan;
use crate::request::Checker;
use crate::time::UnixMillis;
use crate::{Sensitive, WechatRecord, WechatRequest};

/// n品类核销 (redeem several categories)
///
/// `POST /v3/gov/subsidy/zhejiang/n-qualifications/confirm`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: `data[].cert_no`, `data[].name`, `data[].tel`, `data[].address` (unlike
/// [`QualificationsSync`](super::QualificationsSync), this page encrypts the address).
///
/// **Not idempotent**: the page does not say that repeating a redemption is safe, so one that
/// may have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格) to find out.
///
/// The YAML's required list (`sp_serial_no`, `cred_frozen_no`, …) is a copy of the authcode
/// pages' and names fields this request does not have; the page's table (only `req_ssn`
/// required, `data` optional) is followed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/n-qualifications/confirm",
    response = ZhejiangReply,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query"
)]
pub struct NQualificationsConfirm {
    /// The categories (品类集合).
    #[wechat(nested)]
    pub data: Option<Vec<NQualification>>,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
    /// Request time (请求时间); no format published, sent as given.
    pub req_time: Option<String>,
}

/// One redeemed or returned category of an [`NQualificationsConfirm`]. `cert_no`, `name`, `tel`
/// and `address` are [`Sensitive`]: sent only encrypted, never printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRecord)]
#[serde(deny_unknown_fields)]
#[wechat(validate_with = NQualification::check_conditions)]
pub struct NQualification {
    /// Category code (品类编码); codes starting with `A` are appliances and need a `grade`.
    #[wechat(required)]
    pub cate_code: String,
    /// ID number (证件号码): letters upper-case, no spaces. Encrypted.
    #[wechat(required, encrypt)]
    pub cert_no: Sensitive,
    /// Energy grade (能耗等级), required for appliances.
    pub grade: Option<Grade>,
    /// Name (姓名). Encrypted.
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
    /// Phone number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub tel: Sensitive,
    /// Delivery region code (收货地区编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub add_code: String,
    /// Delivery address (收货地址). Encrypted.
    #[wechat(required, encrypt)]
    pub address: Sensitive,
    /// Online or offline sale (销售方式).
    pub sale_models: SaleMode,
    /// Brand (家电品牌).
    #[wechat(required)]
    pub brand: String,
    /// Region code of the campaign's funds (活动资金地区编码), 6 digits.
    #[wechat(required, digits = 6)]
    pub activity_add_code: String,
    /// Seller's unified social credit code (统一社会信用代码), 18 characters with a GB 32100 check
    /// character.
    #[wechat(required, uscc)]
    pub uniscid: String,
    /// Seller's name (销售企业名称), at most 100 characters.
    #[wechat(required, max_len = 100)]
    pub corp_name: String,
    /// The record's serial number, unique on the platform (数据流水号).
    #[wechat(required)]
    pub serial_num: String,
}

impl NQualification {
    fn check_conditions(&self, checker: &mut Checker<'_>) {
        check_grade(&self.cate_code, self.grade, checker);
        check_cert_no(&self.cert_no, "cert_no", checker);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    fn record() -> NQualification {
        NQualification {
            cate_code: "A01".into(),
            cert_no: "11010519491231002X".into(),
            grade: Some(Grade::First),
            name: "张三".into(),
            operation_time: UnixMillis::from_millis(1_735_689_600_123).unwrap(),
            bank_name: None,
            bank_subsidy: None,
            plat_subsidy: Some(Yuan::from_fen(10_000)),
            sales: Yuan::from_fen(399_900),
            status: Status::Redeemed,
            subsidy: Yuan::from_fen(60_000),
            tel: "13800138000".into(),
            add_code: "330106".into(),
            address: "杭州市西湖区文三路 1 号".into(),
            sale_models: SaleMode::Online,
            brand: "示例".into(),
            activity_add_code: "330000".into(),
            uniscid: "91350100M000100Y43".into(),
            corp_name: "杭州示例家电有限公司".into(),
            serial_num: "N1".into(),
        }
    }

    fn confirm(records: Vec<NQualification>) -> NQualificationsConfirm {
        NQualificationsConfirm { data: Some(records), req_ssn: "REQ1".into(), req_time: None }
    }

    #[test]
    fn the_address_is_encrypted_here() {
        let json = sealed(&confirm(vec![record()]));
        let item = &json["data"][0];
        for (field, plain) in [
            ("cert_no", "11010519491231002X"),
            ("name", "张三"),
            ("tel", "13800138000"),
            ("address", "杭州市西湖区文三路 1 号"),
        ] {
            assert!(item[field].as_str().is_some_and(|v| !v.is_empty() && v != plain), "{field}");
        }
        assert_eq!(item["operation_time"], "1735689600123");
        assert_eq!(item["plat_subsidy"], "100.00");
        assert_eq!(item["grade"], "一级");
    }

    #[test]
    fn every_rule_is_reported_with_its_path() {
        assert_eq!(violations(&confirm(vec![record()])), Vec::<String>::new());
        let bad = NQualification {
            grade: None,
            address: "".into(),
            corp_name: "企".repeat(101),
            serial_num: String::new(),
            cert_no: "11010519491231002x".into(),
            ..record()
        };
        assert_eq!(
            violations(&confirm(vec![record(), bad])),
            [
                "data[1].address: required",
                "data[1].corp_name: must be at most 100 characters",
                "data[1].serial_num: required",
                "data[1].grade: required when cate_code starts with `A`",
                "data[1].cert_no: must be upper-case with no spaces",
            ]
        );
        let none = NQualificationsConfirm { data: None, req_ssn: String::new(), req_time: None };
        assert_eq!(violations(&none), ["req_ssn: required"]);
    }

    #[test]
    fn debug_hides_the_personal_data() {
        let shown = format!("{:?}", confirm(vec![record()]));
        for secret in ["11010519491231002X", "张三", "13800138000", "文三路"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }

    #[test]
    fn plaintext_json_deserializes_and_unknown_fields_are_named() {
        let json = r#"{"req_ssn":"R1","data":[{"cate_code":"B01","cert_no":"11010519491231002X",
            "name":"张三","operation_time":"1735689600123","sales":"3999.00","status":"1",
            "subsidy":"600","tel":"13800138000","add_code":"330106","address":"杭州",
            "sale_models":"0","brand":"示例","activity_add_code":"330000",
            "uniscid":"91350100M000100Y43","corp_name":"企业","serial_num":"N1"}]}"#;
        let request: NQualificationsConfirm = serde_json::from_str(json).unwrap();
        assert_eq!(request.data.as_ref().unwrap()[0].address.expose(), "杭州");
        assert_eq!(violations(&request), Vec::<String>::new());
        let unknown = json.replace(r#""serial_num":"N1""#, r#""serial_num":"N1","sn_code":"S""#);
        let error = serde_json::from_str::<NQualificationsConfirm>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `sn_code`"), "{error}");
    }
}
