//! Scripted misbehaviour: what the sandbox does instead of (or on top of) a correct answer.

use std::time::Duration;

/// One scripted misbehaviour, queued with [`Sandbox::inject`](crate::Sandbox::inject) and
/// consumed by the next request, whatever it is (the request is recorded as usual).
///
/// The request is always verified and checked as without a fault (so that
/// [`Received`](crate::Received) is complete and its nonce is used up); then:
///
/// - transport faults ([`Delay`](Fault::Delay), [`DropConnection`](Fault::DropConnection),
///   [`Status`](Fault::Status)) apply whatever the request was: they model the network and
///   WeChat Pay's gateway;
/// - answer faults ([`NonJson`](Fault::NonJson), [`Business`](Fault::Business)) replace the
///   answer only if the request was accepted: a malformed request still gets its genuine
///   `401`/`400`, as it would from WeChat Pay;
/// - signature faults ([`Unsigned`](Fault::Unsigned) … [`Probe`](Fault::Probe)) change how
///   whatever answer results is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Waits this long, then handles the request normally.
    Delay(Duration),
    /// Answers with this status and WeChat Pay's error body for it, correctly signed: `429`
    /// `RATELIMIT_EXCEEDED`, `500` `SYSTEM_ERROR`, `502`/`503`/`504` `SERVICE_UNAVAILABLE`,
    /// `400` `PARAM_ERROR`, `401` `SIGN_ERROR`, `403` `NO_AUTH`, `404` `NOT_FOUND`, another 4xx
    /// `INVALID_REQUEST`, another 5xx `SYSTEM_ERROR`. A status outside 400–599 is sent with an
    /// empty body; a number that is no HTTP status at all becomes `500`.
    Status(u16),
    /// Closes the TCP connection after reading the request, without any response: the client
    /// sees a connection error (the request was sent; it may or may not have been processed).
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

    /// How the answer is signed under this fault.
    pub(crate) fn signing(&self) -> Signing {
        match self {
            Fault::Unsigned => Signing::Unsigned,
            Fault::TamperedBody => Signing::TamperedBody,
            Fault::WrongSignature => Signing::WrongKey,
            Fault::StaleTimestamp => Signing::Stale,
            Fault::UnknownSerial => Signing::UnknownSerial,
            Fault::Probe => Signing::Probe,
            _ => Signing::Correct,
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
