use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(response = Reply)]
pub struct AddReceiver {
    #[wechat(required)]
    pub account: String,
}

fn send<R: wechatpay::request::WechatRequest>(_request: &R) {}

fn main() {
    // The stub impls keep this use from adding "`WechatRequest` is not implemented" errors.
    send(&AddReceiver { account: String::new() });
}
