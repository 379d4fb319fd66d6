//! What a decoded answer must say before it counts as a success.

use crate::error::Error;

/// A response type. Most answers are successes once verified and decoded; families that report
/// failures inside a 200 (the gov/subsidy families' `resp_code` or `code`) override
/// [`ApiResponse::check_business`], so that such an answer is an error, never a success.
///
/// Its impls (here and in the facade) are `#[diagnostic::do_not_recommend]`: the error for a type
/// without one is the message below, not a list of the crate's response types that every new
/// endpoint would change.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a WeChat Pay response type",
    label = "the `response` of a request must implement `ApiResponse`",
    note = "add `impl wechatpay_apiv3::ApiResponse for {Self} {{}}` (an empty impl: every verified 2xx answer is a success), or override `check_business` for answers that report failures inside a 200"
)]
pub trait ApiResponse: serde::de::DeserializeOwned + Sized {
    /// The business failure a verified 2xx `body` reports, if any. Called before the body is
    /// decoded as `Self`, so that a failure answer, which may lack the members of a success,
    /// is reported as the failure it is. `request_id` is the answer's `Request-ID`, to carry
    /// into the error.
    fn check_business(body: &[u8], request_id: Option<&str>) -> Result<(), Error> {
        let _ = (body, request_id);
        Ok(())
    }
}

/// For endpoints answering `204 No Content` (decoded from an empty body).
#[diagnostic::do_not_recommend]
impl ApiResponse for () {}

/// For answers one wants untyped.
#[diagnostic::do_not_recommend]
impl ApiResponse for serde_json::Value {}
