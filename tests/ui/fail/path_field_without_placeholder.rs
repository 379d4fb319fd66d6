use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/pay/transactions/id", response = Reply)]
pub struct QueryById {
    #[wechat(path)]
    pub transaction_id: String,
}

fn main() {}
