use std::sync::Arc;

use serde::{Serialize, Serializer};
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Household {
    #[wechat(nested)]
    #[serde(serialize_with = "shared")]
    pub head: Arc<Person>,
}

fn shared<S: Serializer>(person: &Arc<Person>, serializer: S) -> Result<S::Ok, S::Error> {
    Person::serialize(person, serializer)
}

fn main() {}
