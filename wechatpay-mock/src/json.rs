//! A strict JSON reading: like `serde_json::from_slice::<Value>`, but a key repeated within one
//! object is an error (serde_json keeps the last one silently, so
//! `{"cert_no":"PLAINTEXT","cert_no":"<ciphertext>"}` would pass as the ciphertext).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Why a body is not strict JSON. Never holds a value from the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum JsonError {
    /// Not JSON (or trailing bytes), at this line and column.
    Syntax { line: usize, column: usize },
    /// A key appears twice in one object; `key` is its name if it is a plain identifier.
    DuplicateKey { key: Option<String>, line: usize, column: usize },
}

/// The marker our visitor puts in front of a duplicate key's error message.
const DUPLICATE: &str = "duplicate key:";

/// Parses `bytes` as one JSON value, refusing duplicate keys anywhere.
pub(crate) fn parse(bytes: &[u8]) -> Result<Value, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = Strict::deserialize(&mut deserializer)
        .and_then(|Strict(value)| deserializer.end().map(|()| value));
    value.map_err(|error| {
        let (line, column) = (error.line(), error.column());
        let message = error.to_string();
        match message.strip_prefix(DUPLICATE) {
            Some(rest) if error.is_data() => {
                let key = rest.split_once(" at line ").map_or(rest, |(key, _)| key);
                let key = (!key.is_empty()).then(|| key.to_owned());
                JsonError::DuplicateKey { key, line, column }
            }
            _ => JsonError::Syntax { line, column },
        }
    })
}

/// Whether `name` may be shown in a message (it cannot be personal data).
pub(crate) fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number JSON cannot represent"))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let shown = if is_plain_name(&key) { key.as_str() } else { "" };
                return Err(de::Error::custom(format!("{DUPLICATE}{shown}")));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a":[1,-2,3.5,true,null,"中"],"b":{"c":{}},"d":18446744073709551615}"#;
        assert_eq!(parse(text.as_bytes()).unwrap(), serde_json::from_str::<Value>(text).unwrap());
        assert_eq!(parse(b" [] ").unwrap(), json!([]));
    }

    #[test]
    fn refuses_duplicate_keys_at_any_depth() {
        let duplicate = |text: &str| match parse(text.as_bytes()) {
            Err(JsonError::DuplicateKey { key, .. }) => key,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(
            duplicate(r#"{"cert_no":"PLAINTEXT","cert_no":"Y2lwaGVy"}"#).as_deref(),
            Some("cert_no")
        );
        assert_eq!(duplicate(r#"{"data":[{"tel":"1","x":{"a":1,"a":1}}]}"#).as_deref(), Some("a"));
        assert_eq!(duplicate(r#"{"中":1,"中":2}"#), None, "only plain names are shown");
        assert!(parse(br#"{"a":{"b":1},"b":{"a":1}}"#).is_ok(), "same key in other objects");
    }

    #[test]
    fn syntax_errors_give_a_position_only() {
        assert!(matches!(parse(b"{\"a\":"), Err(JsonError::Syntax { line: 1, .. })));
        assert!(matches!(parse(b"{} {}"), Err(JsonError::Syntax { .. })));
        assert!(matches!(parse(b""), Err(JsonError::Syntax { .. })));
    }
}
