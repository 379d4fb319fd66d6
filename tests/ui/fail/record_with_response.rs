use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRecord;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRecord)]
#[wechat(response = Reply)]
pub struct Receiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
