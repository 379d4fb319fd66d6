use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl wechatpay_apiv3::ApiResponse for Reply {}

// URL parsers turn `\` into `/`: the path sent would not be the path signed.
#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/orders\\{id}", response = Reply)]
pub struct Backslash {
    #[wechat(path)]
    pub id: String,
}

// `..` is resolved away by URL parsers.
#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/orders/../refunds", response = Reply)]
pub struct DotSegment {}

// Non-ASCII is percent-encoded by URL parsers.
#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/订单", response = Reply)]
pub struct NonAscii {}

fn main() {}
