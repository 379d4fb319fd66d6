//! `/v3/gov/subsidy/zhejiang/…`: Zhejiang's (浙江) trade-in subsidy family, 14 endpoints.
//!
//! Field rules come from the official page (pay.weixin.qq.com/doc/v3/partner/4013989530) and its
//! clarifications: money in yuan strings, `operation_time` in Unix milliseconds, `status` `0`
//! redeemed / `1` returned, `is_ai_product` `0` = **yes**. Every answer is a
//! [`ZhejiangReply`](super::reply::ZhejiangReply): `resp_code` `000000` is success.

mod qualifications;

pub use qualifications::*;
