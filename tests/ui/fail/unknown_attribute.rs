use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(required, encrpyt)]
    pub name: String,
}

fn main() {
    use wechatpay::request::Validate as _;
    let _ = Person { name: String::new() }.validate();
}
