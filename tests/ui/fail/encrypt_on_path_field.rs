use serde::{Deserialize, Serialize};
use wechatpay_apiv3::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/users/{id_card}", response = Reply)]
pub struct QueryUser {
    #[wechat(path, encrypt)]
    pub id_card: wechatpay_apiv3::Sensitive,
}

fn main() {}
