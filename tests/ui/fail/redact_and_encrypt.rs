use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
#[wechat(debug)]
pub struct Buyer {
    #[wechat(encrypt, redact)]
    pub tel: wechatpay_apiv3::Sensitive,
}

fn main() {}
