use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/pay/transactions/id/{transaction_id}", response = Reply)]
pub struct QueryById {
    #[wechat(query)]
    pub transaction_id: String,
}

fn main() {}
