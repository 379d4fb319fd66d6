//! Serialized names everywhere: placeholders, query names and violations follow `rename` and
//! `rename_all`, including raw identifiers.

use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;
use wechatpay_apiv3::request::{Rule, Validate, WechatRequest as _};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/things/{subMchid}/{ID}", response = Reply)]
#[serde(rename_all = "camelCase")]
pub struct GetThing {
    #[wechat(path)]
    pub sub_mchid: String,
    #[wechat(path)]
    #[serde(rename = "ID")]
    pub id: String,
    #[wechat(query, required)]
    pub out_trade_no: String,
    #[wechat(query)]
    pub r#type: Option<String>,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/things", response = Reply)]
#[serde(rename_all(serialize = "SCREAMING-KEBAB-CASE", deserialize = "snake_case"))]
pub struct PostThing {
    #[wechat(required)]
    pub out_trade_no: String,
    #[wechat(required)]
    #[serde(rename(serialize = "Kept"))]
    pub renamed: String,
}

fn main() {
    assert_eq!(GetThing::QUERY, ["outTradeNo", "type"]);
    let thing = GetThing {
        sub_mchid: String::new(),
        id: String::new(),
        out_trade_no: String::new(),
        r#type: None,
    };
    let violations = thing.validate().unwrap_err();
    let paths: Vec<&str> = violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["subMchid", "ID", "outTradeNo"]);
    let violations =
        PostThing { out_trade_no: String::new(), renamed: String::new() }.validate().unwrap_err();
    assert!(violations.contains("OUT-TRADE-NO", &Rule::Required));
    assert!(violations.contains("Kept", &Rule::Required));
}
