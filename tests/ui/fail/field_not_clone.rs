use serde::Serialize;
use wechatpay::WechatRecord;

#[derive(Serialize)]
pub enum Status {
    Active,
}

#[derive(Serialize, WechatRecord)]
pub struct Account {
    #[wechat(required, encrypt)]
    pub name: wechatpay::Sensitive,
    pub status: Status,
}

fn main() {}
