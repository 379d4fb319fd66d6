//! The AWS-LC backend (`aws-lc-rs`).

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{
    OAEP_SHA1_MGF1SHA1, OaepPrivateDecryptingKey, OaepPublicEncryptingKey, PrivateDecryptingKey,
    PublicEncryptingKey,
};
use aws_lc_rs::signature::{
    ParsedPublicKey, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256, RsaKeyPair,
};

use super::{Backend, Failed, GCM_NONCE_LEN};

/// AWS-LC through `aws-lc-rs`.
pub(crate) struct AwsLc;

/// A private key parsed once for signing and once for decryption (AWS-LC keeps separate types).
pub(crate) struct PrivateKey {
    signing: RsaKeyPair,
    decrypting: OaepPrivateDecryptingKey,
}

/// A public key parsed once for verification and once for encryption.
pub(crate) struct PublicKey {
    verifying: ParsedPublicKey,
    encrypting: OaepPublicEncryptingKey,
}

impl Backend for AwsLc {
    type PrivateKey = PrivateKey;
    type PublicKey = PublicKey;

    fn private_key_from_pkcs8(der: &[u8]) -> Result<PrivateKey, Failed> {
        let signing = RsaKeyPair::from_pkcs8(der).map_err(|_| Failed)?;
        let decrypting = PrivateDecryptingKey::from_pkcs8(der)
            .and_then(|key| OaepPrivateDecryptingKey::new(key).map_err(Into::into))
            .map_err(|_| Failed)?;
        Ok(PrivateKey { signing, decrypting })
    }

    fn public_key_from_spki(der: &[u8]) -> Result<PublicKey, Failed> {
        let verifying =
            ParsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, der).map_err(|_| Failed)?;
        let encrypting = PublicEncryptingKey::from_der(der)
            .map_err(|_| Failed)
            .and_then(|key| OaepPublicEncryptingKey::new(key).map_err(|_| Failed))?;
        Ok(PublicKey { verifying, encrypting })
    }

    fn private_key_bits(key: &PrivateKey) -> usize {
        key.decrypting.key_size_bits()
    }

    fn public_key_bits(key: &PublicKey) -> usize {
        key.encrypting.key_size_bits()
    }

    fn sign_sha256(key: &PrivateKey, message: &[u8]) -> Result<Vec<u8>, Failed> {
        let mut signature = vec![0; key.signing.public_modulus_len()];
        key.signing
            .sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), message, &mut signature)
            .map_err(|_| Failed)?;
        Ok(signature)
    }

    fn verify_sha256(key: &PublicKey, message: &[u8], signature: &[u8]) -> bool {
        key.verifying.verify_sig(message, signature).is_ok()
    }

    fn oaep_encrypt(key: &PublicKey, plaintext: &[u8]) -> Result<Vec<u8>, Failed> {
        let mut out = vec![0; key.encrypting.ciphertext_size()];
        let written = key
            .encrypting
            .encrypt(&OAEP_SHA1_MGF1SHA1, plaintext, &mut out, None)
            .map_err(|_| Failed)?
            .len();
        out.truncate(written);
        Ok(out)
    }

    fn oaep_decrypt(key: &PrivateKey, ciphertext: &[u8]) -> Result<Vec<u8>, Failed> {
        let mut out = vec![0; key.decrypting.min_output_size()];
        let written = key
            .decrypting
            .decrypt(&OAEP_SHA1_MGF1SHA1, ciphertext, &mut out, None)
            .map_err(|_| Failed)?
            .len();
        out.truncate(written);
        Ok(out)
    }

    fn aes256_gcm_encrypt(
        key: &[u8; 32],
        nonce: &[u8; GCM_NONCE_LEN],
        aad: &[u8],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, Failed> {
        let key = gcm_key(key)?;
        let mut in_out = plaintext.to_vec();
        key.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(*nonce),
            Aad::from(aad),
            &mut in_out,
        )
        .map_err(|_| Failed)?;
        Ok(in_out)
    }

    fn aes256_gcm_decrypt(
        key: &[u8; 32],
        nonce: &[u8; GCM_NONCE_LEN],
        aad: &[u8],
        sealed: &[u8],
    ) -> Result<Vec<u8>, Failed> {
        let key = gcm_key(key)?;
        let mut in_out = sealed.to_vec();
        let plaintext_len = key
            .open_in_place(Nonce::assume_unique_for_key(*nonce), Aad::from(aad), &mut in_out)
            .map_err(|_| Failed)?
            .len();
        in_out.truncate(plaintext_len);
        Ok(in_out)
    }
}

fn gcm_key(key: &[u8; 32]) -> Result<LessSafeKey, Failed> {
    UnboundKey::new(&AES_256_GCM, key).map(LessSafeKey::new).map_err(|_| Failed)
}
