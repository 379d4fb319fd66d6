//! WeChat Pay platform certificates (the mode before public keys; still met during migrations).

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use x509_cert::Certificate;
use x509_cert::der::{Decode, Encode};

use crate::error::KeyError;
use crate::keys::RsaPublicKey;
use crate::pem;

const WHAT: &str = "platform certificate";

/// A platform certificate: its serial (the `Wechatpay-Serial` it signs under), key and validity.
pub struct PlatformCertificate {
    serial: String,
    key: RsaPublicKey,
    not_before: i64,
    not_after: i64,
    der: Vec<u8>,
}

impl PlatformCertificate {
    /// Loads a `BEGIN CERTIFICATE` PEM (the first one, if the input holds a chain).
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let block = pem::decode_first(pem, WHAT)?;
        if block.label != "CERTIFICATE" {
            return Err(KeyError::UnexpectedPemLabel {
                what: WHAT,
                expected: "`CERTIFICATE`",
                found: block.label,
            });
        }
        Self::from_der(&block.der)
    }

    /// Loads a DER-encoded X.509 certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, KeyError> {
        let malformed = |reason| KeyError::Malformed { what: WHAT, reason };
        let cert = Certificate::from_der(der).map_err(|_| malformed("not an X.509 certificate"))?;
        let tbs = cert.tbs_certificate();
        let serial = serial_hex(tbs.serial_number().as_bytes())
            .ok_or_else(|| malformed("the serial number is negative or empty"))?;
        let spki = tbs
            .subject_public_key_info()
            .to_der()
            .map_err(|_| malformed("the public key does not re-encode"))?;
        let key = RsaPublicKey::from_spki_der(&spki, WHAT)?;
        let validity = tbs.validity();
        let not_before = unix_seconds(validity.not_before.to_unix_duration());
        let not_after = unix_seconds(validity.not_after.to_unix_duration());
        Ok(Self { serial, key, not_before, not_after, der: der.to_vec() })
    }

    /// The serial as `openssl x509 -serial` prints it: upper-case hex of the integer, without the
    /// sign byte DER adds when the top bit is set (`D7CE59D1F522D701`, not `00D7CE59D1F522D701`).
    pub fn serial(&self) -> &str {
        &self.serial
    }

    /// The certificate's RSA key.
    pub fn key(&self) -> &RsaPublicKey {
        &self.key
    }

    /// Start of the validity window.
    pub fn not_before(&self) -> SystemTime {
        to_system_time(self.not_before)
    }

    /// End of the validity window.
    pub fn not_after(&self) -> SystemTime {
        to_system_time(self.not_after)
    }

    /// Whether `unix_time` (seconds) falls inside the validity window, both ends included.
    pub fn is_valid_at(&self, unix_time: i64) -> bool {
        (self.not_before..=self.not_after).contains(&unix_time)
    }

    /// The certificate as PEM (`-----BEGIN CERTIFICATE-----`, LF line endings), to save a
    /// downloaded certificate to a file.
    pub fn to_pem(&self) -> String {
        pem_rfc7468::encode_string("CERTIFICATE", pem_rfc7468::LineEnding::LF, &self.der)
            .expect("a certificate's DER always fits in PEM")
    }

    /// The DER encoding, as loaded.
    pub fn to_der(&self) -> &[u8] {
        &self.der
    }

    pub(crate) fn not_before_unix(&self) -> i64 {
        self.not_before
    }

    pub(crate) fn not_after_unix(&self) -> i64 {
        self.not_after
    }
}

impl fmt::Debug for PlatformCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PlatformCertificate")
            .field("serial", &self.serial)
            .field("not_before", &self.not_before)
            .field("not_after", &self.not_after)
            .finish_non_exhaustive()
    }
}

/// Upper-case hex of a DER INTEGER's content octets, as OpenSSL prints it; `None` if negative.
fn serial_hex(content: &[u8]) -> Option<String> {
    let (&first, _) = content.split_first()?;
    if first & 0x80 != 0 {
        return None;
    }
    let start = content.iter().position(|&b| b != 0).unwrap_or(content.len() - 1);
    Some(content[start..].iter().map(|b| format!("{b:02X}")).collect())
}

fn unix_seconds(since_epoch: Duration) -> i64 {
    i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX)
}

fn to_system_time(unix: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(unix.max(0).unsigned_abs())
}

#[cfg(test)]
mod tests {
    use super::serial_hex;

    #[test]
    fn serial_hex_drops_the_der_sign_byte_like_openssl() {
        assert_eq!(serial_hex(&[0x00, 0xD7, 0xCE]).as_deref(), Some("D7CE"));
        assert_eq!(serial_hex(&[0x01]).as_deref(), Some("01"));
        assert_eq!(serial_hex(&[0x00]).as_deref(), Some("00"));
        assert_eq!(serial_hex(&[0x80]), None);
        assert_eq!(serial_hex(&[]), None);
    }
}
