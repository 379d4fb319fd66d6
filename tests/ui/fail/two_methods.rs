use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers/add", response = Reply)]
#[wechat(put = "/v3/receivers/add")]
pub struct AddReceiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
