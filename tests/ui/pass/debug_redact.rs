//! `#[wechat(debug)]` with `redact` fields, and `nested` records that redact too, in a Vec, an
//! Option and a Box; `redact` on a `nested` field hides a record that has no `debug` of its own.

use serde::{Deserialize, Serialize};
use wechatpay::{WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay::ApiResponse for Reply {}

#[derive(Serialize, WechatRecord)]
#[wechat(debug)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: String,
    #[wechat(redact)]
    pub address: String,
    pub city: String,
}

#[derive(Debug, Serialize, WechatRecord)]
pub struct Note {
    pub text: String,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/people", response = Reply, debug)]
pub struct AddPeople {
    #[wechat(nested)]
    pub data: Vec<Person>,
    #[wechat(nested)]
    pub head: Option<Box<Person>>,
    #[wechat(nested, redact)]
    pub note: Note,
}

fn main() {
    let person =
        || Person {
            tel: "13800000000".into(), address: "西湖区 1 号".into(), city: "杭州".into()
        };
    let request = AddPeople {
        data: vec![person()],
        head: Some(Box::new(person())),
        note: Note { text: "secret".into() },
    };
    let shown = format!("{request:?}");
    assert!(
        !shown.contains("13800000000") && !shown.contains("西湖区") && !shown.contains("secret")
    );
    assert!(shown.contains(r#"city: "杭州""#), "{shown}");
}
