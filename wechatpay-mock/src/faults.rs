//! Scripted misbehaviour: what the sandbox does instead of (or on top of) a correct answer.
//!
//! Each fault's whole behaviour is one arm of [`Fault::plan`]: whether the request is still
//! applied, what replaces the answer, how the answer is signed and how its delivery breaks. The
//! server only carries out a [`Plan`].

use std::time::Duration;

use http::StatusCode;
use serde::Serialize;

use crate::respond::Answer;

/// One scripted misbehaviour, queued with [`Sandbox::inject`](crate::Sandbox::inject) and
/// consumed by the next request, whatever it is (the request is recorded as usual).
///
/// The request is always verified and checked as without a fault (so that
/// [`Received`](crate::Received) is complete and its nonce is used up); then:
///
/// - gateway faults ([`Status`](Fault::Status), [`RateLimited`](Fault::RateLimited)) replace
///   the answer whatever the request was; a `4xx` among them also keeps a valid request from
///   being applied, a `5xx` does not (the worst case: the gateway failed after processing);
/// - transport faults ([`Delay`](Fault::Delay), [`DropConnection`](Fault::DropConnection),
///   [`ResetAfterRead`](Fault::ResetAfterRead), [`TruncatedBody`](Fault::TruncatedBody),
///   [`StallAfterHeaders`](Fault::StallAfterHeaders)) break the delivery of whatever answer
///   results, after the request was processed;
/// - answer faults ([`NonJson`](Fault::NonJson), [`Business`](Fault::Business)) replace the
///   answer only if the request passed every check: a malformed request still gets its genuine
///   `401`/`400`, as it would from WeChat Pay;
/// - signature faults ([`Unsigned`](Fault::Unsigned) … [`Probe`](Fault::Probe)) change how
///   whatever answer results is signed.
///
/// Whether a request counts as applied under each fault is spelled out in
/// [`Received::accepted`](crate::Received::accepted).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Handles the request (a valid one is accepted at once), then waits this long before
    /// sending the answer. Longer than the client's timeout, it is a timeout after the request
    /// was applied.
    Delay(Duration),
    /// Answers with this status and WeChat Pay's error body for it, correctly signed: `500`
    /// `SYSTEM_ERROR`, `502`/`503`/`504` `SERVICE_UNAVAILABLE`, `400` `PARAM_ERROR`, `401`
    /// `SIGN_ERROR`, `403` `NO_AUTH`, `404` `NOT_FOUND`, another 4xx `INVALID_REQUEST`, another
    /// 5xx `SYSTEM_ERROR`. `429` is [`RateLimited`](Fault::RateLimited) without `Retry-After`.
    /// A status outside 400–599 is sent with an empty body; a number that is no HTTP status at
    /// all becomes `500`.
    ///
    /// A `4xx` is a refusal: the request is **not** applied. Any other status is sent after the
    /// request was processed: a valid request **is** applied (a `5xx` after the backend applied
    /// the request is the case a retrying client must survive).
    Status(u16),
    /// Closes the TCP connection (an orderly close, `FIN`) after reading the request and
    /// processing it, without any response: the client sees a connection error. A valid
    /// request is applied.
    DropConnection,
    /// The answer carries no `Wechatpay-*` signature headers (`Request-ID` stays).
    Unsigned,
    /// The answer is signed over one body and carries another (a field is added to it).
    TamperedBody,
    /// The answer is signed with a key that is not the sandbox's, under the sandbox's ID.
    WrongSignature,
    /// `Wechatpay-Timestamp` is ten minutes in the past; the signature over it is correct.
    StaleTimestamp,
    /// `Wechatpay-Serial` names a key no client knows
    /// ([`demo::UNKNOWN_PUBLIC_KEY_ID`](crate::demo::UNKNOWN_PUBLIC_KEY_ID)), and that key signs.
    UnknownSerial,
    /// A signature probe: `Wechatpay-Signature: WECHATPAY/SIGNTEST/…`, as WeChat Pay sends on
    /// purpose to check that merchants verify.
    Probe,
    /// `200` with a correctly signed body that is not JSON.
    NonJson,
    /// `200` with a business failure of the Zhejiang family, correctly signed:
    /// `{"resp_code":…,"resp_desc":…,"error_data":[…]}`.
    Business {
        /// `resp_code`; `000000` is success, anything else a failure.
        resp_code: String,
        /// `resp_desc`.
        resp_desc: String,
        /// `error_data`: one description per rejected item.
        error_data: Vec<String>,
    },
    /// The request is handled (a valid one is applied) and its genuine answer (`200` for a
    /// valid request) is sent with all its headers — correct signature headers over the full
    /// body, and a `Content-Length` of the full body — then only the first half of the body,
    /// then the connection is closed. The client sees an error while reading the body, after
    /// the status.
    TruncatedBody,
    /// The request is handled (a valid one is applied), the status line and headers of its
    /// genuine answer (with a `Content-Length` of the full body) are sent, then no body byte
    /// for this long (so a client timeout fires first), then the connection is closed.
    StallAfterHeaders(Duration),
    /// Reads the whole request and processes it (a valid one is applied), then resets the
    /// connection (`SO_LINGER` 0: a TCP `RST`) without any answer. The client sees "connection
    /// reset by peer".
    ResetAfterRead,
    /// What WeChat Pay's gateway answers a caller over its rate limit: `429` with
    /// `{"code":"FREQUENCY_LIMITED","message":…}`, correctly signed, and with `retry_after`,
    /// a `Retry-After` header of whole seconds (rounded up). The request is **not** applied,
    /// even if valid.
    RateLimited {
        /// The `Retry-After` header, if any (whole seconds, rounded up).
        retry_after: Option<Duration>,
    },
}

impl Fault {
    /// A [`Fault::Business`] answer.
    pub fn business(
        resp_code: impl Into<String>,
        resp_desc: impl Into<String>,
        error_data: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Fault::Business {
            resp_code: resp_code.into(),
            resp_desc: resp_desc.into(),
            error_data: error_data.into_iter().map(Into::into).collect(),
        }
    }

    /// A [`Fault::RateLimited`] with a `Retry-After` of `seconds`.
    pub fn rate_limited(seconds: u64) -> Self {
        Fault::RateLimited { retry_after: Some(Duration::from_secs(seconds)) }
    }

    /// Everything this fault does, in one place.
    pub(crate) fn plan(&self) -> Plan {
        let normal = Plan::NORMAL;
        match self {
            Fault::Delay(delay) => Plan { delivery: Delivery::DelayAnswer(*delay), ..normal },
            Fault::Status(429) => Fault::RateLimited { retry_after: None }.plan(),
            Fault::Status(code) => Plan {
                applies: !(400..500).contains(code),
                answer: Replace::Always(status_answer(*code)),
                ..normal
            },
            Fault::RateLimited { retry_after } => Plan {
                applies: false,
                answer: Replace::Always(rate_limited_answer(*retry_after)),
                ..normal
            },
            Fault::DropConnection => Plan { delivery: Delivery::Close, ..normal },
            Fault::ResetAfterRead => Plan { delivery: Delivery::Reset, ..normal },
            Fault::TruncatedBody => Plan { delivery: Delivery::Truncate, ..normal },
            Fault::StallAfterHeaders(stall) => {
                Plan { delivery: Delivery::StallAfterHeaders(*stall), ..normal }
            }
            Fault::Unsigned => Plan { signing: Signing::Unsigned, ..normal },
            Fault::TamperedBody => Plan { signing: Signing::TamperedBody, ..normal },
            Fault::WrongSignature => Plan { signing: Signing::WrongKey, ..normal },
            Fault::StaleTimestamp => Plan { signing: Signing::Stale, ..normal },
            Fault::UnknownSerial => Plan { signing: Signing::UnknownSerial, ..normal },
            Fault::Probe => Plan { signing: Signing::Probe, ..normal },
            Fault::NonJson => Plan { answer: Replace::IfValid(non_json_answer()), ..normal },
            Fault::Business { resp_code, resp_desc, error_data } => Plan {
                answer: Replace::IfValid(business_answer(resp_code, resp_desc, error_data)),
                ..normal
            },
        }
    }

    /// A short name for log lines.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Fault::Delay(_) => "Delay",
            Fault::Status(_) => "Status",
            Fault::DropConnection => "DropConnection",
            Fault::Unsigned => "Unsigned",
            Fault::TamperedBody => "TamperedBody",
            Fault::WrongSignature => "WrongSignature",
            Fault::StaleTimestamp => "StaleTimestamp",
            Fault::UnknownSerial => "UnknownSerial",
            Fault::Probe => "Probe",
            Fault::NonJson => "NonJson",
            Fault::Business { .. } => "Business",
            Fault::TruncatedBody => "TruncatedBody",
            Fault::StallAfterHeaders(_) => "StallAfterHeaders",
            Fault::ResetAfterRead => "ResetAfterRead",
            Fault::RateLimited { .. } => "RateLimited",
        }
    }
}

/// What a fault does to one request; [`Plan::NORMAL`] is no fault.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// Whether a valid request is still applied (counted as accepted).
    pub(crate) applies: bool,
    /// What replaces the genuine answer.
    pub(crate) answer: Replace,
    /// How the answer is signed.
    pub(crate) signing: Signing,
    /// How the answer reaches the client (or does not).
    pub(crate) delivery: Delivery,
}

impl Plan {
    pub(crate) const NORMAL: Plan = Plan {
        applies: true,
        answer: Replace::Genuine,
        signing: Signing::Correct,
        delivery: Delivery::Normal,
    };
}

/// What replaces the genuine answer.
#[derive(Debug, Clone)]
pub(crate) enum Replace {
    /// Nothing.
    Genuine,
    /// This answer, whatever the request was.
    Always(Answer),
    /// This answer if the request passed every check; otherwise the genuine refusal.
    IfValid(Answer),
}

impl Replace {
    /// The answer to send, given the genuine one and whether the request was valid.
    pub(crate) fn apply(self, genuine: Answer, valid: bool) -> Answer {
        match self {
            Replace::Genuine => genuine,
            Replace::Always(answer) => answer,
            Replace::IfValid(answer) if valid => answer,
            Replace::IfValid(_) => genuine,
        }
    }
}

/// How an answer is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signing {
    Correct,
    Unsigned,
    TamperedBody,
    WrongKey,
    Stale,
    UnknownSerial,
    Probe,
}

/// How the answer is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// Sent as is.
    Normal,
    /// Sent after this wait.
    DelayAnswer(Duration),
    /// Not sent; the connection is closed (`FIN`).
    Close,
    /// Not sent; the connection is reset (`RST`).
    Reset,
    /// Headers, then half the body, then the connection is closed.
    Truncate,
    /// Headers, then nothing for this long, then the connection is closed.
    StallAfterHeaders(Duration),
}

/// The answer of a [`Fault::Status`] other than `429`.
fn status_answer(code: u16) -> Answer {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (code, message) = match status.as_u16() {
        400 => ("PARAM_ERROR", "参数错误 (injected fault)"),
        401 => ("SIGN_ERROR", "签名错误 (injected fault)"),
        403 => ("NO_AUTH", "商户无权限 (injected fault)"),
        404 => ("NOT_FOUND", "资源不存在 (injected fault)"),
        502..=504 => ("SERVICE_UNAVAILABLE", "服务不可用，请稍后重试 (injected fault)"),
        other if (400..500).contains(&other) => ("INVALID_REQUEST", "请求无效 (injected fault)"),
        other if (500..600).contains(&other) => ("SYSTEM_ERROR", "系统错误 (injected fault)"),
        _ => return Answer::json(status, Vec::new()),
    };
    Answer::error(status, code, message)
}

/// `429 FREQUENCY_LIMITED`, with `Retry-After` in whole seconds (rounded up) if given.
fn rate_limited_answer(retry_after: Option<Duration>) -> Answer {
    let seconds = retry_after.map(|wait| wait.as_secs() + u64::from(wait.subsec_nanos() > 0));
    frequency_limited("请求过于频繁，请稍后再试 (injected fault)", seconds)
}

/// `429 {"code":"FREQUENCY_LIMITED","message":…}`, with `Retry-After: <seconds>` if given.
pub(crate) fn frequency_limited(message: &str, retry_after_secs: Option<u64>) -> Answer {
    let mut answer = Answer::error(StatusCode::TOO_MANY_REQUESTS, "FREQUENCY_LIMITED", message);
    if let Some(seconds) = retry_after_secs {
        answer.headers.push(("Retry-After", seconds.to_string()));
    }
    answer
}

/// `200` with a body that is not JSON.
fn non_json_answer() -> Answer {
    Answer {
        status: StatusCode::OK,
        body: b"<html><body>502 Bad Gateway (injected fault)</body></html>".to_vec(),
        content_type: "text/html; charset=utf-8",
        headers: Vec::new(),
    }
}

/// `200` with a Zhejiang-family business answer.
fn business_answer(resp_code: &str, resp_desc: &str, error_data: &[String]) -> Answer {
    #[derive(Serialize)]
    struct Business<'a> {
        resp_code: &'a str,
        resp_desc: &'a str,
        error_data: &'a [String],
    }
    let body = serde_json::to_vec(&Business { resp_code, resp_desc, error_data })
        .expect("a business body always serializes");
    Answer::json(StatusCode::OK, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_not_applied_failures_after_processing_are() {
        for (fault, applies) in [
            (Fault::Status(429), false),
            (Fault::Status(400), false),
            (Fault::Status(403), false),
            (Fault::RateLimited { retry_after: None }, false),
            (Fault::Status(500), true),
            (Fault::Status(503), true),
            (Fault::DropConnection, true),
            (Fault::ResetAfterRead, true),
            (Fault::TruncatedBody, true),
            (Fault::StallAfterHeaders(Duration::from_secs(1)), true),
            (Fault::Delay(Duration::from_secs(1)), true),
            (Fault::NonJson, true),
            (Fault::Probe, true),
        ] {
            assert_eq!(fault.plan().applies, applies, "{fault:?}");
        }
    }

    #[test]
    fn retry_after_is_whole_seconds_rounded_up() {
        let header = |wait| {
            let answer = rate_limited_answer(wait);
            answer.headers.iter().find(|(name, _)| *name == "Retry-After").map(|(_, v)| v.clone())
        };
        assert_eq!(header(None), None);
        assert_eq!(header(Some(Duration::from_secs(2))).as_deref(), Some("2"));
        assert_eq!(header(Some(Duration::from_millis(1500))).as_deref(), Some("2"));
        assert_eq!(header(Some(Duration::ZERO)).as_deref(), Some("0"));
    }
}
