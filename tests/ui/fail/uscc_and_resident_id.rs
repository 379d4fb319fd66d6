use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Seller {
    #[wechat(uscc, resident_id)]
    pub code: String,
}

fn main() {}
