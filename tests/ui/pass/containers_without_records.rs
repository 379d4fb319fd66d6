//! Fields in containers, tuples and generic types that hold no record need no `nested`, and
//! `Person` in `PhantomData` is no record held. A bare upper-case name in a type's arguments may be a
//! constant (`CAP`): the derive does not probe it as a type.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::marker::PhantomData;

use serde::Serialize;
use wechatpay_apiv3::WechatRecord;
use wechatpay_apiv3::request::{EncryptFields, Validate as _};

const CAP: usize = 4;

#[derive(Clone, Serialize)]
pub struct Capped<const N: usize> {
    pub text: String,
}

#[derive(Clone, Serialize)]
pub enum Status {
    Active,
}

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, WechatRecord)]
pub struct Plain {
    pub counts: BTreeMap<String, u32>,
    pub lookup: HashMap<String, Vec<(u8, bool)>>,
    pub pair: (String, u32),
    pub bytes: [u8; 4],
    pub boxed: Box<[u16]>,
    pub text: Cow<'static, str>,
    pub name: &'static str,
    pub status: Option<Status>,
    pub note: Capped<CAP>,
    pub marker: PhantomData<Person>,
}

fn main() {
    const { assert!(!<Plain as EncryptFields>::HAS_ENCRYPTED_FIELDS) };
    let plain = Plain {
        counts: BTreeMap::new(),
        lookup: HashMap::new(),
        pair: (String::new(), 0),
        bytes: [0; 4],
        boxed: Box::new([]),
        text: Cow::Borrowed(""),
        name: "",
        status: None,
        note: Capped { text: String::new() },
        marker: PhantomData,
    };
    assert!(plain.validate().is_ok());
}
