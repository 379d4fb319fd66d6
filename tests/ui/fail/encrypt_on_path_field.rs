use serde::{Deserialize, Serialize};
use wechatpay::WechatRequest;

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRequest)]
#[wechat(get = "/v3/users/{id_card}", response = Reply)]
pub struct QueryUser {
    #[wechat(path, encrypt)]
    pub id_card: wechatpay::Sensitive,
}

fn main() {}
