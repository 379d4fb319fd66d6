//! Backend conformance: every test body is generic over [`Backend`] and instantiated once per
//! backend compiled in (`aws_lc` with feature `aws-lc-rs`, `rust_crypto` with feature `rsa`).
//!
//! - every Wycheproof case of `rsa_signature_2048_sha256` and `rsa_oaep_2048_sha1_mgf1sha1`, and
//!   of the AES-256 part of `aes_gcm` the 66 with a 96-bit nonce through the backend and the 39
//!   others through `ApiV3Key` (refused: `AeadNonceLength`), with the exact numbers asserted;
//! - the published WeChat Pay Go SDK vectors (`tests/fixtures/`);
//! - cross-checks against the `openssl` command line;
//! - with both backends compiled in, property tests that they agree with each other.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use base64::prelude::*;
use x509_cert::Certificate;
use x509_cert::der::{Decode, Encode};

use super::{Backend, GCM_NONCE_LEN, GCM_TAG_LEN};

const GO_KEY_PEM: &str = include_str!("../../tests/fixtures/go-sdk-test-key.pem");
const GO_CERT_PEM: &str = include_str!("../../tests/fixtures/go-sdk-notify-cert.pem");
const GO_SOURCE_SIGNATURE: &str =
    include_str!("../../tests/fixtures/go-sdk-sign-source-signature.txt");
const GO_OAEP_HELLO_WORLD: &str = include_str!("../../tests/fixtures/go-sdk-oaep-hello-world.txt");
const GO_NOTIFY_BODY: &[u8] = include_bytes!("../../tests/fixtures/go-sdk-notify-body.json");
const GO_NOTIFY_SIGNATURE: &str = include_str!("../../tests/fixtures/go-sdk-notify-signature.txt");
const GO_NOTIFY_TIMESTAMP: &str = "1624523846";
const GO_NOTIFY_NONCE: &str = "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz";
const AES_GCM_VECTORS: &str = include_str!("../../tests/fixtures/aes-gcm-vectors.tsv");

// ---------------------------------------------------------------------------------------------
// Inputs shared by the tests
// ---------------------------------------------------------------------------------------------

fn pem_der(pem: &str) -> Vec<u8> {
    crate::pem::decode_first(pem, "test input").expect("fixture PEM decodes").der.to_vec()
}

/// PKCS#8 DER of the Go SDK test key.
fn go_key_pkcs8() -> Vec<u8> {
    pem_der(GO_KEY_PEM)
}

/// SubjectPublicKeyInfo DER of the Go SDK certificate (the public half of the Go SDK key).
fn go_cert_spki() -> Vec<u8> {
    let cert = Certificate::from_der(&pem_der(GO_CERT_PEM)).expect("fixture certificate parses");
    cert.tbs_certificate().subject_public_key_info().to_der().expect("SPKI re-encodes")
}

/// One row of `aes-gcm-vectors.tsv`.
struct GcmVector {
    key: &'static str,
    nonce: &'static str,
    aad: &'static str,
    plaintext: &'static str,
    sealed_base64: &'static str,
}

fn gcm_vectors() -> Vec<GcmVector> {
    let rows: Vec<GcmVector> = AES_GCM_VECTORS
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5, "malformed row in aes-gcm-vectors.tsv: {line:?}");
            GcmVector {
                key: fields[0],
                nonce: fields[1],
                aad: fields[2],
                plaintext: fields[3],
                sealed_base64: fields[4],
            }
        })
        .collect();
    assert_eq!(rows.len(), 3, "aes-gcm-vectors.tsv holds three vectors");
    rows
}

/// A 2048-bit key generated once per test process by `openssl genpkey`.
struct OpensslKey {
    /// PKCS#8 PEM, as openssl wrote it.
    private_pem: String,
    /// SubjectPublicKeyInfo PEM.
    public_pem: String,
}

impl OpensslKey {
    fn pkcs8(&self) -> Vec<u8> {
        pem_der(&self.private_pem)
    }

    fn spki(&self) -> Vec<u8> {
        pem_der(&self.public_pem)
    }

    /// Writes `key.pem` and `pub.pem` into `dir`.
    fn write_to(&self, dir: &Path) {
        std::fs::write(dir.join("key.pem"), &self.private_pem).unwrap();
        std::fs::write(dir.join("pub.pem"), &self.public_pem).unwrap();
    }
}

fn openssl_key() -> &'static OpensslKey {
    static KEY: OnceLock<OpensslKey> = OnceLock::new();
    KEY.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        openssl(
            dir.path(),
            &[
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
                "key.pem",
            ],
        );
        openssl(dir.path(), &["pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"]);
        OpensslKey {
            private_pem: std::fs::read_to_string(dir.path().join("key.pem")).unwrap(),
            public_pem: std::fs::read_to_string(dir.path().join("pub.pem")).unwrap(),
        }
    })
}

/// Runs `openssl args…` in `dir`; panics (with openssl's stderr, never a key) unless it succeeds.
fn openssl(dir: &Path, args: &[&str]) -> Vec<u8> {
    let output = try_openssl(dir, args);
    assert!(
        output.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn try_openssl(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command line is installed")
}

// ---------------------------------------------------------------------------------------------
// Wycheproof
// ---------------------------------------------------------------------------------------------

/// `rsa_signature_2048_sha256`: RSASSA-PKCS1-v1_5 SHA-256 verification.
fn wycheproof_rsa_pkcs1_sha256<B: Backend>(backend: &str) {
    use wycheproof::TestResult;
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};

    let set = TestSet::load(TestName::Rsa2048Sha256).expect("wycheproof data loads");
    let (mut total, mut keys_refused, mut valid, mut invalid) = (0, 0, 0, 0);
    let (mut acceptable_accepted, mut acceptable_rejected) = (0, 0);
    let mut failures = Vec::new();
    for group in &set.test_groups {
        // A public key the backend refuses rejects every signature of its group.
        let key = B::public_key_from_spki(&group.der).ok();
        if key.is_none() {
            keys_refused += 1;
        }
        for test in &group.tests {
            total += 1;
            let accepted =
                key.as_ref().is_some_and(|key| B::verify_sha256(key, &test.msg, &test.sig));
            match (test.result, accepted) {
                (TestResult::Valid, true) => valid += 1,
                (TestResult::Invalid, false) => invalid += 1,
                (TestResult::Acceptable, true) => acceptable_accepted += 1,
                (TestResult::Acceptable, false) => acceptable_rejected += 1,
                (expected, _) => failures.push(format!(
                    "tcId {} expected {expected:?}, accepted={accepted} ({}; {:?})",
                    test.tc_id, test.comment, test.flags
                )),
            }
        }
    }
    println!(
        "[{backend}] wycheproof rsa_signature_2048_sha256: {total} cases, {valid} valid accepted, \
         {invalid} invalid rejected, acceptable {acceptable_accepted} accepted / {acceptable_rejected} rejected, \
         {keys_refused} keys refused"
    );
    assert!(
        failures.is_empty(),
        "[{backend}] {} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(total, set.number_of_tests);
    assert_eq!(total, 259, "the data set changed size");
    assert_eq!(valid, 9);
    assert_eq!(invalid, 249);
    assert_eq!(acceptable_accepted + acceptable_rejected, 1);
    assert_eq!(keys_refused, 0, "every group key is a plain 2048-bit RSA key");
}

/// `rsa_oaep_2048_sha1_mgf1sha1`: RSAES-OAEP decryption. We only ever use the empty label, so a
/// ciphertext made with a non-empty label must not decrypt.
///
/// `known_deviations` lists the tcIds of invalid cases this backend is known to accept; each one
/// must really be accepted (so that a fixed backend fails here until the list is emptied), and
/// every other case must behave as Wycheproof says.
fn wycheproof_rsa_oaep_sha1<B: Backend>(backend: &str, known_deviations: &[usize]) {
    use wycheproof::rsa_oaep::{TestName, TestSet};
    use wycheproof::{HashFunction, Mgf, TestResult};

    let set = TestSet::load(TestName::Rsa2048Sha1Mgf1Sha1).expect("wycheproof data loads");
    let (mut total, mut valid, mut invalid, mut labelled_rejected) = (0, 0, 0, 0);
    let (mut acceptable_accepted, mut acceptable_rejected) = (0, 0);
    let mut deviations = Vec::new();
    let mut failures = Vec::new();
    for group in &set.test_groups {
        assert_eq!(
            (group.hash, group.mgf, group.mgf_hash),
            (HashFunction::Sha1, Mgf::Mgf1, HashFunction::Sha1)
        );
        assert_eq!(group.key_size, 2048);
        let key = B::private_key_from_pkcs8(&group.pkcs8)
            .unwrap_or_else(|_| panic!("[{backend}] the group's PKCS#8 key is refused"));
        assert_eq!(B::private_key_bits(&key), 2048);
        for test in &group.tests {
            total += 1;
            let decrypted = B::oaep_decrypt(&key, &test.ct);
            let outcome = if !test.label.is_empty() {
                match decrypted {
                    Err(_) => {
                        labelled_rejected += 1;
                        continue;
                    }
                    Ok(_) => "a ciphertext with a non-empty label decrypted",
                }
            } else {
                match (test.result, decrypted) {
                    (TestResult::Valid, Ok(plaintext)) if plaintext == *test.pt => {
                        valid += 1;
                        continue;
                    }
                    (TestResult::Valid, Ok(_)) => "wrong plaintext",
                    (TestResult::Valid, Err(_)) => "a valid ciphertext was rejected",
                    (TestResult::Invalid, Err(_)) => {
                        invalid += 1;
                        continue;
                    }
                    (TestResult::Invalid, Ok(_)) if known_deviations.contains(&test.tc_id) => {
                        println!(
                            "[{backend}] known deviation: tcId {} accepted ({}; {:?})",
                            test.tc_id, test.comment, test.flags
                        );
                        deviations.push(test.tc_id);
                        continue;
                    }
                    (TestResult::Invalid, Ok(_)) => "an invalid ciphertext decrypted",
                    (TestResult::Acceptable, Ok(plaintext)) if plaintext == *test.pt => {
                        acceptable_accepted += 1;
                        continue;
                    }
                    (TestResult::Acceptable, Ok(_)) => "wrong plaintext",
                    (TestResult::Acceptable, Err(_)) => {
                        acceptable_rejected += 1;
                        continue;
                    }
                }
            };
            failures.push(format!(
                "tcId {}: {outcome} ({}; {:?})",
                test.tc_id, test.comment, test.flags
            ));
        }
    }
    println!(
        "[{backend}] wycheproof rsa_oaep_2048_sha1_mgf1sha1: {total} cases, {valid} valid accepted, \
         {invalid} invalid rejected, {} invalid accepted (known deviation), {labelled_rejected} with a \
         non-empty label rejected (we use the empty label only), acceptable {acceptable_accepted} \
         accepted / {acceptable_rejected} rejected",
        deviations.len()
    );
    assert!(
        failures.is_empty(),
        "[{backend}] {} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(total, set.number_of_tests);
    assert_eq!(total, 36, "the data set changed size");
    assert_eq!(valid, 10);
    assert_eq!(
        deviations, known_deviations,
        "[{backend}] a known deviation is fixed: update the list"
    );
    assert_eq!(invalid + deviations.len(), 19);
    assert_eq!(labelled_rejected, 7);
    assert_eq!(acceptable_accepted + acceptable_rejected, 0);
}

/// `aes_gcm`, 256-bit keys. Nonces other than 96 bits never reach the backend (its API takes a
/// `[u8; 12]`): those cases go through `ApiV3Key`, which must refuse each with `AeadNonceLength`
/// before any decryption (APIv3 sends 12-character nonces; a key of the case's bytes cannot be an
/// APIv3 key, which is 32 ASCII characters, so any key shows the refusal).
fn wycheproof_aes_256_gcm<B: Backend>(backend: &str) {
    use wycheproof::TestResult;
    use wycheproof::aead::{TestName, TestSet};

    let set = TestSet::load(TestName::AesGcm).expect("wycheproof data loads");
    let (mut total, mut policy_refused, mut valid, mut invalid) = (0, 0, 0, 0);
    let (mut acceptable_accepted, mut acceptable_rejected) = (0, 0);
    let mut failures = Vec::new();
    for group in set.test_groups.iter().filter(|group| group.key_size == 256) {
        for test in &group.tests {
            total += 1;
            let key: [u8; 32] = test.key[..].try_into().expect("a 256-bit group has 32-byte keys");
            let Ok(nonce) = <[u8; GCM_NONCE_LEN]>::try_from(&test.nonce[..]) else {
                assert_ne!(group.nonce_size, 96);
                let api_v3_key = crate::ApiV3Key::new("0123456789abcdefghijklmnopqrstuv").unwrap();
                let nonce = "n".repeat(test.nonce.len());
                let sealed = BASE64_STANDARD.encode([&test.ct[..], &test.tag[..]].concat());
                match api_v3_key.decrypt(&nonce, "", &sealed) {
                    Err(crate::CryptoError::AeadNonceLength { len }) if len == test.nonce.len() => {
                        policy_refused += 1;
                    }
                    other => failures.push(format!(
                        "tcId {}: a {}-byte nonce was not refused: {other:?}",
                        test.tc_id,
                        test.nonce.len()
                    )),
                }
                continue;
            };
            let sealed = [&test.ct[..], &test.tag[..]].concat();
            let opened = B::aes256_gcm_decrypt(&key, &nonce, &test.aad, &sealed);
            let outcome = match (test.result, opened) {
                (TestResult::Valid, Ok(plaintext)) if plaintext == *test.pt => {
                    // Sealing must reproduce the vector exactly, too.
                    match B::aes256_gcm_encrypt(&key, &nonce, &test.aad, &test.pt) {
                        Ok(resealed) if resealed == sealed => {
                            valid += 1;
                            continue;
                        }
                        _ => "encryption does not reproduce the ciphertext and tag",
                    }
                }
                (TestResult::Valid, Ok(_)) => "wrong plaintext",
                (TestResult::Valid, Err(_)) => "a valid ciphertext was rejected",
                (TestResult::Invalid, Err(_)) => {
                    invalid += 1;
                    continue;
                }
                (TestResult::Invalid, Ok(_)) => "an invalid ciphertext was accepted",
                (TestResult::Acceptable, Ok(plaintext)) if plaintext == *test.pt => {
                    acceptable_accepted += 1;
                    continue;
                }
                (TestResult::Acceptable, Ok(_)) => "wrong plaintext",
                (TestResult::Acceptable, Err(_)) => {
                    acceptable_rejected += 1;
                    continue;
                }
            };
            failures.push(format!(
                "tcId {}: {outcome} ({}; {:?})",
                test.tc_id, test.comment, test.flags
            ));
        }
    }
    println!(
        "[{backend}] wycheproof aes_gcm (256-bit keys): {total} cases, {policy_refused} non-96-bit nonce, \
         refused by policy; of the {} with a 96-bit nonce: {valid} valid accepted, {invalid} invalid \
         rejected, acceptable {acceptable_accepted} accepted / {acceptable_rejected} rejected",
        total - policy_refused
    );
    assert!(
        failures.is_empty(),
        "[{backend}] {} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(total, 105, "the data set changed size");
    assert_eq!(policy_refused, 39);
    assert_eq!(total - policy_refused, 66);
    assert_eq!(valid, 39);
    assert_eq!(invalid, 27);
    assert_eq!(acceptable_accepted + acceptable_rejected, 0);
}

// ---------------------------------------------------------------------------------------------
// Published vectors (WeChat Pay Go SDK; AES values computed with Python `cryptography`)
// ---------------------------------------------------------------------------------------------

fn published_pkcs1_signature<B: Backend>() {
    let key =
        B::private_key_from_pkcs8(&go_key_pkcs8()).unwrap_or_else(|_| panic!("Go SDK key refused"));
    assert_eq!(B::private_key_bits(&key), 2048);
    let signature = B::sign_sha256(&key, b"source").unwrap();
    // PKCS#1 v1.5 is deterministic: the exact published bytes.
    assert_eq!(BASE64_STANDARD.encode(&signature), GO_SOURCE_SIGNATURE.trim_end());

    let public = B::public_key_from_spki(&go_cert_spki())
        .unwrap_or_else(|_| panic!("certificate key refused"));
    assert_eq!(B::public_key_bits(&public), 2048);
    assert!(B::verify_sha256(&public, b"source", &signature));
    assert!(!B::verify_sha256(&public, b"sourcE", &signature));
    assert!(!B::verify_sha256(&public, b"source\n", &signature));
}

fn published_notification_signature<B: Backend>() {
    let public = B::public_key_from_spki(&go_cert_spki())
        .unwrap_or_else(|_| panic!("certificate key refused"));
    let signature = BASE64_STANDARD.decode(GO_NOTIFY_SIGNATURE.trim_end()).unwrap();
    let mut message = format!("{GO_NOTIFY_TIMESTAMP}\n{GO_NOTIFY_NONCE}\n").into_bytes();
    message.extend_from_slice(GO_NOTIFY_BODY);
    message.push(b'\n');
    assert!(B::verify_sha256(&public, &message, &signature));
    // Without the final newline the message is a different one.
    assert!(!B::verify_sha256(&public, &message[..message.len() - 1], &signature));
}

fn published_oaep_ciphertext<B: Backend>() {
    let key =
        B::private_key_from_pkcs8(&go_key_pkcs8()).unwrap_or_else(|_| panic!("Go SDK key refused"));
    let ciphertext = BASE64_STANDARD.decode(GO_OAEP_HELLO_WORLD.trim_end()).unwrap();
    assert_eq!(B::oaep_decrypt(&key, &ciphertext).unwrap(), b"hello world");
    let mut tampered = ciphertext.clone();
    tampered[100] ^= 0x01;
    assert!(B::oaep_decrypt(&key, &tampered).is_err());
}

fn published_aes_256_gcm<B: Backend>() {
    let vector = gcm_vectors().into_iter().find(|v| v.nonce.len() == GCM_NONCE_LEN).unwrap();
    let key: [u8; 32] = vector.key.as_bytes().try_into().unwrap();
    let nonce: [u8; GCM_NONCE_LEN] = vector.nonce.as_bytes().try_into().unwrap();
    let sealed = BASE64_STANDARD.decode(vector.sealed_base64).unwrap();
    assert_eq!(sealed.len(), vector.plaintext.len() + GCM_TAG_LEN);
    let plaintext = B::aes256_gcm_decrypt(&key, &nonce, vector.aad.as_bytes(), &sealed).unwrap();
    assert_eq!(plaintext, b"hello");
    assert_eq!(plaintext, vector.plaintext.as_bytes());
    let resealed =
        B::aes256_gcm_encrypt(&key, &nonce, vector.aad.as_bytes(), vector.plaintext.as_bytes())
            .unwrap();
    assert_eq!(BASE64_STANDARD.encode(resealed), vector.sealed_base64);
    // Other associated data does not authenticate.
    assert!(B::aes256_gcm_decrypt(&key, &nonce, b"World", &sealed).is_err());
}

fn refuses_garbage_keys<B: Backend>() {
    for der in [&b""[..], b"\x30\x00", b"\x30\x82\x01\x00", &[0u8; 300][..], &go_cert_spki()[..10]]
    {
        assert!(B::private_key_from_pkcs8(der).is_err());
        assert!(B::public_key_from_spki(der).is_err());
    }
    // The right structure with the wrong kind of key material.
    assert!(B::public_key_from_spki(&go_key_pkcs8()).is_err());
    assert!(B::private_key_from_pkcs8(&go_cert_spki()).is_err());
}

// ---------------------------------------------------------------------------------------------
// Cross-checks against the openssl command line
// ---------------------------------------------------------------------------------------------

/// A signature by the backend verifies with `openssl dgst -sha256 -verify`, and is the very
/// signature `openssl dgst -sha256 -sign` makes.
fn openssl_verifies_backend_signature<B: Backend>() {
    let generated = openssl_key();
    let dir = tempfile::tempdir().unwrap();
    generated.write_to(dir.path());
    let key = B::private_key_from_pkcs8(&generated.pkcs8())
        .unwrap_or_else(|_| panic!("openssl key refused"));
    let message =
        "POST\n/v3/pay/transactions/native\n1700000000\nNONCE\n{\"description\":\"测试商品\"}\n";
    let signature = B::sign_sha256(&key, message.as_bytes()).unwrap();
    assert_eq!(signature.len(), 256);
    std::fs::write(dir.path().join("msg"), message).unwrap();
    std::fs::write(dir.path().join("sig.bin"), &signature).unwrap();
    let verified = openssl(
        dir.path(),
        &["dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin", "msg"],
    );
    assert_eq!(String::from_utf8_lossy(&verified).trim(), "Verified OK");

    let by_openssl = openssl(dir.path(), &["dgst", "-sha256", "-sign", "key.pem", "msg"]);
    assert_eq!(by_openssl, signature, "PKCS#1 v1.5 is deterministic");

    // The same check fails for a corrupted signature: the cross-check has teeth.
    let mut corrupted = signature;
    corrupted[17] ^= 0x40;
    std::fs::write(dir.path().join("bad.bin"), &corrupted).unwrap();
    let refused = try_openssl(
        dir.path(),
        &["dgst", "-sha256", "-verify", "pub.pem", "-signature", "bad.bin", "msg"],
    );
    assert!(!refused.status.success());
}

/// `openssl pkeyutl -encrypt … rsa_padding_mode:oaep` (SHA-1 by default) decrypts with the backend.
fn backend_decrypts_openssl_oaep<B: Backend>() {
    let generated = openssl_key();
    let dir = tempfile::tempdir().unwrap();
    generated.write_to(dir.path());
    let key = B::private_key_from_pkcs8(&generated.pkcs8())
        .unwrap_or_else(|_| panic!("openssl key refused"));
    let max: Vec<u8> = (0..214u8).map(|i| i.wrapping_mul(37)).collect();
    for plaintext in [&b""[..], "330102199001011234 张三".as_bytes(), &max[..]] {
        std::fs::write(dir.path().join("pt.bin"), plaintext).unwrap();
        openssl(
            dir.path(),
            &[
                "pkeyutl",
                "-encrypt",
                "-pubin",
                "-inkey",
                "pub.pem",
                "-pkeyopt",
                "rsa_padding_mode:oaep",
                "-in",
                "pt.bin",
                "-out",
                "ct.bin",
            ],
        );
        let ciphertext = std::fs::read(dir.path().join("ct.bin")).unwrap();
        assert_eq!(ciphertext.len(), 256);
        assert_eq!(B::oaep_decrypt(&key, &ciphertext).unwrap(), plaintext);
    }
}

/// A backend OAEP ciphertext decrypts with `openssl pkeyutl -decrypt … rsa_padding_mode:oaep`.
fn openssl_decrypts_backend_oaep<B: Backend>() {
    let generated = openssl_key();
    let dir = tempfile::tempdir().unwrap();
    generated.write_to(dir.path());
    let public = B::public_key_from_spki(&generated.spki())
        .unwrap_or_else(|_| panic!("openssl key refused"));
    assert_eq!(B::public_key_bits(&public), 2048);
    let max: Vec<u8> = (0..214u8).map(|i| i.wrapping_mul(91)).collect();
    for plaintext in [&b"x"[..], "13800138000".as_bytes(), &max[..]] {
        let ciphertext = B::oaep_encrypt(&public, plaintext).unwrap();
        assert_eq!(ciphertext.len(), 256);
        std::fs::write(dir.path().join("ct.bin"), &ciphertext).unwrap();
        let decrypted = openssl(
            dir.path(),
            &[
                "pkeyutl",
                "-decrypt",
                "-inkey",
                "key.pem",
                "-pkeyopt",
                "rsa_padding_mode:oaep",
                "-in",
                "ct.bin",
            ],
        );
        assert_eq!(decrypted, plaintext);
    }
    // 215 bytes do not fit in OAEP SHA-1 with a 2048-bit key.
    assert!(B::oaep_encrypt(&public, &[0u8; 215]).is_err());
}

// ---------------------------------------------------------------------------------------------
// Instantiation per backend
// ---------------------------------------------------------------------------------------------

macro_rules! backend_tests {
    ($module:ident, $backend:ty, oaep_known_deviations: $deviations:expr) => {
        mod $module {
            type B = $backend;
            const NAME: &str = stringify!($module);

            #[test]
            fn wycheproof_rsa_signature_2048_sha256() {
                super::wycheproof_rsa_pkcs1_sha256::<B>(NAME);
            }

            #[test]
            fn wycheproof_rsa_oaep_2048_sha1_mgf1sha1() {
                super::wycheproof_rsa_oaep_sha1::<B>(NAME, &$deviations);
            }

            #[test]
            fn wycheproof_aes_256_gcm() {
                super::wycheproof_aes_256_gcm::<B>(NAME);
            }

            #[test]
            fn published_pkcs1_signature() {
                super::published_pkcs1_signature::<B>();
            }

            #[test]
            fn published_notification_signature() {
                super::published_notification_signature::<B>();
            }

            #[test]
            fn published_oaep_ciphertext() {
                super::published_oaep_ciphertext::<B>();
            }

            #[test]
            fn published_aes_256_gcm() {
                super::published_aes_256_gcm::<B>();
            }

            #[test]
            fn refuses_garbage_keys() {
                super::refuses_garbage_keys::<B>();
            }

            #[test]
            fn openssl_verifies_backend_signature() {
                super::openssl_verifies_backend_signature::<B>();
            }

            #[test]
            fn backend_decrypts_openssl_oaep() {
                super::backend_decrypts_openssl_oaep::<B>();
            }

            #[test]
            fn openssl_decrypts_backend_oaep() {
                super::openssl_decrypts_backend_oaep::<B>();
            }
        }
    };
}

#[cfg(feature = "aws-lc-rs")]
backend_tests!(aws_lc, crate::backend::aws_lc::AwsLc, oaep_known_deviations: []);
// RustCrypto `rsa` 0.10 deliberately ignores the first octet Y of the OAEP encoded message
// (its own test `decrypt_ignores_first_octet`), where RFC 8017 7.1.2 step 3.g requires Y = 0;
// `rust_crypto.rs` checks Y itself (through `rsa`'s `hazmat` raw operation), so Wycheproof tcId 23
// ("First byte is 1") is rejected and neither backend has a known deviation.
#[cfg(feature = "rsa")]
backend_tests!(rust_crypto, crate::backend::rust_crypto::RustCrypto, oaep_known_deviations: []);

// ---------------------------------------------------------------------------------------------
// The two backends agree (only when both are compiled in)
// ---------------------------------------------------------------------------------------------

#[cfg(all(feature = "aws-lc-rs", feature = "rsa"))]
mod agreement {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use crate::backend::aws_lc::AwsLc;
    use crate::backend::rust_crypto::RustCrypto;
    use crate::backend::{Backend, GCM_NONCE_LEN, GCM_TAG_LEN};

    struct Keys<B: Backend> {
        private: B::PrivateKey,
        public: B::PublicKey,
    }

    fn keys<B: Backend>() -> Keys<B> {
        Keys {
            private: B::private_key_from_pkcs8(&super::go_key_pkcs8())
                .unwrap_or_else(|_| panic!("key refused")),
            public: B::public_key_from_spki(&super::go_cert_spki())
                .unwrap_or_else(|_| panic!("key refused")),
        }
    }

    fn aws() -> &'static Keys<AwsLc> {
        static KEYS: OnceLock<Keys<AwsLc>> = OnceLock::new();
        KEYS.get_or_init(keys::<AwsLc>)
    }

    fn rc() -> &'static Keys<RustCrypto> {
        static KEYS: OnceLock<Keys<RustCrypto>> = OnceLock::new();
        KEYS.get_or_init(keys::<RustCrypto>)
    }

    fn config(cases: u32) -> ProptestConfig {
        ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
    }

    proptest! {
        #![proptest_config(config(24))]

        #[test]
        fn pkcs1_signatures_are_identical(message in prop::collection::vec(any::<u8>(), 0..600)) {
            let by_aws = AwsLc::sign_sha256(&aws().private, &message).unwrap();
            let by_rc = RustCrypto::sign_sha256(&rc().private, &message).unwrap();
            prop_assert_eq!(&by_aws, &by_rc);
            prop_assert!(AwsLc::verify_sha256(&aws().public, &message, &by_rc));
            prop_assert!(RustCrypto::verify_sha256(&rc().public, &message, &by_aws));
        }

        #[test]
        fn a_flipped_signature_bit_is_rejected_by_both(
            message in prop::collection::vec(any::<u8>(), 0..200),
            bit in 0usize..2048,
        ) {
            let mut signature = AwsLc::sign_sha256(&aws().private, &message).unwrap();
            signature[bit / 8] ^= 1 << (bit % 8);
            prop_assert!(!AwsLc::verify_sha256(&aws().public, &message, &signature));
            prop_assert!(!RustCrypto::verify_sha256(&rc().public, &message, &signature));
        }

        #[test]
        fn oaep_ciphertexts_cross_decrypt(plaintext in prop::collection::vec(any::<u8>(), 0..=214)) {
            let by_aws = AwsLc::oaep_encrypt(&aws().public, &plaintext).unwrap();
            let by_rc = RustCrypto::oaep_encrypt(&rc().public, &plaintext).unwrap();
            prop_assert_ne!(&by_aws, &by_rc, "OAEP is randomized");
            prop_assert_eq!(RustCrypto::oaep_decrypt(&rc().private, &by_aws).unwrap(), plaintext.clone());
            prop_assert_eq!(AwsLc::oaep_decrypt(&aws().private, &by_rc).unwrap(), plaintext);
        }
    }

    proptest! {
        #![proptest_config(config(64))]

        #[test]
        fn gcm_seal_by_one_opens_with_the_other(
            key in any::<[u8; 32]>(),
            nonce in any::<[u8; GCM_NONCE_LEN]>(),
            aad in prop::collection::vec(any::<u8>(), 0..64),
            plaintext in prop::collection::vec(any::<u8>(), 0..300),
        ) {
            let by_aws = AwsLc::aes256_gcm_encrypt(&key, &nonce, &aad, &plaintext).unwrap();
            let by_rc = RustCrypto::aes256_gcm_encrypt(&key, &nonce, &aad, &plaintext).unwrap();
            prop_assert_eq!(&by_aws, &by_rc, "GCM is deterministic for a given key and nonce");
            prop_assert_eq!(by_aws.len(), plaintext.len() + GCM_TAG_LEN);
            prop_assert_eq!(RustCrypto::aes256_gcm_decrypt(&key, &nonce, &aad, &by_aws).unwrap(), plaintext.clone());
            prop_assert_eq!(AwsLc::aes256_gcm_decrypt(&key, &nonce, &aad, &by_rc).unwrap(), plaintext);
        }

        #[test]
        fn a_flipped_tag_or_ciphertext_bit_is_rejected_by_both(
            key in any::<[u8; 32]>(),
            nonce in any::<[u8; GCM_NONCE_LEN]>(),
            aad in prop::collection::vec(any::<u8>(), 0..64),
            plaintext in prop::collection::vec(any::<u8>(), 0..300),
            tag_bit in 0usize..(GCM_TAG_LEN * 8),
            any_bit in any::<prop::sample::Index>(),
        ) {
            let sealed = AwsLc::aes256_gcm_encrypt(&key, &nonce, &aad, &plaintext).unwrap();
            let tag_start = sealed.len() - GCM_TAG_LEN;

            let mut bad_tag = sealed.clone();
            bad_tag[tag_start + tag_bit / 8] ^= 1 << (tag_bit % 8);
            prop_assert!(AwsLc::aes256_gcm_decrypt(&key, &nonce, &aad, &bad_tag).is_err());
            prop_assert!(RustCrypto::aes256_gcm_decrypt(&key, &nonce, &aad, &bad_tag).is_err());

            let bit = any_bit.index(sealed.len() * 8);
            let mut bad = sealed;
            bad[bit / 8] ^= 1 << (bit % 8);
            prop_assert!(AwsLc::aes256_gcm_decrypt(&key, &nonce, &aad, &bad).is_err());
            prop_assert!(RustCrypto::aes256_gcm_decrypt(&key, &nonce, &aad, &bad).is_err());
        }
    }
}
