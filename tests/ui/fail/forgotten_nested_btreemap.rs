use std::collections::BTreeMap;

use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Directory {
    pub by_name: BTreeMap<String, Person>,
}

fn main() {}
