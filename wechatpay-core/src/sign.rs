//! Signing requests: the `Authorization` header over `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`.

use std::fmt;
use std::sync::Arc;

use crate::clock::{Clock, NonceSource, OsNonce, SystemClock};
use crate::error::{CryptoError, KeyError};
use crate::keys::{MerchantPrivateKey, MerchantSerial};
use crate::protocol::{SCHEME, signing_message};

/// Signs requests as one merchant. Cheap to clone.
#[derive(Clone)]
pub struct Signer {
    mchid: Arc<str>,
    serial: MerchantSerial,
    key: Arc<MerchantPrivateKey>,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
}

/// One signed request line: the header and what went into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// The `Authorization` header value.
    pub header: String,
    /// The Unix timestamp signed.
    pub timestamp: i64,
    /// The nonce signed.
    pub nonce: String,
}

impl Signer {
    /// A signer for merchant `mchid` whose API certificate has `serial`.
    pub fn new(
        mchid: &str,
        serial: MerchantSerial,
        key: MerchantPrivateKey,
    ) -> Result<Self, KeyError> {
        validate_mchid(mchid)?;
        Ok(Self {
            mchid: mchid.into(),
            serial,
            key: Arc::new(key),
            clock: Arc::new(SystemClock),
            nonces: Arc::new(OsNonce),
        })
    }

    /// Replaces the clock (tests pin time with it).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Replaces the nonce source (tests pin nonces with it).
    pub fn with_nonce_source(mut self, nonces: impl NonceSource + 'static) -> Self {
        self.nonces = Arc::new(nonces);
        self
    }

    /// The merchant ID.
    pub fn mchid(&self) -> &str {
        &self.mchid
    }

    /// The merchant private key (for decrypting fields WeChat Pay encrypts to the merchant).
    pub fn private_key(&self) -> &MerchantPrivateKey {
        &self.key
    }

    /// Signs one request. `uri` is the request target exactly as sent (path and query, no host);
    /// `body` the exact bytes sent (empty for a GET).
    pub fn authorize(
        &self,
        method: &str,
        uri: &str,
        body: &[u8],
    ) -> Result<Authorization, CryptoError> {
        check_request_line(method, uri)?;
        let timestamp = self.clock.now();
        let nonce = self.nonces.nonce()?;
        if nonce.is_empty() || !nonce.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(CryptoError::InvalidSigningInput {
                reason: "the nonce must be non-empty [0-9A-Za-z]",
            });
        }
        let message = signing_message(method, uri, timestamp, &nonce, body);
        let signature = self.key.sign_base64(&message)?;
        let header = format!(
            "{SCHEME} mchid=\"{}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{}\"",
            self.mchid, self.serial
        );
        Ok(Authorization { header, timestamp, nonce })
    }
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("mchid", &self.mchid)
            .field("serial", &self.serial)
            .finish_non_exhaustive()
    }
}

fn check_request_line(method: &str, uri: &str) -> Result<(), CryptoError> {
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(CryptoError::InvalidSigningInput {
            reason: "the method must be upper-case letters",
        });
    }
    if !uri.starts_with('/') || uri.bytes().any(|b| b.is_ascii_whitespace() || b.is_ascii_control())
    {
        return Err(CryptoError::InvalidSigningInput {
            reason: "the URI must be an absolute path with no whitespace or control characters",
        });
    }
    Ok(())
}

/// A merchant ID is a non-empty string of ASCII digits.
pub(crate) fn validate_mchid(mchid: &str) -> Result<(), KeyError> {
    if mchid.is_empty() {
        return Err(KeyError::InvalidMchid { reason: "it is empty" });
    }
    if !mchid.bytes().all(|b| b.is_ascii_digit()) {
        return Err(KeyError::InvalidMchid {
            reason: "it must be ASCII digits only (a trailing newline?)",
        });
    }
    Ok(())
}
