//! Each injected fault has its effect on the next request, and only on it.

mod common;

use std::time::{Duration, Instant};

use common::*;
use wechatpay_apiv3_core::VerifyError;
use wechatpay_apiv3_mock::{Fault, Sandbox};

async fn sync(sandbox: &Sandbox) -> Answer {
    Wire::sync(sandbox, vec![item(&encryptor(sandbox))]).send(sandbox).await
}

/// The fault was used up: the next request is answered normally.
async fn assert_back_to_normal(sandbox: &Sandbox) {
    assert_eq!(sandbox.pending_faults(), 0);
    let answer = sync(sandbox).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.verify(sandbox).unwrap();
}

#[tokio::test]
async fn delay_then_normal_answer() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::Delay(Duration::from_millis(400)));
    let started = Instant::now();
    let answer = sync(&sandbox).await;
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(answer.status, 200);
    answer.verify(&sandbox).unwrap();
    assert_eq!(
        sandbox.last_received().unwrap().fault,
        Some(Fault::Delay(Duration::from_millis(400)))
    );
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn delay_longer_than_the_client_timeout_is_a_timeout() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::Delay(Duration::from_secs(2)));
    let client =
        reqwest::Client::builder().no_proxy().timeout(Duration::from_millis(200)).build().unwrap();
    let wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    let error = wire.try_send_with(&client, &sandbox).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    let record = sandbox.last_received().unwrap();
    assert_eq!(record.status, None, "recorded, not answered");
    assert!(record.accepted(), "applied before the answer was delayed");
    assert_eq!(sandbox.accepted_count(), 1);
}

#[tokio::test]
async fn drop_connection_is_a_connection_error_not_a_response() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::DropConnection);
    let wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    let error = wire.try_send(&sandbox).await.expect_err("no response at all");
    assert!(error.is_request() || error.is_connect(), "{error:?}");
    assert!(error.status().is_none());
    assert!(!error.is_timeout());

    let record = sandbox.last_received().unwrap();
    assert_eq!(record.fault, Some(Fault::DropConnection));
    assert_eq!(record.status, None);
    assert!(record.accepted(), "the request itself was fine and is recorded decrypted");
    assert_eq!(record.json.as_ref().unwrap()["data"][0]["tel"], TEL);
    assert_eq!(sandbox.accepted_count(), 1, "applied, though the client saw no answer");

    // An orderly close (FIN), not a reset.
    sandbox.inject(Fault::DropConnection);
    let raw = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))])
        .send_raw(&sandbox, Duration::from_secs(5))
        .await;
    assert!(raw.end.is_ok(), "{:?}", raw.end);
    assert!(raw.bytes.is_empty());
    assert_eq!(sandbox.accepted_count(), 2);
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn status_faults_answer_wechat_error_bodies() {
    let sandbox = Sandbox::start().await.unwrap();
    for (status, code) in [
        (500, "SYSTEM_ERROR"),
        (503, "SERVICE_UNAVAILABLE"),
        (502, "SERVICE_UNAVAILABLE"),
        (429, "FREQUENCY_LIMITED"),
        (403, "NO_AUTH"),
    ] {
        sandbox.inject(Fault::Status(status));
        let answer = sync(&sandbox).await;
        answer.assert_error(&sandbox, status, code);
        assert!(answer.json()["message"].is_string());
        assert_eq!(sandbox.last_received().unwrap().status, Some(status));
    }
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn inject_n_applies_to_that_many_requests_in_order() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject_n(Fault::Status(503), 2);
    sandbox.inject(Fault::Status(500));
    assert_eq!(sandbox.pending_faults(), 3);
    assert_eq!(sync(&sandbox).await.status, 503);
    assert_eq!(sync(&sandbox).await.status, 503);
    assert_eq!(sync(&sandbox).await.status, 500);
    assert_back_to_normal(&sandbox).await;

    sandbox.inject_n(Fault::Status(503), 5);
    sandbox.clear_faults();
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn unsigned_answer_has_no_signature_headers() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::Unsigned);
    let answer = sync(&sandbox).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.text(), SUCCESS);
    for name in
        ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"]
    {
        assert!(answer.header(name).is_none(), "{name}");
    }
    assert!(answer.header("Request-ID").is_some());
    assert!(matches!(answer.verify(&sandbox), Err(VerifyError::MissingHeader(_))));
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn tampered_body_does_not_verify() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::TamperedBody);
    let answer = sync(&sandbox).await;
    assert_eq!(answer.status, 200);
    assert_ne!(answer.text(), SUCCESS);
    assert_eq!(answer.json()["resp_code"], "000000", "still looks like a success");
    assert_eq!(answer.verify(&sandbox), Err(VerifyError::BadSignature));
    assert_eq!(sandbox.last_received().unwrap().response_body, answer.body);
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn wrong_signature_does_not_verify() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::WrongSignature);
    let answer = sync(&sandbox).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("Wechatpay-Serial"), Some(sandbox.public_key_id()));
    assert_eq!(answer.verify(&sandbox), Err(VerifyError::BadSignature));
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn stale_timestamp_is_ten_minutes_old() {
    let sandbox = Sandbox::builder().clock(|| 1_750_000_000).start().await.unwrap();
    sandbox.inject(Fault::StaleTimestamp);
    let signer = wechatpay_apiv3_mock::demo::signer().with_clock(|| 1_750_000_000);
    let body = sync_body(vec![item(&encryptor(&sandbox))]);
    let answer = Wire::signed(&signer, "POST", SYNC, body, Some(sandbox.public_key_id()))
        .send(&sandbox)
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("Wechatpay-Timestamp"), Some("1749999400"));
    let keys = sandbox.wechatpay_keys().with_clock(|| 1_750_000_000);
    assert!(matches!(
        keys.verify(&answer.headers, &answer.body),
        Err(VerifyError::TimestampSkew { skew: 600, .. })
    ));
    // Correctly signed otherwise: a verifier whose clock agrees accepts it.
    let lenient = sandbox.wechatpay_keys().with_clock(|| 1_749_999_400);
    lenient.verify(&answer.headers, &answer.body).unwrap();
}

#[tokio::test]
async fn unknown_serial_names_a_key_the_client_does_not_know() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::UnknownSerial);
    let answer = sync(&sandbox).await;
    assert_eq!(
        answer.header("Wechatpay-Serial"),
        Some(wechatpay_apiv3_mock::demo::UNKNOWN_PUBLIC_KEY_ID)
    );
    assert!(matches!(answer.verify(&sandbox), Err(VerifyError::UnknownSerial(_))));
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn probe_signature_is_rejected_as_a_probe() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::Probe);
    let answer = sync(&sandbox).await;
    assert!(answer.header("Wechatpay-Signature").unwrap().starts_with("WECHATPAY/SIGNTEST/"));
    assert_eq!(answer.verify(&sandbox), Err(VerifyError::SignatureProbe));
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn non_json_is_signed_but_not_json() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::NonJson);
    let answer = sync(&sandbox).await;
    assert_eq!(answer.status, 200);
    answer.verify(&sandbox).unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&answer.body).is_err());
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn business_failure_is_a_signed_200() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::business("100001", "资格核销失败", ["第1条: 品类凭证码无效"]));
    let answer = sync(&sandbox).await;
    assert_eq!(answer.status, 200);
    answer.verify(&sandbox).unwrap();
    assert_eq!(
        answer.text(),
        r#"{"resp_code":"100001","resp_desc":"资格核销失败","error_data":["第1条: 品类凭证码无效"]}"#
    );
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn answer_faults_do_not_hide_a_refused_request_but_are_used_up() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::business("100001", "失败", Vec::<String>::new()));
    let answer = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))])
        .without("Authorization")
        .send(&sandbox)
        .await;
    answer.assert_error(&sandbox, 401, "SIGN_ERROR");
    assert_back_to_normal(&sandbox).await;

    // Transport faults apply whatever the request, even to an unknown route.
    sandbox.inject(Fault::Status(503));
    let answer =
        Wire::signed(&wechatpay_apiv3_mock::demo::signer(), "GET", "/v3/unknown", Vec::new(), None)
            .send(&sandbox)
            .await;
    answer.assert_error(&sandbox, 503, "SERVICE_UNAVAILABLE");
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn reset_after_read_resets_the_connection_after_applying() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::ResetAfterRead);
    let raw = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))])
        .send_raw(&sandbox, Duration::from_secs(5))
        .await;
    let error = raw.end.expect_err("a reset, not an orderly close");
    assert_eq!(error.kind(), std::io::ErrorKind::ConnectionReset, "{error:?}");
    assert!(raw.bytes.is_empty(), "no answer at all");
    let record = sandbox.last_received().unwrap();
    assert_eq!(record.fault, Some(Fault::ResetAfterRead));
    assert_eq!(record.status, None);
    assert!(record.accepted());
    assert_eq!(sandbox.accepted_count(), 1);

    // Through an HTTP client: a connection error, no status, no timeout.
    sandbox.inject(Fault::ResetAfterRead);
    let error = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))])
        .try_send(&sandbox)
        .await
        .expect_err("no response");
    assert!(error.status().is_none() && !error.is_timeout(), "{error:?}");
    assert_eq!(sandbox.accepted_count(), 2);
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn truncated_body_sends_signed_headers_then_half_the_body() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::TruncatedBody);
    let raw = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))])
        .send_raw(&sandbox, Duration::from_secs(5))
        .await;
    let head = raw.head().expect("the head arrives");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let full = SUCCESS.len();
    assert_eq!(raw.header("Content-Length"), Some(full.to_string()));
    assert_eq!(raw.body(), &SUCCESS.as_bytes()[..full / 2], "only the first half");
    assert!(raw.end.as_ref().map_err(|e| e.kind()) != Err(std::io::ErrorKind::TimedOut));

    // The signature headers are correct for the full body.
    let record = sandbox.last_received().unwrap();
    assert_eq!(record.response_body, SUCCESS.as_bytes());
    let mut headers = reqwest::header::HeaderMap::new();
    for name in
        ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"]
    {
        let value = raw.header(name).unwrap_or_else(|| panic!("{name} is sent"));
        headers.insert(name, value.parse().unwrap());
    }
    sandbox.wechatpay_keys().verify(&headers, SUCCESS.as_bytes()).unwrap();
    assert_eq!(record.status, Some(200));
    assert!(record.accepted());
    assert_eq!(sandbox.accepted_count(), 1);

    // Through an HTTP client: the status arrives, reading the body fails.
    sandbox.inject(Fault::TruncatedBody);
    let wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    let mut request = client().post(sandbox.url(SYNC)).body(wire.body.clone());
    for (name, value) in &wire.headers {
        request = request.header(name, value);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.bytes().await.is_err());
    assert_eq!(sandbox.accepted_count(), 2);
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn stall_after_headers_lets_a_client_timeout_fire_after_the_status() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::StallAfterHeaders(Duration::from_secs(3)));
    let client =
        reqwest::Client::builder().no_proxy().timeout(Duration::from_millis(500)).build().unwrap();
    let wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    let mut request = client.post(sandbox.url(SYNC)).body(wire.body.clone());
    for (name, value) in &wire.headers {
        request = request.header(name, value);
    }
    let started = Instant::now();
    let response = request.send().await.expect("the status and headers arrive");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.content_length(), Some(SUCCESS.len() as u64));
    let error = response.bytes().await.expect_err("the body never comes");
    assert!(error.is_timeout(), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    let record = sandbox.last_received().unwrap();
    assert_eq!(record.status, Some(200));
    assert!(record.accepted());
    assert_eq!(sandbox.accepted_count(), 1);

    // Without a client timeout: no body byte, then the connection is closed.
    sandbox.inject(Fault::StallAfterHeaders(Duration::from_millis(300)));
    let started = Instant::now();
    let raw = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))])
        .send_raw(&sandbox, Duration::from_secs(5))
        .await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert!(raw.head().unwrap().starts_with("HTTP/1.1 200"));
    assert!(raw.body().is_empty());
    assert!(raw.end.as_ref().map_err(|e| e.kind()) != Err(std::io::ErrorKind::TimedOut));
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn rate_limited_is_frequency_limited_with_retry_after_and_not_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(Fault::RateLimited { retry_after: Some(Duration::from_millis(1500)) });
    let answer = sync(&sandbox).await;
    answer.assert_error(&sandbox, 429, "FREQUENCY_LIMITED");
    assert_eq!(answer.header("Retry-After"), Some("2"), "whole seconds, rounded up");
    let record = sandbox.last_received().unwrap();
    assert!(!record.accepted(), "a rate-limited request is not applied");
    assert!(record.json.is_some(), "though it was valid");

    sandbox.inject(Fault::Status(429));
    let answer = sync(&sandbox).await;
    answer.assert_error(&sandbox, 429, "FREQUENCY_LIMITED");
    assert_eq!(answer.header("Retry-After"), None);
    assert!(!sandbox.last_received().unwrap().accepted());

    sandbox.inject(Fault::rate_limited(1));
    let answer = sync(&sandbox).await;
    assert_eq!(answer.header("Retry-After"), Some("1"));
    assert_eq!(sandbox.accepted_count(), 0);
    assert_back_to_normal(&sandbox).await;
    assert_eq!(sandbox.accepted_count(), 1);
}

#[tokio::test]
async fn accepted_means_valid_and_not_refused_by_the_fault() {
    let sandbox = Sandbox::start().await.unwrap();
    let cases = [
        (Fault::Status(500), true),
        (Fault::Status(503), true),
        (Fault::Status(400), false),
        (Fault::Status(403), false),
        (Fault::Status(429), false),
        (Fault::RateLimited { retry_after: None }, false),
        (Fault::Unsigned, true),
        (Fault::TamperedBody, true),
        (Fault::WrongSignature, true),
        (Fault::StaleTimestamp, true),
        (Fault::UnknownSerial, true),
        (Fault::Probe, true),
        (Fault::NonJson, true),
        (Fault::business("100001", "失败", ["x"]), true),
        (Fault::Delay(Duration::from_millis(10)), true),
    ];
    let mut expected = 0;
    for (fault, accepted) in cases {
        sandbox.inject(fault.clone());
        let _ = sync(&sandbox).await;
        let record = sandbox.last_received().unwrap();
        assert_eq!(record.accepted(), accepted, "{fault:?}");
        expected += u64::from(accepted);
        assert_eq!(sandbox.accepted_count(), expected, "{fault:?}");
    }

    // An invalid request is never accepted, whatever the fault.
    for fault in [
        Fault::Status(500),
        Fault::DropConnection,
        Fault::ResetAfterRead,
        Fault::TruncatedBody,
        Fault::NonJson,
    ] {
        sandbox.inject(fault.clone());
        let wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]).without("Authorization");
        let _ = wire.try_send(&sandbox).await;
        assert!(!sandbox.last_received().unwrap().accepted(), "{fault:?}");
    }
    assert_eq!(sandbox.accepted_count(), expected);
    let refused = sandbox.received().iter().filter(|record| !record.accepted()).count();
    assert_eq!(refused, 4 + 5);
}
