//! Support for the code `#[derive(WechatRequest)]` writes; not a public API.
//!
//! The probes below select an inherent item when a field's type is a record (or holds records, or
//! can be absent) and fall back to a trait item otherwise. The derive brings the fallback traits
//! into scope with `use … as _`, so generated code compiles for every field type, and a misuse is
//! reported once, by the derive's checks of the probes' constants ([`PlainField`],
//! [`PlainFieldContents`]), instead of once per use.

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
    /// No fields to describe (the derive's `nested` check reports the misuse).
    const FIELDS: &'static [FieldInfo] = &[];

    /// Nothing to validate.
    fn validate_into<T>(_value: &T, _checker: &mut Checker<'_>) {}

    /// Only reached in code that the derive's `nested` check has refused to compile.
    fn encrypt_fields<T>(_value: &T, _encryptor: &FieldEncryptor) -> Result<T, CryptoError> {
        refused()
    }
}

impl<T: ?Sized> NotARecord for RecordProbe<T> {}

/// The check that a field not marked `nested` is not what `nested` takes, written by the derive
/// as `<FieldType as PlainField<{ IS_RECORD }>>::WECHAT_PLAIN_FIELD` with the probe's constant. A trait bound
/// rather than a `const` panic, so that the error is a plain one with this message, at the
/// field's type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` holds WeChat Pay records, but this field is not marked `#[wechat(nested)]`",
    label = "add `#[wechat(nested)]` to this field",
    note = "without `nested`, the records' rules and `encrypt` fields would not apply"
)]
pub trait PlainField<const IS_RECORD: bool> {
    /// Named by the derive's check, which needs an item of the trait to require it (prefixed, as
    /// a glob import of `request` brings the trait into scope).
    const WECHAT_PLAIN_FIELD: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: ?Sized> PlainField<false> for T {}

/// The check that a field not marked `nested` holds no records in a container `nested` does not
/// take, written as `<FieldType as PlainFieldContents<{ HOLDS_RECORDS && !IS_RECORD }>>::…`;
/// the `PlainField` check reports the field that is what `nested` takes.
#[diagnostic::on_unimplemented(
    message = "`{Self}` holds WeChat Pay records in a container `nested` does not support",
    label = "hold the records in a Vec, Option or Box, and mark this field `#[wechat(nested)]`",
    note = "`nested` takes a record, or a Vec, Option or Box of records: not an array, a map, an `Arc`, a tuple or a type of your own",
    note = "without `nested`, the records' rules and `encrypt` fields would not apply"
)]
pub trait PlainFieldContents<const HOLDS_RECORDS: bool> {
    /// Named by the derive's check, like `PlainField`'s.
    const WECHAT_PLAIN_FIELD_CONTENTS: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: ?Sized> PlainFieldContents<false> for T {}

/// The copy of a field that is neither `encrypt` nor `nested` into the encrypted request,
/// chosen by the derive's probe of the field's type (the constant its checks read), and named
/// as `<FieldType as CopyField<{ HOLDS_RECORDS }>>::wechat_copy_field`: a missing `Clone` is then reported at
/// the field's type, with rustc's own help.
#[diagnostic::on_unimplemented(
    message = "the trait bound `{Self}: Clone` is not satisfied",
    note = "a field that is neither `encrypt` nor `nested` is cloned into the encrypted request"
)]
pub trait CopyField<const HOLDS_RECORDS: bool>: Sized {
    /// The field's value in the encrypted request (prefixed, like `PlainField`'s constant).
    fn wechat_copy_field(&self) -> Result<Self, CryptoError>;
}

impl<T: Clone> CopyField<false> for T {
    /// A field without records is cloned.
    fn wechat_copy_field(&self) -> Result<Self, CryptoError> {
        Ok(self.clone())
    }
}

impl<T> CopyField<true> for T {
    /// A field holding records without `nested` is refused at compile time by the checks; this
    /// keeps that the only error (no `Clone` demanded of the records).
    fn wechat_copy_field(&self) -> Result<Self, CryptoError> {
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
