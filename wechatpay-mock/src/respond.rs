//! Answers: WeChat Pay's error bodies, and the signature headers every answer carries.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::response::Response;
use bytes::Bytes;
use http::StatusCode;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use http_body::Frame;
use serde::Serialize;
use tokio::time::Sleep;
use wechatpay_apiv3_core::{NonceSource, OsNonce};

use crate::certificates::MockCertificate;
use crate::demo;
use crate::faults::{Delivery, Signing};
use crate::protocol::{self, PROBE_PREFIX, REQUEST_ID, answer_message};
use crate::state::Shared;

/// How long a truncated body waits, after its first half, before the connection is closed (so
/// that the first half is flushed first).
const TRUNCATE_AFTER: Duration = Duration::from_millis(50);

/// How far in the past [`Signing::Stale`] puts `Wechatpay-Timestamp`.
const STALE_BY_SECS: i64 = 600;

/// An answer before signing.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Vec<u8>,
    pub(crate) content_type: &'static str,
    /// Extra headers (`Retry-After`).
    pub(crate) headers: Vec<(&'static str, String)>,
}

/// The `detail` of a `PARAM_ERROR`: which field and what is wrong, never its value.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Detail {
    pub(crate) field: String,
    pub(crate) location: &'static str,
    pub(crate) issue: String,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a Detail>,
}

impl Answer {
    /// A JSON answer.
    pub(crate) fn json(status: StatusCode, body: impl Into<Vec<u8>>) -> Self {
        Self { status, body: body.into(), content_type: "application/json", headers: Vec::new() }
    }

    /// `{"code":…,"message":…}`.
    pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Self {
        Self::error_with_detail(status, code, message, None)
    }

    /// `{"code":…,"message":…,"detail":{…}}`.
    pub(crate) fn error_with_detail(
        status: StatusCode,
        code: &str,
        message: &str,
        detail: Option<&Detail>,
    ) -> Self {
        let body = serde_json::to_vec(&ErrorBody { code, message, detail })
            .expect("an error body always serializes");
        Self::json(status, body)
    }

    /// `401 SIGN_ERROR`.
    pub(crate) fn sign_error(message: &str) -> Self {
        Self::error(StatusCode::UNAUTHORIZED, "SIGN_ERROR", message)
    }

    /// `400 PARAM_ERROR` with a `detail`.
    pub(crate) fn param_error(message: &str, detail: Detail) -> Self {
        Self::error_with_detail(StatusCode::BAD_REQUEST, "PARAM_ERROR", message, Some(&detail))
    }

    /// `400 PARAM_ERROR` without a `detail`.
    pub(crate) fn param_error_plain(message: &str) -> Self {
        Self::error(StatusCode::BAD_REQUEST, "PARAM_ERROR", message)
    }

    /// `404 NOT_FOUND`.
    pub(crate) fn not_found() -> Self {
        Self::error(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "no such API in the sandbox (method and path as sent)",
        )
    }

    /// The `code` of an error body, if this is one.
    pub(crate) fn error_code(&self) -> Option<String> {
        let value: serde_json::Value = serde_json::from_slice(&self.body).ok()?;
        value.get("code")?.as_str().map(str::to_owned)
    }
}

/// Signs `answer` as `signing` says, with `signer` (else the WeChat Pay public key), and builds
/// the response, its body cut short or stalled as `delivery` says. Returns it with the body
/// bytes signed and announced.
pub(crate) fn finish(
    shared: &Shared,
    answer: Answer,
    signing: Signing,
    delivery: Delivery,
    request_id: &str,
    signer: Option<&MockCertificate>,
) -> (Response, Vec<u8>) {
    let mut sent = answer.body.clone();
    let mut builder = Response::builder()
        .status(answer.status)
        .header(CONTENT_TYPE, answer.content_type)
        .header(REQUEST_ID, request_id);
    for (name, value) in &answer.headers {
        builder = builder.header(*name, value);
    }
    if signing != Signing::Unsigned {
        match signature_headers(shared, &answer.body, signing, signer) {
            Some(signed) => {
                builder = builder
                    .header(protocol::TIMESTAMP, signed.timestamp)
                    .header(protocol::NONCE, signed.nonce)
                    .header(protocol::SIGNATURE, signed.signature)
                    .header(protocol::SERIAL, signed.serial);
            }
            None => {
                // Signing failed (it does not with the shipped keys): say so, unsigned.
                let failure = Answer::error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "SYSTEM_ERROR",
                    "the sandbox failed to sign its answer",
                );
                sent = failure.body.clone();
                builder = builder.status(failure.status);
            }
        }
        if signing == Signing::TamperedBody {
            sent = tamper(&sent);
        }
    }
    let body = match delivery {
        Delivery::Truncate => {
            let half = Bytes::copy_from_slice(&sent[..sent.len() / 2]);
            builder = builder.header(CONTENT_LENGTH, sent.len());
            Body::new(CutShort {
                first: Some(half),
                wait: Box::pin(tokio::time::sleep(TRUNCATE_AFTER)),
            })
        }
        Delivery::StallAfterHeaders(stall) => {
            builder = builder.header(CONTENT_LENGTH, sent.len());
            Body::new(CutShort { first: None, wait: Box::pin(tokio::time::sleep(stall)) })
        }
        _ => Body::from(sent.clone()),
    };
    let response = builder.body(body).unwrap_or_else(|_| {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response
    });
    (response, sent)
}

/// The four signature headers of an answer or notification.
pub(crate) struct Signed {
    pub(crate) timestamp: String,
    pub(crate) nonce: String,
    pub(crate) signature: String,
    pub(crate) serial: HeaderValue,
}

/// Signs `body` as `signing` says, with `signer` instead of the platform public key's pair when
/// given (the body itself is left alone; see [`tamper`]).
pub(crate) fn signature_headers(
    shared: &Shared,
    body: &[u8],
    signing: Signing,
    signer: Option<&MockCertificate>,
) -> Option<Signed> {
    let mut now = shared.clock.now();
    if signing == Signing::Stale {
        now -= STALE_BY_SECS;
    }
    let timestamp = now.to_string();
    let nonce = fresh_nonce();
    let message = answer_message(&timestamp, &nonce, body);
    let (own_key, own_serial) = match signer {
        Some(certificate) => (certificate.key(), certificate.serial()),
        None => (&shared.platform_key, shared.public_key_id.as_str()),
    };
    let (key, serial) = match signing {
        Signing::WrongKey => (&shared.other_key, own_serial),
        Signing::UnknownSerial => (&shared.other_key, demo::UNKNOWN_PUBLIC_KEY_ID),
        _ => (own_key, own_serial),
    };
    let mut signature = match signing {
        Signing::Probe => shared.other_key.sign_base64(&message).ok()?,
        _ => key.sign_base64(&message).ok()?,
    };
    if signing == Signing::Probe {
        signature = format!("{PROBE_PREFIX}{signature}");
    }
    Some(Signed { timestamp, nonce, signature, serial: HeaderValue::from_str(serial).ok()? })
}

/// A new `Request-ID`: a counter and randomness.
pub(crate) fn request_id(shared: &Shared) -> String {
    let number = shared.counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("MOCK{number:08X}{}", &fresh_nonce()[..20])
}

/// A fresh 32-character `[0-9A-Za-z]` nonce.
pub(crate) fn fresh_nonce() -> String {
    OsNonce.nonce().unwrap_or_else(|_| {
        // The OS CSPRNG failed; uniqueness is all an answer nonce needs here.
        use std::sync::atomic::{AtomicU64, Ordering};
        static FALLBACK: AtomicU64 = AtomicU64::new(0);
        format!("{:032}", FALLBACK.fetch_add(1, Ordering::Relaxed))
    })
}

/// Another body than the one signed: a field added to a JSON object, or a byte appended.
pub(crate) fn tamper(body: &[u8]) -> Vec<u8> {
    if let Ok(serde_json::Value::Object(mut object)) = serde_json::from_slice(body) {
        object.insert("tampered".into(), serde_json::Value::Bool(true));
        if let Ok(bytes) = serde_json::to_vec(&object) {
            return bytes;
        }
    }
    let mut bytes = body.to_vec();
    bytes.push(b' ');
    bytes
}

/// A body that sends `first` (if any), waits, then fails, which makes hyper close the
/// connection before the announced `Content-Length` is reached.
struct CutShort {
    first: Option<Bytes>,
    wait: Pin<Box<Sleep>>,
}

impl http_body::Body for CutShort {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        if let Some(first) = self.first.take().filter(|first| !first.is_empty()) {
            return Poll::Ready(Some(Ok(Frame::data(first))));
        }
        match self.wait.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Some(Err(io::Error::other("answer cut short (fault)")))),
            Poll::Pending => Poll::Pending,
        }
    }
}
