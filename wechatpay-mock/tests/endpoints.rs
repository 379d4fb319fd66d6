//! The table of the 34 `/v3/gov/subsidy/…` endpoints: its shape, every success body, and for a
//! few endpoints of each region the precise refusal of a missing field, a wrong JSON type, a
//! value outside an enum and a plaintext sensitive field. Requests are built by hand as JSON.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::{Value, json};
use wechatpay_apiv3_mock::endpoints::*;
use wechatpay_apiv3_mock::{Endpoint, FieldType, Location, Region, Reply, Sandbox};

/// The 14 endpoints with encrypted fields, from the pages.
const ENCRYPTING: [&str; 14] = [
    "/v3/gov/subsidy/zhejiang/qualifications/sync",
    "/v3/gov/subsidy/zhejiang/qualifications/query",
    "/v3/gov/subsidy/zhejiang/qualifications/claim",
    "/v3/gov/subsidy/zhejiang/qualifications/alter",
    "/v3/gov/subsidy/zhejiang/n-qualifications/confirm",
    "/v3/gov/subsidy/zhejiang/authcode/issue",
    "/v3/gov/subsidy/qualification",
    "/v3/gov/subsidy/qualifications/query",
    "/v3/gov/subsidy/qualifications/sync",
    "/v3/gov/subsidy/n-qualifications/sync",
    "/v3/gov/subsidy/qualifications/passthrough/query",
    "/v3/gov/subsidy/qualifications/passthrough/claim",
    "/v3/gov/subsidy/qualifications/passthrough/cancel",
    "/v3/gov/subsidy/transactions/sync",
];

#[test]
fn the_table_has_the_34_pages_14_encrypting_one_get() {
    let unique: BTreeSet<(&str, &str)> = ENDPOINTS.iter().map(|e| (e.method, e.path)).collect();
    assert_eq!((ENDPOINTS.len(), unique.len()), (34, 34));
    let encrypting: BTreeSet<&str> =
        ENDPOINTS.iter().filter(|e| !e.sensitive.is_empty()).map(|e| e.path).collect();
    assert_eq!(encrypting, BTreeSet::from(ENCRYPTING));
    let gets: Vec<&Endpoint> = ENDPOINTS.iter().filter(|e| e.method == "GET").collect();
    assert_eq!(gets, [&GOV_SUBSIDY_QUALIFICATION]);
    assert_eq!(GOV_SUBSIDY_QUALIFICATION.location, Location::Query);
    assert!(ENDPOINTS.iter().all(|e| e.method == "GET" || e.location == Location::Body));

    let count = |region| ENDPOINTS.iter().filter(|e| e.region == region).count();
    assert_eq!(
        [Region::Zhejiang, Region::Jiangsu, Region::ShanghaiFujianChongqing].map(count),
        [14, 15, 5]
    );
    for endpoint in ENDPOINTS {
        let expected_region = match endpoint.path {
            path if path.starts_with("/v3/gov/subsidy/zhejiang/") => Region::Zhejiang,
            path if path.starts_with("/v3/gov/subsidy/audit/cup/") => {
                Region::ShanghaiFujianChongqing
            }
            _ => Region::Jiangsu,
        };
        assert_eq!(endpoint.region, expected_region, "{}", endpoint.path);
        assert!(!endpoint.title.is_empty());
    }
    let titles: BTreeSet<(Region, &str)> = ENDPOINTS.iter().map(|e| (e.region, e.title)).collect();
    assert_eq!(titles.len(), 34, "one title per page within a region");
    assert_eq!(AUDIT_CUP_INVALID.title, "作废审核数据", "not the page's copied 查询审核结果");
}

#[test]
fn every_checked_path_has_a_type_and_numbers_allow_only_numbers() {
    for endpoint in ENDPOINTS {
        let typed = |path: &str| endpoint.types.iter().find(|(p, _)| *p == path).map(|(_, t)| *t);
        let paths = endpoint.required.iter().chain(endpoint.sensitive);
        for path in paths.chain(endpoint.values.iter().map(|(p, _)| p)) {
            assert!(typed(path).is_some(), "{} {path} has no type", endpoint.path);
        }
        for path in endpoint.sensitive {
            assert_eq!(typed(path), Some(FieldType::String), "{} {path}", endpoint.path);
        }
        for (path, allowed) in endpoint.values {
            if typed(path) == Some(FieldType::Number) {
                assert!(allowed.iter().all(|v| v.parse::<u32>().is_ok()), "{path}");
            }
        }
    }
    let appliance = |e: &Endpoint| e.types.iter().find(|(p, _)| *p == "appliance_id").map(|t| t.1);
    let with_appliance: Vec<&Endpoint> =
        ENDPOINTS.iter().filter(|e| appliance(e).is_some()).collect();
    assert_eq!(with_appliance.len(), 10);
    for endpoint in with_appliance {
        assert_eq!(appliance(endpoint), Some(FieldType::Number));
        let allowed = endpoint.values.iter().find(|(p, _)| *p == "appliance_id").unwrap().1;
        let expected: Vec<String> = (1..=17).map(|n| n.to_string()).collect();
        assert_eq!(allowed, expected.as_slice(), "{}", endpoint.path);
    }
}

/// The reply family of each endpoint, and the member a success body is known by.
fn success_marker(reply: Reply) -> Option<(&'static str, &'static str)> {
    match reply {
        Reply::Zhejiang => Some(("resp_code", "resp_desc")),
        Reply::Jiangsu => Some(("code", "message")),
        Reply::ShanghaiFujianChongqing => Some(("code", "msg")),
        _ => None,
    }
}

#[test]
fn every_success_body_is_json_with_its_family_success_code_or_its_data() {
    let data_only: BTreeSet<&str> =
        ENDPOINTS.iter().filter(|e| e.reply == Reply::DataOnly).map(|e| e.path).collect();
    assert_eq!(
        data_only,
        BTreeSet::from([
            "/v3/gov/subsidy/qualification",
            "/v3/gov/subsidy/qualifications/query",
            "/v3/gov/subsidy/qualifications/passthrough/query",
            "/v3/gov/subsidy/sncode/query",
        ])
    );
    for endpoint in ENDPOINTS {
        let body: Value = serde_json::from_str(endpoint.success_body)
            .unwrap_or_else(|error| panic!("{}: {error}", endpoint.path));
        match success_marker(endpoint.reply) {
            Some((code, message)) => {
                assert_eq!(body[code], "000000", "{}", endpoint.path);
                assert!(body[message].is_string(), "{}", endpoint.path);
            }
            None => {
                let member = ["state", "qualification_list", "goods_sn_list"]
                    .into_iter()
                    .find(|m| !body[m].is_null());
                assert!(member.is_some(), "{}: {body}", endpoint.path);
                assert!(body.get("code").is_none() && body.get("resp_code").is_none());
            }
        }
        let family = match endpoint.region {
            Region::Zhejiang => Reply::Zhejiang,
            Region::ShanghaiFujianChongqing => Reply::ShanghaiFujianChongqing,
            _ if endpoint.reply == Reply::DataOnly => Reply::DataOnly,
            _ => Reply::Jiangsu,
        };
        assert_eq!(endpoint.reply, family, "{}", endpoint.path);
    }
}

/// Every leaf of `value` with its JSON pointer.
fn leaves(value: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            map.iter().for_each(|(k, v)| leaves(v, format!("{pointer}/{k}"), out))
        }
        Value::Array(items) if !items.is_empty() => {
            items.iter().enumerate().for_each(|(i, v)| leaves(v, format!("{pointer}/{i}"), out))
        }
        _ => out.push((pointer, value.clone())),
    }
}

/// The success bodies' JSON types match the pages: the members the pages declare `number` are
/// numbers, `error_data` is a `string[]`, everything else a string (`discount_mode`, declared
/// `number` with string values, is sent as a string: see `ZHEJIANG_AUTHCODE_TRY`).
#[test]
fn success_bodies_have_the_pages_json_types() {
    let numbers: BTreeSet<(&str, &str)> = BTreeSet::from([
        ("/v3/gov/subsidy/zhejiang/authcode/try", "/amount"),
        ("/v3/gov/subsidy/zhejiang/authcode/try", "/discount_amt"),
        ("/v3/gov/subsidy/zhejiang/authcode/try", "/pay_amt"),
        ("/v3/gov/subsidy/qualifications/query", "/qualification_list/0/appliance_id"),
        ("/v3/gov/subsidy/qualifications/query", "/qualification_list/1/appliance_id"),
        ("/v3/gov/subsidy/qualifications/passthrough/query", "/qualification_list/0/appliance_id"),
        ("/v3/gov/subsidy/qualifications/passthrough/query", "/qualification_list/1/appliance_id"),
        ("/v3/gov/subsidy/transactions/summary/query-day", "/total_trade_count"),
        ("/v3/gov/subsidy/transactions/summary/query-day", "/total_trade_amount"),
        ("/v3/gov/subsidy/transactions/summary/query-day", "/total_subsidy_count"),
    ]);
    let mut seen = 0;
    for endpoint in ENDPOINTS {
        let body: Value = serde_json::from_str(endpoint.success_body).unwrap();
        let mut out = Vec::new();
        leaves(&body, String::new(), &mut out);
        for (pointer, value) in out {
            let key = (endpoint.path, pointer.as_str());
            if numbers.contains(&key) {
                assert!(value.is_number(), "{key:?}");
                seen += 1;
            } else if pointer == "/error_data" {
                assert_eq!(value, json!([]));
            } else {
                assert!(value.is_string(), "{key:?} is {value}");
            }
        }
    }
    assert_eq!(seen, numbers.len(), "every declared number is present");
    let try_body: Value = serde_json::from_str(ZHEJIANG_AUTHCODE_TRY.success_body).unwrap();
    for member in ["cred_frozen_no", "event_id", "event_title", "discount_mode", "category_id"] {
        assert!(try_body[member].is_string(), "{member}");
    }
    assert_eq!(try_body["discount_mode"], "DIS_FLAG");
    let issue: Value = serde_json::from_str(ZHEJIANG_AUTHCODE_ISSUE.success_body).unwrap();
    assert_eq!(issue["auth_code"].as_str().map(str::len), Some(64));
}

/// Every endpoint, called with its smallest valid request, answers its success body, signed,
/// and counts as applied.
#[tokio::test]
async fn every_endpoint_accepts_its_smallest_valid_request() {
    let sandbox = Sandbox::start().await.unwrap();
    for (index, endpoint) in ENDPOINTS.iter().enumerate() {
        let answer = minimal(&sandbox, endpoint).send(&sandbox).await;
        assert_eq!(answer.status, 200, "{} {}: {}", endpoint.method, endpoint.path, answer.text());
        answer.verify(&sandbox).unwrap();
        let body = answer.json();
        if let Some((code, _)) = success_marker(endpoint.reply) {
            assert_eq!(body[code], "000000", "{}", endpoint.path);
        }
        let record = sandbox.last_received().unwrap();
        assert!(record.accepted() && record.outcome.is_none(), "{}", endpoint.path);
        assert_eq!(sandbox.accepted_count(), index as u64 + 1);
    }
}

#[tokio::test]
async fn answers_echo_the_requested_items() {
    let sandbox = Sandbox::start().await.unwrap();
    let params =
        json!({"sn_code_list": ["SN-A", "SN-B", "SN-C"], "qualification_region_code": 320100});
    let answer = request(&sandbox, &JIANGSU_SNCODE_QUERY, &params).send(&sandbox).await;
    let items = answer.json()["goods_sn_list"].as_array().unwrap().clone();
    let names: Vec<&str> = items.iter().map(|i| i["sn_code"].as_str().unwrap()).collect();
    assert_eq!(names, ["SN-A", "SN-B", "SN-C"]);
    assert!(items.iter().all(|i| i["state"] == "SNCODE_STATE_SELLABLE"));

    let mut params = minimal_params(&sandbox, &ZHEJIANG_SNCODE_QUERY);
    params["sn"] = json!("SN-ZJ-9");
    let answer = request(&sandbox, &ZHEJIANG_SNCODE_QUERY, &params).send(&sandbox).await;
    assert_eq!(answer.json()["sn"], "SN-ZJ-9");
}

#[tokio::test]
async fn transactions_query_answers_the_orders_reports_named_in_their_last_state() {
    let sandbox = Sandbox::start().await.unwrap();
    let query = json!({"order_number_list": ["O-1", "O-2"], "qualification_region_code": 320100});
    let orders = async || {
        let answer = request(&sandbox, &JIANGSU_TRANSACTIONS_QUERY, &query).send(&sandbox).await;
        let body = answer.json();
        assert_eq!(body["code"], "000000");
        let list = body["shop_order_list"].as_array().unwrap().clone();
        list.iter()
            .map(|i| format!("{} {}", i["shop_order_number"].as_str().unwrap(), i["cate_state"]))
            .collect::<Vec<_>>()
    };
    assert!(orders().await.is_empty(), "no report yet");

    let mut report = minimal_params(&sandbox, &JIANGSU_TRANSACTIONS_SYNC);
    report["out_trade_no"] = json!("O-1");
    report["cate_state"] = json!("CATE_STATE_REDEEM");
    request(&sandbox, &JIANGSU_TRANSACTIONS_SYNC, &report).send(&sandbox).await;
    assert_eq!(orders().await, [r#"O-1 "CATE_STATE_REDEEM""#]);

    let mut refund = minimal_params(&sandbox, &JIANGSU_QUALIFICATIONS_SYNC);
    refund["out_trade_no"] = json!("O-1");
    refund["cate_state"] = json!("CATE_STATE_REFUND");
    request(&sandbox, &JIANGSU_QUALIFICATIONS_SYNC, &refund).send(&sandbox).await;
    assert_eq!(orders().await, [r#"O-1 "CATE_STATE_REFUND""#]);
}

/// Sends `params` to `endpoint` and asserts a signed `400 PARAM_ERROR` naming `field` with
/// `issue`, which does not echo `hidden`.
async fn refused(
    sandbox: &Sandbox,
    endpoint: &Endpoint,
    params: &Value,
    field: &str,
    issue: &str,
    hidden: &str,
) {
    let answer = request(sandbox, endpoint, params).send(sandbox).await;
    answer.assert_error(sandbox, 400, "PARAM_ERROR");
    let (named, _, told) = answer.detail();
    assert_eq!((named.as_str(), told.as_str()), (field, issue), "{}", endpoint.path);
    assert!(answer.json()["message"].as_str().unwrap().contains(field));
    let echoed = !hidden.is_empty() && answer.text().contains(hidden);
    assert!(!echoed, "the value is echoed: {}", answer.text());
    let record = sandbox.last_received().unwrap();
    assert!(!record.accepted() && record.json.is_none());
}

/// `params` of `endpoint` with `path` set to `value`.
fn with(sandbox: &Sandbox, endpoint: &Endpoint, path: &str, value: Value) -> Value {
    let mut params = minimal_params(sandbox, endpoint);
    insert(&mut params, path, value);
    params
}

/// `params` of `endpoint` without the top-level `field`.
fn without(sandbox: &Sandbox, endpoint: &Endpoint, field: &str) -> Value {
    let mut params = minimal_params(sandbox, endpoint);
    params.as_object_mut().unwrap().remove(field);
    params
}

#[tokio::test]
async fn zhejiang_refusals_are_precise() {
    let sandbox = Sandbox::start().await.unwrap();
    let s = &sandbox;
    let issue = &ZHEJIANG_AUTHCODE_ISSUE;
    refused(s, issue, &without(s, issue, "cert_type"), "cert_type", "required", "").await;
    let params = with(s, issue, "cert_type", json!(1));
    refused(s, issue, &params, "cert_type", "must be a string", "").await;
    let params = with(s, issue, "cert_type", json!("9"));
    refused(s, issue, &params, "cert_type", "must be one of 1, 2, 3, 4, 5", "\"9\"").await;
    let params = with(s, issue, "mobile", json!(TEL));
    let answer = request(s, issue, &params).send(s).await;
    answer.assert_error(s, 400, "PARAM_ERROR");
    assert_eq!(answer.detail().0, "mobile");

    let commit = &ZHEJIANG_AUTHCODE_COMMIT;
    let params = with(s, commit, "subsidy_amt", json!("599.85"));
    refused(s, commit, &params, "subsidy_amt", "must be a number", "599.85").await;
    let params = with(s, commit, "sale_models", json!("2"));
    refused(s, commit, &params, "sale_models", "must be one of 0, 1", "\"2\"").await;

    let sync = &ZHEJIANG_QUALIFICATIONS_SYNC;
    let params = with(s, sync, "data[].is_ai_product", json!("yes"));
    refused(s, sync, &params, "data[0].is_ai_product", "must be one of 0, 1", "yes").await;
    let params = with(s, sync, "data[].grade", json!("三级"));
    refused(s, sync, &params, "data[0].grade", "must be one of 一级, 二级", "三级").await;

    let confirm = &ZHEJIANG_N_QUALIFICATIONS_CONFIRM;
    refused(s, confirm, &without(s, confirm, "req_ssn"), "req_ssn", "required", "").await;
    let params = with(s, confirm, "data[].address", json!("浙江省杭州市西湖区文三路 1 号"));
    let answer = request(s, confirm, &params).send(s).await;
    answer.assert_error(s, 400, "PARAM_ERROR");
    assert_eq!(answer.detail().0, "data[0].address", "address is encrypted on this page");
    assert!(!answer.text().contains("文三路"));
}

#[tokio::test]
async fn jiangsu_refusals_are_precise() {
    let sandbox = Sandbox::start().await.unwrap();
    let s = &sandbox;
    let upload = &JIANGSU_GOODS_UPLOAD;
    refused(s, upload, &without(s, upload, "bar_code"), "bar_code", "required", "").await;
    let params = with(s, upload, "appliance_id", json!("1"));
    refused(s, upload, &params, "appliance_id", "must be a number", "").await;
    let all = "must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17";
    let params = with(s, upload, "appliance_id", json!(18));
    refused(s, upload, &params, "appliance_id", all, "18").await;
    let params = with(s, upload, "appliance_id", json!(1.0));
    refused(s, upload, &params, "appliance_id", all, "1.0").await;
    let params = with(s, upload, "product_type", json!("SMART_PRODUCT"));
    let issue = "must be one of COMMON_PRODUCT, AI_PRODUCT";
    refused(s, upload, &params, "product_type", issue, "SMART_PRODUCT").await;

    let get = &GOV_SUBSIDY_QUALIFICATION;
    let params = with(s, get, "appliance_id", json!(18));
    refused(s, get, &params, "appliance_id", all, "=18").await;
    let params = with(s, get, "qualification_region_code", json!("nanjing"));
    refused(s, get, &params, "qualification_region_code", "must be a number", "nanjing").await;
    let params = with(s, get, "real_name", json!(NAME));
    let answer = request(s, get, &params).send(s).await;
    answer.assert_error(s, 400, "PARAM_ERROR");
    assert_eq!(answer.detail().0, "real_name");

    let claim = &JIANGSU_PASSTHROUGH_CLAIM;
    refused(s, claim, &without(s, claim, "latitude"), "latitude", "required", "").await;
    let params = with(s, claim, "identity_document_type", json!("PASSPORT_X"));
    let answer = request(s, claim, &params).send(s).await;
    answer.assert_error(s, 400, "PARAM_ERROR");
    assert!(
        answer.detail().2.contains("ID_DOC_TYPE_ID_CARD") && !answer.text().contains("PASSPORT_X")
    );
    let params = with(s, claim, "id_card_number", json!(CERT_NO));
    let answer = request(s, claim, &params).send(s).await;
    answer.assert_error(s, 400, "PARAM_ERROR");
    assert_eq!(answer.detail().0, "id_card_number");

    let sncode = &JIANGSU_SNCODE_QUERY;
    let params = with(s, sncode, "sn_code_list", json!([]));
    refused(s, sncode, &params, "sn_code_list", "required, must not be empty", "").await;
    let params = with(s, sncode, "sn_code_list", json!(["SN-1", 7]));
    refused(s, sncode, &params, "sn_code_list[1]", "must be a string", "").await;
    let params = with(s, sncode, "sn_code_list", json!("SN-1"));
    refused(s, sncode, &params, "sn_code_list", "must be an array", "SN-1").await;
}

/// Shanghai/Fujian/Chongqing pages have no enum and nothing encrypted: required members, nested
/// objects and string types are what there is to check.
#[tokio::test]
async fn shanghai_fujian_chongqing_refusals_are_precise() {
    let sandbox = Sandbox::start().await.unwrap();
    let s = &sandbox;
    assert!(
        ENDPOINTS
            .iter()
            .filter(|e| e.region == Region::ShanghaiFujianChongqing)
            .all(|e| e.values.is_empty() && e.sensitive.is_empty())
    );
    let upload = &AUDIT_CUP_UPLOAD;
    refused(s, upload, &without(s, upload, "invoice_info"), "invoice_info", "required", "").await;
    let params = with(s, upload, "invoice_info", json!("INV-1"));
    refused(s, upload, &params, "invoice_info", "must be an object", "INV-1").await;
    let params = with(s, upload, "track_info.tracking_no", json!(12345));
    refused(s, upload, &params, "track_info.tracking_no", "must be a string", "12345").await;
    let params = with(s, upload, "sales_at", json!(3999));
    refused(s, upload, &params, "sales_at", "must be a string", "3999").await;

    let refund = &AUDIT_CUP_REFUND_SYNC;
    refused(s, refund, &without(s, refund, "refund_dt"), "refund_dt", "required", "").await;
    let invalid = &AUDIT_CUP_INVALID;
    let params = with(s, invalid, "upload_time", json!(""));
    refused(s, invalid, &params, "upload_time", "required, must not be empty", "").await;
}
