use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Page<T> {
    #[wechat(required)]
    pub items: Vec<T>,
}

fn validate<R: wechatpay_apiv3::request::Validate + wechatpay_apiv3::request::EncryptFields>(_record: &R) {}

fn main() {
    validate(&Page::<String> { items: vec![] });
}
