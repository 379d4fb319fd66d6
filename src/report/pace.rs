//! The client-side rate limit: requests leave no faster than an endpoint allows.

use std::time::Duration;

use tokio::time::Instant;

/// The rate limits WeChat Pay publishes for the gov/subsidy endpoints (official FAQ), in
/// requests per second, by the end of their path: `qualification` 1000/s, `qualifications/sync`
/// 100/s, `transactions/sync` 100/s, `sncode/query` 1000/s. The FAQ does not name a region, so
/// each applies to every region's path with that ending.
pub const PUBLISHED_RATE_LIMITS: [(&str, u32); 4] = [
    ("qualification", 1000),
    ("qualifications/sync", 100),
    ("transactions/sync", 100),
    ("sncode/query", 1000),
];

/// The rate for an endpoint with no published limit: the lowest one published, so that an
/// unpublished limit is met unless it is lower still (then WeChat Pay answers 429, which the
/// reporter honours).
pub const UNPUBLISHED_RATE_LIMIT: u32 = 100;

/// The published limit of `path`, else [`UNPUBLISHED_RATE_LIMIT`].
pub fn published_rate_limit(path: &str) -> u32 {
    PUBLISHED_RATE_LIMITS
        .iter()
        .find(|(name, _)| path.strip_suffix(name).is_some_and(|head| head.ends_with('/')))
        .map_or(UNPUBLISHED_RATE_LIMIT, |(_, limit)| *limit)
}

/// Whether `per_second` can pace requests: finite, above 0 and at most a million.
pub(crate) fn valid_rate(per_second: f64) -> bool {
    per_second.is_finite() && per_second > 0.0 && per_second <= 1e6
}

/// Even spacing at a rate: each request takes the next slot, one interval after the previous
/// one, never earlier than now. No bursts: a server's token bucket of any depth is never
/// emptied by a client that keeps to its rate, whatever the network does to the spacing on the
/// way (up to the bucket's depth). A slot missed (the reporter was waiting for something else)
/// is not made up later.
#[derive(Debug)]
pub(crate) struct Pace {
    interval: Duration,
    next: Instant,
}

impl Pace {
    /// `per_second` requests a second: a finite number above 0 ([`valid_rate`]).
    pub(crate) fn new(per_second: f64) -> Self {
        let interval = Duration::from_secs_f64(1.0 / per_second);
        Self { interval, next: Instant::now() }
    }

    /// Waits for the next slot.
    pub(crate) async fn wait(&mut self) {
        let slot = self.next.max(Instant::now());
        self.next = slot + self.interval;
        tokio::time::sleep_until(slot).await;
    }

    /// Sends nothing for `pause` from now: the server said the rate was too high.
    pub(crate) fn back_off(&mut self, pause: Duration) {
        self.next = self.next.max(Instant::now() + pause);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_limits_match_whole_path_segments() {
        assert_eq!(published_rate_limit("/v3/gov/subsidy/qualifications/sync"), 100);
        assert_eq!(published_rate_limit("/v3/gov/subsidy/zhejiang/qualifications/sync"), 100);
        assert_eq!(published_rate_limit("/v3/gov/subsidy/transactions/sync"), 100);
        assert_eq!(published_rate_limit("/v3/gov/subsidy/qualification"), 1000);
        assert_eq!(published_rate_limit("/v3/gov/subsidy/n-qualifications/sync"), 100);
        assert_eq!(published_rate_limit("/v3/gov/subsidy/zhejiang/n-qualifications/confirm"), 100);
    }

    #[tokio::test(start_paused = true)]
    async fn slots_are_evenly_spaced_and_missed_ones_are_not_made_up() {
        let mut pace = Pace::new(100.0);
        let start = Instant::now();
        for _ in 0..5 {
            pace.wait().await;
        }
        assert_eq!(start.elapsed(), Duration::from_millis(40));

        tokio::time::sleep(Duration::from_secs(1)).await;
        let late = Instant::now();
        pace.wait().await;
        pace.wait().await;
        assert_eq!(late.elapsed(), Duration::from_millis(10), "no burst after a pause");

        pace.back_off(Duration::from_secs(2));
        let throttled = Instant::now();
        pace.wait().await;
        assert_eq!(throttled.elapsed(), Duration::from_secs(2));
    }
}
