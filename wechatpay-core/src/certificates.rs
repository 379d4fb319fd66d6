//! Platform certificates from `GET /v3/certificates`: each one decrypted with the APIv3 key,
//! parsed, and checked against its listing and the clock before it may verify anything.

use std::time::Duration;

use serde::Deserialize;

use crate::aead::{AEAD_AES_256_GCM, ApiV3Key, SealedResource};
use crate::cert::PlatformCertificate;
use crate::error::{CryptoError, KeyError, server_text};

/// The path of the download.
pub const CERTIFICATES_PATH: &str = "/v3/certificates";

/// How often a client refreshes its platform certificates unless told otherwise
/// ([`ClientBuilder::refresh_certificates_every`](crate::ClientBuilder::refresh_certificates_every)):
/// hourly, like the official Java SDK (Go refreshes daily). WeChat Pay lists a new certificate
/// well before it starts signing with it, so an hour leaves ample margin.
pub const DEFAULT_REFRESH_INTERVAL: Duration = Duration::from_secs(3600);

/// Why a downloaded certificate list was refused. Serials are the server's text, bounded; no
/// message carries the APIv3 key or decrypted bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateError {
    /// No APIv3 key is configured: the certificates are encrypted with it.
    #[error(
        "no APIv3 key is configured (ClientBuilder::apiv3_key, WECHATPAY_APIV3_KEY_PATH): platform certificates are encrypted with it"
    )]
    NoApiV3Key,
    /// No configured or downloaded key can verify the list's signature now.
    #[error(
        "no WeChat Pay public key or valid platform certificate is configured to verify the certificate list: configure one, or accept the risk of Client::trust_certificates_on_first_use; nothing was sent"
    )]
    NoTrustedKey,
    /// The answer is not `{"data":[…]}` with the members of each certificate.
    #[error("the certificate list is not the expected JSON: {0}")]
    Malformed(String),
    /// The list holds no certificate.
    #[error("the certificate list is empty")]
    Empty,
    /// A certificate is encrypted with another algorithm than `AEAD_AES_256_GCM`.
    #[error(
        "certificate {serial}: unsupported algorithm {algorithm:?} (expected AEAD_AES_256_GCM)"
    )]
    Algorithm {
        /// The serial it is listed under.
        serial: String,
        /// The algorithm named.
        algorithm: String,
    },
    /// A certificate does not decrypt: a wrong APIv3 key, or a list altered on the way.
    #[error(
        "certificate {serial} does not decrypt with the APIv3 key ({cause}): is the APIv3 key the merchant's current one?"
    )]
    Decrypt {
        /// The serial it is listed under.
        serial: String,
        /// What failed (authentication, nonce length, base64).
        cause: CryptoError,
    },
    /// A certificate decrypts to something that is not an X.509 certificate PEM.
    #[error("certificate {serial} decrypts to no usable certificate: {cause}")]
    Parse {
        /// The serial it is listed under.
        serial: String,
        /// Why it was refused.
        cause: KeyError,
    },
    /// A certificate's own serial differs from the serial it is listed under.
    #[error("the certificate listed as {listed} has the serial {actual}")]
    SerialMismatch {
        /// The `serial_no` of the listing.
        listed: String,
        /// The serial inside the certificate.
        actual: String,
    },
    /// A certificate is expired or not yet valid.
    #[error(
        "certificate {serial} is not valid now ({now}): valid from {not_before} to {not_after} (Unix seconds)"
    )]
    NotValidNow {
        /// Its serial.
        serial: String,
        /// Now, as the client's clock says (Unix seconds).
        now: i64,
        /// Start of its validity window (Unix seconds).
        not_before: i64,
        /// End of its validity window (Unix seconds).
        not_after: i64,
    },
}

#[derive(Deserialize)]
struct Listing {
    data: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    serial_no: String,
    encrypt_certificate: SealedResource,
}

/// Reads a `GET /v3/certificates` answer body: every certificate decrypted with `key`, parsed,
/// its serial equal to its listing's `serial_no`, valid at `now` (Unix seconds). The first
/// problem refuses the whole list. The body's signature is the caller's to check.
pub fn decrypt_certificates(
    body: &[u8],
    key: &ApiV3Key,
    now: i64,
) -> Result<Vec<PlatformCertificate>, CertificateError> {
    let listing: Listing = serde_json::from_slice(body)
        .map_err(|error| CertificateError::Malformed(crate::error::json_error_summary(&error)))?;
    if listing.data.is_empty() {
        return Err(CertificateError::Empty);
    }
    listing.data.iter().map(|entry| open(entry, key, now)).collect()
}

/// One listed certificate, decrypted and checked.
fn open(entry: &Entry, key: &ApiV3Key, now: i64) -> Result<PlatformCertificate, CertificateError> {
    let serial = server_text(&entry.serial_no);
    let sealed = &entry.encrypt_certificate;
    if sealed.algorithm != AEAD_AES_256_GCM {
        let algorithm = server_text(&sealed.algorithm);
        return Err(CertificateError::Algorithm { serial, algorithm });
    }
    let pem = key
        .open(sealed)
        .map_err(|cause| CertificateError::Decrypt { serial: serial.clone(), cause })?;
    let parse = |cause| CertificateError::Parse { serial: serial.clone(), cause };
    let pem = std::str::from_utf8(&pem)
        .map_err(|_| parse(KeyError::NotPem { what: "platform certificate" }))?;
    let certificate = PlatformCertificate::from_pem(pem).map_err(parse)?;
    if certificate.serial() != entry.serial_no {
        let actual = certificate.serial().to_owned();
        return Err(CertificateError::SerialMismatch { listed: serial, actual });
    }
    if !certificate.is_valid_at(now) {
        return Err(CertificateError::NotValidNow {
            serial,
            now,
            not_before: certificate.not_before_unix(),
            not_after: certificate.not_after_unix(),
        });
    }
    Ok(certificate)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The official Go SDK's test certificate (`tests/fixtures/README.md`): serial
    /// `D7CE59D1F522D701`, valid 2021-04-27 .. 2031-04-25.
    const PEM: &str = include_str!("../tests/fixtures/go-sdk-notify-cert.pem");
    const SERIAL: &str = "D7CE59D1F522D701";
    const KEY: &str = "0123456789abcdef0123456789abcdef";
    /// 2024-06-24, inside the certificate's window.
    const NOW: i64 = 1_719_200_000;

    fn listing(serial: &str, algorithm: &str, pem: &[u8]) -> Vec<u8> {
        let key = ApiV3Key::new(KEY).unwrap();
        let ciphertext = key.encrypt("0123456789ab", "certificate", pem).unwrap();
        serde_json::to_vec(&serde_json::json!({"data": [{
            "serial_no": serial,
            "effective_time": "2021-04-27T10:00:00+08:00",
            "expire_time": "2031-04-25T10:00:00+08:00",
            "encrypt_certificate": {
                "algorithm": algorithm,
                "nonce": "0123456789ab",
                "associated_data": "certificate",
                "ciphertext": ciphertext,
            },
        }]}))
        .unwrap()
    }

    fn open_with(
        body: &[u8],
        key: &str,
        now: i64,
    ) -> Result<Vec<PlatformCertificate>, CertificateError> {
        decrypt_certificates(body, &ApiV3Key::new(key).unwrap(), now)
    }

    #[test]
    fn a_listed_certificate_decrypts_parses_and_round_trips_to_pem() {
        let certificates =
            open_with(&listing(SERIAL, AEAD_AES_256_GCM, PEM.as_bytes()), KEY, NOW).unwrap();
        assert_eq!(certificates.len(), 1);
        assert_eq!(certificates[0].serial(), SERIAL);
        let again = PlatformCertificate::from_pem(&certificates[0].to_pem()).unwrap();
        assert_eq!(again.to_der(), certificates[0].to_der());
        assert!(certificates[0].to_pem().starts_with("-----BEGIN CERTIFICATE-----\n"));
    }

    #[test]
    fn a_wrong_apiv3_key_is_a_decryption_error_that_shows_no_key() {
        let other = "fedcba9876543210fedcba9876543210";
        let error =
            open_with(&listing(SERIAL, AEAD_AES_256_GCM, PEM.as_bytes()), other, NOW).unwrap_err();
        assert_eq!(
            error,
            CertificateError::Decrypt {
                serial: SERIAL.into(),
                cause: CryptoError::AeadAuthentication
            }
        );
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains(other) && !shown.contains(KEY), "{shown}");
    }

    #[test]
    fn a_certificate_listed_under_another_serial_is_refused() {
        let error =
            open_with(&listing("0A0B", AEAD_AES_256_GCM, PEM.as_bytes()), KEY, NOW).unwrap_err();
        assert_eq!(
            error,
            CertificateError::SerialMismatch { listed: "0A0B".into(), actual: SERIAL.into() }
        );
    }

    #[test]
    fn an_expired_or_not_yet_valid_certificate_is_refused() {
        let body = listing(SERIAL, AEAD_AES_256_GCM, PEM.as_bytes());
        for now in [1_600_000_000, 2_000_000_000] {
            let error = open_with(&body, KEY, now).unwrap_err();
            assert!(
                matches!(&error, CertificateError::NotValidNow { serial, now: at, .. } if serial == SERIAL && *at == now),
                "{error:?}"
            );
        }
    }

    #[test]
    fn garbage_is_refused_precisely() {
        let not_pem =
            open_with(&listing(SERIAL, AEAD_AES_256_GCM, b"hello"), KEY, NOW).unwrap_err();
        assert!(
            matches!(not_pem, CertificateError::Parse { cause: KeyError::NotPem { .. }, .. }),
            "{not_pem:?}"
        );
        let not_utf8 =
            open_with(&listing(SERIAL, AEAD_AES_256_GCM, &[0xff, 0xfe]), KEY, NOW).unwrap_err();
        assert!(matches!(not_utf8, CertificateError::Parse { .. }), "{not_utf8:?}");
        let key_pem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
        let wrong_label =
            open_with(&listing(SERIAL, AEAD_AES_256_GCM, key_pem.as_bytes()), KEY, NOW)
                .unwrap_err();
        assert!(
            matches!(
                wrong_label,
                CertificateError::Parse { cause: KeyError::UnexpectedPemLabel { .. }, .. }
            ),
            "{wrong_label:?}"
        );
        let algorithm =
            open_with(&listing(SERIAL, "AEAD_SM4_GCM", PEM.as_bytes()), KEY, NOW).unwrap_err();
        assert!(matches!(algorithm, CertificateError::Algorithm { .. }), "{algorithm:?}");

        let mut value: serde_json::Value =
            serde_json::from_slice(&listing(SERIAL, AEAD_AES_256_GCM, PEM.as_bytes())).unwrap();
        value["data"][0]["encrypt_certificate"]["ciphertext"] = "not base64!".into();
        let base64 = open_with(&serde_json::to_vec(&value).unwrap(), KEY, NOW).unwrap_err();
        assert!(
            matches!(base64, CertificateError::Decrypt { cause: CryptoError::Base64 { .. }, .. }),
            "{base64:?}"
        );
        value["data"][0]["encrypt_certificate"]["nonce"] = "short".into();
        let nonce = open_with(&serde_json::to_vec(&value).unwrap(), KEY, NOW).unwrap_err();
        assert!(
            matches!(
                nonce,
                CertificateError::Decrypt { cause: CryptoError::AeadNonceLength { len: 5 }, .. }
            ),
            "{nonce:?}"
        );

        assert_eq!(open_with(br#"{"data":[]}"#, KEY, NOW).unwrap_err(), CertificateError::Empty);
        for body in [&b"<html>"[..], br#"{"data":[{"serial_no":"01"}]}"#, b"{}"] {
            let error = open_with(body, KEY, NOW).unwrap_err();
            assert!(matches!(error, CertificateError::Malformed(_)), "{error:?}");
        }
    }

    #[test]
    fn one_bad_certificate_refuses_the_whole_list() {
        let good: serde_json::Value =
            serde_json::from_slice(&listing(SERIAL, AEAD_AES_256_GCM, PEM.as_bytes())).unwrap();
        let bad: serde_json::Value =
            serde_json::from_slice(&listing("0A0B", AEAD_AES_256_GCM, PEM.as_bytes())).unwrap();
        let both = serde_json::json!({"data": [good["data"][0], bad["data"][0]]});
        let error = open_with(&serde_json::to_vec(&both).unwrap(), KEY, NOW).unwrap_err();
        assert!(matches!(error, CertificateError::SerialMismatch { .. }), "{error:?}");
    }
}
