//! Whether to try a request again, and after how long: the exactly-once rules.

use std::time::Duration;

use super::{Answer, Outcome};

/// How many times, and how patiently, a request is tried again where the exactly-once rules
/// allow it: a bounded number of retries with exponential backoff and jitter, each attempt
/// signed again (new timestamp and nonce) over the same body bytes.
///
/// What may be retried:
/// - any request whose connection could not be established (it was never written);
/// - any request WeChat Pay answered `429` with `FREQUENCY_LIMITED` or `RATELIMIT_EXCEEDED`
///   (rate-limited, not processed), after `Retry-After` if it says so and that is no longer than
///   `max_delay` (a longer one is returned to the caller as the 429 error);
/// - an idempotent request ([`WechatRequest::IDEMPOTENT`](crate::WechatRequest::IDEMPOTENT))
///   after a timeout, a broken connection or a 5xx.
///
/// Never: 4xx answers, answers that fail verification, answers too large, and a non-idempotent
/// request after anything that leaves open whether it was applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts after the first one.
    pub max_retries: u32,
    /// The wait before the first retry; doubled for each further one.
    pub base_delay: Duration,
    /// The longest wait between two attempts.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(2),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self { max_retries: 0, ..Self::default() }
    }

    /// The wait before retry number `retry` (1-based): `base * 2^(retry-1)`, capped, minus up to
    /// a quarter of random jitter so that many clients do not retry in lockstep.
    pub(crate) fn delay(&self, retry: u32) -> Duration {
        let exponential = self.base_delay.saturating_mul(1 << retry.saturating_sub(1).min(16));
        let capped = exponential.min(self.max_delay);
        let jitter_per_mille = getrandom::u32().unwrap_or(0) % 1000;
        capped.saturating_sub((capped / 4).saturating_mul(jitter_per_mille) / 1000)
    }
}

/// The wait before the next attempt, or `None` to stop: `retries` is how many were made already.
pub(crate) fn decide(
    outcome: &Outcome,
    idempotent: bool,
    retries: u32,
    policy: &RetryPolicy,
) -> Option<Duration> {
    if retries >= policy.max_retries {
        return None;
    }
    let backoff = policy.delay(retries + 1);
    match outcome {
        Outcome::NotSent(_) => Some(backoff),
        Outcome::Broken(failure) => (idempotent && failure.repeatable).then_some(backoff),
        Outcome::Answered(answer) if is_rate_limited(answer) => match retry_after(answer) {
            Some(wait) if wait > policy.max_delay => None,
            Some(wait) => Some(wait.max(backoff)),
            None => Some(backoff),
        },
        Outcome::Answered(answer) => {
            let transient = answer.status == 429 || (500..600).contains(&answer.status);
            (idempotent && transient).then_some(backoff)
        }
    }
}

/// A 429 whose code says the request was refused for its rate, so not processed.
fn is_rate_limited(answer: &Answer) -> bool {
    #[derive(serde::Deserialize)]
    struct Body {
        code: String,
    }
    answer.status == 429
        && serde_json::from_slice::<Body>(&answer.body).is_ok_and(|body| {
            matches!(body.code.as_str(), "FREQUENCY_LIMITED" | "RATELIMIT_EXCEEDED")
        })
}

/// `Retry-After` in seconds (the HTTP-date form is not honoured: the backoff applies).
fn retry_after(answer: &Answer) -> Option<Duration> {
    let value = answer.headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use http::HeaderMap;

    use super::*;
    use crate::client::Failure;
    use crate::error::TransportKind;

    #[test]
    fn delays_grow_and_stay_capped() {
        let policy = RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(300),
        };
        let first = policy.delay(1);
        assert!(first <= Duration::from_millis(100) && first >= Duration::from_millis(75));
        let second = policy.delay(2);
        assert!(second <= Duration::from_millis(200) && second >= Duration::from_millis(150));
        assert!(policy.delay(10) <= Duration::from_millis(300));
        assert!(policy.delay(10) >= Duration::from_millis(225));
        let huge =
            RetryPolicy { max_retries: 1, base_delay: Duration::MAX, max_delay: Duration::MAX };
        assert!(huge.delay(40) >= Duration::MAX / 4 * 3, "saturates instead of overflowing");
    }

    fn answered(status: u16, body: &str, retry_after: Option<&str>) -> Outcome {
        let mut headers = HeaderMap::new();
        if let Some(value) = retry_after {
            headers.insert(http::header::RETRY_AFTER, value.parse().unwrap());
        }
        Outcome::Answered(Answer { status, headers, body: body.as_bytes().to_vec() })
    }

    fn broken(repeatable: bool) -> Outcome {
        Outcome::Broken(Failure {
            kind: TransportKind::Interrupted,
            message: String::new(),
            repeatable,
        })
    }

    fn not_sent() -> Outcome {
        Outcome::NotSent(Failure {
            kind: TransportKind::Connect,
            message: String::new(),
            repeatable: true,
        })
    }

    #[test]
    fn only_what_provably_was_not_applied_is_retried_unless_idempotent() {
        let policy = RetryPolicy::default();
        let limited = r#"{"code":"FREQUENCY_LIMITED","message":"slow down"}"#;
        for idempotent in [false, true] {
            assert!(decide(&not_sent(), idempotent, 0, &policy).is_some());
            assert!(decide(&answered(429, limited, None), idempotent, 0, &policy).is_some());
            assert_eq!(decide(&broken(true), idempotent, 0, &policy).is_some(), idempotent);
            assert_eq!(
                decide(&answered(503, "{}", None), idempotent, 0, &policy).is_some(),
                idempotent
            );
            assert_eq!(
                decide(&answered(429, "{}", None), idempotent, 0, &policy).is_some(),
                idempotent
            );
            assert!(
                decide(&broken(false), idempotent, 0, &policy).is_none(),
                "too large, undecodable"
            );
            for status in [200, 400, 401, 403, 404] {
                assert!(decide(&answered(status, limited, None), idempotent, 0, &policy).is_none());
            }
        }
        assert!(decide(&not_sent(), false, policy.max_retries, &policy).is_none());
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_longest_delay() {
        let policy = RetryPolicy::default();
        let limited = r#"{"code":"RATELIMIT_EXCEEDED","message":"slow down"}"#;
        let wait = decide(&answered(429, limited, Some("1")), false, 0, &policy);
        assert_eq!(wait, Some(Duration::from_secs(1)));
        assert_eq!(decide(&answered(429, limited, Some("3")), false, 0, &policy), None);
        let garbage = decide(&answered(429, limited, Some("soon")), false, 0, &policy).unwrap();
        assert!(
            garbage <= policy.base_delay,
            "an unreadable Retry-After falls back to the backoff"
        );
    }
}
