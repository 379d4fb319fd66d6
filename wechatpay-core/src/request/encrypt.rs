//! The encryption step: a copy of the request in which every `Sensitive` value the derive reaches
//! is sealed (its ciphertext), the only form in which such a value serializes.
//!
//! A batch is encrypted on every core: a `Vec` of at least [`PARALLEL_MIN_ITEMS`] records with
//! encrypted fields is cut into contiguous chunks, one per core
//! ([`std::thread::available_parallelism`]), encrypted on scoped threads (the calling thread takes
//! the first chunk) and put back together in order. Each record goes through the same
//! `encrypt_fields` as on the sequential path, and the error returned is the first in item order,
//! the one the sequential path would return (the chunks after it finish their work, which is then
//! dropped). One RSA-OAEP encryption costs about 20 µs with aws-lc-rs, so a 100-record batch of
//! Zhejiang's `qualifications/sync` (300 fields) spends about 6 ms encrypting alone; on the
//! project's 2-core machine, in two chunks, it takes 0.6 of that.
//!
//! Why 16 records: starting and joining a scoped thread costs 45–80 µs there (a virtual machine),
//! three or four encryptions, and the second core gains about 0.7 of an encryption per field
//! handed to it. Measured on that machine (sequential → in two chunks): 8 records of 3 fields
//! 0.54 → 0.56 ms, 16 of 2 fields 0.72 → 0.72 ms, 16 of 3 fields 1.04 → 0.76 ms, 16 of 1 field
//! 0.33 → 0.40 ms. Batches of the batch endpoints carry 2 or 3 encrypted fields per record, so 16
//! is where the threads start to pay, and a batch of single-field records loses at most about
//! 70 µs. Records nested in a record that a chunk is encrypting are encrypted in order on its
//! thread: the outer batch already occupies every core.

use std::cell::Cell;
use std::num::NonZero;
use std::sync::OnceLock;
use std::thread;

use super::validate::Validate;
use crate::cipher::FieldEncryptor;
use crate::error::CryptoError;
use crate::sensitive::{Redacted, Sensitive};

/// A request or record whose sensitive fields (nested ones included) can be encrypted.
///
/// Every record also validates: `Validate` is a supertrait, so that one bound, `T: EncryptFields`,
/// names a record and a type that is not one is reported once. Every record is `Send + Sync`
/// (plain data: text, numbers, [`Sensitive`], [`Redacted`]), so that a batch of them can be
/// encrypted on several threads.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a WeChat Pay record",
    label = "`nested` needs a type that derives `WechatRecord` (or a Vec/Option/Box of one)",
    note = "add `#[derive(WechatRecord)]` to the nested type",
    note = "`nested` takes no other container (an array, a map, an `Arc`, a tuple): hold the records in a Vec, Option or Box"
)]
pub trait EncryptFields: Validate + Send + Sync + Sized {
    /// Whether any field, nested ones included, is marked `encrypt`.
    const HAS_ENCRYPTED_FIELDS: bool;

    /// A copy with every `encrypt` field sealed, all under one key.
    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError>;
}

#[diagnostic::do_not_recommend]
impl<T: EncryptFields> EncryptFields for Vec<T> {
    const HAS_ENCRYPTED_FIELDS: bool = T::HAS_ENCRYPTED_FIELDS;

    /// On every core for a batch with encrypted fields (see the module documentation), else in
    /// order on this thread.
    fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
        if T::HAS_ENCRYPTED_FIELDS && self.len() >= PARALLEL_MIN_ITEMS && !IN_CHUNK.get() {
            let cores = cores();
            if cores > 1 {
                return encrypt_in_chunks(self, encryptor, cores);
            }
        }
        encrypt_in_order(self, encryptor)
    }
}

/// The shortest `Vec` of records with encrypted fields that is encrypted on several threads: below
/// it, starting threads costs more than it saves (see the module documentation).
const PARALLEL_MIN_ITEMS: usize = 16;

/// How many threads a batch is cut for: [`thread::available_parallelism`], read once per
/// process, since on Linux each reading goes through the cgroup files (about 30 µs measured, more
/// than an encryption) and the cores a process may use rarely change while it runs.
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| thread::available_parallelism().map_or(1, NonZero::get))
}

thread_local! {
    /// Whether this thread is encrypting a chunk of a batch, so that a batch nested in its
    /// records does not start threads of its own on cores the outer batch already uses.
    static IN_CHUNK: Cell<bool> = const { Cell::new(false) };
}

/// The sequential path: item after item, stopping at the first error.
fn encrypt_in_order<T: EncryptFields>(
    items: &[T],
    encryptor: &FieldEncryptor,
) -> Result<Vec<T>, CryptoError> {
    items.iter().map(|item| item.encrypt_fields(encryptor)).collect()
}

/// `items` in at most `threads` contiguous chunks, the first on this thread and each other on a
/// scoped thread of its own (or on this thread too, after the first, if no thread can be
/// started), joined in order: the items keep their places, and the first error in chunk order is
/// the first in item order.
fn encrypt_in_chunks<T: EncryptFields>(
    items: &[T],
    encryptor: &FieldEncryptor,
    threads: usize,
) -> Result<Vec<T>, CryptoError> {
    let chunk_len = items.len().div_ceil(threads.max(1)).max(1);
    let mut chunks = items.chunks(chunk_len);
    let Some(first) = chunks.next() else { return Ok(Vec::new()) };
    let results = thread::scope(|scope| {
        let others: Vec<_> = chunks
            .map(|chunk| {
                let spawned = thread::Builder::new()
                    .spawn_scoped(scope, move || encrypt_chunk(chunk, encryptor));
                (chunk, spawned)
            })
            .collect();
        let mut results = Vec::with_capacity(others.len() + 1);
        results.push(encrypt_chunk(first, encryptor));
        for (chunk, spawned) in others {
            results.push(match spawned {
                Ok(worker) => {
                    worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                }
                Err(_) => encrypt_chunk(chunk, encryptor),
            });
        }
        results
    });
    let mut encrypted = Vec::with_capacity(items.len());
    for chunk in results {
        encrypted.extend(chunk?);
    }
    Ok(encrypted)
}

/// One chunk in order, marked as such for the batches nested in its records.
fn encrypt_chunk<T: EncryptFields>(
    chunk: &[T],
    encryptor: &FieldEncryptor,
) -> Result<Vec<T>, CryptoError> {
    /// Puts the mark back as it was, even if an encryption panics.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            IN_CHUNK.set(self.0);
        }
    }
    let _restore = Restore(IN_CHUNK.replace(true));
    encrypt_in_order(chunk, encryptor)
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::cert::PlatformCertificate;
    use crate::keys::MerchantPrivateKey;

    /// The Go SDK's test key and its certificate (`tests/fixtures/README.md`).
    const KEY_PEM: &str = include_str!("../../tests/fixtures/go-sdk-test-key.pem");
    const CERT_PEM: &str = include_str!("../../tests/fixtures/go-sdk-notify-cert.pem");

    /// A record with one encrypted field, as the derive would write it.
    struct Item(Sensitive);

    impl Validate for Item {
        fn validate_into(&self, _: &mut crate::request::Checker<'_>) {}
    }

    impl EncryptFields for Item {
        const HAS_ENCRYPTED_FIELDS: bool = true;

        fn encrypt_fields(&self, encryptor: &FieldEncryptor) -> Result<Self, CryptoError> {
            self.0.encrypt_value(encryptor).map(Item)
        }
    }

    fn encryptor() -> FieldEncryptor {
        FieldEncryptor::with_certificate(Arc::new(PlatformCertificate::from_pem(CERT_PEM).unwrap()))
    }

    #[test]
    fn every_item_keeps_its_place_whatever_the_number_of_chunks() {
        let encryptor = encryptor();
        let key = MerchantPrivateKey::from_pem(KEY_PEM).unwrap();
        for len in [0, 1, 2, 9, 30] {
            let plaintexts: Vec<String> = (0..len).map(|i| format!("item {i}")).collect();
            let items: Vec<Item> =
                plaintexts.iter().map(|text| Item(text.as_str().into())).collect();
            for threads in [1, 2, 3, 4, 7, 8, 64] {
                let sealed = encrypt_in_chunks(&items, &encryptor, threads).unwrap();
                let opened: Vec<String> =
                    sealed.iter().map(|item| key.decrypt_field(item.0.expose()).unwrap()).collect();
                assert_eq!(opened, plaintexts, "{len} items in {threads} chunks");
            }
        }
    }

    #[test]
    fn the_error_is_the_first_in_item_order_whatever_the_number_of_chunks() {
        let encryptor = encryptor();
        // Too long at these positions, each by a different length, so the error names which.
        let failures: [&[usize]; 4] = [&[4, 20, 29], &[20, 29], &[29], &[0, 15, 16, 29]];
        for failing in failures {
            let items: Vec<Item> = (0..30)
                .map(|i| match failing.iter().position(|&at| at == i) {
                    Some(n) => Item("a".repeat(215 + n).into()),
                    None => Item(format!("item {i}").into()),
                })
                .collect();
            let sequential = encrypt_in_order(&items, &encryptor).err().unwrap();
            assert_eq!(sequential, CryptoError::PlaintextTooLong { len: 215, max: 214 });
            for threads in 1..=8 {
                let Err(error) = encrypt_in_chunks(&items, &encryptor, threads) else {
                    panic!("failures at {failing:?} passed in {threads} chunks");
                };
                assert_eq!(error, sequential, "failures at {failing:?} in {threads} chunks");
            }
        }
    }
}
