use std::cell::Cell;

use serde::Serialize;
use wechatpay::WechatRecord;

/// A batch of records is encrypted on several threads: every record is `Send + Sync`.
#[derive(Serialize, WechatRecord)]
pub struct Account {
    #[wechat(required, encrypt)]
    pub name: wechatpay::Sensitive,
    pub visits: Cell<u32>,
}

fn main() {}
