//! Fuzzing by property tests, on the stable toolchain: nothing that comes from outside (PEM and
//! DER files, identifiers, answer headers and bodies, notification resources, URL values, request
//! lines) may panic; every outcome is an `Ok` or an `Err`.
//!
//! Each test states its case count in its name. Arbitrary inputs find the shallow paths; the
//! mutations of real keys, certificates, signed answers and sealed resources reach the deep ones.
//! Only public, crate-root APIs are used. No failure is persisted (`failure_persistence: None`).

mod support;

use std::sync::OnceLock;
use std::time::Duration;

use base64::prelude::*;
use http::{HeaderMap, HeaderName, HeaderValue};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use support::{
    FixedNonce, GO_CERT_NOT_AFTER, GO_CERT_NOT_BEFORE, GO_CERT_PEM, GO_CERT_SERIAL, GO_KEY_PEM,
    GO_NOTIFY_BODY, GO_NOTIFY_NONCE, GO_NOTIFY_TIMESTAMP, go_notify_signature,
};
use wechatpay_apiv3_core::request::encode_component;
use wechatpay_apiv3_core::{
    ApiV3Key, CryptoError, KeyError, MerchantPrivateKey, MerchantSerial, PROBE_PREFIX,
    PlatformCertificate, PublicKeyId, RsaPublicKey, SCHEME, SignatureHeaders, Signer, VerifyError,
    WechatPayKeys, WechatPayPublicKey, headers, response_message, signing_message,
};
use x509_cert::Certificate;
use x509_cert::der::{Decode, Encode};

/// The ID under which the Go SDK key's public half is configured as a WeChat Pay public key.
const PUB_KEY_ID: &str = "PUB_KEY_ID_0114232134912410000000000000";
/// A time inside the Go SDK certificate's validity window.
const NOW: i64 = 1_700_000_000;
const API_V3_KEY: &str = "0123456789abcdef0123456789abcdef";
const LABELS: [&str; 6] =
    ["PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY", "CERTIFICATE", "ENCRYPTED PRIVATE KEY", "X"];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------------
// Real inputs to mutate
// ---------------------------------------------------------------------------------------------

/// DER of the Go SDK key and certificate, in every form the parsers take.
struct RealDer {
    /// PKCS#8 `PrivateKeyInfo`.
    pkcs8: Vec<u8>,
    /// PKCS#1 `RSAPrivateKey` (the OCTET STRING inside the PKCS#8).
    pkcs1: Vec<u8>,
    /// SubjectPublicKeyInfo of the certificate's key.
    spki: Vec<u8>,
    /// The X.509 certificate.
    cert: Vec<u8>,
}

fn pem_body(pem: &str) -> Vec<u8> {
    let body: String = pem.lines().filter(|line| !line.starts_with("-----")).collect();
    BASE64_STANDARD.decode(body).unwrap()
}

fn real_der() -> &'static RealDer {
    static DER: OnceLock<RealDer> = OnceLock::new();
    DER.get_or_init(|| {
        let pkcs8 = pem_body(GO_KEY_PEM);
        // SEQUENCE(82 LL LL) { INTEGER 0, AlgorithmIdentifier(15 bytes), OCTET STRING(82 LL LL) }
        assert_eq!(&pkcs8[..2], [0x30, 0x82]);
        assert_eq!(&pkcs8[22..24], [0x04, 0x82]);
        let inner_len = usize::from(pkcs8[24]) << 8 | usize::from(pkcs8[25]);
        let pkcs1 = pkcs8[26..26 + inner_len].to_vec();
        assert_eq!(26 + inner_len, pkcs8.len());
        let cert = pem_body(GO_CERT_PEM);
        let spki = Certificate::from_der(&cert)
            .unwrap()
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .unwrap();
        RealDer { pkcs8, pkcs1, spki, cert }
    })
}

/// `der` in PEM armour labelled `label`, base64 in 64-character lines.
fn armour(label: &str, der: &[u8]) -> String {
    let body = BASE64_STANDARD.encode(der);
    let mut pem = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(line).unwrap());
        pem.push('\n');
    }
    pem.push_str(&format!("-----END {label}-----\n"));
    pem
}

fn go_public_pem() -> &'static str {
    static PEM: OnceLock<String> = OnceLock::new();
    PEM.get_or_init(|| armour("PUBLIC KEY", &real_der().spki))
}

fn go_private_key() -> &'static MerchantPrivateKey {
    static KEY: OnceLock<MerchantPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap())
}

fn go_public_key() -> RsaPublicKey {
    RsaPublicKey::from_pem(go_public_pem()).unwrap()
}

/// Both modes at once: the Go SDK key as a public key (`PUB_KEY_ID`) and as a certificate
/// (`GO_CERT_SERIAL`), the clock pinned at `now`.
fn keys_at(now: i64) -> WechatPayKeys {
    static KEYS: OnceLock<WechatPayKeys> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        WechatPayKeys::new()
            .with_public_key(WechatPayPublicKey::from_pem(PUB_KEY_ID, go_public_pem()).unwrap())
            .with_certificate(PlatformCertificate::from_pem(GO_CERT_PEM).unwrap())
    });
    keys.clone().with_clock(move || now)
}

/// Every parser that takes PEM text; none may panic.
fn parse_pem_everywhere(text: &str, id: &str) {
    let _ = MerchantPrivateKey::from_pem(text);
    let _ = RsaPublicKey::from_pem(text);
    let _ = WechatPayPublicKey::from_pem(id, text);
    let _ = WechatPayPublicKey::from_pem(PUB_KEY_ID, text);
    let _ = PlatformCertificate::from_pem(text);
}

/// Every parser that takes DER (directly or armoured under each label). A private key that loads
/// must still sign correctly: a faulty CRT parameter would otherwise leak the factorisation.
fn parse_der_everywhere(der: &[u8]) -> Result<(), TestCaseError> {
    let private_keys = [
        MerchantPrivateKey::from_pkcs8_der(der),
        MerchantPrivateKey::from_pem(&armour("PRIVATE KEY", der)),
        MerchantPrivateKey::from_pem(&armour("RSA PRIVATE KEY", der)),
    ];
    for key in private_keys.into_iter().flatten() {
        let signature = BASE64_STANDARD.decode(key.sign_base64(b"probe").unwrap()).unwrap();
        prop_assert!(
            go_public_key().verify(b"probe", &signature),
            "a damaged key loaded ({} bits) but does not sign as the Go SDK key",
            key.bits()
        );
    }
    let _ = RsaPublicKey::from_pem(&armour("PUBLIC KEY", der));
    let _ = WechatPayPublicKey::from_pem(PUB_KEY_ID, &armour("PUBLIC KEY", der));
    let _ = PlatformCertificate::from_der(der);
    if let Ok(cert) = PlatformCertificate::from_pem(&armour("CERTIFICATE", der)) {
        // Whatever loaded answers every accessor without panicking.
        let _ = (cert.serial(), cert.key().bits(), cert.not_before(), cert.not_after());
        let _ = (cert.is_valid_at(i64::MIN), cert.is_valid_at(i64::MAX), cert.is_valid_at(NOW));
        prop_assert!(!cert.serial().is_empty());
        prop_assert!(
            cert.serial().bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase())
        );
    }
    Ok(())
}

/// One edit of a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    /// Removes `len` bytes from the index on.
    DeleteRange(Index, u8),
    /// Copies `len` bytes from one index to another (DER lengths and tags move around).
    Duplicate(Index, Index, u8),
    Truncate(Index),
}

/// Bytes that matter in DER: lengths (short, long forms, indefinite), tags, sign bits.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => any::<u8>(),
        1 => select(vec![0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0a, 0x0d, 0x17, 0x18, 0x20,
            0x2d, 0x30, 0x31, 0x3d, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x88, 0xa0, 0xa3, 0xff]),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), 1u8..=255).prop_map(|(at, xor)| Mutation::Flip(at, xor)),
        4 => (any::<Index>(), interesting_byte()).prop_map(|(at, b)| Mutation::Set(at, b)),
        2 => (any::<Index>(), interesting_byte()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        1 => (any::<Index>(), 1u8..=64).prop_map(|(at, n)| Mutation::DeleteRange(at, n)),
        1 => (any::<Index>(), any::<Index>(), 1u8..=16)
            .prop_map(|(from, to, n)| Mutation::Duplicate(from, to, n)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len();
        match *mutation {
            _ if len == 0 => {
                if let Mutation::Insert(_, byte) = *mutation {
                    bytes.push(byte);
                }
            }
            Mutation::Flip(at, xor) => bytes[at.index(len)] ^= xor,
            Mutation::Set(at, byte) => bytes[at.index(len)] = byte,
            Mutation::Insert(at, byte) => bytes.insert(at.index(len + 1), byte),
            Mutation::Delete(at) => {
                bytes.remove(at.index(len));
            }
            Mutation::DeleteRange(at, n) => {
                let start = at.index(len);
                let end = (start + usize::from(n)).min(len);
                bytes.drain(start..end);
            }
            Mutation::Duplicate(from, to, n) => {
                let start = from.index(len);
                let end = (start + usize::from(n)).min(len);
                let chunk = bytes[start..end].to_vec();
                let tail = bytes.split_off(to.index(len + 1));
                bytes.extend(chunk);
                bytes.extend(tail);
            }
            Mutation::Truncate(at) => bytes.truncate(at.index(len)),
        }
    }
    bytes
}

/// Text of every kind: printable, any `char` (controls included), and lossy arbitrary bytes.
fn arbitrary_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>().prop_map(move |s| s.chars().take(max).collect()),
        vec(any::<char>(), 0..max).prop_map(|chars| chars.into_iter().collect()),
        vec(any::<u8>(), 0..max).prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        vec(
            select(vec![
                '-', ' ', '\n', '\r', 'A', 'B', 'E', 'G', 'I', 'N', 'D', '=', '+', '/', 'a', '0',
                ':', '\t', '\u{feff}', 'é', '数'
            ]),
            0..max
        )
        .prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// PEM-looking text: armour (sometimes broken) around arbitrary base64-ish or arbitrary bodies.
fn pem_like_text() -> impl Strategy<Value = String> {
    let label =
        prop_oneof![4 => select(LABELS.to_vec()).prop_map(str::to_owned), 1 => arbitrary_text(24)];
    let body = prop_oneof![
        vec(any::<u8>(), 0..600).prop_map(|der| BASE64_STANDARD.encode(der)),
        "[A-Za-z0-9+/=\\n\\r \\t]{0,600}",
        arbitrary_text(200),
    ];
    let end_label = prop_oneof![3 => Just(None), 1 => select(LABELS.to_vec()).prop_map(Some)];
    (label, body, end_label, arbitrary_text(40), arbitrary_text(40), any::<bool>()).prop_map(
        |(label, body, end_label, before, after, headers)| {
            let end = end_label.map_or_else(|| label.clone(), str::to_owned);
            let headers =
                if headers { "Proc-Type: 4,ENC\nDEK-Info: AES-128-CBC,00\n\n" } else { "" };
            format!("{before}-----BEGIN {label}-----\n{headers}{body}\n-----END {end}-----{after}")
        },
    )
}

// ---------------------------------------------------------------------------------------------
// PEM, keys, certificates
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(4096))]

    /// 4096 cases of arbitrary and PEM-shaped text through every PEM parser.
    #[test]
    fn pem_parsing_of_arbitrary_text_never_panics_4096_cases(
        text in prop_oneof![arbitrary_text(400), pem_like_text()],
        id in prop_oneof![arbitrary_text(60), "PUB_KEY_ID_[A-Za-z0-9_]{0,40}"],
    ) {
        parse_pem_everywhere(&text, &id);
    }

    /// 4096 cases of arbitrary bytes as DER, directly and under every PEM label.
    #[test]
    fn der_parsing_of_arbitrary_bytes_never_panics_4096_cases(
        der in prop_oneof![vec(any::<u8>(), 0..700), vec(interesting_byte(), 0..64)],
    ) {
        parse_der_everywhere(&der)?;
        prop_assert!(MerchantPrivateKey::from_pkcs8_der(&der).is_err());
    }
}

proptest! {
    #![proptest_config(config(2048))]

    /// 2048 cases: one to eight edits of the real PKCS#8, PKCS#1, SPKI and certificate DER.
    #[test]
    fn mutated_real_key_and_certificate_der_never_panics_2048_cases(
        which in 0usize..4,
        mutations in vec(mutation(), 1..=8),
    ) {
        let real = real_der();
        let original = [&real.pkcs8, &real.pkcs1, &real.spki, &real.cert][which];
        parse_der_everywhere(&mutate(original.clone(), &mutations))?;
    }

    /// 2048 cases: one to eight edits of the real PEM texts (armour, line breaks and base64
    /// characters alike).
    #[test]
    fn mutated_real_pem_text_never_panics_2048_cases(
        which in 0usize..4,
        mutations in vec(mutation(), 1..=8),
    ) {
        let real = real_der();
        let pem = [GO_KEY_PEM.to_owned(), armour("RSA PRIVATE KEY", &real.pkcs1), go_public_pem().to_owned(), GO_CERT_PEM.to_owned()][which].clone();
        let mutated = mutate(pem.into_bytes(), &mutations);
        parse_pem_everywhere(&String::from_utf8_lossy(&mutated), PUB_KEY_ID);
    }

    /// 2048 cases: one byte of the base64 body of a real PEM replaced by another base64
    /// character, so that the text still decodes and the DER parser gets the damage.
    #[test]
    fn real_pem_with_one_base64_character_replaced_never_panics_2048_cases(
        which in 0usize..4,
        at in any::<Index>(),
        replacement in select(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".to_vec()),
    ) {
        let real = real_der();
        let pem = [GO_KEY_PEM.to_owned(), armour("RSA PRIVATE KEY", &real.pkcs1), go_public_pem().to_owned(), GO_CERT_PEM.to_owned()][which].clone();
        let body_positions: Vec<usize> = {
            let header_end = pem.find('\n').unwrap() + 1;
            let footer_start = pem.rfind("-----END").unwrap();
            (header_end..footer_start).filter(|&i| pem.as_bytes()[i] != b'\n' && pem.as_bytes()[i] != b'=').collect()
        };
        let mut bytes = pem.into_bytes();
        bytes[body_positions[at.index(body_positions.len())]] = replacement;
        parse_pem_everywhere(std::str::from_utf8(&bytes).unwrap(), PUB_KEY_ID);
    }
}

/// Every strict prefix of the real PKCS#8, PKCS#1, SPKI and certificate DER (1217 + 1191 + 294 +
/// 968 or so, about 3700 cases, each under every parser): an `Err`, never a panic.
#[test]
fn every_truncation_of_real_key_and_certificate_der_is_an_err() {
    let real = real_der();
    // The originals load.
    assert!(MerchantPrivateKey::from_pkcs8_der(&real.pkcs8).is_ok());
    assert!(MerchantPrivateKey::from_pem(&armour("RSA PRIVATE KEY", &real.pkcs1)).is_ok());
    assert!(RsaPublicKey::from_pem(&armour("PUBLIC KEY", &real.spki)).is_ok());
    assert_eq!(PlatformCertificate::from_der(&real.cert).unwrap().serial(), GO_CERT_SERIAL);
    let mut cases = 0;
    for original in [&real.pkcs8, &real.pkcs1, &real.spki, &real.cert] {
        for len in 0..original.len() {
            let prefix = &original[..len];
            assert!(MerchantPrivateKey::from_pkcs8_der(prefix).is_err(), "len {len}");
            assert!(MerchantPrivateKey::from_pem(&armour("PRIVATE KEY", prefix)).is_err());
            assert!(MerchantPrivateKey::from_pem(&armour("RSA PRIVATE KEY", prefix)).is_err());
            assert!(RsaPublicKey::from_pem(&armour("PUBLIC KEY", prefix)).is_err());
            assert!(PlatformCertificate::from_der(prefix).is_err());
            cases += 1;
        }
    }
    assert!(cases > 3000, "{cases}");
}

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(4096))]

    /// 4096 cases of arbitrary, hex-like and ID-like text as `MerchantSerial` and `PublicKeyId`.
    #[test]
    fn serial_and_public_key_id_parsing_never_panics_4096_cases(
        text in prop_oneof![
            arbitrary_text(80),
            "[0-9A-Fa-f:\\n ]{0,48}",
            "PUB_KEY_ID_[A-Za-z0-9_\\n é-]{0,48}",
        ],
    ) {
        match text.parse::<MerchantSerial>() {
            Ok(serial) => {
                prop_assert!(!serial.as_str().is_empty() && serial.as_str().len() <= 40);
                prop_assert!(serial.as_str().bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase()));
                prop_assert!(serial.as_str().eq_ignore_ascii_case(&text));
            }
            Err(error) => prop_assert!(matches!(error, KeyError::InvalidSerial { .. }), "{:?}", error),
        }
        match text.parse::<PublicKeyId>() {
            Ok(id) => {
                prop_assert_eq!(id.as_str(), text.as_str());
                prop_assert!(id.as_str().len() > "PUB_KEY_ID_".len());
                prop_assert!(id.as_str().bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
            }
            Err(error) => prop_assert!(matches!(error, KeyError::InvalidPublicKeyId { .. }), "{:?}", error),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Answers: SignatureHeaders and verification
// ---------------------------------------------------------------------------------------------

const NONCE: &str = "fbd1Qv5kFzRm7xWc2Lh8Jt4Ns0Pg9Ya3";

/// A `HeaderName` from one of the `headers` constants (mixed case, which `from_static` refuses).
fn header_name(name: &str) -> HeaderName {
    HeaderName::from_bytes(name.as_bytes()).unwrap()
}

/// A header value as bytes: valid-looking, garbage, huge, negative, non-ASCII, probes.
fn header_value_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => vec(any::<u8>(), 0..80),
        1 => vec(0x80u8..=0xff, 1..8),
        1 => any::<i64>().prop_map(|n| n.to_string().into_bytes()),
        1 => any::<u64>().prop_map(|n| n.to_string().into_bytes()),
        1 => "[0-9]{19,60}".prop_map(String::into_bytes),
        1 => select(vec!["", " ", "-1", "+1700000000", "1700000000 ", " 1700000000", "0x10", "1e9",
            "1700000000\t", "１７００００００００", "9223372036854775807", "9223372036854775808",
            "18446744073709551616", "0000000000000000000000001700000000"]).prop_map(|s| s.as_bytes().to_vec()),
        1 => Just(NOW.to_string().into_bytes()),
        1 => Just(GO_NOTIFY_TIMESTAMP.to_string().into_bytes()),
        1 => Just(GO_NOTIFY_NONCE.as_bytes().to_vec()),
        1 => Just(PUB_KEY_ID.as_bytes().to_vec()),
        1 => Just(GO_CERT_SERIAL.as_bytes().to_vec()),
        1 => "[0-9A-F]{0,300}".prop_map(String::into_bytes),
        1 => "PUB_KEY_ID_[0-9A-Za-z_]{0,300}".prop_map(String::into_bytes),
        1 => ".{0,40}".prop_map(|tail| format!("{PROBE_PREFIX}{tail}").into_bytes()),
        1 => vec(any::<u8>(), 0..300).prop_map(|bytes| BASE64_STANDARD.encode(bytes).into_bytes()),
        1 => Just(go_notify_signature().as_bytes().to_vec()),
    ]
}

fn body_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..300),
        Just(GO_NOTIFY_BODY.to_vec()),
        arbitrary_text(200).prop_map(String::into_bytes),
    ]
}

proptest! {
    #![proptest_config(config(4096))]

    /// 4096 cases: header maps holding any subset of the four headers (values of every kind,
    /// some not even ASCII, some repeated) and arbitrary bodies, verified with both kinds of key
    /// and arbitrary clocks.
    #[test]
    fn verify_with_arbitrary_header_maps_never_panics_4096_cases(
        values in vec(prop::option::weighted(0.9, header_value_bytes()), 4),
        repeats in vec(header_value_bytes(), 0..3),
        extra in vec(("[a-zA-Z-]{1,20}", header_value_bytes()), 0..3),
        body in body_bytes(),
        now in prop_oneof![Just(NOW), Just(GO_NOTIFY_TIMESTAMP), any::<i64>(), Just(i64::MIN), Just(i64::MAX)],
    ) {
        let names = [headers::TIMESTAMP, headers::NONCE, headers::SIGNATURE, headers::SERIAL];
        let mut map = HeaderMap::new();
        for (name, value) in names.iter().zip(&values) {
            if let Some(Ok(value)) = value.as_ref().map(|v| HeaderValue::from_bytes(v)) {
                map.append(header_name(name), value);
            }
        }
        for (i, value) in repeats.iter().enumerate() {
            if let Ok(value) = HeaderValue::from_bytes(value) {
                map.append(header_name(names[i % 4]), value);
            }
        }
        for (name, value) in &extra {
            if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_bytes(value)) {
                map.append(name, value);
            }
        }
        let parsed = SignatureHeaders::from_header_map(&map);
        let verified = keys_at(now).verify(&map, &body);
        match parsed {
            Err(error) => prop_assert_eq!(verified, Err(error)),
            Ok(parts) => {
                prop_assert!([parts.timestamp, parts.nonce, parts.signature, parts.serial].iter().all(|v| v.is_ascii()));
                prop_assert_eq!(&verified, &keys_at(now).verify_parts(parts, &body));
                if verified.is_ok() {
                    // Only a genuine signature verifies: the published notification.
                    prop_assert_eq!(parts.signature, go_notify_signature());
                    prop_assert_eq!(&body[..], GO_NOTIFY_BODY);
                }
            }
        }
    }

    /// 4096 cases: `verify_parts` with arbitrary strings in each part and arbitrary bodies.
    #[test]
    fn verify_parts_with_arbitrary_parts_never_panics_4096_cases(
        parts in vec(prop_oneof![arbitrary_text(120), header_value_bytes().prop_map(|b| String::from_utf8_lossy(&b).into_owned())], 4),
        body in body_bytes(),
        now in prop_oneof![Just(NOW), any::<i64>()],
    ) {
        let headers = SignatureHeaders {
            timestamp: &parts[0],
            nonce: &parts[1],
            signature: &parts[2],
            serial: &parts[3],
        };
        let outcome = keys_at(now).verify_parts(headers, &body);
        if parts[2].starts_with(PROBE_PREFIX) {
            prop_assert_eq!(outcome, Err(VerifyError::SignatureProbe));
        } else {
            prop_assert!(outcome.is_err());
        }
        // The error is printable, and a hostile serial is bounded in it.
        if let Err(error) = keys_at(now).verify_parts(headers, &body) {
            prop_assert!(error.to_string().len() < 1024);
        }
    }
}

/// Which part of a signed answer one mutation hits.
#[derive(Debug, Clone, Copy)]
enum Part {
    Timestamp,
    Nonce,
    Signature,
    SignatureBytes,
    Serial,
    Body,
}

/// One byte edit of `bytes` (never a no-op).
fn edit_once(bytes: &mut Vec<u8>, kind: u8, at: Index, byte: u8) {
    match kind % 3 {
        0 if !bytes.is_empty() => {
            let i = at.index(bytes.len());
            bytes[i] ^= byte.max(1);
        }
        1 => bytes.insert(at.index(bytes.len() + 1), byte),
        _ if !bytes.is_empty() => {
            bytes.remove(at.index(bytes.len()));
        }
        _ => bytes.push(byte),
    }
}

proptest! {
    #![proptest_config(config(1024))]

    /// 1024 cases: an answer signed with the Go SDK key (as public key and as certificate)
    /// verifies; one byte changed, inserted or deleted in its body, timestamp, nonce, signature
    /// (text or decoded bytes) or serial never verifies.
    #[test]
    fn any_single_byte_mutation_of_a_signed_answer_fails_verification_1024_cases(
        body in body_bytes(),
        nonce in prop_oneof![Just(NONCE.to_owned()), "[0-9A-Za-z]{1,40}"],
        by_certificate in any::<bool>(),
        part in select(vec![Part::Timestamp, Part::Nonce, Part::Signature, Part::SignatureBytes, Part::Serial, Part::Body]),
        kind in any::<u8>(),
        at in any::<Index>(),
        byte in any::<u8>(),
    ) {
        let keys = keys_at(NOW);
        let timestamp = NOW.to_string();
        let serial = if by_certificate { GO_CERT_SERIAL } else { PUB_KEY_ID };
        let signature = go_private_key().sign_base64(&response_message(&timestamp, &nonce, &body)).unwrap();
        let mut fields = [timestamp.into_bytes(), nonce.into_bytes(), signature.into_bytes(), serial.as_bytes().to_vec(), body];
        let map = |fields: &[Vec<u8>; 5]| -> Option<HeaderMap> {
            let mut map = HeaderMap::new();
            for (name, value) in [headers::TIMESTAMP, headers::NONCE, headers::SIGNATURE, headers::SERIAL].iter().zip(fields) {
                map.insert(header_name(name), HeaderValue::from_bytes(value).ok()?);
            }
            Some(map)
        };
        prop_assert_eq!(keys.verify(&map(&fields).unwrap(), &fields[4]), Ok(()));

        match part {
            Part::Timestamp => edit_once(&mut fields[0], kind, at, byte),
            Part::Nonce => edit_once(&mut fields[1], kind, at, byte),
            Part::Signature => edit_once(&mut fields[2], kind, at, byte),
            Part::SignatureBytes => {
                let mut raw = BASE64_STANDARD.decode(&fields[2]).unwrap();
                edit_once(&mut raw, kind, at, byte);
                fields[2] = BASE64_STANDARD.encode(raw).into_bytes();
            }
            Part::Serial => edit_once(&mut fields[3], kind, at, byte),
            Part::Body => edit_once(&mut fields[4], kind, at, byte),
        }
        if let Some(map) = map(&fields) {
            prop_assert!(keys.verify(&map, &fields[4]).is_err(), "{:?} mutation verified", part);
        }
        if let (Ok(timestamp), Ok(nonce), Ok(signature), Ok(serial)) = (
            std::str::from_utf8(&fields[0]), std::str::from_utf8(&fields[1]),
            std::str::from_utf8(&fields[2]), std::str::from_utf8(&fields[3]),
        ) {
            let parts = SignatureHeaders { timestamp, nonce, signature, serial };
            prop_assert!(keys.verify_parts(parts, &fields[4]).is_err(), "{:?} mutation verified", part);
        }
    }
}

fn arbitrary_duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (any::<u64>(), 0u32..1_000_000_000).prop_map(|(s, n)| Duration::new(s, n)),
        (0u64..1000, 0u32..1_000_000_000).prop_map(|(s, n)| Duration::new(s, n)),
        select(vec![
            Duration::ZERO,
            Duration::MAX,
            Duration::from_nanos(1),
            Duration::new(u64::MAX, 0),
            Duration::new(u64::MAX - 1, 999_999_999)
        ]),
    ]
}

proptest! {
    #![proptest_config(config(4096))]

    /// 4096 cases of any `Duration` as the skew limit, `Duration::MAX` included: a genuine
    /// signature reaches the window without a panic, and a bogus one is refused as such whatever
    /// the window says.
    #[test]
    fn with_max_skew_of_any_duration_never_panics_4096_cases(max_skew in arbitrary_duration(), timestamp in any::<u32>()) {
        let keys = keys_at(NOW).with_max_skew(max_skew);
        let text = timestamp.to_string();
        let signature = go_private_key().sign_base64(&response_message(&text, NONCE, b"{}")).unwrap();
        let parts = SignatureHeaders { timestamp: &text, nonce: NONCE, signature: &signature, serial: PUB_KEY_ID };
        match keys.verify_parts(parts, b"{}") {
            Ok(()) | Err(VerifyError::TimestampSkew { .. }) => {}
            Err(other) => return Err(TestCaseError::fail(format!("unexpected {other:?}"))),
        }
        let parts = SignatureHeaders { signature: "c2ln", ..parts };
        prop_assert_eq!(keys.verify_parts(parts, b"{}"), Err(VerifyError::BadSignature));
    }

    /// 4096 cases of skew limits below the one that overflows today (`u64::MAX` seconds plus a
    /// fraction), checked against the documented window: `|now - timestamp| < ceil(max_skew)`.
    #[test]
    fn with_max_skew_below_u64_max_seconds_never_panics_4096_cases(
        secs in prop_oneof![0u64..1000, any::<u64>().prop_map(|s| s.min(u64::MAX - 1))],
        nanos in prop_oneof![Just(0u32), 1u32..1_000_000_000],
        timestamp in prop_oneof![any::<u32>().prop_map(i64::from), (NOW - 2000)..(NOW + 2000)],
    ) {
        let keys = keys_at(NOW).with_max_skew(Duration::new(secs, nanos));
        let text = timestamp.to_string();
        let limit = u128::from(secs) + u128::from(nanos > 0);
        let skew = u128::from(NOW.abs_diff(timestamp));
        // Signed correctly: the window is checked after the signature.
        let signature = go_private_key().sign_base64(&response_message(&text, NONCE, b"{}")).unwrap();
        let parts = SignatureHeaders { timestamp: &text, nonce: NONCE, signature: &signature, serial: PUB_KEY_ID };
        match keys.verify_parts(parts, b"{}") {
            Ok(()) => prop_assert!(skew < limit),
            Err(VerifyError::TimestampSkew { .. }) => prop_assert!(skew >= limit),
            Err(other) => return Err(TestCaseError::fail(format!("unexpected {other:?}"))),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// AES-GCM resources
// ---------------------------------------------------------------------------------------------

fn api_v3_key() -> ApiV3Key {
    ApiV3Key::new(API_V3_KEY).unwrap()
}

fn nonce_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9A-Za-z]{12}",
        arbitrary_text(24),
        vec(any::<char>(), 12).prop_map(|c| c.into_iter().collect()),
        "[é数]{4,6}",
    ]
}

proptest! {
    #![proptest_config(config(4096))]

    /// 4096 cases of arbitrary text as an APIv3 key: `Ok` exactly for 32 ASCII characters.
    #[test]
    fn api_v3_key_new_never_panics_4096_cases(
        text in prop_oneof![arbitrary_text(64), "[ -~]{30,34}", "[ -~é]{31,32}"],
    ) {
        match ApiV3Key::new(&text) {
            Ok(_) => prop_assert!(text.is_ascii() && text.len() == 32),
            Err(error) => {
                prop_assert!(!(text.is_ascii() && text.len() == 32));
                prop_assert_eq!(error, KeyError::InvalidApiV3Key { len: text.len() });
            }
        }
    }

    /// 4096 cases: arbitrary nonce, associated data and ciphertext (arbitrary text, base64 of 0 to
    /// 64 arbitrary bytes, shorter than a tag included): always an `Err`, never a panic.
    #[test]
    fn decrypt_of_arbitrary_resources_never_panics_4096_cases(
        nonce in nonce_text(),
        aad in arbitrary_text(64),
        ciphertext in prop_oneof![
            arbitrary_text(120),
            vec(any::<u8>(), 0..16).prop_map(|b| BASE64_STANDARD.encode(b)),
            vec(any::<u8>(), 0..64).prop_map(|b| BASE64_STANDARD.encode(b)),
            vec(any::<u8>(), 0..64).prop_map(|b| BASE64_URL_SAFE_NO_PAD.encode(b)),
        ],
    ) {
        let outcome = api_v3_key().decrypt(&nonce, &aad, &ciphertext);
        match outcome {
            Err(CryptoError::AeadNonceLength { len }) => prop_assert!(len != 12 && len == nonce.len()),
            Err(_) => {}
            Ok(_) => prop_assert!(false, "a forged resource decrypted"),
        }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    /// 1024 cases: encrypt then decrypt gives the plaintext back; one byte changed, inserted or
    /// deleted in the sealed bytes, the nonce or the associated data never decrypts.
    #[test]
    fn sealed_resource_round_trips_and_any_mutation_fails_1024_cases(
        key in "[ -~]{32}",
        nonce in "[0-9A-Za-z]{12}",
        aad in prop_oneof![Just(String::new()), Just("certificate".to_owned()), Just("transaction".to_owned()), arbitrary_text(40)],
        plaintext in vec(any::<u8>(), 0..300),
        target in 0u8..4,
        kind in any::<u8>(),
        at in any::<Index>(),
        byte in any::<u8>(),
    ) {
        let key = ApiV3Key::new(&key).unwrap();
        let sealed = key.encrypt(&nonce, &aad, &plaintext).unwrap();
        prop_assert_eq!(key.decrypt(&nonce, &aad, &sealed).unwrap(), plaintext);

        let (mut nonce, mut aad, mut sealed) = (nonce.into_bytes(), aad.into_bytes(), sealed);
        match target {
            0 => {
                let mut raw = BASE64_STANDARD.decode(&sealed).unwrap();
                edit_once(&mut raw, kind, at, byte);
                sealed = BASE64_STANDARD.encode(raw);
            }
            1 => {
                let mut text = sealed.into_bytes();
                edit_once(&mut text, kind, at, byte);
                let Ok(text) = String::from_utf8(text) else { return Ok(()) };
                sealed = text;
            }
            2 => edit_once(&mut nonce, kind, at, byte),
            _ => edit_once(&mut aad, kind, at, byte),
        }
        // An edit that leaves invalid UTF-8 cannot be passed as text at all.
        let (Ok(nonce), Ok(aad)) = (String::from_utf8(nonce), String::from_utf8(aad)) else {
            return Ok(());
        };
        prop_assert!(key.decrypt(&nonce, &aad, &sealed).is_err());
    }
}

// ---------------------------------------------------------------------------------------------
// URL values
// ---------------------------------------------------------------------------------------------

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

proptest! {
    #![proptest_config(config(4096))]

    /// 4096 cases: `encode_component` leaves only unreserved characters and upper-case `%XX`
    /// (never `+`), and decoding gives back the exact input bytes.
    #[test]
    fn encode_component_is_unreserved_or_upper_hex_and_decodes_back_4096_cases(
        text in prop_oneof![arbitrary_text(200), "[ %+/?#&=a-zA-Z0-9._~-]{0,60}"],
    ) {
        let encoded = encode_component(&text);
        let bytes = encoded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'%' {
                let hex = &bytes[i + 1..i + 3];
                prop_assert!(hex.iter().all(|h| h.is_ascii_digit() || (b'A'..=b'F').contains(h)), "{:?}", encoded);
                i += 3;
            } else {
                prop_assert!(b.is_ascii_alphanumeric() || b"-._~".contains(&b), "{:?}", encoded);
                i += 1;
            }
        }
        prop_assert!(!encoded.contains('+'));
        prop_assert_eq!(percent_decode(&encoded), Some(text.as_bytes().to_vec()));
        // Idempotent where it should be: an encoded text only has its `%` encoded again.
        prop_assert_eq!(encode_component(&encoded), encoded.replace('%', "%25"));
    }
}

// ---------------------------------------------------------------------------------------------
// Signing requests, decrypting fields
// ---------------------------------------------------------------------------------------------

fn signer(now: i64) -> Signer {
    static SIGNER: OnceLock<Signer> = OnceLock::new();
    let signer = SIGNER.get_or_init(|| {
        let key = MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap();
        Signer::new("1900000001", GO_CERT_SERIAL.parse().unwrap(), key)
            .unwrap()
            .with_nonce_source(FixedNonce(NONCE))
    });
    signer.clone().with_clock(move || now)
}

proptest! {
    #![proptest_config(config(1024))]

    /// 1024 cases: `Signer::authorize` with arbitrary method, URI and body (and clock) is an `Ok`
    /// whose signature verifies over the exact request line, or an `Err`.
    #[test]
    fn authorize_with_arbitrary_request_lines_never_panics_1024_cases(
        method in prop_oneof![arbitrary_text(12), "[A-Z]{1,8}", select(vec!["GET", "POST", "get", "P OST", ""]).prop_map(str::to_owned)],
        uri in prop_oneof![arbitrary_text(120), "/[!-~]{0,100}", "/v3/[ -~]{0,40}"],
        body in body_bytes(),
        now in prop_oneof![Just(NOW), any::<i64>()],
    ) {
        match signer(now).authorize(&method, &uri, &body) {
            Ok(authorization) => {
                prop_assert!(!method.is_empty() && method.bytes().all(|b| b.is_ascii_uppercase()));
                prop_assert!(uri.starts_with('/'));
                prop_assert!(authorization.header.starts_with(SCHEME));
                prop_assert_eq!(authorization.timestamp, now);
                let signature = authorization.header.split("signature=\"").nth(1).unwrap().split('"').next().unwrap();
                let signature = BASE64_STANDARD.decode(signature).unwrap();
                let message = signing_message(&method, &uri, now, NONCE, &body);
                prop_assert!(go_public_key().verify(&message, &signature));
                prop_assert!(HeaderValue::from_str(&authorization.header).is_ok());
            }
            Err(error) => prop_assert!(matches!(error, CryptoError::InvalidSigningInput { .. }), "{:?}", error),
        }
    }

    /// 1024 cases: `decrypt_field` (a field WeChat Pay encrypted to the merchant) with arbitrary
    /// text and base64 of arbitrary bytes, 256 bytes (one RSA block) included.
    #[test]
    fn decrypt_field_of_arbitrary_ciphertexts_never_panics_1024_cases(
        ciphertext in prop_oneof![
            arbitrary_text(400),
            vec(any::<u8>(), 0..300).prop_map(|b| BASE64_STANDARD.encode(b)),
            vec(any::<u8>(), 256).prop_map(|b| BASE64_STANDARD.encode(b)),
        ],
    ) {
        prop_assert!(go_private_key().decrypt_field(&ciphertext).is_err());
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// 256 cases: `Signer::new` with an arbitrary mchid (each parses a 2048-bit key).
    #[test]
    fn signer_new_with_arbitrary_mchid_never_panics_256_cases(mchid in prop_oneof![arbitrary_text(30), "[0-9]{0,20}"]) {
        let key = MerchantPrivateKey::from_pem(GO_KEY_PEM).unwrap();
        let outcome = Signer::new(&mchid, GO_CERT_SERIAL.parse().unwrap(), key);
        prop_assert_eq!(outcome.is_ok(), !mchid.is_empty() && mchid.bytes().all(|b| b.is_ascii_digit()));
    }
}

/// The published notification still verifies through the same store the properties use (so that
/// the properties above are not vacuous), and the certificate's window is where the support says.
#[test]
fn the_fixtures_behind_the_properties_are_sound() {
    let keys = keys_at(GO_NOTIFY_TIMESTAMP);
    let parts = SignatureHeaders {
        timestamp: &GO_NOTIFY_TIMESTAMP.to_string(),
        nonce: GO_NOTIFY_NONCE,
        signature: go_notify_signature(),
        serial: GO_CERT_SERIAL,
    };
    assert_eq!(keys.verify_parts(parts, GO_NOTIFY_BODY), Ok(()));
    let cert = PlatformCertificate::from_pem(GO_CERT_PEM).unwrap();
    assert!(cert.is_valid_at(GO_CERT_NOT_BEFORE) && cert.is_valid_at(GO_CERT_NOT_AFTER));
    assert!(cert.is_valid_at(NOW));
}
