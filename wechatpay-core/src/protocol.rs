//! The ground floor: APIv3's names and message shapes, shared by signing, verification, the
//! client and anyone reading the protocol (a sandbox, a notification handler).

use std::fmt;

/// The authentication scheme of APIv3 requests.
pub const SCHEME: &str = "WECHATPAY2-SHA256-RSA2048";

/// The `User-Agent` every request carries unless the client is told otherwise.
pub const USER_AGENT: &str = concat!("wechatpay-rust/", env!("CARGO_PKG_VERSION"));

/// Prefix of the signatures WeChat Pay sends on purpose to check that merchants verify.
pub const PROBE_PREFIX: &str = "WECHATPAY/SIGNTEST/";

/// Header names of APIv3 beyond the standard ones.
pub mod headers {
    /// `Wechatpay-Timestamp`: when an answer or notification was signed (Unix seconds).
    pub const TIMESTAMP: &str = "Wechatpay-Timestamp";
    /// `Wechatpay-Nonce`: the nonce an answer or notification signature covers.
    pub const NONCE: &str = "Wechatpay-Nonce";
    /// `Wechatpay-Signature`: base64 RSA-SHA256 over `TIMESTAMP\nNONCE\nBODY\n`.
    pub const SIGNATURE: &str = "Wechatpay-Signature";
    /// `Wechatpay-Serial`: the key that signed an answer, or that encrypted a request's fields.
    pub const SERIAL: &str = "Wechatpay-Serial";
    /// `Wechatpay-Signature-Type`: the signature scheme of a notification or answer, when sent.
    pub const SIGNATURE_TYPE: &str = "Wechatpay-Signature-Type";
    /// `Request-ID`: WeChat Pay's ID of one exchange, for its support.
    pub const REQUEST_ID: &str = "Request-ID";
}

/// The HTTP methods of APIv3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: no body.
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`: no body.
    Delete,
}

impl Method {
    /// The method as sent and signed.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether requests with this method carry a JSON body.
    pub fn has_body(self) -> bool {
        matches!(self, Method::Post | Method::Put | Method::Patch)
    }

    pub(crate) fn to_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`, the bytes a request signature covers.
pub fn signing_message(
    method: &str,
    uri: &str,
    timestamp: impl fmt::Display,
    nonce: &str,
    body: &[u8],
) -> Vec<u8> {
    with_body(&format!("{method}\n{uri}\n{timestamp}\n{nonce}\n"), body)
}

/// `TIMESTAMP\nNONCE\nBODY\n`, the bytes an answer or notification signature covers.
pub fn response_message(timestamp: &str, nonce: &str, body: &[u8]) -> Vec<u8> {
    with_body(&format!("{timestamp}\n{nonce}\n"), body)
}

/// `head` (lines already ended by `\n`), then the exact body bytes and a final `\n`: the shape
/// of every APIv3 signed message.
fn with_body(head: &str, body: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(head.len() + body.len() + 1);
    message.extend_from_slice(head.as_bytes());
    message.extend_from_slice(body);
    message.push(b'\n');
    message
}
