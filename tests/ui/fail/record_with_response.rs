use serde::{Deserialize, Serialize};
use wechatpay::WechatRecord;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRecord)]
#[wechat(response = Reply)]
pub struct Receiver {
    #[wechat(required)]
    pub account: String,
}

fn main() {}
