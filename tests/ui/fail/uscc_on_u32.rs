use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Seller {
    #[wechat(uscc)]
    pub uniscid: u32,
}

fn main() {}
