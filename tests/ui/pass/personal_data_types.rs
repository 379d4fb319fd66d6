//! Personal data is typed: `Sensitive` (`encrypt`) and `Redacted` (`redact`) fields print as
//! `<redacted>` in a plain `#[derive(Debug)]`, at every depth, in a Vec, an Option and a Box.

use serde::{Deserialize, Serialize};
use wechatpay_apiv3::{Redacted, Sensitive, WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Debug, Clone, Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: Sensitive,
    #[wechat(encrypt)]
    pub aliases: Vec<Sensitive>,
    #[wechat(redact)]
    pub address: Redacted<String>,
    #[wechat(redact)]
    pub floor: Option<Redacted<u32>>,
    pub city: String,
}

#[derive(Debug, Serialize, WechatRequest)]
#[wechat(post = "/v3/people", response = Reply)]
pub struct AddPeople {
    #[wechat(nested)]
    pub data: Vec<Person>,
    #[wechat(nested)]
    pub head: Option<Box<Person>>,
}

fn main() {
    let person = || Person {
        tel: "13800000000".into(),
        aliases: vec!["老王".into()],
        address: "西湖区 1 号".into(),
        floor: Some(Redacted(7)),
        city: "杭州".into(),
    };
    let request = AddPeople { data: vec![person()], head: Some(Box::new(person())) };
    let shown = format!("{request:?}");
    for secret in ["13800000000", "老王", "西湖区", "7"] {
        assert!(!shown.contains(secret), "{shown}");
    }
    assert!(shown.contains(r#"city: "杭州""#), "{shown}");
}
