//! The HTTP client: one connection pool, signing every attempt, verifying every 2xx answer.

mod builder;
mod certificates;
mod env;
mod retry;

use std::sync::{Arc, PoisonError, RwLock};

use http::HeaderMap;
use tracing::Instrument;

pub use builder::ClientBuilder;
pub use retry::RetryPolicy;

use crate::aead::ApiV3Key;
use crate::error::{ApiErrorDetail, Error, TransportKind, server_text};
use crate::key_store::WechatPayKeys;
use crate::protocol::headers;
use crate::request::{Prepared, PreparedRequest, WechatRequest};
use crate::response::ApiResponse as _;
use crate::sign::{Authorization, Signer};

/// The production host of APIv3.
pub const DEFAULT_BASE_URL: &str = "https://api.mch.weixin.qq.com";

/// A WeChat Pay APIv3 client for one merchant. Cheap to clone (`Arc` inside), `Send + Sync`;
/// every clone shares one connection pool.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    base_url: String,
    signer: Signer,
    /// The keys configured when building: every refreshed set starts from them.
    configured: WechatPayKeys,
    /// The set in use, replaced whole by a certificate refresh; the lock is held only to clone
    /// or swap the `Arc`, so a send never waits for a refresh.
    keys: RwLock<Arc<WechatPayKeys>>,
    apiv3_key: Option<ApiV3Key>,
    /// The background certificate refresh, stopped when the client is dropped.
    #[expect(dead_code, reason = "held for its Drop, which stops the task")]
    refresher: Option<certificates::Refresher>,
    retry: RetryPolicy,
    user_agent: Option<http::HeaderValue>,
    max_response_bytes: usize,
    connect_timeout: std::time::Duration,
    timeout: std::time::Duration,
}

/// A complete answer: status, headers and body bytes as received.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    fn request_id(&self) -> Option<String> {
        let id = self.headers.get(headers::REQUEST_ID)?.to_str().ok()?;
        Some(server_text(id))
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `WECHATPAY_MCHID`, `WECHATPAY_MCH_SERIAL`,
    /// `WECHATPAY_MCH_KEY_PATH`, `WECHATPAY_PUBLIC_KEY_ID`, `WECHATPAY_PUBLIC_KEY_PATH` and the
    /// optional `WECHATPAY_BASE_URL` and `WECHATPAY_APIV3_KEY_PATH` (a file holding the APIv3
    /// key; with it, the public key variables may be left out for a merchant that downloads
    /// platform certificates). The error names the first variable missing.
    pub fn from_env() -> Result<Self, Error> {
        env::builder_from(|name| std::env::var(name).ok())?.build()
    }

    /// The request signer (merchant ID, serial and private key).
    pub fn signer(&self) -> &Signer {
        &self.inner.signer
    }

    /// WeChat Pay's keys in use now: verify answers and notifications, encrypt sensitive fields.
    /// A snapshot: a certificate refresh replaces the set, never changes one handed out.
    pub fn wechatpay_keys(&self) -> Arc<WechatPayKeys> {
        self.inner.keys.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// validate → encrypt → serialize → sign → send → verify → decode → business check. Nothing
    /// is sent if validation or encryption fails; no answer whose signature does not verify is
    /// returned as a success.
    ///
    /// Exactly once: a request is sent again only when it provably was not acted on (the
    /// connection could not be established, or WeChat Pay answered 429 rate-limited) or when it
    /// is idempotent ([`WechatRequest::IDEMPOTENT`]). Any other failure after the request was
    /// written is [`Error::OutcomeUnknown`] for a request that is not idempotent.
    pub async fn send<R: WechatRequest>(&self, request: &R) -> Result<R::Response, Error> {
        self.send_with_body(request).await.map(|(response, _)| response)
    }

    /// [`Client::send`], also returning the verified answer's body exactly as received: for
    /// tools that show WeChat Pay's answer as it came (the command line) rather than re-encode
    /// the decoded type. The body is returned only on success, so it always passed verification,
    /// the business check and decoding.
    pub async fn send_with_body<R: WechatRequest>(
        &self,
        request: &R,
    ) -> Result<(R::Response, Vec<u8>), Error> {
        let span = tracing::info_span!("wechatpay", method = %R::METHOD, path = R::PATH);
        let prepared = span.in_scope(|| Prepared::new(request, &self.wechatpay_keys()))?;
        self.send_ready(&prepared).instrument(span).await
    }

    /// Sends a request prepared ahead with [`Prepared::new`]: sign → send (with the retries the
    /// exactly-once rules allow) → verify → business check → decode, as [`Client::send`] does
    /// after preparing; the verified body comes back too, as from [`Client::send_with_body`].
    /// Every attempt is signed anew, so a prepared request can wait for its turn.
    pub async fn send_prepared<R: WechatRequest>(
        &self,
        prepared: &Prepared<R>,
    ) -> Result<(R::Response, Vec<u8>), Error> {
        let span = tracing::info_span!("wechatpay", method = %R::METHOD, path = R::PATH);
        self.send_ready(prepared).instrument(span).await
    }

    async fn send_ready<R: WechatRequest>(
        &self,
        prepared: &Prepared<R>,
    ) -> Result<(R::Response, Vec<u8>), Error> {
        if !self.wechatpay_keys().can_verify_now() {
            // WeChat Pay would act on the request, but its answer could not be verified.
            return Err(Error::Setup(
                "no WeChat Pay public key or currently valid platform certificate is configured to verify the answer: nothing was sent".into(),
            ));
        }
        let answer = self.execute(prepared.request(), R::LOOKUP).await?;
        // The keys in use when the answer arrived: a refresh meanwhile may have added its signer.
        verify_answer(&answer, &self.wechatpay_keys())?;
        let request_id = answer.request_id();
        let body: &[u8] = if answer.body.is_empty() { b"null" } else { &answer.body };
        R::Response::check_business(body, request_id.as_deref())?;
        let response = serde_json::from_slice(body)
            .map_err(|error| Error::decode(&error, request_id.as_deref()))?;
        Ok((response, answer.body))
    }

    /// Sends, signing every attempt anew, with the retries the exactly-once rules allow; returns
    /// the 2xx answer, for the caller to verify.
    async fn execute(
        &self,
        prepared: &PreparedRequest,
        lookup: Option<&'static str>,
    ) -> Result<Answer, Error> {
        let mut attempt = 1;
        loop {
            let authorization = prepared.sign(&self.inner.signer)?;
            let outcome = self.attempt(prepared, &authorization, attempt).await?;
            match retry::decide(&outcome, prepared.idempotent, attempt - 1, &self.inner.retry) {
                Some(wait) => {
                    tracing::info!(attempt, wait_ms = wait.as_millis() as u64, "retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                None => return self.conclude(outcome, prepared, lookup),
            }
        }
    }

    /// The 2xx answer (not yet verified), or the error the last attempt's outcome stands for.
    fn conclude(
        &self,
        outcome: Outcome,
        prepared: &PreparedRequest,
        lookup: Option<&'static str>,
    ) -> Result<Answer, Error> {
        let unknown = |cause: String, request_id: Option<String>| Error::OutcomeUnknown {
            method: prepared.method,
            path: prepared.path().to_owned(),
            cause,
            lookup,
            request_id,
        };
        match outcome {
            Outcome::Answered(answer) => {
                let request_id = answer.request_id();
                if (200..300).contains(&answer.status) {
                    return Ok(answer);
                }
                let error = api_error(&answer, request_id.clone());
                if answer.status >= 500 && !prepared.idempotent {
                    return Err(unknown(error.to_string(), request_id));
                }
                Err(error)
            }
            Outcome::NotSent(failure) => Err(failure.into_error()),
            Outcome::Broken(failure) if prepared.idempotent => Err(failure.into_error()),
            Outcome::Broken(failure) => Err(unknown(failure.message, None)),
        }
    }

    /// One HTTP exchange. `Err` only for what is not the network's doing (nothing was sent).
    async fn attempt(
        &self,
        prepared: &PreparedRequest,
        authorization: &Authorization,
        attempt: u32,
    ) -> Result<Outcome, Error> {
        let url = format!("{}{}", self.inner.base_url, prepared.target);
        let mut headers = prepared.headers(authorization)?;
        if let Some(user_agent) = &self.inner.user_agent {
            headers.insert(http::header::USER_AGENT, user_agent.clone());
        }
        let sent = self
            .inner
            .http
            .request(prepared.method.to_http(), url)
            .headers(headers)
            .body(prepared.body.clone())
            .send()
            .await;
        let mut response = match sent {
            Ok(response) => response,
            Err(error) if error.is_builder() => {
                return Err(Error::Setup(format!(
                    "the HTTP request could not be built: {}",
                    error.without_url()
                )));
            }
            Err(error) => return Ok(self.transport_failure(&error, Phase::Sending, attempt)),
        };
        let status = response.status().as_u16();
        let headers = std::mem::take(response.headers_mut());
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > self.inner.max_response_bytes {
                        let message = format!(
                            "the answer exceeds {} bytes (status {status})",
                            self.inner.max_response_bytes
                        );
                        tracing::warn!(attempt, status, "the answer is too large");
                        let failure =
                            Failure { kind: TransportKind::TooLarge, message, repeatable: false };
                        return Ok(Outcome::Broken(failure));
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(error) => {
                    return Ok(self.transport_failure(&error, Phase::Reading(status), attempt));
                }
            }
        }
        let answer = Answer { status, headers, body };
        tracing::info!(attempt, status, request_id = answer.request_id().as_deref(), "answered");
        Ok(Outcome::Answered(answer))
    }

    /// What a reqwest error means for exactly-once, described with where it happened, and logged.
    fn transport_failure(&self, error: &reqwest::Error, phase: Phase, attempt: u32) -> Outcome {
        let peer = peer(&self.inner.base_url);
        let cause = root_cause(error);
        if error.is_connect() && phase == Phase::Sending {
            let what = if error.is_timeout() {
                format!("could not connect within {:?}", self.inner.connect_timeout)
            } else {
                "could not connect".to_owned()
            };
            let message = format!("{what} to {peer}: {cause}; the request was not sent");
            tracing::warn!(attempt, error = %message, "no answer");
            return Outcome::NotSent(Failure {
                kind: TransportKind::Connect,
                message,
                repeatable: true,
            });
        }
        let (kind, what) = if error.is_timeout() {
            (TransportKind::Timeout, format!("timed out after {:?}", self.inner.timeout))
        } else {
            (TransportKind::Interrupted, "the connection broke".to_owned())
        };
        let when = match phase {
            Phase::Sending => "after the request was written (or while writing it)".to_owned(),
            Phase::Reading(status) => format!("while the {status} answer's body was arriving"),
        };
        let message = format!("{what} {when} ({peer}): {cause}");
        tracing::warn!(attempt, error = %message, "no answer");
        // No content decoding is enabled, so a body error is a transfer cut short: worth another
        // attempt for an idempotent request. The JSON is decoded after verification, as
        // `Error::Decode`, which is never retried.
        Outcome::Broken(Failure { kind, message, repeatable: true })
    }
}

/// What one attempt ended in, as the exactly-once rules see it.
pub(crate) enum Outcome {
    /// A complete answer, any status.
    Answered(Answer),
    /// The connection could not be established: the request was never written.
    NotSent(Failure),
    /// The request was, or may have been, written; then the exchange broke.
    Broken(Failure),
}

/// A transport failure, described.
pub(crate) struct Failure {
    kind: TransportKind,
    message: String,
    /// Whether trying again could help (not for an answer too large).
    pub(crate) repeatable: bool,
}

impl Failure {
    fn into_error(self) -> Error {
        Error::Transport { kind: self.kind, message: self.message }
    }
}

/// Where an exchange was when it failed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Connecting or writing the request, or waiting for the answer's head.
    Sending,
    /// Reading the body of an answer with this status.
    Reading(u16),
}

/// Checks a 2xx answer's signature with `keys`; a failure is `Error::Verification`, logged.
fn verify_answer(answer: &Answer, keys: &WechatPayKeys) -> Result<(), Error> {
    keys.verify(&answer.headers, &answer.body)
        .inspect_err(|kind| tracing::warn!(%kind, "the answer failed verification"))
        .map_err(|kind| Error::Verification { kind, request_id: answer.request_id() })
}

/// `host:port` of the base URL, for messages (never user-info or a path).
fn peer(base_url: &str) -> String {
    match reqwest::Url::parse(base_url) {
        Ok(url) => format!(
            "{}:{}",
            url.host_str().unwrap_or("?"),
            url.port_or_known_default().map_or_else(|| "?".to_owned(), |port| port.to_string())
        ),
        Err(_) => "the base URL".to_owned(),
    }
}

/// The innermost cause of a reqwest error ("Connection refused (os error 111)"), which says
/// what happened without a URL.
fn root_cause(error: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    server_text(&cause.to_string())
}

/// The `Error::Api` for a non-2xx answer; tolerant of bodies that are not APIv3 error JSON.
/// The answer is not verified (WeChat Pay may leave errors unsigned), so its texts are bounded
/// and `detail.value`, which echoes what was sent, is never read.
fn api_error(answer: &Answer, request_id: Option<String>) -> Error {
    #[derive(serde::Deserialize, Default)]
    struct Body {
        #[serde(default)]
        code: String,
        #[serde(default)]
        message: String,
        #[serde(default)]
        detail: Option<ApiErrorDetail>,
    }
    let body: Body = serde_json::from_slice(&answer.body).unwrap_or_default();
    let detail = body.detail.map(|detail| {
        Box::new(ApiErrorDetail {
            field: detail.field.as_deref().map(server_text),
            location: detail.location.as_deref().map(server_text),
            issue: detail.issue.as_deref().map(server_text),
        })
    });
    Error::Api {
        status: answer.status,
        code: server_text(&body.code),
        message: server_text(&body.message),
        detail,
        request_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Answer {
        Answer { status, headers: HeaderMap::new(), body: body.as_bytes().to_vec() }
    }

    #[test]
    fn api_errors_keep_the_field_but_never_the_echoed_value() {
        let body = r#"{"code":"PARAM_ERROR","message":"bad\nforged log line","detail":{"field":"data[0].tel","value":"13912345678","issue":"invalid","location":"body"}}"#;
        let error = api_error(&answer(400, body), Some("RID".into()));
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("13912345678"), "{shown}");
        assert!(!shown.contains('\n'), "control characters are replaced: {shown}");
        let Error::Api { status, code, detail, .. } = error else { panic!("{error:?}") };
        assert_eq!((status, code.as_str()), (400, "PARAM_ERROR"));
        assert_eq!(detail.and_then(|d| d.field).as_deref(), Some("data[0].tel"));
    }

    #[test]
    fn api_errors_tolerate_bodies_that_are_not_error_json() {
        for body in ["", "<html>502</html>", "[1,2]", r#"{"code":5}"#] {
            let error = api_error(&answer(502, body), None);
            assert!(matches!(error, Error::Api { status: 502, .. }), "{body}: {error:?}");
        }
        let long = format!(r#"{{"code":"X","message":"{}"}}"#, "长".repeat(10_000));
        let Error::Api { message, .. } = api_error(&answer(500, &long), None) else { panic!() };
        assert_eq!(message.chars().count(), 256);
    }
}
