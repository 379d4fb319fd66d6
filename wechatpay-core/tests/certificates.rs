//! Platform certificates: serials exactly as `openssl x509 -serial` prints them, validity windows.

mod support;

use std::time::{Duration, UNIX_EPOCH};

use support::{
    GO_CERT_NOT_AFTER, GO_CERT_NOT_BEFORE, GO_CERT_PEM, GO_CERT_SERIAL, openssl_date_to_unix,
    openssl_x509, rsa_2048,
};
use wechatpay_apiv3_core::{KeyError, PlatformCertificate};

/// The text after `serial=` in `openssl x509 -noout -serial`.
fn openssl_serial(cert_pem: &str) -> String {
    let out = openssl_x509(cert_pem, &["-serial"]);
    out.trim().strip_prefix("serial=").expect("openssl prints serial=…").to_owned()
}

#[test]
fn the_go_sdk_certificate() {
    let cert = PlatformCertificate::from_pem(GO_CERT_PEM).unwrap();
    assert_eq!(cert.serial(), GO_CERT_SERIAL);
    assert_eq!(cert.serial(), openssl_serial(GO_CERT_PEM));
    assert_eq!(cert.key().bits(), 2048);
    assert_eq!(cert.not_before(), UNIX_EPOCH + Duration::from_secs(GO_CERT_NOT_BEFORE as u64));
    assert_eq!(cert.not_after(), UNIX_EPOCH + Duration::from_secs(GO_CERT_NOT_AFTER as u64));
    // Both ends are included.
    assert!(!cert.is_valid_at(GO_CERT_NOT_BEFORE - 1));
    assert!(cert.is_valid_at(GO_CERT_NOT_BEFORE));
    assert!(cert.is_valid_at(support::GO_NOTIFY_TIMESTAMP));
    assert!(cert.is_valid_at(GO_CERT_NOT_AFTER));
    assert!(!cert.is_valid_at(GO_CERT_NOT_AFTER + 1));
    assert!(!cert.is_valid_at(0));
    assert!(!cert.is_valid_at(i64::MIN));
    assert!(!cert.is_valid_at(i64::MAX));
}

#[test]
fn the_go_sdk_validity_matches_openssl() {
    let dates = openssl_x509(GO_CERT_PEM, &["-startdate", "-enddate"]);
    let mut lines = dates.lines();
    let start = lines.next().unwrap().strip_prefix("notBefore=").unwrap();
    let end = lines.next().unwrap().strip_prefix("notAfter=").unwrap();
    assert_eq!(openssl_date_to_unix(start), GO_CERT_NOT_BEFORE);
    assert_eq!(openssl_date_to_unix(end), GO_CERT_NOT_AFTER);
}

#[test]
fn serials_match_openssl_including_a_set_top_bit() {
    let serials = [
        "0xD7CE59D1F522D701", // top bit set: DER adds a leading 00
        "0x80",
        "0xFF",
        "0x00FF",
        "0x7F",
        "0x0100",
        "1",
        "0",
        "1234567890",
        "0x3775B6A45ACD588826D15E583A95F5DD",
        "0x0123456789ABCDEF0123456789ABCDEF01234567", // 20 bytes
        "0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", // 20 bytes, top bit clear
        "0x8123456789ABCDEF0123456789ABCDEF01234567", // 20 bytes, top bit set: 21 in DER
    ];
    let key = rsa_2048();
    for serial in serials {
        let pem = key.self_signed_certificate(serial, 30);
        let cert = PlatformCertificate::from_pem(&pem)
            .unwrap_or_else(|err| panic!("serial {serial}: {err}"));
        let expected = openssl_serial(&pem);
        assert_eq!(cert.serial(), expected, "serial {serial}");
        assert!(cert.serial().bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()));
    }
    // Spot-check the expectations themselves.
    let pem = key.self_signed_certificate("0xD7CE59D1F522D701", 30);
    assert_eq!(PlatformCertificate::from_pem(&pem).unwrap().serial(), "D7CE59D1F522D701");
    let pem = key.self_signed_certificate("0x80", 30);
    assert_eq!(PlatformCertificate::from_pem(&pem).unwrap().serial(), "80");
}

#[test]
fn a_negative_serial_is_refused() {
    // openssl 3 writes a negative serial when asked to; RFC 5280 forbids it.
    let pem = rsa_2048().self_signed_certificate("-5", 30);
    assert_eq!(openssl_serial(&pem), "-05");
    assert!(matches!(
        PlatformCertificate::from_pem(&pem).unwrap_err(),
        KeyError::Malformed { what: "platform certificate", .. }
    ));
}

#[test]
fn the_validity_window_of_a_generated_certificate_matches_openssl() {
    let pem = rsa_2048().self_signed_certificate("0x1234", 10);
    let cert = PlatformCertificate::from_pem(&pem).unwrap();
    let dates = openssl_x509(&pem, &["-startdate", "-enddate"]);
    let mut lines = dates.lines();
    let start = openssl_date_to_unix(lines.next().unwrap().strip_prefix("notBefore=").unwrap());
    let end = openssl_date_to_unix(lines.next().unwrap().strip_prefix("notAfter=").unwrap());
    assert_eq!(end - start, 10 * 86_400);
    assert_eq!(cert.not_before(), UNIX_EPOCH + Duration::from_secs(start as u64));
    assert_eq!(cert.not_after(), UNIX_EPOCH + Duration::from_secs(end as u64));
    assert!(!cert.is_valid_at(start - 1));
    assert!(cert.is_valid_at(start));
    assert!(cert.is_valid_at(end));
    assert!(!cert.is_valid_at(end + 1));
}

#[test]
fn fixed_validity_windows_including_generalized_time_after_2049() {
    let key = rsa_2048();
    // UTCTime on both ends.
    let pem = key.certificate_with_validity("0100", "20200101000000Z", "20400101000000Z");
    let cert = PlatformCertificate::from_pem(&pem).unwrap();
    assert_eq!(cert.serial(), "0100");
    assert_eq!(cert.serial(), openssl_serial(&pem));
    assert_eq!(cert.not_before(), UNIX_EPOCH + Duration::from_secs(1_577_836_800));
    assert_eq!(cert.not_after(), UNIX_EPOCH + Duration::from_secs(2_208_988_800));
    // From 2050 on, X.509 switches to GeneralizedTime.
    let pem = key.certificate_with_validity("0101", "20200101000000Z", "20600101000000Z");
    let cert = PlatformCertificate::from_pem(&pem).unwrap();
    assert_eq!(cert.not_after(), UNIX_EPOCH + Duration::from_secs(2_840_140_800));
    assert!(cert.is_valid_at(2_840_140_800));
    assert!(!cert.is_valid_at(2_840_140_801));
    let end = openssl_x509(&pem, &["-enddate"]);
    assert_eq!(openssl_date_to_unix(end.trim().strip_prefix("notAfter=").unwrap()), 2_840_140_800);
}

#[test]
fn the_first_certificate_of_a_chain_is_taken() {
    let other = rsa_2048().self_signed_certificate("0x42", 30);
    let chain = format!("{GO_CERT_PEM}{other}");
    assert_eq!(PlatformCertificate::from_pem(&chain).unwrap().serial(), GO_CERT_SERIAL);
    let chain = format!("{other}{GO_CERT_PEM}");
    assert_eq!(PlatformCertificate::from_pem(&chain).unwrap().serial(), "42");
}

#[test]
fn a_certificate_with_a_short_key_is_refused() {
    let short = support::RsaKeyPair::generate(1024);
    let pem = short.self_signed_certificate("0x01", 30);
    assert_eq!(
        PlatformCertificate::from_pem(&pem).unwrap_err(),
        KeyError::TooShort { what: "platform certificate", bits: 1024 }
    );
}

#[test]
fn der_and_pem_agree() {
    let body: String = support::pem_body_lines(GO_CERT_PEM).concat();
    let der = base64::Engine::decode(&base64::prelude::BASE64_STANDARD, body).unwrap();
    let from_der = PlatformCertificate::from_der(&der).unwrap();
    assert_eq!(from_der.serial(), GO_CERT_SERIAL);
    assert_eq!(
        from_der.not_after(),
        PlatformCertificate::from_pem(GO_CERT_PEM).unwrap().not_after()
    );
    // Truncated DER is malformed, never a panic.
    for len in [0, 1, 10, der.len() / 2, der.len() - 1] {
        assert!(matches!(
            PlatformCertificate::from_der(&der[..len]).unwrap_err(),
            KeyError::Malformed { what: "platform certificate", .. }
        ));
    }
}
