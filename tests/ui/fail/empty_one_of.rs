use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(one_of = [])]
    pub kind: String,
}

fn main() {}
