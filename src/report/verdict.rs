//! What an answer means for each record of the batch it answered.
//!
//! The readings, each the safe one where the pages are silent:
//! - success: every record is done, unless the answer's `error_data` still names records
//!   (Zhejiang's `000000` with entries, a case the pages do not describe): the code says
//!   applied, the entries say something went wrong, so the records named (every record, if an
//!   entry names none) are **unknown**, for a person to check, and the others done;
//! - not sent, or `429` (the client's retries used up): nothing was applied, the records are
//!   sent again later;
//! - a business failure: `error_data` (Zhejiang's `string[]`, format unpublished) is matched to
//!   records by `data[i]` or by the record's key. Named records failed, with their entries as
//!   the reason. If some records are named, the others are **unknown**: the pages do not say
//!   whether WeChat Pay applied the rest of a batch it refused in part. If none is named, the
//!   whole request was refused: every record failed;
//! - `401` (a signature refused), `403` (a merchant not whitelisted for the region), `404`:
//!   the setup is wrong, not the records: nothing was applied, the run stops and the records stay
//!   pending for a rerun once it is fixed;
//! - any other 4xx: the request was refused, every record failed;
//! - an unknown outcome (a 5xx, a connection broken after sending), an answer that fails
//!   verification or decoding: every record is unknown, never sent again automatically.
//!
//! Reasons never carry personal data: violations name fields, and server texts are bounded
//! ([`server_text`]) with the plaintext of every personal field of the batch masked.

use super::endpoint::Report;
use super::journal::{Entry, State};
use crate::{Error, ErrorData, server_text};

/// What to do with a batch after its answer.
pub(crate) enum Verdict {
    /// Record these entries.
    Settled(Vec<Entry>),
    /// Nothing was applied: send the records again later. `throttled`: WeChat Pay said the rate
    /// was too high.
    Again { throttled: bool, reason: String },
    /// Nothing was applied and sending more cannot help (the client is misconfigured): stop.
    Stop(String),
}

/// The verdict on `records` (line, record) after `result`.
pub(crate) fn judge<E: Report>(
    records: &[(u64, E::Record)],
    result: Result<ErrorData, Error>,
) -> Verdict {
    let masked = |text: &str| mask::<E>(text, records);
    let error = match result {
        Ok(named) if named.is_empty() => {
            return Verdict::Settled(all::<E>(records, State::Done, ""));
        }
        Ok(named) => {
            let matched = match_entries::<E>(records, &named, masked);
            return Verdict::Settled(named_in_success::<E>(records, matched));
        }
        Err(error) => error,
    };
    match error {
        Error::Transport { .. } => {
            Verdict::Again { throttled: false, reason: masked(&error.to_string()) }
        }
        Error::Api { status: 429, .. } => {
            Verdict::Again { throttled: true, reason: masked(&error.to_string()) }
        }
        // The merchant's setup, not the records: every request would be refused alike.
        Error::Config(_) | Error::Setup(_) | Error::Api { status: 401 | 403 | 404, .. } => {
            Verdict::Stop(masked(&error.to_string()))
        }
        Error::Business { ref resp_code, ref resp_desc, ref error_data, .. } => {
            let status = masked(&format!("{resp_code} {resp_desc}"));
            Verdict::Settled(attribute::<E>(
                records,
                &status,
                match_entries::<E>(records, error_data, masked),
            ))
        }
        Error::OutcomeUnknown { .. } | Error::Verification { .. } | Error::Decode { .. } => {
            Verdict::Settled(all::<E>(records, State::Unknown, &masked(&error.to_string())))
        }
        other => Verdict::Settled(all::<E>(records, State::Failed, &masked(&other.to_string()))),
    }
}

/// Which records the entries of an `error_data` name (by [`targets`]), each entry masked.
struct Matched {
    /// Each record's key.
    keys: Vec<String>,
    /// Per record, the entries that name it.
    per_record: Vec<Vec<String>>,
    /// The entries that name no record.
    unnamed: Vec<String>,
}

fn match_entries<E: Report>(
    records: &[(u64, E::Record)],
    error_data: &ErrorData,
    masked: impl Fn(&str) -> String,
) -> Matched {
    let keys: Vec<String> = records.iter().map(|(_, record)| E::key(record)).collect();
    let mut per_record = vec![Vec::new(); records.len()];
    let mut unnamed = Vec::new();
    for text in error_data.iter() {
        let targets = targets(text, &keys);
        if targets.is_empty() {
            unnamed.push(masked(text));
        }
        targets.into_iter().for_each(|index| per_record[index].push(masked(text)));
    }
    Matched { keys, per_record, unnamed }
}

/// Entries for a success whose `error_data` names records anyway: those named (every record if
/// an entry names none) unknown, the others done.
fn named_in_success<E: Report>(records: &[(u64, E::Record)], matched: Matched) -> Vec<Entry> {
    let Matched { keys, per_record, unnamed } = matched;
    records
        .iter()
        .zip(keys)
        .zip(per_record)
        .map(|(((line, _), key), mut texts)| {
            texts.extend(unnamed.iter().cloned());
            if texts.is_empty() {
                Entry::new(*line, key, State::Done)
            } else {
                Entry::new(*line, key, State::Unknown).because(format!(
                    "answered success (000000) but named in its error_data ({}): the pages do \
                     not say whether such a record was applied; check before reporting it again",
                    texts.join("; ")
                ))
            }
        })
        .collect()
}

/// Entries for a business failure: records named by an `error_data` entry failed; the others
/// are unknown if some were named, failed if none was.
fn attribute<E: Report>(
    records: &[(u64, E::Record)],
    status: &str,
    matched: Matched,
) -> Vec<Entry> {
    let Matched { keys, per_record, unnamed } = matched;
    let any_named = per_record.iter().any(|texts| !texts.is_empty());
    let whole = if unnamed.is_empty() {
        status.to_owned()
    } else {
        format!("{status}: {}", unnamed.join("; "))
    };
    records
        .iter()
        .zip(keys)
        .zip(per_record)
        .map(|(((line, _), key), texts)| {
            if !texts.is_empty() {
                Entry::new(*line, key, State::Failed)
                    .because(format!("{status}: {}", texts.join("; ")))
            } else if any_named {
                Entry::new(*line, key, State::Unknown).because(format!(
                    "the batch was refused ({whole}) naming other records; the page does not say \
                     whether the rest of a batch is applied"
                ))
            } else {
                Entry::new(*line, key, State::Failed).because(whole.clone())
            }
        })
        .collect()
}

/// The records an `error_data` entry names: `data[i]`, or every record whose key it contains.
fn targets(text: &str, keys: &[String]) -> Vec<usize> {
    if let Some(index) = data_index(text).filter(|index| *index < keys.len()) {
        return vec![index];
    }
    keys.iter()
        .enumerate()
        .filter(|(_, key)| key.len() >= 4 && text.contains(key.as_str()))
        .map(|(index, _)| index)
        .collect()
}

/// `i` of the first `data[i]` in `text`.
fn data_index(text: &str) -> Option<usize> {
    let start = text.find("data[")? + "data[".len();
    let digits = &text[start..];
    let end = digits.find(']')?;
    digits[..end].parse().ok()
}

/// Every record in `state` with `reason`.
pub(crate) fn all<E: Report>(
    records: &[(u64, E::Record)],
    state: State,
    reason: &str,
) -> Vec<Entry> {
    records
        .iter()
        .map(|(line, record)| Entry::new(*line, E::key(record), state).because(reason))
        .collect()
}

/// `text` bounded like any server text, with the personal data of every record masked
/// (ASCII case ignored: an ID number may come back with a lower-case `x`).
pub(crate) fn mask<E: Report>(text: &str, records: &[(u64, E::Record)]) -> String {
    let mut text = server_text(text);
    for (_, record) in records {
        for value in E::personal(record).into_iter().filter(|value| !value.is_empty()) {
            text = replace_ignoring_ascii_case(&text, value, "<redacted>");
        }
    }
    text
}

fn replace_ignoring_ascii_case(text: &str, needle: &str, with: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    while let Some(found) = lower[from..].find(&needle) {
        out.push_str(&text[from..from + found]);
        out.push_str(with);
        from += found + needle.len();
    }
    out.push_str(&text[from..]);
    out
}
