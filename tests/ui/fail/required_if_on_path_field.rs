use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Clone, PartialEq, Serialize)]
pub enum IdType {
    IdCard,
    Passport,
}

#[derive(Deserialize)]
pub struct Reply {}
impl wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/holders/{id_no}", response = Reply)]
pub struct GetHolder {
    #[wechat(query)]
    pub id_type: Option<IdType>,
    #[wechat(path, required_if(id_type = IdType::IdCard))]
    pub id_no: String,
}

fn main() {}
