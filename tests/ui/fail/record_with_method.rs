use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
#[wechat(post = "/v3/receivers")]
pub struct Receiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
