//! `/v3/gov/subsidy/audit/cup/…`: the audit data of Shanghai, Fujian and Chongqing (上海/福建/重庆),
//! 5 endpoints.
//!
//! Official page: <https://pay.weixin.qq.com/doc/v3/partner/4013989535>. A record is named by
//! `org_no`, `mchnt_order_id` and `upload_time`: [`Upload`] sends it, [`Update`] replaces it,
//! [`Query`] reads its audit result, [`Invalid`] withdraws it and [`RefundSync`] reports a refund.
//! Every answer is a [`CupReply`](super::reply::CupReply).
//!
//! The pages publish no unit for the string amounts (`sales_at`, `refund_at`, …): they are
//! [`FenText`](crate::money::FenText), fen as digits (see [`money`](crate::money) on why). No
//! format is published for the times (`upload_time`, `trans_tm`, `refund_dt`, …): they are sent
//! as the text given. No status or type values are published: such members are text.

mod invalid;
mod query;
mod refund;
mod update;
mod upload;
mod values;

pub use invalid::*;
pub use query::*;
pub use refund::*;
pub use update::*;
pub use upload::*;
pub use values::{InvoiceInfo, TrackInfo};

#[cfg(test)]
mod fixtures {
    use super::*;
    use crate::gov::subsidy::testing::assert_fixture;

    #[test]
    fn every_fixture_is_a_valid_request() {
        assert_fixture!(Upload, "audit.cup.upload.json");
        assert_fixture!(Update, "audit.cup.update.json");
        assert_fixture!(Query, "audit.cup.query.json");
        assert_fixture!(Invalid, "audit.cup.invalid.json");
        assert_fixture!(RefundSync, "audit.cup.refund.sync.json");
    }

    #[test]
    fn only_the_query_is_idempotent_and_the_others_name_it() {
        use crate::request::WechatRequest as _;
        const QUERY: Option<&str> = Some("POST /v3/gov/subsidy/audit/cup/query");
        let table = [
            (Upload::IDEMPOTENT, Upload::LOOKUP),
            (Update::IDEMPOTENT, Update::LOOKUP),
            (Invalid::IDEMPOTENT, Invalid::LOOKUP),
            (RefundSync::IDEMPOTENT, RefundSync::LOOKUP),
        ];
        assert_eq!(table, [(false, QUERY); 4]);
        assert_eq!((Query::IDEMPOTENT, Query::LOOKUP), (true, None));
    }
}
