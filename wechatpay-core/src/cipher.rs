//! Encryption of sensitive request fields (`cert_no`, `name`, `tel`, …) to WeChat Pay.

use std::sync::Arc;

use crate::cert::PlatformCertificate;
use crate::error::CryptoError;
use crate::keys::{RsaPublicKey, WechatPayPublicKey};

/// Encrypts fields with ONE WeChat Pay key and names it for `Wechatpay-Serial`: a request whose
/// fields are encrypted by one encryptor can never mix keys.
#[derive(Debug, Clone)]
pub struct FieldEncryptor {
    key: Key,
}

#[derive(Debug, Clone)]
enum Key {
    Public(Arc<WechatPayPublicKey>),
    Certificate(Arc<PlatformCertificate>),
}

impl FieldEncryptor {
    pub(crate) fn with_public_key(key: Arc<WechatPayPublicKey>) -> Self {
        Self { key: Key::Public(key) }
    }

    pub(crate) fn with_certificate(certificate: Arc<PlatformCertificate>) -> Self {
        Self { key: Key::Certificate(certificate) }
    }

    /// The public key ID or certificate serial to send as `Wechatpay-Serial`.
    pub fn serial(&self) -> &str {
        match &self.key {
            Key::Public(key) => key.id().as_str(),
            Key::Certificate(cert) => cert.serial(),
        }
    }

    /// RSA-OAEP (SHA-1, MGF1-SHA-1, empty label) of the UTF-8 bytes of `plaintext`, base64.
    pub fn encrypt(&self, plaintext: &str) -> Result<String, CryptoError> {
        self.rsa_key().encrypt_base64(plaintext.as_bytes())
    }

    fn rsa_key(&self) -> &RsaPublicKey {
        match &self.key {
            Key::Public(key) => key.key(),
            Key::Certificate(cert) => cert.key(),
        }
    }
}
