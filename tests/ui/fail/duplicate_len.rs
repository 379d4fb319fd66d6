use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers", response = Reply)]
pub struct AddReceiver {
    #[wechat(len = 18)]
    #[wechat(len = 15)]
    pub cert_no: String,
}

fn main() {}
