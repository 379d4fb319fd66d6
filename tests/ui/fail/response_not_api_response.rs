use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers/add", response = Reply)]
pub struct AddReceiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
