//! `/v3/gov/subsidy/…`: the trade-in subsidy (国补) programme.

pub mod zhejiang;
