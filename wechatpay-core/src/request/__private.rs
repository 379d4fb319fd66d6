//! Support for the code `#[derive(WechatRequest)]` writes; not a public API.
//!
//! The probes below select an inherent item when a field's type is a record (or holds records, or
//! can be absent) and fall back to a trait item otherwise. The derive brings the fallback traits
//! into scope with `use … as _`, so generated code compiles for every field type, and a misuse is
//! reported once, by `require_record` or by a `const` assertion, instead of once per use.

use core::marker::PhantomData;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

pub use serde;

pub use crate::cipher::FieldEncryptor;
pub use crate::error::CryptoError;

use super::encrypt::RedactValue;
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
    /// No fields to describe (`require_record` reports the misuse).
    const FIELDS: &'static [FieldInfo] = &[];

    /// Nothing to validate.
    fn validate_into<T>(_value: &T, _checker: &mut Checker<'_>) {}

    /// Only reached in code that `require_record` has refused to compile.
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

/// Compiles only for records: the single check behind `#[wechat(nested)]`.
pub const fn require_record<T: EncryptFields>() {}

/// Compiles only for `Redacted` values: the check behind `#[wechat(redact)]`.
pub const fn require_redacted<T: RedactValue + ?Sized>() {}

/// A field's probe result as a type: `Field<true>` when a field not marked `nested` holds records.
pub struct Field<const HOLDS_RECORDS: bool>;

/// Implemented only by `Field<false>`: a field that is a record must be marked `nested`.
#[diagnostic::on_unimplemented(
    message = "this field holds WeChat Pay records but is not marked `#[wechat(nested)]`",
    label = "their rules and encrypted fields would not apply",
    note = "mark the field `#[wechat(nested)]`"
)]
pub trait MarkedNested {}

#[diagnostic::do_not_recommend]
impl MarkedNested for Field<false> {}

/// Implemented only by `Field<false>`: records may only be held in what `nested` supports.
#[diagnostic::on_unimplemented(
    message = "this field holds WeChat Pay records in a container `nested` does not support",
    label = "an array, a map, an `Arc`, a tuple, …",
    note = "hold the records in a Vec, Option or Box of the record, and mark the field `#[wechat(nested)]`"
)]
pub trait SupportedContainer {}

#[diagnostic::do_not_recommend]
impl SupportedContainer for Field<false> {}

/// Compiles only when the field is not a record (or Vec/Option/Box of one) left without `nested`.
pub const fn nested_not_forgotten<T: MarkedNested>() {}

/// Compiles only when the field holds no records in a container `nested` does not support.
pub const fn records_in_supported_container<T: SupportedContainer>() {}

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

/// The test behind `required_if(field = VALUE)` and `resident_id_if(field = VALUE)`, implemented
/// by the value's type: whether the sibling field is `VALUE`. An `Option` sibling is `VALUE` only
/// when it is `Some(VALUE)`. The value is `self`, so that a value of the wrong type is reported
/// at the value.
#[diagnostic::on_unimplemented(
    message = "a condition cannot compare `{Self}` with the field's `{F}`",
    label = "not a value of the field's type",
    note = "the value after `=` must have the named field's type (for an `Option<T>` field, `T`), and that type must implement `PartialEq`"
)]
pub trait Matches<F: ?Sized> {
    /// Whether `field` is `self`.
    fn matches(&self, field: &F) -> bool;
}

impl<T: PartialEq> Matches<T> for T {
    fn matches(&self, field: &T) -> bool {
        field == self
    }
}

impl<T: PartialEq> Matches<Option<T>> for T {
    fn matches(&self, field: &Option<T>) -> bool {
        field.as_ref() == Some(self)
    }
}

/// A text field compared with a literal: `required_if(kind = "IDCARD")`.
impl Matches<String> for &str {
    fn matches(&self, field: &String) -> bool {
        field == self
    }
}

/// An optional text field compared with a literal.
impl Matches<Option<String>> for &str {
    fn matches(&self, field: &Option<String>) -> bool {
        field.as_deref() == Some(*self)
    }
}
