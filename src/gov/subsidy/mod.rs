//! `/v3/gov/subsidy/…`: the trade-in subsidy (国补) programme, 34 endpoints in three regional
//! families.
//!
//! | module | paths | region | money | time | answers |
//! | --- | --- | --- | --- | --- | --- |
//! | [`zhejiang`] | `zhejiang/…` (14) | 浙江 Zhejiang | [`Yuan`](crate::money::Yuan) strings; [`Fen`](crate::money::Fen) where a page says `number` | [`UnixMillis`](crate::time::UnixMillis) | [`ZhejiangReply`](reply::ZhejiangReply) |
//! | [`jiangsu`] | no province prefix (15) | 江苏 Jiangsu | [`Fen`](crate::money::Fen) numbers | [`Rfc3339`](crate::time::Rfc3339) | [`JiangsuReply`](reply::JiangsuReply) or the data alone |
//! | [`audit_cup`] | `audit/cup/…` (5) | 上海/福建/重庆 Shanghai, Fujian, Chongqing | [`FenText`](crate::money::FenText) strings | text as the pages give it | [`CupReply`](reply::CupReply) |
//!
//! The modules are grouped by region first, then mirror the URL: a platform integrates one
//! region's family at a time, and each family has its own units, enums and answer shape. Access
//! is whitelisted per merchant and region (`NOT_AUTH` otherwise).

pub mod audit_cup;
mod call;
mod endpoints;
pub mod jiangsu;
pub mod reply;
#[cfg(test)]
mod testing;
pub mod zhejiang;

pub use call::CallError;
pub(crate) use call::{json_problem, names_only_members};
pub use endpoints::{ENDPOINTS, Endpoint, Region, call_json};
