//! WeChat Pay APIv3 for Rust.
//!
//! Declare a request as a plain struct with `#[derive(WechatRequest)]`, or pick one of the API
//! definitions in [`gov`], and `.send(&client).await` it: validation, encryption of personal
//! data, signing and verification of the answer happen on the way. This facade re-exports
//! [`wechatpay_apiv3_core`] (the runtime) and the derives.

// The facade's own API definitions use the derives, whose code names `::wechatpay_apiv3::…`.
extern crate self as wechatpay_apiv3;

pub use wechatpay_apiv3_core::*;
pub use wechatpay_apiv3_derive::{WechatRecord, WechatRequest};

pub mod gov;
pub mod money;
pub mod notify;
pub mod report;
pub mod time;
