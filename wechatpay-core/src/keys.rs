//! Merchant and WeChat Pay keys, and the identifiers that name them.

use std::fmt;
use std::str::FromStr;

use base64::prelude::*;
use x509_cert::der::asn1::{OctetStringRef, UintRef};
use x509_cert::der::{self, Decode, Reader, SliceReader};
use x509_cert::spki::{AlgorithmIdentifierRef, ObjectIdentifier, SubjectPublicKeyInfoRef};
use zeroize::Zeroizing;

use crate::backend::{Active, Backend};
use crate::error::{CryptoError, KeyError};
use crate::pem;

/// The smallest RSA modulus accepted anywhere.
const MIN_RSA_BITS: usize = 2048;
/// SHA-1 output length, which fixes the OAEP overhead (2 * 20 + 2 bytes).
const OAEP_SHA1_OVERHEAD: usize = 2 * 20 + 2;

/// The merchant's API private key (`apiclient_key.pem`): signs requests, decrypts fields that
/// WeChat Pay encrypts to the merchant.
pub struct MerchantPrivateKey {
    key: <Active as Backend>::PrivateKey,
    bits: usize,
}

impl MerchantPrivateKey {
    /// Loads a PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`) PEM. Every
    /// intermediate copy of the key bytes (the decoded DER, the PKCS#8 wrapping of a PKCS#1 key)
    /// is zeroed when dropped; the caller owns (and should zero) `pem` itself.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        const WHAT: &str = "merchant private key";
        let block = pem::decode_first(pem, WHAT)?;
        let pkcs8: Zeroizing<Vec<u8>> = match block.label.as_str() {
            "PRIVATE KEY" => block.der,
            "RSA PRIVATE KEY" => wrap_pkcs1_in_pkcs8(&block.der),
            _ => {
                return Err(KeyError::UnexpectedPemLabel {
                    what: WHAT,
                    expected: "`PRIVATE KEY` or `RSA PRIVATE KEY`",
                    found: block.label,
                });
            }
        };
        Self::from_pkcs8_der(&pkcs8)
    }

    /// Loads a DER-encoded PKCS#8 `PrivateKeyInfo`.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self, KeyError> {
        const WHAT: &str = "merchant private key";
        let key = Active::private_key_from_pkcs8(der).map_err(|_| {
            // A backend may refuse a short key outright (AWS-LC does below 2048 bits): report it
            // as too short whichever backend is active.
            match pkcs8_rsa_modulus_bits(der) {
                Some(bits) if bits < MIN_RSA_BITS => KeyError::TooShort { what: WHAT, bits },
                _ => {
                    KeyError::Malformed { what: WHAT, reason: "not a well-formed RSA private key" }
                }
            }
        })?;
        let bits = Active::private_key_bits(&key);
        if bits < MIN_RSA_BITS {
            return Err(KeyError::TooShort { what: WHAT, bits });
        }
        Ok(Self { key, bits })
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> usize {
        self.bits
    }

    /// RSASSA-PKCS1-v1_5 SHA-256 signature of `message`, base64-encoded.
    pub fn sign_base64(&self, message: &[u8]) -> Result<String, CryptoError> {
        let signature = Active::sign_sha256(&self.key, message)
            .map_err(|_| CryptoError::Backend { operation: "sign" })?;
        Ok(BASE64_STANDARD.encode(signature))
    }

    /// Decrypts a field WeChat Pay encrypted to the merchant (base64 RSA-OAEP SHA-1).
    pub fn decrypt_field(&self, ciphertext_base64: &str) -> Result<String, CryptoError> {
        let ciphertext = BASE64_STANDARD
            .decode(ciphertext_base64)
            .map_err(|_| CryptoError::Base64 { what: "field ciphertext" })?;
        let plaintext = Active::oaep_decrypt(&self.key, &ciphertext)
            .map_err(|_| CryptoError::OaepDecryption)?;
        String::from_utf8(plaintext).map_err(|_| CryptoError::NotUtf8 { what: "field" })
    }
}

impl fmt::Debug for MerchantPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MerchantPrivateKey").field("bits", &self.bits).finish_non_exhaustive()
    }
}

/// An RSA public key that verifies WeChat Pay signatures and encrypts fields to WeChat Pay.
pub struct RsaPublicKey {
    key: <Active as Backend>::PublicKey,
    bits: usize,
}

impl RsaPublicKey {
    /// Loads a `BEGIN PUBLIC KEY` (SubjectPublicKeyInfo) PEM.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        const WHAT: &str = "public key";
        let block = pem::decode_first(pem, WHAT)?;
        if block.label != "PUBLIC KEY" {
            return Err(KeyError::UnexpectedPemLabel {
                what: WHAT,
                expected: "`PUBLIC KEY`",
                found: block.label,
            });
        }
        Self::from_spki_der(&block.der, WHAT)
    }

    /// Loads a DER-encoded SubjectPublicKeyInfo.
    pub(crate) fn from_spki_der(der: &[u8], what: &'static str) -> Result<Self, KeyError> {
        let key =
            Active::public_key_from_spki(der).map_err(|_| match spki_rsa_modulus_bits(der) {
                Some(bits) if bits < MIN_RSA_BITS => KeyError::TooShort { what, bits },
                _ => KeyError::Malformed {
                    what,
                    reason: "not a well-formed RSA public key of 2048 to 8192 bits",
                },
            })?;
        let bits = Active::public_key_bits(&key);
        if bits < MIN_RSA_BITS {
            return Err(KeyError::TooShort { what, bits });
        }
        Ok(Self { key, bits })
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> usize {
        self.bits
    }

    /// The longest plaintext RSA-OAEP (SHA-1) carries with this key: 214 bytes for 2048 bits.
    pub fn max_plaintext_len(&self) -> usize {
        self.bits.div_ceil(8) - OAEP_SHA1_OVERHEAD
    }

    /// Whether `signature` is this key's RSASSA-PKCS1-v1_5 SHA-256 signature of `message`.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        Active::verify_sha256(&self.key, message, signature)
    }

    /// RSA-OAEP (SHA-1, MGF1-SHA-1, empty label) encryption, base64-encoded.
    pub fn encrypt_base64(&self, plaintext: &[u8]) -> Result<String, CryptoError> {
        let max = self.max_plaintext_len();
        if plaintext.len() > max {
            return Err(CryptoError::PlaintextTooLong { len: plaintext.len(), max });
        }
        let ciphertext = Active::oaep_encrypt(&self.key, plaintext)
            .map_err(|_| CryptoError::Backend { operation: "encrypt" })?;
        Ok(BASE64_STANDARD.encode(ciphertext))
    }
}

impl fmt::Debug for RsaPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaPublicKey").field("bits", &self.bits).finish_non_exhaustive()
    }
}

/// The WeChat Pay public key (`pub_key.pem`) with its ID, the mode every merchant since 2024 uses.
#[derive(Debug)]
pub struct WechatPayPublicKey {
    id: PublicKeyId,
    key: RsaPublicKey,
}

impl WechatPayPublicKey {
    /// Loads the key from its `BEGIN PUBLIC KEY` PEM, named by its `PUB_KEY_ID_…`.
    pub fn from_pem(id: &str, pem: &str) -> Result<Self, KeyError> {
        Ok(Self { id: id.parse()?, key: RsaPublicKey::from_pem(pem)? })
    }

    /// The ID sent and received as `Wechatpay-Serial`.
    pub fn id(&self) -> &PublicKeyId {
        &self.id
    }

    /// The RSA key.
    pub fn key(&self) -> &RsaPublicKey {
        &self.key
    }
}

/// The serial of the merchant's API certificate, as `openssl x509 -serial` prints it: upper-case
/// hex, no colons. Lower-case hex is accepted and upper-cased; anything else is refused, so that a
/// serial pasted with a newline or colons fails at configuration time rather than as `SIGN_ERROR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MerchantSerial(String);

impl MerchantSerial {
    /// The serial as sent in `Authorization`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for MerchantSerial {
    type Err = KeyError;

    fn from_str(serial: &str) -> Result<Self, KeyError> {
        let reason = if serial.is_empty() {
            Some("it is empty")
        } else if serial.chars().any(char::is_whitespace) {
            Some("it contains whitespace (a trailing newline?)")
        } else if serial.contains(':') {
            Some(
                "it contains colons; give the hex digits only, as `openssl x509 -noout -serial` prints them",
            )
        } else if !serial.bytes().all(|b| b.is_ascii_hexdigit()) {
            Some("it contains characters other than hex digits")
        } else if serial.len() > 40 {
            Some("it is longer than 40 hex digits (20 bytes, the X.509 maximum)")
        } else {
            None
        };
        match reason {
            Some(reason) => Err(KeyError::InvalidSerial { reason }),
            None => Ok(Self(serial.to_ascii_uppercase())),
        }
    }
}

impl fmt::Display for MerchantSerial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A WeChat Pay public key ID: `PUB_KEY_ID_` followed by letters, digits or underscores.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PublicKeyId(String);

impl PublicKeyId {
    /// The ID as sent in `Wechatpay-Serial`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PublicKeyId {
    type Err = KeyError;

    fn from_str(id: &str) -> Result<Self, KeyError> {
        let Some(rest) = id.strip_prefix("PUB_KEY_ID_") else {
            return Err(KeyError::InvalidPublicKeyId {
                reason: "it does not start with `PUB_KEY_ID_`",
            });
        };
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(KeyError::InvalidPublicKeyId {
                reason: "after `PUB_KEY_ID_` only letters, digits and `_` may follow (a trailing newline?)",
            });
        }
        Ok(Self(id.to_owned()))
    }
}

impl fmt::Display for PublicKeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `rsaEncryption` algorithm identifier.
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// The modulus size of a PKCS#8 RSA key, read from the DER alone (for the error of a key the
/// backend refused); `None` if it is not an RSA `PrivateKeyInfo`.
fn pkcs8_rsa_modulus_bits(pkcs8: &[u8]) -> Option<usize> {
    // PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm, privateKey OCTET STRING, … }
    let (algorithm, rsa_private_key) = SliceReader::new(pkcs8)
        .ok()?
        .sequence(|info| {
            u8::decode(info)?;
            let algorithm = AlgorithmIdentifierRef::decode(info)?;
            let key = <&OctetStringRef>::decode(info)?;
            info.read_slice(info.remaining_len())?;
            Ok::<_, der::Error>((algorithm.oid, key.as_bytes()))
        })
        .ok()?;
    if algorithm != RSA_ENCRYPTION {
        return None;
    }
    // RSAPrivateKey ::= SEQUENCE { version, modulus INTEGER, … }
    SliceReader::new(rsa_private_key)
        .ok()?
        .sequence(|key| {
            u8::decode(key)?;
            let modulus = UintRef::decode(key)?;
            key.read_slice(key.remaining_len())?;
            Ok::<_, der::Error>(bit_length(modulus.as_bytes()))
        })
        .ok()
}

/// The modulus size of an RSA SubjectPublicKeyInfo, read from the DER alone; `None` if it is not
/// one.
fn spki_rsa_modulus_bits(spki: &[u8]) -> Option<usize> {
    let info = SubjectPublicKeyInfoRef::from_der(spki).ok()?;
    if info.algorithm.oid != RSA_ENCRYPTION {
        return None;
    }
    // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
    SliceReader::new(info.subject_public_key.as_bytes()?)
        .ok()?
        .sequence(|key| {
            let modulus = UintRef::decode(key)?;
            UintRef::decode(key)?;
            Ok::<_, der::Error>(bit_length(modulus.as_bytes()))
        })
        .ok()
}

/// Bit length of a big-endian unsigned integer given without leading zero bytes.
fn bit_length(big_endian: &[u8]) -> usize {
    match big_endian.first() {
        Some(&first) => (big_endian.len() - 1) * 8 + (8 - first.leading_zeros() as usize),
        None => 0,
    }
}

/// Wraps a PKCS#1 `RSAPrivateKey` into a PKCS#8 `PrivateKeyInfo` (version 0, rsaEncryption), so
/// that backends parse one format only. The result holds the private key: it is written into one
/// buffer reserved at its final size (no reallocation leaves a copy behind) and zeroed on drop.
fn wrap_pkcs1_in_pkcs8(pkcs1: &[u8]) -> Zeroizing<Vec<u8>> {
    // SEQUENCE { INTEGER 0, SEQUENCE { OID 1.2.840.113549.1.1.1, NULL } }, without the outer header.
    const VERSION_AND_ALGORITHM: &[u8] = &[
        0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
        0x01, 0x05, 0x00,
    ];
    let body_len = VERSION_AND_ALGORITHM.len() + der_header_len(pkcs1.len()) + pkcs1.len();
    let mut out = Zeroizing::new(Vec::with_capacity(der_header_len(body_len) + body_len));
    push_der_header(&mut out, 0x30, body_len);
    out.extend_from_slice(VERSION_AND_ALGORITHM);
    push_der_header(&mut out, 0x04, pkcs1.len());
    out.extend_from_slice(pkcs1);
    out
}

/// The length of a DER tag and definite length of `len` content bytes.
fn der_header_len(len: usize) -> usize {
    if len < 0x80 { 2 } else { 2 + (usize::BITS - len.leading_zeros()).div_ceil(8) as usize }
}

/// Appends a DER tag and definite length.
fn push_der_header(out: &mut Vec<u8>, tag: u8, len: usize) {
    out.push(tag);
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let significant = &bytes[bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len() - 1)..];
        out.push(0x80 | significant.len() as u8);
        out.extend_from_slice(significant);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pkcs8_wrapping_is_zeroed_on_drop_and_sized_exactly() {
        for len in [0, 1, 0x7f, 0x80, 0xff, 0x100, 1191, 0x1_0000] {
            let pkcs1 = vec![0xA5; len];
            let wrapped: Zeroizing<Vec<u8>> = wrap_pkcs1_in_pkcs8(&pkcs1);
            assert_eq!(wrapped.len(), wrapped.capacity(), "no spare (or reallocated) copy: {len}");
            assert!(wrapped.ends_with(&pkcs1));
            let mut header = Vec::new();
            push_der_header(&mut header, 0x04, len);
            assert_eq!(header.len(), der_header_len(len));
        }
    }
}
