//! Behaviour under load: per-endpoint rate limits (token buckets) and answer latency.
//!
//! Rate limits run on a monotonic clock ([`tokio::time::Instant`]), not on the sandbox's
//! [`Clock`](wechatpay_apiv3_core::Clock): that one counts whole seconds and is often frozen in tests,
//! and a bucket refills continuously. Under `tokio::time::pause` the buckets follow Tokio's
//! paused clock.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::time::Instant;

/// The rate limits WeChat Pay publishes for the gov/subsidy endpoints, in requests per second,
/// as its official FAQ for these APIs names them (by the end of their path):
/// `qualification` 1000/s, `qualifications/sync` 100/s, `transactions/sync` 100/s,
/// `sncode/query` 1000/s.
///
/// The FAQ does not say which region's page it means, so
/// [`SandboxBuilder::published_rate_limits`](crate::SandboxBuilder::published_rate_limits) takes
/// the fail-safe reading: each limit applies to every served path ending in `/` + the name
/// (`/v3/gov/subsidy/qualifications/sync` and `/v3/gov/subsidy/zhejiang/qualifications/sync`,
/// but not `…/n-qualifications/sync`). The sandbox's buckets are per path, shared by all its
/// merchants.
pub const PUBLISHED_RATE_LIMITS: [(&str, u32); 4] = [
    ("qualification", 1000),
    ("qualifications/sync", 100),
    ("transactions/sync", 100),
    ("sncode/query", 1000),
];

/// How long the sandbox takes to answer a request its backend processed; set with
/// [`SandboxBuilder::latency`](crate::SandboxBuilder::latency). Default: none.
///
/// Deterministic on purpose: answers are counted from 1 (per sandbox, all endpoints together),
/// and with [`tail`](Latency::tail) every `one_in`-th answer is slow, the others wait `base`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Latency {
    base: Duration,
    slow: Duration,
    one_in: u32,
}

impl Latency {
    /// No delay (the default).
    pub const NONE: Latency = Latency { base: Duration::ZERO, slow: Duration::ZERO, one_in: 0 };

    /// Every answer waits `delay`.
    pub fn fixed(delay: Duration) -> Self {
        Latency { base: delay, slow: delay, one_in: 0 }
    }

    /// A `tp99`-like shape: every answer waits `base`, except every `one_in`-th (the
    /// `one_in`-th, `2 × one_in`-th, …), which waits `slow`. `Latency::tail(20 ms, 800 ms, 100)`
    /// is 99 % of answers at 20 ms and 1 % at 800 ms. `one_in` of 0 or 1 makes every answer slow.
    pub fn tail(base: Duration, slow: Duration, one_in: u32) -> Self {
        Latency { base, slow, one_in: one_in.max(1) }
    }

    /// The wait of the `n`-th answer (counted from 1).
    pub fn delay_of(&self, n: u64) -> Duration {
        if self.one_in > 0 && n.is_multiple_of(u64::from(self.one_in)) {
            self.slow
        } else {
            self.base
        }
    }
}

/// The rate limits configured, and the buckets of a running sandbox.
#[derive(Debug, Default)]
pub(crate) struct Limits {
    /// path → requests per second.
    per_path: HashMap<String, u32>,
    /// For every other path.
    default: Option<u32>,
    buckets: Mutex<HashMap<String, Bucket>>,
    latency: Latency,
    answers: AtomicU64,
}

impl Limits {
    pub(crate) fn new(
        per_path: HashMap<String, u32>,
        default: Option<u32>,
        latency: Latency,
    ) -> Self {
        Self { per_path, default, latency, ..Self::default() }
    }

    /// The limit of `path`: its own, else the default.
    pub(crate) fn limit(&self, path: &str) -> Option<u32> {
        self.per_path.get(path).copied().or(self.default)
    }

    /// Takes a token for one authenticated request to `path`: `None` if it may pass, else how
    /// long until a token is back (whole seconds, at least one, for `Retry-After`).
    pub(crate) fn take(&self, path: &str) -> Option<u64> {
        let rate = self.limit(path)?;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let bucket =
            buckets.entry(path.to_owned()).or_insert(Bucket { tokens: f64::from(rate), last: now });
        bucket.take(rate, now)
    }

    /// The wait before the next processed answer, counting it.
    pub(crate) fn next_delay(&self) -> Duration {
        if self.latency == Latency::NONE {
            return Duration::ZERO;
        }
        let n = self.answers.fetch_add(1, Ordering::Relaxed) + 1;
        self.latency.delay_of(n)
    }
}

/// A token bucket: holds at most `rate` tokens (the burst), refilled at `rate` per second.
#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Bucket {
    fn take(&mut self, rate: u32, now: Instant) -> Option<u64> {
        let rate = f64::from(rate);
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * rate).min(rate);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            return None;
        }
        let wait = (1.0 - self.tokens) / rate;
        // Whole seconds, rounded up, at least one.
        Some((wait.ceil() as u64).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_its_burst_then_refills_continuously() {
        let start = Instant::now();
        let mut bucket = Bucket { tokens: 2.0, last: start };
        assert_eq!(bucket.take(2, start), None);
        assert_eq!(bucket.take(2, start), None);
        assert_eq!(bucket.take(2, start), Some(1));
        // Half a second at 2/s: one token back.
        assert_eq!(bucket.take(2, start + Duration::from_millis(500)), None);
        assert_eq!(bucket.take(2, start + Duration::from_millis(500)), Some(1));
        // Never more than the burst, however long it waited.
        let later = start + Duration::from_secs(60);
        assert_eq!((bucket.take(2, later), bucket.take(2, later)), (None, None));
        assert_eq!(bucket.take(2, later), Some(1));
    }

    #[test]
    fn latency_is_deterministic() {
        let ms = Duration::from_millis;
        assert_eq!(Latency::default(), Latency::NONE);
        assert_eq!(Latency::NONE.delay_of(7), Duration::ZERO);
        assert_eq!(Latency::fixed(ms(5)).delay_of(100), ms(5));
        let tail = Latency::tail(ms(1), ms(50), 3);
        let waits: Vec<Duration> = (1..=6).map(|n| tail.delay_of(n)).collect();
        assert_eq!(waits, [ms(1), ms(1), ms(50), ms(1), ms(1), ms(50)]);
        assert_eq!(Latency::tail(ms(1), ms(50), 0).delay_of(1), ms(50));
    }
}
