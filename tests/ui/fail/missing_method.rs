use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(response = Reply)]
pub struct AddReceiver {
    #[wechat(required)]
    pub account: String,
}

fn send<R: wechatpay_apiv3::request::WechatRequest>(_request: &R) {}

fn main() {
    // The stub impls keep this use from adding "`WechatRequest` is not implemented" errors.
    send(&AddReceiver { account: String::new() });
}
