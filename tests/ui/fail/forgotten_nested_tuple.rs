use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Pair {
    pub pair: (Person,),
}

fn main() {}
