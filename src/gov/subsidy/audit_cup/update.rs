//! `audit/cup/update`: replace a sale's audit data.

use super::values::audit_data;
use crate::gov::subsidy::reply::CupReply;

audit_data! {
    /// 更新审核数据 (update audit data)
    ///
    /// `POST /v3/gov/subsidy/audit/cup/update`, region 上海/福建/重庆 Shanghai, Fujian, Chongqing.
    /// Official page: <https://pay.weixin.qq.com/doc/v3/partner/4013989535>.
    ///
    /// Encrypted: none (`invoice_info.nm` and `track_info.usr_addr` are personal data the page
    /// does not encrypt: sent as is, never printed).
    ///
    /// **Not idempotent**: the page does not say that updating twice is safe, so an update that
    /// may have been applied ends in `Error::OutcomeUnknown`, which points at
    /// `POST /v3/gov/subsidy/audit/cup/query` (查询审核结果), the record's state (it does not
    /// echo the updated members, so it tells only indirectly).
    #[wechat(
        post = "/v3/gov/subsidy/audit/cup/update",
        response = CupReply,
        lookup = "POST /v3/gov/subsidy/audit/cup/query"
    )]
    Update
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::audit_cup::upload;
    use crate::request::WechatRequest as _;

    #[test]
    fn the_body_is_the_upload_s_at_its_own_path() {
        let update: Update = serde_json::from_str(upload::tests::JSON).unwrap();
        assert_eq!(Update::PATH, "/v3/gov/subsidy/audit/cup/update");
        assert!(format!("{update:?}").contains("usr_addr: Some(<redacted>)"));
    }
}
