//! Reading records from a platform's file, one at a time (memory stays flat however long the
//! file is), each with its line number: JSON Lines (one object per line) or CSV (a header row of
//! the serialized field names, then one record per row).
//!
//! A record that does not parse is reported with its line and the member at fault, never the
//! value (which may be personal data).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::marker::PhantomData;
use std::path::Path;

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::gov::subsidy::{json_problem, names_only_members};

/// One record of the input and its line (from 1), or why it could not be read.
#[derive(Debug)]
pub struct Line<R> {
    /// The record's line in the file: its identity in the journal.
    pub line: u64,
    /// The record, or what is wrong with it (members and rules, never values).
    pub record: Result<R, String>,
}

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line; blank lines are skipped.
    JsonLines,
    /// A header row with the serialized field names, then one record per row.
    Csv,
}

impl Format {
    /// The format a file name says: `.csv` is CSV, `.jsonl`/`.ndjson`/`.json` JSON Lines.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// The records of the file at `path`, in `format`.
pub fn read<R: DeserializeOwned + 'static>(
    path: &Path,
    format: Format,
) -> io::Result<Box<dyn Iterator<Item = io::Result<Line<R>>> + Send>> {
    let file = BufReader::new(File::open(path)?);
    Ok(match format {
        Format::JsonLines => Box::new(JsonLines::new(file)),
        Format::Csv => Box::new(CsvRows::new(file)?),
    })
}

/// The input's fingerprint: SHA-256 of its bytes, in hex. A journal belongs to one input; a
/// resume over a changed file is refused, since its lines would name other records.
pub fn fingerprint(path: &Path) -> io::Result<String> {
    let mut file = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut hasher = Sha256::new();
    loop {
        let chunk = file.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        hasher.update(chunk);
        let read = chunk.len();
        file.consume(read);
    }
    Ok(hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect())
}

/// JSON Lines records.
pub struct JsonLines<R, B> {
    reader: B,
    line: u64,
    buffer: String,
    record: PhantomData<fn() -> R>,
}

impl<R, B: BufRead> JsonLines<R, B> {
    /// Records from `reader`.
    pub fn new(reader: B) -> Self {
        Self { reader, line: 0, buffer: String::new(), record: PhantomData }
    }
}

impl<R: DeserializeOwned, B: BufRead> Iterator for JsonLines<R, B> {
    type Item = io::Result<Line<R>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buffer.clear();
            match self.reader.read_line(&mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(error) => return Some(Err(error)),
            }
            let text = self.buffer.trim();
            if text.is_empty() {
                continue;
            }
            let record = parse_json(text);
            return Some(Ok(Line { line: self.line, record }));
        }
    }
}

fn parse_json<R: DeserializeOwned>(text: &str) -> Result<R, String> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let problem = |path: &dyn std::fmt::Display, error: &serde_json::Error| {
        format!("{} (column {})", json_problem(path, error), error.column())
    };
    let record = serde_path_to_error::deserialize(&mut reader)
        .map_err(|error| problem(error.path(), error.inner()))?;
    reader.end().map_err(|error| problem(&".", &error))?;
    Ok(record)
}

/// CSV records: the header row names the fields.
pub struct CsvRows<R, I> {
    reader: csv::Reader<I>,
    headers: csv::StringRecord,
    row: csv::StringRecord,
    record: PhantomData<fn() -> R>,
}

impl<R, I: Read> CsvRows<R, I> {
    /// Records from `reader`, whose first row is the header.
    pub fn new(reader: I) -> io::Result<Self> {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(reader);
        let headers = reader.headers().map_err(csv_io)?.clone();
        Ok(Self { reader, headers, row: csv::StringRecord::new(), record: PhantomData })
    }
}

impl<R: DeserializeOwned, I: Read> Iterator for CsvRows<R, I> {
    type Item = io::Result<Line<R>>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.reader.read_record(&mut self.row) {
            Ok(false) => None,
            Ok(true) => {
                let line = self.row.position().map_or(0, csv::Position::line);
                let record = self
                    .row
                    .deserialize(Some(&self.headers))
                    .map_err(|error| csv_problem(&error, &self.headers));
                Some(Ok(Line { line, record }))
            }
            Err(error) => match error.kind() {
                csv::ErrorKind::Io(_) => Some(Err(csv_io(error))),
                _ => {
                    let line = error.position().map_or(0, csv::Position::line);
                    Some(Ok(Line { line, record: Err(csv_problem(&error, &self.headers)) }))
                }
            },
        }
    }
}

/// What is wrong with a row: the column and serde's message when it names only members, else
/// its category (the others quote the value).
fn csv_problem(error: &csv::Error, headers: &csv::StringRecord) -> String {
    let csv::ErrorKind::Deserialize { err, .. } = error.kind() else {
        return match error.kind() {
            csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                format!("the row has {len} fields, the header {expected_len}")
            }
            csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_owned(),
            _ => "the row could not be read".to_owned(),
        };
    };
    let column = err.field().and_then(|index| headers.get(index as usize));
    let what = match err.kind() {
        csv::DeserializeErrorKind::Message(text) if names_only_members(text) => {
            crate::server_text(text)
        }
        csv::DeserializeErrorKind::UnexpectedEndOfRow => "the row ends early".to_owned(),
        _ => "a value of the wrong type or out of range".to_owned(),
    };
    match column {
        Some(column) => format!("{column}: {what}"),
        None => what,
    }
}

fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        _ => io::Error::other("the CSV header row could not be read"),
    }
}
