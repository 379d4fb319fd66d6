//! `audit/cup/invalid`: withdraw a record.

use serde::{Deserialize, Serialize};

use crate::WechatRequest;
use crate::gov::subsidy::reply::CupReply;

/// 作废审核数据 (invalidate audit data)
///
/// `POST /v3/gov/subsidy/audit/cup/invalid`, region 上海/福建/重庆 Shanghai, Fujian, Chongqing.
/// Official page: <https://pay.weixin.qq.com/doc/v3/partner/4013989535>.
///
/// Encrypted: none.
///
/// **Not idempotent**: the page does not say that invalidating twice is safe, so a request that
/// may have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/audit/cup/query` (查询审核结果), the record's state.
///
/// The page's title (查询审核结果) is a copy of the query's; the path (`invalid`) and an answer
/// without result members say this one invalidates the record, hence the title here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/audit/cup/invalid",
    response = CupReply,
    lookup = "POST /v3/gov/subsidy/audit/cup/query"
)]
pub struct Invalid {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    #[test]
    fn rules_wire_values_and_unknown_fields() {
        let json = r#"{"org_no":"310000","mchnt_order_id":"M1","upload_time":"20250101120000"}"#;
        let invalid: Invalid = serde_json::from_str(json).unwrap();
        assert_eq!(violations(&invalid), Vec::<String>::new());
        assert_eq!(sealed(&invalid)["org_no"], "310000");
        assert!(format!("{invalid:?}").contains("M1"));
        assert_eq!(violations(&Invalid { org_no: String::new(), ..invalid }), ["org_no: required"]);
        let unknown = json.replace(r#""M1""#, r#""M1","reason":"x""#);
        let error = serde_json::from_str::<Invalid>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `reason`"), "{error}");
    }
}
