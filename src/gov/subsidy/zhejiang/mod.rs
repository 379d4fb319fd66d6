//! `/v3/gov/subsidy/zhejiang/…`: Zhejiang's (浙江) trade-in subsidy family, 14 endpoints.
//!
//! Official page: <https://pay.weixin.qq.com/doc/v3/partner/4013989530>. Field rules come from it
//! and its clarifications: string amounts in yuan ([`Yuan`](crate::money::Yuan)), number amounts
//! in fen ([`Fen`](crate::money::Fen): no unit is published, see [`money`](crate::money)),
//! `operation_time` in Unix milliseconds, `status` `0` redeemed / `1` returned, `is_ai_product`
//! `0` = **yes**. Every answer is a [`ZhejiangReply`](super::reply::ZhejiangReply): `resp_code`
//! `000000` is success.
//!
//! | file | endpoints |
//! | --- | --- |
//! | `authcode` | the voucher code flow: issue → try → commit / cancel / refund |
//! | `goods` | the product catalogue |
//! | `n_qualifications` | several categories redeemed at once |
//! | `qualifications` | claim, alter, query, sync (redeem) |
//! | `sncode` | lock, query, unlock an S/N code |

mod authcode;
mod goods;
mod n_qualifications;
mod qualifications;
mod sncode;
mod values;

pub use authcode::*;
pub use goods::*;
pub use n_qualifications::*;
pub use qualifications::*;
pub use sncode::*;
pub use values::{
    AiProduct, CertType, CodeType, DiscountMode, Grade, SaleMode, SellState, Status, StatusCode,
};

#[cfg(test)]
mod fixtures {
    use super::*;
    use crate::gov::subsidy::testing::assert_fixture;

    #[test]
    fn every_fixture_is_a_valid_request() {
        assert_fixture!(AuthcodeIssue, "zhejiang.authcode.issue.json");
        assert_fixture!(AuthcodeTry, "zhejiang.authcode.try.json");
        assert_fixture!(AuthcodeCommit, "zhejiang.authcode.commit.json");
        assert_fixture!(AuthcodeCancel, "zhejiang.authcode.cancel.json");
        assert_fixture!(AuthcodeRefund, "zhejiang.authcode.refund.json");
        assert_fixture!(GoodsQuery, "zhejiang.goods.query.json");
        assert_fixture!(NQualificationsConfirm, "zhejiang.n-qualifications.confirm.json");
        assert_fixture!(QualificationsClaim, "zhejiang.qualifications.claim.json");
        assert_fixture!(QualificationsAlter, "zhejiang.qualifications.alter.json");
        assert_fixture!(QualificationsQuery, "zhejiang.qualifications.query.json");
        assert_fixture!(QualificationsSync, "zhejiang.qualifications.sync.json");
        assert_fixture!(SncodeLock, "zhejiang.sncode.lock.json");
        assert_fixture!(SncodeQuery, "zhejiang.sncode.query.json");
        assert_fixture!(SncodeUnlock, "zhejiang.sncode.unlock.json");
    }

    #[test]
    fn queries_are_idempotent_and_changes_name_a_query() {
        use crate::request::WechatRequest as _;
        const QUALIFICATIONS: Option<&str> =
            Some("POST /v3/gov/subsidy/zhejiang/qualifications/query");
        const SNCODE: Option<&str> = Some("POST /v3/gov/subsidy/zhejiang/sncode/query");
        let table = [
            (AuthcodeIssue::IDEMPOTENT, AuthcodeIssue::LOOKUP, QUALIFICATIONS),
            (AuthcodeTry::IDEMPOTENT, AuthcodeTry::LOOKUP, QUALIFICATIONS),
            (AuthcodeCommit::IDEMPOTENT, AuthcodeCommit::LOOKUP, QUALIFICATIONS),
            (AuthcodeCancel::IDEMPOTENT, AuthcodeCancel::LOOKUP, QUALIFICATIONS),
            (AuthcodeRefund::IDEMPOTENT, AuthcodeRefund::LOOKUP, QUALIFICATIONS),
            (NQualificationsConfirm::IDEMPOTENT, NQualificationsConfirm::LOOKUP, QUALIFICATIONS),
            (QualificationsClaim::IDEMPOTENT, QualificationsClaim::LOOKUP, QUALIFICATIONS),
            (QualificationsAlter::IDEMPOTENT, QualificationsAlter::LOOKUP, QUALIFICATIONS),
            (QualificationsSync::IDEMPOTENT, QualificationsSync::LOOKUP, QUALIFICATIONS),
            (SncodeLock::IDEMPOTENT, SncodeLock::LOOKUP, SNCODE),
            (SncodeUnlock::IDEMPOTENT, SncodeUnlock::LOOKUP, SNCODE),
        ];
        for (idempotent, lookup, expected) in table {
            assert_eq!((idempotent, lookup), (false, expected));
        }
        let queries = [
            (GoodsQuery::IDEMPOTENT, GoodsQuery::LOOKUP),
            (QualificationsQuery::IDEMPOTENT, QualificationsQuery::LOOKUP),
            (SncodeQuery::IDEMPOTENT, SncodeQuery::LOOKUP),
        ];
        assert_eq!(queries, [(true, None); 3]);
    }
}
