//! The sandbox's state, shared by the [`Sandbox`](crate::Sandbox) handle and every request: keys,
//! merchants, the fault queue, the scripted outcomes, the received log and the replay store.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard};

use wechatpay_apiv3_core::{ApiV3Key, Clock, MerchantPrivateKey, RsaPublicKey};

use crate::auth::Replays;
use crate::certificates::{MerchantCertificates, MockCertificate};
use crate::endpoints::{Checked, DecryptionKeys, Endpoint, Region};
use crate::faults::Fault;
use crate::load::Limits;
use crate::orders::Orders;
use crate::outcome::Outcome;
use crate::received::Received;

/// How many requests the received log keeps by default.
pub(crate) const DEFAULT_MAX_RECEIVED: usize = 10_000;

/// The sandbox's state.
pub(crate) struct Shared {
    pub(crate) platform_key: MerchantPrivateKey,
    pub(crate) public_key_id: String,
    pub(crate) public_key_pem: String,
    pub(crate) other_key: MerchantPrivateKey,
    /// The merchants' APIv3 key: notifications' resources are encrypted with it.
    pub(crate) api_v3_key: ApiV3Key,
    /// mchid → certificate serial (upper-case) → public key.
    pub(crate) merchants: Mutex<HashMap<String, HashMap<String, Arc<RsaPublicKey>>>>,
    /// mchid → its APIv3 key and platform certificates.
    pub(crate) certificates: Mutex<HashMap<String, MerchantCertificates>>,
    pub(crate) faults: Mutex<VecDeque<Fault>>,
    /// `(method, path)` → the outcomes scripted for that endpoint, first first.
    pub(crate) scripts: Mutex<HashMap<(String, String), VecDeque<Outcome>>>,
    pub(crate) received: Mutex<ReceivedLog>,
    pub(crate) replays: Mutex<Replays>,
    pub(crate) clock: Arc<dyn Clock>,
    /// Exclusive limit on `|now - timestamp|`, in whole seconds.
    pub(crate) max_skew: u64,
    pub(crate) endpoints: Vec<Endpoint>,
    /// The regions the merchants are whitelisted for.
    pub(crate) regions: Vec<Region>,
    pub(crate) log_requests: bool,
    pub(crate) counter: AtomicU64,
    /// Rate limits and latency.
    pub(crate) load: Limits,
    /// The orders Jiangsu's applied reports named, for `transactions/query`.
    pub(crate) orders: Orders,
}

impl Shared {
    /// The received log (a poisoned lock is taken over: the log stays consistent).
    pub(crate) fn log(&self) -> MutexGuard<'_, ReceivedLog> {
        self.received.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The merchants' platform certificates.
    pub(crate) fn certificates(&self) -> MutexGuard<'_, HashMap<String, MerchantCertificates>> {
        self.certificates.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The certificate that signs `mchid`'s answers, if not the public key.
    pub(crate) fn answer_signer(&self, mchid: &str) -> Option<MockCertificate> {
        self.certificates().get(mchid)?.scenario.signer.clone()
    }

    /// The keys `mchid`'s sensitive fields may be encrypted to.
    pub(crate) fn decryption_keys(&self, mchid: Option<&str>) -> DecryptionKeys<'_> {
        let listed =
            mchid.and_then(|mchid| Some(self.certificates().get(mchid)?.scenario.listed.clone()));
        DecryptionKeys {
            public_key_id: &self.public_key_id,
            platform_key: &self.platform_key,
            certificates: listed.unwrap_or_default(),
        }
    }

    /// The fault queue.
    pub(crate) fn faults(&self) -> MutexGuard<'_, VecDeque<Fault>> {
        self.faults.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The scripted outcomes.
    pub(crate) fn scripts(&self) -> MutexGuard<'_, HashMap<(String, String), VecDeque<Outcome>>> {
        self.scripts.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the next outcome scripted for `endpoint`, if any.
    pub(crate) fn next_outcome(&self, endpoint: &Endpoint) -> Option<Outcome> {
        let key = (endpoint.method.to_owned(), endpoint.path.to_owned());
        self.scripts().get_mut(&key)?.pop_front()
    }
}

/// The requests received, oldest first, at most `capacity` of them (the oldest is dropped
/// first), and how many were accepted.
#[derive(Debug)]
pub(crate) struct ReceivedLog {
    entries: VecDeque<Received>,
    capacity: usize,
    accepted: u64,
}

impl ReceivedLog {
    pub(crate) fn new(capacity: usize) -> Self {
        Self { entries: VecDeque::new(), capacity, accepted: 0 }
    }

    /// Appends a record, dropping the oldest ones beyond the capacity.
    pub(crate) fn push(&mut self, record: Received) {
        if self.capacity == 0 {
            return;
        }
        while self.entries.len() >= self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(record);
    }

    /// The record of `request_id`, unless it was dropped or cleared meanwhile.
    pub(crate) fn get_mut(&mut self, request_id: &str) -> Option<&mut Received> {
        self.entries.iter_mut().rev().find(|record| record.request_id == request_id)
    }

    /// Notes that the request `request_id` passed every check, and whether it was applied
    /// (counted by [`accepted`](ReceivedLog::accepted)).
    /// `outcome` is the business outcome it got, if not the success body.
    pub(crate) fn checked(
        &mut self,
        request_id: &str,
        checked: Checked,
        applied: bool,
        outcome: Option<Outcome>,
    ) {
        if applied {
            self.accepted += 1;
        }
        if let Some(record) = self.get_mut(request_id) {
            record.json = Some(checked.decrypted);
            record.redacted = Some(checked.redacted);
            record.applied = applied;
            record.outcome = outcome;
        }
    }

    pub(crate) fn entries(&self) -> impl Iterator<Item = &Received> {
        self.entries.iter()
    }

    pub(crate) fn last(&self) -> Option<&Received> {
        self.entries.back()
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Requests accepted since the start or the last [`clear`](ReceivedLog::clear), including
    /// those no longer kept.
    pub(crate) fn accepted(&self) -> u64 {
        self.accepted
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.accepted = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str) -> Received {
        Received::new(id.to_owned(), "POST".into(), "/".into(), Vec::new(), Vec::new(), None)
    }

    #[test]
    fn keeps_the_newest_up_to_the_capacity() {
        let mut log = ReceivedLog::new(2);
        for id in ["a", "b", "c"] {
            log.push(record(id));
        }
        let ids: Vec<&str> = log.entries().map(|r| r.request_id.as_str()).collect();
        assert_eq!(ids, ["b", "c"]);
        assert!(log.get_mut("a").is_none());
        let checked = Checked { decrypted: serde_json::json!({}), redacted: serde_json::json!({}) };
        log.checked("a", checked.clone(), true, None);
        log.checked("c", checked.clone(), true, None);
        log.checked("b", checked, false, Some(Outcome::NotAuthorized));
        assert_eq!(log.accepted(), 2, "dropped records still count");
        assert!(log.last().unwrap().accepted());
        assert!(!log.get_mut("b").unwrap().accepted());
        log.clear();
        assert_eq!((log.len(), log.accepted()), (0, 0));

        let mut none = ReceivedLog::new(0);
        none.push(record("a"));
        assert_eq!(none.len(), 0);
    }
}
