//! Resolving records found in flight after a restart: sent by a run that stopped before their
//! answer was recorded. None is sent again unless a query shows it was not applied.

use std::collections::BTreeMap;

use super::endpoint::{Confirmation, Report};
use super::journal::{Entry, State};
use super::pace::Pace;
use crate::gov::subsidy::jiangsu::{CateState, RegionCode, ShopOrder, TransactionsQuery};
use crate::{Client, WechatRequest};

/// The query that resolves Jiangsu's reports.
pub(crate) const LOOKUP_PATH: &str = TransactionsQuery::PATH;

/// Orders per query (the page gives no limit).
pub(crate) const CHUNK: usize = 50;

type Records<R> = Vec<(u64, R)>;

/// A record whose order is asked about: line, record, order, reported state, whether the
/// state proves the report arrived.
type Asked<R> = (u64, R, String, CateState, bool);

/// The entries of the records resolved, and the records shown not applied (to send again).
/// Records the query could not resolve now (it failed) are in neither: they stay in flight in
/// the journal, for the next run.
pub(crate) async fn resolve<E: Report>(
    client: &Client,
    pace: &mut Pace,
    records: Records<E::Record>,
) -> (Vec<Entry>, Records<E::Record>) {
    let mut settled = Vec::new();
    let mut again = Vec::new();
    let mut by_region: BTreeMap<RegionCode, Vec<Asked<E::Record>>> = BTreeMap::new();
    for (line, record) in records {
        match E::confirmation(&record) {
            Confirmation::Unavailable(advice) => settled.push(
                Entry::new(line, E::key(&record), State::Unknown)
                    .because(format!("in flight when an earlier run stopped; {advice}")),
            ),
            Confirmation::Order { region, order, state, proves_arrival } => {
                by_region.entry(region).or_default().push((
                    line,
                    record,
                    order,
                    state,
                    proves_arrival,
                ));
            }
        }
    }
    for (region, group) in by_region {
        pace.wait().await;
        let query = TransactionsQuery {
            qualification_region_code: region,
            order_number_list: group.iter().map(|(_, _, order, _, _)| order.clone()).collect(),
        };
        let Ok(answer) = query.send(client).await else { continue };
        for (line, record, order, state, proves_arrival) in group {
            let found = answer
                .data
                .shop_order_list
                .iter()
                .find(|shop| shop.shop_order_number.as_deref() == Some(order.as_str()));
            match judge(found, state, proves_arrival) {
                Some(entry_state) => settled.push(
                    Entry::new(line, E::key(&record), entry_state).because(reason(entry_state)),
                ),
                None => again.push((line, record)),
            }
        }
    }
    (settled, again)
}

/// The record's state from its order as the query shows it; `None`: not applied.
fn judge(found: Option<&ShopOrder>, reported: CateState, proves_arrival: bool) -> Option<State> {
    let order = found?;
    match (order.cate_state, reported) {
        (Some(shown), _) if shown == reported => {
            Some(if proves_arrival { State::Done } else { State::Unknown })
        }
        // A return not yet shown over the redemption it returns: the return did not arrive.
        (Some(CateState::Redeem), CateState::Refund) => None,
        _ => Some(State::Unknown),
    }
}

fn reason(state: State) -> &'static str {
    match state {
        State::Done => {
            "in flight when an earlier run stopped; transactions/query shows the order in the reported state"
        }
        _ => {
            "in flight when an earlier run stopped; transactions/query shows the order, but cannot tell whether this report or another one (transactions/sync) put it in that state: check before reporting it again"
        }
    }
}
