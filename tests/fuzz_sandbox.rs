//! Black-box fuzzing of the sandbox's request parsing, on the stable toolchain: one
//! `wechatpay_apiv3_mock::Sandbox`, then hand-written HTTP/1.1 requests over raw TCP (`Connection:
//! close`) with arbitrary methods, targets (the served paths and others, query strings with broken
//! percent-escapes), `Authorization` headers (garbage, well-formed with arbitrary values, and
//! correctly signed so that the body and query parsers are reached), `Wechatpay-Serial` headers
//! and bodies (arbitrary bytes, arbitrary JSON, duplicate keys, 10 000 nested `[`, sync-shaped
//! JSON with real and broken ciphertexts), framed by `Content-Length` or chunked.
//!
//! Property: every request gets a complete HTTP answer with a status in 200..=499 (no 5xx, no
//! dropped connection, no hang), and afterwards the sandbox still answers valid signed requests
//! correctly. The case count is in the test's name; no failure is persisted.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Mutex;
use std::time::Duration;

use base64::prelude::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestError, TestRunner};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wechatpay_apiv3::request::encode_component;
use wechatpay_apiv3::{SCHEME, SignatureHeaders, Signer};
use wechatpay_apiv3_mock::endpoints::ZHEJIANG_QUALIFICATIONS_SYNC;
use wechatpay_apiv3_mock::{Sandbox, demo};

const CASES: u32 = 2500;
const SYNC: &str = ZHEJIANG_QUALIFICATIONS_SYNC.path;
const QUALIFICATION: &str = "/v3/gov/subsidy/qualification";
/// Longest wait for one complete answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(10);

/// The fields of one `data[]` item that the sandbox's own table lists (`data[].…`).
fn item_fields(paths: &[&'static str]) -> Vec<&'static str> {
    paths.iter().filter_map(|path| path.strip_prefix("data[].")).collect()
}

fn required() -> Vec<&'static str> {
    item_fields(ZHEJIANG_QUALIFICATIONS_SYNC.required)
}
const QUERY_NAMES: [&str; 7] = [
    "appliance_id",
    "qualification_region_code",
    "real_name",
    "id_card_number",
    "phone_number",
    "x",
    "",
];

/// Values computed once from the running sandbox: its key ID and ciphertexts to it.
#[derive(Clone)]
struct Fixtures {
    public_key_id: String,
    /// RSA-OAEP ciphertexts to the sandbox's key: of text, of empty text, of bytes not UTF-8.
    ciphertexts: Vec<String>,
}

impl Fixtures {
    fn new(sandbox: &Sandbox) -> Self {
        let public_key = sandbox.wechatpay_public_key();
        let encrypt = |plaintext: &[u8]| public_key.key().encrypt_base64(plaintext).unwrap();
        Self {
            public_key_id: sandbox.public_key_id().to_owned(),
            ciphertexts: vec![
                encrypt("测试用户甲".as_bytes()),
                encrypt(b"13900001234"),
                encrypt(b""),
                encrypt(&[0xff, 0xfe, 0x00]),
                encrypt(&[b'x'; 214]),
            ],
        }
    }
}

/// How the `Authorization` header is made.
#[derive(Clone)]
enum Auth {
    None,
    /// Any bytes a header value may hold.
    Raw(Vec<u8>),
    /// `WECHATPAY2-SHA256-RSA2048 ` and `key="value"` pairs with arbitrary keys and values.
    Shaped(Vec<(String, String)>),
    /// Correctly signed by the demo merchant over the exact method, target and body.
    Signed,
    /// Correctly signed, then one byte of the header changed.
    SignedTampered(usize, u8),
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::None => f.write_str("None"),
            Auth::Raw(bytes) => write!(f, "Raw({:?})", String::from_utf8_lossy(bytes)),
            Auth::Shaped(pairs) => write!(f, "Shaped({pairs:?})"),
            Auth::Signed => f.write_str("Signed"),
            Auth::SignedTampered(at, byte) => write!(f, "SignedTampered({at}, {byte:#04x})"),
        }
    }
}

/// One request, before it is written out.
#[derive(Clone)]
struct Case {
    method: String,
    target: Vec<u8>,
    auth: Auth,
    serial: Option<Vec<u8>>,
    content_type: Option<String>,
    extra: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
    /// Chunk sizes for `Transfer-Encoding: chunked`; `None` for `Content-Length`.
    chunks: Option<Vec<usize>>,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = String::from_utf8_lossy(&self.body);
        let body: String = if body.chars().count() > 300 {
            format!("{}… ({} bytes)", body.chars().take(300).collect::<String>(), self.body.len())
        } else {
            body.into_owned()
        };
        f.debug_struct("Case")
            .field("method", &self.method)
            .field("target", &String::from_utf8_lossy(&self.target))
            .field("auth", &self.auth)
            .field("serial", &self.serial.as_ref().map(|s| String::from_utf8_lossy(s)))
            .field("content_type", &self.content_type)
            .field("extra", &self.extra)
            .field("body", &body)
            .field("chunks", &self.chunks)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

fn method() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(vec!["GET", "POST"]).prop_map(str::to_owned),
        4 => select(vec!["PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT",
            "PROPFIND", "get", "post", "GETX", "M"]).prop_map(str::to_owned),
        1 => "[A-Z]{1,12}",
        1 => "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,16}",
    ]
}

/// Bytes a header value may hold on the wire (no CR, LF, NUL or DEL).
fn header_value() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        8 => 0x20u8..0x7f,
        1 => Just(b'\t'),
        2 => 0x80u8..=0xff,
    ];
    prop_oneof![
        vec(byte, 0..120),
        "[ -~]{0,60}".prop_map(String::into_bytes),
        "[é数\"=,]{0,20}".prop_map(String::into_bytes),
    ]
}

fn query_value(fixtures: &Fixtures) -> impl Strategy<Value = String> + use<> {
    let ciphertexts = fixtures.ciphertexts.clone();
    prop_oneof![
        3 => "[A-Za-z0-9._~-]{0,20}",
        3 => "[A-Za-z0-9!$'()*+,;:@/?._~%=-]{0,30}",
        1 => "[!-~&&[^#]]{0,30}",
        2 => vec(select(vec!["%", "%2", "%G1", "%+1", "%-1", "%+F", "%FF", "%C3%28", "%E8%AE", "%E8%AE%A2",
            "%00", "%2B", "%25", "+", "==", "&", "=", "a", "%ZZ", "%%", "%e8%ae%a2", "%80", "%F4%90%80%80"]), 0..8)
            .prop_map(|parts| parts.concat()),
        2 => select(ciphertexts).prop_map(|c| encode_component(&c)),
        1 => select(vec!["A1", "330100"]).prop_map(str::to_owned),
        1 => "[数é]{1,4}".prop_map(|text| encode_component(&text)),
    ]
}

fn query(fixtures: &Fixtures) -> impl Strategy<Value = String> + use<> {
    let pair = (
        prop_oneof![4 => select(QUERY_NAMES.to_vec()).prop_map(str::to_owned), 1 => query_value(fixtures)],
        prop::option::weighted(0.9, query_value(fixtures)),
    )
        .prop_map(|(name, value)| match value {
            Some(value) => format!("{name}={value}"),
            None => name,
        });
    vec(pair, 0..8).prop_map(|pairs| pairs.join("&"))
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        24 => select(vec![SYNC, QUALIFICATION]).prop_map(str::to_owned),
        2 => select(vec!["/", "/v3", "/v3/", "/v3/gov/subsidy/qualification/",
            "/v3/gov/subsidy/zhejiang/qualifications/sync/", "/V3/GOV/SUBSIDY/QUALIFICATION",
            "/v3/gov/subsidy/zhejiang/qualifications/sync/../sync", "//v3/gov/subsidy/qualification",
            "/v3/gov/subsidy/%71ualification", "/v3/gov/subsidy/qualification%00", "/%", "/%zz",
            "/v3/gov/subsidy/qualification;x", "/.."]).prop_map(str::to_owned),
        2 => "/[a-zA-Z0-9/._~%-]{0,40}",
        1 => "/[!-~&&[^#?]]{0,80}",
    ]
}

/// A request target: the served paths or others, with an optional query; sometimes absolute,
/// asterisk form or with raw non-ASCII bytes.
fn target(fixtures: &Fixtures) -> impl Strategy<Value = Vec<u8>> + use<> {
    let origin =
        (path(), prop::option::weighted(0.7, query(fixtures))).prop_map(|(path, query)| {
            match query {
                Some(query) => format!("{path}?{query}"),
                None => path,
            }
            .into_bytes()
        });
    prop_oneof![
        40 => origin,
        1 => Just(b"*".to_vec()),
        1 => Just(format!("http://127.0.0.1{QUALIFICATION}?appliance_id=1").into_bytes()),
        1 => vec(0x80u8..=0xff, 1..8).prop_map(|raw| [b"/v3/".as_slice(), &raw].concat()),
        1 => "[!-~]{0,40}".prop_map(String::into_bytes),
    ]
}

/// JSON values of every shape, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((prop_oneof![select(required()).prop_map(str::to_owned), ".{0,8}"], inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A `data[]` item: some required fields, with plausible, arbitrary or ciphertext values.
fn sync_item(fixtures: &Fixtures) -> impl Strategy<Value = Value> + use<> {
    let ciphertexts = fixtures.ciphertexts.clone();
    let value = prop_oneof![
        4 => "[A-Za-z0-9.]{1,12}".prop_map(Value::String),
        2 => select(ciphertexts).prop_map(Value::String),
        1 => vec(any::<u8>(), 0..300).prop_map(|b| Value::String(BASE64_STANDARD.encode(b))),
        1 => Just(Value::String(String::new())),
        1 => json_value(),
    ];
    vec((select(required()), value), 0..30).prop_map(|members| {
        Value::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    })
}

fn body(fixtures: &Fixtures) -> impl Strategy<Value = Vec<u8>> + use<> {
    let sync = (prop::option::of(".{0,20}"), vec(sync_item(fixtures), 0..4)).prop_map(
        |(req_ssn, items)| {
            let mut object = json!({ "data": items });
            if let Some(req_ssn) = req_ssn {
                object["req_ssn"] = Value::String(req_ssn);
            }
            serde_json::to_vec(&object).unwrap()
        },
    );
    prop_oneof![
        4 => Just(Vec::new()),
        3 => vec(any::<u8>(), 0..512),
        3 => json_value().prop_map(|value| serde_json::to_vec(&value).unwrap()),
        6 => sync,
        2 => select(vec![
            r#"{"req_ssn":"a","req_ssn":1,"data":[],"data":{}}"#,
            r#"{"data":[{"cert_no":"x","cert_no":null,"name":1}]}"#,
            r#"{"data":[null,1,"x",[],{}]}"#,
            r#"{"data":"x"}"#, r#"{"data":{}}"#, r#"{"data":null}"#, r#"[]"#, r#""text""#, "null",
            "1e999999", r#""\ud800""#, r#"{"a":"\ud800\udc00"}"#, r#"{"a":"\u0000"}"#, "{", "}",
            r#"{"data":[{"cert_no":123,"name":[],"tel":{}}]}"#, "\u{feff}{}", "{}\n{}", " {} ",
            r#"{"data":[{"a":1}],"data":[{"b":2}]}"#,
        ]).prop_map(|text| text.as_bytes().to_vec()),
        1 => select(vec![0usize, 1, 2]).prop_map(|kind| match kind {
            0 => "[".repeat(10_000).into_bytes(),
            1 => format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
            _ => format!("{{\"data\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        }),
        1 => Just(format!("{{\"data\":[{}]}}", "{\"a\":".repeat(5000)).into_bytes()),
    ]
}

fn auth() -> impl Strategy<Value = Auth> {
    let names = prop_oneof![
        4 => select(vec!["mchid", "nonce_str", "signature", "timestamp", "serial_no"]).prop_map(str::to_owned),
        1 => "[a-z_]{0,10}",
        1 => "[ -~&&[^,=]]{0,10}",
    ];
    let values = prop_oneof![
        2 => "[ -~&&[^\"]]{0,40}",
        1 => select(vec![demo::MCHID, demo::MERCHANT_SERIAL, "-1", "99999999999999999999", "999999999999999999",
            "0", "1700000000", "WECHATPAY/SIGNTEST/x", "c2ln", "====", ""]).prop_map(str::to_owned),
        1 => "[0-9]{15,25}",
        1 => vec(any::<u8>(), 0..300).prop_map(|b| BASE64_STANDARD.encode(b)),
    ];
    prop_oneof![
        1 => Just(Auth::None),
        1 => header_value().prop_map(Auth::Raw),
        2 => vec((names, values), 0..7).prop_map(Auth::Shaped),
        6 => Just(Auth::Signed),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Auth::SignedTampered(at, byte)),
    ]
}

fn case(fixtures: &Fixtures) -> impl Strategy<Value = Case> + use<> {
    let serial = prop_oneof![
        1 => Just(None),
        3 => Just(Some(fixtures.public_key_id.clone().into_bytes())),
        1 => header_value().prop_map(Some),
        1 => Just(Some(demo::UNKNOWN_PUBLIC_KEY_ID.as_bytes().to_vec())),
    ];
    let content_type = prop::option::weighted(
        0.7,
        prop_oneof![
            4 => Just("application/json".to_owned()),
            1 => "[ -~]{0,30}",
        ],
    );
    let extra = vec(
        (
            select(vec![
                "Accept",
                "X-Fuzz",
                "Authorization",
                "Wechatpay-Serial",
                "User-Agent",
                "Accept-Encoding",
                "Expect-Nothing",
            ])
            .prop_map(str::to_owned),
            header_value(),
        ),
        0..3,
    );
    let chunks = prop::option::weighted(0.2, vec(1usize..2000, 1..8));
    // Most requests to a served path use its method, so that they get past routing.
    let matched = prop::bool::weighted(0.6);
    (
        method(),
        matched,
        target(fixtures),
        auth(),
        serial,
        content_type,
        extra,
        body(fixtures),
        chunks,
    )
        .prop_map(
            |(method, matched, target, auth, serial, content_type, extra, body, chunks)| Case {
                method: match (matched, &target) {
                    (true, t) if t.starts_with(SYNC.as_bytes()) => "POST".to_owned(),
                    (true, t) if t.starts_with(QUALIFICATION.as_bytes()) => "GET".to_owned(),
                    _ => method,
                },
                target,
                auth,
                serial,
                content_type,
                extra,
                body,
                chunks,
            },
        )
}

// ---------------------------------------------------------------------------------------------
// The wire
// ---------------------------------------------------------------------------------------------

/// The request's bytes: request line, `Host`, the headers, `Connection: close`, the framed body.
fn wire(case: &Case, signer: &Signer, addr: &str) -> Vec<u8> {
    let mut authorization = match &case.auth {
        Auth::None => None,
        Auth::Raw(bytes) => Some(bytes.clone()),
        Auth::Shaped(pairs) => {
            let params: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
            Some(format!("{SCHEME} {}", params.join(",")).into_bytes())
        }
        Auth::Signed | Auth::SignedTampered(..) => std::str::from_utf8(&case.target)
            .ok()
            .and_then(|target| signer.authorize(&case.method, target, &case.body).ok())
            .map(|authorization| authorization.header.into_bytes()),
    };
    if let (Auth::SignedTampered(at, byte), Some(header)) = (&case.auth, authorization.as_mut()) {
        let at = at % header.len();
        // A visible ASCII byte, so that the header still parses; a no-op change stays a correct
        // signature.
        header[at] = 0x21 + byte % 94;
    }
    let mut out = Vec::new();
    out.extend_from_slice(case.method.as_bytes());
    out.push(b' ');
    out.extend_from_slice(&case.target);
    out.extend_from_slice(b" HTTP/1.1\r\n");
    out.extend_from_slice(format!("Host: {addr}\r\n").as_bytes());
    let mut header = |name: &str, value: &[u8]| {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    };
    if let Some(authorization) = &authorization {
        header("Authorization", authorization);
    }
    if let Some(serial) = &case.serial {
        header("Wechatpay-Serial", serial);
    }
    if let Some(content_type) = &case.content_type {
        header("Content-Type", content_type.as_bytes());
    }
    for (name, value) in &case.extra {
        header(name, value);
    }
    header("Connection", b"close");
    match &case.chunks {
        None => {
            header("Content-Length", case.body.len().to_string().as_bytes());
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(&case.body);
        }
        Some(sizes) => {
            header("Transfer-Encoding", b"chunked");
            out.extend_from_slice(b"\r\n");
            let mut rest = case.body.as_slice();
            let mut sizes = sizes.iter().cycle();
            while !rest.is_empty() {
                let size = (*sizes.next().unwrap()).min(rest.len());
                out.extend_from_slice(format!("{size:x}\r\n").as_bytes());
                out.extend_from_slice(&rest[..size]);
                out.extend_from_slice(b"\r\n");
                rest = &rest[size..];
            }
            out.extend_from_slice(b"0\r\n\r\n");
        }
    }
    out
}

/// A complete answer as read from the socket.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Sends `request` on a fresh connection and reads until the server closes it; the answer must
/// be complete (status line, headers, the whole body its framing announces).
async fn exchange(addr: &str, request: &[u8], head_only: bool) -> Result<Answer, String> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| format!("connect: {e}"))?;
    stream.write_all(request).await.map_err(|e| format!("write: {e}"))?;
    let mut raw = Vec::new();
    let read = tokio::time::timeout(ANSWER_TIMEOUT, stream.read_to_end(&mut raw)).await;
    match read {
        Err(_) => return Err(format!("no complete answer within {ANSWER_TIMEOUT:?}")),
        Ok(Err(e)) => return Err(format!("read: {e} after {} bytes", raw.len())),
        Ok(Ok(_)) => {}
    }
    parse_answer(&raw, head_only)
}

fn parse_answer(raw: &[u8], head_only: bool) -> Result<Answer, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("connection closed before the end of the headers: {raw:?}"))?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| "headers not UTF-8".to_owned())?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let mut answer = Answer { status, headers, body: Vec::new() };
    let rest = &raw[end + 4..];
    if head_only || status == 204 || status == 304 {
        return Ok(answer);
    }
    if let Some(length) = answer.header("content-length") {
        let length: usize = length.parse().map_err(|_| format!("bad Content-Length {length}"))?;
        if rest.len() != length {
            return Err(format!("body cut short: {} of {length} bytes", rest.len()));
        }
        answer.body = rest.to_vec();
    } else if answer.header("transfer-encoding").is_some_and(|te| te.contains("chunked")) {
        answer.body = dechunk(rest).ok_or("a chunked body cut short")?;
    } else {
        answer.body = rest.to_vec();
    }
    Ok(answer)
}

fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&raw[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(raw.get(..size)?);
        raw = raw.get(size + 2..)?;
    }
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

/// A correctly signed answer of the sandbox verifies with its public key.
fn verify_answer(sandbox: &Sandbox, answer: &Answer) {
    let get = |name| answer.header(name).unwrap_or_else(|| panic!("{name} missing: {answer:?}"));
    let parts = SignatureHeaders {
        timestamp: get("Wechatpay-Timestamp"),
        nonce: get("Wechatpay-Nonce"),
        signature: get("Wechatpay-Signature"),
        serial: get("Wechatpay-Serial"),
    };
    assert_eq!(sandbox.wechatpay_keys().verify_parts(parts, &answer.body), Ok(()));
}

/// The two served endpoints, called correctly: 200 with the success body, signed.
async fn valid_requests_still_succeed(sandbox: &Sandbox, fixtures: &Fixtures, signer: &Signer) {
    let addr = sandbox.addr().to_string();
    let get = format!(
        "{QUALIFICATION}?appliance_id=1&qualification_region_code=330100&real_name={}",
        encode_component(&fixtures.ciphertexts[0])
    );
    let mut item = serde_json::Map::new();
    let sensitive = item_fields(ZHEJIANG_QUALIFICATIONS_SYNC.sensitive);
    for name in required() {
        let value = if sensitive.contains(&name) {
            fixtures.ciphertexts[1].clone()
        } else {
            "1".to_owned()
        };
        item.insert(name.to_owned(), Value::String(value));
    }
    let post = serde_json::to_vec(&json!({ "req_ssn": "REQ-1", "data": [item] })).unwrap();
    for (method, target, body, expected) in [
        ("GET", get.as_str(), Vec::new(), json!({"state": "UNCLAIMED"})),
        ("POST", SYNC, post, json!({"resp_code": "000000", "resp_desc": "成功", "error_data": []})),
    ] {
        let case = Case {
            method: method.to_owned(),
            target: target.as_bytes().to_vec(),
            auth: Auth::Signed,
            serial: Some(fixtures.public_key_id.clone().into_bytes()),
            content_type: Some("application/json".to_owned()),
            extra: Vec::new(),
            body,
            chunks: None,
        };
        let answer = exchange(&addr, &wire(&case, signer, &addr), false).await.unwrap();
        assert_eq!(
            answer.status,
            200,
            "{method} {target}: {}",
            String::from_utf8_lossy(&answer.body)
        );
        assert_eq!(serde_json::from_slice::<Value>(&answer.body).unwrap(), expected);
        verify_answer(sandbox, &answer);
    }
}

/// 2500 arbitrary requests, one connection each, to one sandbox: every one answered completely
/// with 2xx to 4xx; then valid signed requests to both endpoints still succeed.
#[test]
fn sandbox_answers_every_fuzzed_request_with_2xx_to_4xx_2500_cases() {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let addr = sandbox.addr().to_string();
    let fixtures = Fixtures::new(&sandbox);
    let signer = demo::signer();
    runtime.block_on(valid_requests_still_succeed(&sandbox, &fixtures, &signer));

    let config = Config { cases: CASES, failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new(config);
    // (status, error code) → count, so that the run shows which parsers it reached.
    let seen: Mutex<BTreeMap<(u16, String), u32>> = Mutex::default();
    let outcome = runner.run(&case(&fixtures), |case| {
        let request = wire(&case, &signer, &addr);
        let answer = runtime
            .block_on(exchange(&addr, &request, case.method == "HEAD"))
            .map_err(TestCaseError::fail)?;
        let code = serde_json::from_slice::<Value>(&answer.body)
            .ok()
            .and_then(|json| json["code"].as_str().map(str::to_owned))
            .unwrap_or_default();
        *seen.lock().unwrap().entry((answer.status, code)).or_default() += 1;
        prop_assert!(
            (200..=499).contains(&answer.status),
            "status {}: {}",
            answer.status,
            String::from_utf8_lossy(&answer.body)
        );
        Ok(())
    });
    match outcome {
        Ok(()) => {}
        Err(TestError::Fail(reason, case)) => panic!("{reason}\nminimal failing input: {case:?}"),
        Err(TestError::Abort(reason)) => panic!("aborted: {reason}"),
    }

    runtime.block_on(valid_requests_still_succeed(&sandbox, &fixtures, &signer));

    let seen = seen.into_inner().unwrap();
    eprintln!("answers (status, code) → count: {seen:?}");
    let count =
        |status: u16, code: &str| seen.get(&(status, code.to_owned())).copied().unwrap_or(0);
    // The run went past routing and authentication into the query and body parsers.
    assert!(count(401, "SIGN_ERROR") > CASES / 20, "{seen:?}");
    assert!(count(404, "NOT_FOUND") > CASES / 20, "{seen:?}");
    assert!(count(400, "PARAM_ERROR") > CASES / 6, "{seen:?}");
}
