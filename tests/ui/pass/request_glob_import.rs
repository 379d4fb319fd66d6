//! A glob import of `wechatpay_apiv3::request` also brings in the hidden traits of the derive's
//! checks: their items have prefixed names, so that a user's own `copy` method or `OK` constant
//! stays unambiguous.

use serde::Serialize;
use wechatpay_apiv3::WechatRecord;
use wechatpay_apiv3::request::*;

trait Duplicate: Sized {
    const OK: bool;
    fn copy(&self) -> Self;
}

#[derive(Clone, Serialize, WechatRecord)]
pub struct Note {
    #[wechat(required, max_len = 8)]
    pub text: String,
}

impl Duplicate for Note {
    const OK: bool = true;
    fn copy(&self) -> Self {
        Note { text: format!("{} again", self.text) }
    }
}

fn main() {
    let note = Note { text: "hi".into() };
    assert!(Note::OK);
    assert_eq!(note.copy().text, "hi again");
    assert!(note.validate().is_ok());
}
