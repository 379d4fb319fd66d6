//! Loading merchant private keys and public keys: formats, refusals, and `Debug` output.

mod support;

use base64::prelude::*;
use proptest::prelude::*;
use support::{RsaKeyPair, assert_no_key_material, openssl, pem_body_lines, rsa_2048};
use wechatpay_apiv3_core::{
    ApiV3Key, KeyError, MerchantPrivateKey, MerchantSerial, PlatformCertificate, RsaPublicKey,
    Signer, WechatPayKeys, WechatPayPublicKey,
};

const PRIVATE: &str = "merchant private key";
const PUBLIC: &str = "public key";

/// Runs `openssl <args…>` with `key.pem` (the shared 2048-bit key) in the working directory and
/// returns the text written to `out.pem`.
fn convert_shared_key(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    rsa_2048().write_to(dir.path());
    openssl(dir.path(), args);
    std::fs::read_to_string(dir.path().join("out.pem")).unwrap()
}

fn pkcs1_of_shared_key() -> String {
    let pkcs1 = convert_shared_key(&["pkey", "-in", "key.pem", "-traditional", "-out", "out.pem"]);
    assert!(pkcs1.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"), "openssl wrote PKCS#1");
    pkcs1
}

#[test]
fn pkcs8_and_pkcs1_load_and_sign_identically() {
    let pair = rsa_2048();
    assert!(pair.private_pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    let pkcs8 = MerchantPrivateKey::from_pem(&pair.private_pem).unwrap();
    let pkcs1 = MerchantPrivateKey::from_pem(&pkcs1_of_shared_key()).unwrap();
    assert_eq!((pkcs8.bits(), pkcs1.bits()), (2048, 2048));

    let message = b"GET\n/v3/certificates\n1700000000\nNONCE\n\n";
    let by_pkcs8 = pkcs8.sign_base64(message).unwrap();
    let by_pkcs1 = pkcs1.sign_base64(message).unwrap();
    assert_eq!(by_pkcs8, by_pkcs1);
    // ... and it is the signature openssl makes with the same key.
    assert_eq!(BASE64_STANDARD.decode(&by_pkcs8).unwrap(), pair.openssl_sign(message));
}

#[test]
fn pkcs1_made_by_openssl_rsa_traditional_loads_too() {
    let pkcs1 = convert_shared_key(&["rsa", "-in", "key.pem", "-traditional", "-out", "out.pem"]);
    assert!(pkcs1.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
    let key = MerchantPrivateKey::from_pem(&pkcs1).unwrap();
    let pkcs8 = MerchantPrivateKey::from_pem(&rsa_2048().private_pem).unwrap();
    assert_eq!(key.sign_base64(b"x").unwrap(), pkcs8.sign_base64(b"x").unwrap());
}

#[test]
fn the_go_sdk_key_makes_the_published_signature_in_both_formats() {
    let pkcs8 = MerchantPrivateKey::from_pem(support::GO_KEY_PEM).unwrap();
    assert_eq!(pkcs8.sign_base64(b"source").unwrap(), support::go_source_signature());

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("key.pem"), support::GO_KEY_PEM).unwrap();
    let pkcs1 = openssl(dir.path(), &["pkey", "-in", "key.pem", "-traditional"]);
    let pkcs1 = MerchantPrivateKey::from_pem(std::str::from_utf8(&pkcs1).unwrap()).unwrap();
    assert_eq!(pkcs1.sign_base64(b"source").unwrap(), support::go_source_signature());
}

#[test]
fn the_go_sdk_key_decrypts_the_published_field() {
    let key = MerchantPrivateKey::from_pem(support::GO_KEY_PEM).unwrap();
    assert_eq!(key.decrypt_field(support::go_oaep_hello_world()).unwrap(), "hello world");
}

#[test]
fn text_around_the_pem_block_is_ignored() {
    let with_bag_attributes = format!(
        "Bag Attributes\n    friendlyName: apiclient\nKey Attributes: <No Attributes>\n{}\ntrailing text\n",
        rsa_2048().private_pem
    );
    let key = MerchantPrivateKey::from_pem(&with_bag_attributes).unwrap();
    assert_eq!(key.bits(), 2048);
    let crlf = rsa_2048().private_pem.replace('\n', "\r\n");
    assert_eq!(MerchantPrivateKey::from_pem(&crlf).unwrap().bits(), 2048);
}

#[test]
fn the_public_key_of_the_pair_loads_and_verifies() {
    let pair = rsa_2048();
    let public = RsaPublicKey::from_pem(&pair.public_pem).unwrap();
    assert_eq!(public.bits(), 2048);
    assert_eq!(public.max_plaintext_len(), 214);
    let signature = pair.openssl_sign(b"hello");
    assert!(public.verify(b"hello", &signature));
    assert!(!public.verify(b"hellO", &signature));
}

#[test]
fn a_1024_bit_key_is_too_short() {
    let short = RsaKeyPair::generate(1024);
    assert_eq!(
        MerchantPrivateKey::from_pem(&short.private_pem).unwrap_err(),
        KeyError::TooShort { what: PRIVATE, bits: 1024 }
    );
    let dir = tempfile::tempdir().unwrap();
    short.write_to(dir.path());
    let pkcs1 = openssl(dir.path(), &["pkey", "-in", "key.pem", "-traditional"]);
    assert_eq!(
        MerchantPrivateKey::from_pem(std::str::from_utf8(&pkcs1).unwrap()).unwrap_err(),
        KeyError::TooShort { what: PRIVATE, bits: 1024 }
    );
    assert_eq!(
        RsaPublicKey::from_pem(&short.public_pem).unwrap_err(),
        KeyError::TooShort { what: PUBLIC, bits: 1024 }
    );
}

#[test]
fn an_encrypted_pkcs8_pem_is_refused() {
    let encrypted = convert_shared_key(&[
        "pkey", "-in", "key.pem", "-aes256", "-passout", "pass:x", "-out", "out.pem",
    ]);
    assert!(encrypted.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    assert_eq!(
        MerchantPrivateKey::from_pem(&encrypted).unwrap_err(),
        KeyError::EncryptedPem { what: PRIVATE }
    );
}

#[test]
fn an_encrypted_pem_from_genpkey_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    openssl(
        dir.path(),
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-aes256",
            "-pass",
            "pass:x",
            "-out",
            "key.pem",
        ],
    );
    let encrypted = std::fs::read_to_string(dir.path().join("key.pem")).unwrap();
    assert!(encrypted.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    assert_eq!(
        MerchantPrivateKey::from_pem(&encrypted).unwrap_err(),
        KeyError::EncryptedPem { what: PRIVATE }
    );
}

#[test]
fn a_legacy_encrypted_pem_is_refused() {
    let encrypted = convert_shared_key(&[
        "rsa",
        "-in",
        "key.pem",
        "-aes256",
        "-traditional",
        "-passout",
        "pass:x",
        "-out",
        "out.pem",
    ]);
    assert!(encrypted.starts_with("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"));
    assert_eq!(
        MerchantPrivateKey::from_pem(&encrypted).unwrap_err(),
        KeyError::EncryptedPem { what: PRIVATE }
    );
}

#[test]
fn empty_and_whitespace_inputs_are_empty() {
    for input in ["", " ", "\n", "\r\n\t  \n"] {
        assert_eq!(
            MerchantPrivateKey::from_pem(input).unwrap_err(),
            KeyError::Empty { what: PRIVATE },
            "{input:?}"
        );
        assert_eq!(RsaPublicKey::from_pem(input).unwrap_err(), KeyError::Empty { what: PUBLIC });
        assert_eq!(
            PlatformCertificate::from_pem(input).unwrap_err(),
            KeyError::Empty { what: "platform certificate" }
        );
    }
}

#[test]
fn garbage_is_not_pem() {
    let pem = &rsa_2048().private_pem;
    let no_end = pem.replace("-----END PRIVATE KEY-----", "");
    let mismatched_end = pem.replace("-----END PRIVATE KEY-----", "-----END PUBLIC KEY-----");
    for (case, input) in [
        "garbage",
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ",
        "-----BEGIN PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
        no_end.as_str(),
        mismatched_end.as_str(),
    ]
    .iter()
    .enumerate()
    {
        // The case number only: some inputs hold a (test) private key.
        assert_eq!(
            MerchantPrivateKey::from_pem(input).unwrap_err(),
            KeyError::NotPem { what: PRIVATE },
            "case {case}"
        );
    }
}

#[test]
fn truncated_base64_is_refused_with_the_right_variant() {
    let pem = &rsa_2048().private_pem;
    let body = pem_body_lines(pem);

    // Cut in the middle of a line: the base64 no longer decodes.
    let mut mid_line = String::from("-----BEGIN PRIVATE KEY-----\n");
    for line in &body[..body.len() - 1] {
        mid_line.push_str(line);
        mid_line.push('\n');
    }
    mid_line.push_str(&body[body.len() - 1][..5]);
    mid_line.push_str("\n-----END PRIVATE KEY-----\n");
    assert_eq!(
        MerchantPrivateKey::from_pem(&mid_line).unwrap_err(),
        KeyError::NotPem { what: PRIVATE }
    );

    // Whole lines dropped: valid base64 of truncated DER.
    let mut short = String::from("-----BEGIN PRIVATE KEY-----\n");
    for line in &body[..body.len() / 2] {
        short.push_str(line);
        short.push('\n');
    }
    short.push_str("-----END PRIVATE KEY-----\n");
    assert!(matches!(
        MerchantPrivateKey::from_pem(&short).unwrap_err(),
        KeyError::Malformed { what: PRIVATE, .. }
    ));

    // Valid base64 of something that is not a key at all.
    let not_a_key = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        BASE64_STANDARD.encode([0x30, 0x03, 0x02, 0x01, 0x00])
    );
    assert!(matches!(
        MerchantPrivateKey::from_pem(&not_a_key).unwrap_err(),
        KeyError::Malformed { what: PRIVATE, .. }
    ));
    let not_a_public_key = not_a_key.replace("PRIVATE", "PUBLIC");
    assert!(matches!(
        RsaPublicKey::from_pem(&not_a_public_key).unwrap_err(),
        KeyError::Malformed { what: PUBLIC, .. }
    ));
}

#[test]
fn a_pem_of_another_kind_is_an_unexpected_label() {
    assert_eq!(
        MerchantPrivateKey::from_pem(support::GO_CERT_PEM).unwrap_err(),
        KeyError::UnexpectedPemLabel {
            what: PRIVATE,
            expected: "`PRIVATE KEY` or `RSA PRIVATE KEY`",
            found: "CERTIFICATE".into(),
        }
    );
    assert!(matches!(
        MerchantPrivateKey::from_pem(&rsa_2048().public_pem).unwrap_err(),
        KeyError::UnexpectedPemLabel { what: PRIVATE, found, .. } if found == "PUBLIC KEY"
    ));
    assert!(matches!(
        RsaPublicKey::from_pem(&rsa_2048().private_pem).unwrap_err(),
        KeyError::UnexpectedPemLabel { what: PUBLIC, found, .. } if found == "PRIVATE KEY"
    ));
    assert!(matches!(
        RsaPublicKey::from_pem(support::GO_CERT_PEM).unwrap_err(),
        KeyError::UnexpectedPemLabel { what: PUBLIC, found, .. } if found == "CERTIFICATE"
    ));
    assert!(matches!(
        PlatformCertificate::from_pem(&rsa_2048().public_pem).unwrap_err(),
        KeyError::UnexpectedPemLabel { what: "platform certificate", found, .. } if found == "PUBLIC KEY"
    ));
}

#[test]
fn a_non_rsa_key_is_malformed() {
    let dir = tempfile::tempdir().unwrap();
    openssl(
        dir.path(),
        &["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem"],
    );
    openssl(dir.path(), &["pkey", "-in", "ec.pem", "-pubout", "-out", "ec.pub"]);
    let private = std::fs::read_to_string(dir.path().join("ec.pem")).unwrap();
    let public = std::fs::read_to_string(dir.path().join("ec.pub")).unwrap();
    assert!(matches!(
        MerchantPrivateKey::from_pem(&private).unwrap_err(),
        KeyError::Malformed { what: PRIVATE, .. }
    ));
    assert!(matches!(
        RsaPublicKey::from_pem(&public).unwrap_err(),
        KeyError::Malformed { what: PUBLIC, .. }
    ));
}

#[test]
fn debug_output_holds_no_key_material() {
    let pair = rsa_2048();
    let private = MerchantPrivateKey::from_pem(&pair.private_pem).unwrap();
    let public = RsaPublicKey::from_pem(&pair.public_pem).unwrap();
    let wechatpay_public =
        WechatPayPublicKey::from_pem("PUB_KEY_ID_0114232134912410000000000000", &pair.public_pem)
            .unwrap();
    let apiv3_secret = "Zq8Xv3Lm7Pn2Rt5Wy9Bc4Df6Gh1Jk0Mn";
    let apiv3 = ApiV3Key::new(apiv3_secret).unwrap();
    let signer = Signer::new(
        "1900000001",
        "3775B6A45ACD588826D15E583A95F5DD".parse::<MerchantSerial>().unwrap(),
        MerchantPrivateKey::from_pem(&pair.private_pem).unwrap(),
    )
    .unwrap();
    let keys = WechatPayKeys::new()
        .with_public_key(
            WechatPayPublicKey::from_pem(
                "PUB_KEY_ID_0114232134912410000000000000",
                &pair.public_pem,
            )
            .unwrap(),
        )
        .with_certificate(PlatformCertificate::from_pem(support::GO_CERT_PEM).unwrap());

    let outputs = [
        format!("{private:?}"),
        format!("{private:#?}"),
        format!("{public:?}"),
        format!("{wechatpay_public:?}"),
        format!("{wechatpay_public:#?}"),
        format!("{signer:?}"),
        format!("{signer:#?}"),
        format!("{keys:?}"),
        format!("{keys:#?}"),
        format!("{apiv3:?}"),
        format!("{:?}", keys.encryptor().unwrap()),
    ];
    let mut fragments: Vec<&str> = pem_body_lines(&pair.private_pem);
    fragments.extend(pem_body_lines(&pair.public_pem));
    fragments.extend(pem_body_lines(support::GO_CERT_PEM));
    for output in &outputs {
        assert_no_key_material(output);
        assert!(!output.contains(apiv3_secret), "the APIv3 key leaks into Debug");
        for fragment in &fragments {
            // Any 12 consecutive characters of the base64 would be a leak.
            for window in fragment.as_bytes().chunks(12).filter(|w| w.len() == 12) {
                assert!(!output.contains(std::str::from_utf8(window).unwrap()));
            }
        }
    }
    // The identifying, non-secret parts are there.
    assert!(outputs[0].contains("2048"));
    assert!(
        outputs[5].contains("1900000001")
            && outputs[5].contains("3775B6A45ACD588826D15E583A95F5DD")
    );
    assert!(outputs[7].contains("PUB_KEY_ID_0114232134912410000000000000"));
    assert!(outputs[7].contains(support::GO_CERT_SERIAL));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_is_refused_without_panic(text in ".{0,200}") {
        prop_assert!(MerchantPrivateKey::from_pem(&text).is_err());
        prop_assert!(RsaPublicKey::from_pem(&text).is_err());
        prop_assert!(PlatformCertificate::from_pem(&text).is_err());
    }

    #[test]
    fn arbitrary_der_in_pem_armour_is_refused_without_panic(
        der in prop::collection::vec(any::<u8>(), 0..400),
        label in prop::sample::select(vec!["PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY", "CERTIFICATE"]),
    ) {
        let pem = format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", BASE64_STANDARD.encode(&der));
        prop_assert!(MerchantPrivateKey::from_pem(&pem).is_err());
        prop_assert!(RsaPublicKey::from_pem(&pem).is_err());
        prop_assert!(PlatformCertificate::from_pem(&pem).is_err());
        prop_assert!(MerchantPrivateKey::from_pkcs8_der(&der).is_err());
        prop_assert!(PlatformCertificate::from_der(&der).is_err());
    }

    #[test]
    fn a_corrupted_key_is_refused_or_still_signs_correctly(
        index in any::<prop::sample::Index>(),
        xor in 1u8..=255,
    ) {
        // One byte of a real key's DER changed: never a panic, and never a key that loads but
        // makes wrong signatures (a faulty CRT parameter would leak the factorisation).
        let pair = rsa_2048();
        let body: String = pem_body_lines(&pair.private_pem).concat();
        let mut der = BASE64_STANDARD.decode(body).unwrap();
        let at = index.index(der.len());
        der[at] ^= xor;
        if let Ok(key) = MerchantPrivateKey::from_pkcs8_der(&der) {
            let public = RsaPublicKey::from_pem(&pair.public_pem).unwrap();
            let signature = BASE64_STANDARD.decode(key.sign_base64(b"probe").unwrap()).unwrap();
            prop_assert!(public.verify(b"probe", &signature), "byte {} ^ {:#04x} loaded but signs wrongly", at, xor);
        }
    }
}
