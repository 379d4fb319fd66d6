use std::collections::{HashMap, VecDeque};

use serde::Serialize;
use wechatpay_apiv3::WechatRecord;

#[derive(Serialize, WechatRecord)]
pub struct Person {
    #[wechat(encrypt)]
    pub tel: wechatpay_apiv3::Sensitive,
}

/// A generic type of the user's own: the derive looks at the types written in its arguments.
#[derive(Serialize)]
pub struct Labelled<T> {
    pub label: String,
    pub value: T,
}

type Ranked = Vec<[Person; 2]>;

// Every field but `count` holds records somewhere inside: each is reported, at its type, and
// nothing else (`Person` is not `Clone`, and no field asks for it).
#[derive(Serialize, WechatRecord)]
pub struct Everything {
    pub by_id: HashMap<u64, Person>,
    pub queue: VecDeque<Person>,
    pub boxed: Box<[Person]>,
    pub maybe: Option<[Person; 1]>,
    pub pairs: Vec<(String, Person)>,
    pub labelled: Labelled<Person>,
    pub ranked: Ranked,
    pub count: u32,
}

fn main() {}
