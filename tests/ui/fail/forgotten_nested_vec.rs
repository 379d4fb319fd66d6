use serde::{Deserialize, Serialize};
use wechatpay_apiv3::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(required, encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/contacts", response = Reply)]
pub struct Contacts {
    #[wechat(required)]
    pub data: Vec<Contact>,
}

fn main() {}
