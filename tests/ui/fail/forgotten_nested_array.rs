use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

// An array of records without `nested` would be copied as is: its `tel` sent in plaintext.
#[derive(Serialize, WechatRecord)]
pub struct Household {
    pub members: [Person; 1],
}

fn main() {}
