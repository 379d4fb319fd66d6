//! The HTTP client: one connection pool, signing every attempt, verifying every 2xx answer.

mod builder;
mod env;
mod retry;

use std::sync::Arc;

use http::HeaderMap;
use tracing::Instrument;

pub use builder::ClientBuilder;
pub use retry::RetryPolicy;

use crate::error::{ApiErrorDetail, Error, TransportKind, json_error_summary, server_text};
use crate::request::{PreparedRequest, WechatRequest};
use crate::response::ApiResponse as _;
use crate::sign::Signer;
use crate::verify::WechatPayKeys;

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
    keys: WechatPayKeys,
    retry: RetryPolicy,
    user_agent: Option<http::HeaderValue>,
    max_response_bytes: usize,
}

/// A complete answer: status, headers and body bytes as received.
struct Answer {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn request_id(&self) -> Option<String> {
        let id = self.headers.get("Request-ID")?.to_str().ok()?;
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
    /// optional `WECHATPAY_BASE_URL`. The error names the first variable missing.
    pub fn from_env() -> Result<Self, Error> {
        env::builder_from(|name| std::env::var(name).ok())?.build()
    }

    /// The request signer (merchant ID, serial and private key).
    pub fn signer(&self) -> &Signer {
        &self.inner.signer
    }

    /// WeChat Pay's keys: verify answers and encrypt sensitive fields.
    pub fn wechatpay_keys(&self) -> &WechatPayKeys {
        &self.inner.keys
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// validate → encrypt → serialize → sign → send (with retries) → verify → decode → business
    /// check. Nothing is sent if validation or encryption fails; no answer whose signature does
    /// not verify is returned as a success.
    pub async fn send<R: WechatRequest>(&self, request: &R) -> Result<R::Response, Error> {
        let span = tracing::info_span!("wechatpay", method = %R::METHOD, path = R::PATH);
        let prepared = span.in_scope(|| request.prepare(&self.inner.signer, &self.inner.keys))?;
        if self.inner.keys.is_empty() {
            // WeChat Pay would act on the request, but its answer could not be verified.
            return Err(Error::Setup(
                "no WeChat Pay public key or platform certificate is configured to verify the answer: nothing was sent".into(),
            ));
        }
        let answer = self.execute(prepared).instrument(span).await?;
        let request_id = answer.request_id();
        let body: &[u8] = if answer.body.is_empty() { b"null" } else { &answer.body };
        let response: R::Response = serde_json::from_slice(body).map_err(|error| {
            Error::Decode { message: json_error_summary(&error), request_id: request_id.clone() }
        })?;
        response.into_result(request_id)
    }

    /// Sends with retries; returns the verified 2xx answer.
    async fn execute(&self, mut prepared: PreparedRequest) -> Result<Answer, Error> {
        let retry = self.inner.retry;
        let mut attempt = 1;
        loop {
            if attempt > 1 {
                prepared.authorization = self.inner.signer.authorize(
                    prepared.method.as_str(),
                    &prepared.target,
                    &prepared.body,
                )?;
            }
            let outcome = self.attempt(&prepared, attempt).await;
            let retryable = match &outcome {
                Ok(answer) => retry::is_retryable_status(answer.status),
                Err(Error::Transport { kind, .. }) => *kind != TransportKind::TooLarge,
                Err(_) => false,
            };
            if retryable && attempt <= retry.max_retries {
                tokio::time::sleep(retry.delay(attempt)).await;
                attempt += 1;
                continue;
            }
            let answer = outcome?;
            return self.accept(answer);
        }
    }

    /// A 2xx answer that verifies, or the error the answer stands for.
    fn accept(&self, answer: Answer) -> Result<Answer, Error> {
        let request_id = answer.request_id();
        if !(200..300).contains(&answer.status) {
            return Err(api_error(&answer, request_id));
        }
        self.inner
            .keys
            .verify(&answer.headers, &answer.body)
            .inspect_err(|kind| tracing::warn!(%kind, "the answer failed verification"))
            .map_err(|kind| Error::Verification { kind, request_id })?;
        Ok(answer)
    }

    /// One HTTP exchange.
    async fn attempt(&self, prepared: &PreparedRequest, attempt: u32) -> Result<Answer, Error> {
        let url = format!("{}{}", self.inner.base_url, prepared.target);
        let method = http::Method::from_bytes(prepared.method.as_str().as_bytes())
            .map_err(|_| Error::Setup("unsupported HTTP method".into()))?;
        let mut headers = prepared.headers()?;
        if let Some(user_agent) = &self.inner.user_agent {
            headers.insert(http::header::USER_AGENT, user_agent.clone());
        }
        let mut response = self
            .inner
            .http
            .request(method, url)
            .headers(headers)
            .body(prepared.body.clone())
            .send()
            .await
            .map_err(transport_error)
            .inspect_err(|error| tracing::warn!(attempt, %error, "no answer"))?;
        let status = response.status().as_u16();
        let headers = std::mem::take(response.headers_mut());
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
            if body.len() + chunk.len() > self.inner.max_response_bytes {
                return Err(Error::Transport {
                    kind: TransportKind::TooLarge,
                    message: format!("the answer exceeds {} bytes", self.inner.max_response_bytes),
                });
            }
            body.extend_from_slice(&chunk);
        }
        let answer = Answer { status, headers, body };
        tracing::info!(attempt, status, request_id = answer.request_id().as_deref(), "answered");
        Ok(answer)
    }
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

fn transport_error(error: reqwest::Error) -> Error {
    let kind = if error.is_timeout() {
        TransportKind::Timeout
    } else if error.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Interrupted
    };
    Error::Transport { kind, message: error.without_url().to_string() }
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
