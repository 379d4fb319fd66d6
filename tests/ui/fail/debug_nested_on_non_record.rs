use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize)]
pub struct Contact {
    pub tel: String,
}

// One mistake, one error: `Contact` is not a record (its missing `#[wechat(debug)]` is not
// reported on top).
#[derive(Serialize, WechatRecord)]
#[wechat(debug)]
pub struct Person {
    #[wechat(nested)]
    pub contacts: Vec<Contact>,
}

fn main() {}
