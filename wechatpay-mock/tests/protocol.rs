//! The sandbox verifies requests as WeChat Pay does, and signs its answers.

mod common;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use common::*;
use serde_json::json;
use wechatpay_apiv3_core::{KeyError, SCHEME, Signer, WechatPayKeys};
use wechatpay_apiv3_mock::{Error, Sandbox, demo};

const T0: i64 = 1_750_000_000;

#[tokio::test]
async fn accepts_a_signed_encrypted_request_and_records_it_decrypted() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let wire = Wire::sync(&sandbox, vec![item(&encryptor), item(&encryptor)]);
    let answer = wire.send(&sandbox).await;

    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.text(), SUCCESS);
    answer.verify(&sandbox).expect("the answer verifies with the sandbox's public key");

    let received = sandbox.received();
    assert_eq!(received.len(), 1);
    let record = &received[0];
    assert!(record.accepted());
    assert_eq!(record.method, "POST");
    assert_eq!(record.target, SYNC);
    assert_eq!(record.body, wire.body, "the raw body bytes are recorded");
    assert_eq!(record.status, Some(200));
    assert_eq!(record.mchid.as_deref(), Some(demo::MCHID));
    assert_eq!(record.header("wechatpay-serial"), Some(sandbox.public_key_id()));
    assert_eq!(record.header("Request-ID"), None, "request headers, not answer headers");
    assert_eq!(Some(record.request_id.as_str()), answer.header("Request-ID"));
    let authorization = record.header("authorization").unwrap();
    assert!(authorization.contains(&format!("nonce_str=\"{}\"", record.nonce.as_deref().unwrap())));
    assert!(authorization.contains(&format!("timestamp=\"{}\"", record.timestamp.unwrap())));

    let json = record.json.as_ref().unwrap();
    for index in 0..2 {
        assert_eq!(json["data"][index]["cert_no"], CERT_NO);
        assert_eq!(json["data"][index]["name"], NAME);
        assert_eq!(json["data"][index]["tel"], TEL);
        assert_eq!(json["data"][index]["brand"], "测试牌");
    }
    assert_eq!(json["req_ssn"], "REQ-0001");
    let redacted = record.json_redacted().unwrap();
    assert_eq!(redacted["data"][1]["tel"], "<redacted>");
    assert_eq!(redacted["data"][1]["brand"], "测试牌");

    // No output shows the decrypted personal data.
    assert_no_plaintext(&String::from_utf8_lossy(&record.body));
    assert_no_plaintext(&format!("{record:?}"));
    assert_no_plaintext(&format!("{record:#?}"));
    assert_no_plaintext(&format!("{received:?}"));
    assert_no_plaintext(&format!("{sandbox:?}"));
}

#[tokio::test]
async fn refuses_a_request_signed_with_another_key() {
    let sandbox = Sandbox::start().await.unwrap();
    let impostor = signer_with(demo::MCHID, demo::MERCHANT_SERIAL, demo::OTHER_KEY_PEM);
    let body = sync_body(vec![item(&encryptor(&sandbox))]);
    let answer = Wire::signed(&impostor, "POST", SYNC, body, Some(sandbox.public_key_id()))
        .send(&sandbox)
        .await;
    answer.assert_error(&sandbox, 401, "SIGN_ERROR");
    assert!(answer.json()["message"].as_str().unwrap().contains("does not verify"));
    let record = sandbox.last_received().unwrap();
    assert_eq!(record.status, Some(401));
    assert_eq!(record.error_code.as_deref(), Some("SIGN_ERROR"));
    assert!(record.json.is_none(), "a refused request keeps no decrypted data");
}

#[tokio::test]
async fn refuses_unknown_merchants_and_serials() {
    let sandbox = Sandbox::start().await.unwrap();
    let key = demo::MERCHANT_KEY_PEM;
    for signer in [
        signer_with("1900009999", demo::MERCHANT_SERIAL, key),
        signer_with(demo::MCHID, "0123456789ABCDEF0123456789ABCDEF01234567", key),
    ] {
        let body = sync_body(vec![item(&encryptor(&sandbox))]);
        let answer = Wire::signed(&signer, "POST", SYNC, body, Some(sandbox.public_key_id()))
            .send(&sandbox)
            .await;
        answer.assert_error(&sandbox, 401, "SIGN_ERROR");
    }
}

#[tokio::test]
async fn registered_merchants_are_accepted() {
    let sandbox = Sandbox::start().await.unwrap();
    let serial = "00A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3";
    let signer = signer_with("1900000002", serial, demo::OTHER_KEY_PEM);
    let body = || sync_body(vec![item(&encryptor(&sandbox))]);
    let before = Wire::signed(&signer, "POST", SYNC, body(), Some(sandbox.public_key_id()));
    before.send(&sandbox).await.assert_error(&sandbox, 401, "SIGN_ERROR");

    // Registered in lower case: serials are compared as upper-case hex.
    sandbox
        .register_merchant("1900000002", &serial.to_ascii_lowercase(), demo::OTHER_PUBLIC_KEY_PEM)
        .unwrap();
    let after = Wire::signed(&signer, "POST", SYNC, body(), Some(sandbox.public_key_id()));
    assert_eq!(after.send(&sandbox).await.status, 200);
    assert_eq!(sandbox.last_received().unwrap().mchid.as_deref(), Some("1900000002"));

    let refused = |mchid: &str, serial: &str, pem: &str| {
        sandbox.register_merchant(mchid, serial, pem).expect_err("refused")
    };
    let bad_mchid = refused("19x", serial, demo::OTHER_PUBLIC_KEY_PEM);
    assert!(matches!(bad_mchid, Error::Key(KeyError::InvalidMchid { .. })), "{bad_mchid:?}");
    let bad_serial = refused("1900000003", "AB:CD", demo::OTHER_PUBLIC_KEY_PEM);
    assert!(matches!(bad_serial, Error::Key(KeyError::InvalidSerial { .. })), "{bad_serial:?}");
    let bad_key = refused("1900000003", serial, "not a key");
    assert!(matches!(bad_key, Error::Key(KeyError::NotPem { .. })), "{bad_key:?}");
}

#[tokio::test]
async fn refuses_timestamps_outside_the_window() {
    let sandbox = Sandbox::builder().clock(|| T0).start().await.unwrap();
    for (offset, status) in [(-299, 200), (299, 200), (-300, 401), (300, 401), (-3600, 401)] {
        let signer = demo::signer().with_clock(move || T0 + offset);
        let body = sync_body(vec![item(&encryptor(&sandbox))]);
        let answer = Wire::signed(&signer, "POST", SYNC, body, Some(sandbox.public_key_id()))
            .send(&sandbox)
            .await;
        assert_eq!(answer.status, status, "offset {offset}: {}", answer.text());
        if status == 401 {
            answer.assert_error(&sandbox, 401, "SIGN_ERROR");
            assert!(answer.text().contains("timestamp"), "{}", answer.text());
        }
        // Answers are signed with the sandbox clock.
        assert_eq!(answer.header("Wechatpay-Timestamp"), Some(T0.to_string().as_str()));
    }
}

#[tokio::test]
async fn refuses_a_replayed_nonce_within_the_window() {
    let now = Arc::new(AtomicI64::new(T0));
    let clock = now.clone();
    let sandbox =
        Sandbox::builder().clock(move || clock.load(Ordering::SeqCst)).start().await.unwrap();
    let signer = demo::signer().with_clock(|| T0);
    let wire = Wire::signed(
        &signer,
        "POST",
        SYNC,
        sync_body(vec![item(&encryptor(&sandbox))]),
        Some(sandbox.public_key_id()),
    );
    assert_eq!(wire.send(&sandbox).await.status, 200);

    now.store(T0 + 100, Ordering::SeqCst);
    let replay = wire.send(&sandbox).await;
    replay.assert_error(&sandbox, 401, "SIGN_ERROR");
    assert!(replay.text().contains("replay"), "{}", replay.text());

    // The same nonce from another merchant is its own.
    let other_serial = "00A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3";
    sandbox.register_merchant("1900000002", other_serial, demo::OTHER_PUBLIC_KEY_PEM).unwrap();
    let nonce = sandbox.received()[0].nonce.clone().unwrap();
    let other = signer_with("1900000002", other_serial, demo::OTHER_KEY_PEM)
        .with_clock(|| T0)
        .with_nonce_source(FixedNonce(nonce));
    let wire = Wire::signed(
        &other,
        "POST",
        SYNC,
        sync_body(vec![item(&encryptor(&sandbox))]),
        Some(sandbox.public_key_id()),
    );
    assert_eq!(wire.send(&sandbox).await.status, 200);
}

#[tokio::test]
async fn refuses_a_body_or_target_changed_after_signing() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    // Same JSON, other bytes: a re-serialisation is a different body.
    wire.body.push(b' ');
    wire.send(&sandbox).await.assert_error(&sandbox, 401, "SIGN_ERROR");

    let mut wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    let text = String::from_utf8(wire.body.clone()).unwrap().replace("3999.00", "3999.01");
    wire.body = text.into_bytes();
    wire.send(&sandbox).await.assert_error(&sandbox, 401, "SIGN_ERROR");

    // The URI is signed exactly as sent: query and percent-encoding included.
    let mut wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    wire.target = format!("{SYNC}?x=1");
    wire.send(&sandbox).await.assert_error(&sandbox, 401, "SIGN_ERROR");
    let target = format!("{SYNC}?x=%41");
    let mut wire = Wire::signed(
        &demo::signer(),
        "POST",
        &target,
        sync_body(vec![item(&encryptor(&sandbox))]),
        Some(sandbox.public_key_id()),
    );
    assert_eq!(wire.send(&sandbox).await.status, 200, "signed as sent");
    wire.target = format!("{SYNC}?x=A");
    wire.send(&sandbox).await.assert_error(&sandbox, 401, "SIGN_ERROR");
    assert_eq!(sandbox.received()[3].target, target, "the target is recorded as received");
}

#[tokio::test]
async fn refuses_malformed_authorization_headers() {
    let sandbox = Sandbox::start().await.unwrap();
    let wire = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]);
    let good = wire.headers.iter().find(|(name, _)| name == "Authorization").unwrap().1.clone();
    let params = good.strip_prefix(&format!("{SCHEME} ")).unwrap().to_owned();
    let reordered = {
        let mut parts: Vec<&str> = params.split(',').collect();
        parts.reverse();
        parts.join(",")
    };
    let variants = [
        format!("{SCHEME}  {params}"),
        format!("Bearer {params}"),
        format!("{SCHEME} {}", params.replace("\",", "\", ")),
        format!("{SCHEME} {params},mchid=\"{}\"", demo::MCHID),
        format!("{SCHEME} {params},extra=\"1\""),
        format!("{SCHEME} {}", params.split(',').skip(1).collect::<Vec<_>>().join(",")),
    ];
    for variant in variants {
        let answer = wire.clone_with_authorization(&variant).send(&sandbox).await;
        answer.assert_error(&sandbox, 401, "SIGN_ERROR");
    }
    let answer = wire.clone_with_authorization("").without("Authorization").send(&sandbox).await;
    answer.assert_error(&sandbox, 401, "SIGN_ERROR");

    // Any parameter order is fine.
    let answer =
        wire.clone_with_authorization(&format!("{SCHEME} {reordered}")).send(&sandbox).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
}

struct FixedNonce(String);

impl wechatpay_apiv3_core::NonceSource for FixedNonce {
    fn nonce(&self) -> Result<String, wechatpay_apiv3_core::CryptoError> {
        Ok(self.0.clone())
    }
}

trait WithAuthorization {
    fn clone_with_authorization(&self, value: &str) -> Wire;
}

impl WithAuthorization for Wire {
    fn clone_with_authorization(&self, value: &str) -> Wire {
        let wire = Wire {
            method: self.method.clone(),
            target: self.target.clone(),
            body: self.body.clone(),
            headers: self.headers.clone(),
        };
        wire.header("Authorization", value)
    }
}

#[tokio::test]
async fn every_answer_is_signed_with_fresh_nonce_and_request_id() {
    let sandbox = Sandbox::start().await.unwrap();
    let encryptor = encryptor(&sandbox);
    let mut plaintext = item(&encryptor);
    plaintext["tel"] = json!(TEL);
    let wires = [
        Wire::sync(&sandbox, vec![item(&encryptor)]), // 200
        Wire::sync(&sandbox, vec![plaintext]),        // 400
        Wire::sync(&sandbox, vec![item(&encryptor)]).without("Authorization"), // 401
        Wire::signed(&demo::signer(), "GET", "/v3/unknown", Vec::new(), None), // 404
    ];
    let mut nonces = HashSet::new();
    let mut request_ids = HashSet::new();
    for (wire, status) in wires.iter().zip([200, 400, 401, 404]) {
        let answer = wire.send(&sandbox).await;
        assert_eq!(answer.status, status, "{}", answer.text());
        answer.verify(&sandbox).unwrap();
        assert_eq!(answer.header("Wechatpay-Serial"), Some(sandbox.public_key_id()));
        let nonce = answer.header("Wechatpay-Nonce").unwrap();
        assert_eq!(nonce.len(), 32);
        assert!(nonce.bytes().all(|b| b.is_ascii_alphanumeric()), "{nonce}");
        assert!(answer.header("Wechatpay-Timestamp").unwrap().parse::<i64>().is_ok());
        assert!(nonces.insert(nonce.to_owned()));
        assert!(request_ids.insert(answer.header("Request-ID").unwrap().to_owned()));
        assert_no_plaintext(&answer.text());
    }
    // A key store that does not know the sandbox's key refuses its answers.
    let answer = Wire::sync(&sandbox, vec![item(&encryptor)]).send(&sandbox).await;
    assert!(WechatPayKeys::new().verify(&answer.headers, &answer.body).is_err());
}

#[tokio::test]
async fn custom_platform_key_and_endpoint() {
    // The sandbox can sign with another key pair (here the "other" demo key).
    let id = "PUB_KEY_ID_0119000000012025000000000777";
    let sandbox = Sandbox::builder()
        .platform_key(id, demo::OTHER_KEY_PEM, demo::OTHER_PUBLIC_KEY_PEM)
        .endpoint(wechatpay_apiv3_mock::Endpoint {
            method: "POST",
            path: "/v3/gov/subsidy/zhejiang/qualifications/query",
            title: "查询补贴资格",
            region: wechatpay_apiv3_mock::Region::Zhejiang,
            location: wechatpay_apiv3_mock::Location::Body,
            required: &["auth_code"],
            sensitive: &[],
            types: &[("auth_code", wechatpay_apiv3_mock::FieldType::String)],
            values: &[],
            reply: wechatpay_apiv3_mock::Reply::Zhejiang,
            success_body: r#"{"resp_code":"000000","resp_desc":"成功"}"#,
            echo: &[],
        })
        .start()
        .await
        .unwrap();
    assert_eq!(sandbox.public_key_id(), id);
    let answer = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]).send(&sandbox).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.verify(&sandbox).unwrap();
    assert!(demo::wechatpay_keys().verify(&answer.headers, &answer.body).is_err());

    let target = "/v3/gov/subsidy/zhejiang/qualifications/query";
    let signer: Signer = demo::signer();
    let answer = Wire::signed(&signer, "POST", target, br#"{"auth_code":"x"}"#.to_vec(), None)
        .send(&sandbox)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let answer = Wire::signed(&signer, "POST", target, b"{}".to_vec(), None).send(&sandbox).await;
    answer.assert_error(&sandbox, 400, "PARAM_ERROR");

    // A key pair whose halves do not match is refused.
    let mismatched = Sandbox::builder()
        .platform_key(id, demo::OTHER_KEY_PEM, demo::PUBLIC_KEY_PEM)
        .start()
        .await;
    let mismatched = mismatched.expect_err("refused");
    let bad_id = Sandbox::builder()
        .platform_key("KEY_1", demo::OTHER_KEY_PEM, demo::OTHER_PUBLIC_KEY_PEM)
        .start()
        .await
        .expect_err("refused");
    assert!(
        mismatched.to_string().contains("the public key is not the private key's"),
        "{mismatched}"
    );
    assert!(matches!(bad_id, Error::Key(KeyError::InvalidPublicKeyId { .. })), "{bad_id:?}");
}

#[tokio::test]
async fn demo_keys_work_out_of_the_box() {
    let sandbox = Sandbox::start().await.unwrap();
    assert_eq!(sandbox.public_key_id(), demo::PUBLIC_KEY_ID);
    assert_eq!(demo::MERCHANT_SERIAL.len(), 40);
    assert!(
        demo::MERCHANT_SERIAL.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase())
    );
    assert_eq!(demo::signer().mchid(), demo::MCHID);
    let answer = Wire::sync(&sandbox, vec![item(&demo::wechatpay_keys().encryptor().unwrap())])
        .send(&sandbox)
        .await;
    assert_eq!(answer.status, 200);
    demo::wechatpay_keys().verify(&answer.headers, &answer.body).unwrap();
}

#[tokio::test]
async fn stops_when_dropped() {
    let sandbox = Sandbox::start().await.unwrap();
    let addr = sandbox.addr();
    assert!(addr.ip().is_loopback());
    assert_ne!(addr.port(), 0);
    tokio::net::TcpStream::connect(addr).await.expect("listening while alive");
    drop(sandbox);
    let mut refused = false;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(10)).await;
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
    }
    assert!(refused, "the port is closed once the sandbox is dropped");
}

#[test]
fn the_binary_prints_what_a_client_needs_and_serves() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let mut child = Command::new(env!("CARGO_BIN_EXE_wechatpay-apiv3-mock"))
        .arg("--quiet")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let done = line.starts_with("Press Ctrl-C");
        printed.push(line);
        if done {
            break;
        }
    }
    let text = printed.join("\n");
    let exported = |name: &str| {
        printed
            .iter()
            .find_map(|line| line.strip_prefix(&format!("export {name}=")))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("export {name}= is printed:\n{text}"))
    };
    let base_url = exported("WECHATPAY_BASE_URL");
    assert_eq!(exported("WECHATPAY_MCHID"), demo::MCHID);
    assert_eq!(exported("WECHATPAY_MCH_SERIAL"), demo::MERCHANT_SERIAL);
    assert_eq!(exported("WECHATPAY_PUBLIC_KEY_ID"), demo::PUBLIC_KEY_ID);
    // Absolute paths of the shipped files (this checkout's path has no characters to quote).
    let key_path = exported("WECHATPAY_MCH_KEY_PATH");
    let public_key_path = exported("WECHATPAY_PUBLIC_KEY_PATH");
    assert!(std::path::Path::new(&key_path).is_absolute(), "{key_path}");
    assert_eq!(std::fs::read_to_string(&key_path).unwrap(), demo::MERCHANT_KEY_PEM);
    assert_eq!(std::fs::read_to_string(&public_key_path).unwrap(), demo::PUBLIC_KEY_PEM);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let status = runtime.block_on(async {
        client().get(format!("{base_url}/v3/unknown")).send().await.map(|r| r.status().as_u16())
    });
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(status.unwrap(), 404);
    assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
    for needed in [
        demo::MCHID,
        demo::MERCHANT_SERIAL,
        demo::PUBLIC_KEY_ID,
        "keys/merchant_private_key.pem",
        "keys/platform_public_key.pem",
        demo::PUBLIC_KEY_PEM.lines().nth(1).unwrap(),
    ] {
        assert!(text.contains(needed), "{needed} is printed");
    }
    for private in [demo::MERCHANT_KEY_PEM, demo::PLATFORM_PRIVATE_KEY_PEM] {
        let key_line = private.lines().nth(1).unwrap();
        assert!(!text.contains(key_line), "a private key is never printed");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_concurrent_requests_on_a_multi_thread_runtime() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Sandbox>();
    send_sync::<wechatpay_apiv3_mock::Received>();

    let sandbox = Arc::new(Sandbox::start().await.unwrap());
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let sandbox = sandbox.clone();
        tasks.spawn(async move {
            let answer =
                Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]).send(&sandbox).await;
            answer.verify(&sandbox).unwrap();
            answer.status
        });
    }
    while let Some(status) = tasks.join_next().await {
        assert_eq!(status.unwrap(), 200);
    }
    let received = sandbox.received();
    assert_eq!(received.len(), 8);
    let nonces: HashSet<_> = received.iter().map(|record| record.nonce.clone().unwrap()).collect();
    assert_eq!(nonces.len(), 8);
    assert!(received.iter().all(|record| record.accepted()));
}

/// The demo merchant's key file and the sandbox's public key file, as shipped in `keys/`.
const MERCHANT_KEY_FILE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/keys/merchant_private_key.pem");
const PLATFORM_PUBLIC_KEY_FILE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/keys/platform_public_key.pem");

/// A scratch directory for the openssl CLI, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let dir = std::env::temp_dir()
            .join(format!("wechatpay-mock-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the openssl CLI; its stdout on success.
fn openssl(args: &[&std::ffi::OsStr]) -> Result<Vec<u8>, String> {
    let output = std::process::Command::new("openssl")
        .args(args)
        .output()
        .map_err(|error| format!("the openssl CLI is needed for this test: {error}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// `openssl dgst -sha256 -sign <key file>` over `message`, standard base64.
fn openssl_sign(scratch: &Scratch, message: &[u8]) -> String {
    use base64::prelude::*;
    let message = scratch.write("message", message);
    let signature = openssl(&[
        "dgst".as_ref(),
        "-sha256".as_ref(),
        "-sign".as_ref(),
        MERCHANT_KEY_FILE.as_ref(),
        message.as_os_str(),
    ])
    .unwrap();
    BASE64_STANDARD.encode(signature)
}

/// `openssl pkeyutl -encrypt` with RSA-OAEP (SHA-1) to the sandbox's public key file, base64.
fn openssl_encrypt(scratch: &Scratch, plaintext: &str) -> String {
    use base64::prelude::*;
    let input = scratch.write("plaintext", plaintext.as_bytes());
    let ciphertext = openssl(&[
        "pkeyutl".as_ref(),
        "-encrypt".as_ref(),
        "-pubin".as_ref(),
        "-inkey".as_ref(),
        PLATFORM_PUBLIC_KEY_FILE.as_ref(),
        "-pkeyopt".as_ref(),
        "rsa_padding_mode:oaep".as_ref(),
        "-pkeyopt".as_ref(),
        "rsa_oaep_md:sha1".as_ref(),
        "-in".as_ref(),
        input.as_os_str(),
    ])
    .unwrap();
    BASE64_STANDARD.encode(ciphertext)
}

/// `openssl dgst -sha256 -verify <public key file> -signature <sig>` over `message`.
fn openssl_verify(scratch: &Scratch, message: &[u8], signature_base64: &str) -> bool {
    use base64::prelude::*;
    let Ok(signature) = BASE64_STANDARD.decode(signature_base64) else { return false };
    let message = scratch.write("answer", message);
    let signature = scratch.write("answer.sig", &signature);
    openssl(&[
        "dgst".as_ref(),
        "-sha256".as_ref(),
        "-verify".as_ref(),
        PLATFORM_PUBLIC_KEY_FILE.as_ref(),
        "-signature".as_ref(),
        signature.as_os_str(),
        message.as_os_str(),
    ])
    .is_ok()
}

fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// A request built entirely by hand — message bytes, openssl signature and encryption, header
/// text — is accepted: the sandbox reads the protocol, not the SDK's code.
#[tokio::test]
async fn accepts_a_request_built_by_hand_with_the_openssl_cli() {
    let sandbox = Sandbox::start().await.unwrap();
    let scratch = Scratch::new("by-hand");
    let timestamp = unix_now().to_string();
    let nonce = format!("HandMade{:024}", std::process::id());

    // POST with a body: the sensitive fields encrypted by openssl, Chinese text as UTF-8.
    let mut data = item(&encryptor(&sandbox));
    data["cert_no"] = json!(openssl_encrypt(&scratch, CERT_NO));
    data["name"] = json!(openssl_encrypt(&scratch, NAME));
    data["tel"] = json!(openssl_encrypt(&scratch, TEL));
    let body = sync_body(vec![data]);
    let mut message = format!("POST\n{SYNC}\n{timestamp}\n{nonce}\n").into_bytes();
    message.extend_from_slice(&body);
    message.push(b'\n');
    let signature = openssl_sign(&scratch, &message);
    let authorization = format!(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"{}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{}\"",
        demo::MCHID,
        demo::MERCHANT_SERIAL
    );
    let response = client()
        .post(sandbox.url(SYNC))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Wechatpay-Serial", demo::PUBLIC_KEY_ID)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    assert_eq!(text, SUCCESS);
    let record = sandbox.last_received().unwrap();
    assert!(record.accepted());
    assert_eq!(record.json.as_ref().unwrap()["data"][0]["cert_no"], CERT_NO);

    // GET: the message ends with an empty body line.
    let target = format!("{QUALIFICATION}?appliance_id=3&qualification_region_code=330100");
    let nonce = format!("HandMadeGet{:021}", std::process::id());
    let message = format!("GET\n{target}\n{timestamp}\n{nonce}\n\n");
    let signature = openssl_sign(&scratch, message.as_bytes());
    let authorization = format!(
        "WECHATPAY2-SHA256-RSA2048 serial_no=\"{}\",timestamp=\"{timestamp}\",signature=\"{signature}\",nonce_str=\"{nonce}\",mchid=\"{}\"",
        demo::MERCHANT_SERIAL,
        demo::MCHID
    );
    let response = client()
        .get(sandbox.url(&target))
        .header("Authorization", authorization)
        .header("Wechatpay-Serial", demo::PUBLIC_KEY_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(sandbox.accepted_count(), 2);
}

/// The sandbox's answers verify with the openssl CLI over `TIMESTAMP\nNONCE\nBODY\n`, and a
/// changed body does not.
#[tokio::test]
async fn answers_verify_with_the_openssl_cli() {
    let sandbox = Sandbox::start().await.unwrap();
    let scratch = Scratch::new("verify");
    let answers = [
        Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]).send(&sandbox).await,
        Wire::signed(&demo::signer(), "GET", "/v3/unknown", Vec::new(), None).send(&sandbox).await,
    ];
    for answer in answers {
        let timestamp = answer.header("Wechatpay-Timestamp").unwrap();
        let nonce = answer.header("Wechatpay-Nonce").unwrap();
        let signature = answer.header("Wechatpay-Signature").unwrap();
        assert_eq!(answer.header("Wechatpay-Serial"), Some(demo::PUBLIC_KEY_ID));
        let mut message = format!("{timestamp}\n{nonce}\n").into_bytes();
        message.extend_from_slice(&answer.body);
        message.push(b'\n');
        assert!(openssl_verify(&scratch, &message, signature), "{}", answer.text());
        let mut changed = message.clone();
        changed.insert(changed.len() - 1, b' ');
        assert!(!openssl_verify(&scratch, &changed, signature));
    }
}

#[tokio::test]
async fn max_skew_rounds_up_to_whole_seconds() {
    for (max_skew, accepted, refused) in [(500, 0, 1), (1500, 1, 2), (300_000, 299, 300)] {
        let sandbox = Sandbox::builder()
            .clock(|| T0)
            .max_skew(Duration::from_millis(max_skew))
            .start()
            .await
            .unwrap();
        for (offset, status) in [(accepted, 200), (-accepted, 200), (refused, 401), (-refused, 401)]
        {
            let signer = demo::signer().with_clock(move || T0 + offset);
            let body = sync_body(vec![item(&encryptor(&sandbox))]);
            let answer = Wire::signed(&signer, "POST", SYNC, body, Some(sandbox.public_key_id()))
                .send(&sandbox)
                .await;
            assert_eq!(answer.status, status, "max_skew {max_skew} ms, offset {offset}");
        }
    }
}

#[tokio::test]
async fn the_received_log_is_bounded_oldest_dropped_first() {
    let sandbox = Sandbox::builder().max_received(3).start().await.unwrap();
    let mut request_ids = Vec::new();
    for _ in 0..5 {
        let answer = Wire::sync(&sandbox, vec![item(&encryptor(&sandbox))]).send(&sandbox).await;
        assert_eq!(answer.status, 200);
        request_ids.push(answer.header("Request-ID").unwrap().to_owned());
    }
    let kept: Vec<String> = sandbox.received().into_iter().map(|r| r.request_id).collect();
    assert_eq!(kept, request_ids[2..]);
    assert_eq!(sandbox.accepted_count(), 5, "dropped records still count");
    sandbox.clear_received();
    assert_eq!((sandbox.received().len(), sandbox.accepted_count()), (0, 0));
}
