//! Every tracing span and event of a request, success and failures alike, is free of the
//! plaintext personal data; and the events say what a reader of logs needs.

mod support;

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use support::{assert_no_plaintext, client, quick_retries, request};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use wechatpay::WechatRequest;
use wechatpay_mock::{Fault, Sandbox};

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
        let _ = write!(text, "\nevent {}", event.metadata().target());
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
    let client = client(&sandbox, quick_retries(1));
    request(1).send(&client).await.unwrap();
    sandbox.inject(Fault::Status(429));
    request(1).send(&client).await.expect("a rate-limited report is sent again");
    for fault in [Fault::TamperedBody, Fault::Status(400), Fault::NonJson] {
        sandbox.inject(fault);
        let error = request(1).send(&client).await.unwrap_err();
        assert_no_plaintext(&format!("{error} {error:?}"));
    }
    let mut invalid = request(1);
    invalid.data.as_mut().expect("one record")[0].uniscid.clear();
    let error = invalid.send(&client).await.unwrap_err();
    assert_no_plaintext(&format!("{error} {error:?}"));
    for received in sandbox.received() {
        assert_no_plaintext(&format!("{received:?}"));
    }

    let log = log.lock().unwrap().clone();
    assert_no_plaintext(&log);
    assert!(log.contains("path=\"/v3/gov/subsidy/zhejiang/qualifications/sync\""), "{log}");
    assert!(log.contains("method=POST"), "{log}");
    assert!(log.contains("status=200") && log.contains("status=429"), "{log}");
    assert!(log.contains("request_id="), "{log}");
    assert!(log.contains("attempt=1"), "{log}");
}
