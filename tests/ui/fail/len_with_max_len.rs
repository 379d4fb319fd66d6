use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/receivers", response = Reply)]
pub struct AddReceiver {
    #[wechat(len = 18, max_len = 20)]
    pub cert_no: String,
}

fn main() {}
