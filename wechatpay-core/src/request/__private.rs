//! Support for the code `#[derive(WechatRequest)]` writes; not a public API.
//!
//! The probes below select an inherent item when a field's type is a record (or holds records, or
//! can be absent) and fall back to a trait item otherwise. The derive brings the fallback traits
//! into scope with `use … as _`, so generated code compiles for every field type, and a misuse is
//! reported once, by the derive's `const` assertions, instead of once per use.

use core::marker::PhantomData;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

pub use serde;

pub use crate::cipher::FieldEncryptor;
pub use crate::error::CryptoError;

use super::{Checker, Describe, EncryptFields, FieldInfo, Present};

/// Types that hold WeChat Pay records: every record and request (the derives implement it),
/// and the std containers and smart pointers of such types, at any depth. A field of such a
/// type not marked `#[wechat(nested)]` is a compile error, whatever the container.
///
/// Tuples have no impl: "any element holds records" cannot be written as impls that do not
/// overlap, so the derive also probes, one by one, the types written inside a field's type
/// (tuple elements, generic arguments). What remains invisible is a record behind a name that
/// neither sees into: a struct or enum of the user's own that is not a record, or a type alias
/// of a tuple, a `Result` or another generic type without an impl here.
pub trait HoldsRecords {}

impl<T: HoldsRecords, const N: usize> HoldsRecords for [T; N] {}
impl<T: HoldsRecords> HoldsRecords for [T] {}
impl<T: HoldsRecords + ?Sized> HoldsRecords for &T {}
impl<T: HoldsRecords + ?Sized> HoldsRecords for Box<T> {}
impl<T: HoldsRecords + ?Sized> HoldsRecords for Arc<T> {}
impl<T: HoldsRecords + ?Sized> HoldsRecords for Rc<T> {}
impl<T: HoldsRecords + ?Sized> HoldsRecords for RefCell<T> {}
impl<T: HoldsRecords + ToOwned + ?Sized> HoldsRecords for Cow<'_, T> {}
impl<T: HoldsRecords> HoldsRecords for Option<T> {}
impl<T: HoldsRecords> HoldsRecords for Vec<T> {}
impl<T: HoldsRecords> HoldsRecords for VecDeque<T> {}
impl<T: HoldsRecords> HoldsRecords for LinkedList<T> {}
impl<T: HoldsRecords> HoldsRecords for BinaryHeap<T> {}
impl<T: HoldsRecords> HoldsRecords for BTreeSet<T> {}
impl<T: HoldsRecords, S> HoldsRecords for HashSet<T, S> {}
impl<K, T: HoldsRecords> HoldsRecords for BTreeMap<K, T> {}
impl<K, T: HoldsRecords, S> HoldsRecords for HashMap<K, T, S> {}

/// Tells, for a concrete type in a field, whether it is a record or holds records (so that
/// forgetting `#[wechat(nested)]` on it is a compile error rather than silently unencrypted
/// fields), and forwards to the record's impls when it is one.
pub struct RecordProbe<T: ?Sized>(PhantomData<T>);

impl<T: EncryptFields> RecordProbe<T> {
    /// Found when `T` is what `nested` takes, a record or a Vec/Option/Box of records: this
    /// inherent constant shadows the trait's.
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
}

impl<T: Describe> RecordProbe<T> {
    /// The fields of the record a `nested` field holds: shadows the trait's empty list.
    pub const FIELDS: &'static [FieldInfo] = T::FIELDS;
}

impl<T: HoldsRecords + ?Sized> RecordProbe<T> {
    /// Found when `T` holds records in any container: shadows the trait's constant.
    pub const HOLDS_RECORDS: bool = true;
}

/// The fallback for every type that is not a record.
pub trait NotARecord {
    /// `false`: not what `nested` takes.
    const IS_RECORD: bool = false;
    /// `false`: holds no records.
    const HOLDS_RECORDS: bool = false;
    /// `false`: nothing to encrypt.
    const HAS_ENCRYPTED_FIELDS: bool = false;
    /// No fields to describe (the derive's `nested` assertion reports the misuse).
    const FIELDS: &'static [FieldInfo] = &[];

    /// Nothing to validate.
    fn validate_into<T>(_value: &T, _checker: &mut Checker<'_>) {}

    /// Only reached in code that the derive's `nested` assertion has refused to compile.
    fn encrypt_fields<T>(_value: &T, _encryptor: &FieldEncryptor) -> Result<T, CryptoError> {
        refused()
    }
}

impl<T: ?Sized> NotARecord for RecordProbe<T> {}

/// The copy of a field that is neither `encrypt` nor `nested` into the encrypted request,
/// chosen by the derive's probe of the field's type: the one its assertion checks.
pub struct CopyField<const HOLDS_RECORDS: bool>;

impl CopyField<false> {
    /// A field without records is cloned.
    pub fn copy<T: Clone>(value: &T) -> Result<T, CryptoError> {
        Ok(value.clone())
    }
}

impl CopyField<true> {
    /// A field holding records without `nested` is refused at compile time by the assertion;
    /// this keeps that the only error (no `Clone` demanded of the records).
    pub fn copy<T>(_value: &T) -> Result<T, CryptoError> {
        refused()
    }
}

/// What the paths that the derive refuses to compile return: an error, never a value that
/// could be sent.
fn refused<T>() -> Result<T, CryptoError> {
    Err(CryptoError::Backend { operation: "encrypt a field the derive refused" })
}

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
