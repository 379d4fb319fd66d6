//! Expansion snapshots: the code the derive writes for representative structs, pretty-printed and
//! compared with `tests/snapshots/*.rs`. `UPDATE_SNAPSHOTS=1 cargo test -p wechatpay-apiv3-derive`
//! rewrites them.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Kind;
use crate::expand;

fn assert_snapshot(name: &str, kind: Kind, input: TokenStream) {
    let input = syn::parse2(input).expect("the snapshot input parses");
    let tokens = expand::derive(&input, kind).expect("the snapshot input derives without errors");
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as items");
    let actual = prettyplease::unparse(&file);
    let path: PathBuf =
        [env!("CARGO_MANIFEST_DIR"), "tests", "snapshots", &format!("{name}.rs")].iter().collect();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    assert!(
        expected == actual,
        "the expansion of `{name}` changed; review it and run with UPDATE_SNAPSHOTS=1 to accept it.\n\
         --- expected ({})\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn request_with_path_query_body_and_nested_records() {
    assert_snapshot(
        "request",
        Kind::Request,
        quote! {
            /// Reports qualifications (核销资格).
            ///
            /// Not idempotent.
            #[derive(Serialize, WechatRequest)]
            #[wechat(post = "/v3/gov/subsidy/{sub_mchid}/qualifications", response = SyncReply)]
            #[wechat(validate_with = rules::sync, lookup = "POST /v3/gov/subsidy/query")]
            #[serde(rename_all = "snake_case")]
            pub struct QualificationsSync {
                #[wechat(path, digits = [8, 9, 10])]
                pub sub_mchid: String,
                #[wechat(query, one_of = ["0", "1"])]
                pub mode: Option<String>,
                /// Request serial number
                /// (请求流水号).
                #[wechat(required, max_len = 64)]
                pub req_ssn: String,
                #[wechat(required, len = 18, encrypt)]
                #[serde(rename = "certNo")]
                pub cert_no: Sensitive,
                #[wechat(required, nested)]
                pub data: Vec<Qualification>,
                pub amount: u64,
                pub status: Status,
            }
        },
    );
}

#[test]
fn record() {
    assert_snapshot(
        "record",
        Kind::Record,
        quote! {
            #[derive(Serialize, WechatRecord)]
            pub struct Qualification {
                #[wechat(required, encrypt)]
                pub name: Sensitive,
                #[wechat(digits = [13, 14], encrypt)]
                pub tel: Option<Sensitive>,
            }
        },
    );
}

#[test]
fn record_with_redact_nested_and_containers() {
    assert_snapshot(
        "redacted_record",
        Kind::Record,
        quote! {
            #[derive(Debug, Serialize, WechatRecord)]
            pub struct Buyer {
                #[wechat(encrypt)]
                pub tel: Sensitive,
                #[wechat(redact)]
                pub address: Redacted<String>,
                #[wechat(nested)]
                pub contacts: Vec<Contact>,
                pub tags: BTreeMap<String, (u32, Tag)>,
            }
        },
    );
}

#[test]
fn record_with_identifiers_conditions_and_docs() {
    assert_snapshot(
        "conditional_record",
        Kind::Record,
        quote! {
            /// A seller and its contact.
            #[derive(Serialize, WechatRecord)]
            pub struct Seller {
                /// Unified social credit code (统一社会信用代码).
                ///
                /// Checked against GB 32100.
                #[wechat(required, uscc)]
                pub uniscid: String,
                /// Kind of identity document.
                pub id_type: Option<IdType>,
                /// Identity document number,
                /// encrypted.
                #[wechat(required_if(id_type = IdType::IdCard), resident_id_if(id_type = IdType::IdCard), max_len = 64, encrypt)]
                pub id_no: Option<Sensitive>,
                #[wechat(resident_id)]
                #[serde(rename = "legalId")]
                pub legal_id: Redacted<String>,
                pub tags: Option<Vec<String>>,
                #[serde(skip)]
                pub note: String,
            }
        },
    );
}
