use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(required = true)]
    pub name: String,
}

fn main() {}
