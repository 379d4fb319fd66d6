//! From a request value to the exact bytes to send: validate → encrypt → serialize → sign.

use std::fmt;

use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Serialize;
use serde_json::Value;

use super::encrypt::EncryptFields;
use super::url;
use super::validate::Validate;
use crate::client::Client;
use crate::error::Error;
use crate::response::ApiResponse;
use crate::sign::{Authorization, Signer};
use crate::verify::{WechatPayKeys, headers};

/// The `User-Agent` every request carries.
pub const USER_AGENT: &str = concat!("wechatpay-rust/", env!("CARGO_PKG_VERSION"));

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
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An APIv3 request, as `#[derive(WechatRequest)]` declares it.
pub trait WechatRequest: Serialize + Validate + EncryptFields {
    /// The decoded answer.
    type Response: ApiResponse;
    /// The HTTP method.
    const METHOD: Method;
    /// The URL path template with `{placeholders}` named after path fields (serialized names).
    const PATH: &'static str;
    /// Serialized names of the query fields, in declaration order.
    const QUERY: &'static [&'static str];

    /// Sends the request through `client`: validate → encrypt → serialize → sign → send (with
    /// retries) → verify the answer's signature → decode → business check. See [`Client::send`].
    fn send(&self, client: &Client) -> impl Future<Output = Result<Self::Response, Error>> + Send
    where
        Self: Sync,
    {
        client.send(self)
    }

    /// Validates, encrypts, serializes and signs: everything but sending. Nothing is produced
    /// unless every rule holds and, if any field is `encrypt`, a WeChat Pay key is configured.
    fn prepare(&self, signer: &Signer, keys: &WechatPayKeys) -> Result<PreparedRequest, Error> {
        self.validate().map_err(Error::Validation)?;
        let (value, wechatpay_serial) = if Self::HAS_ENCRYPTED_FIELDS {
            let encryptor = keys.encryptor()?;
            let encrypted = self.encrypt_fields(&encryptor)?;
            (serde_json::to_value(&encrypted)?, Some(encryptor.serial().to_owned()))
        } else {
            (serde_json::to_value(self)?, None)
        };
        let Value::Object(mut fields) = value else {
            return Err(Error::Serialize("a request must serialize as a JSON object".into()));
        };
        let target =
            url::request_target(Self::PATH, Self::QUERY, &mut fields).map_err(Error::Validation)?;
        let body = if Self::METHOD.has_body() {
            let mut body = Value::Object(fields);
            drop_nulls(&mut body);
            serde_json::to_vec(&body)?
        } else {
            Vec::new()
        };
        let authorization = signer.authorize(Self::METHOD.as_str(), &target, &body)?;
        Ok(PreparedRequest { method: Self::METHOD, target, body, authorization, wechatpay_serial })
    }
}

/// A request ready to send: every byte is final and signed.
#[derive(Clone)]
pub struct PreparedRequest {
    /// The method.
    pub method: Method,
    /// Path and query, exactly as signed.
    pub target: String,
    /// The body, exactly as signed (empty for GET and DELETE).
    pub body: Vec<u8>,
    /// The signature header and what it covers.
    pub authorization: Authorization,
    /// The ID/serial of the key that encrypted the fields, if any were encrypted.
    pub wechatpay_serial: Option<String>,
}

impl PreparedRequest {
    /// The headers to send: `Authorization`, `Accept`, `User-Agent`, `Content-Type` with a body,
    /// and `Wechatpay-Serial` when fields were encrypted.
    pub fn headers(&self) -> Result<HeaderMap, Error> {
        let value = |text: &str| {
            HeaderValue::from_str(text)
                .map_err(|_| Error::Serialize("a header value is not visible ASCII".into()))
        };
        let mut map = HeaderMap::new();
        map.insert(AUTHORIZATION, value(&self.authorization.header)?);
        map.insert(ACCEPT, HeaderValue::from_static("application/json"));
        map.insert(http::header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
        if self.method.has_body() {
            map.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        if let Some(serial) = &self.wechatpay_serial {
            map.insert(headers::SERIAL, value(serial)?);
        }
        Ok(map)
    }
}

/// Shows the request line only: the body may hold personal data that is not encrypted.
impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("target", &self.target)
            .field("body_len", &self.body.len())
            .field("wechatpay_serial", &self.wechatpay_serial)
            .finish_non_exhaustive()
    }
}

/// Removes `null` members of objects, recursively: an absent optional field is not sent.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(members) => {
            members.retain(|_, member| !member.is_null());
            members.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
