//! Encryption of `encrypt` fields into a copy of the request; the caller's value is untouched.

use super::validate::Validate;
use crate::cipher::FieldEncryptor;
use crate::error::CryptoError;

/// A request or record whose sensitive fields (nested ones included) can be encrypted.
///
/// Every record also validates: `Validate` is a supertrait, so that one bound, `T: EncryptFields`,
/// names a record and a type that is not one is reported once.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a WeChat Pay record",
    label = "`nested` needs a type that derives `WechatRecord` (or a Vec/Option/Box of one)",
    note = "add `#[derive(WechatRecord)]` to the nested type",
    note = "`nested` takes no other container (an array, a map, an `Arc`, a tuple): hold the records in a Vec, Option or Box"
)]
pub trait EncryptFields: Validate + Sized {
    /// Whether any field, nested ones included, is marked `encrypt`.
    const HAS_ENCRYPTED_FIELDS: bool;

    /// A copy with every `encrypt` field replaced by its ciphertext, all under one key.
    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError>;
}

impl<T: EncryptFields> EncryptFields for Vec<T> {
    const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.iter().map(|item| item.encrypt_fields(encryptor)).collect()
    }
}

impl<T: EncryptFields> EncryptFields for Option<T> {
    const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.as_ref().map(|value| value.encrypt_fields(encryptor)).transpose()
    }
}

impl<T: EncryptFields> EncryptFields for Box<T> {
    const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        (**self).encrypt_fields(encryptor).map(Box::new)
    }
}

/// A field value that `encrypt` can replace by its ciphertext.
#[diagnostic::on_unimplemented(
    message = "`encrypt` cannot encrypt a `{Self}`",
    label = "`encrypt` applies to String, Option<String> and Vec<String> fields",
    note = "WeChat Pay encrypts text fields (RSA-OAEP, then base64)"
)]
pub trait EncryptValue: Sized {
    /// The ciphertext to send in place of `self`.
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError>;
}

/// An empty string stays empty: there is nothing to hide, and `required` has already refused it
/// where a value is needed.
impl EncryptValue for String {
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        if self.is_empty() { Ok(String::new()) } else { encryptor.encrypt(self) }
    }
}

impl<T: EncryptValue> EncryptValue for Option<T> {
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.as_ref().map(|value| value.encrypt_value(encryptor)).transpose()
    }
}

impl<T: EncryptValue> EncryptValue for Vec<T> {
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.iter().map(|value| value.encrypt_value(encryptor)).collect()
    }
}
