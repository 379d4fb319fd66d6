//! AES-256-GCM with the APIv3 key: the published vectors and every refusal.

mod support;

use base64::prelude::*;
use proptest::prelude::*;
use support::gcm_vectors;
use wechatpay_apiv3_core::{ApiV3Key, CryptoError, KeyError};

const KEY: &str = "0123456789abcdef0123456789abcdef";

fn key() -> ApiV3Key {
    ApiV3Key::new(KEY).unwrap()
}

#[test]
fn the_published_12_byte_nonce_vector() {
    let vectors = gcm_vectors();
    let vector = vectors[0];
    assert_eq!(vector.nonce.len(), 12);
    let key = ApiV3Key::new(vector.key).unwrap();
    assert_eq!(key.decrypt(vector.nonce, vector.aad, vector.ciphertext).unwrap(), b"hello");
    assert_eq!(vector.plaintext, "hello");
    assert_eq!(
        key.encrypt(vector.nonce, vector.aad, vector.plaintext.as_bytes()).unwrap(),
        vector.ciphertext
    );
}

#[test]
fn the_16_byte_nonce_vectors_are_refused_by_policy() {
    let vectors = gcm_vectors();
    for vector in &vectors[1..] {
        assert_eq!(vector.nonce.len(), 16);
        let key = ApiV3Key::new(vector.key).unwrap();
        assert_eq!(
            key.decrypt(vector.nonce, vector.aad, vector.ciphertext).unwrap_err(),
            CryptoError::AeadNonceLength { len: 16 }
        );
        assert_eq!(
            key.encrypt(vector.nonce, vector.aad, vector.plaintext.as_bytes()).unwrap_err(),
            CryptoError::AeadNonceLength { len: 16 }
        );
    }
    for nonce in ["", "0123456789a", "0123456789abc", "随机数随机"] {
        assert_eq!(
            key().decrypt(nonce, "", "8cyLViyNtc/bBmbxDwyAVLDTpT+o").unwrap_err(),
            CryptoError::AeadNonceLength { len: nonce.len() }
        );
    }
}

#[test]
fn only_32_byte_keys_are_accepted() {
    for bad in [
        "",
        "0123456789abcdef0123456789abcde",   // 31
        "0123456789abcdef0123456789abcdef0", // 33
        "0123456789abcdef0123456789abcdef\n",
        "é0123456789abcdef0123456789abcd", // 32 bytes, not ASCII
    ] {
        assert_eq!(ApiV3Key::new(bad).unwrap_err(), KeyError::InvalidApiV3Key { len: bad.len() });
    }
    assert_eq!(
        ApiV3Key::new("0123456789abcdef0123456789abcde").unwrap_err(),
        KeyError::InvalidApiV3Key { len: 31 }
    );
    assert_eq!(
        ApiV3Key::new("0123456789abcdef0123456789abcdef0").unwrap_err(),
        KeyError::InvalidApiV3Key { len: 33 }
    );
}

#[test]
fn the_go_sdk_16_byte_key_is_refused_at_construction() {
    // The Go SDK's notification resource is encrypted with this AES-128 key; WeChat Pay issues
    // 32-byte APIv3 keys, so this crate refuses it up front rather than at decryption.
    assert_eq!(
        ApiV3Key::new("testMchAPIv3Key0").unwrap_err(),
        KeyError::InvalidApiV3Key { len: 16 }
    );
    let body = std::str::from_utf8(support::GO_NOTIFY_BODY).unwrap();
    assert!(body.contains(r#""nonce":"Kj7QIyUiYx1q""#));
}

#[test]
fn wrong_key_aad_or_ciphertext_fails_authentication() {
    let vector = gcm_vectors()[0];
    let wrong_key = ApiV3Key::new("0123456789abcdef0123456789abcdeF").unwrap();
    assert_eq!(
        wrong_key.decrypt(vector.nonce, vector.aad, vector.ciphertext).unwrap_err(),
        CryptoError::AeadAuthentication
    );
    for aad in ["", "World", "world ", "worl"] {
        assert_eq!(
            key().decrypt(vector.nonce, aad, vector.ciphertext).unwrap_err(),
            CryptoError::AeadAuthentication
        );
    }
    assert_eq!(
        key().decrypt("0123456789aB", vector.aad, vector.ciphertext).unwrap_err(),
        CryptoError::AeadAuthentication
    );
    let sealed = BASE64_STANDARD.decode(vector.ciphertext).unwrap();
    for bit in 0..sealed.len() * 8 {
        let mut flipped = sealed.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        assert_eq!(
            key().decrypt(vector.nonce, vector.aad, &BASE64_STANDARD.encode(&flipped)).unwrap_err(),
            CryptoError::AeadAuthentication,
            "bit {bit}"
        );
    }
}

#[test]
fn bad_base64_is_reported_as_such() {
    for ciphertext in ["not base64!", "8cyLViyNtc/bBmbxDwyAVLDTpT+", "8cyLViyNtc_bBmbxDwyAVLDTpT-o"]
    {
        assert_eq!(
            key().decrypt("0123456789ab", "world", ciphertext).unwrap_err(),
            CryptoError::Base64 { what: "AES-GCM ciphertext" },
            "{ciphertext:?}"
        );
    }
}

#[test]
fn a_ciphertext_shorter_than_the_tag_fails_authentication_without_panic() {
    for len in [0usize, 1, 15, 16] {
        let ciphertext = BASE64_STANDARD.encode(vec![0xA5; len]);
        assert_eq!(
            key().decrypt("0123456789ab", "world", &ciphertext).unwrap_err(),
            CryptoError::AeadAuthentication,
            "{len} bytes"
        );
    }
}

#[test]
fn an_empty_plaintext_round_trips() {
    let sealed = key().encrypt("0123456789ab", "", b"").unwrap();
    assert_eq!(BASE64_STANDARD.decode(&sealed).unwrap().len(), 16);
    assert_eq!(key().decrypt("0123456789ab", "", &sealed).unwrap(), b"");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn encrypt_then_decrypt_round_trips(
        key in "[0-9A-Za-z]{32}",
        nonce in "[0-9A-Za-z]{12}",
        aad in "[a-z_]{0,20}",
        plaintext in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let key = ApiV3Key::new(&key).unwrap();
        let sealed = key.encrypt(&nonce, &aad, &plaintext).unwrap();
        prop_assert_eq!(BASE64_STANDARD.decode(&sealed).unwrap().len(), plaintext.len() + 16);
        prop_assert_eq!(key.decrypt(&nonce, &aad, &sealed).unwrap(), plaintext);
    }
}
