//! `audit/cup/refund/sync`: report a refund paid outside UnionPay.

use serde::{Deserialize, Serialize};

use crate::WechatRequest;
use crate::gov::subsidy::reply::CupReply;
use crate::money::FenText;

/// 同步非银联支付交易退款信息 (report a non-UnionPay refund)
///
/// `POST /v3/gov/subsidy/audit/cup/refund/sync`, region 上海/福建/重庆 Shanghai, Fujian,
/// Chongqing. Official page: <https://pay.weixin.qq.com/doc/v3/partner/4013989535>.
///
/// Encrypted: none.
///
/// **Not idempotent**: the page does not say that reporting a refund twice is safe, so a report
/// that may have been applied ends in `Error::OutcomeUnknown`, which points at
/// `POST /v3/gov/subsidy/audit/cup/query` (查询审核结果): its `refund_at` and `refund_dt` tell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/audit/cup/refund/sync",
    response = CupReply,
    lookup = "POST /v3/gov/subsidy/audit/cup/query"
)]
pub struct RefundSync {
    /// Branch institution code (分公司机构代码).
    #[wechat(required)]
    pub org_no: String,
    /// Merchant order number (商户订单号).
    #[wechat(required)]
    pub mchnt_order_id: String,
    /// The record's upload time (审核记录上传时间), as it was uploaded.
    #[wechat(required)]
    pub upload_time: String,
    /// Refunded amount (退款金额); no unit published, sent as fen.
    pub refund_at: FenText,
    /// Refund date (退款日期); no format published, sent as given.
    #[wechat(required)]
    pub refund_dt: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::testing::{sealed, violations};

    const JSON: &str = r#"{"org_no":"310000","mchnt_order_id":"M1","upload_time":"20250101120000",
        "refund_at":"339900","refund_dt":"20250105"}"#;

    #[test]
    fn rules_wire_values_and_unknown_fields() {
        let refund: RefundSync = serde_json::from_str(JSON).unwrap();
        assert_eq!(violations(&refund), Vec::<String>::new());
        assert_eq!(sealed(&refund)["refund_at"], "339900");
        assert!(format!("{refund:?}").contains("20250105"));
        let bad = RefundSync { refund_dt: String::new(), ..refund };
        assert_eq!(violations(&bad), ["refund_dt: required"]);
        let unknown = JSON.replace(r#""M1""#, r#""M1","refund_no":"R""#);
        let error = serde_json::from_str::<RefundSync>(&unknown).unwrap_err();
        assert!(error.to_string().contains("unknown field `refund_no`"), "{error}");
        let yuan = JSON.replace(r#""339900""#, r#""3399.00""#);
        assert!(serde_json::from_str::<RefundSync>(&yuan).is_err(), "amounts are fen digits");
    }
}
