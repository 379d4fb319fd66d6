//! Zhejiang records for the benchmarks: the request fixture's record (made-up data), each copy
//! with an order number of its own.

use serde_json::{Value, json};

/// `count` records of Zhejiang's `qualifications/sync`, the `index`-th with order number
/// `ZJ-{index}`.
pub fn zhejiang(count: usize) -> Result<Vec<Value>, serde_json::Error> {
    let fixture: Value = serde_json::from_str(include_str!(
        "../../tests/fixtures/requests/zhejiang.qualifications.sync.json"
    ))?;
    let record = &fixture["data"][0];
    let numbered = |index: usize| {
        let mut record = record.clone();
        record["order_no"] = json!(format!("ZJ-{index:07}"));
        record
    };
    Ok((0..count).map(numbered).collect())
}
