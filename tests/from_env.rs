//! `from_env` of the blocking client, run in a child process of this test binary so that the
//! test process's own environment is never changed.

#![cfg(feature = "blocking")]

mod support;

use std::process::Command;

use support::request;
use wechatpay::Error;
use wechatpay_mock::{Sandbox, demo};

/// Set in the environment of a child run of this binary.
const CHILD_MARKER: &str = "WECHATPAY_TEST_FROM_ENV_CHILD";
const KEYS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/wechatpay-mock/keys");

/// Runs this binary's test `name` again in a child process with only `vars` among the
/// `WECHATPAY_*` variables, and asserts it passes.
fn run_child(name: &str, vars: &[(&str, &str)]) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args(["--exact", name, "--nocapture", "--test-threads=1"]);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("WECHATPAY_") {
            command.env_remove(key);
        }
    }
    command.env(CHILD_MARKER, "1").envs(vars.iter().copied());
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the child failed: {}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr),
    );
}

#[test]
fn the_blocking_client_is_configured_from_the_environment() {
    if std::env::var_os(CHILD_MARKER).is_some() {
        let client = wechatpay::blocking::Client::from_env().unwrap();
        let reply = client.send(&request(1)).unwrap();
        assert_eq!(reply.resp_code, "000000");
        return;
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let base_url = sandbox.base_url();
    let merchant_key = format!("{KEYS}/merchant_private_key.pem");
    let public_key = format!("{KEYS}/platform_public_key.pem");
    run_child(
        "the_blocking_client_is_configured_from_the_environment",
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
    if std::env::var_os(CHILD_MARKER).is_some() {
        let error = wechatpay::blocking::Client::from_env().unwrap_err();
        assert!(
            matches!(&error, Error::Setup(message) if message.contains("WECHATPAY_MCHID")),
            "{error:?}"
        );
        return;
    }
    run_child("the_blocking_client_names_the_first_variable_missing", &[]);
}
