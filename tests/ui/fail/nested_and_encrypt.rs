use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(nested, encrypt)]
    pub contact: Contact,
}

fn main() {}
