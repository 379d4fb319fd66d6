use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
#[wechat(debug)]
pub struct Buyer {
    #[wechat(encrypt, redact)]
    pub tel: wechatpay::Sensitive,
}

fn main() {}
