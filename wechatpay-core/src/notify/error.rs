//! What can go wrong with a notification, and the answer WeChat Pay expects either way.

use http::StatusCode;

use crate::error::{CryptoError, VerifyError, server_text};
use crate::notify::seen::SeenStoreError;

/// Why a notification was refused. No message carries the resource's content or a key.
///
/// Every refusal is answered with a non-2xx ([`NotifyError::reply`]), and WeChat Pay delivers the
/// notification again later (for about a day), so a refusal caused by a fix on your side (an
/// APIv3 key, a resource type, a database) heals by itself once fixed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NotifyError {
    /// The signature headers, timestamp or signature do not verify (including WeChat Pay's
    /// deliberate `WECHATPAY/SIGNTEST/` probe, [`VerifyError::SignatureProbe`]).
    #[error("notification refused: {0}")]
    Verification(#[from] VerifyError),
    /// `Wechatpay-Signature-Type` names another scheme than `WECHATPAY2-SHA256-RSA2048`: the
    /// notification cannot be authenticated, so it is refused like a bad signature (`401`).
    #[error("notification refused: unsupported `Wechatpay-Signature-Type` {0:?}")]
    UnsupportedSignatureType(String),
    /// The verified body is not a notification envelope.
    #[error("malformed notification: {0}")]
    Malformed(String),
    /// `resource.algorithm` is not `AEAD_AES_256_GCM`.
    #[error("notification refused: unsupported resource algorithm {0:?}")]
    UnsupportedAlgorithm(String),
    /// The resource does not decrypt with the APIv3 key (a wrong key, most likely).
    #[error("the notification's resource does not decrypt: {0}")]
    Decryption(CryptoError),
    /// The decrypted resource does not decode as the expected type.
    #[error("the decrypted resource does not decode: {0}")]
    Resource(String),
    /// The duplicate guard could not be consulted.
    #[error("the duplicate guard failed: {0}")]
    SeenStore(#[from] SeenStoreError),
}

impl NotifyError {
    /// The status answered to WeChat Pay: `401` when the notification cannot be authenticated
    /// (a signature type this SDK cannot verify, the signature, the probe, the timestamp), `400`
    /// when its verified body is not a notification this SDK reads, `500` when the failure is
    /// on the merchant's side (APIv3 key, resource type, duplicate guard). WeChat Pay retries
    /// every non-2xx alike; the status tells the logs apart.
    pub fn status(&self) -> StatusCode {
        match self {
            NotifyError::Verification(_) | NotifyError::UnsupportedSignatureType(_) => {
                StatusCode::UNAUTHORIZED
            }
            NotifyError::Malformed(_) | NotifyError::UnsupportedAlgorithm(_) => {
                StatusCode::BAD_REQUEST
            }
            NotifyError::Decryption(_) | NotifyError::Resource(_) | NotifyError::SeenStore(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// Whether this is WeChat Pay's deliberate signature probe, refused as designed.
    pub fn is_probe(&self) -> bool {
        matches!(self, NotifyError::Verification(VerifyError::SignatureProbe))
    }

    /// The answer for WeChat Pay: [`status`](NotifyError::status) and
    /// `{"code":"FAIL","message":…}` with a fixed message per kind (never details).
    pub fn reply(&self) -> NotifyReply {
        let message = match self {
            NotifyError::Verification(_) => "signature verification failed",
            NotifyError::UnsupportedSignatureType(_) => "unsupported signature type",
            NotifyError::Malformed(_) => "malformed notification",
            NotifyError::UnsupportedAlgorithm(_) => "unsupported resource algorithm",
            NotifyError::Decryption(_) => "resource decryption failed",
            NotifyError::Resource(_) => "resource not understood",
            NotifyError::SeenStore(_) => "temporarily unable to process",
        };
        NotifyReply::failure(self.status(), message)
    }

    /// A value named by the sender, made safe for a message.
    pub(crate) fn named(value: &str) -> String {
        server_text(value)
    }
}

/// The HTTP answer to a notification, as WeChat Pay reads it: `204` with an empty body means
/// received; any `4xx`/`5xx` with `{"code":"FAIL","message":…}` means "deliver again later".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyReply {
    status: StatusCode,
    body: Vec<u8>,
}

impl NotifyReply {
    /// Received (`204 No Content`): WeChat Pay stops delivering this notification.
    pub fn success() -> Self {
        Self { status: StatusCode::NO_CONTENT, body: Vec::new() }
    }

    /// Not received: WeChat Pay delivers it again later. A `status` that is not a 4xx or 5xx
    /// becomes `500`, so that a failure can never read as success.
    pub fn failure(status: StatusCode, message: &str) -> Self {
        let status = if status.is_client_error() || status.is_server_error() {
            status
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        };
        let body = serde_json::json!({ "code": "FAIL", "message": message });
        Self { status, body: body.to_string().into_bytes() }
    }

    /// Whether this answer tells WeChat Pay the notification was received.
    pub fn is_success(&self) -> bool {
        self.status.is_success()
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The body: empty on success, `{"code":"FAIL",…}` otherwise.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// As an `http` response (`Content-Type: application/json` on a failure).
    pub fn into_response(self) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(self.body);
        *response.status_mut() = self.status;
        if !self.status.is_success() {
            response.headers_mut().insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/json"),
            );
        }
        response
    }
}
