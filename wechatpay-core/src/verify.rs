//! The WeChat Pay key store and the verification of signed responses and notifications.

use std::sync::Arc;
use std::time::Duration;

use base64::prelude::*;
use http::HeaderMap;

use crate::cert::PlatformCertificate;
use crate::cipher::FieldEncryptor;
use crate::clock::{Clock, SystemClock};
use crate::error::{CryptoError, VerifyError};
use crate::keys::{RsaPublicKey, WechatPayPublicKey};

/// Prefix of the signatures WeChat Pay sends on purpose to check that merchants verify.
pub const PROBE_PREFIX: &str = "WECHATPAY/SIGNTEST/";
/// The default limit on `|now - Wechatpay-Timestamp|`, exclusive, as in the official SDKs.
pub const DEFAULT_MAX_SKEW: Duration = Duration::from_secs(300);

/// Header names of a signed response or notification.
pub mod headers {
    /// `Wechatpay-Timestamp`
    pub const TIMESTAMP: &str = "Wechatpay-Timestamp";
    /// `Wechatpay-Nonce`
    pub const NONCE: &str = "Wechatpay-Nonce";
    /// `Wechatpay-Signature`
    pub const SIGNATURE: &str = "Wechatpay-Signature";
    /// `Wechatpay-Serial`
    pub const SERIAL: &str = "Wechatpay-Serial";
}

/// The four signature headers of a response or notification.
#[derive(Debug, Clone, Copy)]
pub struct SignatureHeaders<'a> {
    /// `Wechatpay-Timestamp`
    pub timestamp: &'a str,
    /// `Wechatpay-Nonce`
    pub nonce: &'a str,
    /// `Wechatpay-Signature`
    pub signature: &'a str,
    /// `Wechatpay-Serial`
    pub serial: &'a str,
}

impl<'a> SignatureHeaders<'a> {
    /// Reads the four headers; the first one missing or not visible ASCII is the error.
    pub fn from_header_map(map: &'a HeaderMap) -> Result<Self, VerifyError> {
        let get = |name: &'static str| {
            let value = map.get(name).ok_or(VerifyError::MissingHeader(name))?;
            value.to_str().map_err(|_| VerifyError::MalformedHeader(name))
        };
        Ok(Self {
            timestamp: get(headers::TIMESTAMP)?,
            nonce: get(headers::NONCE)?,
            signature: get(headers::SIGNATURE)?,
            serial: get(headers::SERIAL)?,
        })
    }
}

/// WeChat Pay's keys as the merchant knows them: the public key(s) and platform certificates,
/// both at once during a migration, found by the `Wechatpay-Serial` they sign under. Verifies
/// responses and notifications and chooses the key that encrypts sensitive fields. Cheap to clone.
#[derive(Clone)]
pub struct WechatPayKeys {
    public_keys: Vec<Arc<WechatPayPublicKey>>,
    certificates: Vec<Arc<PlatformCertificate>>,
    max_skew: u64,
    clock: Arc<dyn Clock>,
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
    pub fn with_max_skew(mut self, max_skew: Duration) -> Self {
        self.max_skew = max_skew.as_secs() + u64::from(max_skew.subsec_nanos() > 0);
        self
    }

    /// Replaces the clock (tests pin time with it).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Whether no key at all is configured.
    pub fn is_empty(&self) -> bool {
        self.public_keys.is_empty() && self.certificates.is_empty()
    }

    /// Verifies a response or notification from its headers and exact body bytes.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), VerifyError> {
        self.verify_parts(SignatureHeaders::from_header_map(headers)?, body)
    }

    /// Verifies from already-extracted headers: probe, timestamp window, key by serial, base64,
    /// then the signature over `TIMESTAMP\nNONCE\nBODY\n`.
    pub fn verify_parts(
        &self,
        headers: SignatureHeaders<'_>,
        body: &[u8],
    ) -> Result<(), VerifyError> {
        if headers.signature.starts_with(PROBE_PREFIX) {
            return Err(VerifyError::SignatureProbe);
        }
        let timestamp = parse_timestamp(headers.timestamp)?;
        let now = self.clock.now();
        let skew = now.abs_diff(timestamp);
        if skew >= self.max_skew {
            return Err(VerifyError::TimestampSkew { timestamp, skew, max_skew: self.max_skew });
        }
        let key = self.verifying_key(headers.serial, now)?;
        let signature = BASE64_STANDARD
            .decode(headers.signature)
            .map_err(|_| VerifyError::SignatureNotBase64)?;
        let message = response_message(headers.timestamp, headers.nonce, body);
        if key.verify(&message, &signature) { Ok(()) } else { Err(VerifyError::BadSignature) }
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

    fn verifying_key(&self, serial: &str, now: i64) -> Result<&RsaPublicKey, VerifyError> {
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

/// `TIMESTAMP\nNONCE\nBODY\n`, the bytes a response or notification signature covers.
pub fn response_message(timestamp: &str, nonce: &str, body: &[u8]) -> Vec<u8> {
    crate::sign::with_body(&format!("{timestamp}\n{nonce}\n"), body)
}

fn parse_timestamp(value: &str) -> Result<i64, VerifyError> {
    let malformed = VerifyError::MalformedHeader(headers::TIMESTAMP);
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed);
    }
    value.parse().map_err(|_| malformed)
}

/// A serial from a possibly hostile peer, shortened before it reaches an error message.
fn truncated(serial: &str) -> String {
    serial.chars().take(64).collect()
}
