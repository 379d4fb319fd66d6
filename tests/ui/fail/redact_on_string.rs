use serde::Serialize;
use wechatpay::WechatRecord;

// `redact` needs the `Redacted` type, whose `Debug` is what hides the value.
#[derive(Debug, Clone, Serialize, WechatRecord)]
pub struct Delivery {
    #[wechat(redact)]
    pub address: String,
}

fn main() {}
