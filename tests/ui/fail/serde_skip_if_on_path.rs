use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/bills/{bill_id}", response = Reply)]
pub struct QueryBill {
    #[wechat(path)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_id: Option<String>,
}

fn main() {}
