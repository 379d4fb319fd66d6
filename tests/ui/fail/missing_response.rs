use serde::Serialize;
use wechatpay_apiv3::WechatRequest;

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers")]
pub struct AddReceiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
