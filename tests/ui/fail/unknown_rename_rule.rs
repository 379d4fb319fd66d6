use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
#[serde(rename_all = "camelcase")]
pub struct Person {
    #[wechat(required)]
    pub full_name: String,
}

fn main() {}
