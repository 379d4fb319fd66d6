use serde::Serialize;
use wechatpay_apiv3::{Sensitive, WechatRecord};

// `#[wechat(debug)]` is gone: personal data types redact themselves, so `derive(Debug)` is safe.
#[derive(Debug, Clone, Serialize, WechatRecord)]
#[wechat(debug)]
pub struct Contact {
    #[wechat(encrypt)]
    pub tel: Sensitive,
}

fn main() {}
