use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/orders", response = Reply, lookup = "/v3/orders/query")]
pub struct CreateOrder {
    pub id: String,
}

fn main() {}
