use serde::Serialize;
use wechatpay_apiv3::{Sensitive, WechatRecord};

#[derive(Serialize, WechatRecord)]
pub struct Seller {
    #[wechat(required, uscc, len = 18)]
    pub uniscid: String,
    #[wechat(resident_id, digits = 18, encrypt)]
    pub id_no: Option<Sensitive>,
}

fn main() {}
