//! `from_env` of the blocking client, run in a child process of this test binary so that the
//! test process's own environment is never changed.

#![cfg(feature = "blocking")]

mod support;

use support::request;
use wechatpay_apiv3::Error;
use wechatpay_apiv3_mock::{Sandbox, demo};

/// The sandbox's shipped key files.
const KEYS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/wechatpay-mock/keys");

#[test]
fn the_blocking_client_is_configured_from_the_environment() {
    if support::is_child() {
        let client = wechatpay_apiv3::blocking::Client::from_env().unwrap();
        let reply = client.send(&request(1)).unwrap();
        assert_eq!(reply.resp_code, "000000");
        return;
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let base_url = sandbox.base_url();
    let merchant_key = format!("{KEYS}/merchant_private_key.pem");
    let public_key = format!("{KEYS}/platform_public_key.pem");
    support::run_child(
        "the_blocking_client_is_configured_from_the_environment",
        |key| key.starts_with("WECHATPAY_"),
        &[
            ("WECHATPAY_MCHID", demo::MCHID),
            ("WECHATPAY_MCH_SERIAL", demo::MERCHANT_SERIAL),
            ("WECHATPAY_MCH_KEY_PATH", &merchant_key),
            ("WECHATPAY_PUBLIC_KEY_ID", demo::PUBLIC_KEY_ID),
            ("WECHATPAY_PUBLIC_KEY_PATH", &public_key),
            ("WECHATPAY_BASE_URL", &base_url),
        ],
    );
    assert_eq!(sandbox.received().len(), 1);
}

#[test]
fn the_blocking_client_names_the_first_variable_missing() {
    if support::is_child() {
        let error = wechatpay_apiv3::blocking::Client::from_env().unwrap_err();
        assert!(
            matches!(&error, Error::Setup(message) if message.contains("WECHATPAY_MCHID")),
            "{error:?}"
        );
        return;
    }
    support::run_child(
        "the_blocking_client_names_the_first_variable_missing",
        |key| key.starts_with("WECHATPAY_"),
        &[],
    );
}
