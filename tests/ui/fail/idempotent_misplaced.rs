use serde::{Deserialize, Serialize};
use wechatpay_apiv3::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl wechatpay_apiv3::ApiResponse for Reply {}

// Every GET is idempotent already.
#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/orders", response = Reply, idempotent)]
pub struct QueryOrders {}

// A record is never sent on its own.
#[derive(Clone, Serialize, WechatRecord)]
#[wechat(idempotent, lookup = "POST /v3/orders/query")]
pub struct Order {
    pub id: String,
}

fn main() {}
