//! When and how long to wait before trying a request again.

use std::time::Duration;

/// Retries of connection failures, timeouts, 5xx and 429: a bounded number, with exponential
/// backoff and jitter. 4xx (other than 429) and verification failures are never retried. Each
/// attempt is signed again (new timestamp and nonce) over the same body bytes.
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

/// Whether an HTTP status is worth another attempt.
pub(crate) fn is_retryable_status(status: u16) -> bool {
    status == 429 || (500..600).contains(&status)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let huge =
            RetryPolicy { max_retries: 1, base_delay: Duration::MAX, max_delay: Duration::MAX };
        assert!(huge.delay(40) <= Duration::MAX, "no overflow");
    }

    #[test]
    fn retries_server_errors_and_rate_limits_only() {
        assert!(is_retryable_status(500) && is_retryable_status(503) && is_retryable_status(429));
        assert!(
            !is_retryable_status(400) && !is_retryable_status(401) && !is_retryable_status(404)
        );
    }
}
