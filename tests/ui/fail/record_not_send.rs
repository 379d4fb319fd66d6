use std::cell::Cell;

use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

/// A batch of records is encrypted on several threads: every record is `Send + Sync`.
#[derive(Serialize, WechatRecord)]
pub struct Account {
    #[wechat(required, encrypt)]
    pub name: wechatpay_apiv3::Sensitive,
    pub visits: Cell<u32>,
}

fn main() {}
