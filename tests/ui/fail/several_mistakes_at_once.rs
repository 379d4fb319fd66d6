use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/orders", response = Reply)]
pub struct QueryOrder {
    #[wechat(query, requird)]
    pub mchid: String,
    #[wechat(min_len = 8, max_len = 4, query)]
    pub sub_mchid: String,
    #[wechat(query, len = 0)]
    pub appid: String,
}

fn main() {}
