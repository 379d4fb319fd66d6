//! `nested` on a record, a Vec, an Option and a Box of records, two levels deep.

use serde::{Deserialize, Serialize};
use wechatpay_apiv3::request::{EncryptFields, Rule, Validate};
use wechatpay_apiv3::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, WechatRecord)]
pub struct Contact {
    #[wechat(required, digits = [11], encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Plain {
    #[wechat(required)]
    pub note: String,
}

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(required, nested)]
    pub contacts: Vec<Contact>,
    #[wechat(nested)]
    pub primary: Option<Contact>,
    #[wechat(nested)]
    pub plain: Box<Plain>,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/people", response = Reply)]
pub struct People {
    #[wechat(required, nested)]
    pub data: Vec<Person>,
    #[wechat(nested)]
    pub notes: Vec<Plain>,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/notes", response = Reply)]
pub struct Notes {
    #[wechat(nested)]
    pub notes: Option<Vec<Plain>>,
}

fn main() {
    assert!(People::HAS_ENCRYPTED_FIELDS, "inherited from Contact through Person");
    assert!(!Notes::HAS_ENCRYPTED_FIELDS);
    assert!(!<Plain as EncryptFields>::HAS_ENCRYPTED_FIELDS);
    let people = People {
        data: vec![
            Person { contacts: vec![], primary: None, plain: Box::new(Plain { note: "a".into() }) },
            Person {
                contacts: vec![Contact { tel: "13800000000".into() }, Contact { tel: "12".into() }],
                primary: Some(Contact { tel: "".into() }),
                plain: Box::new(Plain { note: String::new() }),
            },
        ],
        notes: vec![Plain { note: String::new() }],
    };
    let violations = people.validate().unwrap_err();
    let paths: Vec<String> = violations.iter().map(|v| v.to_string()).collect();
    assert_eq!(
        paths,
        [
            "data[0].contacts: required",
            "data[1].contacts[1].tel: must be 11 digits",
            "data[1].primary.tel: required",
            "data[1].plain.note: required",
            "notes[0].note: required",
        ]
    );
    assert!(violations.contains("data[1].primary.tel", &Rule::Required));
}
