use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize)]
pub struct Contact {
    pub tel: String,
}

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(nested)]
    pub contacts: Vec<Contact>,
}

fn main() {}
