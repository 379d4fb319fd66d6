//! `companies/query`: a seller's name and collection state.

use serde::{Deserialize, Serialize};

use super::{CollectState, RegionCode};
use crate::WechatRequest;
use crate::gov::subsidy::reply::JiangsuReply;

/// 企业信息查询 (query a seller company)
///
/// `POST /v3/gov/subsidy/companies/query`, region 江苏 Jiangsu. Official page:
/// <https://pay.weixin.qq.com/doc/v3/partner/4013989543>.
///
/// Encrypted: none.
///
/// **Idempotent**: a query changes nothing, so repeating it is safe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, WechatRequest)]
#[serde(deny_unknown_fields)]
#[wechat(
    post = "/v3/gov/subsidy/companies/query",
    response = JiangsuReply<Company>,
    idempotent
)]
pub struct CompaniesQuery {
    /// Region code of the qualification used (使用的资格的地区编码).
    pub qualification_region_code: RegionCode,
    /// The company's unified social credit code (统一社会信用代码): 18 characters,
    /// the last its GB 32100 check character.
    #[wechat(required, uscc)]
    pub license_number: String,
}

/// The members of [`CompaniesQuery`]'s answer; the page marks neither required.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Company {
    /// The company's name (企业名称).
    pub company_name: Option<String>,
    /// Its collection state (归集状态).
    pub collect_state: Option<CollectState>,
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::request::Rule;

    #[test]
    fn wire_rules_and_answer() {
        let query =
            CompaniesQuery { qualification_region_code: nanjing(), license_number: USCC.into() };
        assert_eq!(
            sealed(&query),
            serde_json::json!({
                "qualification_region_code": 320100,
                "license_number": USCC,
            })
        );
        let bad = CompaniesQuery { license_number: "91350100M000100Y44".into(), ..query };
        assert_eq!(violations(&bad), [format!("license_number: {}", Rule::Uscc)]);
        let reply: JiangsuReply<Company> = serde_json::from_str(
            r#"{"code":"000000","message":"成功","company_name":"联想","collect_state":"COLLECT_STATE_COLLECTED"}"#,
        )
        .unwrap();
        assert_eq!(reply.data.collect_state, Some(CollectState::Collected));
    }
}
