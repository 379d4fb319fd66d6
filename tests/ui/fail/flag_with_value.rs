use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(required = true)]
    pub name: String,
}

fn main() {}
