//! The journal: every record's state, kept durably so that a stopped run resumes without losing a
//! record or sending one twice. It holds identifiers and outcomes only, never a record's data:
//! the records are read again from the input on resume.

use std::collections::BTreeMap;
use std::fmt;

/// Where a record stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Not sent yet (also: found not applied after a restart, to be sent again).
    Pending,
    /// Sent, no answer recorded: after a restart the reporter finds out before anything else
    /// happens to it.
    InFlight,
    /// Applied: WeChat Pay answered success (or a query confirmed it).
    Done,
    /// Refused, with the reason: not applied. Fix the record and report it in a new run.
    Failed,
    /// May or may not have been applied, with the reason: a person checks (never sent again
    /// automatically).
    Unknown,
}

impl State {
    /// The name stored and printed: `pending`, `in_flight`, `done`, `failed`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::InFlight => "in_flight",
            State::Done => "done",
            State::Failed => "failed",
            State::Unknown => "unknown",
        }
    }

    /// The state of a stored name.
    pub fn parse(name: &str) -> Option<State> {
        [State::Pending, State::InFlight, State::Done, State::Failed, State::Unknown]
            .into_iter()
            .find(|state| state.as_str() == name)
    }

    /// Whether the record needs nothing more from a run: done, failed or unknown.
    pub fn is_settled(self) -> bool {
        matches!(self, State::Done | State::Failed | State::Unknown)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One record's entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The record's line in the input (from 1): what identifies it across runs.
    pub line: u64,
    /// The record's identifier from [`Report::key`](super::Report::key) (an order number, a
    /// voucher code): never personal data.
    pub key: String,
    /// Where it stands.
    pub state: State,
    /// Why it failed or is unknown (no personal data: violations name fields, server texts are
    /// masked); for a record in flight, the request's serial.
    pub reason: String,
}

impl Entry {
    /// An entry without a reason.
    pub fn new(line: u64, key: impl Into<String>, state: State) -> Self {
        Self { line, key: key.into(), state, reason: String::new() }
    }

    /// This entry with a reason.
    pub fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = reason.into();
        self
    }
}

/// What a journal belongs to: a resume must be the same endpoint over the same input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The endpoint's path.
    pub endpoint: String,
    /// The input's fingerprint ([`fingerprint`](super::fingerprint): SHA-256 of its bytes).
    pub input: String,
}

/// How many records are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// [`State::Pending`] (recorded ones only: records never reached are not in the journal).
    pub pending: u64,
    /// [`State::InFlight`].
    pub in_flight: u64,
    /// [`State::Done`].
    pub done: u64,
    /// [`State::Failed`].
    pub failed: u64,
    /// [`State::Unknown`].
    pub unknown: u64,
}

impl Counts {
    /// Counts one more record in `state`.
    pub fn add(&mut self, state: State) {
        *self.slot(state) += 1;
    }

    /// Counts one record less in `state`.
    pub fn remove(&mut self, state: State) {
        let slot = self.slot(state);
        *slot = slot.saturating_sub(1);
    }

    /// Records that need nothing more: done, failed or unknown.
    pub fn settled(&self) -> u64 {
        self.done + self.failed + self.unknown
    }

    pub(crate) fn slot(&mut self, state: State) -> &mut u64 {
        match state {
            State::Pending => &mut self.pending,
            State::InFlight => &mut self.in_flight,
            State::Done => &mut self.done,
            State::Failed => &mut self.failed,
            State::Unknown => &mut self.unknown,
        }
    }
}

/// Why the journal cannot go on.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The journal belongs to another run: a different endpoint, or an input that changed.
    #[error(
        "the journal belongs to another run: it was started for {recorded}, this run is {now}. \
         Resuming would attach recorded outcomes to different records; restore the input it was \
         started with, or use a new journal for this input"
    )]
    OtherRun {
        /// What the journal recorded (endpoint and input fingerprint).
        recorded: String,
        /// What this run is.
        now: String,
    },
    /// The storage failed (its message: never a record's data, which the journal never holds).
    #[error("the journal's storage failed: {0}")]
    Storage(String),
}

/// Durable storage of the records' states, for the bulk reporter.
///
/// [`SqliteJournal`](super::SqliteJournal) (feature `sqlite`, on by default) is the embedded
/// default; implement this to keep the states in the platform's own database. Every method
/// returns only once the change is durable: the reporter marks a batch [`State::InFlight`]
/// before sending it, and relies on finding that mark after a crash.
pub trait Journal: Send {
    /// Starts `run`, or resumes it if the journal already holds it; any other run recorded is
    /// [`JournalError::OtherRun`].
    fn begin(&mut self, run: &Run) -> Result<(), JournalError>;

    /// The entry of the record on `line`, if any (none: never reached, so pending).
    fn get(&mut self, line: u64) -> Result<Option<Entry>, JournalError>;

    /// Stores these entries, all or none, replacing those of the same lines.
    fn put(&mut self, entries: &[Entry]) -> Result<(), JournalError>;

    /// How many records are in each state.
    fn counts(&mut self) -> Result<Counts, JournalError>;

    /// The failed and unknown entries, by line: for the failed-records file.
    fn unsettled(&mut self) -> Result<Vec<Entry>, JournalError>;
}

/// A journal in memory: for checks and tests, or a platform that does not need to resume
/// (nothing survives the process).
#[derive(Debug, Default)]
pub struct MemoryJournal {
    run: Option<Run>,
    entries: BTreeMap<u64, Entry>,
}

impl MemoryJournal {
    /// An empty journal.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Journal for MemoryJournal {
    fn begin(&mut self, run: &Run) -> Result<(), JournalError> {
        match &self.run {
            Some(recorded) if recorded != run => Err(other_run(recorded, run)),
            _ => {
                self.run = Some(run.clone());
                Ok(())
            }
        }
    }

    fn get(&mut self, line: u64) -> Result<Option<Entry>, JournalError> {
        Ok(self.entries.get(&line).cloned())
    }

    fn put(&mut self, entries: &[Entry]) -> Result<(), JournalError> {
        for entry in entries {
            self.entries.insert(entry.line, entry.clone());
        }
        Ok(())
    }

    fn counts(&mut self) -> Result<Counts, JournalError> {
        let mut counts = Counts::default();
        self.entries.values().for_each(|entry| counts.add(entry.state));
        Ok(counts)
    }

    fn unsettled(&mut self) -> Result<Vec<Entry>, JournalError> {
        let failed = |entry: &&Entry| matches!(entry.state, State::Failed | State::Unknown);
        Ok(self.entries.values().filter(failed).cloned().collect())
    }
}

/// [`JournalError::OtherRun`] for a journal holding `recorded`.
pub(crate) fn other_run(recorded: &Run, now: &Run) -> JournalError {
    let describe = |run: &Run| format!("{} over input sha256:{}", run.endpoint, run.input);
    JournalError::OtherRun { recorded: describe(recorded), now: describe(now) }
}
