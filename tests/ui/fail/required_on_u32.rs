use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Amount {
    #[wechat(required)]
    pub total: u32,
}

fn main() {}
