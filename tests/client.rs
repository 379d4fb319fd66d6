//! The client's configuration and its synchronous wrapper.

mod support;

use std::time::Duration;

use support::request;
use wechatpay::{Client, Error, KeyError};
use wechatpay_mock::demo;

#[test]
fn the_client_is_cheap_to_clone_and_shareable_across_threads() {
    fn assert_shareable<T: Clone + Send + Sync + 'static>() {}
    assert_shareable::<Client>();
}

/// `.ci/run` runs the end-to-end tests a second time on the pure-Rust backend and sets
/// `WECHATPAY_EXPECT_BACKEND=rsa`: this proves the run used it.
#[test]
fn the_end_to_end_tests_run_on_the_backend_ci_asked_for() {
    let expected = std::env::var("WECHATPAY_EXPECT_BACKEND").unwrap_or_else(|_| "aws-lc-rs".into());
    assert_eq!(wechatpay::backend::ACTIVE_NAME, expected);
}

#[test]
fn configuration_mistakes_are_named_at_build_time() {
    let setup = |result: Result<Client, Error>| match result {
        Err(Error::Setup(message)) => message,
        other => panic!("expected a setup error, got {other:?}"),
    };
    let merchant = || {
        Client::builder().merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL).unwrap()
    };
    assert!(setup(merchant().build()).contains("mchid"));
    assert!(setup(Client::builder().mchid(demo::MCHID).build()).contains("private key"));
    let bad_url = merchant().mchid(demo::MCHID).base_url("api.mch.weixin.qq.com").build();
    assert!(setup(bad_url).contains("https://"));

    let bad_mchid = merchant().mchid("1900000001\n").build();
    assert!(matches!(bad_mchid, Err(Error::Config(KeyError::InvalidMchid { .. }))));
    let bad_serial = Client::builder().merchant_key_pem(demo::MERCHANT_KEY_PEM, "3775B6A4:5ACD");
    assert!(matches!(bad_serial, Err(Error::Config(KeyError::InvalidSerial { .. }))));
    let bad_key = Client::builder().wechatpay_public_key_pem("PUB_KEY_ID_01", "not a pem");
    assert!(matches!(bad_key, Err(Error::Config(KeyError::NotPem { .. }))));
}

#[test]
fn a_connection_refused_is_a_transport_error_after_the_retries() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder()
        .mchid(demo::MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)
        .unwrap()
        .wechatpay_public_key(demo::wechatpay_public_key())
        .base_url(&format!("http://127.0.0.1:{port}"))
        .retry_policy(support::quick_retries(1))
        .connect_timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let error = runtime.block_on(client.send(&request(1))).unwrap_err();
    let Error::Transport { kind: wechatpay::TransportKind::Connect, message } = &error else {
        panic!("a refused connection never reached WeChat Pay: {error:?}")
    };
    assert!(message.contains(&format!("127.0.0.1:{port}")), "where: {message}");
    assert!(message.to_lowercase().contains("refused"), "what: {message}");
    assert!(message.contains("the request was not sent"), "{message}");
}

#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_sends_without_an_async_runtime_of_its_own() {
    let server = tokio::runtime::Runtime::new().unwrap();
    let sandbox = server.block_on(wechatpay_mock::Sandbox::start()).unwrap();
    let builder = support::bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .retry_policy(wechatpay::RetryPolicy::none());
    let client = wechatpay::blocking::Client::new(builder).unwrap();

    let reply = client.send(&request(1)).unwrap();
    assert_eq!(reply.resp_code, "000000");
    assert_eq!(sandbox.received().len(), 1);
}
