use serde::Serialize;
use wechatpay::WechatRecord;

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
