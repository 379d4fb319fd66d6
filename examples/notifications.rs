//! Receives WeChat Pay notifications (回调通知), offline against the embedded sandbox.
//!
//! `cargo run --example notifications --features axum` starts the sandbox and a local axum server
//! on 127.0.0.1 whose handler gives the headers and the exact body bytes to
//! `Notifications::handle` (the framework-agnostic API: verify, decrypt, deduplicate, answer).
//! The sandbox then delivers a genuine payment notification and a tampered one (signed over
//! another body). The example prints what the sandbox received for each and what was processed
//! (the payer's `openid` as its `Debug` always shows it: `<redacted>`), and fails unless the
//! genuine one was accepted and processed and the tampered one refused and not processed.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use wechatpay_apiv3::notify::{
    Notification, Notifications, NotifyReply, TRANSACTION_SUCCESS, Transaction,
};
use wechatpay_apiv3_mock::{Delivered, NotificationKind, Sandbox, demo};

/// The receiver's state: the SDK's receiver, and what the application processed (a database, in
/// a real service).
#[derive(Clone)]
struct App {
    notifications: Notifications,
    processed: Arc<Mutex<Vec<Notification<Transaction>>>>,
}

/// `POST /notify`: `process` runs only for a verified, decrypted, first delivery; refusals and
/// duplicates are answered without it.
async fn notify(State(app): State<App>, headers: HeaderMap, body: Bytes) -> NotifyReply {
    let processed = app.processed.clone();
    app.notifications
        .handle(&headers, &body, |n: Notification<Transaction>| async move {
            // A real service saves it here, idempotently on `n.resource.transaction_id`.
            processed.lock().map_err(|_| "the store is poisoned")?.push(n);
            Ok::<(), &str>(())
        })
        .await
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = Sandbox::start().await?;
    let app = App {
        notifications: Notifications::new(sandbox.wechatpay_keys(), demo::api_v3_key()),
        processed: Arc::default(),
    };
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/notify", listener.local_addr()?);
    let router = Router::new().route("/notify", post(notify)).with_state(app.clone());
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    println!("sandbox on {}; receiver on {url}", sandbox.base_url());

    let normal = deliver(&sandbox, &url, NotificationKind::Normal, "T1001").await?;
    let processed = app.processed.lock().map_err(|_| "the store is poisoned")?.clone();
    let accepted = received(&normal) && processed.len() == 1;
    if let Some(n) = processed.first() {
        println!(
            "  processed {} {}: out_trade_no={} payer.openid={:?} amount={} fen",
            n.event_type,
            n.id,
            n.resource.out_trade_no,
            n.resource.payer.openid,
            n.resource.amount.total.0,
        );
    }

    let tampered = deliver(&sandbox, &url, NotificationKind::Tampered, "T1002").await?;
    let after = app.processed.lock().map_err(|_| "the store is poisoned")?.len();
    let refused = !tampered.answers.is_empty()
        && tampered.answers.iter().all(|a| a.status == 401)
        && after == processed.len();
    println!("  tampered one processed: {}", if after == processed.len() { "no" } else { "YES" });
    server.abort();

    match (accepted, refused) {
        (true, true) => {
            println!("ok: the genuine notification was accepted, the tampered one refused");
            Ok(())
        }
        _ => Err("a notification got the wrong answer".into()),
    }
}

/// Has the sandbox deliver a `TRANSACTION.SUCCESS` of `kind` and prints each answer it got.
async fn deliver(
    sandbox: &Sandbox,
    url: &str,
    kind: NotificationKind,
    out_trade_no: &str,
) -> Result<Delivered, wechatpay_apiv3_mock::Error> {
    let delivered = sandbox
        .deliver_notification(url, kind, TRANSACTION_SUCCESS, &payment(out_trade_no))
        .await?;
    for answer in &delivered.answers {
        let body = match answer.body.as_slice() {
            [] => "(empty body: received)".into(),
            body => String::from_utf8_lossy(body),
        };
        println!(
            "{kind:?} notification {}: the sandbox got {} {body}",
            delivered.id, answer.status
        );
    }
    Ok(delivered)
}

/// Whether every answer told WeChat Pay the notification was received.
fn received(delivered: &Delivered) -> bool {
    !delivered.answers.is_empty() && delivered.answers.iter().all(|a| a.status == 204)
}

/// A `TRANSACTION.SUCCESS` resource as WeChat Pay sends it (made-up values).
fn payment(out_trade_no: &str) -> Value {
    json!({
        "appid": "wxd678efh567hg6787", "mchid": demo::MCHID, "out_trade_no": out_trade_no,
        "transaction_id": format!("4200002{out_trade_no}"), "trade_type": "JSAPI",
        "trade_state": "SUCCESS", "trade_state_desc": "支付成功", "bank_type": "CMC",
        "success_time": "2025-01-14T19:55:06+08:00",
        "payer": { "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
        "amount": { "total": 399_900, "payer_total": 399_900, "currency": "CNY", "payer_currency": "CNY" }
    })
}
