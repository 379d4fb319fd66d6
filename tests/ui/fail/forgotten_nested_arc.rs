use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};
use wechatpay_apiv3::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

// No other field is encrypted: without the check, this request would be sent with no key at all.
#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/people", response = Reply)]
pub struct AddPerson {
    // serde serializes an `Arc` with its `rc` feature, or through a function as here.
    #[serde(serialize_with = "shared")]
    pub person: Arc<Person>,
}

fn shared<S: Serializer>(person: &Arc<Person>, serializer: S) -> Result<S::Ok, S::Error> {
    Person::serialize(person, serializer)
}

fn main() {}
