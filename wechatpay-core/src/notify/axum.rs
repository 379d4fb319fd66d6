//! The `axum` feature: an extractor that receives a notification, and the answers as responses.

use axum::body::{Body, to_bytes};
use axum::extract::{FromRef, FromRequest, Request};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde::de::DeserializeOwned;

use super::{Delivery, Notification, Notifications, NotifyError, NotifyReply};

/// The largest notification body read: real ones are a few KiB.
const MAX_BODY: usize = 1024 * 1024;

/// Extracts a **new**, verified and decrypted notification, with [`Notifications`] taken from
/// the router's state (`FromRef`). A refused notification is answered with its failure, and a
/// duplicate with success, before the handler runs; so a handler only ever sees each `id` once.
/// When its processing fails, it calls [`Notifications::forget`] and answers a failure, so that
/// WeChat Pay's next delivery is processed.
///
/// ```rust,ignore
/// async fn paid(Notified(n): Notified<Transaction>) -> NotifyReply {
///     store(&n.resource).await; // idempotent on n.resource.transaction_id
///     NotifyReply::success()
/// }
/// let app = Router::new().route("/notify", post(paid)).with_state(notifications);
/// ```
#[derive(Debug)]
pub struct Notified<T>(pub Notification<T>);

impl<S, T> FromRequest<S> for Notified<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
    Notifications: FromRef<S>,
{
    type Rejection = NotifyReply;

    async fn from_request(request: Request, state: &S) -> Result<Self, NotifyReply> {
        let notifications = Notifications::from_ref(state);
        let (parts, body) = request.into_parts();
        let body = to_bytes(body, MAX_BODY)
            .await
            .map_err(|_| NotifyReply::failure(StatusCode::BAD_REQUEST, "body unreadable"))?;
        match notifications.receive::<T>(&parts.headers, &body).await {
            Ok(Delivery::New(notification)) => Ok(Notified(notification)),
            Ok(Delivery::Duplicate { .. }) => Err(NotifyReply::success()),
            Err(error) => Err(error.reply()),
        }
    }
}

impl IntoResponse for NotifyReply {
    fn into_response(self) -> Response {
        NotifyReply::into_response(self).map(Body::from)
    }
}

impl IntoResponse for NotifyError {
    fn into_response(self) -> Response {
        IntoResponse::into_response(self.reply())
    }
}
