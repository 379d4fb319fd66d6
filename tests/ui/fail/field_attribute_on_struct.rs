use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
#[wechat(required)]
pub struct Person {
    pub name: String,
}

fn main() {}
