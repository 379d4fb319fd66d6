use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize)]
pub enum Status {
    Active,
}

#[derive(Serialize, WechatRecord)]
pub struct Account {
    #[wechat(required, encrypt)]
    pub name: wechatpay_apiv3::Sensitive,
    pub status: Status,
}

fn main() {}
