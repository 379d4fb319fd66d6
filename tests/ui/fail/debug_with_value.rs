use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Clone, Serialize, WechatRecord)]
#[wechat(debug = "redacted")]
pub struct Contact {
    #[wechat(encrypt)]
    pub tel: String,
}

fn main() {
    // The fallback still implements Debug: no follow-on error here.
    let contact = Contact { tel: String::new() };
    println!("{contact:?}");
}
