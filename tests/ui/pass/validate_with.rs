//! A struct-level rule runs after the field rules, on requests and records alike.

use serde::{Deserialize, Serialize};
use wechatpay_apiv3::request::{Checker, Rule, Validate};
use wechatpay_apiv3::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

mod rules {
    use super::*;

    pub fn name_needs_id_type(request: &Register, checker: &mut Checker<'_>) {
        if request.name.is_some() && request.id_type.is_none() {
            checker.report("id_type", Rule::Custom("required when `name` is given".into()));
        }
    }

    pub fn positive(item: &Amount, checker: &mut Checker<'_>) {
        if item.total == 0 {
            checker.report("total", Rule::Custom("must be positive".into()));
        }
    }
}

#[derive(Serialize, WechatRecord)]
#[wechat(validate_with = rules::positive)]
pub struct Amount {
    pub total: u64,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/register", response = Reply, validate_with = "rules::name_needs_id_type")]
pub struct Register {
    #[wechat(encrypt)]
    pub name: Option<wechatpay_apiv3::Sensitive>,
    #[wechat(one_of = ["IDCARD"])]
    pub id_type: Option<String>,
    #[wechat(nested)]
    pub amount: Amount,
}

fn main() {
    let request = Register { name: Some("x".into()), id_type: None, amount: Amount { total: 0 } };
    let shown: Vec<String> =
        request.validate().unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["amount.total: must be positive", "id_type: required when `name` is given"]);
}
