use serde::Serialize;
use wechatpay_apiv3::{Sensitive, WechatRecord};

#[derive(Clone, PartialEq, Serialize)]
pub enum IdType {
    IdCard,
    Passport,
}

#[derive(Serialize, WechatRecord)]
pub struct Holder {
    pub id_type: Option<IdType>,
    #[wechat(resident_id_if(id_no = IdType::IdCard), encrypt)]
    pub id_no: Option<Sensitive>,
}

fn main() {}
