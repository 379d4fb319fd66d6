//! The endpoints the sandbox serves, as a table, and the checks every entry gets: required
//! fields, JSON types, allowed values, the `Wechatpay-Serial` header and decryption of sensitive
//! fields.
//!
//! The table is the sandbox's own reading of the 34 published `/v3/gov/subsidy/…` pages (their
//! field tables, with the OpenAPI descriptions for enum values and examples), independent of any
//! client code: a client that forgets to encrypt a field, a required field or an enum value is
//! caught here rather than mirrored. One file per region: `zhejiang.rs` (14), `jiangsu.rs` (15),
//! `audit_cup.rs` (Shanghai/Fujian/Chongqing, 5).
//!
//! Readings shared by every entry:
//! - A page's `json`, `query` and `headers` rows are containers, not fields. A page marks
//!   `Wechatpay-Serial` required exactly when it encrypts a field, so the header is checked exactly
//!   for the entries with [`sensitive`](Endpoint::sensitive) fields.
//! - Some OpenAPI `required` lists name members that neither the page nor the description
//!   defines, copied from a sibling endpoint (`zhejiang/goods/query` lists the personal fields of
//!   `authcode/issue`, `zhejiang/n-qualifications/confirm` those of `authcode/commit`,
//!   `qualifications/passthrough/cancel` `longitude`/`latitude` of `claim`,
//!   `n-qualifications/sync` `spec_model`). They are not required: a request built from the page
//!   could never satisfy them, and `goods/query` would demand unencrypted personal data. Where the
//!   page and the description both define a field they agree on whether it is required.
//! - `000000` is the success code of every family with a code (the examples; the pages do not say).

use std::cmp::Ordering;
use std::fmt;

use serde_json::{Map, Value};
use wechatpay_apiv3_core::{CryptoError, MerchantPrivateKey};

use crate::certificates::MockCertificate;
use crate::json::{self, JsonError, is_plain_name};
use crate::respond::{Answer, Detail};

mod audit_cup;
mod jiangsu;
mod zhejiang;

pub use audit_cup::*;
pub use jiangsu::*;
pub use zhejiang::*;

/// Where an endpoint's parameters travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A JSON object in the request body.
    Body,
    /// The query string (`?k=v&…`), percent-encoded strictly: every `%` must be followed by
    /// two hex digits and the decoded bytes must be UTF-8. A raw `+` is refused: a form
    /// decoder would read it as a space and turn a base64 `+` into garbage, a URI decoder as a
    /// plus, so it is ambiguous; send a plus as `%2B` and a space as `%20`.
    Query,
}

impl Location {
    fn as_str(self) -> &'static str {
        match self {
            Location::Body => "body",
            Location::Query => "query",
        }
    }
}

/// The JSON type a field must have, as the published pages give it (`string`, `number`,
/// `object[]`, …).
///
/// In the query string every value is text: [`String`](FieldType::String) accepts any value,
/// [`Number`](FieldType::Number) a JSON number (`3`, `-1.5`), [`Boolean`](FieldType::Boolean)
/// `true` or `false`; arrays and objects cannot travel there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldType {
    /// A JSON string.
    String,
    /// A JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A JSON array.
    Array,
    /// A JSON object.
    Object,
}

impl FieldType {
    fn name(self) -> &'static str {
        match self {
            FieldType::String => "a string",
            FieldType::Number => "a number",
            FieldType::Boolean => "a boolean",
            FieldType::Array => "an array",
            FieldType::Object => "an object",
        }
    }

    /// Whether `value` has this type where it travelled.
    fn admits(self, value: &Value, location: Location) -> bool {
        match (self, location, value) {
            (FieldType::String, _, Value::String(_)) => true,
            (FieldType::Number, Location::Body, Value::Number(_)) => true,
            (FieldType::Boolean, Location::Body, Value::Bool(_)) => true,
            (FieldType::Array, Location::Body, Value::Array(_)) => true,
            (FieldType::Object, Location::Body, Value::Object(_)) => true,
            (FieldType::Number, Location::Query, Value::String(text)) => is_json_number(text),
            (FieldType::Boolean, Location::Query, Value::String(text)) => {
                text == "true" || text == "false"
            }
            _ => false,
        }
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: a JSON number.
fn is_json_number(text: &str) -> bool {
    let digits = |text: &str| -> usize { text.bytes().take_while(u8::is_ascii_digit).count() };
    let rest = text.strip_prefix('-').unwrap_or(text);
    let int = digits(rest);
    if int == 0 || (int > 1 && rest.starts_with('0')) {
        return false;
    }
    let mut rest = &rest[int..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = &exponent[n..];
    }
    rest.is_empty()
}

/// The provincial platform an endpoint belongs to (the region tag of its OpenAPI description).
/// WeChat Pay opens each region to a merchant separately: see
/// [`SandboxBuilder::regions`](crate::SandboxBuilder::regions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Region {
    /// 浙江: the `zhejiang/*` paths.
    Zhejiang,
    /// 江苏: `qualification`, `qualifications/*`, `n-qualifications/sync`, `sncode/*`,
    /// `transactions/*`, `companies/query`, `goods/upload`.
    Jiangsu,
    /// 上海/福建/重庆: the `audit/cup/*` paths.
    ShanghaiFujianChongqing,
}

impl Region {
    /// Every region, the default whitelist.
    pub const ALL: [Region; 3] =
        [Region::Zhejiang, Region::Jiangsu, Region::ShanghaiFujianChongqing];

    /// The region's name as the descriptions tag it.
    pub fn name(self) -> &'static str {
        match self {
            Region::Zhejiang => "浙江",
            Region::Jiangsu => "江苏",
            Region::ShanghaiFujianChongqing => "上海/福建/重庆",
        }
    }
}

/// The shape of an endpoint's `200` answers: where its success code lives, and so how a
/// business failure ([`Outcome::Business`](crate::Outcome::Business)) is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reply {
    /// `{"resp_code":"000000","resp_desc":"成功",…}`; `zhejiang/qualifications/sync` adds
    /// `error_data: string[]`.
    Zhejiang,
    /// `{"code":"000000","message":"成功",…}`.
    Jiangsu,
    /// `{"code":"000000","msg":"成功","sub_code"?,"sub_msg"?,…}`.
    ShanghaiFujianChongqing,
    /// Data without any code (`{"state":…}`, `{"qualification_list":[…]}`): every `200` is a
    /// success, so a failure is WeChat Pay's standard error answer, a `4xx`
    /// `{"code":…,"message":…}`.
    DataOnly,
}

/// How a success answer repeats the request, where it naturally depends on it. Values are
/// taken from the request with its sensitive fields redacted, so a decrypted value is never
/// echoed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Echo {
    /// One item of the answer's array `list` per string of the request's array `from`: a copy of
    /// the success body's first item with `key` set to that string.
    Each {
        /// The request's top-level array of strings (`sn_code_list`).
        from: &'static str,
        /// The answer's top-level array (`goods_sn_list`).
        list: &'static str,
        /// The member of each item that names it (`sn_code`).
        key: &'static str,
    },
    /// One item of the answer's array `list` per string of the request's array `from` that
    /// names an order a report the sandbox applied told it about (Jiangsu's `transactions/sync`,
    /// `qualifications/sync`, `n-qualifications/sync`): a copy of the success body's first item
    /// with `key` set to the order and `state` to the `cate_state` reported last. Orders never
    /// reported are left out.
    Orders {
        /// The request's top-level array of order numbers (`order_number_list`).
        from: &'static str,
        /// The answer's top-level array (`shop_order_list`).
        list: &'static str,
        /// The member of each item that names the order (`shop_order_number`).
        key: &'static str,
        /// The member of each item that holds the reported state (`cate_state`).
        state: &'static str,
    },
    /// The request's top-level string of that name, copied into the answer's member of the same
    /// name (when the request has it).
    Field(&'static str),
}

/// One endpoint the sandbox serves: a table entry.
///
/// Field paths name object members with dots and array items with `[]`: `req_ssn`,
/// `data[].cert_no`, `invoice_info.invoice_no`. A required path inside an array applies to every
/// item of the array (an absent array has no items). A required field is missing when it is
/// absent, `null`, `""` or `[]`.
///
/// Checks, in this order, after the request's signature: the parameters' syntax (strict JSON
/// without duplicate keys, or a strict query string); nothing sensitive in the wrong place (no
/// body on a `GET` or a query endpoint, no sensitive field name in a body endpoint's query);
/// required fields; [`types`](Endpoint::types); [`values`](Endpoint::values); decryption of the
/// sensitive fields; and last `Wechatpay-Serial` (so a plaintext field is named even when the
/// header is missing too). Members the table does not know are let through, as WeChat Pay does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The HTTP method, upper-case (`"POST"`).
    pub method: &'static str,
    /// The path, in axum's route syntax (`/v3/…`, `{name}` for a path segment).
    pub path: &'static str,
    /// The page's Chinese title (`核销资格`).
    pub title: &'static str,
    /// The region whose merchants may call it.
    pub region: Region,
    /// Where the parameters travel.
    pub location: Location,
    /// Paths of the required fields.
    pub required: &'static [&'static str],
    /// Paths of the fields that must arrive RSA-OAEP encrypted to the sandbox's public key
    /// (base64 strings). If any, the request must carry `Wechatpay-Serial` naming that key.
    pub sensitive: &'static [&'static str],
    /// The JSON type of fields (required or optional): a present, non-null field of another
    /// type is a `400 PARAM_ERROR` naming the field and the expected type, never the value.
    pub types: &'static [(&'static str, FieldType)],
    /// The allowed values of enum fields: a present, non-null value outside its list is a
    /// `400 PARAM_ERROR` naming the field and the allowed values, never the value. A number
    /// compares by its JSON text (`appliance_id` `1` … `17`; `1.0` is not `1`).
    pub values: &'static [(&'static str, &'static [&'static str])],
    /// The shape of its answers.
    pub reply: Reply,
    /// The `200` body of an accepted request (before [`echo`](Endpoint::echo)).
    pub success_body: &'static str,
    /// What the success body repeats from the request.
    pub echo: &'static [Echo],
}

/// `appliance_id` (消费品类ID): `1` 电视机 … `17` 智能手表手环.
const APPLIANCE_IDS: &[&str] =
    &["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"];

/// `identity_document_type` (证件类型).
const IDENTITY_DOCUMENT_TYPES: &[&str] = &[
    "ID_DOC_TYPE_ID_CARD",
    "ID_DOC_TYPE_MAINLAND_TRAVEL_PERMIT_FOR_HK_MC",
    "ID_DOC_TYPE_MAINLAND_TRAVEL_PERMIT_FOR_TW",
];

/// The endpoints [`Sandbox::start`](crate::Sandbox::start) serves: all 34 `/v3/gov/subsidy/…`
/// pages, Zhejiang first, then Jiangsu, then Shanghai/Fujian/Chongqing.
pub const ENDPOINTS: &[Endpoint] = &[
    ZHEJIANG_QUALIFICATIONS_SYNC,
    ZHEJIANG_QUALIFICATIONS_QUERY,
    ZHEJIANG_QUALIFICATIONS_CLAIM,
    ZHEJIANG_QUALIFICATIONS_ALTER,
    ZHEJIANG_N_QUALIFICATIONS_CONFIRM,
    ZHEJIANG_AUTHCODE_ISSUE,
    ZHEJIANG_AUTHCODE_TRY,
    ZHEJIANG_AUTHCODE_CANCEL,
    ZHEJIANG_AUTHCODE_COMMIT,
    ZHEJIANG_AUTHCODE_REFUND,
    ZHEJIANG_GOODS_QUERY,
    ZHEJIANG_SNCODE_QUERY,
    ZHEJIANG_SNCODE_LOCK,
    ZHEJIANG_SNCODE_UNLOCK,
    GOV_SUBSIDY_QUALIFICATION,
    JIANGSU_QUALIFICATIONS_QUERY,
    JIANGSU_QUALIFICATIONS_SYNC,
    JIANGSU_N_QUALIFICATIONS_SYNC,
    JIANGSU_PASSTHROUGH_QUERY,
    JIANGSU_PASSTHROUGH_CLAIM,
    JIANGSU_PASSTHROUGH_CANCEL,
    JIANGSU_SNCODE_QUERY,
    JIANGSU_SNCODE_LOCK,
    JIANGSU_SNCODE_UNLOCK,
    JIANGSU_TRANSACTIONS_SYNC,
    JIANGSU_TRANSACTIONS_QUERY,
    JIANGSU_TRANSACTIONS_SUMMARY_QUERY_DAY,
    JIANGSU_COMPANIES_QUERY,
    JIANGSU_GOODS_UPLOAD,
    AUDIT_CUP_UPLOAD,
    AUDIT_CUP_UPDATE,
    AUDIT_CUP_QUERY,
    AUDIT_CUP_INVALID,
    AUDIT_CUP_REFUND_SYNC,
];

/// The parameters of an accepted request: decrypted, and with sensitive values replaced by
/// `"<redacted>"` (for `Debug`).
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub(crate) decrypted: Value,
    pub(crate) redacted: Value,
}

/// What printing a decrypted sensitive value shows instead.
pub(crate) const REDACTED: &str = "<redacted>";

/// Checks an authenticated request against its endpoint (see [`Endpoint`] for the order), then
/// decrypts the sensitive fields.
pub(crate) fn check(
    endpoint: &Endpoint,
    method: &str,
    target: &str,
    body: &[u8],
    wechatpay_serial: Option<&str>,
    keys: &DecryptionKeys<'_>,
) -> Result<Checked, Answer> {
    let location = endpoint.location;
    let params = match location {
        Location::Body => parse_body(body)?,
        Location::Query => parse_query(target)?,
    };
    check_places(endpoint, method, target, body)?;

    let mut missing = Vec::new();
    for (order, pattern) in endpoint.required.iter().enumerate() {
        for (path, value) in expand(&params, pattern, location)? {
            let absent = match value {
                None | Some(Value::Null) => Some("required"),
                Some(Value::String(text)) if text.is_empty() => Some("required, must not be empty"),
                Some(Value::Array(items)) if items.is_empty() => {
                    Some("required, must not be empty")
                }
                _ => None,
            };
            if let Some(issue) = absent {
                missing.push((path, order, issue));
            }
        }
    }
    if let Some((path, _, issue)) =
        missing.into_iter().min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)))
    {
        let field = path.to_string();
        let message = format!("missing required field `{field}` ({})", location.as_str());
        return Err(Answer::param_error(
            &message,
            Detail { field, location: location.as_str(), issue: issue.into() },
        ));
    }

    let mut mistyped = Vec::new();
    for (order, (pattern, expected)) in endpoint.types.iter().enumerate() {
        for (path, value) in expand(&params, pattern, location)? {
            match value {
                None | Some(Value::Null) => {}
                Some(value) if expected.admits(value, location) => {}
                Some(_) => mistyped.push((path, order, *expected)),
            }
        }
    }
    if let Some((path, _, expected)) =
        mistyped.into_iter().min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)))
    {
        let issue = format!("must be {}", expected.name());
        return Err(field_error(&path, &issue, location));
    }
    check_values(endpoint, &params)?;

    let mut decrypted = params.clone();
    let mut redacted = params.clone();
    let mut sensitive = Vec::new();
    for (order, pattern) in endpoint.sensitive.iter().enumerate() {
        for (path, value) in expand(&params, pattern, location)? {
            match value {
                None | Some(Value::Null) => {}
                Some(value) => sensitive.push((path, order, value)),
            }
        }
    }
    sensitive.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    for (path, _, value) in sensitive {
        let field = path.to_string();
        let plaintext = decrypt(value, keys.named(wechatpay_serial)).map_err(|issue| {
            let message = format!(
                "the sensitive field `{field}` must be RSA-OAEP (SHA-1) encrypted to the key named \
                 by Wechatpay-Serial and base64-encoded"
            );
            Answer::param_error(&message, Detail { field, location: location.as_str(), issue })
        })?;
        if let Some(slot) = decrypted.pointer_mut(&path.pointer()) {
            *slot = Value::String(plaintext);
        }
        if let Some(slot) = redacted.pointer_mut(&path.pointer()) {
            *slot = Value::String(REDACTED.into());
        }
    }
    // Last, so that a plaintext field is named even when the header is missing as well.
    if !endpoint.sensitive.is_empty() {
        check_serial(wechatpay_serial, keys)?;
    }
    Ok(Checked { decrypted, redacted })
}

/// Every present enum value is one of its field's [`values`](Endpoint::values); the first
/// violation (item-major, then table order) is named with the allowed values, never the value.
fn check_values(endpoint: &Endpoint, params: &Value) -> Result<(), Answer> {
    let location = endpoint.location;
    let mut outside = Vec::new();
    for (order, (pattern, allowed)) in endpoint.values.iter().enumerate() {
        for (path, value) in expand(params, pattern, location)? {
            let text = match value {
                None | Some(Value::Null) => continue,
                Some(Value::String(text)) => text.clone(),
                Some(other) => other.to_string(),
            };
            if !allowed.contains(&text.as_str()) {
                outside.push((path, order, *allowed));
            }
        }
    }
    match outside.into_iter().min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1))) {
        None => Ok(()),
        Some((path, _, allowed)) => {
            let issue = format!("must be one of {}", allowed.join(", "));
            Err(field_error(&path, &issue, location))
        }
    }
}

/// Nothing travels where the endpoint does not read it: no body on a `GET` or a query endpoint,
/// and no sensitive field name in a body endpoint's query string.
fn check_places(
    endpoint: &Endpoint,
    method: &str,
    target: &str,
    body: &[u8],
) -> Result<(), Answer> {
    let sensitive_names = || endpoint.sensitive.iter().filter_map(|path| path.rsplit('.').next());
    let sensitive_names = move || sensitive_names().map(|name| name.trim_end_matches("[]"));
    if (method == "GET" || endpoint.location == Location::Query) && !body.is_empty() {
        // Name a sensitive member if the body has one, so that the client sees what it misplaced.
        let parsed = json::parse(body).ok();
        let object = parsed.as_ref().and_then(Value::as_object);
        let field = object
            .and_then(|object| sensitive_names().find(|name| object.contains_key(*name)))
            .unwrap_or("(body)");
        let issue = "a GET (or a query endpoint) carries no body: its parameters, encrypted \
                     where sensitive, belong in the query string";
        return Err(Answer::param_error(
            &format!("unexpected request body (field `{field}`): {issue}"),
            Detail { field: field.to_owned(), location: "body", issue: issue.into() },
        ));
    }
    if endpoint.location == Location::Body && target.contains('?') {
        let Value::Object(query) = parse_query(target)? else { return Ok(()) };
        if let Some(name) = sensitive_names().find(|name| query.contains_key(*name)) {
            let issue = "a sensitive field of this endpoint travels encrypted in the JSON body, \
                         never in the query string";
            return Err(Answer::param_error(
                &format!("the sensitive field `{name}` is in the query string: {issue}"),
                Detail { field: name.to_owned(), location: "query", issue: issue.into() },
            ));
        }
    }
    Ok(())
}

/// The keys sensitive fields may be encrypted to, by the ID or serial a request names: the
/// sandbox's WeChat Pay public key, and the platform certificates listed to the merchant.
pub(crate) struct DecryptionKeys<'a> {
    pub(crate) public_key_id: &'a str,
    pub(crate) platform_key: &'a MerchantPrivateKey,
    pub(crate) certificates: Vec<MockCertificate>,
}

impl DecryptionKeys<'_> {
    fn knows(&self, serial: &str) -> bool {
        serial == self.public_key_id || self.certificates.iter().any(|c| c.serial() == serial)
    }

    /// The key named by `serial`, else the public key's (so that plaintext is named first).
    fn named(&self, serial: Option<&str>) -> &MerchantPrivateKey {
        self.certificates
            .iter()
            .find(|certificate| Some(certificate.serial()) == serial)
            .map_or(self.platform_key, MockCertificate::key)
    }
}

fn check_serial(serial: Option<&str>, keys: &DecryptionKeys<'_>) -> Result<(), Answer> {
    let issue = match serial {
        None => "missing: a request with encrypted fields must name the key that encrypted them",
        Some(serial) if keys.knows(serial) => return Ok(()),
        Some(_) => {
            "names no key of the sandbox: encrypt with its WeChat Pay public key (or a platform \
             certificate it lists) and send its ID (or serial)"
        }
    };
    Err(Answer::param_error(
        &format!("Wechatpay-Serial header: {issue}"),
        Detail { field: "Wechatpay-Serial".into(), location: "header", issue: issue.into() },
    ))
}

/// Decrypts one sensitive value; the error is the `issue`, which never contains the value.
fn decrypt(value: &Value, key: &MerchantPrivateKey) -> Result<String, String> {
    let Value::String(ciphertext) = value else {
        return Err("must be a string: the base64 RSA-OAEP ciphertext".into());
    };
    if ciphertext.is_empty() {
        return Err("must not be empty: omit the field or send the ciphertext".into());
    }
    key.decrypt_field(ciphertext).map_err(|error| match error {
        CryptoError::Base64 { .. } => {
            "not encrypted: the value is not base64 (plaintext sent?)".to_owned()
        }
        CryptoError::NotUtf8 { .. } => "decrypts to bytes that are not UTF-8 text".to_owned(),
        _ => "does not decrypt with the sandbox's WeChat Pay private key (plaintext, another key, \
              or not RSA-OAEP with SHA-1)"
            .to_owned(),
    })
}

fn parse_body(body: &[u8]) -> Result<Value, Answer> {
    if body.is_empty() {
        return Err(Answer::param_error_plain(
            "the request body is empty; a JSON object is expected",
        ));
    }
    match json::parse(body) {
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err(Answer::param_error_plain("the request body must be a JSON object")),
        Err(JsonError::Syntax { line, column }) => Err(Answer::param_error_plain(&format!(
            "the request body is not valid JSON (error at line {line}, column {column})"
        ))),
        Err(JsonError::DuplicateKey { key, line, column }) => {
            let field = key.unwrap_or_else(|| "(a key)".to_owned());
            let issue = "appears more than once in one object: which one counts is ambiguous";
            Err(Answer::param_error(
                &format!(
                    "the request body repeats the key `{field}` in one object (line {line}, \
                     column {column})"
                ),
                Detail { field, location: "body", issue: issue.into() },
            ))
        }
    }
}

/// The query string as a JSON object of strings, strictly decoded (see [`Location::Query`]).
fn parse_query(target: &str) -> Result<Value, Answer> {
    let mut params = Map::new();
    let query = target.split_once('?').map_or("", |(_, query)| query);
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(raw_name).map_err(|issue| query_error(None, issue))?;
        let shown = is_plain_name(&name).then_some(name.as_str());
        let value = percent_decode(raw_value).map_err(|issue| query_error(shown, issue))?;
        if params.contains_key(&name) {
            return Err(query_error(shown, "appears more than once"));
        }
        params.insert(name, Value::String(value));
    }
    Ok(Value::Object(params))
}

fn query_error(name: Option<&str>, issue: &str) -> Answer {
    match name {
        Some(name) => Answer::param_error(
            &format!("the query parameter `{name}` {issue}"),
            Detail { field: name.to_owned(), location: "query", issue: issue.to_owned() },
        ),
        None => Answer::param_error_plain(&format!("a query parameter name {issue}")),
    }
}

/// Strict percent-decoding (RFC 3986): `%XX` with two hex digits, UTF-8 result, and no raw `+`
/// (ambiguous: a space to form decoders, a plus to URI decoders).
fn percent_decode(text: &str) -> Result<String, &'static str> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
                    .ok_or("has a `%` not followed by two hex digits")?;
                let hex = std::str::from_utf8(hex).map_err(|_| "is not valid percent-encoding")?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| "is not valid percent-encoding")?);
                i += 3;
            }
            b'+' => {
                return Err("has a raw `+`: ambiguous (a space to form decoders, a plus to URI \
                            decoders); send `%2B` for a plus, `%20` for a space");
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "does not decode to UTF-8 text")
}

/// One step of a concrete field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// A concrete field path such as `data[1].tel`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldPath(Vec<Step>);

impl FieldPath {
    fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().filter_map(|step| match step {
            Step::Index(index) => Some(*index),
            Step::Key(_) => None,
        })
    }

    /// The JSON pointer (RFC 6901) of the path.
    fn pointer(&self) -> String {
        self.0
            .iter()
            .map(|step| match step {
                Step::Key(key) => format!("/{}", key.replace('~', "~0").replace('/', "~1")),
                Step::Index(index) => format!("/{index}"),
            })
            .collect()
    }
}

/// Item-major order: `data[0].tel` before `data[1].auth_code`; top-level fields first.
impl PartialOrd for FieldPath {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FieldPath {
    fn cmp(&self, other: &Self) -> Ordering {
        self.indices().cmp(other.indices())
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Every concrete path `pattern` names in `root`, with its value if present. An absent or null
/// container yields nothing; a container of the wrong type is a `PARAM_ERROR`.
fn expand<'v>(
    root: &'v Value,
    pattern: &str,
    location: Location,
) -> Result<Vec<(FieldPath, Option<&'v Value>)>, Answer> {
    let mut current: Vec<(FieldPath, Option<&'v Value>)> =
        vec![(FieldPath(Vec::new()), Some(root))];
    let segments: Vec<&str> = pattern.split('.').collect();
    for (position, segment) in segments.iter().enumerate() {
        let (key, each) = match segment.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (*segment, false),
        };
        let last = position + 1 == segments.len();
        let mut next = Vec::new();
        for (path, value) in current {
            let object = match value {
                None | Some(Value::Null) => continue,
                Some(Value::Object(object)) => object,
                Some(_) => return Err(field_error(&path, "must be an object", location)),
            };
            let mut child_path = path.clone();
            child_path.0.push(Step::Key(key.to_owned()));
            let child = object.get(key);
            if !each {
                if last || child.is_some() {
                    next.push((child_path, child));
                }
                continue;
            }
            match child {
                None | Some(Value::Null) => {}
                Some(Value::Array(items)) => {
                    for (index, item) in items.iter().enumerate() {
                        let mut item_path = child_path.clone();
                        item_path.0.push(Step::Index(index));
                        next.push((item_path, Some(item)));
                    }
                }
                Some(_) => return Err(field_error(&child_path, "must be an array", location)),
            }
        }
        current = next;
    }
    Ok(current)
}

fn field_error(path: &FieldPath, issue: &str, location: Location) -> Answer {
    let field = if path.0.is_empty() { "(root)".to_owned() } else { path.to_string() };
    Answer::param_error(
        &format!("the field `{field}` {issue}"),
        Detail { field, location: location.as_str(), issue: issue.into() },
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn expands_array_patterns_in_item_order() {
        let value = json!({"data": [{"a": "1"}, {"b": "2"}]});
        let paths: Vec<String> = expand(&value, "data[].a", Location::Body)
            .unwrap()
            .into_iter()
            .map(|(path, value)| format!("{path}={}", value.is_some()))
            .collect();
        assert_eq!(paths, ["data[0].a=true", "data[1].a=false"]);
        assert!(expand(&json!({}), "data[].a", Location::Body).unwrap().is_empty());
        assert_eq!(expand(&json!({}), "top", Location::Body).unwrap().len(), 1);
        assert!(expand(&json!({"data": "x"}), "data[].a", Location::Body).is_err());
        assert!(expand(&json!({"data": ["x"]}), "data[].a", Location::Body).is_err());
    }

    #[test]
    fn orders_item_major() {
        let path = |steps: &[usize]| FieldPath(steps.iter().map(|&i| Step::Index(i)).collect());
        assert!(path(&[]) < path(&[0]));
        assert!(path(&[0]) < path(&[1]));
        assert!(path(&[0, 5]) < path(&[1, 0]));
    }

    #[test]
    fn percent_decodes_strictly() {
        assert_eq!(percent_decode("a%2Bb%20c").as_deref(), Ok("a+b c"));
        assert_eq!(percent_decode("%E4%B8%AD").as_deref(), Ok("中"));
        for bad in ["%4", "%", "%G1", "%+1", "%-1", "a%2", "%FF", "%E4%B8", "a+b", "+"] {
            assert!(percent_decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn query_numbers_are_json_numbers() {
        for good in ["0", "3", "330100", "-1", "1.5", "1e3", "2E-2"] {
            assert!(is_json_number(good), "{good}");
        }
        for bad in ["", "-", "01", "1.", ".5", "1e", "0x10", " 1", "1 ", "NaN", "３"] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }

    #[test]
    fn pointers_escape() {
        let path = FieldPath(vec![Step::Key("a/b~".into()), Step::Index(2)]);
        assert_eq!(path.pointer(), "/a~1b~0/2");
        assert_eq!(path.to_string(), "a/b~[2]");
    }
}
