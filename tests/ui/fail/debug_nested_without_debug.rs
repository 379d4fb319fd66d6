use serde::{Deserialize, Serialize};
use wechatpay::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

// `derive(Debug)` prints `tel` in plaintext: a `#[wechat(debug)]` request cannot show it.
#[derive(Debug, Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: String,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/people", response = Reply, debug)]
pub struct AddPeople {
    #[wechat(nested)]
    pub data: Vec<Person>,
}

fn main() {}
