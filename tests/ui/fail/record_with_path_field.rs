use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Receiver {
    #[wechat(path)]
    pub account: String,
}

fn main() {}
