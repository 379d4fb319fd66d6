//! Shared by the integration tests: the published fixtures, keys and certificates generated with
//! the `openssl` command line, pinned nonces and header maps.
//!
//! Keys are generated once per test process (`OnceLock`); nothing here ever prints a private key.

#![allow(dead_code, reason = "each test binary uses a different part of the support module")]

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

use http::{HeaderMap, HeaderName, HeaderValue};
use wechatpay_apiv3_core::{CryptoError, NonceSource, headers};

// ---------------------------------------------------------------------------------------------
// Published vectors (see tests/fixtures/README.md)
// ---------------------------------------------------------------------------------------------

/// The WeChat Pay Go SDK test key (PKCS#8, 2048 bits).
pub const GO_KEY_PEM: &str = include_str!("../fixtures/go-sdk-test-key.pem");
/// The certificate of the Go SDK key: serial `D7CE59D1F522D701`.
pub const GO_CERT_PEM: &str = include_str!("../fixtures/go-sdk-notify-cert.pem");
/// `openssl x509 -noout -serial` of [`GO_CERT_PEM`].
pub const GO_CERT_SERIAL: &str = "D7CE59D1F522D701";
/// notBefore of [`GO_CERT_PEM`]: 2021-04-27 08:55:23 UTC.
pub const GO_CERT_NOT_BEFORE: i64 = 1_619_513_723;
/// notAfter of [`GO_CERT_PEM`]: 2031-04-25 08:55:23 UTC.
pub const GO_CERT_NOT_AFTER: i64 = 1_934_873_723;
/// The published notification: body, headers.
pub const GO_NOTIFY_BODY: &[u8] = include_bytes!("../fixtures/go-sdk-notify-body.json");
pub const GO_NOTIFY_TIMESTAMP: i64 = 1_624_523_846;
pub const GO_NOTIFY_NONCE: &str = "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz";
const GO_NOTIFY_SIGNATURE_FILE: &str = include_str!("../fixtures/go-sdk-notify-signature.txt");
const GO_SOURCE_SIGNATURE_FILE: &str = include_str!("../fixtures/go-sdk-sign-source-signature.txt");
const GO_OAEP_HELLO_WORLD_FILE: &str = include_str!("../fixtures/go-sdk-oaep-hello-world.txt");
const AES_GCM_VECTORS: &str = include_str!("../fixtures/aes-gcm-vectors.tsv");

/// `Wechatpay-Signature` of the published notification.
pub fn go_notify_signature() -> &'static str {
    GO_NOTIFY_SIGNATURE_FILE.trim_end()
}

/// The published signature of `source` with the Go SDK key.
pub fn go_source_signature() -> &'static str {
    GO_SOURCE_SIGNATURE_FILE.trim_end()
}

/// The published OAEP ciphertext of `hello world` to the Go SDK key.
pub fn go_oaep_hello_world() -> &'static str {
    GO_OAEP_HELLO_WORLD_FILE.trim_end()
}

/// One row of `aes-gcm-vectors.tsv`.
#[derive(Debug, Clone, Copy)]
pub struct GcmVector {
    pub key: &'static str,
    pub nonce: &'static str,
    pub aad: &'static str,
    pub plaintext: &'static str,
    pub ciphertext: &'static str,
}

pub fn gcm_vectors() -> Vec<GcmVector> {
    let rows: Vec<GcmVector> = AES_GCM_VECTORS
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5, "malformed row {line:?}");
            GcmVector {
                key: fields[0],
                nonce: fields[1],
                aad: fields[2],
                plaintext: fields[3],
                ciphertext: fields[4],
            }
        })
        .collect();
    assert_eq!(rows.len(), 3);
    rows
}

// ---------------------------------------------------------------------------------------------
// openssl
// ---------------------------------------------------------------------------------------------

/// Runs `openssl args…` in `dir`. Panics with openssl's stderr (never a key) unless it succeeds.
pub fn openssl(dir: &Path, args: &[&str]) -> Vec<u8> {
    let output = try_openssl(dir, args);
    assert!(
        output.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

pub fn try_openssl(dir: &Path, args: &[&str]) -> Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command line is installed")
}

/// An RSA key pair made by `openssl genpkey`, as PEM text.
pub struct RsaKeyPair {
    /// PKCS#8 `BEGIN PRIVATE KEY`.
    pub private_pem: String,
    /// SubjectPublicKeyInfo `BEGIN PUBLIC KEY`.
    pub public_pem: String,
}

impl RsaKeyPair {
    /// `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:<bits>`.
    pub fn generate(bits: u32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let bits_opt = format!("rsa_keygen_bits:{bits}");
        openssl(
            dir.path(),
            &["genpkey", "-algorithm", "RSA", "-pkeyopt", &bits_opt, "-out", "key.pem"],
        );
        openssl(dir.path(), &["pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"]);
        Self {
            private_pem: std::fs::read_to_string(dir.path().join("key.pem")).unwrap(),
            public_pem: std::fs::read_to_string(dir.path().join("pub.pem")).unwrap(),
        }
    }

    /// Writes `key.pem` and `pub.pem` into `dir`.
    pub fn write_to(&self, dir: &Path) {
        std::fs::write(dir.join("key.pem"), &self.private_pem).unwrap();
        std::fs::write(dir.join("pub.pem"), &self.public_pem).unwrap();
    }

    /// `openssl dgst -sha256 -verify pub.pem -signature sig msg`.
    pub fn openssl_verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        let dir = tempfile::tempdir().unwrap();
        self.write_to(dir.path());
        std::fs::write(dir.path().join("msg"), message).unwrap();
        std::fs::write(dir.path().join("sig.bin"), signature).unwrap();
        let output = try_openssl(
            dir.path(),
            &["dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin", "msg"],
        );
        let verified = output.status.success();
        assert_eq!(verified, String::from_utf8_lossy(&output.stdout).trim() == "Verified OK");
        verified
    }

    /// `openssl dgst -sha256 -sign key.pem msg`: PKCS#1 v1.5, deterministic.
    pub fn openssl_sign(&self, message: &[u8]) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap();
        self.write_to(dir.path());
        std::fs::write(dir.path().join("msg"), message).unwrap();
        openssl(dir.path(), &["dgst", "-sha256", "-sign", "key.pem", "msg"])
    }

    /// `openssl pkeyutl -decrypt -inkey key.pem -pkeyopt rsa_padding_mode:oaep` (SHA-1).
    pub fn openssl_oaep_decrypt(&self, ciphertext: &[u8]) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap();
        self.write_to(dir.path());
        std::fs::write(dir.path().join("ct.bin"), ciphertext).unwrap();
        openssl(
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
        )
    }

    /// A self-signed certificate: `openssl req -x509 -new -key key.pem -subj /CN=test -days N
    /// -set_serial S`, as PEM text.
    pub fn self_signed_certificate(&self, serial: &str, days: u32) -> String {
        let dir = tempfile::tempdir().unwrap();
        self.write_to(dir.path());
        let days = days.to_string();
        openssl(
            dir.path(),
            &[
                "req",
                "-x509",
                "-new",
                "-key",
                "key.pem",
                "-subj",
                "/CN=test",
                "-days",
                &days,
                "-set_serial",
                serial,
                "-out",
                "cert.pem",
            ],
        );
        std::fs::read_to_string(dir.path().join("cert.pem")).unwrap()
    }

    /// A self-signed certificate with a fixed validity window (`YYYYMMDDHHMMSSZ`), made with
    /// `openssl ca -selfsign -startdate … -enddate …` (`req -x509` cannot backdate), as PEM text.
    /// `serial_hex` is the serial in hex, as `openssl x509 -serial` will print it.
    pub fn certificate_with_validity(
        &self,
        serial_hex: &str,
        not_before: &str,
        not_after: &str,
    ) -> String {
        const CONFIG: &str = "[ca]\ndefault_ca = test_ca\n[test_ca]\ndatabase = index.txt\n\
            new_certs_dir = .\nserial = serial.txt\ndefault_md = sha256\npolicy = any\n\
            unique_subject = no\nemail_in_dn = no\n[any]\ncommonName = supplied\n";
        let dir = tempfile::tempdir().unwrap();
        self.write_to(dir.path());
        std::fs::write(dir.path().join("ca.cnf"), CONFIG).unwrap();
        std::fs::write(dir.path().join("index.txt"), "").unwrap();
        std::fs::write(dir.path().join("serial.txt"), format!("{serial_hex}\n")).unwrap();
        openssl(
            dir.path(),
            &["req", "-new", "-key", "key.pem", "-subj", "/CN=test", "-out", "req.csr"],
        );
        openssl(
            dir.path(),
            &[
                "ca",
                "-batch",
                "-config",
                "ca.cnf",
                "-selfsign",
                "-keyfile",
                "key.pem",
                "-in",
                "req.csr",
                "-startdate",
                not_before,
                "-enddate",
                not_after,
                "-notext",
                "-out",
                "cert.pem",
            ],
        );
        std::fs::read_to_string(dir.path().join("cert.pem")).unwrap()
    }
}

/// A 2048-bit key generated once per test process.
pub fn rsa_2048() -> &'static RsaKeyPair {
    static KEY: OnceLock<RsaKeyPair> = OnceLock::new();
    KEY.get_or_init(|| RsaKeyPair::generate(2048))
}

/// Another 2048-bit key, distinct from [`rsa_2048`].
pub fn rsa_2048_other() -> &'static RsaKeyPair {
    static KEY: OnceLock<RsaKeyPair> = OnceLock::new();
    KEY.get_or_init(|| RsaKeyPair::generate(2048))
}

/// The Go SDK key pair (the public half taken from its certificate).
pub fn go_key_pair() -> RsaKeyPair {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cert.pem"), GO_CERT_PEM).unwrap();
    let public = openssl(dir.path(), &["x509", "-in", "cert.pem", "-noout", "-pubkey"]);
    RsaKeyPair {
        private_pem: GO_KEY_PEM.to_owned(),
        public_pem: String::from_utf8(public).unwrap(),
    }
}

/// Runs `openssl x509 -noout <args…>` on a certificate PEM and returns its stdout as text.
pub fn openssl_x509(cert_pem: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cert.pem"), cert_pem).unwrap();
    let mut all = vec!["x509", "-in", "cert.pem", "-noout"];
    all.extend_from_slice(args);
    String::from_utf8(openssl(dir.path(), &all)).unwrap()
}

/// Parses OpenSSL's `notBefore=`/`notAfter=` date format (`Apr 27 08:55:23 2021 GMT`) into Unix
/// seconds.
pub fn openssl_date_to_unix(text: &str) -> i64 {
    let parts: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(parts.len(), 5, "unexpected openssl date {text:?}");
    assert_eq!(parts[4], "GMT");
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| *m == parts[0]).expect("a month name") as i64 + 1;
    let day: i64 = parts[1].parse().unwrap();
    let year: i64 = parts[3].parse().unwrap();
    let hms: Vec<i64> = parts[2].split(':').map(|p| p.parse().unwrap()).collect();
    days_from_civil(year, month, day) * 86_400 + hms[0] * 3600 + hms[1] * 60 + hms[2]
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

// ---------------------------------------------------------------------------------------------
// Pinned inputs
// ---------------------------------------------------------------------------------------------

/// A nonce source that always returns the same nonce.
#[derive(Debug, Clone, Copy)]
pub struct FixedNonce(pub &'static str);

impl NonceSource for FixedNonce {
    fn nonce(&self) -> Result<String, CryptoError> {
        Ok(self.0.to_owned())
    }
}

/// The four `Wechatpay-*` headers.
pub fn signature_headers(timestamp: &str, nonce: &str, signature: &str, serial: &str) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in [
        (headers::TIMESTAMP, timestamp),
        (headers::NONCE, nonce),
        (headers::SIGNATURE, signature),
        (headers::SERIAL, serial),
    ] {
        map.insert(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

/// The headers of the published Go SDK notification.
pub fn go_notify_headers() -> HeaderMap {
    signature_headers(
        &GO_NOTIFY_TIMESTAMP.to_string(),
        GO_NOTIFY_NONCE,
        go_notify_signature(),
        GO_CERT_SERIAL,
    )
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

/// Fails if `text` contains PEM armour or a run of 40 or more characters that could be key
/// material (base64, hex or decimal digits). The message gives a position, never the text.
pub fn assert_no_key_material(text: &str) {
    assert!(!text.contains("-----"), "PEM armour at byte {:?}", text.find("-----"));
    let mut run = 0;
    for (at, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '=' {
            run += 1;
            assert!(run < 40, "a run of {run} base64/hex characters ending at byte {at}");
        } else {
            run = 0;
        }
    }
}

/// The base64 body lines of a PEM (each a fragment of key material).
pub fn pem_body_lines(pem: &str) -> Vec<&str> {
    pem.lines().filter(|line| !line.starts_with("-----") && !line.trim().is_empty()).collect()
}
