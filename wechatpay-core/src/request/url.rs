//! Building the request target from the path template and the serialized request.

use serde_json::{Map, Value};

use super::validate::{Rule, Violation, Violations};

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
/// serialized request, removing those members from `body` so they are not sent twice.
pub(crate) fn request_target(
    template: &str,
    query: &[&str],
    body: &mut Map<String, Value>,
) -> Result<String, Violations> {
    let mut missing = Vec::new();
    let mut target = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |i| open + i);
        target.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        match body.remove(name).as_ref().and_then(url_text).filter(|t| !t.is_empty()) {
            Some(text) => target.push_str(&encode_component(&text)),
            None => missing.push(Violation { path: name.to_owned(), rule: Rule::Required }),
        }
        rest = rest.get(close + 1..).unwrap_or("");
    }
    target.push_str(rest);
    if !missing.is_empty() {
        return Err(Violations(missing));
    }
    let mut separator = '?';
    for name in query {
        if let Some(text) = body.remove(*name).as_ref().and_then(url_text) {
            target.push(separator);
            target.push_str(&encode_component(name));
            target.push('=');
            target.push_str(&encode_component(&text));
            separator = '&';
        }
    }
    Ok(target)
}

/// The text of a scalar for a URL; `None` for null (an absent optional is not sent).
fn url_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
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
}
