use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(min_len = 20, max_len = 10)]
    pub name: String,
}

fn main() {}
