//! The client's configuration and its synchronous wrapper.

mod support;

use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::request;
use wechatpay_apiv3::{Client, Error, KeyError};
use wechatpay_apiv3_mock::demo;

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
    assert_eq!(wechatpay_apiv3::backend::ACTIVE_NAME, expected);
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
    let retries = Arc::new(AtomicUsize::new(0));
    let counting = CountRetries(retries.clone());
    let error = tracing::subscriber::with_default(counting, || {
        runtime.block_on(client.send(&request(1))).unwrap_err()
    });
    assert_eq!(retries.load(Ordering::SeqCst), 1, "the one retry allowed happened");
    let Error::Transport { kind: wechatpay_apiv3::TransportKind::Connect, message } = &error else {
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
    let sandbox = server.block_on(wechatpay_apiv3_mock::Sandbox::start()).unwrap();
    let builder = support::bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .unwrap()
        .retry_policy(wechatpay_apiv3::RetryPolicy::none());
    let client = wechatpay_apiv3::blocking::Client::new(builder).unwrap();

    let reply = client.send(&request(1)).unwrap();
    assert_eq!(reply.resp_code, "000000");
    assert_eq!(sandbox.received().len(), 1);
}

/// Counts the client's `retrying` events.
struct CountRetries(Arc<AtomicUsize>);

impl tracing::Subscriber for CountRetries {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        struct Message(bool);
        impl tracing::field::Visit for Message {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                self.0 |= field.name() == "message" && format!("{value:?}") == "retrying";
            }
        }
        let mut message = Message(false);
        event.record(&mut message);
        if message.0 {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn redirects_are_never_followed() {
    // Where a redirect would send the signed request (and its body) next.
    let elsewhere = TcpListener::bind("127.0.0.1:0").unwrap();
    elsewhere.set_nonblocking(true).unwrap();
    let target = format!(
        "http://{}/v3/gov/subsidy/zhejiang/qualifications/sync",
        elsewhere.local_addr().unwrap()
    );
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}", server.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(0));
    let counted = requests.clone();
    let redirecting = std::thread::spawn(move || {
        // Every status that could redirect, one connection each.
        for status in [
            "301 Moved Permanently",
            "302 Found",
            "303 See Other",
            "307 Temporary Redirect",
            "308 Permanent Redirect",
        ] {
            let (mut stream, _) = server.accept().unwrap();
            let mut head = Vec::new();
            let mut byte = [0; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap() == 1 {
                head.push(byte[0]);
            }
            let length: usize = String::from_utf8_lossy(&head)
                .lines()
                .find_map(|line| {
                    line.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse().unwrap())
                })
                .unwrap_or(0);
            let mut body = vec![0; length];
            stream.read_exact(&mut body).unwrap();
            *counted.lock().unwrap() += 1;
            let answer = format!(
                "HTTP/1.1 {status}\r\nLocation: {target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            stream.write_all(answer.as_bytes()).unwrap();
        }
    });
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = Client::builder()
        .mchid(demo::MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)
        .unwrap()
        .wechatpay_public_key(demo::wechatpay_public_key())
        .base_url(&base_url)
        .retry_policy(wechatpay_apiv3::RetryPolicy::none())
        .build()
        .unwrap();
    for status in [301, 302, 303, 307, 308] {
        let error = runtime.block_on(client.send(&request(1))).unwrap_err();
        assert!(
            matches!(error, Error::Api { status: got, .. } if got == status),
            "{status}: {error:?}"
        );
    }
    redirecting.join().unwrap();
    assert_eq!(*requests.lock().unwrap(), 5);
    let nothing = elsewhere.accept().map(|_| ()).map_err(|error| error.kind());
    assert_eq!(nothing, Err(std::io::ErrorKind::WouldBlock), "nothing reached the redirect target");
}
