use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Amount {
    #[wechat(required)]
    pub total: u32,
}

fn main() {}
