use serde::Serialize;
use wechatpay::WechatRecord;

fn rule(_person: &Person) -> bool {
    true
}

#[derive(Serialize, WechatRecord)]
#[wechat(validate_with = rule)]
pub struct Person {
    pub name: String,
}

fn main() {}
