//! The family's typed endpoints as data: what each request type declares through the derive,
//! for listings (the README's table, the command line) and for the coverage test against the
//! published pages.

use crate::request::{Describe, FieldInfo, Method, WechatRequest};

use super::call::{self, CallError};
use super::{audit_cup, jiangsu, zhejiang};

/// The region an endpoint family serves; access is whitelisted per merchant and region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// 浙江: `/v3/gov/subsidy/zhejiang/…`.
    Zhejiang,
    /// 江苏: the paths without a province prefix.
    Jiangsu,
    /// 上海/福建/重庆: `/v3/gov/subsidy/audit/cup/…`.
    ShanghaiFujianChongqing,
}

impl Region {
    /// The region's name as the pages give it.
    pub fn name(self) -> &'static str {
        match self {
            Region::Zhejiang => "浙江",
            Region::Jiangsu => "江苏",
            Region::ShanghaiFujianChongqing => "上海/福建/重庆",
        }
    }
}

/// One typed endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Endpoint {
    /// The region it serves.
    pub region: Region,
    /// The HTTP method.
    pub method: Method,
    /// The path.
    pub path: &'static str,
    /// The Chinese title with an English gloss: `核销资格 (redeem or return qualifications)`.
    pub title: &'static str,
    /// The request type, from the `gov::subsidy` module: `zhejiang::QualificationsSync`.
    pub type_name: &'static str,
    /// Whether it may be sent again after a failure that leaves open whether it was applied.
    pub idempotent: bool,
    /// Its fields, with their rules.
    pub fields: &'static [FieldInfo],
}

impl Endpoint {
    const fn of<T: WechatRequest + Describe>(region: Region, type_name: &'static str) -> Self {
        Self {
            region,
            method: T::METHOD,
            path: T::PATH,
            title: T::DOC,
            type_name,
            idempotent: T::IDEMPOTENT,
            fields: T::FIELDS,
        }
    }
}

macro_rules! endpoints {
    ($($region:ident in $module:ident: [$($request:ident),* $(,)?]),* $(,)?) => {
        /// Every typed gov/subsidy endpoint, region by region.
        pub const ENDPOINTS: &[Endpoint] = &[$($(
            Endpoint::of::<$module::$request>(
                Region::$region,
                concat!(stringify!($module), "::", stringify!($request)),
            ),
        )*)*];

        /// Reads `json` (plaintext personal data, as a platform keeps it) into the request type of
        /// `method path` (the method in any case; see [`ENDPOINTS`]), sends it like
        /// [`Client::send`](crate::Client::send) and returns the verified answer's JSON as WeChat
        /// Pay wrote it (Zhejiang's `error_data` texts, which may quote personal data, masked).
        pub async fn call_json(
            client: &crate::Client,
            method: &str,
            path: &str,
            json: &str,
        ) -> Result<serde_json::Value, CallError> {
            $($(
                if is::<$module::$request>(method, path) {
                    let name = concat!(stringify!($module), "::", stringify!($request));
                    return call::typed::<$module::$request>(client, name, json).await;
                }
            )*)*
            Err(CallError::UnknownEndpoint { method: method.to_owned(), path: path.to_owned() })
        }
    };
}

/// Whether `R` is the endpoint `method path`.
fn is<R: WechatRequest>(method: &str, path: &str) -> bool {
    R::PATH == path && R::METHOD.as_str().eq_ignore_ascii_case(method)
}

endpoints! {
    Zhejiang in zhejiang: [
        AuthcodeIssue, AuthcodeTry, AuthcodeCommit, AuthcodeCancel, AuthcodeRefund, GoodsQuery,
        NQualificationsConfirm, QualificationsClaim, QualificationsAlter, QualificationsQuery,
        QualificationsSync, SncodeLock, SncodeQuery, SncodeUnlock,
    ],
    Jiangsu in jiangsu: [
        Qualification, QualificationsQuery, QualificationsSync, QualificationsPassthroughClaim,
        QualificationsPassthroughCancel, QualificationsPassthroughQuery, NQualificationsSync,
        SncodeQuery, SncodeLock, SncodeUnlock, TransactionsSync, TransactionsQuery,
        TransactionsSummaryQueryDay, CompaniesQuery, GoodsUpload,
    ],
    ShanghaiFujianChongqing in audit_cup: [Upload, Update, Query, Invalid, RefundSync],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_once_with_its_region_in_its_path() {
        assert_eq!(ENDPOINTS.len(), 34);
        let mut paths: Vec<&str> = ENDPOINTS.iter().map(|e| e.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), 34);
        for endpoint in ENDPOINTS {
            let tail = endpoint.path.strip_prefix("/v3/gov/subsidy/").expect("the family's prefix");
            let region = match tail.split('/').next() {
                Some("zhejiang") => Region::Zhejiang,
                Some("audit") => Region::ShanghaiFujianChongqing,
                _ => Region::Jiangsu,
            };
            assert_eq!(endpoint.region, region, "{}", endpoint.path);
            assert!(!endpoint.title.is_empty(), "{} has a title", endpoint.path);
        }
    }
}
