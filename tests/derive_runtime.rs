//! Runtime behaviour of the derived impls: every rule's edges, violation paths with serialized
//! names, and `prepare`'s exact output (request target, headers, body bytes, encrypted fields).
//!
//! The key pair in `tests/fixtures/derive/` is a throwaway test key (see its README): it signs as
//! the merchant and stands in for the WeChat Pay public key, so that ciphertexts can be decrypted.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use wechatpay_apiv3::request::{EncryptFields, Rule, Validate};
use wechatpay_apiv3::{
    CryptoError, Error, MerchantPrivateKey, MerchantSerial, NonceSource, PreparedRequest, Redacted,
    Sensitive, Signer, WechatPayKeys, WechatPayPublicKey, WechatRecord, WechatRequest,
    signing_message,
};

const PRIVATE_PEM: &str = include_str!("fixtures/derive/test_key.pem");
const PUBLIC_PEM: &str = include_str!("fixtures/derive/test_pub.pem");
const MCHID: &str = "1900000001";
const SERIAL: &str = "3775B6A45ACD588826D15E583A95F5DD00000000";
const PUB_KEY_ID: &str = "PUB_KEY_ID_0114232134912410000000000000";
const TIMESTAMP: i64 = 1_700_000_000;
const NONCE: &str = "593BEC0C930BF1AFEB40B4A08C8FB242";

struct FixedNonce;

impl NonceSource for FixedNonce {
    fn nonce(&self) -> Result<String, CryptoError> {
        Ok(NONCE.to_owned())
    }
}

fn merchant_key() -> MerchantPrivateKey {
    MerchantPrivateKey::from_pem(PRIVATE_PEM).expect("the test key loads")
}

fn signer() -> Signer {
    let serial: MerchantSerial = SERIAL.parse().unwrap();
    Signer::new(MCHID, serial, merchant_key())
        .unwrap()
        .with_clock(|| TIMESTAMP)
        .with_nonce_source(FixedNonce)
}

fn keys() -> WechatPayKeys {
    WechatPayKeys::new()
        .with_public_key(WechatPayPublicKey::from_pem(PUB_KEY_ID, PUBLIC_PEM).unwrap())
}

fn decrypt(ciphertext: &str) -> String {
    merchant_key().decrypt_field(ciphertext).expect("the field decrypts with the merchant key")
}

/// The exact `Authorization` header for this request line, signed with the pinned clock and nonce.
fn expected_authorization(method: &str, target: &str, body: &[u8]) -> String {
    let signature = merchant_key()
        .sign_base64(&signing_message(method, target, TIMESTAMP, NONCE, body))
        .unwrap();
    format!(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"{MCHID}\",nonce_str=\"{NONCE}\",signature=\"{signature}\",timestamp=\"{TIMESTAMP}\",serial_no=\"{SERIAL}\""
    )
}

/// The headers of `prepared`, signed with the pinned clock and nonce.
fn headers(prepared: &PreparedRequest) -> http::HeaderMap {
    prepared.headers(&prepared.sign(&signer()).unwrap()).unwrap()
}

fn body_json(prepared: &PreparedRequest) -> Value {
    serde_json::from_slice(&prepared.body).expect("the body is JSON")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[derive(Debug, Deserialize)]
pub struct Reply {}
impl ::wechatpay_apiv3::ApiResponse for Reply {}

// ---------------------------------------------------------------------------------------------
// Rules

#[derive(Debug, Clone, Default, Serialize, WechatRecord)]
struct Rules {
    #[wechat(len = 18)]
    exact: String,
    #[wechat(digits = [13, 14])]
    card: String,
    #[wechat(digits = 6)]
    code: Option<String>,
    #[wechat(one_of = ["0", "1"])]
    flag: Option<String>,
    #[wechat(min_len = 2, max_len = 4)]
    range: String,
    #[wechat(min_len = 3)]
    at_least: String,
    #[wechat(max_len = 3)]
    at_most: String,
    #[wechat(required)]
    text: String,
    #[wechat(required)]
    maybe: Option<String>,
    #[wechat(required)]
    list: Vec<u32>,
}

fn valid_rules() -> Rules {
    Rules { text: "t".into(), maybe: Some("m".into()), list: vec![1], ..Rules::default() }
}

/// The violations of `rules`, as `path: rule` lines.
fn shown(value: &impl Validate) -> Vec<String> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(violations) => violations.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn empty_text_rules_pass_and_required_refuses_absent_values() {
    assert!(valid_rules().validate().is_ok(), "text rules skip empty values");
    let rules = Rules { maybe: Some(String::new()), ..Rules::default() };
    assert_eq!(shown(&rules), ["text: required", "maybe: required", "list: required"]);
    let rules = Rules { maybe: None, ..valid_rules() };
    assert_eq!(shown(&rules), ["maybe: required"]);
}

#[test]
fn len_is_exact_in_characters() {
    let with = |exact: &str| Rules { exact: exact.into(), ..valid_rules() };
    assert_eq!(shown(&with(&"1".repeat(17))), ["exact: must be exactly 18 characters"]);
    assert!(with(&"1".repeat(18)).validate().is_ok());
    assert_eq!(shown(&with(&"1".repeat(19))), ["exact: must be exactly 18 characters"]);
    assert!(with(&"证".repeat(18)).validate().is_ok(), "characters, not bytes");
    let violations = with("short").validate().unwrap_err();
    assert!(violations.contains("exact", &Rule::Length { min: Some(18), max: Some(18) }));
}

#[test]
fn digits_take_one_of_the_counts_and_only_ascii_digits() {
    let with = |card: &str| Rules { card: card.into(), ..valid_rules() };
    let refused = ["card: must be 13 or 14 digits"];
    assert_eq!(shown(&with("123456789012")), refused);
    assert!(with("1234567890123").validate().is_ok());
    assert!(with("12345678901234").validate().is_ok());
    assert_eq!(shown(&with("123456789012345")), refused);
    assert_eq!(shown(&with("123456789012a")), refused);
    assert_eq!(
        shown(&with("１２３４５６７８９０１２３")),
        refused,
        "full-width digits are not digits"
    );
    let code = |code: Option<&str>| Rules { code: code.map(Into::into), ..valid_rules() };
    assert!(code(None).validate().is_ok());
    assert!(code(Some("123456")).validate().is_ok());
    assert_eq!(shown(&code(Some("12345"))), ["code: must be 6 digits"]);
    let violations = with("1").validate().unwrap_err();
    assert!(violations.contains("card", &Rule::Digits { counts: &[13, 14] }));
}

#[test]
fn one_of_takes_only_the_literals() {
    let with = |flag: &str| Rules { flag: Some(flag.into()), ..valid_rules() };
    assert!(with("0").validate().is_ok());
    assert!(with("1").validate().is_ok());
    for refused in ["2", "00", " 0", "true"] {
        assert_eq!(shown(&with(refused)), ["flag: must be one of `0`, `1`"], "{refused:?}");
    }
    let violations = with("2").validate().unwrap_err();
    assert!(violations.contains("flag", &Rule::OneOf { allowed: &["0", "1"] }));
}

#[test]
fn min_and_max_len_are_inclusive() {
    let range = |range: &str| Rules { range: range.into(), ..valid_rules() };
    assert_eq!(shown(&range("a")), ["range: must be 2 to 4 characters"]);
    assert!(range("ab").validate().is_ok());
    assert!(range("订单编号").validate().is_ok());
    assert_eq!(shown(&range("abcde")), ["range: must be 2 to 4 characters"]);
    let at_least = |text: &str| Rules { at_least: text.into(), ..valid_rules() };
    assert_eq!(shown(&at_least("ab")), ["at_least: must be at least 3 characters"]);
    assert!(at_least("abc").validate().is_ok());
    let at_most = |text: &str| Rules { at_most: text.into(), ..valid_rules() };
    assert!(at_most("abc").validate().is_ok());
    assert_eq!(shown(&at_most("abcd")), ["at_most: must be at most 3 characters"]);
}

#[test]
fn every_violation_is_collected_in_field_order() {
    let rules = Rules {
        exact: "1".into(),
        card: "1".into(),
        code: Some("x".into()),
        flag: Some("x".into()),
        range: "x".into(),
        at_least: "x".into(),
        at_most: "xxxx".into(),
        text: String::new(),
        maybe: None,
        list: vec![],
    };
    assert_eq!(
        shown(&rules),
        [
            "exact: must be exactly 18 characters",
            "card: must be 13 or 14 digits",
            "code: must be 6 digits",
            "flag: must be one of `0`, `1`",
            "range: must be 2 to 4 characters",
            "at_least: must be at least 3 characters",
            "at_most: must be at most 3 characters",
            "text: required",
            "maybe: required",
            "list: required",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Nested records and serialized names

#[derive(Debug, Clone, PartialEq, Serialize, WechatRecord)]
struct Qualification {
    #[wechat(required, len = 18, encrypt)]
    cert_no: Sensitive,
    #[wechat(required, encrypt)]
    name: Sensitive,
    #[wechat(digits = [11], encrypt)]
    #[serde(skip_serializing_if = "Option::is_none")]
    tel: Option<Sensitive>,
    #[wechat(one_of = ["1", "2", "3"])]
    grade: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, WechatRequest)]
#[wechat(post = "/v3/gov/subsidy/{sub_mchid}/qualifications", response = Reply)]
struct QualificationsSync {
    #[wechat(path)]
    sub_mchid: String,
    #[wechat(query)]
    mode: Option<String>,
    #[wechat(required, max_len = 32)]
    req_ssn: String,
    #[wechat(required, nested)]
    data: Vec<Qualification>,
    remark: Option<String>,
}

fn qualification(n: u8) -> Qualification {
    Qualification {
        cert_no: format!("11010519491231{n:03}X").into(),
        name: format!("张三{n}").into(),
        tel: Some(format!("1380000000{n}").into()),
        grade: "1".into(),
    }
}

fn sync() -> QualificationsSync {
    QualificationsSync {
        sub_mchid: "1900000109".into(),
        mode: Some("full".into()),
        req_ssn: "REQ-20240101-0001".into(),
        data: vec![qualification(1), qualification(2), qualification(3)],
        remark: None,
    }
}

#[test]
fn nested_violations_carry_indexed_paths() {
    let mut request = sync();
    request.data[0].cert_no = "110105".into();
    request.data[2].tel = Some("123".into());
    request.data[2].name = "".into();
    request.data[1].grade = "9".into();
    request.req_ssn = "x".repeat(33);
    assert_eq!(
        shown(&request),
        [
            "req_ssn: must be at most 32 characters",
            "data[0].cert_no: must be exactly 18 characters",
            "data[1].grade: must be one of `1`, `2`, `3`",
            "data[2].name: required",
            "data[2].tel: must be 11 digits",
        ]
    );
    let violations = request.validate().unwrap_err();
    assert!(violations.contains("data[2].tel", &Rule::Digits { counts: &[11] }));
    assert!(violations.contains("data[0].cert_no", &Rule::Length { min: Some(18), max: Some(18) }));
    assert!(!violations.to_string().contains("110105"), "values never appear in messages");

    request.data.clear();
    request.req_ssn = "ok".into();
    assert_eq!(shown(&request), ["data: required"]);
}

#[derive(Debug, Clone, Serialize, WechatRecord)]
#[serde(rename_all = "camelCase")]
struct Contact {
    #[wechat(required, digits = [11])]
    mobile_phone: String,
    #[wechat(required)]
    #[serde(rename = "ID_CARD")]
    id_card: String,
}

#[derive(Debug, Clone, Serialize, WechatRequest)]
#[wechat(get = "/v3/contacts/{subMchid}", response = Reply)]
#[serde(rename_all = "camelCase")]
struct QueryContacts {
    #[wechat(path)]
    sub_mchid: String,
    #[wechat(query, required)]
    out_request_no: String,
}

#[derive(Debug, Clone, Serialize, WechatRequest)]
#[wechat(post = "/v3/contacts", response = Reply)]
#[serde(rename_all = "PascalCase")]
struct AddContacts {
    #[wechat(nested)]
    contact_list: Vec<Contact>,
}

#[test]
fn violations_use_serialized_names() {
    let request = AddContacts {
        contact_list: vec![
            Contact { mobile_phone: "13800000000".into(), id_card: "x".into() },
            Contact { mobile_phone: "138".into(), id_card: String::new() },
        ],
    };
    assert_eq!(
        shown(&request),
        ["ContactList[1].mobilePhone: must be 11 digits", "ContactList[1].ID_CARD: required"]
    );
    let query = QueryContacts { sub_mchid: String::new(), out_request_no: String::new() };
    assert_eq!(shown(&query), ["subMchid: required", "outRequestNo: required"]);
    assert_eq!(QueryContacts::QUERY, ["outRequestNo"]);
    let prepared = QueryContacts { sub_mchid: "19".into(), out_request_no: "R 1".into() }
        .prepare(&WechatPayKeys::new())
        .unwrap();
    assert_eq!(prepared.target, "/v3/contacts/19?outRequestNo=R%201");
}

#[test]
fn has_encrypted_fields_sees_through_nesting() {
    const { assert!(<Qualification as EncryptFields>::HAS_ENCRYPTED_FIELDS) };
    const { assert!(<QualificationsSync as EncryptFields>::HAS_ENCRYPTED_FIELDS) };
    const { assert!(!<Contact as EncryptFields>::HAS_ENCRYPTED_FIELDS) };
    const { assert!(!<AddContacts as EncryptFields>::HAS_ENCRYPTED_FIELDS) };
    const { assert!(!<Rules as EncryptFields>::HAS_ENCRYPTED_FIELDS) };
}

// ---------------------------------------------------------------------------------------------
// prepare

#[test]
fn prepare_encrypts_nested_fields_and_leaves_url_fields_out_of_the_body() {
    let request = sync();
    let before = request.clone();
    let prepared = request.prepare(&keys()).unwrap();
    assert_eq!(request, before, "the caller's value is untouched");

    assert_eq!(prepared.target, "/v3/gov/subsidy/1900000109/qualifications?mode=full");
    assert_eq!(prepared.wechatpay_serial.as_deref(), Some(PUB_KEY_ID));
    let headers = headers(&prepared);
    assert_eq!(headers["Wechatpay-Serial"], PUB_KEY_ID);
    assert_eq!(headers["Content-Type"], "application/json");
    assert_eq!(
        headers["Authorization"],
        expected_authorization("POST", &prepared.target, &prepared.body).as_str()
    );

    let mut body = body_json(&prepared);
    let object = body.as_object().unwrap();
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["data", "req_ssn"], "path, query and None fields are not in the body");
    for (index, item) in body["data"].as_array_mut().unwrap().iter_mut().enumerate() {
        let plain = &request.data[index];
        for (field, plaintext) in [
            ("cert_no", plain.cert_no.expose()),
            ("name", plain.name.expose()),
            ("tel", plain.tel.as_ref().unwrap().expose()),
        ] {
            let ciphertext = item[field].as_str().unwrap().to_owned();
            assert_ne!(ciphertext, plaintext);
            assert_eq!(
                decrypt(&ciphertext),
                plaintext,
                "data[{index}].{field} decrypts to the plaintext, once"
            );
            item[field] = Value::String(plaintext.to_owned());
        }
        let expected = json!({
            "cert_no": plain.cert_no.expose(),
            "name": plain.name.expose(),
            "tel": plain.tel.as_ref().unwrap().expose(),
            "grade": "1",
        });
        assert_eq!(*item, expected);
    }
    assert_eq!(body["req_ssn"], "REQ-20240101-0001");
}

#[test]
fn each_prepare_encrypts_afresh_from_the_plaintext() {
    let request = sync();
    let first = body_json(&request.prepare(&keys()).unwrap());
    let second = body_json(&request.prepare(&keys()).unwrap());
    let (a, b) =
        (first["data"][0]["name"].as_str().unwrap(), second["data"][0]["name"].as_str().unwrap());
    assert_ne!(a, b, "RSA-OAEP is randomized");
    assert_eq!(decrypt(a), "张三1");
    assert_eq!(decrypt(b), "张三1");
}

#[test]
fn prepare_fails_closed_without_an_encryption_key() {
    let result = sync().prepare(&WechatPayKeys::new());
    assert!(matches!(result, Err(Error::Crypto(CryptoError::NoEncryptionKey))), "{result:?}");
}

#[test]
fn prepare_validates_before_anything_else() {
    let mut request = sync();
    request.data[1].tel = Some("1".into());
    let Err(Error::Validation(violations)) = request.prepare(&WechatPayKeys::new()) else {
        panic!("a violation is reported before the missing key");
    };
    assert!(violations.contains("data[1].tel", &Rule::Digits { counts: &[11] }));

    let mut request = sync();
    request.sub_mchid = String::new();
    let Err(Error::Validation(violations)) = request.prepare(&keys()) else {
        panic!("an empty path value is refused");
    };
    assert!(violations.contains("sub_mchid", &Rule::Required));
}

#[derive(Debug, Clone, PartialEq, Serialize, WechatRequest)]
#[wechat(patch = "/v3/merchants/{sub_mchid}/orders/{out_trade_no}", response = Reply)]
struct ModifyOrder {
    #[wechat(path)]
    out_trade_no: String,
    #[wechat(query)]
    limit: Option<u32>,
    #[wechat(query)]
    bill_date: String,
    #[wechat(path)]
    sub_mchid: String,
    // Body fields in alphabetical order: a request with path or query fields has its body built
    // from a `serde_json::Value`, whose map sorts keys unless serde_json's `preserve_order`
    // feature is on somewhere in the build; in this order the bytes are the same either way.
    amount: Option<u64>,
    attach: Option<String>,
    #[wechat(required)]
    description: String,
}

#[test]
fn prepare_without_encrypted_fields_needs_no_key_and_sends_exact_bytes() {
    let request = ModifyOrder {
        out_trade_no: "Order A/b c".into(),
        limit: Some(10),
        bill_date: "2024-01-01".into(),
        sub_mchid: "1900000109".into(),
        description: "Image形象店-深圳腾大-QQ公仔".into(),
        amount: Some(100),
        attach: None,
    };
    let prepared = request.prepare(&WechatPayKeys::new()).unwrap();
    assert_eq!(
        prepared.target,
        "/v3/merchants/1900000109/orders/Order%20A%2Fb%20c?limit=10&bill_date=2024-01-01"
    );
    assert_eq!(
        String::from_utf8(prepared.body.clone()).unwrap(),
        r#"{"amount":100,"description":"Image形象店-深圳腾大-QQ公仔"}"#
    );
    assert_eq!(prepared.wechatpay_serial, None);
    let headers = headers(&prepared);
    assert!(headers.get("Wechatpay-Serial").is_none());
    assert_eq!(
        headers["Authorization"],
        expected_authorization("PATCH", &prepared.target, &prepared.body).as_str()
    );
    let authorization = prepared.sign(&signer()).unwrap();
    assert_eq!((authorization.timestamp, authorization.nonce.as_str()), (TIMESTAMP, NONCE));

    let absent = ModifyOrder { limit: None, ..request };
    let prepared = absent.prepare(&WechatPayKeys::new()).unwrap();
    assert!(
        prepared.target.ends_with("/orders/Order%20A%2Fb%20c?bill_date=2024-01-01"),
        "{}",
        prepared.target
    );
}

/// Like the national `GET /v3/gov/subsidy/qualification`: sensitive values in the query.
#[derive(Debug, Clone, PartialEq, Serialize, WechatRequest)]
#[wechat(get = "/v3/gov/subsidy/qualification", response = Reply)]
struct QueryQualification {
    #[wechat(query, required, digits = [8, 9, 10])]
    sub_mchid: String,
    #[wechat(query, required, encrypt)]
    cert_no: Sensitive,
    #[wechat(query, encrypt)]
    name: Option<Sensitive>,
}

#[test]
fn get_with_an_encrypted_query_value() {
    let request = QueryQualification {
        sub_mchid: "1900000109".into(),
        cert_no: "11010519491231002X".into(),
        name: None,
    };
    let before = request.clone();
    let prepared = request.prepare(&keys()).unwrap();
    assert_eq!(request, before);
    assert!(prepared.body.is_empty(), "a GET has no body");
    assert_eq!(prepared.wechatpay_serial.as_deref(), Some(PUB_KEY_ID));
    assert!(headers(&prepared).get("Content-Type").is_none());
    assert_eq!(
        headers(&prepared)["Authorization"],
        expected_authorization("GET", &prepared.target, b"").as_str()
    );

    let query = prepared.target.strip_prefix("/v3/gov/subsidy/qualification?").unwrap();
    let pairs: Vec<(&str, &str)> =
        query.split('&').map(|pair| pair.split_once('=').unwrap()).collect();
    let names: Vec<&str> = pairs.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["sub_mchid", "cert_no"], "declaration order; the absent name is left out");
    assert_eq!(pairs[0].1, "1900000109");
    let encoded = pairs[1].1;
    assert!(
        encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
        "the ciphertext is percent-encoded: {encoded}"
    );
    assert!(encoded.contains('%'), "base64 has `+`, `/` or `=` to encode: {encoded}");
    assert_eq!(decrypt(&percent_decode(encoded)), "11010519491231002X");
}

// ---------------------------------------------------------------------------------------------
// Debug: personal data is typed, so any `derive(Debug)` hides it

#[derive(Debug, Clone, Serialize, WechatRecord)]
struct Buyer {
    #[wechat(encrypt)]
    tel: Option<Sensitive>,
    /// Personal data the API does not encrypt: sent as is, hidden from `Debug`.
    #[wechat(redact)]
    address: Redacted<String>,
    city: String,
}

#[derive(Debug, Clone, Serialize, WechatRecord)]
struct Courier {
    tel: Redacted<String>,
}

#[derive(Debug, Clone, Serialize, WechatRequest)]
#[wechat(post = "/v3/buyers", response = Reply)]
struct AddBuyers {
    #[wechat(required, encrypt)]
    name: Sensitive,
    #[wechat(nested)]
    buyers: Vec<Buyer>,
    #[wechat(nested)]
    first: Option<Box<Buyer>>,
    #[wechat(nested)]
    courier: Courier,
}

fn buyers() -> AddBuyers {
    let buyer = || Buyer {
        tel: Some("13700001111".into()),
        address: "西湖区文三路 1 号".into(),
        city: "杭州".into(),
    };
    AddBuyers {
        name: "李四".into(),
        buyers: vec![buyer()],
        first: Some(Box::new(buyer())),
        courier: Courier { tel: "13900002222".into() },
    }
}

#[test]
fn a_derived_debug_redacts_personal_data_at_every_depth_and_shows_the_rest() {
    let request = buyers();
    let buyer = r#"Buyer { tel: Some(<redacted>), address: <redacted>, city: "杭州" }"#;
    assert_eq!(
        format!("{request:?}"),
        format!(
            "AddBuyers {{ name: <redacted>, buyers: [{buyer}], first: Some({buyer}), courier: Courier {{ tel: <redacted> }} }}"
        )
    );
    let pretty = format!("{request:#?}");
    for secret in ["李四", "13700001111", "西湖区", "13900002222"] {
        assert!(!pretty.contains(secret), "{pretty}");
    }
}

#[test]
fn redacted_changes_only_debug_not_what_is_sent() {
    let request = buyers();
    let body = body_json(&request.prepare(&keys()).unwrap());
    assert_eq!(body["buyers"][0]["address"], "西湖区文三路 1 号");
    assert_eq!(body["courier"]["tel"], "13900002222");
    assert_eq!(decrypt(body["first"]["tel"].as_str().unwrap()), "13700001111");
}

// ---------------------------------------------------------------------------------------------
// Fields in other containers that hold no records

#[derive(Debug, Clone, PartialEq, Serialize)]
enum Level {
    #[serde(rename = "HIGH")]
    High,
}

#[derive(Clone, Serialize, WechatRequest)]
#[wechat(post = "/v3/tallies", response = Reply)]
struct Tally {
    #[wechat(required, encrypt)]
    name: Sensitive,
    counts: std::collections::BTreeMap<String, u32>,
    pair: (String, Level),
    bytes: [u8; 2],
    levels: std::collections::VecDeque<Level>,
}

#[test]
fn containers_without_records_are_copied_as_they_are() {
    let request = Tally {
        name: "王五".into(),
        counts: [("a".to_owned(), 1), ("b".to_owned(), 2)].into(),
        pair: ("p".into(), Level::High),
        bytes: [7, 8],
        levels: [Level::High].into(),
    };
    let body = body_json(&request.prepare(&keys()).unwrap());
    assert_eq!(decrypt(body["name"].as_str().unwrap()), "王五");
    assert_eq!(body["counts"], json!({ "a": 1, "b": 2 }));
    assert_eq!(body["pair"], json!(["p", "HIGH"]));
    assert_eq!(body["bytes"], json!([7, 8]));
    assert_eq!(body["levels"], json!(["HIGH"]));
}

// ---------------------------------------------------------------------------------------------
// National identifiers and conditional rules

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum IdType {
    IdCard,
    Passport,
}

#[derive(Debug, Clone, Serialize, WechatRecord)]
struct Identified {
    #[wechat(uscc)]
    uniscid: Option<String>,
    #[wechat(resident_id, encrypt)]
    legal_id: Option<Sensitive>,
    id_type: IdType,
    /// Resident ID only for an ID card; any document number up to 20 characters otherwise.
    #[wechat(required_if(id_type = IdType::IdCard), resident_id_if(id_type = IdType::IdCard))]
    #[wechat(max_len = 20, encrypt)]
    id_no: Option<Sensitive>,
    holder_type: Option<IdType>,
    #[wechat(resident_id_if(holder_type = IdType::IdCard), redact)]
    holder_id: Redacted<String>,
    mode: String,
    #[wechat(required_if(mode = "TEL"))]
    tel: Option<String>,
}

fn identified() -> Identified {
    Identified {
        uniscid: Some("91110108397173806M".into()),
        legal_id: Some("11010519491231002X".into()),
        id_type: IdType::IdCard,
        id_no: Some("110105194912310011".into()),
        holder_type: None,
        holder_id: Redacted(String::new()),
        mode: "MAIL".into(),
        tel: None,
    }
}

const USCC_RULE: &str =
    "must be an 18-character unified social credit code with a valid check character (GB 32100)";
const RESIDENT_ID_RULE: &str =
    "must be an 18-character resident ID number with a valid check digit (GB 11643)";

#[test]
fn uscc_and_resident_id_check_the_check_character_and_skip_absent_values() {
    assert_eq!(shown(&identified()), Vec::<String>::new());
    let empty = Identified { uniscid: Some(String::new()), legal_id: None, ..identified() };
    assert_eq!(
        shown(&empty),
        Vec::<String>::new(),
        "absent and empty values are left to `required`"
    );
    let wrong = Identified {
        uniscid: Some("91110108397173806N".into()),
        legal_id: Some("110105194912310021".into()),
        ..identified()
    };
    assert_eq!(
        shown(&wrong),
        [format!("uniscid: {USCC_RULE}"), format!("legal_id: {RESIDENT_ID_RULE}")]
    );
    let violations = wrong.validate().unwrap_err();
    assert!(violations.contains("uniscid", &Rule::Uscc));
    assert!(violations.contains("legal_id", &Rule::ResidentId));
    assert!(!violations.to_string().contains("9111"), "values never appear in messages");
    assert!(!violations.to_string().contains("1101"), "values never appear in messages");
}

#[test]
fn resident_id_if_applies_only_while_the_sibling_is_the_value() {
    let passport =
        Identified { id_type: IdType::Passport, id_no: Some("E1234567".into()), ..identified() };
    assert_eq!(shown(&passport), Vec::<String>::new());
    let card = Identified { id_no: Some("E1234567".into()), ..identified() };
    assert_eq!(
        card.validate().unwrap_err().0,
        [wechatpay_apiv3::request::Violation { path: "id_no".into(), rule: Rule::ResidentId }]
    );
    // An `Option` sibling holds only when it is `Some(value)`; `Redacted` text is checked too.
    let unset = Identified { holder_id: Redacted("E1234567".into()), ..identified() };
    assert_eq!(shown(&unset), Vec::<String>::new());
    let holder = Identified { holder_type: Some(IdType::IdCard), ..unset };
    assert_eq!(shown(&holder), [format!("holder_id: {RESIDENT_ID_RULE}")]);
}

#[test]
fn required_if_demands_a_value_only_while_the_sibling_is_the_value() {
    let missing = Identified { id_no: None, ..identified() };
    assert_eq!(shown(&missing), ["id_no: required when id_type is IdType::IdCard"]);
    assert!(
        missing
            .validate()
            .unwrap_err()
            .contains("id_no", &Rule::RequiredIf { field: "id_type", value: "IdType::IdCard" })
    );
    let empty = Identified { id_no: Some("".into()), ..identified() };
    assert_eq!(shown(&empty), ["id_no: required when id_type is IdType::IdCard"]);
    let passport = Identified { id_type: IdType::Passport, id_no: None, ..identified() };
    assert_eq!(shown(&passport), Vec::<String>::new());
    // A text sibling compared with a literal.
    let tel = Identified { mode: "TEL".into(), ..identified() };
    assert_eq!(shown(&tel), ["tel: required when mode is \"TEL\""]);
    assert_eq!(shown(&Identified { tel: Some("13800000000".into()), ..tel }), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Metadata

/// An item of a described request.
#[derive(Debug, Clone, Serialize, WechatRecord)]
#[serde(rename_all = "camelCase")]
struct DescribedItem {
    /// Certificate number (证件号码).
    ///
    /// Upper-case, no spaces.
    #[wechat(required, encrypt)]
    cert_no: Sensitive,
    /// Delivery address,
    /// sent as is.
    #[wechat(redact)]
    home_address: Option<Redacted<String>>,
}

/// Describes a request (描述).
/// A second line that is not the title.
#[derive(Debug, Clone, Serialize, WechatRequest)]
#[wechat(post = "/v3/described/{sub_mchid}", response = Reply)]
struct Described {
    /// The sub-merchant.
    #[wechat(path, digits = [8, 9, 10])]
    sub_mchid: String,
    #[wechat(query)]
    mode: Option<String>,
    /// Request serial number.
    #[wechat(required, max_len = 32)]
    req_ssn: String,
    #[serde(rename = "type")]
    kind: IdType,
    #[wechat(nested)]
    data: Vec<DescribedItem>,
    #[wechat(nested)]
    first: Option<Box<DescribedItem>>,
    tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "String::is_empty")]
    remark: String,
    #[serde(skip)]
    #[allow(dead_code)]
    local_note: String,
}

#[test]
fn doc_is_the_first_line_of_the_struct_doc() {
    assert_eq!(Described::DOC, "Describes a request (描述).");
    assert_eq!(QualificationsSync::DOC, "");
}

#[test]
fn fields_describe_place_presence_and_personal_data() {
    use wechatpay_apiv3::request::{Describe, Place};
    let summary: Vec<_> = Described::FIELDS
        .iter()
        .map(|f| (f.name, f.place, f.required, f.list, f.nested.is_some()))
        .collect();
    assert_eq!(
        summary,
        [
            ("sub_mchid", Place::Path, true, false, false),
            ("mode", Place::Query, false, false, false),
            ("req_ssn", Place::Body, true, false, false),
            ("type", Place::Body, true, false, false),
            ("data", Place::Body, true, true, true),
            ("first", Place::Body, false, false, true),
            ("tags", Place::Body, false, true, false),
            ("remark", Place::Body, false, false, false),
        ],
        "required by attribute, by path, by a type that is not `Option`; `skip` fields are left out"
    );
    let sub_mchid = &Described::FIELDS[0];
    assert_eq!(sub_mchid.doc, "The sub-merchant.");
    assert_eq!(sub_mchid.rules, [Rule::Digits { counts: &[8, 9, 10] }]);
    assert_eq!(Described::FIELDS[2].rules, [Rule::Length { min: None, max: Some(32) }]);

    let [cert_no, address] = DescribedItem::FIELDS else { panic!("two fields") };
    assert_eq!((cert_no.name, cert_no.required, cert_no.encrypted), ("certNo", true, true));
    assert_eq!(cert_no.doc, "Certificate number (证件号码).");
    assert_eq!((address.name, address.required, address.redacted), ("homeAddress", false, true));
    assert_eq!(address.doc, "Delivery address, sent as is.");
    assert!(std::ptr::eq(Described::FIELDS[4].nested.unwrap(), DescribedItem::FIELDS));
}

#[test]
fn conditional_rules_are_described_with_the_sibling_s_serialized_name() {
    use wechatpay_apiv3::request::Describe;
    let id_no = Identified::FIELDS.iter().find(|f| f.name == "id_no").unwrap();
    assert!(!id_no.required, "required only under its condition");
    assert_eq!(
        id_no.rules,
        [
            Rule::RequiredIf { field: "id_type", value: "IdType::IdCard" },
            Rule::Length { min: None, max: Some(20) },
            Rule::When { field: "id_type", value: "IdType::IdCard", then: &Rule::ResidentId },
        ]
    );
    assert_eq!(
        id_no.rules[2].to_string(),
        format!("{RESIDENT_ID_RULE} when id_type is IdType::IdCard")
    );
    assert_eq!(
        id_no.doc,
        "Resident ID only for an ID card; any document number up to 20 characters otherwise."
    );
    let uniscid = &Identified::FIELDS[0];
    assert_eq!(uniscid.rules, [Rule::Uscc]);
}

#[test]
fn field_paths_flatten_nested_records_with_brackets_for_lists() {
    use wechatpay_apiv3::request::{Describe, field_paths};
    let paths: Vec<(String, bool)> =
        field_paths(Described::FIELDS).into_iter().map(|(path, f)| (path, f.required)).collect();
    let expected = [
        ("sub_mchid", true),
        ("mode", false),
        ("req_ssn", true),
        ("type", true),
        ("data", true),
        ("data[].certNo", true),
        ("data[].homeAddress", false),
        ("first", false),
        ("first.certNo", true),
        ("first.homeAddress", false),
        ("tags", false),
        ("remark", false),
    ];
    let expected: Vec<(String, bool)> = expected.iter().map(|(p, r)| (p.to_string(), *r)).collect();
    assert_eq!(paths, expected);
    // The containers describe their record.
    assert!(std::ptr::eq(<Vec<DescribedItem> as Describe>::FIELDS, DescribedItem::FIELDS));
    assert!(std::ptr::eq(<Option<Box<DescribedItem>> as Describe>::FIELDS, DescribedItem::FIELDS));
}

/// A record that holds itself.
#[derive(Debug, Clone, Serialize, WechatRecord)]
struct Node {
    #[wechat(encrypt)]
    name: Sensitive,
    #[wechat(nested)]
    children: Vec<Node>,
    #[wechat(nested)]
    parent: Option<Box<Self>>,
}

#[test]
fn a_record_holding_itself_is_described_without_its_own_fields_again() {
    use wechatpay_apiv3::request::{Describe, field_paths};
    let leaf = Node { name: "b".into(), children: vec![], parent: None };
    let node = Node { name: "a".into(), children: vec![leaf], parent: None };
    assert!(node.validate().is_ok());
    let paths: Vec<String> = field_paths(Node::FIELDS).into_iter().map(|(path, _)| path).collect();
    assert_eq!(paths, ["name", "children", "parent"], "the paths of a recursive record never end");
    assert!(Node::FIELDS.iter().all(|field| field.nested.is_none()));
}
