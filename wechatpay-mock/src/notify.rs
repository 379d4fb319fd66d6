//! Notifications the sandbox delivers to a merchant's `notify_url`, built from its own reading of
//! the protocol: the envelope, the resource sealed with AES-256-GCM under the APIv3 key
//! (`associated_data` as AAD, a 12-character nonce, base64 of ciphertext ‖ tag), and the
//! signature over `TIMESTAMP\nNONCE\nBODY\n` as on its answers. Each [`NotificationKind`] but
//! [`Normal`](NotificationKind::Normal) and [`Replayed`](NotificationKind::Replayed) is one a
//! correct receiver refuses.

use std::time::Duration;

use axum::body::{Body, to_bytes};
use http::header::{CONTENT_TYPE, HOST, USER_AGENT};
use http::{Request, Uri};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::net::TcpStream;
use wechatpay_apiv3_core::ApiV3Key;

use crate::faults::Signing;
use crate::protocol::{NONCE, SERIAL, SIGNATURE, SIGNATURE_TYPE, TIMESTAMP, beijing_time};
use crate::respond::{Signed, fresh_nonce, signature_headers, tamper};
use crate::state::Shared;
use crate::{Error, demo};

/// How long one delivery may take, connection to last byte of the answer (WeChat Pay's own
/// limit is about 5 s; a test must not hang on a receiver that never answers).
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest answer read back from a receiver.
const MAX_ANSWER: usize = 64 * 1024;

/// How a delivered notification is built: genuine, or forged in one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotificationKind {
    /// Genuine: signed by the sandbox's key under its ID, encrypted with its APIv3 key.
    Normal,
    /// Genuine, delivered twice with the very same headers and body (same `id` and nonce), as
    /// WeChat Pay does when it did not get (or believe) the first answer.
    Replayed,
    /// Signed over one body, delivered with another (a field added to the envelope).
    Tampered,
    /// `Wechatpay-Timestamp` ten minutes in the past; the signature over it is correct.
    Stale,
    /// WeChat Pay's deliberate probe: `Wechatpay-Signature: WECHATPAY/SIGNTEST/…`.
    Probe,
    /// Signed by a key no receiver knows, under its ID
    /// ([`demo::UNKNOWN_PUBLIC_KEY_ID`](crate::demo::UNKNOWN_PUBLIC_KEY_ID)).
    UnknownSerial,
    /// Correctly signed, but the resource is encrypted with another APIv3 key
    /// ([`demo::OTHER_APIV3_KEY`](crate::demo::OTHER_APIV3_KEY)).
    WrongApiV3Key,
}

impl NotificationKind {
    /// Every kind, for tests that go through them all.
    pub const ALL: [NotificationKind; 7] = [
        NotificationKind::Normal,
        NotificationKind::Replayed,
        NotificationKind::Tampered,
        NotificationKind::Stale,
        NotificationKind::Probe,
        NotificationKind::UnknownSerial,
        NotificationKind::WrongApiV3Key,
    ];

    /// Whether a correct receiver accepts it (answers 2xx and processes it once).
    pub fn is_genuine(self) -> bool {
        matches!(self, NotificationKind::Normal | NotificationKind::Replayed)
    }

    fn signing(self) -> Signing {
        match self {
            NotificationKind::Tampered => Signing::TamperedBody,
            NotificationKind::Stale => Signing::Stale,
            NotificationKind::Probe => Signing::Probe,
            NotificationKind::UnknownSerial => Signing::UnknownSerial,
            _ => Signing::Correct,
        }
    }
}

/// What a receiver answered to one delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationAnswer {
    /// The HTTP status.
    pub status: u16,
    /// The body as received.
    pub body: Vec<u8>,
}

/// One notification delivered: its `id` and the receiver's answer to each attempt (two for
/// [`NotificationKind::Replayed`], one otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The notification's `id`.
    pub id: String,
    /// The answers, in order.
    pub answers: Vec<NotificationAnswer>,
}

/// A notification as sent: its `id`, headers (name, value) and body bytes.
struct Built {
    id: String,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

fn build(
    shared: &Shared,
    kind: NotificationKind,
    event_type: &str,
    resource: &Value,
) -> Result<Built, Error> {
    let id = notification_id(shared);
    let original_type = event_type.split('.').next().unwrap_or_default().to_ascii_lowercase();
    let other_key;
    let key = if kind == NotificationKind::WrongApiV3Key {
        other_key = ApiV3Key::new(demo::OTHER_APIV3_KEY)?;
        &other_key
    } else {
        &shared.api_v3_key
    };
    let nonce: String = fresh_nonce().chars().take(12).collect();
    let ciphertext = key
        .encrypt(&nonce, &original_type, resource.to_string().as_bytes())
        .map_err(|error| Error::Deliver(error.to_string()))?;
    let body = json!({
        "id": id,
        "create_time": beijing_time(shared.clock.now()),
        "resource_type": "encrypt-resource",
        "event_type": event_type,
        "summary": summary(event_type),
        "resource": {
            "original_type": original_type,
            "algorithm": "AEAD_AES_256_GCM",
            "ciphertext": ciphertext,
            "associated_data": original_type,
            "nonce": nonce,
        },
    })
    .to_string()
    .into_bytes();
    let signing = kind.signing();
    let Signed { timestamp, nonce, signature, serial } =
        signature_headers(shared, &body, signing, None)
            .ok_or_else(|| Error::Deliver("the sandbox failed to sign the notification".into()))?;
    let body = if signing == Signing::TamperedBody { tamper(&body) } else { body };
    let serial = serial.to_str().unwrap_or_default().to_owned();
    let headers = vec![
        (TIMESTAMP, timestamp),
        (NONCE, nonce),
        (SIGNATURE, signature),
        (SERIAL, serial),
        (SIGNATURE_TYPE, crate::protocol::SCHEME.to_owned()),
    ];
    Ok(Built { id, headers, body })
}

/// POSTs the notification to `url` (`http://host:port/path`) once, or twice for a replay.
pub(crate) async fn deliver(
    shared: &Shared,
    url: &str,
    kind: NotificationKind,
    event_type: &str,
    resource: &Value,
) -> Result<Delivered, Error> {
    let uri: Uri = url.parse().map_err(|_| Error::Deliver(format!("not a URL: {url:?}")))?;
    if uri.scheme_str() != Some("http") || uri.host().is_none() {
        return Err(Error::Deliver(format!(
            "the sandbox delivers to http://host[:port]/… only, not {url:?}"
        )));
    }
    let Built { id, headers, body } = build(shared, kind, event_type, resource)?;
    let attempts = if kind == NotificationKind::Replayed { 2 } else { 1 };
    let mut answers = Vec::with_capacity(attempts);
    for _ in 0..attempts {
        let request = request(&uri, &headers, body.clone())?;
        let answer =
            tokio::time::timeout(DELIVERY_TIMEOUT, post(&uri, request)).await.map_err(|_| {
                Error::Deliver(format!("{url} did not answer within {DELIVERY_TIMEOUT:?}"))
            })??;
        answers.push(answer);
    }
    Ok(Delivered { id, answers })
}

fn request(
    uri: &Uri,
    headers: &[(&'static str, String)],
    body: Vec<u8>,
) -> Result<Request<Body>, Error> {
    let authority = uri.authority().map(|a| a.as_str()).unwrap_or_default();
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let mut builder = Request::post(target)
        .header(HOST, authority)
        .header(CONTENT_TYPE, "application/json")
        .header(USER_AGENT, "wechatpay-apiv3-mock (notification)");
    for (name, value) in headers {
        builder = builder.header(*name, value);
    }
    builder.body(Body::from(body)).map_err(|error| Error::Deliver(error.to_string()))
}

async fn post(uri: &Uri, request: Request<Body>) -> Result<NotificationAnswer, Error> {
    let host = uri.host().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
    let port = uri.port_u16().unwrap_or(80);
    let failed =
        |what: &str, error: &dyn std::fmt::Display| Error::Deliver(format!("{what}: {error}"));
    let stream = TcpStream::connect((host, port)).await.map_err(|e| failed("connect", &e))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| failed("handshake", &e))?;
    let driver = tokio::spawn(connection);
    let response = sender.send_request(request).await.map_err(|e| failed("send", &e));
    let answer = match response {
        Ok(response) => {
            let status = response.status().as_u16();
            let body = to_bytes(Body::new(response.into_body()), MAX_ANSWER)
                .await
                .map_err(|e| failed("read the answer", &e))?;
            Ok(NotificationAnswer { status, body: body.to_vec() })
        }
        Err(error) => Err(error),
    };
    driver.abort();
    answer
}

/// A fresh notification ID in WeChat Pay's shape (a UUID's 8-4-4-4-12 hex groups).
fn notification_id(shared: &Shared) -> String {
    let n = shared.counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let random: String = fresh_nonce().bytes().map(|b| format!("{:x}", b % 16)).take(20).collect();
    format!(
        "{}-{}-{}-{}-{:012x}",
        &random[..8],
        &random[8..12],
        &random[12..16],
        &random[16..20],
        n
    )
}

fn summary(event_type: &str) -> &'static str {
    match event_type {
        "TRANSACTION.SUCCESS" => "支付成功",
        "REFUND.SUCCESS" => "退款成功",
        "REFUND.ABNORMAL" => "退款异常",
        "REFUND.CLOSED" => "退款关闭",
        _ => "通知",
    }
}
