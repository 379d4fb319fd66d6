//! Every gov/subsidy endpoint end to end against the sandbox, which reads the pages on its own:
//! the request of `tests/fixtures/requests/<path>.json` (a platform's plaintext JSON) is read
//! into its typed request, validated, encrypted, signed and sent; the sandbox checks it against
//! its own table and decrypts what must be encrypted; the answer is verified, decoded and
//! business-checked. Then the same request meets a scripted business failure and a region the
//! merchant is not whitelisted for: neither is ever a success.

mod support;

use serde::de::DeserializeOwned;
use serde_json::Value;
use wechatpay_apiv3::gov::subsidy::{audit_cup, jiangsu, zhejiang};
use wechatpay_apiv3::request::{Describe, WechatRequest, field_paths};
use wechatpay_apiv3::{Error, RetryPolicy};
use wechatpay_apiv3_mock::{Outcome, Sandbox};

/// Sends the fixture's request three times: accepted, refused by a business code, refused for
/// the region.
async fn round_trip<T>(fixture: &str)
where
    T: WechatRequest + Describe + DeserializeOwned + Sync,
    T::Response: std::fmt::Debug,
{
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = support::client(&sandbox, RetryPolicy::none());
    let request: T = serde_json::from_str(fixture).expect("the fixture is a valid request");
    let plaintext: Value = serde_json::from_str(fixture).expect("the fixture is JSON");

    let reply = request.send(&client).await;
    assert!(reply.is_ok(), "{} {}: {reply:?}", T::METHOD, T::PATH);
    let received = sandbox.last_received().expect("the sandbox received the request");
    assert!(received.accepted() && received.path() == T::PATH, "{received:?}");
    let mut encrypted = 0;
    for (path, _) in field_paths(T::FIELDS).into_iter().filter(|(_, field)| field.encrypted) {
        let sent = values_at(&plaintext, &path);
        let decrypted = values_at(received.json.as_ref().expect("parameters"), &path);
        assert_eq!(sent, decrypted, "{}: `{path}` decrypts to the platform's plaintext", T::PATH);
        let redacted = values_at(received.json_redacted().expect("parameters"), &path);
        assert!(redacted.iter().all(|v| v == "<redacted>"), "`{path}` arrived encrypted");
        encrypted += sent.len();
    }
    assert_eq!(
        encrypted > 0,
        T::HAS_ENCRYPTED_FIELDS,
        "{}: the fixture sends encrypted fields",
        T::PATH
    );

    sandbox.script(T::METHOD.as_str(), T::PATH, Outcome::business("100001", "资格不存在", ["x"]));
    match request.send(&client).await {
        Err(Error::Business { resp_code, .. }) => assert_eq!(resp_code, "100001"),
        Err(Error::Api { status: 400, code, .. }) => assert_eq!(code, "100001"),
        other => panic!("{}: a business failure became {other:?}", T::PATH),
    }
    sandbox.script(T::METHOD.as_str(), T::PATH, Outcome::NotAuthorized);
    match request.send(&client).await {
        Err(Error::Api { status: 403, code, .. }) => assert_eq!(code, "NOT_AUTH"),
        other => panic!("{}: NOT_AUTH became {other:?}", T::PATH),
    }
    assert_eq!(sandbox.accepted_count(), 1, "{}: only the first was applied", T::PATH);
}

/// Every value `path` (`data[].tel`) names in `root`, in order; absent ones are left out.
fn values_at(root: &Value, path: &str) -> Vec<Value> {
    let mut current = vec![root];
    for segment in path.split('.') {
        let (key, each) = match segment.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (segment, false),
        };
        let children = current.into_iter().filter_map(|value| value.get(key));
        current = if each {
            children.filter_map(Value::as_array).flatten().collect()
        } else {
            children.collect()
        };
    }
    current.into_iter().filter(|v| !v.is_null()).cloned().collect()
}

macro_rules! round_trips {
    ($($test:ident: $ty:ty = $fixture:literal;)*) => {
        $(
            #[tokio::test]
            async fn $test() {
                round_trip::<$ty>(include_str!(concat!("fixtures/requests/", $fixture))).await;
            }
        )*

        /// The fixtures with a round trip.
        const ROUND_TRIPS: &[&str] = &[$($fixture),*];
    };
}

round_trips! {
    zhejiang_authcode_issue: zhejiang::AuthcodeIssue = "zhejiang.authcode.issue.json";
    zhejiang_authcode_try: zhejiang::AuthcodeTry = "zhejiang.authcode.try.json";
    zhejiang_authcode_commit: zhejiang::AuthcodeCommit = "zhejiang.authcode.commit.json";
    zhejiang_authcode_cancel: zhejiang::AuthcodeCancel = "zhejiang.authcode.cancel.json";
    zhejiang_authcode_refund: zhejiang::AuthcodeRefund = "zhejiang.authcode.refund.json";
    zhejiang_goods_query: zhejiang::GoodsQuery = "zhejiang.goods.query.json";
    zhejiang_n_qualifications_confirm: zhejiang::NQualificationsConfirm = "zhejiang.n-qualifications.confirm.json";
    zhejiang_qualifications_claim: zhejiang::QualificationsClaim = "zhejiang.qualifications.claim.json";
    zhejiang_qualifications_alter: zhejiang::QualificationsAlter = "zhejiang.qualifications.alter.json";
    zhejiang_qualifications_query: zhejiang::QualificationsQuery = "zhejiang.qualifications.query.json";
    zhejiang_qualifications_sync: zhejiang::QualificationsSync = "zhejiang.qualifications.sync.json";
    zhejiang_sncode_lock: zhejiang::SncodeLock = "zhejiang.sncode.lock.json";
    zhejiang_sncode_query: zhejiang::SncodeQuery = "zhejiang.sncode.query.json";
    zhejiang_sncode_unlock: zhejiang::SncodeUnlock = "zhejiang.sncode.unlock.json";
    jiangsu_qualification: jiangsu::Qualification = "qualification.json";
    jiangsu_qualifications_query: jiangsu::QualificationsQuery = "qualifications.query.json";
    jiangsu_qualifications_sync: jiangsu::QualificationsSync = "qualifications.sync.json";
    jiangsu_passthrough_claim: jiangsu::QualificationsPassthroughClaim = "qualifications.passthrough.claim.json";
    jiangsu_passthrough_cancel: jiangsu::QualificationsPassthroughCancel = "qualifications.passthrough.cancel.json";
    jiangsu_passthrough_query: jiangsu::QualificationsPassthroughQuery = "qualifications.passthrough.query.json";
    jiangsu_n_qualifications_sync: jiangsu::NQualificationsSync = "n-qualifications.sync.json";
    jiangsu_sncode_query: jiangsu::SncodeQuery = "sncode.query.json";
    jiangsu_sncode_lock: jiangsu::SncodeLock = "sncode.lock.json";
    jiangsu_sncode_unlock: jiangsu::SncodeUnlock = "sncode.unlock.json";
    jiangsu_transactions_sync: jiangsu::TransactionsSync = "transactions.sync.json";
    jiangsu_transactions_query: jiangsu::TransactionsQuery = "transactions.query.json";
    jiangsu_transactions_summary_query_day: jiangsu::TransactionsSummaryQueryDay = "transactions.summary.query-day.json";
    jiangsu_companies_query: jiangsu::CompaniesQuery = "companies.query.json";
    jiangsu_goods_upload: jiangsu::GoodsUpload = "goods.upload.json";
    audit_cup_upload: audit_cup::Upload = "audit.cup.upload.json";
    audit_cup_update: audit_cup::Update = "audit.cup.update.json";
    audit_cup_query: audit_cup::Query = "audit.cup.query.json";
    audit_cup_invalid: audit_cup::Invalid = "audit.cup.invalid.json";
    audit_cup_refund_sync: audit_cup::RefundSync = "audit.cup.refund.sync.json";
}

/// Every typed endpoint has its fixture, and every fixture its round trip above.
#[test]
fn every_endpoint_has_a_fixture_and_a_round_trip() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/requests");
    let mut fixtures: Vec<String> = std::fs::read_dir(dir)
        .expect("the fixtures")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    fixtures.sort();
    let mut expected: Vec<String> = wechatpay_apiv3::gov::subsidy::ENDPOINTS
        .iter()
        .map(|e| {
            format!("{}.json", e.path.trim_start_matches("/v3/gov/subsidy/").replace('/', "."))
        })
        .collect();
    expected.sort();
    assert_eq!(fixtures, expected);
    let mut round_trips: Vec<String> = ROUND_TRIPS.iter().map(|f| f.to_string()).collect();
    round_trips.sort();
    assert_eq!(round_trips, expected);
}

/// `call_json` reaches every endpoint from its method and path (the dispatch is generated from the
/// same list as `ENDPOINTS`) and returns the verified answer as the sandbox wrote it.
#[tokio::test]
async fn call_json_dispatches_every_endpoint_by_method_and_path() {
    use wechatpay_apiv3::gov::subsidy::{CallError, ENDPOINTS, call_json};
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = support::client(&sandbox, RetryPolicy::none());
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/requests");
    for endpoint in ENDPOINTS {
        let tail = endpoint.path.strip_prefix("/v3/gov/subsidy/").expect("the family's prefix");
        let name = format!("{fixtures}/{}.json", tail.replace('/', "."));
        let json = std::fs::read_to_string(&name).expect("a fixture per endpoint");
        let method = endpoint.method.as_str().to_lowercase();
        let answer = call_json(&client, &method, endpoint.path, &json).await;
        let answer = answer.unwrap_or_else(|error| panic!("{}: {error}", endpoint.path));
        let received = sandbox.last_received().expect("received");
        assert_eq!(received.path(), endpoint.path);
        let sent: Value = serde_json::from_slice(&received.response_body).expect("JSON answer");
        assert_eq!(answer, sent, "{}: the answer as the sandbox wrote it", endpoint.path);
    }
    let unknown = call_json(&client, "POST", "/v3/gov/subsidy/nowhere", "{}").await;
    assert!(matches!(unknown, Err(CallError::UnknownEndpoint { .. })), "{unknown:?}");
    let wrong_method = call_json(&client, "GET", ENDPOINTS[0].path, "{}").await;
    assert!(matches!(wrong_method, Err(CallError::UnknownEndpoint { .. })), "{wrong_method:?}");
    let not_json = call_json(&client, "POST", ENDPOINTS[0].path, "{").await;
    assert!(matches!(not_json, Err(CallError::Json { .. })), "{not_json:?}");
    assert_eq!(sandbox.received().len(), ENDPOINTS.len(), "nothing sent for the failures");
}
