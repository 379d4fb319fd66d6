//! AES-256-GCM with the APIv3 key: notifications and platform-certificate downloads.

use std::fmt;

use base64::prelude::*;
use zeroize::Zeroizing;

use crate::backend::{Active, Backend, GCM_NONCE_LEN, GCM_TAG_LEN};
use crate::error::{CryptoError, KeyError};

/// The only algorithm of APIv3's encrypted resources (notifications, certificate downloads).
pub const AEAD_AES_256_GCM: &str = "AEAD_AES_256_GCM";

/// An encrypted resource as WeChat Pay sends it (`resource` of a notification,
/// `encrypt_certificate` of a download). Its `algorithm` is the caller's to check, since each
/// reports an unknown one in its own terms.
#[derive(serde::Deserialize)]
pub(crate) struct SealedResource {
    pub(crate) algorithm: String,
    pub(crate) nonce: String,
    #[serde(default)]
    pub(crate) associated_data: String,
    pub(crate) ciphertext: String,
}

/// The merchant's APIv3 key: 32 ASCII characters, used as-is as the AES-256 key.
pub struct ApiV3Key(Zeroizing<[u8; 32]>);

impl ApiV3Key {
    /// Takes the key as configured in the merchant platform (32 characters).
    pub fn new(key: &str) -> Result<Self, KeyError> {
        let invalid = KeyError::InvalidApiV3Key { len: key.len() };
        if !key.is_ascii() {
            return Err(invalid);
        }
        let bytes: [u8; 32] = key.as_bytes().try_into().map_err(|_| invalid)?;
        Ok(Self(Zeroizing::new(bytes)))
    }

    /// Decrypts an `encrypt-resource`: `nonce` (12 characters), `associated_data` (may be empty),
    /// `ciphertext` = base64(encrypted ‖ 16-byte tag).
    pub fn decrypt(
        &self,
        nonce: &str,
        associated_data: &str,
        ciphertext: &str,
    ) -> Result<Vec<u8>, CryptoError> {
        let nonce = gcm_nonce(nonce)?;
        let sealed = BASE64_STANDARD
            .decode(ciphertext)
            .map_err(|_| CryptoError::Base64 { what: "AES-GCM ciphertext" })?;
        if sealed.len() < GCM_TAG_LEN {
            return Err(CryptoError::AeadAuthentication);
        }
        Active::aes256_gcm_decrypt(&self.0, &nonce, associated_data.as_bytes(), &sealed)
            .map_err(|_| CryptoError::AeadAuthentication)
    }

    /// Decrypts `resource` (whose algorithm the caller checked).
    pub(crate) fn open(&self, resource: &SealedResource) -> Result<Vec<u8>, CryptoError> {
        self.decrypt(&resource.nonce, &resource.associated_data, &resource.ciphertext)
    }

    /// Encrypts like WeChat Pay does, returning base64(encrypted ‖ tag). The sandbox uses it to
    /// build notifications; merchants only decrypt.
    pub fn encrypt(
        &self,
        nonce: &str,
        associated_data: &str,
        plaintext: &[u8],
    ) -> Result<String, CryptoError> {
        let nonce = gcm_nonce(nonce)?;
        let sealed =
            Active::aes256_gcm_encrypt(&self.0, &nonce, associated_data.as_bytes(), plaintext)
                .map_err(|_| CryptoError::Backend { operation: "encrypt" })?;
        Ok(BASE64_STANDARD.encode(sealed))
    }
}

impl fmt::Debug for ApiV3Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiV3Key(..)")
    }
}

fn gcm_nonce(nonce: &str) -> Result<[u8; GCM_NONCE_LEN], CryptoError> {
    nonce.as_bytes().try_into().map_err(|_| CryptoError::AeadNonceLength { len: nonce.len() })
}
