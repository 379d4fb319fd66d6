use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Clone, PartialEq, Serialize)]
pub enum IdType {
    IdCard,
    Passport,
}

#[derive(Serialize, WechatRecord)]
pub struct Holder {
    pub id_type: Option<IdType>,
    #[wechat(required_if(id_type = IdType::IdCard))]
    pub age: u32,
}

fn main() {}
