use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

fn rule(_person: &Person) -> bool {
    true
}

#[derive(Serialize, WechatRecord)]
#[wechat(validate_with = rule)]
pub struct Person {
    pub name: String,
}

fn main() {}
