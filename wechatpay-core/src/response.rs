//! What a decoded answer must say before it counts as a success.

use crate::error::Error;

/// A response type. Most answers are successes once verified and decoded; families that report
/// failures inside a 200 (the Zhejiang subsidy family's `resp_code`) override
/// [`ApiResponse::into_result`] so that such an answer is an error, never a success.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a WeChat Pay response type",
    label = "the `response` of a request must implement `ApiResponse`",
    note = "add `impl wechatpay::ApiResponse for {Self} {{}}` (an empty impl: every verified 2xx answer is a success), or override `into_result` for answers that report failures inside a 200"
)]
pub trait ApiResponse: serde::de::DeserializeOwned + Sized {
    /// `Ok(self)`, or the business failure this answer reports. `request_id` is the answer's
    /// `Request-ID`, to carry into the error.
    fn into_result(self, request_id: Option<String>) -> Result<Self, Error> {
        let _ = request_id;
        Ok(self)
    }
}

/// For endpoints answering `204 No Content` (decoded from an empty body).
impl ApiResponse for () {}

/// For answers one wants untyped.
impl ApiResponse for serde_json::Value {}
