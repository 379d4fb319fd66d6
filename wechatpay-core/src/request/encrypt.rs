//! The encryption step: a copy of the request in which every `Sensitive` value the derive reaches
//! is sealed (its ciphertext), the only form in which such a value serializes.

use super::validate::Validate;
use crate::cipher::FieldEncryptor;
use crate::error::CryptoError;
use crate::sensitive::{Redacted, Sensitive};

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

    /// A copy with every `encrypt` field sealed, all under one key.
    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError>;
}

#[diagnostic::do_not_recommend]
impl<T: EncryptFields> EncryptFields for Vec<T> {
    const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.iter().map(|item| item.encrypt_fields(encryptor)).collect()
    }
}

#[diagnostic::do_not_recommend]
impl<T: EncryptFields> EncryptFields for Option<T> {
    const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.as_ref().map(|value| value.encrypt_fields(encryptor)).transpose()
    }
}

#[diagnostic::do_not_recommend]
impl<T: EncryptFields> EncryptFields for Box<T> {
    const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        (**self).encrypt_fields(encryptor).map(Box::new)
    }
}

/// The types an `encrypt` field may have: [`Sensitive`], and an `Option` or `Vec` of it.
#[diagnostic::on_unimplemented(
    message = "`encrypt` needs a `wechatpay_apiv3::Sensitive` field, not `{Self}`",
    label = "make this `Sensitive` (or `Option<Sensitive>`, `Vec<Sensitive>`)",
    note = "a `Sensitive` value serializes only as its ciphertext and prints as `<redacted>`, so its plaintext cannot reach the wire, a log or a `serde_json::Value` by any route"
)]
pub trait EncryptValue: Sized {
    /// The sealed copy to send in place of `self`.
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError>;
}

impl EncryptValue for Sensitive {
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.seal(encryptor)
    }
}

#[diagnostic::do_not_recommend]
impl<T: EncryptValue> EncryptValue for Option<T> {
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.as_ref().map(|value| value.encrypt_value(encryptor)).transpose()
    }
}

#[diagnostic::do_not_recommend]
impl<T: EncryptValue> EncryptValue for Vec<T> {
    fn encrypt_value(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        self.iter().map(|value| value.encrypt_value(encryptor)).collect()
    }
}

/// The types a `redact` field may have: [`Redacted`], and an `Option` or `Vec` of it.
#[diagnostic::on_unimplemented(
    message = "`redact` needs a `wechatpay_apiv3::Redacted<_>` field, not `{Self}`",
    label = "make this `Redacted<{Self}>`",
    note = "`Redacted` is serialized as the value inside but prints as `<redacted>` in any `Debug`, so the personal data cannot reach a log"
)]
pub trait RedactValue {}

impl<T> RedactValue for Redacted<T> {}
#[diagnostic::do_not_recommend]
impl<T: RedactValue> RedactValue for Option<T> {}
#[diagnostic::do_not_recommend]
impl<T: RedactValue> RedactValue for Vec<T> {}
