//! The client end to end against the offline sandbox on 127.0.0.1: success, validation, faults,
//! retries, fail-closed encryption, concurrency, and no plaintext in any output.

mod support;

use std::time::Duration;

use support::{CERT_NO, NAME, TEL, assert_no_plaintext, client, quick_retries, request};
use wechatpay_apiv3::gov::subsidy::zhejiang::{QualificationsSync, Status};
use wechatpay_apiv3::request::Rule;
use wechatpay_apiv3::{CryptoError, Error, RetryPolicy, TransportKind, VerifyError, WechatRequest};
use wechatpay_apiv3_mock::{Fault, Sandbox};

#[tokio::test]
async fn a_valid_request_arrives_encrypted_and_decrypts_to_the_plaintext() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, RetryPolicy::none());

    let reply = request(2).send(&client).await.unwrap();
    assert_eq!((reply.resp_code.as_str(), reply.error_data.len()), ("000000", 0));

    let received = sandbox.received();
    assert_eq!(received.len(), 1);
    let received = &received[0];
    assert_eq!(received.header("Wechatpay-Serial"), Some(sandbox.public_key_id()));
    let body = String::from_utf8(received.body.clone()).unwrap();
    assert_no_plaintext(&body);
    let json = received.json.as_ref().expect("the sandbox accepted the request");
    for record in json["data"].as_array().unwrap() {
        assert_eq!(record["cert_no"], CERT_NO);
        assert_eq!(record["name"], NAME);
        assert_eq!(record["tel"], TEL);
        assert_eq!(record["operation_time"], "1735689600123");
        assert_eq!(record["sales"], "3999.00");
        assert_eq!(record["is_ai_product"], "0");
        assert!(record.get("bank_name").is_none(), "absent optionals are not sent");
    }
}

#[tokio::test]
async fn a_request_breaking_rules_sends_nothing_and_reports_every_violation() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, RetryPolicy::none());
    let mut bad = request(3);
    let records = bad.data.as_mut().expect("three records");
    records[2].tel = "".into();
    records[1].barcode = "123".into();
    records[0].status = Status::Returned;
    records[0].cate_code = "B01".into();

    let Err(Error::Validation(violations)) = bad.send(&client).await else {
        panic!("expected a validation error")
    };
    assert!(violations.contains("data[2].tel", &Rule::Required));
    assert!(violations.contains("data[1].barcode", &Rule::Digits { counts: &[13, 14] }));
    assert!(violations.iter().any(|v| v.path == "data[0].origin_order_no"));
    assert_eq!(violations.0.len(), 3, "{violations}");
    assert!(sandbox.received().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn a_client_without_wechatpay_keys_refuses_to_send_personal_data() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = support::bare_builder(&sandbox).build().unwrap();
    let error = request(1).send(&client).await.unwrap_err();
    assert!(matches!(error, Error::Crypto(CryptoError::NoEncryptionKey)), "{error:?}");
    assert!(sandbox.received().is_empty(), "nothing may be sent");
}

/// Sends one request under `fault` without retries and returns the error it must produce.
async fn error_under(fault: Fault) -> (Error, Sandbox) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = support::bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    sandbox.inject(fault.clone());
    let error = match request(1).send(&client).await {
        Ok(reply) => panic!("{fault:?} must not succeed, got {reply:?}"),
        Err(error) => error,
    };
    assert_no_plaintext(&format!("{error} {error:?}"));
    (error, sandbox)
}

#[tokio::test]
async fn each_answer_fault_is_its_own_error_never_a_success() {
    let verification = |error: Error| match error {
        Error::Verification { kind, .. } => kind,
        other => panic!("expected a verification error, got {other:?}"),
    };
    let (error, _) = error_under(Fault::Unsigned).await;
    assert!(matches!(verification(error), VerifyError::MissingHeader(_)));
    let (error, _) = error_under(Fault::TamperedBody).await;
    assert_eq!(verification(error), VerifyError::BadSignature);
    let (error, _) = error_under(Fault::WrongSignature).await;
    assert_eq!(verification(error), VerifyError::BadSignature);
    let (error, _) = error_under(Fault::StaleTimestamp).await;
    assert!(matches!(verification(error), VerifyError::TimestampSkew { .. }));
    let (error, _) = error_under(Fault::UnknownSerial).await;
    assert!(matches!(verification(error), VerifyError::UnknownSerial(_)));
    let (error, _) = error_under(Fault::Probe).await;
    assert_eq!(verification(error), VerifyError::SignatureProbe);

    let (error, _) = error_under(Fault::NonJson).await;
    assert!(matches!(error, Error::Decode { request_id: Some(_), .. }), "{error:?}");
    let (error, _) =
        error_under(Fault::business("100001", "资格核销失败", ["data[0]: 凭证码无效"])).await;
    let Error::Business { resp_code, error_data, request_id, .. } = error else {
        panic!("{error:?}")
    };
    assert_eq!((resp_code.as_str(), error_data.len(), request_id.is_some()), ("100001", 1, true));
}

/// The cause inside an `OutcomeUnknown` for the report, which names the path and the lookup.
fn unknown_cause(error: Error) -> String {
    let Error::OutcomeUnknown { method, path, cause, lookup, .. } = &error else {
        panic!("expected an unknown outcome, got {error:?}")
    };
    assert_eq!((method.as_str(), path.as_str()), ("POST", QualificationsSync::PATH));
    assert_eq!(*lookup, Some("POST /v3/gov/subsidy/zhejiang/qualifications/query"));
    assert!(error.to_string().contains("qualifications/query"), "{error}");
    cause.clone()
}

#[tokio::test]
async fn an_ambiguous_failure_of_a_report_is_an_unknown_outcome_never_a_transport_error() {
    let (error, sandbox) = error_under(Fault::DropConnection).await;
    let cause = unknown_cause(error);
    assert!(
        cause.contains("after the request was written") && cause.contains("127.0.0.1:"),
        "{cause}"
    );
    assert_eq!(sandbox.received().len(), 1);
    let (error, _) = error_under(Fault::Delay(Duration::from_secs(3))).await;
    assert!(unknown_cause(error).contains("timed out after 500ms"));
    let (error, _) = error_under(Fault::Status(503)).await;
    let Error::OutcomeUnknown { request_id, .. } = &error else { panic!("{error:?}") };
    assert!(request_id.as_deref().is_some_and(|id| !id.is_empty()), "the answer's Request-ID");
    assert!(unknown_cause(error).contains("503"));
    let (error, _) = error_under(Fault::Status(429)).await;
    assert!(
        matches!(&error, Error::Api { status: 429, code, .. } if code == "FREQUENCY_LIMITED" || code == "RATELIMIT_EXCEEDED"),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_answer_larger_than_the_limit_is_refused_unread() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = support::bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .max_response_bytes(16)
        .build()
        .unwrap();
    let error = request(1).send(&client).await.unwrap_err();
    assert!(unknown_cause(error).contains("exceeds 16 bytes"));
    let error = support::query().send(&client).await.unwrap_err();
    assert!(matches!(error, Error::Transport { kind: TransportKind::TooLarge, .. }), "{error:?}");
    assert_eq!(sandbox.received().len(), 2, "too large is not retried");
}

#[derive(serde::Serialize, wechatpay_apiv3::WechatRequest)]
#[wechat(get = "/v3/certificates", response = serde_json::Value)]
struct ListCertificates {}

#[tokio::test]
async fn a_client_without_wechatpay_keys_sends_nothing_it_could_not_verify() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = support::bare_builder(&sandbox).build().unwrap();
    let error = ListCertificates {}.send(&client).await.unwrap_err();
    assert!(
        matches!(&error, Error::Setup(message) if message.contains("nothing was sent")),
        "{error:?}"
    );
    assert!(sandbox.received().is_empty());
}

#[tokio::test]
async fn idempotent_requests_are_retried_after_server_errors_and_signed_again() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, quick_retries(2));
    sandbox.inject(Fault::Status(500));
    sandbox.inject(Fault::DropConnection);

    support::query().send(&client).await.expect("the third attempt succeeds");
    let received = sandbox.received();
    assert_eq!(received.len(), 3);
    let nonces: std::collections::HashSet<_> = received.iter().map(|r| r.nonce.clone()).collect();
    assert_eq!(nonces.len(), 3, "every attempt is signed with a new nonce");
    assert!(received.windows(2).all(|pair| pair[0].method == pair[1].method));
}

/// A `POST` declared `#[wechat(idempotent)]` (Shanghai/Fujian/Chongqing's `audit/cup/query`,
/// whose page asks nothing to change) is sent again like a `GET`; a report is not.
#[tokio::test]
async fn an_idempotent_post_is_retried_after_server_errors_and_broken_answers() {
    use wechatpay_apiv3::gov::subsidy::audit_cup::Query;
    const _: () = assert!(Query::IDEMPOTENT && !QualificationsSync::IDEMPOTENT);
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, quick_retries(2));
    sandbox.inject(Fault::Status(500));
    sandbox.inject(Fault::TruncatedBody);
    let query: Query = serde_json::from_str(include_str!("fixtures/requests/audit.cup.query.json"))
        .expect("the fixture is a valid request");
    query.send(&client).await.expect("the third attempt succeeds");
    let received = sandbox.received();
    assert_eq!(received.len(), 3);
    assert!(received.iter().all(|r| r.method == "POST" && r.path() == Query::PATH));
}

#[tokio::test]
async fn a_report_is_never_sent_again_after_a_server_error() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, quick_retries(3));
    sandbox.inject(Fault::Status(500));
    let error = request(1).send(&client).await.unwrap_err();
    assert!(unknown_cause(error).contains("500"));
    assert_eq!(sandbox.received().len(), 1);
}

#[tokio::test]
async fn retries_are_bounded() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, quick_retries(2));
    sandbox.inject_n(Fault::Status(503), 5);
    let error = support::query().send(&client).await.unwrap_err();
    assert!(matches!(error, Error::Api { status: 503, .. }), "{error:?}");
    assert_eq!(sandbox.received().len(), 3);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, quick_retries(3));
    sandbox.inject(Fault::Status(400));
    let error = request(1).send(&client).await.unwrap_err();
    assert!(matches!(error, Error::Api { status: 400, .. }), "{error:?}");
    assert_eq!(sandbox.received().len(), 1);
}

#[tokio::test]
async fn a_request_signed_for_another_merchant_key_is_refused_by_the_sandbox() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = wechatpay_apiv3::Client::builder()
        .mchid(wechatpay_apiv3_mock::demo::MCHID)
        .merchant_key_pem(
            wechatpay_apiv3_mock::demo::OTHER_KEY_PEM,
            wechatpay_apiv3_mock::demo::MERCHANT_SERIAL,
        )
        .unwrap()
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .base_url(&sandbox.base_url())
        .build()
        .unwrap();
    let error = request(1).send(&client).await.unwrap_err();
    assert!(
        matches!(&error, Error::Api { status: 401, code, .. } if code == "SIGN_ERROR"),
        "{error:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_sends_through_one_client_all_verify() {
    let sandbox = Sandbox::start().await.unwrap();
    // About correctness under concurrency, not speed: a debug build of the pure-Rust backend on a
    // loaded 2-core machine needs more than the default 30 s for 600 RSA decryptions.
    let client = support::bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .timeout(Duration::from_secs(600))
        .build()
        .unwrap();
    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { request(1).send(&client).await })
        })
        .collect();
    for task in tasks {
        let reply = task.await.unwrap().expect("every concurrent send succeeds");
        assert_eq!(reply.resp_code, "000000");
    }
    let received = sandbox.received();
    assert_eq!(received.len(), 200);
    assert!(received.iter().all(|r| r.accepted()));
}

#[tokio::test]
async fn a_client_with_only_expired_certificates_sends_nothing() {
    let sandbox = Sandbox::start().await.unwrap();
    // The Go SDK's notification certificate (see wechatpay-core/tests/fixtures/README.md), with the
    // clock set to after its expiry.
    let certificate = include_str!("fixtures/go-sdk/go-sdk-notify-cert.pem");
    let parsed = wechatpay_apiv3::PlatformCertificate::from_pem(certificate).unwrap();
    let expired = parsed.not_after().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + 1;
    let client = support::bare_builder(&sandbox)
        .platform_certificate_pem(certificate)
        .unwrap()
        .clock(move || i64::try_from(expired).unwrap())
        .build()
        .unwrap();
    let error = ListCertificates {}.send(&client).await.unwrap_err();
    assert!(
        matches!(&error, Error::Setup(message) if message.contains("currently valid") && message.contains("nothing was sent")),
        "{error:?}"
    );
    assert!(sandbox.received().is_empty());
}
