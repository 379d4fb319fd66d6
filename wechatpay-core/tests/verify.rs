//! Verifying responses and notifications with `WechatPayKeys`: the published Go SDK notification,
//! the clock-skew window, every refusal, and the public-key / certificate migration.

mod support;

use std::time::Duration;

use base64::prelude::*;
use http::{HeaderMap, HeaderValue};
use support::{
    GO_CERT_NOT_AFTER, GO_CERT_NOT_BEFORE, GO_CERT_PEM, GO_CERT_SERIAL, GO_KEY_PEM, GO_NOTIFY_BODY,
    GO_NOTIFY_NONCE, GO_NOTIFY_TIMESTAMP, go_notify_headers, go_notify_signature, rsa_2048,
    rsa_2048_other, signature_headers,
};
use wechatpay_apiv3_core::{
    DEFAULT_MAX_SKEW, MerchantPrivateKey, PROBE_PREFIX, PlatformCertificate, SignatureHeaders,
    VerifyError, WechatPayKeys, WechatPayPublicKey, headers, response_message,
};

const PUB_KEY_ID: &str = "PUB_KEY_ID_0114232134912410000000000000";

fn go_certificate() -> PlatformCertificate {
    PlatformCertificate::from_pem(GO_CERT_PEM).unwrap()
}

/// A store holding the Go SDK certificate, its clock pinned at `now`.
fn go_keys_at(now: i64) -> WechatPayKeys {
    WechatPayKeys::new().with_certificate(go_certificate()).with_clock(move || now)
}

/// Headers of a response signed with `key` over `TIMESTAMP\nNONCE\nBODY\n`.
fn signed(key: &MerchantPrivateKey, timestamp: i64, body: &[u8], serial: &str) -> HeaderMap {
    let nonce = "fbd1Qv5kFzRm7xWc2Lh8Jt4Ns0Pg9Ya3";
    let timestamp = timestamp.to_string();
    let signature = key.sign_base64(&response_message(&timestamp, nonce, body)).unwrap();
    signature_headers(&timestamp, nonce, &signature, serial)
}

fn with_header(mut map: HeaderMap, name: &'static str, value: &str) -> HeaderMap {
    map.insert(name, HeaderValue::from_str(value).unwrap());
    map
}

#[test]
fn the_published_notification_verifies() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    assert_eq!(keys.verify(&go_notify_headers(), GO_NOTIFY_BODY), Ok(()));

    let parts = SignatureHeaders {
        timestamp: "1624523846",
        nonce: GO_NOTIFY_NONCE,
        signature: go_notify_signature(),
        serial: GO_CERT_SERIAL,
    };
    assert_eq!(keys.verify_parts(parts, GO_NOTIFY_BODY), Ok(()));
}

#[test]
fn the_response_message_is_timestamp_nonce_body_each_with_a_newline() {
    let mut expected = b"1624523846\nEcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz\n".to_vec();
    expected.extend_from_slice(GO_NOTIFY_BODY);
    expected.push(b'\n');
    assert_eq!(response_message("1624523846", GO_NOTIFY_NONCE, GO_NOTIFY_BODY), expected);
    assert_eq!(response_message("1", "n", b""), b"1\nn\n\n");
    // Checked independently of this crate's verifier:
    let signature = BASE64_STANDARD.decode(go_notify_signature()).unwrap();
    assert!(support::go_key_pair().openssl_verifies(&expected, &signature));
}

#[test]
fn the_skew_limit_is_300_seconds_exclusive_in_both_directions() {
    assert_eq!(DEFAULT_MAX_SKEW, Duration::from_secs(300));
    for delta in [-299, -1, 0, 1, 299] {
        let keys = go_keys_at(GO_NOTIFY_TIMESTAMP + delta);
        assert_eq!(keys.verify(&go_notify_headers(), GO_NOTIFY_BODY), Ok(()), "skew {delta}");
    }
    for delta in [-100_000, -301, -300, 300, 301, 100_000] {
        let keys = go_keys_at(GO_NOTIFY_TIMESTAMP + delta);
        assert_eq!(
            keys.verify(&go_notify_headers(), GO_NOTIFY_BODY),
            Err(VerifyError::TimestampSkew {
                timestamp: GO_NOTIFY_TIMESTAMP,
                skew: delta.unsigned_abs(),
                max_skew: 300
            }),
            "skew {delta}"
        );
    }
}

#[test]
fn the_skew_limit_is_configurable() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP - 59).with_max_skew(Duration::from_secs(60));
    assert_eq!(keys.verify(&go_notify_headers(), GO_NOTIFY_BODY), Ok(()));
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP + 60).with_max_skew(Duration::from_secs(60));
    assert_eq!(
        keys.verify(&go_notify_headers(), GO_NOTIFY_BODY),
        Err(VerifyError::TimestampSkew { timestamp: GO_NOTIFY_TIMESTAMP, skew: 60, max_skew: 60 })
    );
    // A fractional limit rounds up to whole seconds instead of refusing everything.
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP).with_max_skew(Duration::from_millis(500));
    assert_eq!(keys.verify(&go_notify_headers(), GO_NOTIFY_BODY), Ok(()));
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP + 1).with_max_skew(Duration::from_millis(500));
    assert!(keys.verify(&go_notify_headers(), GO_NOTIFY_BODY).is_err());
}

#[test]
fn an_unknown_serial_is_refused() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    let map = with_header(go_notify_headers(), headers::SERIAL, "5157F09EFDC096DE15EBE81A47057A72");
    assert_eq!(
        keys.verify(&map, GO_NOTIFY_BODY),
        Err(VerifyError::UnknownSerial("5157F09EFDC096DE15EBE81A47057A72".into()))
    );
    // A hostile, long serial is shortened before it reaches the error.
    let long = "A".repeat(5000);
    let map = with_header(go_notify_headers(), headers::SERIAL, &long);
    assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::UnknownSerial("A".repeat(64))));
    // An empty store knows no serial at all.
    let empty = WechatPayKeys::new().with_clock(|| GO_NOTIFY_TIMESTAMP);
    assert!(empty.is_empty());
    assert_eq!(
        empty.verify(&go_notify_headers(), GO_NOTIFY_BODY),
        Err(VerifyError::UnknownSerial(GO_CERT_SERIAL.into()))
    );
}

#[test]
fn each_missing_header_is_named() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    for name in [headers::TIMESTAMP, headers::NONCE, headers::SIGNATURE, headers::SERIAL] {
        let mut map = go_notify_headers();
        assert!(map.remove(name).is_some());
        assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::MissingHeader(name)));
    }
    assert_eq!(
        keys.verify(&HeaderMap::new(), GO_NOTIFY_BODY),
        Err(VerifyError::MissingHeader(headers::TIMESTAMP))
    );
}

#[test]
fn header_names_are_case_insensitive() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    let mut map = HeaderMap::new();
    for (name, value) in go_notify_headers().iter() {
        let upper = http::HeaderName::from_bytes(name.as_str().to_uppercase().as_bytes()).unwrap();
        map.insert(upper, value.clone());
    }
    assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Ok(()));
}

#[test]
fn a_non_numeric_timestamp_is_malformed() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    for timestamp in [
        "",
        "abc",
        "16245238a6",
        "-1624523846",
        "+1624523846",
        " 1624523846",
        "1624523846 ",
        "1624523846.0",
        "1.6e9",
        "99999999999999999999999999",
    ] {
        let map = with_header(go_notify_headers(), headers::TIMESTAMP, timestamp);
        assert_eq!(
            keys.verify(&map, GO_NOTIFY_BODY),
            Err(VerifyError::MalformedHeader(headers::TIMESTAMP)),
            "{timestamp:?}"
        );
    }
}

#[test]
fn a_non_ascii_header_is_malformed() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    let mut map = go_notify_headers();
    map.insert(headers::NONCE, HeaderValue::from_bytes("随机串".as_bytes()).unwrap());
    assert_eq!(
        keys.verify(&map, GO_NOTIFY_BODY),
        Err(VerifyError::MalformedHeader(headers::NONCE))
    );
}

#[test]
fn a_signature_that_is_not_base64_is_refused() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    let unpadded = go_notify_signature().trim_end_matches('=');
    let url_safe = go_notify_signature().replace('/', "_").replace('+', "-");
    assert_ne!(url_safe, go_notify_signature(), "the vector has a / or +");
    for signature in ["not base64!", "%%%%", unpadded, url_safe.as_str()] {
        let map = with_header(go_notify_headers(), headers::SIGNATURE, signature);
        assert_eq!(
            keys.verify(&map, GO_NOTIFY_BODY),
            Err(VerifyError::SignatureNotBase64),
            "{signature:?}"
        );
    }
}

#[test]
fn a_flipped_signature_bit_is_a_bad_signature() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    let signature = BASE64_STANDARD.decode(go_notify_signature()).unwrap();
    for bit in [0, 7, 1000, 2047] {
        let mut flipped = signature.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let map =
            with_header(go_notify_headers(), headers::SIGNATURE, &BASE64_STANDARD.encode(flipped));
        assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::BadSignature), "bit {bit}");
    }
    // Truncated and empty signatures too.
    for bad in [&signature[..255], &signature[..0]] {
        let map =
            with_header(go_notify_headers(), headers::SIGNATURE, &BASE64_STANDARD.encode(bad));
        assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::BadSignature));
    }
}

#[test]
fn any_change_to_the_signed_content_is_a_bad_signature() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    for index in [0, 100, GO_NOTIFY_BODY.len() - 1] {
        let mut body = GO_NOTIFY_BODY.to_vec();
        body[index] ^= 0x01;
        assert_eq!(keys.verify(&go_notify_headers(), &body), Err(VerifyError::BadSignature));
    }
    let mut longer = GO_NOTIFY_BODY.to_vec();
    longer.push(b'\n');
    assert_eq!(keys.verify(&go_notify_headers(), &longer), Err(VerifyError::BadSignature));
    assert_eq!(keys.verify(&go_notify_headers(), b""), Err(VerifyError::BadSignature));

    let map = with_header(go_notify_headers(), headers::NONCE, "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBZ");
    assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::BadSignature));
    let map = with_header(go_notify_headers(), headers::TIMESTAMP, "1624523847");
    assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::BadSignature));
}

#[test]
fn the_signature_probe_is_recognised() {
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP);
    assert_eq!(PROBE_PREFIX, "WECHATPAY/SIGNTEST/");
    for probe in
        ["WECHATPAY/SIGNTEST/", "WECHATPAY/SIGNTEST/tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tu=="]
    {
        let map = with_header(go_notify_headers(), headers::SIGNATURE, probe);
        assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::SignatureProbe));
    }
}

#[test]
fn when_several_checks_fail_the_first_in_order_is_reported() {
    // Ten minutes late: the published notification is genuine but stale.
    let keys = go_keys_at(GO_NOTIFY_TIMESTAMP + 600);
    let stale =
        VerifyError::TimestampSkew { timestamp: GO_NOTIFY_TIMESTAMP, skew: 600, max_skew: 300 };
    assert_eq!(keys.verify(&go_notify_headers(), GO_NOTIFY_BODY), Err(stale));

    // Forged and stale: the signature is checked before the clock window.
    let mut forged = GO_NOTIFY_BODY.to_vec();
    forged[0] ^= 0x01;
    assert_eq!(keys.verify(&go_notify_headers(), &forged), Err(VerifyError::BadSignature));
    let map = with_header(go_notify_headers(), headers::SIGNATURE, "not base64!");
    assert_eq!(keys.verify(&map, GO_NOTIFY_BODY), Err(VerifyError::SignatureNotBase64));
    let map = with_header(go_notify_headers(), headers::SERIAL, "5157F09EFDC096DE15EBE81A47057A72");
    assert_eq!(
        keys.verify(&map, GO_NOTIFY_BODY),
        Err(VerifyError::UnknownSerial("5157F09EFDC096DE15EBE81A47057A72".into()))
    );

    // The probe is named before anything else, a malformed timestamp included.
    let probe = with_header(go_notify_headers(), headers::SIGNATURE, "WECHATPAY/SIGNTEST/c2ln");
    assert_eq!(keys.verify(&probe, GO_NOTIFY_BODY), Err(VerifyError::SignatureProbe));
    let probe = with_header(probe, headers::TIMESTAMP, "soon");
    assert_eq!(keys.verify(&probe, GO_NOTIFY_BODY), Err(VerifyError::SignatureProbe));

    // A malformed timestamp comes before the key and the signature.
    let map = with_header(go_notify_headers(), headers::TIMESTAMP, "soon");
    let map = with_header(map, headers::SERIAL, "5157F09EFDC096DE15EBE81A47057A72");
    assert_eq!(keys.verify(&map, &forged), Err(VerifyError::MalformedHeader(headers::TIMESTAMP)));
}

#[test]
fn an_expired_certificate_is_refused() {
    // The Go SDK certificate in 2032, with a response signed by its key at that time.
    let key = MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap();
    let in_2032 = 1_956_528_000; // 2032-01-01
    let map = signed(&key, in_2032, b"{}", GO_CERT_SERIAL);
    assert_eq!(
        go_keys_at(in_2032).verify(&map, b"{}"),
        Err(VerifyError::CertificateNotValid { serial: GO_CERT_SERIAL.into() })
    );
    // One second after notAfter, and at notAfter itself.
    let map = signed(&key, GO_CERT_NOT_AFTER + 1, b"{}", GO_CERT_SERIAL);
    assert_eq!(
        go_keys_at(GO_CERT_NOT_AFTER + 1).verify(&map, b"{}"),
        Err(VerifyError::CertificateNotValid { serial: GO_CERT_SERIAL.into() })
    );
    let map = signed(&key, GO_CERT_NOT_AFTER, b"{}", GO_CERT_SERIAL);
    assert_eq!(go_keys_at(GO_CERT_NOT_AFTER).verify(&map, b"{}"), Ok(()));
}

#[test]
fn a_certificate_not_yet_valid_is_refused() {
    let key = MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap();
    let before = GO_CERT_NOT_BEFORE - 1;
    let map = signed(&key, before, b"{}", GO_CERT_SERIAL);
    assert_eq!(
        go_keys_at(before).verify(&map, b"{}"),
        Err(VerifyError::CertificateNotValid { serial: GO_CERT_SERIAL.into() })
    );
}

#[test]
fn a_one_day_openssl_certificate_expires() {
    let pair = rsa_2048();
    let pem = pair.self_signed_certificate("0x5A5A", 1);
    let cert = PlatformCertificate::from_pem(&pem).unwrap();
    let not_before =
        cert.not_before().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let key = MerchantPrivateKey::from_pem(&pair.private_pem).unwrap();
    let keys_at = |now: i64| {
        WechatPayKeys::new()
            .with_certificate(PlatformCertificate::from_pem(&pem).unwrap())
            .with_clock(move || now)
    };
    let inside = not_before + 3600;
    assert_eq!(keys_at(inside).verify(&signed(&key, inside, b"ok", "5A5A"), b"ok"), Ok(()));
    let two_days_later = not_before + 2 * 86_400;
    assert_eq!(
        keys_at(two_days_later).verify(&signed(&key, two_days_later, b"ok", "5A5A"), b"ok"),
        Err(VerifyError::CertificateNotValid { serial: "5A5A".into() })
    );
}

#[test]
fn during_a_migration_either_key_verifies_under_its_own_serial() {
    let now = 1_750_000_000; // inside the Go SDK certificate's validity
    let public_pair = rsa_2048();
    let keys = WechatPayKeys::new()
        .with_public_key(WechatPayPublicKey::from_pem(PUB_KEY_ID, &public_pair.public_pem).unwrap())
        .with_certificate(go_certificate())
        .with_clock(move || now);
    assert!(!keys.is_empty());

    let by_public_key = MerchantPrivateKey::from_pem(&public_pair.private_pem).unwrap();
    let by_certificate_key = MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap();
    let body = br#"{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}"#;

    let new_style = signed(&by_public_key, now, body, PUB_KEY_ID);
    let old_style = signed(&by_certificate_key, now, body, GO_CERT_SERIAL);
    assert_eq!(keys.verify(&new_style, body), Ok(()));
    assert_eq!(keys.verify(&old_style, body), Ok(()));

    // A signature is checked with the key its serial names, not with any key that fits.
    let crossed = signed(&by_public_key, now, body, GO_CERT_SERIAL);
    assert_eq!(keys.verify(&crossed, body), Err(VerifyError::BadSignature));
    let crossed = signed(&by_certificate_key, now, body, PUB_KEY_ID);
    assert_eq!(keys.verify(&crossed, body), Err(VerifyError::BadSignature));

    // The public key has no validity window: it still verifies when the certificate has expired.
    let later = 2_000_000_000;
    let keys = keys.with_clock(move || later);
    assert_eq!(keys.verify(&signed(&by_public_key, later, body, PUB_KEY_ID), body), Ok(()));
    assert_eq!(
        keys.verify(&signed(&by_certificate_key, later, body, GO_CERT_SERIAL), body),
        Err(VerifyError::CertificateNotValid { serial: GO_CERT_SERIAL.into() })
    );
}

#[test]
fn a_public_key_added_again_under_the_same_id_replaces_the_old_one() {
    let now = 1_750_000_000;
    let old = rsa_2048();
    let new = rsa_2048_other();
    let keys = WechatPayKeys::new()
        .with_public_key(WechatPayPublicKey::from_pem(PUB_KEY_ID, &old.public_pem).unwrap())
        .with_public_key(WechatPayPublicKey::from_pem(PUB_KEY_ID, &new.public_pem).unwrap())
        .with_clock(move || now);
    let old_key = MerchantPrivateKey::from_pem(&old.private_pem).unwrap();
    let new_key = MerchantPrivateKey::from_pem(&new.private_pem).unwrap();
    assert_eq!(keys.verify(&signed(&new_key, now, b"{}", PUB_KEY_ID), b"{}"), Ok(()));
    assert_eq!(
        keys.verify(&signed(&old_key, now, b"{}", PUB_KEY_ID), b"{}"),
        Err(VerifyError::BadSignature)
    );
}
