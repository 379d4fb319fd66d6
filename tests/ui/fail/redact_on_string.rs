use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

// `redact` needs the `Redacted` type, whose `Debug` is what hides the value.
#[derive(Debug, Clone, Serialize, WechatRecord)]
pub struct Delivery {
    #[wechat(redact)]
    pub address: String,
}

fn main() {}
