//! `#[derive(WechatRequest)]` and `#[derive(WechatRecord)]`, re-exported by the `wechatpay_apiv3` crate.
//!
//! The derives only write calls into `wechatpay_apiv3::request`; all runtime logic lives in
//! `wechatpay-apiv3-core`. The pipeline, one module per stage:
//!
//! | module | stage |
//! | --- | --- |
//! | `attr` | parses `#[wechat(...)]` and the `#[serde(...)]` names into typed attributes |
//! | `case` | serde's `rename_all` conventions |
//! | `ast` | the model: a container and its fields (structural errors: enum, tuple, generics) |
//! | `check` | rules across attributes, kinds and the path template |
//! | `ctxt` | the error collector: every error is reported, together |
//! | `emit` | generation from the checked model |
//! | `fallback` | on error: the errors plus stub impls, so that nothing cascades |
//! | `expand` | the pipeline itself |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod emit;
mod expand;
mod fallback;
#[cfg(test)]
mod snapshot;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

use crate::ast::Kind;

/// Declares an APIv3 endpoint: validation rules, encrypted fields, method, path and response.
///
/// Implements `Validate`, `EncryptFields` and `WechatRequest` (all in `wechatpay_apiv3::request`), so
/// that `prepare` (and the client's `send`) can validate → encrypt → serialize → sign. The struct
/// must also derive `serde::Serialize`, and be `Send + Sync` like a record.
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use wechatpay_apiv3::{Sensitive, WechatRecord, WechatRequest};
///
/// #[derive(Deserialize)]
/// pub struct AddReceiverReply {
///     pub account: String,
/// }
/// impl wechatpay_apiv3::ApiResponse for AddReceiverReply {}
///
/// #[derive(Serialize, WechatRequest)]
/// #[wechat(post = "/v3/profitsharing/receivers/add", response = AddReceiverReply)]
/// pub struct AddReceiver {
///     #[wechat(required, max_len = 32)]
///     pub appid: String,
///     #[wechat(required, one_of = ["MERCHANT_ID", "PERSONAL_OPENID"])]
///     #[serde(rename = "type")]
///     pub kind: String,
///     #[wechat(required)]
///     pub account: String,
///     /// Sent as RSA-OAEP ciphertext under the configured WeChat Pay key.
///     #[wechat(encrypt)]
///     pub name: Option<Sensitive>,
/// }
///
/// #[derive(Serialize, WechatRequest)]
/// #[wechat(get = "/v3/pay/transactions/out-trade-no/{out_trade_no}", response = AddReceiverReply)]
/// pub struct QueryOrder {
///     #[wechat(path, max_len = 32)]
///     pub out_trade_no: String,
///     #[wechat(query, digits = [8, 9, 10])]
///     pub mchid: String,
/// }
///
/// #[derive(Debug, Serialize, WechatRecord)]
/// pub struct Contact {
///     #[wechat(required, encrypt)]
///     pub tel: Sensitive,
/// }
///
/// #[derive(Serialize, WechatRequest)]
/// #[wechat(post = "/v3/contacts", response = AddReceiverReply)]
/// pub struct Contacts {
///     #[wechat(required, nested)]
///     pub data: Vec<Contact>,
/// }
///
/// use wechatpay_apiv3::request::{Describe, Rule, Validate, WechatRequest as _, field_paths};
/// let query = QueryOrder { out_trade_no: "1217752501201407033233368018".into(), mchid: "12".into() };
/// let violations = query.validate().unwrap_err();
/// assert!(violations.contains("mchid", &Rule::Digits { counts: &[8, 9, 10] }));
/// assert_eq!(QueryOrder::QUERY, ["mchid"]);
///
/// let paths: Vec<String> = field_paths(Contacts::FIELDS).into_iter().map(|(path, _)| path).collect();
/// assert_eq!(paths, ["data", "data[].tel"]);
/// ```
///
/// # Struct attributes: `#[wechat(...)]` above the struct
///
/// | attribute | meaning |
/// | --- | --- |
/// | `get = "/v3/..."` (or `post`, `put`, `patch`, `delete`) | the method and the path template, exactly one; `{name}` placeholders are filled from `path` fields; no `?` (the query comes from `query` fields) |
/// | `response = Type` | the type the answer decodes into (required) |
/// | `validate_with = path::to::rule` | a struct-level rule, `fn(&Self, &mut Checker<'_>)`, run after the field rules |
/// | `crate = "path"` | the path to the `wechatpay_apiv3` crate when the dependency is renamed (default `::wechatpay_apiv3`) |
/// | `idempotent` | repeating the request with the same parameters is safe (say so only where its page does): it may be sent again after a failure that leaves open whether it was applied. Every `get` is idempotent; anything else is not unless marked |
/// | `lookup = "POST /v3/..."` | the endpoint that tells whether a request was applied, named in `Error::OutcomeUnknown` |
///
/// # Field attributes: `#[wechat(...)]` on a field
///
/// | attribute | meaning | field types |
/// | --- | --- | --- |
/// | `path` | fills the `{placeholder}` named after the field's serialized name; implicitly `required` | text, numbers, enums |
/// | `query` | appended as `?name=value`, in declaration order; `None` is left out | text, numbers, enums |
/// | `encrypt` | RSA-OAEP under the configured WeChat Pay key, then base64 (body and query fields, not path fields); a `Sensitive` serializes only so, and never prints | `Sensitive`, `Option<Sensitive>`, `Vec<Sensitive>` |
/// | `redact` | personal data the API does not encrypt (an address): sent as is, printed as `<redacted>` by any `Debug`; not with `encrypt` | `Redacted<T>`, and `Option`/`Vec` of it |
/// | `required` | present and non-empty | `String`, `Option<_>`, `Vec<_>` |
/// | `required_if(field = VALUE)` | `required` while the sibling `field` (its Rust name) equals `VALUE`, any expression (an `Option` sibling must be `Some(VALUE)`); reported as `Rule::RequiredIf`; not with `required`, nor on a `path` field | as `required`; the sibling: a `PartialEq` type or an `Option` of one, VALUE of that type (text siblings also take a `"literal"`) |
/// | `len = N` | exactly N characters | `String`, `Option<String>` |
/// | `min_len = N`, `max_len = N` | at least / at most N characters | `String`, `Option<String>` |
/// | `digits = N` or `digits = [N, M]` | ASCII digits only, N (or M) of them | `String`, `Option<String>` |
/// | `one_of = ["A", "B"]` | one of the literals | `String`, `Option<String>` |
/// | `uscc` | a unified social credit code (统一社会信用代码): 18 characters of GB 32100's charset, the last its check character | text: `String`, `Sensitive`, `Redacted<String>`, `Option`s of them |
/// | `resident_id` | a mainland resident ID number (居民身份证号码): 17 digits and the GB 11643 check character (a digit or upper-case `X`) | text |
/// | `resident_id_if(field = VALUE)` | `resident_id` while the sibling `field` equals `VALUE` (as in `required_if`); a failure is reported as `Rule::ResidentId` | text |
/// | `nested` | validated and encrypted recursively; violations read `data[2].tel` | a `WechatRecord` or a `Vec`/`Option`/`Box` of one |
///
/// Text rules skip absent and empty values: combine them with `required` to demand a value.
/// `uscc` and `resident_id` fix the whole format, so they take no other text rule (`len`,
/// `min_len`, `max_len`, `digits`, `one_of`) and exclude each other; `resident_id_if` does take
/// them, for the other kinds of document (`max_len = 64, resident_id_if(id_type = IdType::IdCard)`).
/// All names in violations, placeholders and the query are the serialized names, honouring
/// `#[serde(rename = "...")]` and `#[serde(rename_all = "...")]`. `path` and `query` fields are
/// left out of the JSON body, and `None` fields are not sent. Every field type must be `Clone`:
/// encryption builds an encrypted copy and leaves the caller's value untouched.
///
/// Personal data is typed, so that no route leaks it: a `Sensitive` value serializes only inside
/// the encryption step (a plaintext one inside a type of your own, a tuple or a
/// `serde_json::Value` is refused with an error naming the rule, never the value), and both
/// `Sensitive` and `Redacted` print as `<redacted>` in a `#[derive(Debug)]`.
///
/// Why one `#[wechat(...)]` attribute rather than bare `#[path]`, `#[encrypt]`, …: a bare `path`
/// helper is ambiguous with the built-in `#[path]` attribute (E0659), helpers that shadow built-in
/// attributes are being phased out by rustc, and one namespace keeps the vocabulary discoverable
/// (a misspelt name gets a "did you mean" suggestion).
///
/// # Compile-time checks
///
/// Mistakes are compile errors, all reported at once, at the attribute or field concerned: a
/// placeholder without its `path` field (and the reverse), a body field on a `GET` or `DELETE`,
/// `encrypt` on a path field, a rule that the field's type cannot take, a misspelt attribute (with a
/// suggestion), a condition that names no field of the struct (with a suggestion) or the field
/// itself, a condition whose value does not have the sibling's type, and more.
///
/// A field that holds records but is not marked `nested` is refused too, since their `encrypt`
/// fields would be sent in plaintext. Records are found by type in the std collections and smart
/// pointers (arrays, slices, `Vec`, `VecDeque`, sets, map values, `Option`, `Box`, `Arc`, `Rc`,
/// `Cow`, …) at any depth, also behind a type alias, and by name among the arguments and
/// elements written in the field's type: `Vec<(String, Person)>`, `Result<Person, E>`,
/// `Labelled<Person>`. `nested` itself takes a record or a `Vec`/`Option`/`Box` of them. What
/// stays invisible is a record inside a type of your own that is not a record (a non-generic
/// `struct Wrapper { person: Person }`), or behind a type alias of a tuple, a `Result` or a
/// generic type of your own: derive `WechatRecord` for such a wrapper and mark its field and yours
/// `nested`.
///
/// # Metadata
///
/// Both derives implement `request::Describe`: `FIELDS` holds a `FieldInfo` per serialized field
/// (`#[serde(skip)]` ones are left out), in declaration order: its serialized name, its `Place`
/// (body, path or query), whether it is always sent (`required`, `path`, or a type that is not
/// `Option<…>` and no `skip_serializing_if`; a `required_if` field is not), `encrypt`, `redact`,
/// whether it is a list (`Vec<…>`, `Option<Vec<…>>`), its rules other than `required` (a
/// conditional one as `Rule::RequiredIf` or `Rule::When`), the first paragraph of its doc comment,
/// and for a `nested` field the record's fields. `WechatRequest::DOC` is the first line of the
/// struct's doc comment. `request::field_paths` flattens them into the paths the API pages list
/// (`data`, `data[].cert_no`), so that a test can compare a request with its page. A `nested`
/// field whose type names the record itself (`Vec<Self>`) has `nested: None`: its paths would
/// never end.
#[proc_macro_derive(WechatRequest, attributes(wechat))]
pub fn derive_wechat_request(input: TokenStream) -> TokenStream {
    derive(input, Kind::Request)
}

/// Declares a record nested in requests: its fields take the same rules and `encrypt` as a
/// request's, and a request field holding it (or a `Vec`/`Option`/`Box` of it) is marked
/// `#[wechat(nested)]`.
///
/// Implements `Validate` and `EncryptFields` (in `wechatpay_apiv3::request`). A record has no method,
/// path, query or response; `validate_with` and `crate` are accepted as on
/// [`WechatRequest`](derive@WechatRequest). A record is `Send + Sync` (its fields are plain data),
/// since a long `Vec` of records is encrypted on every core.
///
/// ```
/// use serde::Serialize;
/// use wechatpay_apiv3::request::{Rule, Validate};
/// use wechatpay_apiv3::{Sensitive, WechatRecord};
///
/// #[derive(Debug, Clone, PartialEq, Serialize)]
/// pub enum IdType {
///     #[serde(rename = "IDCARD")]
///     IdCard,
///     #[serde(rename = "PASSPORT")]
///     Passport,
/// }
///
/// #[derive(Debug, Serialize, WechatRecord)]
/// pub struct Qualification {
///     pub id_type: IdType,
///     #[wechat(required, max_len = 64, resident_id_if(id_type = IdType::IdCard), encrypt)]
///     pub cert_no: Sensitive,
///     #[wechat(digits = [11])]
///     pub tel: Option<String>,
///     #[wechat(uscc)]
///     pub seller_uscc: Option<String>,
/// }
///
/// let item = Qualification {
///     id_type: IdType::IdCard,
///     cert_no: "".into(),
///     tel: Some("138".into()),
///     seller_uscc: Some("91350100M000100Y43".into()),
/// };
/// let violations = item.validate().unwrap_err();
/// assert!(violations.contains("cert_no", &Rule::Required));
/// assert!(violations.contains("tel", &Rule::Digits { counts: &[11] }));
///
/// let passport = Qualification { id_type: IdType::Passport, cert_no: "E12345678".into(), ..item };
/// assert!(passport.validate().is_err_and(|v| v.iter().all(|v| v.path == "tel")));
/// let card = Qualification { id_type: IdType::IdCard, ..passport };
/// assert!(card.validate().unwrap_err().contains("cert_no", &Rule::ResidentId));
/// ```
#[proc_macro_derive(WechatRecord, attributes(wechat))]
pub fn derive_wechat_record(input: TokenStream) -> TokenStream {
    derive(input, Kind::Record)
}

fn derive(input: TokenStream, kind: Kind) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input, kind)
        .unwrap_or_else(|error| fallback::expand(&input, kind, error))
        .into()
}
