//! The pure-Rust backend: RustCrypto `rsa` 0.10 and `aes-gcm`.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::traits::PublicKeyParts;
use sha1::Sha1;
use sha2::Sha256;

use super::{Backend, Failed, GCM_NONCE_LEN};

/// RustCrypto.
pub(crate) struct RustCrypto;

impl Backend for RustCrypto {
    type PrivateKey = rsa::PrivateKey;
    type PublicKey = rsa::PublicKey;

    fn private_key_from_pkcs8(der: &[u8]) -> Result<rsa::PrivateKey, Failed> {
        let key = rsa::PrivateKey::from_pkcs8_der(der).map_err(|_| Failed)?;
        key.validate().map_err(|_| Failed)?;
        Ok(key)
    }

    fn public_key_from_spki(der: &[u8]) -> Result<rsa::PublicKey, Failed> {
        rsa::PublicKey::from_public_key_der(der).map_err(|_| Failed)
    }

    fn private_key_bits(key: &rsa::PrivateKey) -> usize {
        key.n().bit_width() as usize
    }

    fn public_key_bits(key: &rsa::PublicKey) -> usize {
        key.n().bit_width() as usize
    }

    fn sign_sha256(key: &rsa::PrivateKey, message: &[u8]) -> Result<Vec<u8>, Failed> {
        key.pkcs1v15_sign::<Sha256>(message).map_err(|_| Failed)
    }

    fn verify_sha256(key: &rsa::PublicKey, message: &[u8], signature: &[u8]) -> bool {
        key.pkcs1v15_verify::<Sha256>(message, signature).is_ok()
    }

    fn oaep_encrypt(key: &rsa::PublicKey, plaintext: &[u8]) -> Result<Vec<u8>, Failed> {
        key.oaep_encrypt::<Sha1>(plaintext).map_err(|_| Failed)
    }

    fn oaep_decrypt(key: &rsa::PrivateKey, ciphertext: &[u8]) -> Result<Vec<u8>, Failed> {
        // rsa 0.10 ignores the first octet Y of the encoded message; RFC 8017 7.1.2 step 3.g
        // requires Y = 0 (Wycheproof tcId 23). Both checks always run and are combined at the end,
        // so that no separate failure can be timed (Manger's attack).
        let first_octet_is_zero = first_octet_is_zero(key, ciphertext);
        let decrypted = key.oaep_decrypt::<Sha1>(ciphertext);
        match (first_octet_is_zero, decrypted) {
            (true, Ok(plaintext)) => Ok(plaintext),
            _ => Err(Failed),
        }
    }

    fn aes256_gcm_encrypt(
        key: &[u8; 32],
        nonce: &[u8; GCM_NONCE_LEN],
        aad: &[u8],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, Failed> {
        let cipher = Aes256Gcm::new_from_slice(key).map_err(|_| Failed)?;
        cipher.encrypt(&Nonce::from(*nonce), Payload { msg: plaintext, aad }).map_err(|_| Failed)
    }

    fn aes256_gcm_decrypt(
        key: &[u8; 32],
        nonce: &[u8; GCM_NONCE_LEN],
        aad: &[u8],
        sealed: &[u8],
    ) -> Result<Vec<u8>, Failed> {
        let cipher = Aes256Gcm::new_from_slice(key).map_err(|_| Failed)?;
        cipher.decrypt(&Nonce::from(*nonce), Payload { msg: sealed, aad }).map_err(|_| Failed)
    }
}

/// Whether the RSA decryption of `ciphertext` fits in `k - 1` octets, i.e. the leading octet of
/// the encoded message is zero.
fn first_octet_is_zero(key: &rsa::PrivateKey, ciphertext: &[u8]) -> bool {
    let k = key.size();
    if ciphertext.len() != k {
        return false;
    }
    let Ok(c) = rsa::BoxedUint::from_be_slice(ciphertext, key.n_bits_precision()) else {
        return false;
    };
    match rsa::hazmat::rsa_decrypt_and_check(key, Some(&mut getrandom::SysRng), &c) {
        Ok(m) => (m.bit_width() as usize) <= 8 * (k - 1),
        Err(_) => false,
    }
}
