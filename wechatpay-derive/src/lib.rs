//! `#[derive(WechatRequest)]`, re-exported by the `wechatpay` crate.
//!
//! The derive itself arrives with the request layer; this crate holds its place in the workspace.
