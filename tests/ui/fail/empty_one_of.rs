use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(one_of = [])]
    pub kind: String,
}

fn main() {}
