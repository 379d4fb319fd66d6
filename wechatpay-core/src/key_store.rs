//! The WeChat Pay key store: public keys and platform certificates, found by the serial they sign
//! under, and the choice of the key that encrypts sensitive fields.

use std::sync::Arc;
use std::time::Duration;

use crate::cert::PlatformCertificate;
use crate::cipher::FieldEncryptor;
use crate::clock::{Clock, SystemClock};
use crate::error::{CryptoError, VerifyError};
use crate::keys::{RsaPublicKey, WechatPayPublicKey};

/// The default limit on `|now - Wechatpay-Timestamp|`, exclusive, as in the official SDKs.
pub const DEFAULT_MAX_SKEW: Duration = Duration::from_secs(300);

/// WeChat Pay's keys as the merchant knows them: the public key(s) and platform certificates,
/// both at once during a migration, found by the `Wechatpay-Serial` they sign under. Verifies
/// responses and notifications and chooses the key that encrypts sensitive fields. Cheap to clone.
#[derive(Clone)]
pub struct WechatPayKeys {
    public_keys: Vec<Arc<WechatPayPublicKey>>,
    certificates: Vec<Arc<PlatformCertificate>>,
    pub(crate) max_skew: u64,
    pub(crate) clock: Arc<dyn Clock>,
}

impl Default for WechatPayKeys {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for WechatPayKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WechatPayKeys")
            .field("public_keys", &self.public_keys)
            .field("certificates", &self.certificates)
            .field("max_skew", &self.max_skew)
            .finish_non_exhaustive()
    }
}

impl WechatPayKeys {
    /// An empty store with the default ±300 s window and the system clock.
    pub fn new() -> Self {
        Self {
            public_keys: Vec::new(),
            certificates: Vec::new(),
            max_skew: DEFAULT_MAX_SKEW.as_secs(),
            clock: Arc::new(SystemClock),
        }
    }

    /// Adds a WeChat Pay public key (replacing one with the same ID).
    pub fn with_public_key(mut self, key: WechatPayPublicKey) -> Self {
        self.public_keys.retain(|known| known.id() != key.id());
        self.public_keys.push(Arc::new(key));
        self
    }

    /// Adds a platform certificate (replacing one with the same serial).
    pub fn with_certificate(mut self, certificate: PlatformCertificate) -> Self {
        self.certificates.retain(|known| known.serial() != certificate.serial());
        self.certificates.push(Arc::new(certificate));
        self
    }

    /// Sets the clock-skew limit: a timestamp `max_skew` or more away from now is rejected.
    /// Timestamps are whole seconds, so a fractional limit rounds up (0.5 s accepts only 0 s).
    /// A limit too large to count in seconds saturates.
    pub fn with_max_skew(mut self, max_skew: Duration) -> Self {
        self.max_skew = max_skew.as_secs().saturating_add(u64::from(max_skew.subsec_nanos() > 0));
        self
    }

    /// Replaces the clock (tests pin time with it).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The platform certificates, expired ones included, in the order added.
    pub fn certificates(&self) -> impl Iterator<Item = &PlatformCertificate> {
        self.certificates.iter().map(|certificate| &**certificate)
    }

    /// Whether no key at all is configured.
    pub fn is_empty(&self) -> bool {
        self.public_keys.is_empty() && self.certificates.is_empty()
    }

    /// Whether some key can verify an answer now: a public key, or a platform certificate within
    /// its validity window. Only expired certificates is as good as none.
    pub fn can_verify_now(&self) -> bool {
        let now = self.clock.now();
        !self.public_keys.is_empty() || self.certificates.iter().any(|cert| cert.is_valid_at(now))
    }

    /// The encryptor for sensitive fields: the public key if one is configured (the last added),
    /// otherwise the valid platform certificate issued most recently. Fails closed.
    pub fn encryptor(&self) -> Result<FieldEncryptor, CryptoError> {
        if let Some(key) = self.public_keys.last() {
            return Ok(FieldEncryptor::with_public_key(key.clone()));
        }
        let now = self.clock.now();
        self.certificates
            .iter()
            .filter(|cert| cert.is_valid_at(now))
            .max_by_key(|cert| cert.not_before_unix())
            .map(|cert| FieldEncryptor::with_certificate(cert.clone()))
            .ok_or(CryptoError::NoEncryptionKey)
    }

    /// The key named by `serial` (a `PUB_KEY_ID_…` or a certificate serial), if it may verify now.
    pub(crate) fn verifying_key(
        &self,
        serial: &str,
        now: i64,
    ) -> Result<&RsaPublicKey, VerifyError> {
        if let Some(key) = self.public_keys.iter().find(|key| key.id().as_str() == serial) {
            return Ok(key.key());
        }
        let cert = self
            .certificates
            .iter()
            .find(|cert| cert.serial() == serial)
            .ok_or_else(|| VerifyError::UnknownSerial(truncated(serial)))?;
        if !cert.is_valid_at(now) {
            return Err(VerifyError::CertificateNotValid { serial: cert.serial().to_owned() });
        }
        Ok(cert.key())
    }
}

/// A serial from a possibly hostile peer, shortened before it reaches an error message.
fn truncated(serial: &str) -> String {
    serial.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_skew_limit_saturates_instead_of_overflowing() {
        assert_eq!(WechatPayKeys::new().with_max_skew(Duration::MAX).max_skew, u64::MAX);
        let half = WechatPayKeys::new().with_max_skew(Duration::from_millis(500));
        assert_eq!(half.max_skew, 1);
    }
}
