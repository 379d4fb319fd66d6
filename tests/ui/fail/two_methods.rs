use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers/add", response = Reply)]
#[wechat(put = "/v3/receivers/add")]
pub struct AddReceiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
