use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/bills?bill_date={bill_date}", response = Reply)]
pub struct QueryBill {
    #[wechat(query)]
    pub bill_date: String,
}

fn main() {}
