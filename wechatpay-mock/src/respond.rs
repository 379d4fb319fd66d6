//! Answers: WeChat Pay's error bodies, and the signature headers every answer carries.

use axum::body::Body;
use axum::response::Response;
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderValue};
use serde::Serialize;
use wechatpay_core::{NonceSource, OsNonce, PROBE_PREFIX, headers, response_message};

use crate::demo;
use crate::faults::Signing;
use crate::server::Shared;

/// The `Request-ID` header.
pub(crate) const REQUEST_ID: &str = "Request-ID";

/// How far in the past [`Signing::Stale`] puts `Wechatpay-Timestamp`.
const STALE_BY_SECS: i64 = 600;

/// An answer before signing.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Vec<u8>,
    pub(crate) content_type: &'static str,
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
        Self { status, body: body.into(), content_type: "application/json" }
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

    /// The answer of a [`Fault::Status`](crate::Fault::Status).
    pub(crate) fn status_fault(code: u16) -> Self {
        let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let (code, message) = match status.as_u16() {
            400 => ("PARAM_ERROR", "参数错误 (injected fault)"),
            401 => ("SIGN_ERROR", "签名错误 (injected fault)"),
            403 => ("NO_AUTH", "商户无权限 (injected fault)"),
            404 => ("NOT_FOUND", "资源不存在 (injected fault)"),
            429 => ("RATELIMIT_EXCEEDED", "请求超过频率限制 (injected fault)"),
            502..=504 => ("SERVICE_UNAVAILABLE", "服务不可用，请稍后重试 (injected fault)"),
            other if (400..500).contains(&other) => {
                ("INVALID_REQUEST", "请求无效 (injected fault)")
            }
            other if (500..600).contains(&other) => ("SYSTEM_ERROR", "系统错误 (injected fault)"),
            _ => return Self::json(status, Vec::new()),
        };
        Self::error(status, code, message)
    }

    /// `200` with a body that is not JSON.
    pub(crate) fn non_json() -> Self {
        Self {
            status: StatusCode::OK,
            body: b"<html><body>502 Bad Gateway (injected fault)</body></html>".to_vec(),
            content_type: "text/html; charset=utf-8",
        }
    }

    /// `200` with a Zhejiang-family business answer.
    pub(crate) fn business(resp_code: &str, resp_desc: &str, error_data: &[String]) -> Self {
        #[derive(Serialize)]
        struct Business<'a> {
            resp_code: &'a str,
            resp_desc: &'a str,
            error_data: &'a [String],
        }
        let body = serde_json::to_vec(&Business { resp_code, resp_desc, error_data })
            .expect("a business body always serializes");
        Self::json(StatusCode::OK, body)
    }

    /// The `code` of an error body, if this is one.
    pub(crate) fn error_code(&self) -> Option<String> {
        let value: serde_json::Value = serde_json::from_slice(&self.body).ok()?;
        value.get("code")?.as_str().map(str::to_owned)
    }
}

/// Signs `answer` as `signing` says and builds the response. Returns it with the body bytes
/// actually sent.
pub(crate) fn finish(
    shared: &Shared,
    answer: Answer,
    signing: Signing,
    request_id: &str,
) -> (Response, Vec<u8>) {
    let mut sent = answer.body.clone();
    let mut builder = Response::builder()
        .status(answer.status)
        .header(CONTENT_TYPE, answer.content_type)
        .header(REQUEST_ID, request_id);
    if signing != Signing::Unsigned {
        match signature_headers(shared, &answer.body, signing) {
            Some(signed) => {
                builder = builder
                    .header(headers::TIMESTAMP, signed.timestamp)
                    .header(headers::NONCE, signed.nonce)
                    .header(headers::SIGNATURE, signed.signature)
                    .header(headers::SERIAL, signed.serial);
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
    let response = builder.body(Body::from(sent.clone())).unwrap_or_else(|_| {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response
    });
    (response, sent)
}

struct Signed {
    timestamp: String,
    nonce: String,
    signature: String,
    serial: HeaderValue,
}

fn signature_headers(shared: &Shared, body: &[u8], signing: Signing) -> Option<Signed> {
    let mut now = shared.clock.now();
    if signing == Signing::Stale {
        now -= STALE_BY_SECS;
    }
    let timestamp = now.to_string();
    let nonce = fresh_nonce();
    let message = response_message(&timestamp, &nonce, body);
    let (key, serial) = match signing {
        Signing::WrongKey => (&shared.other_key, shared.public_key_id.as_str()),
        Signing::UnknownSerial => (&shared.other_key, demo::UNKNOWN_PUBLIC_KEY_ID),
        _ => (&shared.platform_key, shared.public_key_id.as_str()),
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
fn tamper(body: &[u8]) -> Vec<u8> {
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
