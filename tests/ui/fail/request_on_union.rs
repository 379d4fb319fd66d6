use serde::Deserialize;
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(WechatRequest)]
#[wechat(post = "/v3/bits", response = Reply)]
pub union Bits {
    pub int: u32,
    pub float: f32,
}

fn main() {}
