use serde::Deserialize;
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(WechatRequest)]
#[wechat(post = "/v3/bits", response = Reply)]
pub union Bits {
    pub int: u32,
    pub float: f32,
}

fn main() {}
