//! Sensitive-field encryption: which key `WechatPayKeys::encryptor()` picks, and ciphertexts that
//! the merchant key and openssl decrypt.

mod support;

use std::time::UNIX_EPOCH;

use base64::prelude::*;
use support::{
    GO_CERT_NOT_AFTER, GO_CERT_NOT_BEFORE, GO_CERT_PEM, GO_CERT_SERIAL, GO_KEY_PEM, go_key_pair,
    rsa_2048, rsa_2048_other,
};
use wechatpay_apiv3_core::{
    CryptoError, MerchantPrivateKey, PlatformCertificate, RsaPublicKey, WechatPayKeys,
    WechatPayPublicKey,
};

const PUB_KEY_ID: &str = "PUB_KEY_ID_0114232134912410000000000000";
const OTHER_PUB_KEY_ID: &str = "PUB_KEY_ID_0114232134912410000000000001";
/// Inside the Go SDK certificate's validity.
const NOW: i64 = 1_750_000_000;

fn go_certificate() -> PlatformCertificate {
    PlatformCertificate::from_pem(GO_CERT_PEM).unwrap()
}

fn public_key(id: &str, pem: &str) -> WechatPayPublicKey {
    WechatPayPublicKey::from_pem(id, pem).unwrap()
}

fn unix(time: std::time::SystemTime) -> i64 {
    time.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

#[test]
fn the_public_key_is_preferred_to_certificates() {
    let pair = rsa_2048();
    let stores = [
        WechatPayKeys::new()
            .with_certificate(go_certificate())
            .with_public_key(public_key(PUB_KEY_ID, &pair.public_pem)),
        WechatPayKeys::new()
            .with_public_key(public_key(PUB_KEY_ID, &pair.public_pem))
            .with_certificate(go_certificate()),
    ];
    let merchant_side = MerchantPrivateKey::from_pem(&pair.private_pem).unwrap();
    let go_side = MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap();
    for keys in stores {
        let encryptor = keys.with_clock(|| NOW).encryptor().unwrap();
        assert_eq!(encryptor.serial(), PUB_KEY_ID);
        let ciphertext = encryptor.encrypt("330102199001011234").unwrap();
        assert_eq!(merchant_side.decrypt_field(&ciphertext).unwrap(), "330102199001011234");
        assert_eq!(go_side.decrypt_field(&ciphertext), Err(CryptoError::OaepDecryption));
        let raw = BASE64_STANDARD.decode(&ciphertext).unwrap();
        assert_eq!(raw.len(), 256);
        assert_eq!(pair.openssl_oaep_decrypt(&raw), b"330102199001011234");
    }
}

#[test]
fn the_last_public_key_added_is_used() {
    let keys = WechatPayKeys::new()
        .with_public_key(public_key(PUB_KEY_ID, &rsa_2048().public_pem))
        .with_public_key(public_key(OTHER_PUB_KEY_ID, &rsa_2048_other().public_pem));
    let encryptor = keys.encryptor().unwrap();
    assert_eq!(encryptor.serial(), OTHER_PUB_KEY_ID);
    let ciphertext = encryptor.encrypt("张三").unwrap();
    let other = MerchantPrivateKey::from_pem(&rsa_2048_other().private_pem).unwrap();
    assert_eq!(other.decrypt_field(&ciphertext).unwrap(), "张三");
}

#[test]
fn without_a_public_key_the_valid_certificate_issued_last_is_used() {
    let pair = rsa_2048();
    // Issued after the Go SDK certificate (2021-04-27), both valid on 2025-06-01.
    let newer_pem =
        pair.certificate_with_validity("0ABCDEF0", "20230101000000Z", "20330101000000Z");
    let newer = PlatformCertificate::from_pem(&newer_pem).unwrap();
    assert_eq!(unix(newer.not_before()), 1_672_531_200);
    let now = 1_748_736_000; // 2025-06-01
    assert!(newer.is_valid_at(now) && go_certificate().is_valid_at(now));
    let orders = [
        WechatPayKeys::new()
            .with_certificate(go_certificate())
            .with_certificate(PlatformCertificate::from_pem(&newer_pem).unwrap()),
        WechatPayKeys::new()
            .with_certificate(PlatformCertificate::from_pem(&newer_pem).unwrap())
            .with_certificate(go_certificate()),
    ];
    let merchant_side = MerchantPrivateKey::from_pem(&pair.private_pem).unwrap();
    for keys in orders {
        let encryptor = keys.with_clock(move || now).encryptor().unwrap();
        assert_eq!(encryptor.serial(), "0ABCDEF0");
        assert_eq!(encryptor.serial(), newer.serial());
        let ciphertext = encryptor.encrypt("13800138000").unwrap();
        assert_eq!(merchant_side.decrypt_field(&ciphertext).unwrap(), "13800138000");
        let raw = BASE64_STANDARD.decode(&ciphertext).unwrap();
        assert_eq!(pair.openssl_oaep_decrypt(&raw), b"13800138000");
    }
    // Before the newer one starts, the Go SDK certificate is the only valid one.
    let keys = WechatPayKeys::new()
        .with_certificate(go_certificate())
        .with_certificate(newer)
        .with_clock(|| 1_672_531_199);
    assert_eq!(keys.encryptor().unwrap().serial(), GO_CERT_SERIAL);
}

#[test]
fn a_freshly_generated_certificate_is_used_when_valid() {
    // `openssl req -x509 -days 30`: valid from now on. At a clock inside its window it is the
    // certificate issued last (the Go SDK one is older, and expired after 2031).
    let pair = rsa_2048();
    let fresh = PlatformCertificate::from_pem(&pair.self_signed_certificate("0x0F0E", 30)).unwrap();
    let now = unix(fresh.not_before()) + 60;
    let keys = WechatPayKeys::new()
        .with_certificate(fresh)
        .with_certificate(go_certificate())
        .with_clock(move || now);
    let encryptor = keys.encryptor().unwrap();
    assert_eq!(encryptor.serial(), "0F0E");
    let merchant_side = MerchantPrivateKey::from_pem(&pair.private_pem).unwrap();
    assert_eq!(merchant_side.decrypt_field(&encryptor.encrypt("x").unwrap()).unwrap(), "x");
}

#[test]
fn an_expired_newer_certificate_is_passed_over() {
    let pem = rsa_2048().certificate_with_validity("77", "20240101000000Z", "20240102000000Z");
    let newer = PlatformCertificate::from_pem(&pem).unwrap();
    let now = 1_748_736_000; // 2025-06-01: the newer one expired; the Go SDK one is valid
    assert!(!newer.is_valid_at(now));
    let keys = WechatPayKeys::new()
        .with_certificate(go_certificate())
        .with_certificate(newer)
        .with_clock(move || now);
    let encryptor = keys.encryptor().unwrap();
    assert_eq!(encryptor.serial(), GO_CERT_SERIAL);
    let ciphertext = encryptor.encrypt("hello").unwrap();
    let go_side = MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap();
    assert_eq!(go_side.decrypt_field(&ciphertext).unwrap(), "hello");
    let raw = BASE64_STANDARD.decode(&ciphertext).unwrap();
    assert_eq!(go_key_pair().openssl_oaep_decrypt(&raw), b"hello");
}

#[test]
fn no_usable_key_fails_closed() {
    assert_eq!(WechatPayKeys::new().encryptor().unwrap_err(), CryptoError::NoEncryptionKey);
    for now in [GO_CERT_NOT_AFTER + 1, 1_956_528_000, GO_CERT_NOT_BEFORE - 1] {
        let keys = WechatPayKeys::new().with_certificate(go_certificate()).with_clock(move || now);
        assert_eq!(keys.encryptor().unwrap_err(), CryptoError::NoEncryptionKey, "at {now}");
    }
    // At the very ends of the window the certificate is still valid.
    for now in [GO_CERT_NOT_BEFORE, GO_CERT_NOT_AFTER] {
        let keys = WechatPayKeys::new().with_certificate(go_certificate()).with_clock(move || now);
        assert_eq!(keys.encryptor().unwrap().serial(), GO_CERT_SERIAL);
    }
}

#[test]
fn the_plaintext_limit_is_214_bytes_for_2048_bits() {
    let encryptor = WechatPayKeys::new()
        .with_public_key(public_key(PUB_KEY_ID, &rsa_2048().public_pem))
        .encryptor()
        .unwrap();
    let merchant_side = MerchantPrivateKey::from_pem(&rsa_2048().private_pem).unwrap();

    let max = "a".repeat(214);
    assert_eq!(merchant_side.decrypt_field(&encryptor.encrypt(&max).unwrap()).unwrap(), max);
    assert_eq!(
        encryptor.encrypt(&"a".repeat(215)).unwrap_err(),
        CryptoError::PlaintextTooLong { len: 215, max: 214 }
    );
    // The limit is in bytes, not characters: 张 is three bytes in UTF-8.
    let chinese_max = format!("{}a", "张".repeat(71));
    assert_eq!(chinese_max.len(), 214);
    assert_eq!(
        merchant_side.decrypt_field(&encryptor.encrypt(&chinese_max).unwrap()).unwrap(),
        chinese_max
    );
    assert_eq!(
        encryptor.encrypt(&"张".repeat(72)).unwrap_err(),
        CryptoError::PlaintextTooLong { len: 216, max: 214 }
    );
    let public = RsaPublicKey::from_pem(&rsa_2048().public_pem).unwrap();
    assert_eq!(public.max_plaintext_len(), 214);
    assert_eq!(
        public.encrypt_base64(&[0; 215]).unwrap_err(),
        CryptoError::PlaintextTooLong { len: 215, max: 214 }
    );
}

#[test]
fn encryption_is_randomized() {
    let encryptor = WechatPayKeys::new()
        .with_public_key(public_key(PUB_KEY_ID, &rsa_2048().public_pem))
        .encryptor()
        .unwrap();
    let merchant_side = MerchantPrivateKey::from_pem(&rsa_2048().private_pem).unwrap();
    let first = encryptor.encrypt("330102199001011234").unwrap();
    let second = encryptor.encrypt("330102199001011234").unwrap();
    assert_ne!(first, second);
    assert_eq!(merchant_side.decrypt_field(&first).unwrap(), "330102199001011234");
    assert_eq!(merchant_side.decrypt_field(&second).unwrap(), "330102199001011234");
    // The empty string round-trips too.
    assert_eq!(merchant_side.decrypt_field(&encryptor.encrypt("").unwrap()).unwrap(), "");
}

#[test]
fn the_merchant_key_refuses_what_it_cannot_decrypt() {
    let merchant_side = MerchantPrivateKey::from_pem(&rsa_2048().private_pem).unwrap();
    assert_eq!(
        merchant_side.decrypt_field("not base64!").unwrap_err(),
        CryptoError::Base64 { what: "field ciphertext" }
    );
    for raw in [vec![], vec![0u8; 10], vec![0x5Au8; 256], vec![0u8; 257]] {
        assert_eq!(
            merchant_side.decrypt_field(&BASE64_STANDARD.encode(&raw)).unwrap_err(),
            CryptoError::OaepDecryption
        );
    }
    // A ciphertext to another key.
    let go_cipher = support::go_oaep_hello_world();
    assert_eq!(merchant_side.decrypt_field(go_cipher).unwrap_err(), CryptoError::OaepDecryption);
    // Bytes that are not UTF-8.
    let public = RsaPublicKey::from_pem(&rsa_2048().public_pem).unwrap();
    let ciphertext = public.encrypt_base64(&[0xFF, 0xFE, 0x00]).unwrap();
    assert_eq!(
        merchant_side.decrypt_field(&ciphertext).unwrap_err(),
        CryptoError::NotUtf8 { what: "field" }
    );
}
