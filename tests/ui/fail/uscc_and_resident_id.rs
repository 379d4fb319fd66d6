use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Seller {
    #[wechat(uscc, resident_id)]
    pub code: String,
}

fn main() {}
