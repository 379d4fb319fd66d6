use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Amount {
    #[wechat(len = 3)]
    pub currency_code: u32,
}

fn main() {}
