use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/orders/{out_trade_no}", response = Reply)]
pub struct QueryOrder {
    #[wechat(path)]
    pub out_trade_no: String,
    pub mchid: String,
}

fn main() {}
