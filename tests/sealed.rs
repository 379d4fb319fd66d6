//! Personal data cannot leave in plaintext by any route: a `Sensitive` value inside a wrapper of
//! the user's own, behind a tuple alias, or turned into a `serde_json::Value` is refused with an
//! error that names the field (never its value), and nothing reaches the sandbox.

mod support;

use serde::Serialize;
use support::{CERT_NO, assert_no_plaintext, client, quick_retries};
use wechatpay_apiv3::{Error, Sensitive, WechatRecord, WechatRequest};
use wechatpay_apiv3_mock::Sandbox;

#[derive(Debug, Clone, Serialize, WechatRecord)]
struct Person {
    #[wechat(required, encrypt)]
    id_card: Sensitive,
}

/// The user's own type, not a record: the derive cannot see the `Person` inside.
#[derive(Debug, Clone, Serialize)]
struct Wrapper {
    person: Person,
}

type Pair = (String, Person);

#[derive(Debug, Clone, Serialize, WechatRequest)]
#[wechat(post = "/v3/gov/subsidy/zhejiang/qualifications/sync", response = serde_json::Value)]
struct ThroughWrapper {
    wrapper: Wrapper,
}

#[derive(Debug, Clone, Serialize, WechatRequest)]
#[wechat(post = "/v3/gov/subsidy/zhejiang/qualifications/sync", response = serde_json::Value)]
struct ThroughTupleAlias {
    pair: Pair,
}

#[derive(Debug, Clone, Serialize, WechatRequest)]
#[wechat(post = "/v3/gov/subsidy/zhejiang/qualifications/sync", response = serde_json::Value)]
struct ThroughValue {
    data: serde_json::Value,
}

fn person() -> Person {
    Person { id_card: CERT_NO.into() }
}

async fn refused<R: WechatRequest<Response = serde_json::Value> + Sync>(request: &R, field: &str) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, quick_retries(3));
    let error = request.send(&client).await.unwrap_err();
    let shown = format!("{error} {error:?}");
    assert_no_plaintext(&shown);
    assert!(matches!(&error, Error::Plaintext { field: found } if found == field), "{shown}");
    assert!(shown.contains(field) && shown.contains("nothing was sent"), "{shown}");
    assert!(sandbox.received().is_empty(), "nothing reaches the sandbox");
}

#[tokio::test]
async fn a_record_inside_a_wrapper_of_the_users_own_is_refused_with_its_path() {
    refused(&ThroughWrapper { wrapper: Wrapper { person: person() } }, "wrapper.person.id_card")
        .await;
}

#[tokio::test]
async fn a_record_behind_a_tuple_alias_is_refused_with_its_path() {
    refused(&ThroughTupleAlias { pair: ("x".into(), person()) }, "pair[1].id_card").await;
}

#[test]
fn a_record_never_turns_into_a_value_or_text_in_plaintext() {
    for error in [
        serde_json::to_value(person()).unwrap_err(),
        serde_json::to_value(Wrapper { person: person() }).unwrap_err(),
        serde_json::to_string(&("x", person())).unwrap_err(),
        serde_json::to_vec(&vec![Sensitive::new(CERT_NO)]).unwrap_err(),
    ] {
        let shown = format!("{error} {error:?}");
        assert_no_plaintext(&shown);
        assert!(
            shown.contains("wechatpay_apiv3::Sensitive") && shown.contains("only encrypted"),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn so_a_value_cannot_carry_personal_data_into_a_request() {
    let refused = serde_json::to_value(Wrapper { person: person() }).unwrap_err().to_string();
    assert!(
        refused.contains("serialized only encrypted") && refused.contains("Sensitive::expose"),
        "the only way in is `expose`, read on purpose: {refused}"
    );
    assert_no_plaintext(&refused);
    let exposed = serde_json::json!({ "id_card": person().id_card.expose() });
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox, quick_retries(0));
    // Exposed on purpose and sent as plain JSON: the sandbox, reading the page on its own, still
    // refuses a sensitive field that is not a ciphertext.
    let error = ThroughValue { data: exposed }.send(&client).await.unwrap_err();
    assert!(matches!(&error, Error::Api { status: 400, .. }), "{error:?}");
    assert_no_plaintext(&format!("{error} {error:?}"));
    assert!(sandbox.received().iter().all(|received| !received.accepted()));
}

#[test]
fn sensitive_values_never_print_and_expose_is_the_way_to_read_them() {
    let value = Sensitive::new(CERT_NO);
    assert_eq!(format!("{value:?} {:?} {:#?}", Some(&value), person()).matches(CERT_NO).count(), 0);
    assert_eq!(value.expose(), CERT_NO);
    let loaded: Sensitive = serde_json::from_str(&format!("\"{CERT_NO}\"")).unwrap();
    assert_eq!(loaded, value, "records load from the platform's own files");
}

#[test]
fn an_empty_personal_field_stays_empty_through_the_encryption_step() {
    let mut report: wechatpay_apiv3::gov::subsidy::jiangsu::TransactionsSync =
        serde_json::from_str(include_str!("fixtures/requests/transactions.sync.json"))
            .expect("the fixture parses");
    report.real_name = Some("".into());
    let prepared = report.prepare(&wechatpay_apiv3_mock::demo::wechatpay_keys()).expect("prepared");
    let body: serde_json::Value = serde_json::from_slice(&prepared.body).expect("JSON");
    assert_eq!(body["real_name"], "", "nothing to hide: sent empty");
    let phone = body["phone_number"].as_str().expect("a ciphertext");
    assert!(phone.len() == 344 && phone != "13800138000", "the others are encrypted: {phone}");
}
