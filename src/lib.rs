//! WeChat Pay APIv3 for Rust.
//!
//! This facade re-exports [`wechatpay_core`], the runtime: keys and certificates, request signing,
//! response verification and field encryption.

pub use wechatpay_core::*;
