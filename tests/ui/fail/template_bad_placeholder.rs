use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/orders/{out-trade-no}", response = Reply)]
pub struct QueryOrder {
    #[wechat(path)]
    #[serde(rename = "out-trade-no")]
    pub out_trade_no: String,
}

fn main() {}
