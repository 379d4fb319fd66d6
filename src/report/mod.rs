//! Bulk reporting: a platform's day of redemptions and transactions, sent at WeChat Pay's
//! published rate limits, exactly once each, surviving a crash.
//!
//! ```text
//! file (JSONL / CSV) ─▶ Line { line, record } ─▶ journal: settled? skip · in flight? confirm
//!        ─▶ validate (every violation, by field) ─▶ batch (Options::batch, ≤ Report::MAX_BATCH)
//!        ─▶ prepare (encrypt, in parallel for large batches) ─▶ wait for a slot (Pace: the
//!        endpoint's rate) and a place (Options::concurrency) ─▶ journal: in flight (durable)
//!        ─▶ send ─▶ verdict per record (verdict.rs) ─▶ journal: done / failed / unknown / again
//! ```
//!
//! - **Endpoints** ([`Report`]): Zhejiang's `qualifications/sync` and `n-qualifications/confirm`
//!   (lists in `data[]`), Jiangsu's `qualifications/sync`, `n-qualifications/sync` and
//!   `transactions/sync` (one record per request).
//! - **Exactly once.** A batch is marked in flight in the journal before it is sent. Only an
//!   answer that proves nothing was applied (no connection, `429`) sends its records again; an
//!   unknown outcome (a 5xx, a connection broken after sending) leaves them unknown, for a
//!   person. After a restart, records still in flight are resolved by the family's query
//!   ([`Confirmation`]) before anything else happens to them, else left unknown.
//! - **The journal** ([`Journal`]; [`SqliteJournal`] by default) holds lines, keys (order and
//!   voucher numbers), states and reasons: no personal data. Records are read again from the
//!   input on resume; a changed input is refused ([`fingerprint`]).
//! - **Memory** stays flat: the input is read one record at a time, and at most
//!   `batch × (concurrency + 1)` records are held.

mod confirm;
mod endpoint;
mod input;
mod journal;
mod pace;
mod reporter;
#[cfg(feature = "sqlite")]
mod sqlite;
mod verdict;

pub use endpoint::{Confirmation, Report};
pub use input::{CsvRows, Format, JsonLines, Line, fingerprint, read};
pub use journal::{Counts, Entry, Journal, JournalError, MemoryJournal, Run, State};
pub use pace::{PUBLISHED_RATE_LIMITS, UNPUBLISHED_RATE_LIMIT, published_rate_limit};
pub use reporter::{Options, Progress, ReportError, Reporter, Stop, Summary, check};
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteJournal;
