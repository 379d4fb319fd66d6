//! The HTTP server: a Tokio accept loop serving each connection with hyper (so that a connection
//! can be dropped or reset on purpose), axum routing from the endpoint table, and the request
//! pipeline (record → verify → check → region and scripted outcome → account → fault's plan →
//! sign → deliver).

use std::convert::Infallible;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::{MethodFilter, MethodRouter, on};
use http::StatusCode;
use http::header::AUTHORIZATION;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinSet;
use tower_service::Service;

use crate::auth;
use crate::certificates;
use crate::endpoints::{self, Endpoint};
use crate::faults::{self, Delivery, Fault, Plan};
use crate::outcome::Outcome;
use crate::protocol;
use crate::received::Received;
use crate::respond::{self, Answer};
use crate::state::Shared;

/// The message of a `429` answered by a rate limit of the builder.
const FREQUENCY_LIMITED_MESSAGE: &str = "请求过于频繁，请稍后再试 (sandbox rate limit)";

/// The largest request body read.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// Ends one connection without an answer when triggered: closed (`FIN`), or reset (`RST`) if
/// `reset` is set first.
#[derive(Default)]
struct Control {
    kill: Notify,
    reset: AtomicBool,
}

#[derive(Clone, Default)]
struct KillSwitch(Arc<Control>);

impl KillSwitch {
    fn fire(&self, reset: bool) {
        self.0.reset.store(reset, Ordering::SeqCst);
        self.0.kill.notify_one();
    }
}

/// The connection's socket: resets the connection when dropped if its kill switch asked so.
struct Conn {
    stream: TcpStream,
    control: Arc<Control>,
}

impl Drop for Conn {
    fn drop(&mut self) {
        if self.control.reset.load(Ordering::SeqCst) {
            // SO_LINGER 0: closing sends RST instead of FIN.
            let _ = self.stream.set_zero_linger();
        }
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// Builds the router: one route per endpoint path, everything else to the 404 pipeline.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let mut paths: Vec<&'static str> = Vec::new();
    for endpoint in &shared.endpoints {
        if !paths.contains(&endpoint.path) {
            paths.push(endpoint.path);
        }
    }
    let mut router =
        Router::new().route(certificates::PATH, axum::routing::any(certificates::handle));
    for path in paths {
        let mut methods: MethodRouter<Arc<Shared>> = MethodRouter::new();
        for (index, endpoint) in shared.endpoints.iter().enumerate() {
            if endpoint.path != path {
                continue;
            }
            let Some(filter) = method_filter(endpoint.method) else { continue };
            methods = methods.merge(on(filter, move |State(shared), request| {
                handle(shared, Some(index), request)
            }));
        }
        methods = methods.fallback(|State(shared), request| handle(shared, None, request));
        router = router.route(path, methods);
    }
    router.fallback(|State(shared), request| handle(shared, None, request)).with_state(shared)
}

fn method_filter(method: &str) -> Option<MethodFilter> {
    Some(match method {
        "GET" => MethodFilter::GET,
        "POST" => MethodFilter::POST,
        "PUT" => MethodFilter::PUT,
        "PATCH" => MethodFilter::PATCH,
        "DELETE" => MethodFilter::DELETE,
        _ => return None,
    })
}

/// Accepts connections until the task is aborted (which drops every connection with it).
pub(crate) async fn serve(listener: TcpListener, router: Router) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(stream, router.clone()));
                }
                // Out of descriptors or a connection reset during accept: try again shortly.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// Serves one HTTP/1.1 connection; returns (dropping the socket) when the kill switch fires.
async fn serve_connection(stream: TcpStream, router: Router) {
    let _ = stream.set_nodelay(true);
    let kill = KillSwitch::default();
    let service = {
        let kill = kill.clone();
        service_fn(move |mut request: http::Request<Incoming>| {
            request.extensions_mut().insert(kill.clone());
            let mut router = router.clone();
            async move {
                let response: Result<Response, Infallible> =
                    router.call(request.map(Body::new)).await;
                response
            }
        })
    };
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new());
    let conn = Conn { stream, control: kill.0.clone() };
    let connection = builder.serve_connection(TokioIo::new(conn), service);
    tokio::select! {
        _ = connection => {}
        _ = kill.0.kill.notified() => {}
    }
}

/// The request pipeline.
async fn handle(shared: Arc<Shared>, endpoint: Option<usize>, request: Request) -> Response {
    let request_id = respond::request_id(&shared);
    let kill = request.extensions().get::<KillSwitch>().cloned();
    let (parts, body) = request.into_parts();
    let method = parts.method.as_str().to_owned();
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.to_string(), |target| target.as_str().to_owned());
    let header_text = |name: &str| parts.headers.get(name).and_then(|value| value.to_str().ok());
    let authorization = header_text(AUTHORIZATION.as_str()).map(str::to_owned);
    let wechatpay_serial = header_text(protocol::SERIAL).map(str::to_owned);
    let header_list = parts
        .headers
        .iter()
        .map(|(name, value)| {
            (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned())
        })
        .collect();
    let body = to_bytes(body, BODY_LIMIT).await;
    let fault = shared.faults().pop_front();
    let plan = fault.as_ref().map_or(Plan::NORMAL, Fault::plan);

    let parsed = authorization.as_deref().and_then(|header| auth::parse(header).ok());
    let mut record = Received::new(
        request_id.clone(),
        method.clone(),
        target.clone(),
        header_list,
        body.as_ref().map(|bytes| bytes.to_vec()).unwrap_or_default(),
        fault.clone(),
    );
    record.mchid = parsed.as_ref().map(|params| params.mchid.clone());
    record.nonce = parsed.as_ref().map(|params| params.nonce.clone());
    record.timestamp = parsed.as_ref().and_then(|params| params.timestamp.parse().ok());
    shared.log().push(record);
    let signer = parsed.as_ref().and_then(|params| shared.answer_signer(&params.mchid));
    let decrypting = shared.decryption_keys(parsed.as_ref().map(|params| params.mchid.as_str()));

    // The genuine answer.
    let endpoint = endpoint.map(|index| &shared.endpoints[index]);
    // `Some(retry_after)`: an authenticated request over its endpoint's rate limit.
    let mut throttled = None;
    let outcome = match (&body, endpoint) {
        (Err(_), _) => Err(Answer::param_error_plain(
            "the request body could not be read (larger than 16 MiB, or cut short)",
        )),
        (_, None) => Err(Answer::not_found()),
        (Ok(body), Some(endpoint)) => {
            match auth::verify(&shared, &method, &target, body, authorization.as_deref()) {
                Err(message) => Err(Answer::sign_error(&message)),
                Ok(_) => {
                    throttled = shared.load.take(endpoint.path);
                    endpoints::check(
                        endpoint,
                        &method,
                        &target,
                        body,
                        wechatpay_serial.as_deref(),
                        &decrypting,
                    )
                    .map(|checked| (endpoint, checked))
                }
            }
        }
    };
    // Processed by the backend: not turned away by the gateway (a rate limit, a 4xx fault).
    let processed = plan.applies && throttled.is_none();
    let (genuine, valid) = match outcome {
        Ok((endpoint, checked)) => {
            let decided = decide(&shared, endpoint, processed);
            let (answer, applied) = decided.as_ref().unwrap_or(&Outcome::Success).answer(
                endpoint,
                &checked.redacted,
                &shared.orders,
            );
            if processed && applied {
                shared.orders.applied(endpoint.path, &checked.redacted);
            }
            // Accepted (applied) now, before anything can go wrong with the answer.
            shared.log().checked(&request_id, checked, processed && applied, decided);
            (answer, true)
        }
        Err(answer) => (answer, false),
    };
    let genuine = match throttled {
        Some(retry_after) => {
            if let Some(record) = shared.log().get_mut(&request_id) {
                record.rate_limited = true;
            }
            faults::frequency_limited(FREQUENCY_LIMITED_MESSAGE, Some(retry_after))
        }
        None => genuine,
    };
    // The backend's latency, for a request it processed.
    if valid && processed {
        let delay = shared.load.next_delay();
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
    }

    // The fault's answer and delivery.
    let answer = plan.answer.apply(genuine, valid && throttled.is_none());
    match plan.delivery {
        Delivery::DelayAnswer(delay) => tokio::time::sleep(delay).await,
        Delivery::Close | Delivery::Reset => {
            let reset = plan.delivery == Delivery::Reset;
            let outcome = if reset { "reset" } else { "dropped" };
            log(&shared, &method, &target, outcome, fault.as_ref());
            if let Some(kill) = kill {
                kill.fire(reset);
                // The connection task drops this future with the socket.
                std::future::pending::<()>().await;
            }
            // Not served by our accept loop: there is no connection to drop.
            return Response::builder()
                .status(StatusCode::INTERNAL_SERVER_ERROR)
                .body(Body::empty())
                .unwrap_or_default();
        }
        Delivery::Normal | Delivery::Truncate | Delivery::StallAfterHeaders(_) => {}
    }
    let error_code = if answer.status.is_success() { None } else { answer.error_code() };
    let status = answer.status;
    let (response, sent) =
        respond::finish(&shared, answer, plan.signing, plan.delivery, &request_id, signer.as_ref());
    if let Some(record) = shared.log().get_mut(&request_id) {
        record.status = Some(status.as_u16());
        record.error_code = error_code;
        record.response_body = sent;
    }
    log(&shared, &method, &target, status.as_str(), fault.as_ref());
    response
}

/// The business outcome of a valid request, if not the success body: `NOT_AUTH` for a region
/// not whitelisted, else the next outcome scripted for the endpoint, consumed only if the request
/// is `processed` (a gateway refusal leaves it for the retry).
fn decide(shared: &Shared, endpoint: &Endpoint, processed: bool) -> Option<Outcome> {
    if !shared.regions.contains(&endpoint.region) {
        return Some(Outcome::NotAuthorized);
    }
    processed.then(|| shared.next_outcome(endpoint)).flatten()
}

/// One line per request on stderr when enabled: method, path (never the query or the body),
/// outcome.
fn log(shared: &Shared, method: &str, target: &str, outcome: &str, fault: Option<&Fault>) {
    if !shared.log_requests {
        return;
    }
    let path = target.split_once('?').map_or(target, |(path, _)| path);
    match fault {
        Some(fault) => eprintln!("{method} {path} -> {outcome} (fault {})", fault.name()),
        None => eprintln!("{method} {path} -> {outcome}"),
    }
}
