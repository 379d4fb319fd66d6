use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/bills/{bill_id}", response = Reply)]
pub struct QueryBill {
    #[wechat(path, query)]
    pub bill_id: String,
}

fn main() {}
