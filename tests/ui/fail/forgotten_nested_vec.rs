use serde::{Deserialize, Serialize};
use wechatpay::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(required, encrypt)]
    pub tel: wechatpay::Sensitive,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/contacts", response = Reply)]
pub struct Contacts {
    #[wechat(required)]
    pub data: Vec<Contact>,
}

fn main() {}
