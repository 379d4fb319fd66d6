use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Receiver {
    #[wechat(path)]
    pub account: String,
}

fn main() {}
