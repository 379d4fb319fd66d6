use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(encrypt)]
    pub tel: wechatpay::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(nested, encrypt)]
    pub contact: Contact,
}

fn main() {}
