use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(digits = 0)]
    pub tel: String,
}

fn main() {}
