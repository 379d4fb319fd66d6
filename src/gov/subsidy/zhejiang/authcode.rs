//! `authcode/…`: the category voucher code (品类凭证码) flow: [`AuthcodeIssue`] issues a code,
//! [`AuthcodeTry`] pre-redeems (freezes) it and answers a `cred_frozen_no`, which then
//! [`AuthcodeCommit`] confirms, [`AuthcodeCancel`] releases, and [`AuthcodeRefund`] reverses after
//! a confirmation.
//!
//! `trans_date` and `trans_time` have no published format and are sent as the text given. The
//! number amounts (`subsidy_amt`, `amount`, …) have no published unit and are read as fen
//! ([`Fen`]; see [`money`](crate::money) on why).
//!
//! No query by voucher code or `cred_frozen_no` is published: a state-changing call that may have
//! been applied names `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格), which
//! shows the buyer's qualification state per category — an indirect answer, the nearest there is.

use serde::{Deserialize, Serialize};

use super::values::{CertType, DiscountMode, SaleMode, check_cert_no};
use crate::gov::subsidy::reply::ZhejiangReply;
use crate::money::{Fen, Yuan};
use crate::request::Checker;
use crate::{Redacted, Sensitive, WechatRequest};

/// 申请品类凭证码 (issue a category voucher code)
///
/// `POST /v3/gov/subsidy/zhejiang/authcode/issue`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: `name`, `mobile`, `cert_no`.
///
/// **Not idempotent**: the page does not say that asking twice is safe, so a request that may
/// have been applied is never sent again automatically; it ends in `Error::OutcomeUnknown`,
/// which points at `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/authcode/issue",
    response = ZhejiangReply<AuthcodeIssued>,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query",
    validate_with = AuthcodeIssue::check_conditions
)]
pub struct AuthcodeIssue {
    /// Category code (品类编码), such as `A01`.
    #[wechat(required)]
    pub category_id: String,
    /// The buyer's user ID (用户id).
    pub openid: Option<String>,
    /// Name (姓名). Encrypted.
    #[wechat(required, encrypt)]
    pub name: Sensitive,
    /// Phone number (手机号). Encrypted.
    #[wechat(required, encrypt)]
    pub mobile: Sensitive,
    /// District code (区县编码), 6 digits (`330000`).
    #[wechat(required, digits = 6)]
    pub add_code: String,
    /// Free field for the platform (自定义域).
    pub custom_info: Option<String>,
    /// Kind of identity document (证件类型).
    pub cert_type: CertType,
    /// ID number (证件号码): letters upper-case, no spaces. Encrypted.
    #[wechat(required, encrypt)]
    pub cert_no: Sensitive,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
}

impl AuthcodeIssue {
    fn check_conditions(&self, checker: &mut Checker<'_>) {
        check_cert_no(&self.cert_no, "cert_no", checker);
    }
}

/// The members of an [`AuthcodeIssue`] answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AuthcodeIssued {
    /// The voucher code (品类凭证码).
    pub auth_code: Option<String>,
}

/// 预核销品类凭证码 (pre-redeem a voucher code)
///
/// `POST /v3/gov/subsidy/zhejiang/authcode/try`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none.
///
/// **Not idempotent**: it freezes the code, and the page does not say that trying twice is safe;
/// a try that may have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格, indirect: see the module).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/authcode/try",
    response = ZhejiangReply<AuthcodeTried>,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query"
)]
pub struct AuthcodeTry {
    /// The platform's request serial number (接入方请求流水号).
    #[wechat(required)]
    pub sp_serial_no: String,
    /// Merchant number (商户号).
    #[wechat(required)]
    pub mchnt_no: String,
    /// Terminal number (终端号).
    #[wechat(required)]
    pub term_no: String,
    /// The voucher code (品类凭证码).
    #[wechat(required)]
    pub auth_code: String,
    /// Category code (品类编码), such as `A01`.
    #[wechat(required)]
    pub category: String,
    /// District code (区县编码), 6 digits (`330000`).
    #[wechat(required, digits = 6)]
    pub county_code: String,
}

/// The members of an [`AuthcodeTry`] answer. Its amounts are JSON numbers whose unit the page
/// does not publish: they are kept as the numbers sent ([`serde_json::Number`], which may carry
/// decimals), not read into a unit the SDK would have to guess.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AuthcodeTried {
    /// The frozen record (冻结流水号), for commit, cancel and refund.
    pub cred_frozen_no: String,
    /// Campaign ID (活动号).
    pub event_id: String,
    /// Campaign title (活动标题).
    pub event_title: String,
    /// How the discount applies (优惠模式); a string, though the page says `number`.
    pub discount_mode: DiscountMode,
    /// Original order amount (原订单金额), as sent (no unit published).
    pub amount: Option<serde_json::Number>,
    /// Discount (优惠金额), as sent (no unit published).
    pub discount_amt: Option<serde_json::Number>,
    /// Amount paid (实付金额), as sent (no unit published).
    pub pay_amt: Option<serde_json::Number>,
    /// Channel discount flag (渠道优惠标记).
    pub channel_dis_flag: Option<String>,
    /// Channel campaign numbers (渠道活动号列表).
    pub channel_evt_no: Option<String>,
    /// Category code (品类编码).
    pub category_id: String,
}

/// 品类凭证码上报确认 (confirm a pre-redeemed voucher code)
///
/// `POST /v3/gov/subsidy/zhejiang/authcode/commit`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none (`address` is personal data the page does not encrypt: sent as is, never
/// printed).
///
/// **Not idempotent**: the page does not say that confirming twice is safe; a confirmation that
/// may have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格, indirect: see the module).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/authcode/commit",
    response = ZhejiangReply,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query"
)]
pub struct AuthcodeCommit {
    /// The platform's request serial number (接入方请求流水号).
    #[wechat(required)]
    pub sp_serial_no: String,
    /// The frozen record from [`AuthcodeTry`] (冻结流水号).
    #[wechat(required)]
    pub cred_frozen_no: String,
    /// Transaction date (交易日期); no format published, sent as given.
    #[wechat(required)]
    pub trans_date: String,
    /// Transaction time (交易时间); no format published, sent as given.
    #[wechat(required)]
    pub trans_time: String,
    /// Acquirer's order number (收单机构订单号).
    pub acq_org_order_no: Option<String>,
    /// Merchant order number (商户订单号).
    pub order_no: Option<String>,
    /// Government subsidy (政府补贴金额); no unit published, sent as fen.
    pub subsidy_amt: Option<Fen>,
    /// Delivery region code (收货地区编码), 6 digits.
    #[wechat(digits = 6)]
    pub add_code: Option<String>,
    /// Delivery address (收货地址). Sent as is (the page does not encrypt it); never printed.
    #[wechat(redact)]
    pub address: Option<Redacted<String>>,
    /// Online or offline sale (销售方式).
    pub sale_models: Option<SaleMode>,
    /// Seller's name (销售企业名称).
    pub corp_name: Option<String>,
    /// Brand (家电品牌).
    pub brand: Option<String>,
    /// Seller's unified social credit code (统一社会信用代码), 18 characters with a GB 32100 check
    /// character.
    #[wechat(uscc)]
    pub uniscid: Option<String>,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(digits = [13, 14])]
    pub barcode: Option<String>,
    /// The voucher code (品类凭证码).
    #[wechat(required)]
    pub auth_code: String,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
    /// Bank name (银行机构名称).
    pub bank_name: Option<String>,
    /// Bank subsidy in yuan (银行补贴金额).
    pub bank_subsidy: Option<Yuan>,
    /// Platform subsidy in yuan (交易平台补贴金额).
    pub plat_subsidy: Option<Yuan>,
    /// District code (区县编码), 6 digits (`330000`).
    #[wechat(digits = 6)]
    pub county_code: Option<String>,
    /// Original order amount (原订单金额); no unit published, sent as fen.
    pub amount: Option<Fen>,
}

/// 品类凭证码预核销撤销 (release a pre-redeemed voucher code)
///
/// `POST /v3/gov/subsidy/zhejiang/authcode/cancel`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none.
///
/// **Not idempotent**: the page does not say that cancelling twice is safe; a cancellation that
/// may have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格, indirect: see the module).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/authcode/cancel",
    response = ZhejiangReply,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query"
)]
pub struct AuthcodeCancel {
    /// The platform's request serial number (接入方请求流水号).
    #[wechat(required)]
    pub sp_serial_no: String,
    /// The frozen record from [`AuthcodeTry`] (冻结流水号).
    #[wechat(required)]
    pub cred_frozen_no: String,
    /// Transaction date (交易日期); no format published, sent as given.
    #[wechat(required)]
    pub trans_date: String,
    /// Transaction time (交易时间); no format published, sent as given.
    #[wechat(required)]
    pub trans_time: String,
    /// The voucher code (品类凭证码).
    #[wechat(required)]
    pub auth_code: String,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
}

/// 品类凭证码上报撤销 (reverse a confirmed voucher code)
///
/// `POST /v3/gov/subsidy/zhejiang/authcode/refund`, region 浙江 Zhejiang. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989530>.
///
/// Encrypted: none (`address` is personal data the page does not encrypt: sent as is, never
/// printed).
///
/// **Not idempotent**: the page does not say that reversing twice is safe; a reversal that may
/// have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/zhejiang/qualifications/query` (查询补贴资格, indirect: see the module).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/zhejiang/authcode/refund",
    response = ZhejiangReply,
    lookup = "POST /v3/gov/subsidy/zhejiang/qualifications/query"
)]
pub struct AuthcodeRefund {
    /// The platform's request serial number (接入方请求流水号).
    #[wechat(required)]
    pub sp_serial_no: String,
    /// The frozen record from [`AuthcodeTry`] (冻结流水号).
    #[wechat(required)]
    pub cred_frozen_no: String,
    /// Transaction date (交易日期); no format published, sent as given.
    #[wechat(required)]
    pub trans_date: String,
    /// Transaction time (交易时间); no format published, sent as given.
    #[wechat(required)]
    pub trans_time: String,
    /// Merchant order number (商户订单号).
    pub order_no: Option<String>,
    /// Government subsidy (政府补贴金额); no unit published, sent as fen.
    pub subsidy_amt: Option<Fen>,
    /// Delivery region code (收货地区编码), 6 digits.
    #[wechat(digits = 6)]
    pub add_code: Option<String>,
    /// Delivery address (收货地址). Sent as is (the page does not encrypt it); never printed.
    #[wechat(redact)]
    pub address: Option<Redacted<String>>,
    /// Online or offline sale (销售方式).
    pub sale_models: Option<SaleMode>,
    /// Seller's unified social credit code (统一社会信用代码), 18 characters with a GB 32100 check
    /// character.
    #[wechat(uscc)]
    pub uniscid: Option<String>,
    /// Product barcode (商品条码), 13 or 14 digits.
    #[wechat(digits = [13, 14])]
    pub barcode: Option<String>,
    /// The voucher code (品类凭证码).
    #[wechat(required)]
    pub auth_code: String,
    /// Request serial number (请求流水号).
    #[wechat(required)]
    pub req_ssn: String,
    /// Bank name (银行机构名称).
    pub bank_name: Option<String>,
    /// Bank subsidy in yuan (银行补贴金额).
    pub bank_subsidy: Option<Yuan>,
    /// Platform subsidy in yuan (交易平台补贴金额).
    pub plat_subsidy: Option<Yuan>,
    /// Seller's name (销售企业名称).
    pub corp_name: Option<String>,
    /// Brand (家电品牌).
    pub brand: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    fn issue() -> AuthcodeIssue {
        AuthcodeIssue {
            category_id: "A01".into(),
            openid: None,
            name: "张三".into(),
            mobile: "13800138000".into(),
            add_code: "330106".into(),
            custom_info: None,
            cert_type: CertType::Type1,
            cert_no: "11010519491231002X".into(),
            req_ssn: "REQ1".into(),
        }
    }

    fn commit() -> AuthcodeCommit {
        AuthcodeCommit {
            sp_serial_no: "SP1".into(),
            cred_frozen_no: "CF1".into(),
            trans_date: "20250101".into(),
            trans_time: "120000".into(),
            acq_org_order_no: None,
            order_no: Some("O1".into()),
            subsidy_amt: Some(Fen(60_000)),
            add_code: Some("330106".into()),
            address: Some("杭州市西湖区文三路 1 号".into()),
            sale_models: Some(SaleMode::Offline),
            corp_name: None,
            brand: None,
            uniscid: Some("91350100M000100Y43".into()),
            barcode: Some("6901234567892".into()),
            auth_code: "AUTH".into(),
            req_ssn: "REQ2".into(),
            bank_name: None,
            bank_subsidy: Some(Yuan::from_fen(1_000)),
            plat_subsidy: None,
            county_code: Some("330106".into()),
            amount: Some(Fen(399_900)),
        }
    }

    #[test]
    fn the_wire_values_are_the_published_ones() {
        let json = sealed(&issue());
        assert_eq!(json["cert_type"], "1");
        for (field, plain) in
            [("name", "张三"), ("mobile", "13800138000"), ("cert_no", "11010519491231002X")]
        {
            assert!(json[field].as_str().is_some_and(|v| !v.is_empty() && v != plain), "{field}");
        }
        let json = sealed(&commit());
        assert_eq!(json["subsidy_amt"], 60_000);
        assert_eq!(json["amount"], 399_900);
        assert_eq!(json["bank_subsidy"], "10.00");
        assert_eq!(json["sale_models"], "1");
        assert_eq!(json["address"], "杭州市西湖区文三路 1 号");
        assert!(json["plat_subsidy"].is_null());
    }

    #[test]
    fn every_rule_is_reported_with_its_path() {
        assert_eq!(violations(&issue()), Vec::<String>::new());
        let bad = AuthcodeIssue {
            category_id: String::new(),
            add_code: "3301".into(),
            cert_no: "11010519491231002x".into(),
            mobile: "".into(),
            ..issue()
        };
        assert_eq!(
            violations(&bad),
            [
                "category_id: required",
                "mobile: required",
                "add_code: must be 6 digits",
                "cert_no: must be upper-case with no spaces",
            ]
        );
        let bad = AuthcodeCommit {
            cred_frozen_no: String::new(),
            uniscid: Some("9135".into()),
            barcode: Some("69012345678".into()),
            county_code: Some("33".into()),
            ..commit()
        };
        assert_eq!(
            violations(&bad),
            [
                "cred_frozen_no: required",
                "uniscid: must be an 18-character unified social credit code with a valid check character (GB 32100)",
                "barcode: must be 13 or 14 digits",
                "county_code: must be 6 digits",
            ]
        );
        let try_ = AuthcodeTry {
            sp_serial_no: "SP".into(),
            mchnt_no: String::new(),
            term_no: "T".into(),
            auth_code: "A".into(),
            category: "A01".into(),
            county_code: "330000".into(),
        };
        assert_eq!(violations(&try_), ["mchnt_no: required"]);
    }

    #[test]
    fn debug_hides_the_personal_data() {
        let shown = format!("{:?} {:?}", issue(), commit());
        for secret in ["张三", "13800138000", "11010519491231002X", "文三路"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("address: Some(<redacted>)"), "{shown}");
    }

    #[test]
    fn plaintext_json_deserializes_and_unknown_fields_are_named() {
        let json = r#"{"sp_serial_no":"SP1","cred_frozen_no":"CF1","trans_date":"20250101",
            "trans_time":"120000","auth_code":"AUTH","req_ssn":"R1"}"#;
        let cancel: AuthcodeCancel = serde_json::from_str(json).unwrap();
        assert_eq!(cancel.cred_frozen_no, "CF1");
        let unknown = json.replace("\"R1\"", "\"R1\",\"reason\":\"x\"");
        let error = serde_json::from_str::<AuthcodeCancel>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `reason`"), "{error}");
    }

    #[test]
    fn a_try_answers_the_frozen_record_with_a_string_discount_mode() {
        let answer: ZhejiangReply<AuthcodeTried> = serde_json::from_str(
            r#"{"resp_code":"000000","resp_desc":"成功","cred_frozen_no":"CF1","event_id":"E1",
                "event_title":"以旧换新","discount_mode":"DIS_SMKT","amount":399900,
                "discount_amt":600.50,"pay_amt":339900,"category_id":"A01"}"#,
        )
        .unwrap();
        assert_eq!(answer.data.discount_mode, DiscountMode::SelfMarketing);
        assert_eq!(answer.data.pay_amt, Some(339_900.into()));
        let discount = answer.data.discount_amt.expect("sent");
        assert_eq!(discount.as_f64(), Some(600.5), "a decimal is kept as sent");
    }
}
