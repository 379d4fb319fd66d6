use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Debug, Serialize, WechatRecord)]
pub struct Delivery {
    #[wechat(required, redact)]
    pub address: String,
}

fn main() {}
