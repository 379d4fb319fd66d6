use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers", response = Reply)]
pub struct AddReceiver {
    #[wechat(required, max_len = 32, required)]
    pub account: String,
}

fn main() {}
