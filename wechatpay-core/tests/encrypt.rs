//! Sensitive-field encryption: which key `WechatPayKeys::encryptor()` picks, ciphertexts that
//! the merchant key and openssl decrypt, and batches encrypted on every core.

mod support;

use std::time::UNIX_EPOCH;

use base64::prelude::*;
use support::{
    GO_CERT_NOT_AFTER, GO_CERT_NOT_BEFORE, GO_CERT_PEM, GO_CERT_SERIAL, GO_KEY_PEM, go_key_pair,
    rsa_2048, rsa_2048_other,
};
use wechatpay_apiv3_core::request::{Checker, EncryptFields, EncryptValue};
use wechatpay_apiv3_core::{
    CryptoError, FieldEncryptor, MerchantPrivateKey, PlatformCertificate, RsaPublicKey, Sensitive,
    Validate, WechatPayKeys, WechatPayPublicKey,
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

/// A record as `#[derive(WechatRecord)]` writes it (the derive is the facade's): two encrypted
/// fields, a plain one and a nested batch.
struct Person {
    position: usize,
    cert_no: Sensitive,
    tel: Option<Sensitive>,
    children: Vec<Child>,
}

struct Child {
    name: Sensitive,
}

impl Validate for Person {
    fn validate_into(&self, _: &mut Checker<'_>) {}
}

impl EncryptFields for Person {
    const HAS_ENCRYPTED_FIELDS: bool = true;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        Ok(Person {
            position: self.position,
            cert_no: self.cert_no.encrypt_value(encryptor)?,
            tel: self.tel.encrypt_value(encryptor)?,
            children: self.children.encrypt_fields(encryptor)?,
        })
    }
}

impl Validate for Child {
    fn validate_into(&self, _: &mut Checker<'_>) {}
}

impl EncryptFields for Child {
    const HAS_ENCRYPTED_FIELDS: bool = true;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        Ok(Child { name: self.name.encrypt_value(encryptor)? })
    }
}

/// 64 people with distinct plaintexts (a batch long enough for every core); every 16th has a
/// batch of 17 children of its own, long enough too, but nested.
fn people() -> Vec<Person> {
    (0..64)
        .map(|i| Person {
            position: i,
            cert_no: format!("33010219900101{i:04}").into(),
            tel: (i % 2 == 0).then(|| format!("1380013{i:04}").into()),
            children: (0..if i % 16 == 0 { 17 } else { 0 })
                .map(|c| Child { name: format!("child {c} of {i}").into() })
                .collect(),
        })
        .collect()
}

fn batch_encryptor() -> FieldEncryptor {
    WechatPayKeys::new()
        .with_public_key(public_key(PUB_KEY_ID, &rsa_2048().public_pem))
        .encryptor()
        .unwrap()
}

#[test]
fn a_large_batch_is_encrypted_with_every_field_of_every_record_in_its_place() {
    let merchant_side = MerchantPrivateKey::from_pem(&rsa_2048().private_pem).unwrap();
    let open = |sealed: &Sensitive| merchant_side.decrypt_field(sealed.expose()).unwrap();
    let people = people();
    let sealed = people.encrypt_fields(&batch_encryptor()).unwrap();
    assert_eq!(sealed.len(), people.len());
    for (person, sealed) in people.iter().zip(&sealed) {
        assert_eq!(sealed.position, person.position);
        assert_ne!(sealed.cert_no.expose(), person.cert_no.expose(), "sealed");
        assert_eq!(open(&sealed.cert_no), person.cert_no.expose(), "#{}", person.position);
        assert_eq!(
            sealed.tel.as_ref().map(open).as_deref(),
            person.tel.as_ref().map(Sensitive::expose)
        );
        let names: Vec<String> = sealed.children.iter().map(|child| open(&child.name)).collect();
        let expected: Vec<&str> = person.children.iter().map(|child| child.name.expose()).collect();
        assert_eq!(names, expected, "#{}", person.position);
    }
}

#[test]
fn a_large_batch_fails_with_the_error_the_sequential_path_returns() {
    let encryptor = batch_encryptor();
    // Too long at these positions (of 64), each by one more byte, so the error tells which one
    // was returned: in both halves, in the last half only, the very last.
    let cases: [&[usize]; 3] = [&[10, 50], &[50, 60, 63], &[63]];
    for failing in cases {
        let mut people = people();
        for (n, &at) in failing.iter().enumerate() {
            people[at].cert_no = "a".repeat(215 + n).into();
        }
        let sequential = people.iter().find_map(|person| person.encrypt_fields(&encryptor).err());
        let expected = CryptoError::PlaintextTooLong { len: 215, max: 214 };
        assert_eq!(sequential.as_ref(), Some(&expected));
        assert_eq!(people.encrypt_fields(&encryptor).err(), Some(expected), "{failing:?}");
    }
    // In the nested batches of #16 and #48.
    let mut people = people();
    people[48].children[3].name = "a".repeat(300).into();
    people[16].children[16].name = "张".repeat(72).into();
    let expected = CryptoError::PlaintextTooLong { len: 216, max: 214 };
    assert_eq!(people.encrypt_fields(&encryptor).err(), Some(expected));
}
