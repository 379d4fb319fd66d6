//! Scripted business outcomes in each reply family, the region whitelist, and the order in which
//! outcomes are consumed. Requests are built by hand as JSON.

mod common;

use common::*;
use serde_json::json;
use wechatpay_apiv3_mock::endpoints::*;
use wechatpay_apiv3_mock::{Endpoint, Fault, Outcome, Region, Sandbox};

/// One endpoint of each reply family: Zhejiang, Jiangsu, Shanghai/Fujian/Chongqing, data-only.
const FAMILIES: [&Endpoint; 4] = [
    &ZHEJIANG_QUALIFICATIONS_SYNC,
    &JIANGSU_SNCODE_LOCK,
    &AUDIT_CUP_UPLOAD,
    &GOV_SUBSIDY_QUALIFICATION,
];

/// Sends the smallest valid request to `endpoint`; asserts the status, that the answer is signed
/// and whether the request was applied.
async fn call(sandbox: &Sandbox, endpoint: &Endpoint, status: u16, applied: bool) -> Answer {
    let before = sandbox.accepted_count();
    let answer = minimal(sandbox, endpoint).send(sandbox).await;
    assert_eq!(answer.status, status, "{}: {}", endpoint.path, answer.text());
    answer.verify(sandbox).expect("every answer is signed");
    let record = sandbox.last_received().unwrap();
    assert_eq!(record.accepted(), applied, "{}: {}", endpoint.path, answer.text());
    assert_eq!(sandbox.accepted_count(), before + u64::from(applied));
    assert!(record.json.is_some(), "the request passed every check");
    answer
}

fn script(sandbox: &Sandbox, endpoint: &Endpoint, outcome: Outcome) {
    sandbox.script(endpoint.method, endpoint.path, outcome);
}

#[tokio::test]
async fn success_and_custom_bodies_are_applied_in_every_family() {
    let sandbox = Sandbox::start().await.unwrap();
    for endpoint in FAMILIES {
        script(&sandbox, endpoint, Outcome::Success);
        let answer = call(&sandbox, endpoint, 200, true).await;
        assert_eq!(answer.text(), endpoint.success_body);

        let custom = json!({"state": "REDEEMED", "note": endpoint.path});
        script(&sandbox, endpoint, Outcome::Body(custom.clone()));
        assert_eq!(call(&sandbox, endpoint, 200, true).await.json(), custom);
        let record = sandbox.last_received().unwrap();
        assert_eq!(record.outcome, Some(Outcome::Body(custom)));
    }
}

#[tokio::test]
async fn business_failures_take_each_familys_shape_and_are_not_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let failure = || Outcome::business("100001", "资格核销失败", ["data[0]: 凭证码无效"]);
    for endpoint in FAMILIES {
        script(&sandbox, endpoint, failure());
    }
    let zhejiang = call(&sandbox, &ZHEJIANG_QUALIFICATIONS_SYNC, 200, false).await;
    assert_eq!(
        zhejiang.json(),
        json!({"resp_code": "100001", "resp_desc": "资格核销失败", "error_data": ["data[0]: 凭证码无效"]})
    );
    let jiangsu = call(&sandbox, &JIANGSU_SNCODE_LOCK, 200, false).await;
    assert_eq!(jiangsu.json(), json!({"code": "100001", "message": "资格核销失败"}));
    let cup = call(&sandbox, &AUDIT_CUP_UPLOAD, 200, false).await;
    assert_eq!(cup.json(), json!({"code": "100001", "msg": "资格核销失败"}));
    let data_only = call(&sandbox, &GOV_SUBSIDY_QUALIFICATION, 400, false).await;
    assert_eq!(data_only.json(), json!({"code": "100001", "message": "资格核销失败"}));
    assert_eq!(sandbox.last_received().unwrap().error_code.as_deref(), Some("100001"));

    let sub =
        Outcome::business_with_sub_code("100002", "审核失败", "ORDER_NOT_FOUND", "订单不存在");
    script(&sandbox, &AUDIT_CUP_QUERY, sub.clone());
    let answer = call(&sandbox, &AUDIT_CUP_QUERY, 200, false).await;
    let expected = json!({
        "code": "100002", "msg": "审核失败", "sub_code": "ORDER_NOT_FOUND", "sub_msg": "订单不存在"
    });
    assert_eq!(answer.json(), expected);
    assert_eq!(sandbox.last_received().unwrap().outcome, Some(sub));

    script(
        &sandbox,
        &ZHEJIANG_AUTHCODE_TRY,
        Outcome::business("200001", "凭证码已冻结", [] as [&str; 0]),
    );
    let answer = call(&sandbox, &ZHEJIANG_AUTHCODE_TRY, 200, false).await;
    assert_eq!(answer.json(), json!({"resp_code": "200001", "resp_desc": "凭证码已冻结"}));
}

#[tokio::test]
async fn not_authorized_is_a_signed_403_in_every_family() {
    let sandbox = Sandbox::start().await.unwrap();
    for endpoint in FAMILIES {
        script(&sandbox, endpoint, Outcome::NotAuthorized);
        let answer = call(&sandbox, endpoint, 403, false).await;
        assert_eq!(answer.code(), "NOT_AUTH");
        assert!(answer.json()["message"].as_str().unwrap().contains(endpoint.region.name()));
        let record = sandbox.last_received().unwrap();
        assert_eq!(record.error_code.as_deref(), Some("NOT_AUTH"));
        assert_eq!(record.outcome, Some(Outcome::NotAuthorized));
    }
}

#[tokio::test]
async fn regions_left_out_of_the_whitelist_are_not_authorized() {
    let sandbox = Sandbox::builder().regions(&[Region::Jiangsu]).start().await.unwrap();
    for endpoint in ENDPOINTS {
        let (status, applied) =
            if endpoint.region == Region::Jiangsu { (200, true) } else { (403, false) };
        let answer = call(&sandbox, endpoint, status, applied).await;
        if !applied {
            assert_eq!(answer.code(), "NOT_AUTH", "{}", endpoint.path);
        }
    }
    assert_eq!(sandbox.accepted_count(), 15);

    // The checks come first: a malformed request is told what is wrong with it.
    let params = json!({"req_ssn": "R-1", "data": [{}]});
    let answer =
        request(&sandbox, &ZHEJIANG_N_QUALIFICATIONS_CONFIRM, &params).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");

    // An outcome scripted for a region not whitelisted waits: NOT_AUTH does not consume it.
    script(&sandbox, &AUDIT_CUP_QUERY, Outcome::Success);
    call(&sandbox, &AUDIT_CUP_QUERY, 403, false).await;
    let none = Sandbox::builder().regions(&[]).start().await.unwrap();
    call(&none, &GOV_SUBSIDY_QUALIFICATION, 403, false).await;
}

#[tokio::test]
async fn outcomes_are_consumed_first_in_first_out_per_endpoint() {
    let sandbox = Sandbox::start().await.unwrap();
    let sync = &ZHEJIANG_QUALIFICATIONS_SYNC;
    let lock = &JIANGSU_SNCODE_LOCK;
    script(&sandbox, sync, Outcome::business("1", "first", ["a"]));
    script(&sandbox, sync, Outcome::business("2", "second", ["b"]));
    script(&sandbox, lock, Outcome::NotAuthorized);

    // A refused request consumes nothing.
    let answer = Wire::sync(&sandbox, vec![json!({})]).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    // Nor does one the gateway turned away before processing.
    sandbox.inject(Fault::RateLimited { retry_after: None });
    call(&sandbox, sync, 429, false).await;

    assert_eq!(call(&sandbox, sync, 200, false).await.json()["resp_code"], "1");
    assert_eq!(call(&sandbox, lock, 403, false).await.code(), "NOT_AUTH");
    assert_eq!(call(&sandbox, sync, 200, false).await.json()["resp_code"], "2");
    assert_eq!(call(&sandbox, sync, 200, true).await.text(), SUCCESS);
    assert_eq!(call(&sandbox, lock, 200, true).await.code(), "000000");

    // A 5xx after processing consumes it: the backend decided, the gateway lost the answer.
    script(&sandbox, sync, Outcome::business("3", "third", ["c"]));
    sandbox.inject(Fault::Status(503));
    call(&sandbox, sync, 503, false).await;
    assert_eq!(call(&sandbox, sync, 200, true).await.text(), SUCCESS);
}

#[tokio::test]
#[should_panic(expected = "the sandbox serves no endpoint POST /v3/gov/subsidy/zhejiang/typo")]
async fn scripting_an_unknown_endpoint_panics() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.script("post", "/v3/gov/subsidy/zhejiang/typo", Outcome::Success);
}
