//! What the sandbox received, for assertions.

use std::fmt;

use serde_json::Value;

use crate::faults::Fault;
use crate::outcome::Outcome;

/// One request as the sandbox received it, and how it answered.
///
/// [`json`](Received::json) holds decrypted personal data; `Debug` never prints it (sensitive
/// values show as `<redacted>`), nor the raw body or the query string (a faulty client may have
/// sent plaintext there).
#[derive(Clone)]
#[non_exhaustive]
pub struct Received {
    /// The `Request-ID` the sandbox answered with.
    pub request_id: String,
    /// The method, as sent (`POST`).
    pub method: String,
    /// The request target as received and signed: path and `?query`, not decoded.
    pub target: String,
    /// The headers in the order received; names lower-case, values as text (non-UTF-8 bytes
    /// replaced).
    pub headers: Vec<(String, String)>,
    /// The exact body bytes (with the sensitive fields as the client sent them: ciphertexts).
    pub body: Vec<u8>,
    /// The parameters of a request that passed every check, with the sensitive fields
    /// **decrypted**: the body JSON, or for a query endpoint an object of the decoded query
    /// parameters. `None` if the request was refused (signature, header, syntax, required field,
    /// type, value or encryption). Also set when a valid request was not applied (a rate limit,
    /// a business refusal): see [`accepted`](Received::accepted) for what counts.
    pub json: Option<Value>,
    /// `mchid` from `Authorization`, if it parsed.
    pub mchid: Option<String>,
    /// `nonce_str` from `Authorization`, if it parsed.
    pub nonce: Option<String>,
    /// `timestamp` from `Authorization`, if it parsed as a number.
    pub timestamp: Option<i64>,
    /// The status answered; `None` if the connection was dropped or reset without an answer, or
    /// the answer is not ready yet. For [`Fault::TruncatedBody`] and
    /// [`Fault::StallAfterHeaders`] the status line was sent, so it is set.
    pub status: Option<u16>,
    /// The error `code` answered (`SIGN_ERROR`, `PARAM_ERROR`, …), if the answer was an error.
    pub error_code: Option<String>,
    /// The body bytes answered, as the signature covers them (never holds a sensitive value:
    /// errors never echo values). For [`Fault::TruncatedBody`] only a first part of them was
    /// actually sent, for [`Fault::StallAfterHeaders`] none.
    pub response_body: Vec<u8>,
    /// The fault that applied to this request, if any.
    pub fault: Option<Fault>,
    /// The business outcome a request that passed every check got instead of the success body:
    /// the one [scripted](crate::Sandbox::script) for it, or [`Outcome::NotAuthorized`] for a
    /// region not whitelisted. `None` for the success body, or a refused request.
    pub outcome: Option<Outcome>,
    /// Whether a rate limit of [`SandboxBuilder::rate_limit`](crate::SandboxBuilder::rate_limit)
    /// (not a [`Fault`]) turned the request away with `429 FREQUENCY_LIMITED`.
    pub rate_limited: bool,
    pub(crate) redacted: Option<Value>,
    pub(crate) applied: bool,
}

impl Received {
    /// A record of a request not yet checked nor answered.
    pub(crate) fn new(
        request_id: String,
        method: String,
        target: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        fault: Option<Fault>,
    ) -> Self {
        Self {
            request_id,
            method,
            target,
            headers,
            body,
            json: None,
            mchid: None,
            nonce: None,
            timestamp: None,
            status: None,
            error_code: None,
            response_body: Vec::new(),
            fault,
            outcome: None,
            rate_limited: false,
            redacted: None,
            applied: false,
        }
    }

    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The path of the target, without the query.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(path, _)| path)
    }

    /// Whether the sandbox **accepted** the request, that is would have applied it: the request
    /// passed every check (signature, timestamp, replay, route, `Wechatpay-Serial`, JSON syntax,
    /// required fields, their types and values, decryption), its merchant is whitelisted for the
    /// endpoint's region, its business [`outcome`](Received::outcome) is not a refusal, **and**
    /// the fault, if any, did not keep it from being processed.
    ///
    /// - Refused with `401`/`400`/`404`: not accepted.
    /// - A region left out of [`SandboxBuilder::regions`](crate::SandboxBuilder::regions), or a
    ///   scripted [`Outcome::NotAuthorized`] (`403 NOT_AUTH`) or [`Outcome::Business`]: not
    ///   accepted (the backend refused it). [`Outcome::Body`] is accepted.
    /// - Over a rate limit of [`SandboxBuilder::rate_limit`](crate::SandboxBuilder::rate_limit)
    ///   ([`rate_limited`](Received::rate_limited)): not accepted.
    /// - [`Fault::RateLimited`], and a [`Fault::Status`] of `400`–`499` (including `429`): not
    ///   accepted, even if the request was valid (the gateway turned it away before processing).
    /// - Every other fault breaks only the answer, after processing, so a valid request counts
    ///   as accepted: [`Fault::Delay`], [`Fault::DropConnection`], [`Fault::ResetAfterRead`],
    ///   [`Fault::TruncatedBody`], [`Fault::StallAfterHeaders`], a `5xx` [`Fault::Status`] (the
    ///   worst case: the gateway failed after the backend applied the request), the signature
    ///   faults, [`Fault::NonJson`] and [`Fault::Business`] (a garbled answer to an applied
    ///   request; a business refusal is [`Outcome::Business`]).
    ///
    /// This is decided before the answer is sent, so it is already set when a client sees a
    /// connection error or a timeout. See also
    /// [`Sandbox::accepted_count`](crate::Sandbox::accepted_count).
    pub fn accepted(&self) -> bool {
        self.applied
    }

    /// [`json`](Received::json) with every sensitive value replaced by `"<redacted>"`.
    pub fn json_redacted(&self) -> Option<&Value> {
        self.redacted.as_ref()
    }
}

impl fmt::Debug for Received {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let query_len = self.target.split_once('?').map_or(0, |(_, query)| query.len());
        f.debug_struct("Received")
            .field("request_id", &self.request_id)
            .field("method", &self.method)
            .field("path", &self.path())
            .field("query_len", &query_len)
            .field("status", &self.status)
            .field("accepted", &self.applied)
            .field("error_code", &self.error_code)
            .field("fault", &self.fault)
            .field("outcome", &self.outcome)
            .field("rate_limited", &self.rate_limited)
            .field("mchid", &self.mchid)
            .field("nonce", &self.nonce)
            .field("timestamp", &self.timestamp)
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .field("json", &self.redacted)
            .finish_non_exhaustive()
    }
}
