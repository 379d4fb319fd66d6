use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Account {
    #[wechat(encrypt)]
    pub bank_account: u64,
}

fn main() {}
