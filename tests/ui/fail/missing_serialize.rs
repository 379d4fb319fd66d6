use serde::Deserialize;
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(WechatRequest)]
#[wechat(post = "/v3/receivers", response = Reply)]
pub struct AddReceiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
