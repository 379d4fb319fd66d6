//! The orders Jiangsu's reports told the sandbox about, for `transactions/query` to answer from:
//! a client that lost track of a report (a crash, a broken connection) can then find out
//! whether it arrived, as it would from WeChat Pay.

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::Value;

/// The Jiangsu endpoints that report an order (`out_trade_no`) in a state (`cate_state`).
pub(crate) const ORDER_REPORTS: [&str; 3] = [
    "/v3/gov/subsidy/transactions/sync",
    "/v3/gov/subsidy/qualifications/sync",
    "/v3/gov/subsidy/n-qualifications/sync",
];

/// Order number → the `cate_state` reported last, for every report the sandbox applied.
#[derive(Debug, Default)]
pub(crate) struct Orders(Mutex<HashMap<String, String>>);

impl Orders {
    /// Notes an applied request to `path`, if it reports an order.
    pub(crate) fn applied(&self, path: &str, request: &Value) {
        if !ORDER_REPORTS.contains(&path) {
            return;
        }
        if let (Some(order), Some(state)) =
            (request["out_trade_no"].as_str(), request["cate_state"].as_str())
        {
            self.map().insert(order.to_owned(), state.to_owned());
        }
    }

    /// The state reported last for `order`, if any report of it was applied.
    pub(crate) fn state(&self, order: &str) -> Option<String> {
        self.map().get(order).cloned()
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
