//! Request signing: the exact `Authorization` header, and signatures that openssl verifies over
//! exactly `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`.

mod support;

use std::collections::HashSet;

use base64::prelude::*;
use support::{FixedNonce, rsa_2048};
use wechatpay_apiv3_core::{
    CryptoError, MerchantPrivateKey, MerchantSerial, NONCE_LEN, NonceSource, OsNonce, SCHEME,
    Signer, signing_message,
};

const MCHID: &str = "1900000001";
const SERIAL: &str = "3775B6A45ACD588826D15E583A95F5DD";
const NONCE: &str = "593BEC0C930BF1AFEB40B4A08C8FB242";
const TIMESTAMP: i64 = 1_700_000_000;

fn pinned_signer() -> Signer {
    Signer::new(
        MCHID,
        SERIAL.parse::<MerchantSerial>().unwrap(),
        MerchantPrivateKey::from_pem(&rsa_2048().private_pem).unwrap(),
    )
    .unwrap()
    .with_clock(|| TIMESTAMP)
    .with_nonce_source(FixedNonce(NONCE))
}

/// Signs one request and checks the header against an independent construction: the message
/// built by hand, signed by openssl (PKCS#1 v1.5 is deterministic), and verified by openssl.
fn check_request(method: &str, uri: &str, body: &[u8], expected_message: &[u8]) {
    let authorization = pinned_signer().authorize(method, uri, body).unwrap();
    assert_eq!(authorization.timestamp, TIMESTAMP);
    assert_eq!(authorization.nonce, NONCE);

    assert_eq!(signing_message(method, uri, TIMESTAMP, NONCE, body), expected_message);
    let expected_signature = BASE64_STANDARD.encode(rsa_2048().openssl_sign(expected_message));
    let expected_header = format!(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"{MCHID}\",nonce_str=\"{NONCE}\",signature=\"{expected_signature}\",timestamp=\"{TIMESTAMP}\",serial_no=\"{SERIAL}\""
    );
    assert_eq!(authorization.header, expected_header);

    let signature = authorization
        .header
        .split("signature=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    let signature = BASE64_STANDARD.decode(signature).unwrap();
    assert!(rsa_2048().openssl_verifies(expected_message, &signature));
    // The same signature does not cover a message without the final newline.
    assert!(
        !rsa_2048().openssl_verifies(&expected_message[..expected_message.len() - 1], &signature)
    );
}

#[test]
fn a_post_with_a_chinese_body() {
    let body = r#"{"appid":"wxd678efh567hg6787","description":"Image形象店-深圳腾大-QQ公仔","amount":{"total":1}}"#;
    let mut expected =
        b"POST\n/v3/pay/transactions/native\n1700000000\n593BEC0C930BF1AFEB40B4A08C8FB242\n"
            .to_vec();
    expected.extend_from_slice(body.as_bytes());
    expected.push(b'\n');
    check_request("POST", "/v3/pay/transactions/native", body.as_bytes(), &expected);
}

#[test]
fn a_get_with_an_empty_body_ends_in_two_newlines() {
    let uri = "/v3/certificates?offset=10&limit=5&name=%E5%BC%A0%E4%B8%89";
    let expected = format!("GET\n{uri}\n1700000000\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
    assert!(expected.ends_with("\n\n"));
    check_request("GET", uri, b"", expected.as_bytes());
}

#[test]
fn the_header_starts_with_the_scheme_and_has_no_spaces_after_commas() {
    let header = pinned_signer().authorize("GET", "/v3/certificates", b"").unwrap().header;
    assert_eq!(SCHEME, "WECHATPAY2-SHA256-RSA2048");
    let params = header.strip_prefix("WECHATPAY2-SHA256-RSA2048 ").unwrap();
    let names: Vec<&str> = params.split(',').map(|p| p.split('=').next().unwrap()).collect();
    assert_eq!(names, ["mchid", "nonce_str", "signature", "timestamp", "serial_no"]);
    assert!(!params.contains(' '));
}

#[test]
fn signatures_change_with_every_signed_part() {
    let signer = pinned_signer();
    let base = signer.authorize("POST", "/v3/a", b"{}").unwrap().header;
    assert_eq!(signer.authorize("POST", "/v3/a", b"{}").unwrap().header, base, "deterministic");
    for other in [
        signer.authorize("PUT", "/v3/a", b"{}").unwrap().header,
        signer.authorize("POST", "/v3/b", b"{}").unwrap().header,
        signer.authorize("POST", "/v3/a", b"{ }").unwrap().header,
        signer
            .clone()
            .with_clock(|| TIMESTAMP + 1)
            .authorize("POST", "/v3/a", b"{}")
            .unwrap()
            .header,
        signer
            .clone()
            .with_nonce_source(FixedNonce("593BEC0C930BF1AFEB40B4A08C8FB243"))
            .authorize("POST", "/v3/a", b"{}")
            .unwrap()
            .header,
    ] {
        assert_ne!(other, base);
    }
}

#[test]
fn malformed_request_lines_are_refused() {
    let signer = pinned_signer();
    for (method, uri) in [
        ("", "/v3/a"),
        ("get", "/v3/a"),
        ("GET ", "/v3/a"),
        ("GET", ""),
        ("GET", "v3/a"),
        ("GET", "https://api.mch.weixin.qq.com/v3/a"),
        ("GET", "/v3/a b"),
        ("GET", "/v3/a\n"),
        ("GET", "/v3/a\r\nX-Injected: 1"),
    ] {
        assert!(
            matches!(
                signer.authorize(method, uri, b""),
                Err(CryptoError::InvalidSigningInput { .. })
            ),
            "{method:?} {uri:?} was signed"
        );
    }
}

#[test]
fn a_nonce_source_giving_a_bad_nonce_is_refused() {
    for nonce in ["", "with space", "a\nb", "nonce\"quote", "非ASCII"] {
        let signer = pinned_signer().with_nonce_source(FixedNonce(nonce));
        assert!(
            matches!(
                signer.authorize("GET", "/v3/a", b""),
                Err(CryptoError::InvalidSigningInput { .. })
            ),
            "{nonce:?} was used"
        );
    }
}

#[test]
fn a_failing_nonce_source_fails_the_signature() {
    struct Broken;
    impl NonceSource for Broken {
        fn nonce(&self) -> Result<String, CryptoError> {
            Err(CryptoError::Backend { operation: "draw randomness" })
        }
    }
    let signer = pinned_signer().with_nonce_source(Broken);
    assert_eq!(
        signer.authorize("GET", "/v3/a", b"").unwrap_err(),
        CryptoError::Backend { operation: "draw randomness" }
    );
}

#[test]
fn the_system_clock_and_os_nonces_are_used_by_default() {
    let signer = Signer::new(
        MCHID,
        SERIAL.parse().unwrap(),
        MerchantPrivateKey::from_pem(&rsa_2048().private_pem).unwrap(),
    )
    .unwrap();
    let first = signer.authorize("GET", "/v3/a", b"").unwrap();
    let second = signer.authorize("GET", "/v3/a", b"").unwrap();
    assert_ne!(first.nonce, second.nonce);
    assert_eq!(first.nonce.len(), NONCE_LEN);
    // Any time after this test was written.
    assert!(first.timestamp > 1_700_000_000);
    let message = signing_message("GET", "/v3/a", first.timestamp, &first.nonce, b"");
    let signature = first.header.split("signature=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(rsa_2048().openssl_verifies(&message, &BASE64_STANDARD.decode(signature).unwrap()));
}

#[test]
fn os_nonces_are_32_alphanumerics_distinct_and_cover_the_alphabet() {
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    assert_eq!(NONCE_LEN, 32);
    let mut seen_nonces = HashSet::new();
    let mut seen_chars = HashSet::new();
    for _ in 0..2000 {
        let nonce = OsNonce.nonce().unwrap();
        assert_eq!(nonce.len(), 32, "{nonce:?}");
        assert!(nonce.chars().all(|c| ALPHABET.contains(c)), "{nonce:?}");
        seen_chars.extend(nonce.chars());
        assert!(seen_nonces.insert(nonce), "a nonce repeated");
    }
    // 64 000 draws over 62 characters: a missing one means a broken alphabet (bias is the χ²
    // test's to find).
    assert_eq!(seen_chars.len(), 62, "missing: {:?}", {
        let mut missing: Vec<char> = ALPHABET.chars().filter(|c| !seen_chars.contains(c)).collect();
        missing.sort_unstable();
        missing
    });
}

/// Pearson's χ² statistic of `counts` against a uniform distribution.
fn chi_square(counts: &[u64]) -> f64 {
    let total: u64 = counts.iter().sum();
    let expected = total as f64 / counts.len() as f64;
    counts.iter().map(|&count| (count as f64 - expected).powi(2) / expected).sum()
}

/// The χ² value with 61 degrees of freedom (62 characters) exceeded with probability 10⁻⁶ under a
/// uniform distribution (Wilson–Hilferty: 61 · (1 − 2/549 + 4.753 · √(2/549))³ ≈ 128.9): the test
/// below fails falsely once in a million runs.
const CHI_SQUARE_61_P_1E6: f64 = 128.9;

#[test]
fn os_nonce_characters_are_uniform_by_a_chi_square_test() {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let index = |c: u8| ALPHABET.iter().position(|&a| a == c).expect("in the alphabet");
    let mut counts = [0u64; 62];
    for _ in 0..4000 {
        for c in OsNonce.nonce().unwrap().bytes() {
            counts[index(c)] += 1;
        }
    }
    let uniform = chi_square(&counts);
    assert!(uniform < CHI_SQUARE_61_P_1E6, "χ² = {uniform:.1} over 128 000 characters");

    // The test has the power to see the usual mistake: a random byte taken modulo 62 favours the
    // first 8 characters (5/256 against 4/256).
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut biased = [0u64; 62];
    for _ in 0..128_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        biased[(state as u8 % 62) as usize] += 1;
    }
    let modulo = chi_square(&biased);
    assert!(modulo > CHI_SQUARE_61_P_1E6, "χ² = {modulo:.1}: a modulo bias went unseen");
}
