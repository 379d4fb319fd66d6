//! The base URL names a host only: a path prefix would make the signed path differ from the one
//! sent, and user-info would travel and be printed.

mod support;

use wechatpay_apiv3::{ClientBuilder, Error};
use wechatpay_apiv3_mock::demo;

fn builder(base_url: &str) -> ClientBuilder {
    support::merchant_builder(base_url).wechatpay_public_key(demo::wechatpay_public_key())
}

fn setup_error(builder: ClientBuilder) -> String {
    match builder.build() {
        Err(Error::Setup(message)) => message,
        other => panic!("expected a setup error, got {other:?}"),
    }
}

#[test]
fn a_path_prefix_is_refused_at_build_time() {
    let message = setup_error(builder("https://api.mch.weixin.qq.com/prefix"));
    assert!(message.contains("must not have a path"), "{message}");
    assert!(message.contains("signed"), "the message says why: {message}");
}

#[test]
fn a_trailing_slash_is_fine() {
    let client = builder("https://api.mch.weixin.qq.com/").build().unwrap();
    assert_eq!(client.base_url(), "https://api.mch.weixin.qq.com");
}

#[test]
fn user_info_is_refused_and_never_printed() {
    let base_url = "https://merchant:s3cr3t@api.mch.weixin.qq.com";
    let builder = builder(base_url);
    let debug = format!("{builder:?}");
    let error = builder.build().unwrap_err();
    let message = format!("{error} {error:?}");
    assert!(message.contains("user-info"), "{message}");
    for shown in [debug, message] {
        assert!(!shown.contains("s3cr3t") && !shown.contains("merchant:"), "{shown}");
    }
}
