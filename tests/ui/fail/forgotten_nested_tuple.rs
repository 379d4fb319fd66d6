use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: String,
}

#[derive(Serialize, WechatRecord)]
pub struct Pair {
    pub pair: (Person,),
}

fn main() {}
