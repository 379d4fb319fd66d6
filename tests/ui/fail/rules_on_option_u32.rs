use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

// An `Option` of a type a rule does not take is reported as the `Option` (the impls for `Option`
// are not suggested), and each error underlines the type.
#[derive(Serialize, WechatRecord)]
pub struct Amount {
    #[wechat(required)]
    pub total: Option<u32>,
    #[wechat(len = 3)]
    pub code: Option<u32>,
    #[wechat(redact)]
    pub address: Option<String>,
}

fn main() {}
