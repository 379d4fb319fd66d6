//! The sandbox checks `Wechatpay-Serial`, required fields and sensitive-field encryption from
//! its own endpoint table, and never echoes a value.

mod common;

use common::*;
use serde_json::{Value, json};
use wechatpay_apiv3_core::RsaPublicKey;
use wechatpay_apiv3_core::request::encode_component;
use wechatpay_apiv3_mock::{Sandbox, demo};

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
    let wire = query_wire(&sandbox, &target);
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
    let wire = query_wire(&sandbox, &target);
    let answer = wire.send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "real_name");
    assert_eq!(detail(&answer).1, "query");
    assert_no_plaintext(&format!("{:?}", sandbox.received()));

    // A required query parameter is missing.
    let target = format!("{QUALIFICATION}?appliance_id=3");
    let wire = query_wire(&sandbox, &target);
    let answer = wire.send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(
        detail(&answer),
        ("qualification_region_code".into(), "query".into(), "required".into())
    );
}

/// A body with `"name":value` inserted at the start of the first `data[]` item, before its other
/// members (so it may repeat one of them).
fn body_with_leading_member(sandbox: &Sandbox, member: &str) -> Vec<u8> {
    let text = String::from_utf8(sync_body(vec![item(&encryptor(sandbox))])).unwrap();
    let at = text.find("[{").unwrap() + 2;
    format!("{}{member},{}", &text[..at], &text[at..]).into_bytes()
}

#[tokio::test]
async fn refuses_duplicate_keys_so_plaintext_cannot_hide_behind_a_ciphertext() {
    let sandbox = Sandbox::start().await.unwrap();
    let id = Some(sandbox.public_key_id());
    // serde_json would keep the last `cert_no` (the ciphertext) and let the plaintext through.
    let body = body_with_leading_member(&sandbox, &format!("\"cert_no\":\"{CERT_NO}\""));
    let answer = Wire::signed(&demo::signer(), "POST", SYNC, body, id).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "cert_no");
    assert!(detail(&answer).2.contains("more than once"), "{}", answer.text());
    let record = sandbox.last_received().unwrap();
    assert!(!record.accepted() && record.json.is_none());
    assert_no_plaintext(&format!("{record:?}"));

    // At the top level, and for fields that are not sensitive too.
    let text = String::from_utf8(sync_body(vec![item(&encryptor(&sandbox))])).unwrap();
    let body = text.replacen("{", "{\"req_ssn\":\"A\",", 1).into_bytes();
    let answer = Wire::signed(&demo::signer(), "POST", SYNC, body, id).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "req_ssn");
    let body = body_with_leading_member(&sandbox, "\"brand\":\"测试牌\"");
    let answer = Wire::signed(&demo::signer(), "POST", SYNC, body, id).send(&sandbox).await;
    assert_eq!(detail(&answer).0, "brand");
}

#[tokio::test]
async fn refuses_fields_of_the_wrong_json_type_naming_field_and_type() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    for (field, value, expected) in [
        ("sales", json!(3999.0), "must be a string"),
        ("status", json!(0), "must be a string"),
        ("is_ai_product", json!(true), "must be a string"),
        ("operation_time", json!(1735689600000_u64), "must be a string"),
        ("brand", json!(["测试牌"]), "must be a string"),
        ("grade", json!({"level": 1}), "must be a string"),
        ("tel", json!(13900001234_u64), "must be a string"),
    ] {
        let mut items = vec![item(&encryptor), item(&encryptor)];
        items[1][field] = value;
        let answer = Wire::sync(&sandbox, items).send(&sandbox).await;
        answer.assert_error(&sandbox, 400, "PARAM_ERROR");
        assert_eq!(detail(&answer), (format!("data[1].{field}"), "body".into(), expected.into()));
        assert!(answer.json()["message"].as_str().unwrap().contains(expected));
        assert!(!answer.text().contains("3999") && !answer.text().contains("level"));
    }
    let body = serde_json::to_vec(&json!({"req_ssn": 1, "data": [item(&encryptor)]})).unwrap();
    let wire = Wire::signed(&demo::signer(), "POST", SYNC, body, Some(sandbox.public_key_id()));
    let answer = wire.send(&sandbox).await;
    assert_eq!(detail(&answer), ("req_ssn".into(), "body".into(), "must be a string".into()));

    // Numbers in the query are JSON numbers.
    for bad in ["abc", "3.", "0x3", "%EF%BC%93"] {
        let target = format!("{QUALIFICATION}?appliance_id={bad}&qualification_region_code=330100");
        let wire = query_wire(&sandbox, &target);
        let answer = wire.send(&sandbox).await;
        answer.assert_error(&sandbox, 400, "PARAM_ERROR");
        assert_eq!(
            detail(&answer),
            ("appliance_id".into(), "query".into(), "must be a number".into())
        );
    }
    assert_eq!(sandbox.accepted_count(), 0);
}

#[tokio::test]
async fn decodes_the_query_strictly() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let sandbox = &sandbox;
    let send = |target: String| {
        let wire = query_wire(sandbox, &target);
        async move { wire.send(sandbox).await }
    };
    let tail = "appliance_id=3&qualification_region_code=330100";
    for (query, field) in [
        (format!("real_name=%4&{tail}"), "real_name"),
        (format!("real_name=%G0&{tail}"), "real_name"),
        (format!("real_name=%FF%FE&{tail}"), "real_name"),
        (format!("real_name=%E4%B8&{tail}"), "real_name"),
        (format!("{tail}&appliance_id=4"), "appliance_id"),
    ] {
        let answer = send(format!("{QUALIFICATION}?{query}")).await;
        answer.assert_error(sandbox, 400, "PARAM_ERROR");
        assert_eq!(detail(&answer).0, field, "{query}: {}", answer.text());
    }
    let answer = send(format!("{QUALIFICATION}?%4=1&{tail}")).await;
    answer.assert_error(sandbox, 400, "PARAM_ERROR");

    // A raw `+` is refused rather than read as a space (or as a plus): base64 ciphertexts are
    // full of them, and a client must send `%2B`.
    let mut ciphertext = encryptor.encrypt(NAME).unwrap();
    while !ciphertext.contains('+') {
        ciphertext = encryptor.encrypt(NAME).unwrap();
    }
    let raw_plus = ciphertext.replace('/', "%2F").replace('=', "%3D");
    let answer = send(format!("{QUALIFICATION}?real_name={raw_plus}&{tail}")).await;
    answer.assert_error(sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "real_name");
    assert!(detail(&answer).2.contains("%2B"), "{}", answer.text());
    let encoded = raw_plus.replace('+', "%2B");
    let answer = send(format!("{QUALIFICATION}?real_name={encoded}&{tail}")).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(sandbox.last_received().unwrap().json.unwrap()["real_name"], NAME);
}

#[tokio::test]
async fn refuses_sensitive_fields_in_the_wrong_place_naming_the_field() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let id = Some(sandbox.public_key_id());

    // A body endpoint's sensitive field in the query string, even encrypted.
    let tel = encode_component(&encryptor.encrypt(TEL).unwrap());
    let target = format!("{SYNC}?tel={tel}");
    let body = sync_body(vec![item(&encryptor)]);
    let answer = Wire::signed(&demo::signer(), "POST", &target, body, id).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "tel");
    assert_eq!(detail(&answer).1, "query");

    // A body on a GET: named by its sensitive member if it has one.
    let target = format!("{QUALIFICATION}?appliance_id=3&qualification_region_code=330100");
    for (body, field) in [
        (serde_json::to_vec(&json!({"id_card_number": CERT_NO})).unwrap(), "id_card_number"),
        (b"x".to_vec(), "(body)"),
    ] {
        let answer = Wire::signed(&demo::signer(), "GET", &target, body, id).send(&sandbox).await;
        answer.assert_error(&sandbox, 400, "PARAM_ERROR");
        assert_eq!(detail(&answer).0, field);
        assert_eq!(detail(&answer).1, "body");
    }
    assert_no_plaintext(&format!("{:?}", sandbox.received()));
    assert_eq!(sandbox.accepted_count(), 0);
}

#[tokio::test]
async fn names_a_plaintext_field_before_a_missing_wechatpay_serial() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut items = vec![item(&encryptor(&sandbox))];
    items[0]["tel"] = json!(TEL);
    let answer = Wire::sync(&sandbox, items).without("Wechatpay-Serial").send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");
    assert_eq!(detail(&answer).0, "data[0].tel", "{}", answer.text());
}

/// A signed `GET` of `target` naming the sandbox's key in `Wechatpay-Serial`.
fn query_wire(sandbox: &Sandbox, target: &str) -> Wire {
    Wire::signed(&demo::signer(), "GET", target, Vec::new(), Some(sandbox.public_key_id()))
}
