use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers", response = Reply)]
pub struct AddReceiver {
    #[wechat(len = 18)]
    #[wechat(len = 15)]
    pub cert_no: String,
}

fn main() {}
