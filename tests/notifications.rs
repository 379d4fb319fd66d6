//! Notifications end to end: a real axum server on 127.0.0.1 receives what the sandbox delivers
//! (genuine, replayed, and forged in each of its ways) through the SDK's notification API; the
//! answers the sandbox got and what the application processed are checked.

#![cfg(feature = "axum")]

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRef, State};
use axum::http::HeaderMap;
use axum::routing::post;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use wechatpay_apiv3::notify::{
    Notification, Notifications, Notified, NotifyReply, REFUND_SUCCESS, Refund, SeenFuture,
    SeenStore, SeenStoreError, TRANSACTION_SUCCESS, Transaction, UntypedResource,
};
use wechatpay_apiv3_mock::{Delivered, NotificationKind, Sandbox, demo};

const OPENID: &str = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
const ACCOUNT: &str = "招商银行信用卡0403";
const ID_CARD: &str = "110101199003074477";

/// What the application processed, per route.
#[derive(Clone, Default)]
struct Processed {
    paid: Arc<Mutex<Vec<Notification<Transaction>>>>,
    refunds: Arc<Mutex<Vec<Notification<Refund>>>>,
    subsidy: Arc<Mutex<Vec<Notification<UntypedResource>>>>,
    /// How many more refund deliveries fail in processing (a database down, say).
    refund_failures: Arc<Mutex<u32>>,
}

#[derive(Clone)]
struct App {
    notifications: Notifications,
    processed: Processed,
}

impl FromRef<App> for Notifications {
    fn from_ref(app: &App) -> Notifications {
        app.notifications.clone()
    }
}

/// The extractor: refusals and duplicates are answered before this runs.
async fn paid(State(app): State<App>, Notified(n): Notified<Transaction>) -> NotifyReply {
    app.processed.paid.lock().unwrap().push(n);
    NotifyReply::success()
}

async fn subsidy(State(app): State<App>, Notified(n): Notified<UntypedResource>) -> NotifyReply {
    app.processed.subsidy.lock().unwrap().push(n);
    NotifyReply::success()
}

/// The framework-agnostic `handle`, with processing that can fail.
async fn refund(State(app): State<App>, headers: HeaderMap, body: Bytes) -> NotifyReply {
    let processed = app.processed.clone();
    app.notifications
        .handle(&headers, &body, |n: Notification<Refund>| async move {
            let mut failures = processed.refund_failures.lock().unwrap();
            if *failures > 0 {
                *failures -= 1;
                return Err("database down");
            }
            processed.refunds.lock().unwrap().push(n);
            Ok(())
        })
        .await
}

struct Server {
    url: String,
    processed: Processed,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(sandbox: &Sandbox) -> Server {
    serve_with(Notifications::new(sandbox.wechatpay_keys(), demo::api_v3_key())).await
}

async fn serve_with(notifications: Notifications) -> Server {
    let processed = Processed::default();
    let app = Router::new()
        .route("/notify/paid", post(paid))
        .route("/notify/refund", post(refund))
        .route("/notify/subsidy", post(subsidy))
        .with_state(App { notifications, processed: processed.clone() });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server { url, processed, task }
}

fn transaction(out_trade_no: &str) -> Value {
    json!({
        "appid": "wxd678efh567hg6787", "mchid": demo::MCHID, "out_trade_no": out_trade_no,
        "transaction_id": format!("42{out_trade_no}"), "trade_type": "JSAPI",
        "trade_state": "SUCCESS", "trade_state_desc": "支付成功", "bank_type": "CMC",
        "success_time": "2025-01-14T19:55:06+08:00", "payer": { "openid": OPENID },
        "amount": { "total": 399_900, "payer_total": 319_920, "currency": "CNY", "payer_currency": "CNY" },
        "promotion_detail": [{
            "coupon_id": "109519", "name": "以旧换新补贴", "scope": "SINGLE", "type": "CASH",
            "amount": 79_980, "stock_id": "931386", "wechatpay_contribute": 0,
            "merchant_contribute": 0, "other_contribute": 79_980, "currency": "CNY"
        }]
    })
}

fn refund_resource(out_refund_no: &str) -> Value {
    json!({
        "mchid": demo::MCHID, "out_trade_no": "T1", "transaction_id": "4200000001",
        "out_refund_no": out_refund_no, "refund_id": "50200207182018070300011301001",
        "refund_status": "SUCCESS", "success_time": "2025-01-15T10:00:00+08:00",
        "user_received_account": ACCOUNT,
        "amount": { "total": 999, "refund": 999, "payer_total": 999, "payer_refund": 999 }
    })
}

fn fail(message: &str) -> Vec<u8> {
    json!({ "code": "FAIL", "message": message }).to_string().into_bytes()
}

/// The answers a correct receiver gives to each kind.
fn expected(kind: NotificationKind) -> Vec<(u16, Vec<u8>)> {
    match kind {
        NotificationKind::Normal => vec![(204, Vec::new())],
        NotificationKind::Replayed => vec![(204, Vec::new()), (204, Vec::new())],
        NotificationKind::WrongApiV3Key => vec![(500, fail("resource decryption failed"))],
        _ => vec![(401, fail("signature verification failed"))],
    }
}

fn answers(delivered: &Delivered) -> Vec<(u16, Vec<u8>)> {
    delivered.answers.iter().map(|a| (a.status, a.body.clone())).collect()
}

#[tokio::test]
async fn each_kind_gets_its_answer_and_only_genuine_payments_are_processed_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let server = serve(&sandbox).await;
    let url = format!("{}/notify/paid", server.url);
    let mut genuine = Vec::new();
    for (i, kind) in NotificationKind::ALL.into_iter().enumerate() {
        let resource = transaction(&format!("T{i}"));
        let delivered =
            sandbox.deliver_notification(&url, kind, TRANSACTION_SUCCESS, &resource).await.unwrap();
        assert_eq!(answers(&delivered), expected(kind), "{kind:?}");
        if kind.is_genuine() {
            genuine.push((delivered.id, format!("T{i}")));
        }
    }

    let paid = server.processed.paid.lock().unwrap().clone();
    let seen: Vec<(String, String)> =
        paid.iter().map(|n| (n.id.clone(), n.resource.out_trade_no.clone())).collect();
    assert_eq!(seen, genuine, "Normal and Replayed, each once; no forged one");
    let n = &paid[0];
    assert_eq!(
        (n.event_type.as_str(), n.original_type.as_str()),
        (TRANSACTION_SUCCESS, "transaction")
    );
    assert_eq!(n.resource.payer.openid.as_str(), OPENID);
    let subsidy = &n.resource.promotion_detail[0];
    assert_eq!(subsidy.other_contribute, Some(wechatpay_apiv3::money::Fen(79_980)));
    assert!(!format!("{n:?}").contains(OPENID), "Debug hides the payer");
}

#[tokio::test]
async fn a_refund_whose_processing_fails_is_processed_on_the_redelivery() {
    let sandbox = Sandbox::start().await.unwrap();
    let server = serve(&sandbox).await;
    let url = format!("{}/notify/refund", server.url);
    *server.processed.refund_failures.lock().unwrap() = 1;
    let delivered = sandbox
        .deliver_notification(
            &url,
            NotificationKind::Replayed,
            REFUND_SUCCESS,
            &refund_resource("R1"),
        )
        .await
        .unwrap();
    assert_eq!(answers(&delivered), [(500, fail("processing failed")), (204, Vec::new())]);
    for kind in [NotificationKind::Probe, NotificationKind::Stale] {
        let delivered = sandbox
            .deliver_notification(&url, kind, REFUND_SUCCESS, &refund_resource("R2"))
            .await
            .unwrap();
        assert_eq!(answers(&delivered), expected(kind));
    }
    let refunds = server.processed.refunds.lock().unwrap().clone();
    assert_eq!(refunds.len(), 1);
    assert_eq!(
        (refunds[0].id.as_str(), refunds[0].resource.out_refund_no.as_str()),
        (delivered.id.as_str(), "R1")
    );
    assert_eq!(refunds[0].resource.user_received_account.as_str(), ACCOUNT);
    assert!(!format!("{:?}", refunds[0]).contains("0403"), "Debug hides the account");
}

#[tokio::test]
async fn a_gov_subsidy_notification_is_read_untyped_and_its_values_never_print() {
    let sandbox = Sandbox::start().await.unwrap();
    let server = serve(&sandbox).await;
    let url = format!("{}/notify/subsidy", server.url);
    let resource =
        json!({ "out_request_no": "A1", "audit_status": "PASS", "id_card_number": ID_CARD });
    let delivered = sandbox
        .deliver_notification(&url, NotificationKind::Normal, "GOV_SUBSIDY.AUDIT", &resource)
        .await
        .unwrap();
    assert_eq!(answers(&delivered), expected(NotificationKind::Normal));
    let subsidy = server.processed.subsidy.lock().unwrap().clone();
    assert_eq!(subsidy.len(), 1);
    assert_eq!(subsidy[0].resource.0, resource);
    let debug = format!("{:?}", subsidy[0]);
    assert!(debug.contains("id_card_number") && !debug.contains(ID_CARD), "{debug}");
}

/// A duplicate guard whose database is down.
struct DownStore;

impl SeenStore for DownStore {
    fn first_time<'a>(&'a self, _: &'a str) -> SeenFuture<'a, bool> {
        Box::pin(async { Err(SeenStoreError::new("connection refused")) })
    }

    fn forget<'a>(&'a self, _: &'a str) -> SeenFuture<'a, ()> {
        Box::pin(async { Err(SeenStoreError::new("connection refused")) })
    }
}

#[tokio::test]
async fn a_failing_duplicate_guard_is_answered_500_and_nothing_is_processed() {
    let sandbox = Sandbox::start().await.unwrap();
    let notifications =
        Notifications::new(sandbox.wechatpay_keys(), demo::api_v3_key()).with_seen_store(DownStore);
    let server = serve_with(notifications).await;
    let unavailable = vec![(500, fail("temporarily unable to process"))];
    // Through the extractor, then through `handle`.
    let paid = format!("{}/notify/paid", server.url);
    let delivered = sandbox
        .deliver_notification(
            &paid,
            NotificationKind::Normal,
            TRANSACTION_SUCCESS,
            &transaction("T1"),
        )
        .await
        .unwrap();
    assert_eq!(answers(&delivered), unavailable);
    let refund = format!("{}/notify/refund", server.url);
    let delivered = sandbox
        .deliver_notification(
            &refund,
            NotificationKind::Normal,
            REFUND_SUCCESS,
            &refund_resource("R1"),
        )
        .await
        .unwrap();
    assert_eq!(answers(&delivered), unavailable);
    assert!(server.processed.paid.lock().unwrap().is_empty());
    assert!(server.processed.refunds.lock().unwrap().is_empty());
}

#[tokio::test]
async fn an_unreachable_notify_url_is_an_error_not_a_hang() {
    let sandbox = Sandbox::start().await.unwrap();
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/notify", closed.local_addr().unwrap());
    drop(closed);
    let error = sandbox
        .deliver_notification(
            &url,
            NotificationKind::Normal,
            TRANSACTION_SUCCESS,
            &transaction("T"),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, wechatpay_apiv3_mock::Error::Deliver(_)), "{error}");
    let https = sandbox
        .deliver_notification(
            "https://127.0.0.1/x",
            NotificationKind::Normal,
            TRANSACTION_SUCCESS,
            &json!({}),
        )
        .await
        .unwrap_err();
    assert!(matches!(https, wechatpay_apiv3_mock::Error::Deliver(_)));
}

#[tokio::test]
async fn a_receiver_made_from_a_client_verifies_with_the_keys_the_client_uses() {
    let sandbox = Sandbox::start().await.unwrap();
    let builder = || {
        wechatpay_apiv3::Client::builder()
            .mchid(demo::MCHID)
            .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)
            .unwrap()
            .base_url(&sandbox.base_url())
            .apiv3_key(demo::api_v3_key())
    };
    let trusting = builder()
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .build()
        .unwrap();
    let keyless = builder().build().unwrap();
    for (client, answer) in [(trusting, 204), (keyless, 401)] {
        let server = serve_with(Notifications::from_client(&client, demo::api_v3_key())).await;
        let url = format!("{}/notify/paid", server.url);
        let delivered = sandbox
            .deliver_notification(
                &url,
                NotificationKind::Normal,
                TRANSACTION_SUCCESS,
                &transaction("T1"),
            )
            .await
            .unwrap();
        assert_eq!(delivered.answers[0].status, answer);
    }
}
