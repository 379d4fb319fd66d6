use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/bills/{bill_id", response = Reply)]
pub struct QueryBill {
    #[wechat(path)]
    pub bill_id: String,
}

fn main() {}
