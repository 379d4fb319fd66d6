use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Pair {
    pub pair: (Person,),
}

fn main() {}
