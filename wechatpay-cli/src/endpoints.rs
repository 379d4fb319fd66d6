//! `wechatpay endpoints [PATH]`: the typed endpoints from `gov::subsidy::ENDPOINTS`, and finding
//! one by path with suggestions when it is not there.

use std::fmt::Write as _;

use wechatpay_apiv3::gov::subsidy::{ENDPOINTS, Endpoint};
use wechatpay_apiv3::request::{FieldInfo, Place, field_paths};

use crate::exit::Failure;

/// The family's prefix, which may be left out of a path on the command line.
const PREFIX: &str = "/v3/gov/subsidy";

/// How many suggestions an unknown path gets.
const SUGGESTIONS: usize = 3;

/// The endpoint at `path` (full, or without `/v3/gov/subsidy`), or a usage failure naming the
/// nearest known paths.
pub fn find(path: &str) -> Result<&'static Endpoint, Failure> {
    let full = full_path(path);
    ENDPOINTS.iter().find(|endpoint| endpoint.path == full).ok_or_else(|| {
        let nearest = nearest(&full).join(", ");
        Failure::usage(format!(
            "no typed endpoint is {full}; the nearest: {nearest} (list them with `wechatpay endpoints`)"
        ))
    })
}

/// `path` with the family's prefix.
fn full_path(path: &str) -> String {
    let path = path.trim();
    if path.starts_with("/v3/") {
        return path.to_owned();
    }
    format!("{PREFIX}/{}", path.trim_start_matches('/'))
}

/// The known paths nearest to `path` by edit distance, nearest first.
fn nearest(path: &str) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = ENDPOINTS
        .iter()
        .map(|endpoint| (edit_distance(path, endpoint.path), endpoint.path))
        .collect();
    scored.sort();
    scored.into_iter().take(SUGGESTIONS).map(|(_, path)| path).collect()
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// One line per endpoint: method, path, region, title, encrypted fields.
pub fn list() -> String {
    let width = ENDPOINTS.iter().map(|endpoint| endpoint.path.len()).max().unwrap_or(0);
    let mut text = String::new();
    for endpoint in ENDPOINTS {
        let encrypted = paths_where(endpoint.fields, |field| field.encrypted);
        let encrypted = if encrypted.is_empty() {
            String::new()
        } else {
            format!("  encrypted: {}", encrypted.join(", "))
        };
        let _ = writeln!(
            text,
            "{:6} {:width$}  {}  {}{encrypted}",
            endpoint.method.as_str(),
            endpoint.path,
            endpoint.region.name(),
            endpoint.title,
        );
    }
    text
}

/// The paths of the fields, at any depth, that `keep` selects.
fn paths_where(fields: &'static [FieldInfo], keep: impl Fn(&FieldInfo) -> bool) -> Vec<String> {
    field_paths(fields).into_iter().filter(|(_, field)| keep(field)).map(|(path, _)| path).collect()
}

/// The endpoint with its fields, their rules and docs.
pub fn describe(endpoint: &Endpoint) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{} {}", endpoint.method.as_str(), endpoint.path);
    let _ = writeln!(text, "  {}", endpoint.title);
    let _ = writeln!(text, "  region: {}", endpoint.region.name());
    let _ = writeln!(text, "  type: wechatpay_apiv3::gov::subsidy::{}", endpoint.type_name);
    let idempotent = if endpoint.idempotent {
        "yes (sent again after a transport failure)"
    } else {
        "no (never sent twice)"
    };
    let _ = writeln!(text, "  idempotent: {idempotent}");
    let _ = writeln!(text);
    let _ = writeln!(text, "fields:");
    let fields = field_paths(endpoint.fields);
    let width = fields.iter().map(|(path, _)| path.chars().count()).max().unwrap_or(0);
    for (path, field) in fields {
        let _ = writeln!(text, "  {path:width$}  {}", field_line(field));
    }
    text
}

/// A field's presence, personal-data handling, place, rules and doc, on one line.
fn field_line(field: &FieldInfo) -> String {
    let mut parts = vec![if field.required { "required" } else { "optional" }.to_owned()];
    if field.encrypted {
        parts.push("encrypted".into());
    }
    if field.redacted {
        parts.push("redacted (personal data, sent as is)".into());
    }
    match field.place {
        Place::Body => {}
        Place::Path => parts.push("in the path".into()),
        Place::Query => parts.push("in the query".into()),
    }
    if field.list {
        parts.push("list".into());
    }
    parts.extend(field.rules.iter().map(ToString::to_string));
    let mut line = parts.join(", ");
    if !field.doc.is_empty() {
        line.push_str(" — ");
        line.push_str(field.doc);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_found_with_or_without_the_prefix() {
        let full = "/v3/gov/subsidy/zhejiang/qualifications/sync";
        assert_eq!(find(full).map(|e| e.path).ok(), Some(full));
        assert_eq!(find("zhejiang/qualifications/sync").map(|e| e.path).ok(), Some(full));
        assert_eq!(find("/zhejiang/qualifications/sync").map(|e| e.path).ok(), Some(full));
    }

    #[test]
    fn unknown_paths_suggest_the_nearest() {
        let failure = find("/zhejiang/qualification/sync").unwrap_err();
        assert!(
            failure.message.contains("the nearest: /v3/gov/subsidy/zhejiang/qualifications/sync"),
            "{}",
            failure.message
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("同意", "同意"), 0);
    }
}
