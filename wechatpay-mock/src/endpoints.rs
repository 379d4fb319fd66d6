//! The endpoints the sandbox serves, as a table, and the checks every entry gets: required
//! fields, the `Wechatpay-Serial` header and decryption of sensitive fields.
//!
//! The table is the sandbox's own reading of the published pages, independent of any client
//! code: a client that forgets to encrypt a field, or a required field, is caught here.

use std::cmp::Ordering;
use std::fmt;

use serde_json::{Map, Value};
use wechatpay_core::{CryptoError, MerchantPrivateKey};

use crate::respond::{Answer, Detail};

/// Where an endpoint's parameters travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A JSON object in the request body.
    Body,
    /// The query string (`?k=v&…`, percent-encoded; `+` is read as a space, as form decoders
    /// do, so a base64 `+` must be sent as `%2B`).
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

/// One endpoint the sandbox serves: a table entry.
///
/// Field paths name object members with dots and array items with `[]`: `req_ssn`,
/// `data[].cert_no`. A required path inside an array applies to every item of the array (an
/// absent array has no items). A required field is missing when it is absent, `null` or `""`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The HTTP method, upper-case (`"POST"`).
    pub method: &'static str,
    /// The path, in axum's route syntax (`/v3/…`, `{name}` for a path segment).
    pub path: &'static str,
    /// Where the parameters travel.
    pub location: Location,
    /// Paths of the required fields.
    pub required: &'static [&'static str],
    /// Paths of the fields that must arrive RSA-OAEP encrypted to the sandbox's public key
    /// (base64 strings). If any, the request must carry `Wechatpay-Serial` naming that key.
    pub sensitive: &'static [&'static str],
    /// The `200` body of an accepted request.
    pub success_body: &'static str,
}

/// `POST /v3/gov/subsidy/zhejiang/qualifications/sync` (浙江 核销资格).
pub const ZHEJIANG_QUALIFICATIONS_SYNC: Endpoint = Endpoint {
    method: "POST",
    path: "/v3/gov/subsidy/zhejiang/qualifications/sync",
    location: Location::Body,
    required: &[
        "data[].auth_code",
        "data[].cate_code",
        "data[].cert_no",
        "data[].name",
        "data[].operation_time",
        "data[].sales",
        "data[].status",
        "data[].subsidy",
        "data[].tel",
        "data[].add_code",
        "data[].address",
        "data[].sale_models",
        "data[].sn_code",
        "data[].uniscid",
        "data[].corp_name",
        "data[].barcode",
        "data[].item_name",
        "data[].spec_model",
        "data[].brand",
        "data[].is_ai_product",
        "data[].order_no",
        "data[].activity_add_code",
    ],
    sensitive: &["data[].cert_no", "data[].name", "data[].tel"],
    success_body: r#"{"resp_code":"000000","resp_desc":"成功","error_data":[]}"#,
};

/// `GET /v3/gov/subsidy/qualification` (查询补贴资格): encrypted values in the query string.
/// Answers `{"state":"UNCLAIMED"}`.
pub const GOV_SUBSIDY_QUALIFICATION: Endpoint = Endpoint {
    method: "GET",
    path: "/v3/gov/subsidy/qualification",
    location: Location::Query,
    required: &["appliance_id", "qualification_region_code"],
    sensitive: &["real_name", "id_card_number", "phone_number"],
    success_body: r#"{"state":"UNCLAIMED"}"#,
};

/// The endpoints [`Sandbox::start`](crate::Sandbox::start) serves.
pub const ENDPOINTS: &[Endpoint] = &[ZHEJIANG_QUALIFICATIONS_SYNC, GOV_SUBSIDY_QUALIFICATION];

/// The parameters of an accepted request: decrypted, and with sensitive values replaced by
/// `"<redacted>"` (for `Debug`).
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub(crate) decrypted: Value,
    pub(crate) redacted: Value,
}

/// What printing a decrypted sensitive value shows instead.
pub(crate) const REDACTED: &str = "<redacted>";

/// Checks an authenticated request against its endpoint: `Wechatpay-Serial`, the parameters'
/// syntax, required fields, then decrypts the sensitive fields.
pub(crate) fn check(
    endpoint: &Endpoint,
    _method: &str,
    target: &str,
    body: &[u8],
    wechatpay_serial: Option<&str>,
    public_key_id: &str,
    platform_key: &MerchantPrivateKey,
) -> Result<Checked, Answer> {
    if !endpoint.sensitive.is_empty() {
        check_serial(wechatpay_serial, public_key_id)?;
    }
    let location = endpoint.location;
    let params = match location {
        Location::Body => parse_body(body)?,
        Location::Query => parse_query(target)?,
    };

    let mut missing = Vec::new();
    for (order, pattern) in endpoint.required.iter().enumerate() {
        for (path, value) in expand(&params, pattern, location)? {
            let absent = match value {
                None | Some(Value::Null) => Some("required"),
                Some(Value::String(text)) if text.is_empty() => Some("required, must not be empty"),
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
        let plaintext = decrypt(value, platform_key).map_err(|issue| {
            let message = format!(
                "the sensitive field `{field}` must be RSA-OAEP (SHA-1) encrypted to the WeChat Pay \
                 public key and base64-encoded"
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
    Ok(Checked { decrypted, redacted })
}

fn check_serial(serial: Option<&str>, public_key_id: &str) -> Result<(), Answer> {
    let issue = match serial {
        None => "missing: a request with encrypted fields must name the key that encrypted them",
        Some(serial) if serial == public_key_id => return Ok(()),
        Some(_) => {
            "names no key of the sandbox: encrypt with its WeChat Pay public key and send its ID"
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
    match serde_json::from_slice::<Value>(body) {
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err(Answer::param_error_plain("the request body must be a JSON object")),
        Err(error) => Err(Answer::param_error_plain(&format!(
            "the request body is not valid JSON (error at line {}, column {})",
            error.line(),
            error.column()
        ))),
    }
}

/// The query string as a JSON object of strings.
fn parse_query(target: &str) -> Result<Value, Answer> {
    let mut params = Map::new();
    let query = target.split_once('?').map_or("", |(_, query)| query);
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let invalid =
            || Answer::param_error_plain("the query string is not valid percent-encoded UTF-8");
        let name = form_decode(name).ok_or_else(invalid)?;
        let value = form_decode(value).ok_or_else(invalid)?;
        if params.contains_key(&name) {
            let message = if is_plain_name(&name) {
                format!("the query parameter `{name}` appears more than once")
            } else {
                "a query parameter appears more than once".to_owned()
            };
            return Err(Answer::param_error_plain(&message));
        }
        params.insert(name, Value::String(value));
    }
    Ok(Value::Object(params))
}

fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `application/x-www-form-urlencoded` decoding: `%XX` and `+` as a space.
fn form_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
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
                Some(_) => return Err(wrong_type(&path, "must be an object", location)),
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
                Some(_) => return Err(wrong_type(&child_path, "must be an array", location)),
            }
        }
        current = next;
    }
    Ok(current)
}

fn wrong_type(path: &FieldPath, issue: &str, location: Location) -> Answer {
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
    fn decodes_forms() {
        assert_eq!(form_decode("a%2Bb+c").as_deref(), Some("a+b c"));
        assert_eq!(form_decode("%E4%B8%AD").as_deref(), Some("中"));
        assert_eq!(form_decode("%4"), None);
        assert_eq!(form_decode("%FF"), None);
    }

    #[test]
    fn pointers_escape() {
        let path = FieldPath(vec![Step::Key("a/b~".into()), Step::Index(2)]);
        assert_eq!(path.pointer(), "/a~1b~0/2");
        assert_eq!(path.to_string(), "a/b~[2]");
    }
}
