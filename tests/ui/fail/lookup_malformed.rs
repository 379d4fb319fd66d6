use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/orders", response = Reply, lookup = "/v3/orders/query")]
pub struct CreateOrder {
    pub id: String,
}

fn main() {}
