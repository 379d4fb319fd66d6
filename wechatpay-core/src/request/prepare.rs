//! From a request value to the exact bytes to send: validate → encrypt → serialize. Signing is the
//! client's, once per attempt. A body's members come in declaration order when they all go into
//! the body (`body.rs`), and in alphabetical order when some go into the URL (through a
//! `serde_json::Value`); the signature covers the exact bytes, so either is as good.

use std::fmt;
use std::marker::PhantomData;

use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Serialize;
use serde_json::Value;

use super::body;
use super::encrypt::EncryptFields;
use super::url;
use super::validate::Validate;
use crate::client::Client;
use crate::error::Error;
use crate::key_store::WechatPayKeys;
use crate::protocol::{Method, USER_AGENT, headers};
use crate::response::ApiResponse;
use crate::sign::{Authorization, Signer};

/// An APIv3 request, as `#[derive(WechatRequest)]` declares it.
pub trait WechatRequest: Serialize + Validate + EncryptFields {
    /// The decoded answer.
    type Response: ApiResponse;
    /// The title: the first line of the struct's doc comment (`""` if none), for describing the
    /// endpoint.
    const DOC: &'static str;
    /// The HTTP method.
    const METHOD: Method;
    /// The URL path template with `{placeholders}` named after path fields (serialized names).
    const PATH: &'static str;
    /// Serialized names of the query fields, in declaration order.
    const QUERY: &'static [&'static str];
    /// Whether sending the request twice has the effect of sending it once: every `GET`, and a
    /// request declared `#[wechat(idempotent)]` because its page says repeating it with the same
    /// parameters is safe. Only idempotent requests are sent again after a failure that leaves
    /// open whether WeChat Pay acted on them.
    const IDEMPOTENT: bool;
    /// The endpoint that tells whether a request of this type was applied (`#[wechat(lookup =
    /// "…")]`), named in [`Error::OutcomeUnknown`].
    const LOOKUP: Option<&'static str> = None;

    /// Sends the request through `client`: validate → encrypt → serialize → sign → send (with
    /// the retries the exactly-once rules allow) → verify the answer's signature → decode →
    /// business check. See [`Client::send`].
    fn send(&self, client: &Client) -> impl Future<Output = Result<Self::Response, Error>> + Send
    where
        Self: Sync,
    {
        client.send(self)
    }

    /// Validates, encrypts and serializes: everything but signing and sending. Nothing is
    /// produced unless every rule holds and, if any field is `encrypt`, a WeChat Pay key is
    /// configured.
    fn prepare(&self, keys: &WechatPayKeys) -> Result<PreparedRequest, Error> {
        self.validate().map_err(Error::Validation)?;
        if Self::HAS_ENCRYPTED_FIELDS {
            let encryptor = keys.encryptor()?;
            let encrypted = self.encrypt_fields(&encryptor)?;
            serialize(&encrypted, Some(encryptor.serial().to_owned()))
        } else {
            serialize(self, None)
        }
    }
}

/// The request target and body of `request` (the caller's value, or its encrypted copy).
fn serialize<R: WechatRequest>(
    request: &R,
    wechatpay_serial: Option<String>,
) -> Result<PreparedRequest, Error> {
    let (target, body) = if R::METHOD.has_body() && R::QUERY.is_empty() && !R::PATH.contains('{') {
        // Every member goes into the body: written in one pass, no `Value` in between.
        (R::PATH.to_owned(), body::json_object(request)?)
    } else {
        let Value::Object(mut fields) = body::tracked(request, serde_json::value::Serializer)?
        else {
            return Err(Error::Serialize("a request must serialize as a JSON object".into()));
        };
        let target =
            url::request_target(R::PATH, R::QUERY, &mut fields).map_err(Error::Validation)?;
        let body = if R::METHOD.has_body() {
            let mut body = Value::Object(fields);
            drop_nulls(&mut body);
            serde_json::to_vec(&body)?
        } else {
            Vec::new()
        };
        (target, body)
    };
    Ok(PreparedRequest {
        method: R::METHOD,
        target,
        body,
        wechatpay_serial,
        idempotent: R::IDEMPOTENT,
    })
}

/// A request ready to sign and send: the final body, the request target and the serial of the key
/// that encrypted its fields. The client signs it anew for every attempt.
#[derive(Clone)]
pub struct PreparedRequest {
    /// The method.
    pub method: Method,
    /// Path and query, exactly as sent and signed.
    pub target: String,
    /// The body, exactly as sent and signed (empty for GET and DELETE).
    pub body: Vec<u8>,
    /// The ID/serial of the key that encrypted the fields, if any were encrypted.
    pub wechatpay_serial: Option<String>,
    /// Whether the request may be sent again after an ambiguous failure.
    pub idempotent: bool,
}

impl PreparedRequest {
    /// Signs the request as it is (a new timestamp and nonce each time).
    pub fn sign(&self, signer: &Signer) -> Result<Authorization, Error> {
        Ok(signer.authorize(self.method.as_str(), &self.target, &self.body)?)
    }

    /// The headers to send with `authorization`: `Authorization`, `Accept`, `User-Agent`,
    /// `Content-Type` with a body, and `Wechatpay-Serial` when fields were encrypted.
    pub fn headers(&self, authorization: &Authorization) -> Result<HeaderMap, Error> {
        let value = |text: &str| {
            HeaderValue::from_str(text)
                .map_err(|_| Error::Serialize("a header value is not visible ASCII".into()))
        };
        let mut map = HeaderMap::new();
        map.insert(AUTHORIZATION, value(&authorization.header)?);
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

    /// The path without the query (which may carry ciphertexts): what errors and logs name.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(path, _)| path)
    }
}

/// A request of type `R` validated, encrypted and serialized, ready for
/// [`Client::send_prepared`]: for callers that prepare ahead of sending (the bulk reporter
/// encrypts a batch before it takes a rate-limit token, and checks a whole file without sending).
/// Only [`Prepared::new`] makes one, so what it sends went through the encryption step.
pub struct Prepared<R> {
    request: PreparedRequest,
    kind: PhantomData<fn() -> R>,
}

impl<R: WechatRequest> Prepared<R> {
    /// [`WechatRequest::prepare`], keeping the type for the answer.
    pub fn new(request: &R, keys: &WechatPayKeys) -> Result<Self, Error> {
        Ok(Self { request: request.prepare(keys)?, kind: PhantomData })
    }

    /// What will be signed and sent.
    pub fn request(&self) -> &PreparedRequest {
        &self.request
    }
}

impl<R> fmt::Debug for Prepared<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.request.fmt(f)
    }
}

/// Shows the request line only: the body may hold personal data that is not encrypted.
impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("path", &self.path())
            .field("body_len", &self.body.len())
            .field("wechatpay_serial", &self.wechatpay_serial)
            .field("idempotent", &self.idempotent)
            .finish_non_exhaustive()
    }
}

/// Removes `null` members of objects, recursively: an absent optional field is not sent.
pub(super) fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(members) => {
            members.retain(|_, member| !member.is_null());
            members.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
