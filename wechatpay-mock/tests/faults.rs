//! Each injected fault has its effect on the next request, and only on it.

mod common;

use std::time::{Duration, Instant};

use common::*;
use wechatpay_core::VerifyError;
use wechatpay_mock::{Fault, Sandbox};

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
    assert_back_to_normal(&sandbox).await;
}

#[tokio::test]
async fn status_faults_answer_wechat_error_bodies() {
    let sandbox = Sandbox::start().await.unwrap();
    for (status, code) in [
        (500, "SYSTEM_ERROR"),
        (503, "SERVICE_UNAVAILABLE"),
        (502, "SERVICE_UNAVAILABLE"),
        (429, "RATELIMIT_EXCEEDED"),
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
    let signer = wechatpay_mock::demo::signer().with_clock(|| 1_750_000_000);
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
        Some(wechatpay_mock::demo::UNKNOWN_PUBLIC_KEY_ID)
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
        Wire::signed(&wechatpay_mock::demo::signer(), "GET", "/v3/unknown", Vec::new(), None)
            .send(&sandbox)
            .await;
    answer.assert_error(&sandbox, 503, "SERVICE_UNAVAILABLE");
    assert_back_to_normal(&sandbox).await;
}
