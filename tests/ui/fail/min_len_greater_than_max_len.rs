use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(min_len = 20, max_len = 10)]
    pub name: String,
}

fn main() {}
