//! Hand-built requests for the sandbox's own tests: signed with wechatpay-apiv3-core's `Signer`,
//! encrypted with its `FieldEncryptor`, sent with a plain-HTTP reqwest client.

#![allow(dead_code)]

use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use wechatpay_apiv3_core::request::encode_component;
use wechatpay_apiv3_core::{FieldEncryptor, MerchantPrivateKey, MerchantSerial, Signer};
use wechatpay_apiv3_mock::{Endpoint, FieldType, Location, Sandbox, demo};

pub const SYNC: &str = "/v3/gov/subsidy/zhejiang/qualifications/sync";
pub const QUALIFICATION: &str = "/v3/gov/subsidy/qualification";
pub const SUCCESS: &str = r#"{"resp_code":"000000","resp_desc":"成功","error_data":[]}"#;

/// Personal data that must never show up in any output.
pub const CERT_NO: &str = "33010219900307123X";
pub const NAME: &str = "测试用户甲";
pub const TEL: &str = "13900001234";
pub const PLAINTEXTS: [&str; 3] = [CERT_NO, NAME, TEL];

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("a plain-HTTP client builds")
}

/// A signer for `mchid`/`serial` with the given private key.
pub fn signer_with(mchid: &str, serial: &str, key_pem: &str) -> Signer {
    let serial: MerchantSerial = serial.parse().unwrap();
    Signer::new(mchid, serial, MerchantPrivateKey::from_pem(key_pem).unwrap()).unwrap()
}

/// The encryptor of the sandbox's public key.
pub fn encryptor(sandbox: &Sandbox) -> FieldEncryptor {
    sandbox.wechatpay_keys().encryptor().unwrap()
}

/// One `data[]` item with every required field, the sensitive ones encrypted.
pub fn item(encryptor: &FieldEncryptor) -> Value {
    json!({
        "auth_code": "0be5f8c9071ad939651948480316da8a2d610833bb63bf67c78fdee5edd5aea1",
        "cate_code": "A01",
        "cert_no": encryptor.encrypt(CERT_NO).unwrap(),
        "grade": "一级",
        "name": encryptor.encrypt(NAME).unwrap(),
        "operation_time": "1735689600000",
        "sales": "3999.00",
        "status": "0",
        "subsidy": "599.85",
        "tel": encryptor.encrypt(TEL).unwrap(),
        "add_code": "330106",
        "address": "浙江省杭州市西湖区文三路 1 号",
        "sale_models": "0",
        "sn_code": "SN20250101000001",
        "uniscid": "91330106MA2XXXXX0X",
        "corp_name": "杭州测试电器有限公司",
        "barcode": "6901234567892",
        "item_name": "变频空调",
        "spec_model": "KFR-35GW",
        "brand": "测试牌",
        "is_ai_product": "1",
        "order_no": "ORDER20250101000001",
        "activity_add_code": "330100"
    })
}

/// `{"req_ssn": "…", "data": items}` as bytes.
pub fn sync_body(items: Vec<Value>) -> Vec<u8> {
    serde_json::to_vec(&json!({ "req_ssn": "REQ-0001", "data": items })).unwrap()
}

/// The smallest valid parameters of `endpoint`: each required field once, of its type, its first
/// allowed value if it has a list, encrypted to the sandbox if sensitive; one item per array.
pub fn minimal_params(sandbox: &Sandbox, endpoint: &Endpoint) -> Value {
    let encryptor = encryptor(sandbox);
    let mut params = json!({});
    for path in endpoint.required {
        let value = if endpoint.sensitive.contains(path) {
            json!(encryptor.encrypt(NAME).unwrap())
        } else {
            sample(endpoint, path)
        };
        insert(&mut params, path, value);
    }
    params
}

/// A value of the type (and first allowed value) the table gives `path`.
fn sample(endpoint: &Endpoint, path: &str) -> Value {
    let allowed = endpoint.values.iter().find(|(p, _)| *p == path).map(|(_, v)| v[0]);
    let kind = endpoint.types.iter().find(|(p, _)| *p == path).map(|(_, t)| *t);
    match kind {
        Some(FieldType::Number) => serde_json::from_str(allowed.unwrap_or("320100")).unwrap(),
        Some(FieldType::Object) => json!({}),
        Some(FieldType::Array) => json!([sample(endpoint, &format!("{path}[]"))]),
        _ => json!(allowed.unwrap_or("SAMPLE-1")),
    }
}

/// Sets `path` (`a`, `a.b`, `data[].x`: the first item) in `root`, creating what is missing.
pub fn insert(root: &mut Value, path: &str, value: Value) {
    let (head, rest) = path.split_once('.').map_or((path, None), |(h, r)| (h, Some(r)));
    let Some(rest) = rest else {
        root[head.trim_end_matches("[]")] = value;
        return;
    };
    let slot = match head.strip_suffix("[]") {
        Some(key) => {
            if !root[key].is_array() {
                root[key] = json!([{}]);
            }
            &mut root[key][0]
        }
        None => {
            if !root[head].is_object() {
                root[head] = json!({});
            }
            &mut root[head]
        }
    };
    insert(slot, rest, value);
}

/// A request to `endpoint` with these parameters (a query string for a query endpoint), signed
/// by the demo merchant, with `Wechatpay-Serial`.
pub fn request(sandbox: &Sandbox, endpoint: &Endpoint, params: &Value) -> Wire {
    let (target, body) = match endpoint.location {
        Location::Body => (endpoint.path.to_owned(), serde_json::to_vec(params).unwrap()),
        Location::Query => {
            let pairs: Vec<String> = params
                .as_object()
                .unwrap()
                .iter()
                .map(|(name, value)| {
                    let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                    format!("{name}={}", encode_component(&text))
                })
                .collect();
            (format!("{}?{}", endpoint.path, pairs.join("&")), Vec::new())
        }
    };
    let id = Some(sandbox.public_key_id());
    Wire::signed(&demo::signer(), endpoint.method, &target, body, id)
}

/// [`request`] with [`minimal_params`].
pub fn minimal(sandbox: &Sandbox, endpoint: &Endpoint) -> Wire {
    request(sandbox, endpoint, &minimal_params(sandbox, endpoint))
}

/// A request as sent on the wire.
pub struct Wire {
    pub method: reqwest::Method,
    pub target: String,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
}

impl Wire {
    /// A request signed by `signer` over exactly `target` and `body`, with `Content-Type` for a
    /// body and `Wechatpay-Serial` if given.
    pub fn signed(
        signer: &Signer,
        method: &str,
        target: &str,
        body: Vec<u8>,
        serial: Option<&str>,
    ) -> Self {
        let authorization = signer.authorize(method, target, &body).unwrap();
        let mut headers = vec![
            ("Authorization".to_owned(), authorization.header),
            ("Accept".to_owned(), "application/json".to_owned()),
        ];
        if !body.is_empty() {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
        }
        if let Some(serial) = serial {
            headers.push(("Wechatpay-Serial".to_owned(), serial.to_owned()));
        }
        Self { method: method.parse().unwrap(), target: target.to_owned(), body, headers }
    }

    /// A sync request from the demo merchant, fields encrypted to the sandbox.
    pub fn sync(sandbox: &Sandbox, items: Vec<Value>) -> Self {
        Self::signed(&demo::signer(), "POST", SYNC, sync_body(items), Some(sandbox.public_key_id()))
    }

    /// Replaces (or adds) a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.retain(|(known, _)| !known.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Removes a header.
    pub fn without(mut self, name: &str) -> Self {
        self.headers.retain(|(known, _)| !known.eq_ignore_ascii_case(name));
        self
    }

    pub async fn try_send(&self, sandbox: &Sandbox) -> Result<Answer, reqwest::Error> {
        self.try_send_with(&client(), sandbox).await
    }

    pub async fn try_send_with(
        &self,
        client: &reqwest::Client,
        sandbox: &Sandbox,
    ) -> Result<Answer, reqwest::Error> {
        let mut request =
            client.request(self.method.clone(), sandbox.url(&self.target)).body(self.body.clone());
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await?.to_vec();
        Ok(Answer { status, headers, body })
    }

    pub async fn send(&self, sandbox: &Sandbox) -> Answer {
        self.try_send(sandbox).await.expect("the sandbox answers")
    }
}

/// An answer of the sandbox.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON answer")
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_owned()
    }

    /// The `detail` of an error answer: field, location and issue.
    pub fn detail(&self) -> (String, String, String) {
        let json = self.json();
        let text = |key: &str| json["detail"][key].as_str().unwrap_or_default().to_owned();
        (text("field"), text("location"), text("issue"))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// Verifies the answer's signature with the sandbox's public key.
    pub fn verify(&self, sandbox: &Sandbox) -> Result<(), wechatpay_apiv3_core::VerifyError> {
        sandbox.wechatpay_keys().verify(&self.headers, &self.body)
    }

    /// Asserts `status` and the error `code`, and that the answer is correctly signed.
    pub fn assert_error(&self, sandbox: &Sandbox, status: u16, code: &str) {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.code(), code, "{}", self.text());
        self.verify(sandbox).expect("error answers are signed too");
        assert_no_plaintext(&self.text());
    }
}

/// Fails if `text` contains any of the personal data used in these tests.
pub fn assert_no_plaintext(text: &str) {
    for plaintext in PLAINTEXTS {
        assert!(!text.contains(plaintext), "personal data leaked into output: {text}");
    }
}

/// What a raw TCP client saw of one exchange.
#[derive(Debug)]
pub struct RawExchange {
    /// Every byte received before the connection ended.
    pub bytes: Vec<u8>,
    /// How it ended: `Ok(())` for an orderly close (EOF), the read error otherwise.
    pub end: std::io::Result<()>,
}

impl RawExchange {
    /// The status line and headers, if a complete head arrived.
    pub fn head(&self) -> Option<String> {
        let end = self.bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
        Some(String::from_utf8_lossy(&self.bytes[..end]).into_owned())
    }

    /// The bytes after the head.
    pub fn body(&self) -> &[u8] {
        match self.bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            Some(end) => &self.bytes[end + 4..],
            None => &[],
        }
    }

    /// A header of the head (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<String> {
        self.head()?.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
    }
}

impl Wire {
    /// Sends the request over a raw TCP connection (HTTP/1.1, `Connection: close`) and reads
    /// until the server ends the connection, or `within` elapses.
    pub async fn send_raw(&self, sandbox: &Sandbox, within: std::time::Duration) -> RawExchange {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(sandbox.addr()).await.unwrap();
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.method,
            self.target,
            sandbox.addr(),
            self.body.len()
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(&self.body).await.unwrap();
        let mut bytes = Vec::new();
        let read = async {
            let mut buffer = [0u8; 4096];
            loop {
                match stream.read(&mut buffer).await {
                    Ok(0) => return Ok(()),
                    Ok(n) => bytes.extend_from_slice(&buffer[..n]),
                    Err(error) => return Err(error),
                }
            }
        };
        let end = match tokio::time::timeout(within, read).await {
            Ok(end) => end,
            Err(_) => Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "still open")),
        };
        RawExchange { bytes, end }
    }
}
