//! The sandbox checks `Wechatpay-Serial`, required fields and sensitive-field encryption from
//! its own endpoint table, and never echoes a value.

mod common;

use common::*;
use serde_json::{Value, json};
use wechatpay_core::RsaPublicKey;
use wechatpay_core::request::encode_component;
use wechatpay_mock::{Sandbox, demo};

fn detail(answer: &Answer) -> (String, String, String) {
    let json = answer.json();
    let detail = &json["detail"];
    let text = |key: &str| detail[key].as_str().unwrap_or_default().to_owned();
    (text("field"), text("location"), text("issue"))
}

#[tokio::test]
async fn refuses_plaintext_in_a_sensitive_field_naming_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    for (index, field, value) in [(0, "cert_no", CERT_NO), (1, "name", NAME), (1, "tel", TEL)] {
        let mut items = vec![item(&encryptor), item(&encryptor)];
        items[index][field] = json!(value);
        let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
        answer.assert_error(&sandbox, 400, "PARAM_ERROR");
        let (detail_field, location, issue) = detail(&answer);
        assert_eq!(detail_field, format!("data[{index}].{field}"));
        assert_eq!(location, "body");
        assert!(!issue.is_empty());
        assert!(answer.json()["message"].as_str().unwrap().contains(&detail_field));
        let record = sandbox.last_received().unwrap();
        assert_eq!(record.status, Some(400));
        assert!(record.json.is_none());
        assert_no_plaintext(&format!("{record:?}"));
    }
}

#[tokio::test]
async fn refuses_fields_encrypted_to_another_key_or_not_strings() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let other = RsaPublicKey::from_pem(demo::OTHER_PUBLIC_KEY_PEM).unwrap();
    let mut items = vec![item(&encryptor)];
    items[0]["name"] = json!(other.encrypt_base64(NAME.as_bytes()).unwrap());
    let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "data[0].name");
    assert!(detail(&answer).2.contains("does not decrypt"), "{}", answer.text());

    let mut items = vec![item(&encryptor)];
    items[0]["tel"] = json!(13900001234_u64);
    let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "data[0].tel");
}

#[tokio::test]
async fn refuses_a_missing_required_field_naming_the_first() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let required = [
        "auth_code",
        "cate_code",
        "cert_no",
        "name",
        "operation_time",
        "sales",
        "status",
        "subsidy",
        "tel",
        "add_code",
        "address",
        "sale_models",
        "sn_code",
        "uniscid",
        "corp_name",
        "barcode",
        "item_name",
        "spec_model",
        "brand",
        "is_ai_product",
        "order_no",
        "activity_add_code",
    ];
    for field in required {
        let mut items = vec![item(&encryptor)];
        items[0].as_object_mut().unwrap().remove(field);
        let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
        answer.assert_error(&sandbox, 400, "PARAM_ERROR");
        assert_eq!(detail(&answer), (format!("data[0].{field}"), "body".into(), "required".into()));
    }

    // The first missing field in item order, then table order.
    let mut items = vec![item(&encryptor), item(&encryptor), item(&encryptor)];
    items[1].as_object_mut().unwrap().remove("tel");
    items[2].as_object_mut().unwrap().remove("auth_code");
    let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
    assert_eq!(detail(&answer).0, "data[1].tel");
    assert!(answer.json()["message"].as_str().unwrap().contains("data[1].tel"));

    // null and "" are missing too.
    let mut items = vec![item(&encryptor)];
    items[0]["brand"] = Value::Null;
    let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
    assert_eq!(detail(&answer).0, "data[0].brand");
    let mut items = vec![item(&encryptor)];
    items[0]["order_no"] = json!("");
    let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "data[0].order_no");
}

#[tokio::test]
async fn optional_fields_may_be_absent() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut only = item(&encryptor(&sandbox));
    only.as_object_mut().unwrap().remove("grade");
    let body = serde_json::to_vec(&json!({ "data": [only] })).unwrap();
    let wire = Wire::signed(&demo::signer(), "POST", SYNC, body, Some(sandbox.public_key_id()));
    let answer = wire.send(&sandbox).await;
    assert_eq!(answer.status, 200, "req_ssn and grade are optional: {}", answer.text());
}

#[tokio::test]
async fn requires_wechatpay_serial_naming_the_sandbox_key() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let answer = Wire::sync(&sandbox, vec![item(&encryptor)])
        .without("Wechatpay-Serial")
        .send(&sandbox)
        .await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "Wechatpay-Serial");
    assert_eq!(detail(&answer).1, "header");

    let answer = Wire::sync(&sandbox, vec![item(&encryptor)])
        .header("Wechatpay-Serial", demo::UNKNOWN_PUBLIC_KEY_ID)
        .send(&sandbox)
        .await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "Wechatpay-Serial");
}

#[tokio::test]
async fn refuses_bodies_that_are_not_the_expected_json() {
    let sandbox = Sandbox::start().await.unwrap();
    let signer = demo::signer();
    let id = Some(sandbox.public_key_id());
    for body in [&b"{\"data\": ["[..], b"[]", b"", "\"中\"".as_bytes()] {
        let answer = Wire::signed(&signer, "POST", SYNC, body.to_vec(), id).send(&sandbox).await;
        answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    }
    for (body, field) in [
        (json!({"data": "x"}), "data"),
        (json!({"data": {"tel": "x"}}), "data"),
        (json!({"data": [1]}), "data[0]"),
    ] {
        let body = serde_json::to_vec(&body).unwrap();
        let answer = Wire::signed(&signer, "POST", SYNC, body, id).send(&sandbox).await;
        answer.assert_error(&sandbox, 400, "PARAM_ERROR");
        assert_eq!(detail(&answer).0, field, "{}", answer.text());
    }
}

#[tokio::test]
async fn unknown_routes_are_404() {
    let sandbox = Sandbox::start().await.unwrap();
    let signer = demo::signer();
    for (method, target) in
        [("GET", "/v3/unknown"), ("GET", SYNC), ("POST", "/v3/gov/subsidy/zhejiang/qualifications")]
    {
        let answer = Wire::signed(&signer, method, target, Vec::new(), None).send(&sandbox).await;
        answer.assert_error(&sandbox, 404, "NOT_FOUND");
    }
    assert_eq!(sandbox.received().len(), 3);
    assert!(sandbox.received().iter().all(|record| record.status == Some(404)));
}

fn qualification_target(real_name: &str, id_card: &str, phone: &str) -> String {
    format!(
        "{QUALIFICATION}?real_name={}&id_card_number={}&phone_number={}&appliance_id=3&qualification_region_code=330100",
        encode_component(real_name),
        encode_component(id_card),
        encode_component(phone),
    )
}

#[tokio::test]
async fn decrypts_encrypted_query_values() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let target = qualification_target(
        &encryptor.encrypt(NAME).unwrap(),
        &encryptor.encrypt(CERT_NO).unwrap(),
        &encryptor.encrypt(TEL).unwrap(),
    );
    let wire =
        Wire::signed(&demo::signer(), "GET", &target, Vec::new(), Some(sandbox.public_key_id()));
    let answer = wire.send(&sandbox).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.json(), json!({"state": "UNCLAIMED"}));
    answer.verify(&sandbox).unwrap();

    let record = sandbox.last_received().unwrap();
    assert_eq!(record.target, target);
    assert_eq!(record.path(), QUALIFICATION);
    let json = record.json.as_ref().unwrap();
    assert_eq!(json["real_name"], NAME);
    assert_eq!(json["id_card_number"], CERT_NO);
    assert_eq!(json["phone_number"], TEL);
    assert_eq!(json["appliance_id"], "3");
    assert_no_plaintext(&format!("{record:?}"));

    // Plaintext in the query: refused, and the query is never printed.
    let target = qualification_target(NAME, &encryptor.encrypt(CERT_NO).unwrap(), TEL);
    let wire =
        Wire::signed(&demo::signer(), "GET", &target, Vec::new(), Some(sandbox.public_key_id()));
    let answer = wire.send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "real_name");
    assert_eq!(detail(&answer).1, "query");
    assert_no_plaintext(&format!("{:?}", sandbox.received()));

    // A required query parameter is missing.
    let target = format!("{QUALIFICATION}?appliance_id=3");
    let wire =
        Wire::signed(&demo::signer(), "GET", &target, Vec::new(), Some(sandbox.public_key_id()));
    let answer = wire.send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(
        detail(&answer),
        ("qualification_region_code".into(), "query".into(), "required".into())
    );
}
