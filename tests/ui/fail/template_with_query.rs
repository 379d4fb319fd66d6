use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/bills?bill_date={bill_date}", response = Reply)]
pub struct QueryBill {
    #[wechat(query)]
    pub bill_date: String,
}

fn main() {}
