//! The duplicate guard: WeChat Pay delivers each notification at least once, so the same `id`
//! can arrive again (after a lost answer, a timeout, or concurrently).

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::clock::{Clock, SystemClock};

/// The future a [`SeenStore`] returns.
pub type SeenFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, SeenStoreError>> + Send + 'a>>;

/// Remembers which notification IDs were already taken for processing. Implement it on your
/// database or Redis (an atomic insert-if-absent, `SET id 1 NX EX 90000`) so that every instance
/// of your service shares it; [`MemorySeenStore`] is the single-process default.
pub trait SeenStore: Send + Sync {
    /// Claims `id` atomically: `true` the first time (process it), `false` if it was claimed
    /// before and not [`forget`](SeenStore::forget)-ten (answer success without processing).
    fn first_time<'a>(&'a self, id: &'a str) -> SeenFuture<'a, bool>;

    /// Releases a claim whose processing failed, so that WeChat Pay's next delivery is processed.
    fn forget<'a>(&'a self, id: &'a str) -> SeenFuture<'a, ()>;
}

/// A [`SeenStore`] that failed (a database down, say). The notification is answered `500` and
/// delivered again later.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SeenStoreError(Box<dyn std::error::Error + Send + Sync>);

impl SeenStoreError {
    /// Wraps the store's own error. Keep personal data out of it: it may be logged.
    pub fn new(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self(error.into())
    }
}

/// How long [`MemorySeenStore`] remembers an ID by default: WeChat Pay stops delivering a
/// notification about 24 h 4 min after the first attempt; 25 h covers it.
pub const DEFAULT_SEEN_TTL: Duration = Duration::from_secs(25 * 3600);

/// How many IDs [`MemorySeenStore`] remembers by default (a few MiB at most).
pub const DEFAULT_SEEN_CAPACITY: usize = 100_000;

/// An in-process [`SeenStore`]: at most `capacity` IDs, each for `ttl`, the oldest dropped first.
/// Thread-safe; clones share the same memory. It does not survive a restart and is not shared
/// between processes: a service with several instances needs a shared store.
#[derive(Clone)]
pub struct MemorySeenStore {
    inner: Arc<Mutex<Seen>>,
    capacity: usize,
    ttl: i64,
    clock: Arc<dyn Clock>,
}

/// IDs by claim number, and the claims in order (a forgotten claim stays queued until dropped).
#[derive(Default)]
struct Seen {
    ids: HashMap<String, u64>,
    order: VecDeque<Claim>,
    next: u64,
}

struct Claim {
    id: String,
    number: u64,
    at: i64,
}

impl Default for MemorySeenStore {
    fn default() -> Self {
        Self::new(DEFAULT_SEEN_CAPACITY, DEFAULT_SEEN_TTL)
    }
}

impl fmt::Debug for MemorySeenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemorySeenStore")
            .field("capacity", &self.capacity)
            .field("ttl_secs", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl MemorySeenStore {
    /// Remembers at most `capacity` IDs (at least one), each for `ttl` (whole seconds, rounded up).
    pub fn new(capacity: usize, ttl: Duration) -> Self {
        let secs = ttl.as_secs().saturating_add(u64::from(ttl.subsec_nanos() > 0));
        Self {
            inner: Arc::default(),
            capacity: capacity.max(1),
            ttl: i64::try_from(secs).unwrap_or(i64::MAX),
            clock: Arc::new(SystemClock),
        }
    }

    /// Replaces the clock the TTL is counted with (tests pin time with it).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// How many claims are held (forgotten ones included until they are dropped).
    pub fn len(&self) -> usize {
        self.lock().order.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn claim(&self, id: &str) -> bool {
        let now = self.clock.now();
        let mut seen = self.lock();
        seen.expire(now.saturating_sub(self.ttl));
        if seen.ids.contains_key(id) {
            return false;
        }
        while seen.order.len() >= self.capacity {
            seen.drop_oldest();
        }
        let number = seen.next;
        seen.next += 1;
        seen.ids.insert(id.to_owned(), number);
        seen.order.push_back(Claim { id: id.to_owned(), number, at: now });
        true
    }
}

impl Seen {
    /// Drops the claims made at or before `cutoff`.
    fn expire(&mut self, cutoff: i64) {
        while self.order.front().is_some_and(|claim| claim.at <= cutoff) {
            self.drop_oldest();
        }
    }

    fn drop_oldest(&mut self) {
        if let Some(claim) = self.order.pop_front()
            && self.ids.get(&claim.id) == Some(&claim.number)
        {
            self.ids.remove(&claim.id);
        }
    }
}

impl SeenStore for MemorySeenStore {
    fn first_time<'a>(&'a self, id: &'a str) -> SeenFuture<'a, bool> {
        let first = self.claim(id);
        Box::pin(async move { Ok(first) })
    }

    fn forget<'a>(&'a self, id: &'a str) -> SeenFuture<'a, ()> {
        self.lock().ids.remove(id);
        Box::pin(async { Ok(()) })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicI64, Ordering};

    use super::*;

    fn block<T>(future: SeenFuture<'_, T>) -> T {
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut future = future;
        match future.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(result) => result.unwrap(),
            std::task::Poll::Pending => unreachable!("the memory store never waits"),
        }
    }

    fn store(capacity: usize, ttl_secs: u64, now: &Arc<AtomicI64>) -> MemorySeenStore {
        let now = now.clone();
        MemorySeenStore::new(capacity, Duration::from_secs(ttl_secs))
            .with_clock(move || now.load(Ordering::SeqCst))
    }

    #[test]
    fn an_id_is_new_once_until_forgotten() {
        let now = Arc::new(AtomicI64::new(1_000));
        let seen = store(10, 60, &now);
        assert!(block(seen.first_time("a")));
        assert!(!block(seen.first_time("a")));
        assert!(block(seen.first_time("b")));
        block(seen.forget("a"));
        assert!(block(seen.first_time("a")), "a failed processing is taken again");
        assert!(!block(seen.clone().first_time("a")), "clones share the memory");
    }

    #[test]
    fn ids_expire_after_the_ttl() {
        let now = Arc::new(AtomicI64::new(1_000));
        let seen = store(10, 60, &now);
        assert!(block(seen.first_time("a")));
        now.store(1_059, Ordering::SeqCst);
        assert!(!block(seen.first_time("a")));
        now.store(1_060, Ordering::SeqCst);
        assert!(block(seen.first_time("a")));
        assert_eq!(seen.len(), 1);
    }

    #[test]
    fn the_capacity_bounds_memory_and_drops_the_oldest() {
        let now = Arc::new(AtomicI64::new(1_000));
        let seen = store(3, 3600, &now);
        for id in ["a", "b", "c", "d"] {
            assert!(block(seen.first_time(id)));
        }
        assert_eq!(seen.len(), 3);
        assert!(!block(seen.first_time("d")));
        assert!(block(seen.first_time("a")), "the oldest was dropped");
        for _ in 0..100 {
            block(seen.forget("x"));
            block(seen.first_time("x"));
        }
        assert!(seen.len() <= 3, "forget and claim again cannot grow it");
        assert!(!block(seen.first_time("x")));
    }

    #[test]
    fn concurrent_claims_of_one_id_let_exactly_one_through() {
        let seen = MemorySeenStore::default();
        let winners: usize = std::thread::scope(|scope| {
            let handles: Vec<_> =
                (0..8).map(|_| scope.spawn(|| block(seen.first_time("same")))).collect();
            handles.into_iter().map(|h| usize::from(h.join().unwrap())).sum()
        });
        assert_eq!(winners, 1);
    }
}
