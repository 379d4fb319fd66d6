//! A crate that knows `wechatpay_apiv3` under another name says so with `crate = "..."`.

extern crate wechatpay_apiv3 as wx;

use serde::{Deserialize, Serialize};
use wx::request::{Validate, WechatRequest as _};

#[derive(Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Serialize, wx::WechatRecord)]
#[wechat(crate = "::wx")]
pub struct Item {
    #[wechat(required, encrypt)]
    pub name: wechatpay_apiv3::Sensitive,
}

#[derive(Serialize, wx::WechatRequest)]
#[wechat(crate = "::wx", post = "/v3/items/{id}", response = Reply)]
pub struct Items {
    #[wechat(path)]
    pub id: String,
    #[wechat(nested)]
    pub items: Vec<Item>,
}

mod inner {
    use serde::{Deserialize, Serialize};
    use wx as pay;

    #[derive(Deserialize)]
    pub struct Reply {}
    impl ::wechatpay_apiv3::ApiResponse for Reply {}

    /// A relative path works too, wherever the alias is in scope.
    #[derive(Serialize, pay::WechatRequest)]
    #[wechat(crate = pay, get = "/v3/x", response = Reply)]
    pub struct Relative {
        #[wechat(query)]
        pub q: Option<String>,
    }
}

fn main() {
    assert_eq!(Items::PATH, "/v3/items/{id}");
    assert!(Items { id: String::new(), items: vec![] }.validate().is_err());
    assert!(inner::Relative { q: None }.validate().is_ok());
}
