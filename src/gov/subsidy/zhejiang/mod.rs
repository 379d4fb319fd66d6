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
pub(crate) mod testing {
    //! What the region's tests share: violations as text, and the encrypted copy as JSON.

    use serde::Serialize;

    use crate::request::{EncryptFields, Validate};

    /// Every violation of `request`, as `path: rule`.
    pub fn violations(request: &impl Validate) -> Vec<String> {
        match request.validate() {
            Ok(()) => Vec::new(),
            Err(violations) => violations.iter().map(ToString::to_string).collect(),
        }
    }

    /// The JSON of the copy the SDK sends, encrypted under the sandbox's demo key.
    pub fn sealed<T: EncryptFields + Serialize>(request: &T) -> serde_json::Value {
        let keys = crate::WechatPayKeys::new()
            .with_public_key(wechatpay_mock::demo::wechatpay_public_key());
        let copy = request.encrypt_fields(&keys.encryptor().unwrap()).unwrap();
        serde_json::to_value(copy).unwrap()
    }
}

#[cfg(test)]
mod fixtures {
    use serde::de::DeserializeOwned;

    use super::*;
    use crate::request::Validate;

    /// `tests/fixtures/requests/<name>`.
    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../../../tests/fixtures/requests/", $name))
        };
    }

    fn valid<T: DeserializeOwned + Validate>(name: &str, json: &str) {
        let request: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(testing::violations(&request), Vec::<String>::new(), "{name}");
    }

    #[test]
    fn every_fixture_is_a_valid_request() {
        valid::<AuthcodeIssue>("issue", fixture!("zhejiang.authcode.issue.json"));
        valid::<AuthcodeTry>("try", fixture!("zhejiang.authcode.try.json"));
        valid::<AuthcodeCommit>("commit", fixture!("zhejiang.authcode.commit.json"));
        valid::<AuthcodeCancel>("cancel", fixture!("zhejiang.authcode.cancel.json"));
        valid::<AuthcodeRefund>("refund", fixture!("zhejiang.authcode.refund.json"));
        valid::<GoodsQuery>("goods", fixture!("zhejiang.goods.query.json"));
        valid::<NQualificationsConfirm>(
            "n-qualifications",
            fixture!("zhejiang.n-qualifications.confirm.json"),
        );
        valid::<QualificationsClaim>("claim", fixture!("zhejiang.qualifications.claim.json"));
        valid::<QualificationsAlter>("alter", fixture!("zhejiang.qualifications.alter.json"));
        valid::<QualificationsQuery>("query", fixture!("zhejiang.qualifications.query.json"));
        valid::<QualificationsSync>("sync", fixture!("zhejiang.qualifications.sync.json"));
        valid::<SncodeLock>("lock", fixture!("zhejiang.sncode.lock.json"));
        valid::<SncodeQuery>("sn query", fixture!("zhejiang.sncode.query.json"));
        valid::<SncodeUnlock>("unlock", fixture!("zhejiang.sncode.unlock.json"));
    }
}
