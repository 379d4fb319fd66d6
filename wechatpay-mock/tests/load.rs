//! Behaviour under load: per-endpoint rate limits, latency, per-record business errors.
//! Requests are built by hand; timings are only checked from below.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};
use wechatpay_apiv3_mock::endpoints::*;
use wechatpay_apiv3_mock::{Latency, Outcome, PUBLISHED_RATE_LIMITS, Record, Sandbox, demo};

/// A sync request with one item per order number (fields encrypted to the sandbox).
fn sync_of(sandbox: &Sandbox, orders: &[&str]) -> Wire {
    let encryptor = encryptor(sandbox);
    let items = orders
        .iter()
        .map(|order| {
            let mut item = item(&encryptor);
            item["order_no"] = json!(order);
            item
        })
        .collect();
    Wire::sync(sandbox, items)
}

fn assert_throttled(sandbox: &Sandbox, answer: &Answer) {
    answer.assert_error(sandbox, 429, "FREQUENCY_LIMITED");
    let retry_after: u64 = answer.header("Retry-After").expect("Retry-After").parse().unwrap();
    assert!(retry_after >= 1, "whole seconds, at least one");
    let record = sandbox.last_received().unwrap();
    assert!(record.rate_limited);
    assert!(!record.accepted(), "a throttled request is not applied");
    assert_eq!(record.status, Some(429));
}

#[tokio::test]
async fn over_the_limit_is_429_with_retry_after_and_not_applied_until_the_bucket_refills() {
    let sandbox = Sandbox::builder().rate_limit(SYNC, 2).start().await.unwrap();
    // Signed and encrypted beforehand, so that they arrive well within half a second.
    let wires: Vec<Wire> = (0..3).map(|n| sync_of(&sandbox, &[&format!("O{n}")])).collect();
    sandbox.script("POST", SYNC, Outcome::business("100001", "失败", ["data[0]: x"]));
    let first = wires[0].send(&sandbox).await;
    assert_eq!((first.status, first.json()["resp_code"].clone()), (200, json!("100001")));
    assert_eq!(wires[1].send(&sandbox).await.text(), SUCCESS);
    assert_eq!(sandbox.accepted_count(), 1);

    sandbox.script("POST", SYNC, Outcome::Body(json!({"resp_code": "000000", "scripted": true})));
    let third = wires[2].send(&sandbox).await;
    assert_throttled(&sandbox, &third);
    assert_eq!(sandbox.accepted_count(), 1, "the throttled request was not applied");
    assert!(sandbox.last_received().unwrap().outcome.is_none(), "its outcome stays queued");

    // At 2/s a token is back after half a second; Retry-After says 1 s.
    let wait: u64 = third.header("Retry-After").unwrap().parse().unwrap();
    tokio::time::sleep(Duration::from_secs(wait)).await;
    let again = sync_of(&sandbox, &["O2"]).send(&sandbox).await;
    assert_eq!(again.json(), json!({"resp_code": "000000", "scripted": true}));
    again.verify(&sandbox).unwrap();
    assert!(!sandbox.last_received().unwrap().rate_limited);
    assert_eq!(sandbox.accepted_count(), 2);
}

#[tokio::test]
async fn each_endpoint_has_its_own_bucket() {
    let sandbox = Sandbox::builder()
        .rate_limit(SYNC, 1)
        .rate_limit(ZHEJIANG_SNCODE_QUERY.path, 1)
        .start()
        .await
        .unwrap();
    let syncs: Vec<Wire> = (0..2).map(|n| sync_of(&sandbox, &[&format!("O{n}")])).collect();
    let queries: Vec<Wire> = (0..2).map(|_| minimal(&sandbox, &ZHEJIANG_SNCODE_QUERY)).collect();
    assert_eq!(syncs[0].send(&sandbox).await.status, 200);
    assert_throttled(&sandbox, &syncs[1].send(&sandbox).await);
    assert_eq!(queries[0].send(&sandbox).await.status, 200, "another endpoint's bucket is full");
    assert_throttled(&sandbox, &queries[1].send(&sandbox).await);
    // An endpoint without a limit is never throttled.
    for _ in 0..3 {
        assert_eq!(minimal(&sandbox, &ZHEJIANG_GOODS_QUERY).send(&sandbox).await.status, 200);
    }
    assert_eq!(sandbox.accepted_count(), 5);
    assert_eq!(sandbox.rate_limit(ZHEJIANG_GOODS_QUERY.path), None);
}

#[tokio::test]
async fn the_default_limit_gives_every_path_its_own_bucket() {
    let sandbox =
        Sandbox::builder().default_rate_limit(1).rate_limit(SYNC, 3).start().await.unwrap();
    assert_eq!(sandbox.rate_limit(SYNC), Some(3));
    assert_eq!(sandbox.rate_limit(QUALIFICATION), Some(1));
    let goods: Vec<Wire> = (0..2).map(|_| minimal(&sandbox, &ZHEJIANG_GOODS_QUERY)).collect();
    let sncode = minimal(&sandbox, &ZHEJIANG_SNCODE_QUERY);
    assert_eq!(goods[0].send(&sandbox).await.status, 200);
    assert_throttled(&sandbox, &goods[1].send(&sandbox).await);
    assert_eq!(sncode.send(&sandbox).await.status, 200);
}

#[tokio::test]
async fn only_authenticated_requests_take_a_token() {
    let sandbox = Sandbox::builder().rate_limit(SYNC, 1).start().await.unwrap();
    let valid = sync_of(&sandbox, &["O1"]);
    let after = sync_of(&sandbox, &["O2"]);
    let forged = sync_of(&sandbox, &["O0"]).header(
        "Authorization",
        &format!("WECHATPAY2-SHA256-RSA2048 mchid=\"{}\",nonce_str=\"x\",signature=\"AAAA\",timestamp=\"1\",serial_no=\"{}\"", demo::MCHID, demo::MERCHANT_SERIAL),
    );
    forged.send(&sandbox).await.assert_error(&sandbox, 401, "SIGN_ERROR");
    assert!(!sandbox.last_received().unwrap().rate_limited);
    assert_eq!(valid.send(&sandbox).await.status, 200, "the 401 took no token");

    // An authenticated but invalid request does take one (the gateway counts before checks).
    let sandbox = Sandbox::builder().rate_limit(SYNC, 1).start().await.unwrap();
    let invalid = Wire::sync(&sandbox, vec![json!({})]); // every required field missing
    let valid = sync_of(&sandbox, &["O1"]);
    invalid.send(&sandbox).await.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_throttled(&sandbox, &valid.send(&sandbox).await);
    assert!(sandbox.last_received().unwrap().json.is_some(), "still checked, for the record");
    drop(after);
}

#[tokio::test]
async fn the_published_limits_are_a_preset() {
    assert_eq!(
        PUBLISHED_RATE_LIMITS,
        [
            ("qualification", 1000),
            ("qualifications/sync", 100),
            ("transactions/sync", 100),
            ("sncode/query", 1000)
        ]
    );
    let sandbox = Sandbox::builder().published_rate_limits().start().await.unwrap();
    for (endpoint, limit) in [
        (&GOV_SUBSIDY_QUALIFICATION, Some(1000)),
        (&JIANGSU_QUALIFICATIONS_SYNC, Some(100)),
        (&ZHEJIANG_QUALIFICATIONS_SYNC, Some(100)),
        (&JIANGSU_TRANSACTIONS_SYNC, Some(100)),
        (&JIANGSU_SNCODE_QUERY, Some(1000)),
        (&ZHEJIANG_SNCODE_QUERY, Some(1000)),
        (&JIANGSU_N_QUALIFICATIONS_SYNC, None),
        (&ZHEJIANG_GOODS_QUERY, None),
    ] {
        assert_eq!(sandbox.rate_limit(endpoint.path), limit, "{}", endpoint.path);
    }
    assert_eq!(Sandbox::start().await.unwrap().rate_limit(SYNC), None, "no limit by default");
}

#[test]
#[should_panic(expected = "serves no endpoint")]
fn a_limit_on_an_unknown_path_is_a_mistake() {
    let _ = Sandbox::builder().rate_limit("/v3/gov/subsidy/nowhere", 10);
}

#[tokio::test]
async fn latency_delays_processed_answers() {
    let delay = Duration::from_millis(300);
    let sandbox = Sandbox::builder().latency(Latency::fixed(delay)).start().await.unwrap();
    for _ in 0..2 {
        let wire = sync_of(&sandbox, &["O1"]);
        let started = Instant::now();
        assert_eq!(wire.send(&sandbox).await.status, 200);
        assert!(started.elapsed() >= delay, "{:?}", started.elapsed());
    }

    // Every second answer slow: the second and fourth.
    let slow = Duration::from_millis(300);
    let sandbox =
        Sandbox::builder().latency(Latency::tail(Duration::ZERO, slow, 2)).start().await.unwrap();
    for n in 1..=4 {
        let wire = sync_of(&sandbox, &["O1"]);
        let started = Instant::now();
        assert_eq!(wire.send(&sandbox).await.status, 200);
        if n % 2 == 0 {
            assert!(started.elapsed() >= slow, "answer {n}: {:?}", started.elapsed());
        }
    }
    assert_eq!(sandbox.accepted_count(), 4);
}

#[tokio::test]
async fn rejected_records_are_listed_and_the_request_is_not_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let outcome = Outcome::reject_records(
        "100001",
        "部分记录校验失败",
        [(Record::field("order_no", "B"), "订单号重复"), (Record::index(3), "凭证码无效")],
    );
    sandbox.script("POST", SYNC, outcome.clone());
    let answer = sync_of(&sandbox, &["A", "B", "C", "D"]).send(&sandbox).await;
    assert_eq!(answer.status, 200);
    answer.verify(&sandbox).unwrap();
    let expected: Value = json!({
        "resp_code": "100001",
        "resp_desc": "部分记录校验失败",
        "error_data": ["data[1]: 订单号重复", "data[3]: 凭证码无效"],
    });
    assert_eq!(answer.json(), expected);
    let record = sandbox.last_received().unwrap();
    assert!(!record.accepted(), "the whole request is not applied");
    assert_eq!(record.outcome, Some(outcome.clone()));
    assert_eq!(sandbox.accepted_count(), 0);

    // No item selected: the success body, applied.
    sandbox.script("POST", SYNC, outcome);
    let answer = sync_of(&sandbox, &["A", "C"]).send(&sandbox).await;
    assert_eq!(answer.text(), SUCCESS);
    assert_eq!(sandbox.accepted_count(), 1);
}
