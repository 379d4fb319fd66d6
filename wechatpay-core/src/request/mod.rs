//! The request layer `#[derive(WechatRequest)]` targets: validation, field encryption, and the
//! preparation of the exact bytes to send (method, request target, body, headers).

mod encrypt;
mod prepare;
mod url;
mod validate;

pub use encrypt::{EncryptFields, EncryptValue};
pub use prepare::{Method, PreparedRequest, USER_AGENT, WechatRequest};
pub use url::encode_component;
pub use validate::{Checker, Present, Rule, Text, Validate, Violation, Violations};

/// Support for the code `#[derive(WechatRequest)]` writes; not a public API.
///
/// The probes below select an inherent item when a field's type is a record (or can be absent)
/// and fall back to a trait item otherwise. The derive brings the fallback traits into scope with
/// `use … as _`, so generated code compiles for every field type, and a misuse is reported once,
/// by `require_record` or by a `const` assertion, instead of once per use.
#[doc(hidden)]
pub mod __private {
    use core::marker::PhantomData;

    pub use serde;

    pub use crate::cipher::FieldEncryptor;
    pub use crate::error::CryptoError;

    use super::{Checker, EncryptFields, Present};

    /// Tells, for a concrete field type, whether it is a record (so that forgetting
    /// `#[wechat(nested)]` on it is a compile error rather than silently unencrypted fields), and
    /// forwards to the record's impls when it is one.
    pub struct RecordProbe<T>(PhantomData<T>);

    impl<T: EncryptFields> RecordProbe<T> {
        /// Found when `T` is a record: this inherent constant shadows the trait's.
        pub const IS_RECORD: bool = true;
        /// Whether the record has encrypted fields.
        pub const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

        /// Validates the record below `checker`.
        pub fn validate_into(value: &T, checker: &mut Checker<'_>) {
            super::Validate::validate_into(value, checker);
        }

        /// Encrypts the record's `encrypt` fields.
        pub fn encrypt_fields(value: &T, encryptor: &FieldEncryptor) -> Result<T, CryptoError> {
            EncryptFields::encrypt_fields(value, encryptor)
        }

        /// The copy of a field not marked `nested` that holds records anyway: refused at compile
        /// time by the `IS_RECORD` assertion, and encrypted (never copied in plaintext) regardless.
        pub fn copy_field(value: &T, encryptor: &FieldEncryptor) -> Result<T, CryptoError> {
            EncryptFields::encrypt_fields(value, encryptor)
        }
    }

    /// The fallback for every type that is not a record. Its functions are only reached in code
    /// that `require_record` has already refused to compile.
    pub trait NotARecord {
        /// `false`: not a record.
        const IS_RECORD: bool = false;
        /// `false`: nothing to encrypt.
        const HAS_ENCRYPTED_FIELDS: bool = false;

        /// Nothing to validate.
        fn validate_into<T>(_value: &T, _checker: &mut Checker<'_>) {}

        /// Never called (see the trait's documentation); refuses rather than panics.
        fn encrypt_fields<T>(_value: &T, _encryptor: &FieldEncryptor) -> Result<T, CryptoError> {
            Err(CryptoError::Backend { operation: "encrypt a field that is not a record" })
        }

        /// The copy of a plain field in the encrypted request.
        fn copy_field<T: Clone>(value: &T, _encryptor: &FieldEncryptor) -> Result<T, CryptoError> {
            Ok(value.clone())
        }
    }

    impl<T> NotARecord for RecordProbe<T> {}

    /// Compiles only for records: the single check behind `#[wechat(nested)]`.
    pub const fn require_record<T: EncryptFields>() {}

    /// `path` fields are implicitly `required` when their type can be absent (text, `Option`).
    pub struct PresenceProbe<T: ?Sized>(PhantomData<T>);

    impl<T: Present + ?Sized> PresenceProbe<T> {
        /// Reports `name` as required when `value` is absent or empty.
        pub fn required(checker: &mut Checker<'_>, name: &str, value: &T) {
            checker.required(name, value);
        }
    }

    /// The fallback for types that are never absent (numbers, booleans, enums).
    pub trait NeverAbsent {
        /// Nothing to check.
        fn required<T: ?Sized>(_checker: &mut Checker<'_>, _name: &str, _value: &T) {}
    }

    impl<T: ?Sized> NeverAbsent for PresenceProbe<T> {}
}
