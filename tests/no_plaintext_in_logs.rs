//! Every tracing span and event of a request, at every level, success and failures alike
//! (transport faults, business refusals quoting the data sent), is free of the plaintext personal
//! data (the encrypted fields and the `redact` address), the merchant's private key and the
//! APIv3 key; and the events say what a reader of logs needs.

mod support;

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use support::{assert_no_plaintext, quick_retries, request};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use wechatpay_apiv3::WechatRequest;
use wechatpay_apiv3_mock::{Fault, Outcome, Record as Item, Sandbox, demo};

/// The `redact` field of the records sent (sent as is, but personal data).
const ADDRESS: &str = "浙江省杭州市西湖区";

/// Asserts that `text` holds no personal data, no piece of the merchant's private key and not the
/// APIv3 key.
fn assert_nothing_secret(text: &str) {
    assert_no_plaintext(text);
    assert!(!text.contains(ADDRESS), "the address leaked into: {text}");
    assert!(!text.contains(demo::APIV3_KEY), "the APIv3 key leaked into: {text}");
    let key_lines = demo::MERCHANT_KEY_PEM.lines().filter(|line| !line.starts_with("-----"));
    for line in key_lines {
        for piece in line.as_bytes().chunks(16).filter(|piece| piece.len() == 16) {
            let piece = std::str::from_utf8(piece).expect("base64 is ASCII");
            assert!(!text.contains(piece), "private key material leaked into: {text}");
        }
    }
}

/// Writes every span and event field into one shared text.
struct Capture(Arc<Mutex<String>>);

struct Writer<'a>(&'a mut String);

impl Visit for Writer<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut text = self.0.lock().unwrap();
        let _ = write!(text, "\nspan {}", span.metadata().name());
        span.record(&mut Writer(&mut text));
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        values.record(&mut Writer(&mut self.0.lock().unwrap()));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut text = self.0.lock().unwrap();
        let _ = write!(text, "\nevent {} {}", event.metadata().level(), event.metadata().target());
        event.record(&mut Writer(&mut text));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test]
async fn logs_name_the_request_but_never_its_personal_data() {
    let log = Arc::new(Mutex::new(String::new()));
    let _guard = tracing::subscriber::set_default(Capture(log.clone()));

    let sandbox = Sandbox::start().await.unwrap();
    let client = support::bare_builder(&sandbox)
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())
        .expect("the sandbox public key loads")
        .apiv3_key(demo::api_v3_key())
        .retry_policy(quick_retries(1))
        .build()
        .expect("the client builds");
    assert_nothing_secret(&format!("{client:?}"));
    request(1).send(&client).await.unwrap();
    sandbox.inject(Fault::Status(429));
    request(1).send(&client).await.expect("a rate-limited report is sent again");
    let faults = [
        Fault::TamperedBody,
        Fault::Status(400),
        Fault::NonJson,
        Fault::DropConnection,
        Fault::ResetAfterRead,
        Fault::TruncatedBody,
    ];
    for fault in faults {
        sandbox.inject(fault);
        let error = request(1).send(&client).await.unwrap_err();
        assert_nothing_secret(&format!("{error} {error:?}"));
    }
    // The sandbox hides what the pages encrypt (it cannot know the address is personal).
    for received in sandbox.received() {
        assert_no_plaintext(&format!("{received:?}"));
    }
    // A business refusal whose `error_data` quotes what was sent (the sandbox's own record of
    // it holds the scripted text, so it is checked above).
    let quoted = format!(
        "证件号{} 姓名{} 手机{} 地址{ADDRESS}",
        support::CERT_NO,
        support::NAME,
        support::TEL
    );
    sandbox.script(
        "POST",
        "/v3/gov/subsidy/zhejiang/qualifications/sync",
        Outcome::reject_records("PARAM_ERROR", "校验失败", [(Item::index(0), quoted)]),
    );
    let error = request(1).send(&client).await.unwrap_err();
    assert!(
        matches!(&error, wechatpay_apiv3::Error::Business { error_data, .. } if error_data.len() == 1)
    );
    assert_nothing_secret(&format!("{error} {error:?}"));
    // No connection at all.
    let closed = client_for_closed_port().await;
    let error = request(1).send(&closed).await.unwrap_err();
    assert_nothing_secret(&format!("{error} {error:?}"));

    let mut invalid = request(1);
    invalid.data.as_mut().expect("one record")[0].uniscid.clear();
    let error = invalid.send(&client).await.unwrap_err();
    assert_nothing_secret(&format!("{error} {error:?}"));

    let log = log.lock().unwrap().clone();
    assert_nothing_secret(&log);
    assert!(log.contains("event INFO") && log.contains("event WARN"), "every level: {log}");
    assert!(log.contains("message=no answer"), "connection faults are logged: {log}");
    assert!(log.contains("message=the answer failed verification"), "{log}");
    assert!(log.contains("path=\"/v3/gov/subsidy/zhejiang/qualifications/sync\""), "{log}");
    assert!(log.contains("method=POST"), "{log}");
    assert!(log.contains("status=200") && log.contains("status=429"), "{log}");
    assert!(log.contains("request_id="), "{log}");
    assert!(log.contains("attempt=1"), "{log}");
}

/// A client for the sandbox's keys pointed at a port nothing listens on.
async fn client_for_closed_port() -> wechatpay_apiv3::Client {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let addr = listener.local_addr().expect("its address");
    drop(listener);
    support::merchant_builder(&format!("http://{addr}"))
        .wechatpay_public_key_pem(demo::PUBLIC_KEY_ID, demo::PUBLIC_KEY_PEM)
        .expect("the public key loads")
        .build()
        .expect("the client builds")
}
