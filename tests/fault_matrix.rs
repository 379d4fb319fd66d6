//! The exactly-once fault matrix: every sandbox fault × {idempotent `GET`, non-idempotent report}
//! × {0, 1, 3 retries}, counting how many times the sandbox *accepted* (would have applied) the
//! request. A report is never accepted twice; the caller sees success only if exactly one verified
//! 2xx arrived; an ambiguous failure of a report is `Error::OutcomeUnknown`. The matrix is printed
//! (nextest shows it even when the test passes: `.config/nextest.toml`).

mod support;

use std::time::Duration;

use support::{assert_no_plaintext, query, request};
use wechatpay_apiv3::{Error, RetryPolicy, WechatRequest};
use wechatpay_apiv3_mock::{Fault, Received, Sandbox};

/// What a fault does to the exchange, as far as exactly-once is concerned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Slow but complete: a normal answer.
    Benign,
    /// Refused before processing (rate limit): provably not applied, safe to repeat.
    NotApplied,
    /// Refused as invalid (4xx): not applied, and repeating would not help.
    Refused,
    /// The request was processed, then the answer was lost or is a 5xx: outcome unknown.
    Ambiguous,
    /// A complete answer that is not a verified success (signature, decoding, business code).
    BadAnswer,
}

fn faults() -> Vec<(Fault, Class)> {
    vec![
        (Fault::Delay(Duration::from_millis(50)), Class::Benign),
        (Fault::Status(429), Class::NotApplied),
        (Fault::RateLimited { retry_after: None }, Class::NotApplied),
        (Fault::Status(400), Class::Refused),
        (Fault::Status(500), Class::Ambiguous),
        (Fault::Status(503), Class::Ambiguous),
        (Fault::DropConnection, Class::Ambiguous),
        (Fault::ResetAfterRead, Class::Ambiguous),
        (Fault::TruncatedBody, Class::Ambiguous),
        (Fault::StallAfterHeaders(Duration::from_secs(2)), Class::Ambiguous),
        (Fault::Delay(Duration::from_secs(2)), Class::Ambiguous),
        (Fault::Unsigned, Class::BadAnswer),
        (Fault::TamperedBody, Class::BadAnswer),
        (Fault::WrongSignature, Class::BadAnswer),
        (Fault::StaleTimestamp, Class::BadAnswer),
        (Fault::UnknownSerial, Class::BadAnswer),
        (Fault::Probe, Class::BadAnswer),
        (Fault::NonJson, Class::BadAnswer),
        (Fault::business("100001", "资格核销失败", ["data[0]"]), Class::BadAnswer),
    ]
}

struct Row {
    fault: String,
    idempotent: bool,
    retries: u32,
    sent: usize,
    accepted: u64,
    outcome: String,
}

async fn run(
    fault: &Fault,
    idempotent: bool,
    retries: u32,
) -> (Result<(), Error>, Vec<Received>, u64) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = support::bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .timeout(Duration::from_secs(1))
        .retry_policy(RetryPolicy {
            max_retries: retries,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
        })
        .build()
        .unwrap();
    sandbox.inject(fault.clone());
    let result = if idempotent {
        query().send(&client).await.map(drop)
    } else {
        request(1).send(&client).await.map(drop)
    };
    // Let a stalled or delayed answer finish on the sandbox's side before counting.
    tokio::time::sleep(Duration::from_millis(100)).await;
    (result, sandbox.received(), sandbox.accepted_count())
}

fn outcome(result: &Result<(), Error>) -> String {
    match result {
        Ok(()) => "ok".into(),
        Err(Error::OutcomeUnknown { .. }) => "OutcomeUnknown".into(),
        Err(Error::Api { status, .. }) => format!("Api {status}"),
        Err(Error::Transport { kind, .. }) => format!("Transport {kind:?}"),
        Err(Error::Verification { kind, .. }) => {
            format!("Verification {kind:?}").chars().take(34).collect()
        }
        Err(Error::Business { .. }) => "Business".into(),
        Err(Error::Decode { .. }) => "Decode".into(),
        Err(other) => format!("{other:?}").chars().take(34).collect(),
    }
}

/// What the row must show, whatever the class.
fn check(
    class: Class,
    idempotent: bool,
    retries: u32,
    result: &Result<(), Error>,
    received: &[Received],
    accepted: u64,
) {
    let sent = received.len();
    if let Err(error) = result {
        assert_no_plaintext(&format!("{error} {error:?}"));
    }
    if !idempotent {
        assert!(accepted <= 1, "a report accepted {accepted} times");
    }
    if result.is_ok() {
        let verified_successes =
            received.iter().filter(|r| r.status == Some(200) && benign(r.fault.as_ref())).count();
        assert_eq!(verified_successes, 1, "success needs exactly one verified 2xx");
    }
    match (class, idempotent, retries) {
        (Class::Benign, _, _) => assert!(result.is_ok() && sent == 1 && accepted == 1),
        (Class::NotApplied, _, 0) => {
            assert!(matches!(result, Err(Error::Api { status: 429, .. })) && accepted == 0)
        }
        (Class::NotApplied, _, _) => assert!(result.is_ok() && sent == 2 && accepted == 1),
        (Class::Refused, _, _) => {
            assert!(matches!(result, Err(Error::Api { status: 400, .. })) && sent == 1)
        }
        (Class::Ambiguous, false, _) => assert!(
            matches!(result, Err(Error::OutcomeUnknown { .. })) && sent == 1 && accepted == 1,
            "a report whose outcome is unknown is never sent again: {result:?}"
        ),
        (Class::Ambiguous, true, 0) => assert!(
            matches!(result, Err(Error::Api { status: 500 | 503, .. } | Error::Transport { .. }))
                && sent == 1,
            "a GET changes nothing, so its failure is plain, not unknown: {result:?}"
        ),
        (Class::Ambiguous, true, _) => assert!(result.is_ok() && sent == 2 && accepted == 2),
        (Class::BadAnswer, true, _)
            if matches!(received[0].fault, Some(Fault::Business { .. })) =>
        {
            // A GET's answer has no business code: the 200 verifies and is the success.
            assert!(result.is_ok() && sent == 1)
        }
        (Class::BadAnswer, _, _) => assert!(
            matches!(
                result,
                Err(Error::Verification { .. } | Error::Decode { .. } | Error::Business { .. })
            ) && sent == 1,
            "refused as what it is, never retried: {result:?}"
        ),
    }
}

fn benign(fault: Option<&Fault>) -> bool {
    matches!(fault, None | Some(Fault::Delay(_)) | Some(Fault::Business { .. }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_report_is_ever_applied_twice_and_success_means_one_verified_answer() {
    let mut rows = Vec::new();
    for (fault, class) in faults() {
        for idempotent in [false, true] {
            for retries in [0, 1, 3] {
                let (result, received, accepted) = run(&fault, idempotent, retries).await;
                rows.push(Row {
                    fault: format!("{fault:?}").chars().take(40).collect(),
                    idempotent,
                    retries,
                    sent: received.len(),
                    accepted,
                    outcome: outcome(&result),
                });
                check(class, idempotent, retries, &result, &received, accepted);
            }
        }
    }
    println!(
        "{:<42} {:<10} {:>7} {:>4} {:>8}  outcome",
        "fault", "request", "retries", "sent", "accepted"
    );
    for row in &rows {
        let kind = if row.idempotent { "GET" } else { "report" };
        println!(
            "{:<42} {:<10} {:>7} {:>4} {:>8}  {}",
            row.fault, kind, row.retries, row.sent, row.accepted, row.outcome
        );
    }
    assert_eq!(rows.len(), faults().len() * 6);
}

#[tokio::test]
async fn retry_after_is_honoured_for_a_rate_limited_report() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = support::client(
        &sandbox,
        RetryPolicy {
            max_retries: 1,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_secs(2),
        },
    );
    sandbox.inject(Fault::rate_limited(1));
    let started = std::time::Instant::now();
    request(1).send(&client).await.expect("sent again after Retry-After");
    assert!(started.elapsed() >= Duration::from_secs(1), "waited {:?}", started.elapsed());
    assert_eq!((sandbox.received().len(), sandbox.accepted_count()), (2, 1));
}
