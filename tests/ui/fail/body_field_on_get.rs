use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/orders/{out_trade_no}", response = Reply)]
pub struct QueryOrder {
    #[wechat(path)]
    pub out_trade_no: String,
    pub mchid: String,
}

fn main() {}
