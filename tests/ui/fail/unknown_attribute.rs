use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(required, encrpyt)]
    pub name: String,
}

fn main() {
    use wechatpay_apiv3::request::Validate as _;
    let _ = Person { name: String::new() }.validate();
}
