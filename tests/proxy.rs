//! Where requests go: only to the base URL, or through a proxy configured explicitly; never
//! through a proxy named by the environment, and never through any proxy to a loopback sandbox.
//!
//! A local `TcpListener` stands in for the proxy and records the request line of every
//! connection, answering each with `403`. No test needs a network.

mod support;

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::{assert_no_plaintext, request};
use wechatpay_apiv3::{ClientBuilder, Error};
use wechatpay_apiv3_mock::{Sandbox, demo};

/// The sandbox's base URL, for the child.
const CHILD_SANDBOX: &str = "WECHATPAY_TEST_PROXY_SANDBOX";

/// A proxy that refuses everything, remembering what it was asked.
struct FakeProxy {
    addr: SocketAddr,
    heads: Arc<Mutex<Vec<String>>>,
}

impl FakeProxy {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let heads = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&heads);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                let mut head = Vec::new();
                let mut byte = [0; 1];
                while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                    head.push(byte[0]);
                }
                seen.lock().unwrap().push(String::from_utf8_lossy(&head).into_owned());
                let _ = stream.write_all(
                    b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            }
        });
        Self { addr, heads }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The request heads received so far.
    fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

/// The demo merchant with the demo WeChat Pay key, no retries, short timeouts.
fn builder(base_url: &str) -> ClientBuilder {
    support::merchant_builder(base_url)
        .wechatpay_public_key(demo::wechatpay_public_key())
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(5))
}

#[test]
fn an_explicit_proxy_is_asked_to_connect_to_wechat_pay_and_nothing_else() {
    let proxy = FakeProxy::start();
    let proxy_url = format!("http://user:s3cr3t@{}", proxy.addr);
    let client =
        builder(wechatpay_apiv3::DEFAULT_BASE_URL).proxy(&proxy_url).unwrap().build().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();

    let error = runtime.block_on(client.send(&request(1))).unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");

    let heads = proxy.heads();
    assert_eq!(heads.len(), 1, "{heads:?}");
    let head = &heads[0];
    assert!(head.starts_with("CONNECT api.mch.weixin.qq.com:443 HTTP/1.1\r\n"), "{head}");
    // The proxy authentication from the URL, and nothing of the request: it goes inside the
    // TLS tunnel.
    assert!(head.contains("dXNlcjpzM2NyM3Q="), "{head}");
    assert!(!head.contains("WECHATPAY2") && !head.contains("/v3/"), "{head}");
    assert_no_plaintext(head);
    for shown in [format!("{error} {error:?}"), format!("{client:?}")] {
        assert!(!shown.contains("s3cr3t"), "{shown}");
    }
}

#[test]
fn a_loopback_sandbox_is_never_proxied() {
    let proxy = FakeProxy::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let client = builder(&sandbox.base_url()).proxy(&proxy.url()).unwrap().build().unwrap();

    let reply = runtime.block_on(client.send(&request(1))).unwrap();
    assert_eq!(reply.resp_code, "000000");
    assert_eq!(sandbox.received().len(), 1);
    assert_eq!(proxy.heads(), Vec::<String>::new());
}

#[test]
fn proxy_environment_variables_are_ignored() {
    if support::is_child() {
        // The child, with every proxy variable pointing at the fake proxy.
        let sandbox = std::env::var(CHILD_SANDBOX).unwrap();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let client = builder(&sandbox).build().unwrap();
        let reply = runtime.block_on(client.send(&request(1))).unwrap();
        assert_eq!(reply.resp_code, "000000");
        // `.invalid` never resolves: only a proxy could have reached it.
        let client = builder("https://wechatpay.invalid").build().unwrap();
        let error = runtime.block_on(client.send(&request(1))).unwrap_err();
        assert!(matches!(error, Error::Transport { .. }), "{error:?}");
        return;
    }
    let proxy = FakeProxy::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let proxy_url = proxy.url();
    let base_url = sandbox.base_url();
    let mut vars = vec![(CHILD_SANDBOX, base_url.as_str())];
    for name in ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"]
    {
        vars.push((name, proxy_url.as_str()));
    }
    support::run_child(
        "proxy_environment_variables_are_ignored",
        |key| matches!(key, "NO_PROXY" | "no_proxy" | "REQUEST_METHOD"),
        &vars,
    );

    assert_eq!(proxy.heads(), Vec::<String>::new());
    assert_eq!(sandbox.received().len(), 1);
}
