//! The embedded journal: one SQLite file (feature `sqlite`, SQLite compiled in).

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use super::journal::{Counts, Entry, Journal, JournalError, Run, State, other_run};

/// A [`Journal`] in a SQLite file: two tables, `run` (the endpoint and the input's fingerprint)
/// and `records` (line, key, state, reason). Write-ahead logging with `synchronous = FULL`: a
/// state is on disk when [`put`](Journal::put) returns, even if the machine loses power right
/// after (a lost in-flight mark would let a sent record be sent again).
#[derive(Debug)]
pub struct SqliteJournal {
    connection: Connection,
}

impl SqliteJournal {
    /// Opens the journal at `path`, creating it if it does not exist.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, JournalError> {
        let connection = Connection::open(path).map_err(storage)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 CREATE TABLE IF NOT EXISTS run (
                     endpoint TEXT NOT NULL,
                     input TEXT NOT NULL
                 );
                 CREATE TABLE IF NOT EXISTS records (
                     line INTEGER PRIMARY KEY,
                     key TEXT NOT NULL,
                     state TEXT NOT NULL,
                     reason TEXT NOT NULL
                 );",
            )
            .map_err(storage)?;
        Ok(Self { connection })
    }
}

impl Journal for SqliteJournal {
    fn begin(&mut self, run: &Run) -> Result<(), JournalError> {
        let recorded = self
            .connection
            .query_row("SELECT endpoint, input FROM run", [], |row| {
                Ok(Run { endpoint: row.get(0)?, input: row.get(1)? })
            })
            .optional()
            .map_err(storage)?;
        match recorded {
            Some(recorded) if &recorded != run => Err(other_run(&recorded, run)),
            Some(_) => Ok(()),
            None => {
                self.connection
                    .execute(
                        "INSERT INTO run (endpoint, input) VALUES (?1, ?2)",
                        params![run.endpoint, run.input],
                    )
                    .map_err(storage)?;
                Ok(())
            }
        }
    }

    fn get(&mut self, line: u64) -> Result<Option<Entry>, JournalError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT key, state, reason FROM records WHERE line = ?1")
            .map_err(storage)?;
        let row = statement
            .query_row(params![line as i64], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
            })
            .optional()
            .map_err(storage)?;
        row.map(|(key, state, reason)| Ok(Entry { line, key, state: parse(&state)?, reason }))
            .transpose()
    }

    fn put(&mut self, entries: &[Entry]) -> Result<(), JournalError> {
        let transaction = self.connection.transaction().map_err(storage)?;
        {
            let mut statement = transaction
                .prepare_cached(
                    "INSERT OR REPLACE INTO records (line, key, state, reason)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(storage)?;
            for entry in entries {
                statement
                    .execute(params![
                        entry.line as i64,
                        entry.key,
                        entry.state.as_str(),
                        entry.reason
                    ])
                    .map_err(storage)?;
            }
        }
        transaction.commit().map_err(storage)
    }

    fn counts(&mut self) -> Result<Counts, JournalError> {
        let mut statement = self
            .connection
            .prepare("SELECT state, COUNT(*) FROM records GROUP BY state")
            .map_err(storage)?;
        let rows = statement
            .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)))
            .map_err(storage)?;
        let mut counts = Counts::default();
        for row in rows {
            let (state, count) = row.map_err(storage)?;
            let state = parse(&state)?;
            *counts.slot(state) += u64::try_from(count).unwrap_or(0);
        }
        Ok(counts)
    }

    fn unsettled(&mut self) -> Result<Vec<Entry>, JournalError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT line, key, state, reason FROM records
                 WHERE state IN ('failed', 'unknown') ORDER BY line",
            )
            .map_err(storage)?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })
            .map_err(storage)?;
        rows.map(|row| {
            let (line, key, state, reason) = row.map_err(storage)?;
            Ok(Entry { line: line as u64, key, state: parse(&state)?, reason })
        })
        .collect()
    }
}

fn parse(state: &str) -> Result<State, JournalError> {
    State::parse(state)
        .ok_or_else(|| JournalError::Storage(format!("unknown state {state:?} in the journal")))
}

fn storage(error: rusqlite::Error) -> JournalError {
    JournalError::Storage(error.to_string())
}
