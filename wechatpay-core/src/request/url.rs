//! Building the request target from the path template and the serialized request.

use serde_json::{Map, Value};

use crate::violations::{Rule, Violation, Violations};

/// Percent-encodes everything but RFC 3986 unreserved characters: a path segment or query
/// component sent (and signed) exactly like this. Never `+` for a space, never case-changed.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Fills `{placeholders}` of `template` and appends `query` fields (declaration order) from the
/// serialized request, removing those members from `body` so they are not sent twice. Every value
/// that cannot go into a URL is a violation: nothing is sent rather than a field silently dropped.
pub(crate) fn request_target(
    template: &str,
    query: &[&str],
    body: &mut Map<String, Value>,
) -> Result<String, Violations> {
    let mut violations = Vec::new();
    let mut target = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |i| open + i);
        target.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        match url_text(body.remove(name).as_ref()) {
            Ok(Some(text)) if text == "." || text == ".." => {
                // URL parsers resolve dot segments (even `%2E%2E`): the path sent would not be
                // the path signed.
                violations.push(violation(name, "cannot be `.` or `..`"));
            }
            Ok(Some(text)) if !text.is_empty() => target.push_str(&encode_component(&text)),
            Ok(_) => violations.push(Violation { path: name.to_owned(), rule: Rule::Required }),
            Err(rule) => violations.push(violation(name, rule)),
        }
        rest = rest.get(close + 1..).unwrap_or("");
    }
    target.push_str(rest);
    let mut separator = '?';
    for name in query {
        match url_text(body.remove(*name).as_ref()) {
            Ok(Some(text)) => {
                target.push(separator);
                target.push_str(&encode_component(name));
                target.push('=');
                target.push_str(&encode_component(&text));
                separator = '&';
            }
            Ok(None) => {}
            Err(rule) => violations.push(violation(name, rule)),
        }
    }
    if violations.is_empty() { Ok(target) } else { Err(Violations(violations)) }
}

fn violation(name: &str, rule: &'static str) -> Violation {
    Violation { path: name.to_owned(), rule: Rule::Custom(rule.into()) }
}

/// The text of a scalar for a URL; `None` for an absent value (an absent optional is not sent).
fn url_text(value: Option<&Value>) -> Result<Option<String>, &'static str> {
    match value {
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(Value::Number(number)) => Ok(Some(number.to_string())),
        Some(Value::Bool(flag)) => Ok(Some(flag.to_string())),
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(_) | Value::Object(_)) => {
            Err("a URL value must be a single text, number or boolean, not a list or an object")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_every_reserved_byte_and_keeps_case() {
        assert_eq!(encode_component("aZ09-._~"), "aZ09-._~");
        assert_eq!(encode_component("a b+c/d?"), "a%20b%2Bc%2Fd%3F");
        assert_eq!(encode_component("订单"), "%E8%AE%A2%E5%8D%95");
    }

    fn target(template: &str, query: &[&str], body: Value) -> Result<String, Vec<String>> {
        let Value::Object(mut members) = body else { unreachable!("tests pass objects") };
        request_target(template, query, &mut members)
            .map_err(|v| v.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn fills_placeholders_and_appends_the_query_in_order() {
        let body = serde_json::json!({"id": "a b/c", "limit": 10, "offset": null, "q": "x+y"});
        let filled = target("/v3/x/{id}/items", &["q", "offset", "limit"], body);
        assert_eq!(filled.as_deref(), Ok("/v3/x/a%20b%2Fc/items?q=x%2By&limit=10"));
    }

    #[test]
    fn refuses_dot_segments_lists_objects_and_empty_placeholders() {
        let body =
            serde_json::json!({"a": "..", "b": ".", "c": "", "ids": ["1", "2"], "o": {"k": 1}});
        let errors = target("/v3/{a}/{b}/{c}", &["ids", "o"], body).unwrap_err();
        let list = "must be a single text, number or boolean, not a list or an object";
        assert_eq!(
            errors,
            [
                "a: cannot be `.` or `..`".to_owned(),
                "b: cannot be `.` or `..`".to_owned(),
                "c: required".to_owned(),
                format!("ids: a URL value {list}"),
                format!("o: a URL value {list}"),
            ]
        );
    }

    /// Undoes `encode_component`: `None` for anything it would not have written.
    fn decode(encoded: &str) -> Option<String> {
        let mut bytes = Vec::new();
        let mut rest = encoded.as_bytes();
        while let Some((&first, tail)) = rest.split_first() {
            if first == b'%' {
                let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &tail[2..];
            } else {
                bytes.push(first);
                rest = tail;
            }
        }
        String::from_utf8(bytes).ok()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2048, failure_persistence: None, ..Default::default()
        })]

        /// 2048 cases: any text in a placeholder and two query members gives a target whose path
        /// has exactly the template's segments and whose values decode back to the exact texts,
        /// in declaration order, or a violation naming the member (empty, `.`, `..`), never a
        /// panic or a value that leaks into another segment.
        #[test]
        fn request_target_of_arbitrary_values_2048_cases(
            id in "\\PC{0,12}|\\.{1,2}|[/?#&=%+ ]{0,4}",
            q in proptest::option::of("\\PC{0,12}"),
            n in proptest::option::of(proptest::num::i64::ANY),
        ) {
            let body = serde_json::json!({"id": id, "q": q, "n": n, "kept": 1});
            let Value::Object(mut members) = body else { unreachable!() };
            match request_target("/v3/x/{id}/items", &["q", "n"], &mut members) {
                Ok(target) => {
                    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
                    let segments: Vec<&str> = path.split('/').collect();
                    proptest::prop_assert_eq!(segments.len(), 5, "{}", target);
                    proptest::prop_assert_eq!(decode(segments[3]), Some(id.clone()));
                    let mut expected = Vec::new();
                    if let Some(q) = &q { expected.push(("q".to_owned(), q.clone())); }
                    if let Some(n) = n { expected.push(("n".to_owned(), n.to_string())); }
                    let sent: Vec<(String, String)> = query
                        .split('&')
                        .filter(|pair| !pair.is_empty())
                        .map(|pair| {
                            let (name, value) = pair.split_once('=').expect("name=value");
                            (decode(name).expect("decodes"), decode(value).expect("decodes"))
                        })
                        .collect();
                    proptest::prop_assert_eq!(sent, expected);
                    proptest::prop_assert!(!target.contains('+') && !target.contains('#'));
                }
                Err(violations) => {
                    proptest::prop_assert!(matches!(id.as_str(), "" | "." | ".."), "{}", violations);
                    proptest::prop_assert!(violations.iter().all(|v| v.path == "id"));
                }
            }
            proptest::prop_assert_eq!(members.len(), 1, "path and query members leave the body");
        }
    }
}
