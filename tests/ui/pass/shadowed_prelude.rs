//! The generated code names everything by absolute path: user items called `Result`, `Option`,
//! `Vec`, `Box`, `String`, `Clone`, `Some`, `Ok`, `str`, `bool` or `core` change nothing.

#![allow(dead_code, non_camel_case_types)]

mod shadows {
    pub struct Result;
    pub struct Option;
    pub struct Vec;
    pub struct Box;
    pub struct String;
    pub trait Clone {}
    pub struct Some;
    pub struct Ok;
    pub struct str;
    pub struct bool;
    pub struct Validate;
    pub struct Checker;
    pub mod core {}
}

use serde::Serialize;
use shadows::*;
use wechatpay_apiv3::{WechatRecord, WechatRequest};

/// serde's own derives are not the subject here (`Deserialize` breaks with `str` shadowed).
mod reply {
    #[derive(serde::Deserialize)]
    pub struct Reply {}
    impl ::wechatpay_apiv3::ApiResponse for Reply {}
}
use reply::Reply;

#[derive(Serialize, WechatRecord)]
pub struct Inner {
    #[wechat(required, len = 2, encrypt)]
    pub name: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/shadowed/{id}", response = Reply)]
pub struct Shadowed {
    #[wechat(path)]
    pub id: std::string::String,
    #[wechat(query, one_of = ["a"])]
    pub q: std::option::Option<std::string::String>,
    #[wechat(required, nested)]
    pub items: std::vec::Vec<Inner>,
    #[wechat(nested)]
    pub boxed: std::boxed::Box<Inner>,
    pub count: u32,
}

fn main() {
    use wechatpay_apiv3::request::{Validate as _, WechatRequest as _};
    let request = Shadowed {
        id: "1".into(),
        q: None,
        items: vec![Inner { name: "ab".into() }],
        boxed: std::boxed::Box::new(Inner { name: "ab".into() }),
        count: 0,
    };
    assert!(request.validate().is_ok());
    assert_eq!(Shadowed::QUERY, ["q"]);
}
