//! `uscc`, `resident_id`, the conditional rules (on an `Option` enum sibling and on a text sibling
//! compared with a literal), and the metadata every derive publishes.

use serde::{Deserialize, Serialize};
use wechatpay_apiv3::request::{Describe, Place, Rule, Validate, WechatRequest as _, field_paths};
use wechatpay_apiv3::{Sensitive, WechatRecord, WechatRequest};

#[derive(Deserialize)]
pub struct Reply {}
impl wechatpay_apiv3::ApiResponse for Reply {}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum IdType {
    #[serde(rename = "IDCARD")]
    IdCard,
    #[serde(rename = "PASSPORT")]
    Passport,
}

/// One holder of a qualification.
#[derive(Debug, Serialize, WechatRecord)]
pub struct Holder {
    /// Kind of identity document.
    pub id_type: Option<IdType>,
    /// Document number; a resident ID when `id_type` is `IdCard`.
    #[wechat(required_if(id_type = IdType::IdCard), resident_id_if(id_type = IdType::IdCard))]
    #[wechat(max_len = 64, encrypt)]
    pub id_no: Option<Sensitive>,
}

/// Registers sellers (登记商户).
///
/// More text that is not the title.
#[derive(Serialize, WechatRequest)]
#[wechat(post = "/v3/sellers", response = Reply)]
pub struct RegisterSellers {
    /// Unified social credit code.
    #[wechat(required, uscc)]
    pub uniscid: String,
    /// `"1"` when a contact phone number is given.
    #[wechat(one_of = ["0", "1"])]
    pub has_tel: String,
    #[wechat(required_if(has_tel = "1"), digits = 11)]
    pub tel: Option<String>,
    #[wechat(nested)]
    pub holders: Vec<Holder>,
}

fn main() {
    let request = RegisterSellers {
        uniscid: "91350100M000100Y43".into(),
        has_tel: "1".into(),
        tel: None,
        holders: vec![
            Holder { id_type: Some(IdType::IdCard), id_no: Some("11010519491231002X".into()) },
            Holder { id_type: Some(IdType::IdCard), id_no: Some("110105194912310021".into()) },
            Holder { id_type: Some(IdType::Passport), id_no: Some("E12345678".into()) },
            Holder { id_type: Some(IdType::IdCard), id_no: None },
        ],
    };
    let shown: Vec<String> =
        request.validate().unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "tel: required when has_tel is \"1\"",
            "holders[1].id_no: must be an 18-character resident ID number with a valid check digit (GB 11643)",
            "holders[3].id_no: required when id_type is IdType::IdCard",
        ]
    );

    assert_eq!(RegisterSellers::DOC, "Registers sellers (登记商户).");
    let paths: Vec<String> =
        field_paths(RegisterSellers::FIELDS).into_iter().map(|(path, _)| path).collect();
    assert_eq!(paths, ["uniscid", "has_tel", "tel", "holders", "holders[].id_type", "holders[].id_no"]);
    let id_no = &Holder::FIELDS[1];
    assert_eq!((id_no.place, id_no.required, id_no.encrypted), (Place::Body, false, true));
    assert_eq!(
        id_no.rules[2],
        Rule::When { field: "id_type", value: "IdType::IdCard", then: &Rule::ResidentId }
    );
}
