//! The cryptographic primitives APIv3 needs, behind one small trait with two implementations.
//!
//! Everything above this module (keys, signer, verifier, field cipher, AEAD) calls `Active`, the
//! backend chosen by cargo features: `aws-lc-rs` when enabled (the default: about seven times faster
//! RSA signing, see the README), otherwise the pure-Rust `rsa`. Both are tested against the same
//! vectors in `backend/tests.rs`.

#[cfg(feature = "aws-lc-rs")]
pub(crate) mod aws_lc;
#[cfg(feature = "rsa")]
pub(crate) mod rust_crypto;
#[doc(hidden)]
pub mod speed;
#[cfg(test)]
mod tests;

#[cfg(not(any(feature = "aws-lc-rs", feature = "rsa")))]
compile_error!(
    "wechatpay-apiv3-core needs a crypto backend: enable the `aws-lc-rs` or the `rsa` feature"
);

/// The backend the rest of the crate uses.
#[cfg(feature = "aws-lc-rs")]
pub(crate) type Active = aws_lc::AwsLc;
/// The backend the rest of the crate uses.
#[cfg(all(feature = "rsa", not(feature = "aws-lc-rs")))]
pub(crate) type Active = rust_crypto::RustCrypto;

/// The name of the active backend (`aws-lc-rs` or `rsa`), so that a test run can prove which one
/// it exercised.
#[cfg(feature = "aws-lc-rs")]
pub const ACTIVE_NAME: &str = "aws-lc-rs";
/// The name of the active backend (`aws-lc-rs` or `rsa`), so that a test run can prove which one
/// it exercised.
#[cfg(all(feature = "rsa", not(feature = "aws-lc-rs")))]
pub const ACTIVE_NAME: &str = "rsa";

/// A failed primitive. Deliberately carries nothing: callers map it to a precise error of their
/// own, and a backend's internal message can never leak key material.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Failed;

/// Length in bytes of the AES-GCM nonce APIv3 uses (and the only length supported).
pub(crate) const GCM_NONCE_LEN: usize = 12;
/// Length in bytes of the AES-GCM tag appended to every ciphertext.
pub(crate) const GCM_TAG_LEN: usize = 16;

/// RSA-2048+ (PKCS#1 v1.5 SHA-256 signatures, OAEP SHA-1/MGF1-SHA-1 encryption) and AES-256-GCM.
pub(crate) trait Backend {
    /// A parsed RSA private key.
    type PrivateKey: Send + Sync;
    /// A parsed RSA public key.
    type PublicKey: Send + Sync;

    /// Parses a PKCS#8 `PrivateKeyInfo` holding an RSA key.
    fn private_key_from_pkcs8(der: &[u8]) -> Result<Self::PrivateKey, Failed>;
    /// Parses an X.509 `SubjectPublicKeyInfo` holding an RSA key.
    fn public_key_from_spki(der: &[u8]) -> Result<Self::PublicKey, Failed>;
    /// Modulus size of a private key in bits.
    fn private_key_bits(key: &Self::PrivateKey) -> usize;
    /// Modulus size of a public key in bits.
    fn public_key_bits(key: &Self::PublicKey) -> usize;

    /// RSASSA-PKCS1-v1_5 with SHA-256 over `message`.
    fn sign_sha256(key: &Self::PrivateKey, message: &[u8]) -> Result<Vec<u8>, Failed>;
    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `message`.
    fn verify_sha256(key: &Self::PublicKey, message: &[u8], signature: &[u8]) -> bool;

    /// RSAES-OAEP with SHA-1, MGF1-SHA-1 and an empty label.
    fn oaep_encrypt(key: &Self::PublicKey, plaintext: &[u8]) -> Result<Vec<u8>, Failed>;
    /// Inverse of [`Backend::oaep_encrypt`].
    fn oaep_decrypt(key: &Self::PrivateKey, ciphertext: &[u8]) -> Result<Vec<u8>, Failed>;

    /// AES-256-GCM: returns ciphertext ‖ 16-byte tag.
    fn aes256_gcm_encrypt(
        key: &[u8; 32],
        nonce: &[u8; GCM_NONCE_LEN],
        aad: &[u8],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, Failed>;
    /// AES-256-GCM: `sealed` is ciphertext ‖ 16-byte tag; fails unless the tag verifies.
    fn aes256_gcm_decrypt(
        key: &[u8; 32],
        nonce: &[u8; GCM_NONCE_LEN],
        aad: &[u8],
        sealed: &[u8],
    ) -> Result<Vec<u8>, Failed>;
}
