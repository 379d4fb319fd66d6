//! Notifications (回调通知): WeChat Pay's signed, encrypted `POST`s to a merchant's `notify_url`.
//!
//! [`Notifications::receive`] runs every check on the headers and the exact body bytes, in this
//! order, refusing at the first failure:
//! 1. `Wechatpay-Signature-Type`, when present, must be `WECHATPAY2-SHA256-RSA2048` (an absent
//!    header means that scheme: the RSA signature is still required, so absence grants nothing);
//!    any other is refused `401`, as it cannot be authenticated;
//! 2. the signature, as for an answer ([`WechatPayKeys::verify_parts`]): a `WECHATPAY/SIGNTEST/`
//!    probe, a malformed `Wechatpay-Timestamp`, an unknown `Wechatpay-Serial`, a bad RSA
//!    signature, and only then a timestamp `max_skew` or more away from the key store's clock
//!    are refused (`401`);
//! 3. the body is an envelope whose `resource.algorithm` is `AEAD_AES_256_GCM`;
//! 4. the resource decrypts with the APIv3 key (`associated_data` as AAD) and decodes as `T`;
//! 5. the notification `id` is claimed in the [`SeenStore`]: a duplicate is told apart.
//!
//! The signature type comes first because it chooses how the signature is verified, and the
//! probe before the RSA check because its signature can never verify: naming it is what makes
//! it recognisable. The clock window comes after the signature, so a forged and stale
//! notification is refused as forged. Nothing is read from the body before its signature
//! verifies.

mod error;
mod seen;

#[cfg(feature = "axum")]
mod axum;

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use http::{HeaderMap, HeaderName, HeaderValue};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::aead::{ApiV3Key, SealedResource};
use crate::client::Client;
use crate::error::{CryptoError, json_error_summary};
use crate::key_store::WechatPayKeys;
use crate::protocol::{SCHEME, headers};

#[cfg(feature = "axum")]
pub use self::axum::Notified;
pub use error::{NotifyError, NotifyReply};
pub use seen::{
    DEFAULT_SEEN_CAPACITY, DEFAULT_SEEN_TTL, MemorySeenStore, SeenFuture, SeenStore, SeenStoreError,
};

/// The only resource algorithm of APIv3 notifications.
pub use crate::aead::AEAD_AES_256_GCM;

/// Receives notifications: verifies, decrypts and deduplicates them. Cheap to clone; share one
/// per merchant between your handlers.
#[derive(Clone)]
pub struct Notifications {
    keys: KeySource,
    api_v3_key: Arc<ApiV3Key>,
    seen: Arc<dyn SeenStore>,
}

impl fmt::Debug for Notifications {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Notifications").field("keys", &self.keys.current()).finish_non_exhaustive()
    }
}

/// Where the keys that verify notifications come from.
#[derive(Clone)]
enum KeySource {
    /// A set fixed when the receiver was made.
    Fixed(Arc<WechatPayKeys>),
    /// Whatever the client uses when a notification arrives (its certificate refreshes included).
    Client(Client),
}

impl KeySource {
    fn current(&self) -> Arc<WechatPayKeys> {
        match self {
            KeySource::Fixed(keys) => Arc::clone(keys),
            KeySource::Client(client) => client.wechatpay_keys(),
        }
    }
}

/// A verified, decrypted notification: the envelope's fields and the resource as `T`.
/// `Debug` shows what `T`'s `Debug` shows (the SDK's resource types hide personal data).
#[derive(Debug, Clone, PartialEq)]
pub struct Notification<T> {
    /// The notification's unique ID (the same on every delivery of it).
    pub id: String,
    /// When WeChat Pay created it (RFC 3339, as sent).
    pub create_time: String,
    /// What happened: `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`, …
    pub event_type: String,
    /// `encrypt-resource`.
    pub resource_type: String,
    /// WeChat Pay's human summary (`支付成功`); may be empty.
    pub summary: String,
    /// The resource's object type before encryption (`transaction`, `refund`, …).
    pub original_type: String,
    /// The decrypted resource.
    pub resource: T,
}

/// What [`Notifications::receive`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery<T> {
    /// First delivery of this `id`: process it, then answer [`NotifyReply::success`] (or, if
    /// processing fails, call [`Notifications::forget`] and answer a failure).
    New(Notification<T>),
    /// This `id` was already taken for processing: answer success, do not process it again.
    Duplicate {
        /// The notification's ID.
        id: String,
    },
}

#[derive(Deserialize)]
struct Envelope {
    id: String,
    create_time: String,
    event_type: String,
    #[serde(default)]
    resource_type: String,
    #[serde(default)]
    summary: String,
    resource: EncryptedResource,
}

#[derive(Deserialize)]
struct EncryptedResource {
    #[serde(flatten)]
    sealed: SealedResource,
    #[serde(default)]
    original_type: String,
}

impl Notifications {
    /// Verifies with `keys` (their clock and skew limit apply), decrypts with `api_v3_key`, and
    /// deduplicates with a [`MemorySeenStore::default`].
    pub fn new(keys: WechatPayKeys, api_v3_key: ApiV3Key) -> Self {
        Self::with_keys(KeySource::Fixed(Arc::new(keys)), api_v3_key)
    }

    /// Verifies with the keys `client` uses at the moment each notification arrives, so that a
    /// certificate its background refresh installs verifies notifications too.
    pub fn from_client(client: &Client, api_v3_key: ApiV3Key) -> Self {
        Self::with_keys(KeySource::Client(client.clone()), api_v3_key)
    }

    fn with_keys(keys: KeySource, api_v3_key: ApiV3Key) -> Self {
        Self { keys, api_v3_key: Arc::new(api_v3_key), seen: Arc::new(MemorySeenStore::default()) }
    }

    /// Deduplicates with `store` instead (your database, so that all instances share it).
    pub fn with_seen_store(mut self, store: impl SeenStore + 'static) -> Self {
        self.seen = Arc::new(store);
        self
    }

    /// Verifies and decrypts, then claims the notification's `id`: [`Delivery::New`] the first
    /// time, [`Delivery::Duplicate`] after. A resource that does not decode as `T` is refused
    /// before the claim, so its redelivery is processed once `T` is fixed.
    pub async fn receive<T: DeserializeOwned>(
        &self,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Delivery<T>, NotifyError> {
        let notification = self.decrypt::<T>(headers, body)?;
        if self.seen.first_time(&notification.id).await? {
            Ok(Delivery::New(notification))
        } else {
            Ok(Delivery::Duplicate { id: notification.id })
        }
    }

    /// Receives and runs `process` on a new notification, and says what to answer: success for a
    /// processed or duplicate notification; the error's answer for a refused one; `500` (after
    /// releasing the claim, so that WeChat Pay's next delivery is processed) when `process` fails.
    pub async fn handle<T, F, Fut, E>(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        process: F,
    ) -> NotifyReply
    where
        T: DeserializeOwned,
        F: FnOnce(Notification<T>) -> Fut,
        Fut: Future<Output = Result<(), E>>,
    {
        let notification = match self.receive::<T>(headers, body).await {
            Ok(Delivery::New(notification)) => notification,
            Ok(Delivery::Duplicate { .. }) => return NotifyReply::success(),
            Err(error) => return error.reply(),
        };
        let id = notification.id.clone();
        if process(notification).await.is_ok() {
            return NotifyReply::success();
        }
        // Released or not, the answer is a failure; a store that cannot forget only means the
        // redelivery is taken as a duplicate, which its own failure was told about.
        let _ = self.seen.forget(&id).await;
        NotifyReply::failure(http::StatusCode::INTERNAL_SERVER_ERROR, "processing failed")
    }

    /// Releases the claim on `id` after its processing failed (see [`Delivery::New`]).
    pub async fn forget(&self, id: &str) -> Result<(), NotifyError> {
        Ok(self.seen.forget(id).await?)
    }

    /// Verifies and decrypts without the duplicate guard (to inspect a captured notification).
    pub fn decrypt<T: DeserializeOwned>(
        &self,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Notification<T>, NotifyError> {
        check_signature_type(headers)?;
        self.keys.current().verify(headers, body)?;
        let envelope: Envelope = serde_json::from_slice(body)
            .map_err(|error| NotifyError::Malformed(json_error_summary(&error)))?;
        if envelope.id.is_empty() {
            return Err(NotifyError::Malformed("the notification `id` is empty".into()));
        }
        let sealed = &envelope.resource.sealed;
        if sealed.algorithm != AEAD_AES_256_GCM {
            return Err(NotifyError::UnsupportedAlgorithm(NotifyError::named(&sealed.algorithm)));
        }
        let plaintext = self.api_v3_key.open(sealed).map_err(decryption_error)?;
        let resource = serde_json::from_slice(&plaintext)
            .map_err(|error| NotifyError::Resource(json_error_summary(&error)))?;
        Ok(Notification {
            id: envelope.id,
            create_time: envelope.create_time,
            event_type: envelope.event_type,
            resource_type: envelope.resource_type,
            summary: envelope.summary,
            original_type: envelope.resource.original_type,
            resource,
        })
    }

    /// [`decrypt`](Notifications::decrypt) into untyped JSON: what a command line prints.
    pub fn decrypt_json(
        &self,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Notification<serde_json::Value>, NotifyError> {
        self.decrypt(headers, body)
    }
}

/// An absent `Wechatpay-Signature-Type` is the RSA scheme; any other value is refused.
fn check_signature_type(map: &HeaderMap) -> Result<(), NotifyError> {
    match map.get(headers::SIGNATURE_TYPE) {
        None => Ok(()),
        Some(value) if value.as_bytes() == SCHEME.as_bytes() => Ok(()),
        Some(value) => Err(NotifyError::UnsupportedSignatureType(NotifyError::named(
            &String::from_utf8_lossy(value.as_bytes()),
        ))),
    }
}

/// A malformed nonce or ciphertext is the sender's fault (`400`); a tag that does not verify
/// after a valid signature is a wrong APIv3 key on this side (`500`).
fn decryption_error(error: CryptoError) -> NotifyError {
    match error {
        CryptoError::AeadNonceLength { .. } | CryptoError::Base64 { .. } => {
            NotifyError::Malformed(error.to_string())
        }
        error => NotifyError::Decryption(error),
    }
}

/// Why a headers file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct HeaderLinesError {
    /// The line at fault, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// Parses `Name: value` lines (a capture of a notification's headers) into a header map. Blank
/// lines, `#` comments and an HTTP request or status line (`POST /notify HTTP/1.1`) are skipped;
/// values are trimmed; `\r\n` line ends are accepted.
pub fn parse_header_lines(text: &str) -> Result<HeaderMap, HeaderLinesError> {
    let mut map = HeaderMap::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') || is_http_start_line(line) {
            continue;
        }
        let error = |reason| HeaderLinesError { line: index + 1, reason };
        let (name, value) = line.split_once(':').ok_or(error("expected `Name: value`"))?;
        let name = HeaderName::from_bytes(name.trim().as_bytes())
            .map_err(|_| error("not a valid header name"))?;
        let value =
            HeaderValue::from_str(value.trim()).map_err(|_| error("not a valid header value"))?;
        map.append(name, value);
    }
    Ok(map)
}

fn is_http_start_line(line: &str) -> bool {
    line.starts_with("HTTP/") || line.rsplit_once(' ').is_some_and(|(_, v)| v.starts_with("HTTP/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_parse_with_comments_crlf_and_a_request_line() {
        let text = "POST /notify HTTP/1.1\r\n# captured\r\nWechatpay-Nonce:  abc \r\n\r\nwechatpay-serial: PUB_KEY_ID_1\n";
        let map = parse_header_lines(text).unwrap();
        assert_eq!(map.get(headers::NONCE).unwrap(), "abc");
        assert_eq!(map.get(headers::SERIAL).unwrap(), "PUB_KEY_ID_1");
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn header_lines_name_the_bad_line() {
        assert_eq!(
            parse_header_lines("A: b\nno colon here").unwrap_err(),
            HeaderLinesError { line: 2, reason: "expected `Name: value`" }
        );
        assert_eq!(parse_header_lines("bad name: x").unwrap_err().line, 1);
        assert_eq!(
            parse_header_lines("A: b\u{7f}").unwrap_err().reason,
            "not a valid header value"
        );
    }

    #[test]
    fn replies_are_what_wechat_pay_reads() {
        let ok = NotifyReply::success();
        assert_eq!((ok.status().as_u16(), ok.body()), (204, &b""[..]));
        let fail = NotifyReply::failure(http::StatusCode::OK, "x");
        assert_eq!(fail.status().as_u16(), 500, "a failure never reads as success");
        assert_eq!(fail.body(), br#"{"code":"FAIL","message":"x"}"#);
        let response = fail.into_response();
        assert_eq!(response.headers()[http::header::CONTENT_TYPE], "application/json");
    }
}
