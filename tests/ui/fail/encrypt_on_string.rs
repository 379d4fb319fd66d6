use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

// A plain `String` would serialize (and print) its plaintext by any route: `encrypt` needs the
// `Sensitive` type.
#[derive(Clone, Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(encrypt)]
    pub tel: String,
}

fn main() {}
