use serde::Serialize;
use wechatpay::WechatRecord;

// `#[wechat(debug)]` writes the Debug impl itself (hiding `encrypt` fields): `derive(Debug)` too
// would be a second one, printing the plaintext.
#[derive(Debug, Clone, Serialize, WechatRecord)]
#[wechat(debug)]
pub struct Contact {
    #[wechat(encrypt)]
    pub tel: String,
}

fn main() {}
