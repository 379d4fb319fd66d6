//! `audit/cup/query`: the audit result of a record.

use serde::{Deserialize, Serialize};

use crate::WechatRequest;
use crate::gov::subsidy::reply::CupReply;
#[cfg(doc)]
use crate::money::FenText;

/// 查询审核结果 (query the audit result)
///
/// `POST /v3/gov/subsidy/audit/cup/query`, region 上海/福建/重庆 Shanghai, Fujian, Chongqing.
/// Official page: <https://pay.weixin.qq.com/doc/v3/partner/4013989535>.
///
/// Encrypted: none.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(post = "/v3/gov/subsidy/audit/cup/query", response = CupReply<AuditResult>, idempotent)]
pub struct Query {
    /// Branch institution code (分公司机构代码).
    #[wechat(required)]
    pub org_no: String,
    /// Merchant order number (商户订单号).
    #[wechat(required)]
    pub mchnt_order_id: String,
    /// The record's upload time (审核记录上传时间), as it was uploaded.
    #[wechat(required)]
    pub upload_time: String,
}

/// The members of a [`Query`] answer. None is required on the page; no status values are
/// published, so the codes are kept as text beside their descriptions.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AuditResult {
    /// Merchant order number (商户订单号).
    pub mchnt_order_id: Option<String>,
    /// Verification result (核验结果).
    pub verify_status: Option<String>,
    /// Its description (核验结果描述).
    pub verify_status_desc: Option<String>,
    /// Audit result (审核结果).
    pub audit_status: Option<String>,
    /// Its description (审核结果描述).
    pub audit_status_desc: Option<String>,
    /// Order state (订单状态).
    pub trade_status: Option<String>,
    /// Refunded amount (退货金额), as sent: the page publishes no unit, and an answer is not
    /// read into a unit the SDK would have to guess (a request's amounts are [`FenText`]).
    pub refund_at: Option<String>,
    /// Refund date (退货日期); no format published.
    pub refund_dt: Option<String>,
    /// Branch institution code (分公司机构代码).
    pub org_no: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    #[test]
    fn rules_wire_values_and_unknown_fields() {
        let json = r#"{"org_no":"310000","mchnt_order_id":"M1","upload_time":"20250101120000"}"#;
        let query: Query = serde_json::from_str(json).unwrap();
        assert_eq!(violations(&query), Vec::<String>::new());
        assert_eq!(sealed(&query)["upload_time"], "20250101120000");
        assert!(format!("{query:?}").contains("M1"));
        let bad = Query { mchnt_order_id: String::new(), upload_time: String::new(), ..query };
        assert_eq!(violations(&bad), ["mchnt_order_id: required", "upload_time: required"]);
        let unknown = json.replace(r#""M1""#, r#""M1","sn_code":"S""#);
        let error = serde_json::from_str::<Query>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `sn_code`"), "{error}");
    }

    #[test]
    fn the_answer_keeps_the_refund_as_sent() {
        let answer: CupReply<AuditResult> = serde_json::from_str(
            r#"{"code":"000000","msg":"成功","mchnt_order_id":"M1","audit_status":"01",
                "audit_status_desc":"审核通过","refund_at":"10.00","refund_dt":"20250102"}"#,
        )
        .unwrap();
        assert_eq!(answer.data.refund_at.as_deref(), Some("10.00"));
        assert_eq!(answer.data.audit_status.as_deref(), Some("01"));
    }
}
