//! `/v3/gov/subsidy/…` without a province prefix: Jiangsu's (江苏) trade-in subsidy family, 15
//! endpoints (official page: pay.weixin.qq.com/doc/v3/partner/4013989543).
//!
//! | endpoint | request | answer |
//! | --- | --- | --- |
//! | `GET qualification` | [`Qualification`] | [`QualificationStatus`] |
//! | `POST qualifications/query` | [`QualificationsQuery`] | [`QualificationList`] |
//! | `POST qualifications/sync` | [`QualificationsSync`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//! | `POST qualifications/passthrough/claim` | [`QualificationsPassthroughClaim`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//! | `POST qualifications/passthrough/cancel` | [`QualificationsPassthroughCancel`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//! | `POST qualifications/passthrough/query` | [`QualificationsPassthroughQuery`] | [`PassthroughQualificationList`] |
//! | `POST n-qualifications/sync` | [`NQualificationsSync`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//! | `POST sncode/query` | [`SncodeQuery`] | [`SnCodeStates`] |
//! | `POST sncode/lock` | [`SncodeLock`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//! | `POST sncode/unlock` | [`SncodeUnlock`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//! | `POST transactions/sync` | [`TransactionsSync`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//! | `POST transactions/query` | [`TransactionsQuery`] | [`JiangsuReply`](super::reply::JiangsuReply)`<`[`ShopOrders`]`>` |
//! | `POST transactions/summary/query-day` | [`TransactionsSummaryQueryDay`] | [`JiangsuReply`](super::reply::JiangsuReply)`<`[`DaySummary`]`>` |
//! | `POST companies/query` | [`CompaniesQuery`] | [`JiangsuReply`](super::reply::JiangsuReply)`<`[`Company`]`>` |
//! | `POST goods/upload` | [`GoodsUpload`] | [`JiangsuReply`](super::reply::JiangsuReply) |
//!
//! Conventions of the family, as the pages and their OpenAPI descriptions give them:
//! - `appliance_id` is a JSON number 1–17 ([`ApplianceId`]) and `qualification_region_code` a
//!   JSON number of 6 digits ([`RegionCode`]); the other region codes (`receive_region_code`,
//!   `invoice_address_code`) are 6-digit strings.
//! - Money is integer fen ([`Fen`](crate::money::Fen)). The pages say fen only for
//!   `discount_amount` and `average_trading_price`; `order_amount`, `base_price` and the day
//!   summary's totals carry no unit and are read as fen too (see [`crate::money`] for why that
//!   reading fails safe).
//! - Times are RFC 3339 ([`Rfc3339`](crate::time::Rfc3339)); `query_date` is a
//!   [`Date`](crate::time::Date).
//! - The personal data the pages encrypt (`real_name`, `id_card_number`, `phone_number`) is
//!   [`Sensitive`](crate::Sensitive); the personal data they do not (`address`,
//!   `purchaser_name`, the buyer's `longitude`/`latitude`) is [`Redacted`](crate::Redacted).
//! - Answers: the queries that answer data alone (`qualification`, `qualifications/query`,
//!   `qualifications/passthrough/query`, `sncode/query`) decode into their data, whose required
//!   members make any other body a decoding error; every other answer is a
//!   [`JiangsuReply`](super::reply::JiangsuReply), a success only with `code` `000000`.

mod companies;
mod goods;
mod n_qualifications;
mod qualification;
mod qualifications;
mod sncode;
mod transactions;
mod values;

pub use companies::*;
pub use goods::*;
pub use n_qualifications::*;
pub use qualification::*;
pub use qualifications::*;
pub use sncode::*;
pub use transactions::*;
pub use values::*;

use std::borrow::Cow;

use crate::request::{Checker, Rule};

/// A list of texts (`sn_code_list`, `order_number_list`): no empty item, and at most `max` items
/// where a limit is published.
fn check_texts(checker: &mut Checker<'_>, name: &str, items: &[String], max: Option<usize>) {
    if let Some(max) = max.filter(|max| items.len() > *max) {
        checker.report(name, Rule::Custom(Cow::Owned(format!("must hold at most {max} items"))));
    }
    for (index, item) in items.iter().enumerate() {
        if item.is_empty() {
            checker.report(&format!("{name}[{index}]"), Rule::Required);
        }
    }
}

#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gov::subsidy::reply::JiangsuReply;
    use crate::gov::subsidy::testing::assert_fixture;
    use crate::request::WechatRequest;

    #[test]
    fn every_fixture_is_a_valid_request() {
        assert_fixture!(Qualification, "qualification.json");
        assert_fixture!(QualificationsQuery, "qualifications.query.json");
        assert_fixture!(QualificationsSync, "qualifications.sync.json");
        assert_fixture!(QualificationsPassthroughClaim, "qualifications.passthrough.claim.json");
        assert_fixture!(QualificationsPassthroughCancel, "qualifications.passthrough.cancel.json");
        assert_fixture!(QualificationsPassthroughQuery, "qualifications.passthrough.query.json");
        assert_fixture!(NQualificationsSync, "n-qualifications.sync.json");
        assert_fixture!(SncodeQuery, "sncode.query.json");
        assert_fixture!(SncodeLock, "sncode.lock.json");
        assert_fixture!(SncodeUnlock, "sncode.unlock.json");
        assert_fixture!(TransactionsSync, "transactions.sync.json");
        assert_fixture!(TransactionsQuery, "transactions.query.json");
        assert_fixture!(TransactionsSummaryQueryDay, "transactions.summary.query-day.json");
        assert_fixture!(CompaniesQuery, "companies.query.json");
        assert_fixture!(GoodsUpload, "goods.upload.json");
    }

    /// Path, idempotency and lookup of `T`.
    fn exactly_once<T: WechatRequest>() -> (&'static str, bool, Option<&'static str>) {
        (T::PATH.trim_start_matches("/v3/gov/subsidy/"), T::IDEMPOTENT, T::LOOKUP)
    }

    #[test]
    fn only_queries_are_idempotent_and_changes_name_their_lookup() {
        let (transactions, passthrough, sncode) = (
            Some("POST /v3/gov/subsidy/transactions/query"),
            Some("POST /v3/gov/subsidy/qualifications/passthrough/query"),
            Some("POST /v3/gov/subsidy/sncode/query"),
        );
        assert_eq!(
            [
                exactly_once::<Qualification>(),
                exactly_once::<QualificationsQuery>(),
                exactly_once::<QualificationsSync>(),
                exactly_once::<QualificationsPassthroughClaim>(),
                exactly_once::<QualificationsPassthroughCancel>(),
                exactly_once::<QualificationsPassthroughQuery>(),
                exactly_once::<NQualificationsSync>(),
                exactly_once::<SncodeQuery>(),
                exactly_once::<SncodeLock>(),
                exactly_once::<SncodeUnlock>(),
                exactly_once::<TransactionsSync>(),
                exactly_once::<TransactionsQuery>(),
                exactly_once::<TransactionsSummaryQueryDay>(),
                exactly_once::<CompaniesQuery>(),
                exactly_once::<GoodsUpload>(),
            ],
            [
                ("qualification", true, None),
                ("qualifications/query", true, None),
                ("qualifications/sync", false, transactions),
                ("qualifications/passthrough/claim", false, passthrough),
                ("qualifications/passthrough/cancel", false, passthrough),
                ("qualifications/passthrough/query", true, None),
                ("n-qualifications/sync", false, transactions),
                ("sncode/query", true, None),
                ("sncode/lock", false, sncode),
                ("sncode/unlock", false, sncode),
                ("transactions/sync", false, transactions),
                ("transactions/query", true, None),
                ("transactions/summary/query-day", true, None),
                ("companies/query", true, None),
                ("goods/upload", false, None),
            ]
        );
    }

    #[test]
    fn data_only_answers_fail_to_decode_without_their_members() {
        let failure = r#"{"code":"PARAM_ERROR","message":"参数错误"}"#;
        assert!(serde_json::from_str::<QualificationStatus>(failure).is_err());
        assert!(serde_json::from_str::<QualificationList>(failure).is_err());
        assert!(serde_json::from_str::<PassthroughQualificationList>(failure).is_err());
        assert!(serde_json::from_str::<SnCodeStates>(failure).is_err());
    }

    #[test]
    fn jiangsu_replies_carry_their_data() {
        let reply: JiangsuReply<DaySummary> = serde_json::from_str(
            r#"{"code":"000000","message":"成功","total_trade_count":3,"total_trade_amount":999,"total_subsidy_count":120}"#,
        )
        .unwrap();
        assert_eq!(reply.data.total_trade_amount, crate::money::Fen(999));
    }
}
