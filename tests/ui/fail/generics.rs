use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Page<T> {
    #[wechat(required)]
    pub items: Vec<T>,
}

fn validate<R: wechatpay::request::Validate + wechatpay::request::EncryptFields>(_record: &R) {}

fn main() {
    validate(&Page::<String> { items: vec![] });
}
