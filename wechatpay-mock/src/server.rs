//! The HTTP server: a Tokio accept loop serving each connection with hyper (so that a connection
//! can be dropped on purpose), axum routing from the endpoint table, and the request pipeline
//! (record → fault → verify → check → answer → sign).

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
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
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinSet;
use tower_service::Service;
use wechatpay_core::{Clock, MerchantPrivateKey, RsaPublicKey, headers};

use crate::auth::{self, Replays};
use crate::endpoints::{self, Endpoint};
use crate::faults::Fault;
use crate::received::Received;
use crate::respond::{self, Answer};

/// The largest request body read.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// The sandbox's state, shared by the handle and every request.
pub(crate) struct Shared {
    pub(crate) platform_key: MerchantPrivateKey,
    pub(crate) public_key_id: String,
    pub(crate) public_key_pem: String,
    pub(crate) other_key: MerchantPrivateKey,
    /// mchid → certificate serial (upper-case) → public key.
    pub(crate) merchants: Mutex<HashMap<String, HashMap<String, Arc<RsaPublicKey>>>>,
    pub(crate) faults: Mutex<VecDeque<Fault>>,
    pub(crate) received: Mutex<Vec<Received>>,
    pub(crate) replays: Mutex<Replays>,
    pub(crate) clock: Arc<dyn Clock>,
    /// Exclusive limit on `|now - timestamp|`, in seconds.
    pub(crate) max_skew: u64,
    pub(crate) endpoints: Vec<Endpoint>,
    pub(crate) log_requests: bool,
    pub(crate) counter: AtomicU64,
}

/// Closes one connection without an answer when triggered.
#[derive(Clone, Default)]
struct KillSwitch(Arc<Notify>);

/// Builds the router: one route per endpoint path, everything else to the 404 pipeline.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let mut paths: Vec<&'static str> = Vec::new();
    for endpoint in &shared.endpoints {
        if !paths.contains(&endpoint.path) {
            paths.push(endpoint.path);
        }
    }
    let mut router = Router::new();
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
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        _ = kill.0.notified() => {}
    }
}

/// The request pipeline.
async fn handle(shared: Arc<Shared>, endpoint: Option<usize>, request: Request) -> Response {
    let number = shared.counter.fetch_add(1, Ordering::Relaxed);
    let request_id = format!("MOCK{number:08X}{}", &respond::fresh_nonce()[..20]);
    let kill = request.extensions().get::<KillSwitch>().cloned();
    let (parts, body) = request.into_parts();
    let method = parts.method.as_str().to_owned();
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.to_string(), |target| target.as_str().to_owned());
    let header_text = |name: &str| parts.headers.get(name).and_then(|value| value.to_str().ok());
    let authorization = header_text(AUTHORIZATION.as_str()).map(str::to_owned);
    let wechatpay_serial = header_text(headers::SERIAL).map(str::to_owned);
    let header_list = parts
        .headers
        .iter()
        .map(|(name, value)| {
            (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned())
        })
        .collect();
    let body = to_bytes(body, BODY_LIMIT).await;
    let fault = shared.faults.lock().expect("fault queue").pop_front();

    let parsed = authorization.as_deref().and_then(|header| auth::parse(header).ok());
    shared.received.lock().expect("received").push(Received {
        request_id: request_id.clone(),
        method: method.clone(),
        target: target.clone(),
        headers: header_list,
        body: body.as_ref().map(|bytes| bytes.to_vec()).unwrap_or_default(),
        json: None,
        mchid: parsed.as_ref().map(|params| params.mchid.clone()),
        nonce: parsed.as_ref().map(|params| params.nonce.clone()),
        timestamp: parsed.as_ref().and_then(|params| params.timestamp.parse().ok()),
        status: None,
        error_code: None,
        response_body: Vec::new(),
        fault: fault.clone(),
        redacted: None,
    });

    if let Some(Fault::Delay(delay)) = &fault {
        tokio::time::sleep(*delay).await;
    }

    // The genuine answer.
    let endpoint = endpoint.map(|index| &shared.endpoints[index]);
    let outcome = match (&body, endpoint) {
        (Err(_), _) => Err(Answer::param_error_plain(
            "the request body could not be read (larger than 16 MiB, or cut short)",
        )),
        (_, None) => Err(Answer::not_found()),
        (Ok(body), Some(endpoint)) => {
            match auth::verify(&shared, &method, &target, body, authorization.as_deref()) {
                Err(message) => Err(Answer::sign_error(&message)),
                Ok(_) => endpoints::check(
                    endpoint,
                    &target,
                    body,
                    wechatpay_serial.as_deref(),
                    &shared.public_key_id,
                    &shared.platform_key,
                )
                .map(|checked| (endpoint, checked)),
            }
        }
    };
    let (mut answer, checked) = match outcome {
        Ok((endpoint, checked)) => {
            (Answer::json(StatusCode::OK, endpoint.success_body.as_bytes()), Some(checked))
        }
        Err(answer) => (answer, None),
    };

    // The fault's answer.
    match &fault {
        Some(Fault::DropConnection) => {
            update(&shared, &request_id, None, &[], checked.clone());
            log(&shared, &method, &target, "dropped", fault.as_ref());
            if let Some(kill) = kill {
                kill.0.notify_one();
                // The connection task drops this future with the socket.
                std::future::pending::<()>().await;
            }
            // Not served by our accept loop: there is no connection to drop.
            answer = Answer::status_fault(500);
        }
        Some(Fault::Status(code)) => answer = Answer::status_fault(*code),
        Some(Fault::NonJson) if checked.is_some() => answer = Answer::non_json(),
        Some(Fault::Business { resp_code, resp_desc, error_data }) if checked.is_some() => {
            answer = Answer::business(resp_code, resp_desc, error_data);
        }
        _ => {}
    }
    let signing = fault.as_ref().map_or(crate::faults::Signing::Correct, Fault::signing);
    let error_code = if answer.status.is_success() { None } else { answer.error_code() };
    let status = answer.status;
    let (response, sent) = respond::finish(&shared, answer, signing, &request_id);
    update(&shared, &request_id, Some((status.as_u16(), error_code)), &sent, checked);
    log(&shared, &method, &target, status.as_str(), fault.as_ref());
    response
}

/// Completes the record of a request with its answer.
fn update(
    shared: &Shared,
    request_id: &str,
    answer: Option<(u16, Option<String>)>,
    sent: &[u8],
    checked: Option<endpoints::Checked>,
) {
    let mut received = shared.received.lock().expect("received");
    let Some(record) = received.iter_mut().rev().find(|record| record.request_id == request_id)
    else {
        return; // cleared meanwhile
    };
    if let Some((status, error_code)) = answer {
        record.status = Some(status);
        record.error_code = error_code;
    }
    record.response_body = sent.to_vec();
    if let Some(checked) = checked {
        record.json = Some(checked.decrypted);
        record.redacted = Some(checked.redacted);
    }
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
