use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
#[wechat(required)]
pub struct Person {
    pub name: String,
}

fn main() {}
