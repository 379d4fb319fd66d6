//! `/v3/gov/…`: government programmes.

pub mod subsidy;
